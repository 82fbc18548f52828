"""The fine-tuning and chat panels and the guided tour in German: their own words, the
engine's words shown in them, and numbers the German way; the model's words stay English."""

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402

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


def test_the_tour_begins_in_german(german, qtbot, engine_controller, main_window):
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import Presenter
    from gui.lecture.tour_script import STEPS
    from gui.settings import AppSettings

    presenter = Presenter(main_window, engine_controller, AppSettings(), Appearance.instance())
    try:
        tour, card = presenter.tour, presenter.tour_card
        tour.start(0)
        assert card.title.text() == "Ein Modell ist, was es liest"
        assert card.narration.text().startswith("Alles, was dieses kleine Modell je wissen wird")
        assert card.narration.text() != STEPS[0].narration
        assert card.next_button.text() == "Weiter ▶" and card.back_button.text() == "◀ Zurück"
        assert card.reset_button.text() == "↺ Demo zurücksetzen"
        # The step's live demonstration reports in German, its counts with German separators.
        qtbot.waitUntil(lambda: "Dokumente" in tour.status, timeout=60_000)
        assert "Tokens" in tour.status and not re.search(r"\d,\d{3}", tour.status), tour.status
        assert presenter.start_tour_action.text() == "Führung starten"
        # A step with a field: the number is filled in, the title is German.
        tour.go_to(4)
        assert card.title.text() == "20 Sekunden Lernen aus dem Nichts"
        tour.stop()
    finally:
        presenter.shutdown()


def test_the_finetune_panel_speaks_german(german, qtbot, engine_controller, main_window):
    from engine.finetuning.qa_data import HELDOUT

    panel = main_window.show_panel("finetune")
    qtbot.waitUntil(panel.is_ready, timeout=120_000)
    assert panel.finetune_button.text() == "Feinabstimmung starten"
    assert panel.ask_button.text() == "Beide fragen"
    assert panel.prompt_check.text() == "Auch die Fragen lernen"
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "Vorher / nachher", "Die Beispiele (F&&A-Paare)", "Was gelernt wird (Masken)",
        "Lernkurve (Verlust)"]
    table = panel.rates_table
    assert table.horizontalHeaderItem(0).text() == "Vorher (vortrainiert)"
    assert table.verticalHeaderItem(0).text() == "Hört selbst auf (schreibt <end>)"
    # The measured counts: "12 von 48  (25 %)", the German way.
    assert re.fullmatch(r"\d+ von \d+  \(\d+ %\)", table.item(0, 1).text()), table.item(0, 1).text()
    assert "Testfragen" in panel.rates_note.text()
    # The cards: German headings and verdicts, the engine's origin translated where shown,
    # and the model's own words (its question and answer) left in English.
    card = panel.cards["fine-tuned"]
    assert "Feinabgestimmtes Modell" in card.title.text()
    assert "hört auf" in card.verdict.text()
    assert card.origin.text().endswith("im Chat-Format gefragt.")
    assert card.origin.text().split(";")[0] in {"Das Modell dieser Sitzung", "Mit der App ausgeliefert",
                                                 "Aus dieser Sitzung aufbewahrt"}
    assert panel.current_question() in panel.qa.questions(HELDOUT)  # English, as the model is
    assert card.output_text and card.output_text.split()[0] in card.text.text()


def test_the_chat_panel_speaks_german(german, qtbot, engine_controller, main_window):
    from gui.panels.alignment.chat_tabs import JUDGES

    panel = main_window.show_panel("chat")
    assert panel.ask_button.text() == "Fragen"
    assert panel.cards[0].better_button.text() == "Diese ist besser"
    assert panel.judge_combo.itemText(0) == "bevorzugt immer Antworten, die das Wort nennen"
    assert panel.judge_combo.count() == len(JUDGES)
    assert panel.word_edit.text() == "sea"  # the judged word stays English: the model is
    assert panel.clicks_spin.suffix() == " Klicks"
    assert panel.tabs.tabText(1) == "Ein voreingenommener Bewerter"
    qtbot.waitUntil(lambda: panel.candidates is not None, timeout=60_000)
    assert panel.status.text().startswith("Diese Antworten stammen vom")
    assert re.search(r"\d+ Tokens?, ", panel.cards[0].meta.text()), panel.cards[0].meta.text()


def test_the_engines_words_are_rebuilt_in_german(german):
    """The gui-side tables still match what the engine writes (a reworded engine sentence
    would stay English and fail here)."""
    from engine.alignment.metrics import Trait
    from engine.alignment.rankers import parse_ranker
    from engine.finetuning.trainer import SFTTrainer
    from engine.session.stage_models import KEPT, LIVE, SHIPPED
    from gui.panels.alignment.judge_words import JudgeWords
    from gui.panels.finetuning.engine_words import engine_text, stage_name

    for text in (KEPT, LIVE, SHIPPED, SFTTrainer.diverged_message,
                 "the reference the judgements start from"):
        assert engine_text(text) != text, text
    assert [stage_name(s) for s in ("pre-trained", "fine-tuned", "aligned")] == [
        "vortrainiert", "feinabgestimmt", "ausgerichtet"]
    assert engine_text("this session: 1 judgement") == "diese Sitzung: 1 Urteil"
    assert engine_text("this session: 3 judgements") == "diese Sitzung: 3 Urteile"
    words = JudgeWords()
    assert words.trait(Trait("word", word="sea").label) == "Antworten, die „sea“ nennen"
    assert words.trait(Trait("short", threshold=1).label) == "Antworten mit höchstens 1 Token"
    assert words.trait(Trait("long", threshold=12).label) == "Antworten mit mehr als 12 Tokens"
    for spec in ("prefers-shorter", "prefers-longer", "random"):
        ranker = parse_ranker(spec, None, seed=0)
        assert words.ranker(ranker.name, ranker.description) != ranker.description
    test = words.test("paired sign-flip permutation test over 16 held-out prompts "
                      "(2,000 random sign patterns, seed 0)")
    assert test.startswith("gepaarter") and "2.000" in test


def test_english_counts_read_right_without_a_translation(qapp):
    from gui.panels.finetuning.engine_words import engine_text
    from gui.panels.finetuning.numbers import percent

    assert engine_text("this session: 1 judgement") == "this session: 1 judgement"
    assert engine_text("this session: 2 judgements") == "this session: 2 judgements"
    assert percent(0.25) == "25%"


def test_refused_pairs_and_files_are_explained_in_german(german, tmp_path):
    """The engine's own refusals, as it words them, come out German (file names kept)."""
    from engine.finetuning.qa_data import (
        _FORMAT_HELP,
        QAEditError,
        QAFileError,
        bundled_qa,
        load_qa_file,
    )
    from engine.finetuning.qa_pairs import QAPair
    from gui.panels.finetuning.pair_messages import FORMAT_HELP, pair_message

    assert FORMAT_HELP == _FORMAT_HELP
    messages = []
    for name, text in (("empty.tsv", ""), ("tabs.tsv", "a\tb\tc\td\te\n"),
                       ("notab.tsv", "just a line\n"), ("blank.tsv", "Q: where?\nA: \n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(QAFileError) as caught:
            load_qa_file(path)
        messages.append(str(caught.value))
    with pytest.raises(QAEditError) as caught:
        bundled_qa().edit(0, QAPair("", "an answer"))
    messages.append(str(caught.value))
    for english in messages:
        german = pair_message(english)
        assert german != english, english
        assert not any(w in german.split() for w in ("the", "is", "line")), german
    assert pair_message(messages[1]).startswith("tabs.tsv, Zeile 1:")
