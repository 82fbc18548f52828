"""The Data panel on the library of real books (in-process engine on a slice of each
genre): the corpus chooser, each cleaning step with its count and masked examples, the
held-out chapters, a credited sample, and switching to the made-up world."""

import functools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.data_panel_setup import shown_data_panel, started_controller  # noqa: E402

pytestmark = pytest.mark.gui

DOCS_PER_SOURCE = 200  # a slice of each source: the same code paths, seconds faster


@functools.cache
def _corpus_slice():
    from engine.corpus.sources import library_corpus, made_up_corpus

    both = {**library_corpus(), **made_up_corpus(0)}
    return {k: tuple(v[:DOCS_PER_SOURCE]) for k, v in both.items()}


def _small_session():
    from engine.session.core import Session

    session = Session(seed=0)  # the default mix: the library
    # subtle: a slice in place of the bundled corpus keeps every step real but smaller.
    session.use_corpus({k: list(v) for k, v in _corpus_slice().items()})
    return session


@pytest.fixture
def controller(qtbot):
    with started_controller(qtbot, _small_session, timeout=120_000) as c:
        yield c


@pytest.fixture
def panel(qtbot, controller):
    return shown_data_panel(qtbot, controller, timeout=120_000)


def test_the_library_is_shown_by_genre_with_its_cleaning_steps(panel, controller):
    summary = controller.pretraining.data_summary
    assert list(panel._rows) == ["sea", "fables", "nature", "plays"]
    assert panel.corpus_chooser.corpus() == "library"
    assert "real books" in panel.corpus_chooser.combo.currentText()
    assert "whole chapters" in panel.corpus_chooser.note.text()
    names = [r.name for r in summary.reports]
    assert "Project Gutenberg header, footer and licence" in names
    licence = names.index("Project Gutenberg header, footer and licence")
    assert "lines removed" in panel.steps.item(licence).text()
    detail = panel.removed_examples_html(licence)
    assert "<s>" in detail and "START OF THIS PROJECT GUTENBERG" in detail
    slurs = names.index("Blocklist: period slurs")
    detail = panel.removed_examples_html(slurs)
    assert "****" in detail and "egro" not in detail  # masked, never spelled out
    assert "repeats what it" in detail  # the step says why


def test_read_shows_a_real_passage_with_its_book(panel):
    panel._rows["sea"].sample_button.click()
    text = panel.sample_view.toPlainText()
    assert "Herman Melville" in text and "1851" in text


def test_choosing_the_made_up_world_says_it_is_generated(qtbot, panel, controller):
    chooser = panel.corpus_chooser
    index = chooser.combo.findData("made-up")
    with qtbot.waitSignal(controller.pretraining.dataSummaryChanged, timeout=120_000) as changed:
        chooser.combo.activated.emit(index)
    assert {s.info.name for s in changed.args[0].sources} == {
        "encyclopedia", "stories", "news", "forum", "quiz"}
    assert chooser.corpus() == "made-up"
    assert "Generated from templates" in chooser.note.text()
    assert chooser.generator_button.isVisibleTo(panel)


def test_the_generator_view_and_the_about_box_are_the_real_tables():
    from engine.corpus.library.books import BOOKS
    from gui.panels.pretraining.data_corpus import books_html, generator_html

    gen = generator_html()
    assert "{sea}" in gen and "waters ×9" in gen and "sea ×9" in gen
    about = books_html()
    assert all(b.title.replace("'", "&#x27;") in about for b in BOOKS)
    assert "Project Gutenberg" in about and "#2701" in about
