"""The pre-training panels in German: their own labels, the engine's words shown in them
(cleaning steps, sources, the held-out split, model parts) and numbers in German form."""

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402

from tests.data_panel_setup import shown_data_panel, started_controller  # noqa: E402
from tests.test_gui_data_library import _small_session  # noqa: E402  (the library, sliced)

pytestmark = pytest.mark.gui


@pytest.fixture
def german(qapp):
    """The German translation loaded (and the German locale) for one test, then English again."""
    from gui import i18n

    before = QLocale()
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")
    QLocale.setDefault(before)


def test_the_data_panel_speaks_german_with_german_numbers(qtbot, german):
    from gui.panels.pretraining.engine_texts import CLEANING, shown

    with started_controller(qtbot, _small_session, timeout=120_000) as controller:
        panel = shown_data_panel(qtbot, controller, timeout=120_000)
        summary = panel._summary
        assert panel.retrain_button.text() == "Übernehmen und neu trainieren"
        assert panel.add_button.text() == "Eigenen Text hinzufügen …"
        assert panel.corpus_chooser.about_button.text() == "Über die Bücher"
        assert "Bibliothek echter Bücher" in panel.corpus_chooser.combo.currentText()
        assert panel.corpus_chooser.note.text().startswith("Echte Bücher")
        assert "Zurückgehalten (nie darauf trainiert)" in panel.corpus_chooser.note.text()
        assert "<b>Meer und Seereisen</b>" in panel._rows["sea"].title.text()

        # Every cleaning step of the library, name and explanation, is in German: a step
        # the engine renamed or reworded would stay English here and fail.
        for i, report in enumerate(summary.reports):
            assert shown(CLEANING, report.name) != report.name, report.name
            assert shown(CLEANING, report.description) != report.description, report.name
            assert shown(CLEANING, report.name) in panel.steps.item(i).text()
            assert "entfernt" in panel.steps.item(i).text()
        licence = next(i for i, r in enumerate(summary.reports) if r.unit == "lines")
        assert "Zeilen entfernt" in panel.steps.item(licence).text()

        # Numbers: a German thousands dot, and a decimal comma in the share of a source.
        assert summary.words >= 1000
        assert panel.words_value.text() == QLocale(QLocale.Language.German).toString(summary.words)
        assert "." in panel.words_value.text() and "," not in panel.words_value.text()
        tip = panel._rows["sea"].share.toolTip()
        assert re.search(r"\d,\d %", tip), tip
        assert "des gesamten Trainingstextes" in tip


def test_the_engines_fixed_words_have_german_translations(german):
    """The gui-side table (engine_texts.py) still matches what the engine writes."""
    from engine.corpus.curation import FILTERS
    from engine.corpus.document import Document
    from engine.corpus.heldout import describe_heldout
    from engine.corpus.lexicon import WORD_GROUPS
    from engine.corpus.library.books import BOOKS, GENRES, LICENCE_NOTE
    from engine.corpus.made_up.generator import MADE_UP_SOURCES
    from engine.corpus.sources import CORPUS_TITLES
    from engine.pretraining.head_patterns import PATTERN_WORDS
    from engine.pretraining.parameter_map import _group, _label
    from engine.pretraining.trainer import PreTrainer
    from gui.panels.pretraining import engine_texts as t

    english = {
        t.CLEANING: [text for name, description, _ in FILTERS for text in (name, description)],
        t.SOURCES: [*CORPUS_TITLES.values(), LICENCE_NOTE,
                    *(text for s in (*GENRES, *MADE_UP_SOURCES) for text in (s.title, s.style))],
        t.MODEL_PARTS: [_label(n) for n in ("wte.weight", "wpe.weight", "blocks.0.ln_1.weight",
                                           "blocks.0.attn.c_attn.weight", "blocks.1.mlp.c_fc.weight",
                                           "lm_head.weight")]
                       + [_group("wte.weight"), _group("lm_head.weight"), *PATTERN_WORDS.values()],
        t.WORD_GROUPS: list(WORD_GROUPS),
        t.ENGINE_MESSAGES: [PreTrainer.diverged_message],
        t.HELD_OUT: [describe_heldout([]),
                     describe_heldout([Document("forum", "a b c")] * 40)],
    }
    book = BOOKS[0]
    chapters = [Document("sea", "words", book.slug, f"CHAPTER {n}.") for n in range(60)]
    english[t.HELD_OUT].append(describe_heldout(chapters))
    same_in_german = {"Forum"}
    for context, texts in english.items():
        for text in texts:
            assert t.shown(context, text) != text or text in same_in_german, (context, text)
    assert t.shown(t.MODEL_PARTS, "Block 3") == "Block 3"  # the same word, and still matched
    held = t.shown(t.HELD_OUT, describe_heldout(chapters))
    assert held.startswith("Zurückgehalten") and book.title in held  # the titles stay English


def test_counts_keep_english_singulars_without_a_translation():
    from gui.panels.pretraining.numbers import english_singular

    assert english_singular("1 lines", 1, "%Ln lines", "%Ln line") == "1 line"
    assert english_singular("2 lines", 2, "%Ln lines", "%Ln line") == "2 lines"
    assert english_singular("1 Zeile", 1, "%Ln lines", "%Ln line") == "1 Zeile"


def test_german_labels_keep_the_models_english_words(qtbot, german):
    """Translated labels are German; the examples' English words are shown as written (a
    lookup of a text no .ts holds must not blank it)."""
    from types import SimpleNamespace

    from PySide6.QtCore import QObject, Signal

    from gui.panels.pretraining.embeddings_parts import TimelineBar
    from gui.panels.pretraining.tokens_panel import TokensPanel

    class Pretraining(QObject):
        tokenizersChanged = Signal(object)
        tokenizers = None

    panel = TokensPanel(SimpleNamespace(pretraining=Pretraining()))
    qtbot.addWidget(panel)
    texts = {key: button.text() for key, button in panel.preset_buttons.items()}
    assert texts["made-up words"] == "Fantasiewörter"
    assert texts["headache"] == "headache" and texts["the cat"] == "the cat"
    assert panel.tabs.tabText(0).startswith("Drei Arten zu schneiden")
    timeline = TimelineBar()
    qtbot.addWidget(timeline)
    items = [timeline.method_combo.itemText(i) for i in range(timeline.method_combo.count())]
    assert items == ["Karte: UMAP", "Karte: PCA (schnell)"]
