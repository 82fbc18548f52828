"""Issue 13's smaller items that a lecture hall would see (each test can fail)."""

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def bpe():
    from engine.session.core import Session

    return Session.from_default().ensure_tokenizer()


def test_a_partial_character_is_never_shown_as_a_replacement_mark(bpe):
    """ "it" then the first byte of a character the tokenizer keeps as bytes ("☃", which the
    books never use) alone (a byte-level model can write that): the library shows
    "it\ufffd"; the app shows "it"."""
    ids = bpe.encode("it☃ a test")
    assert bpe.decode(ids) == "it☃ a test"
    first_byte = next(i for i in ids if len(bpe.token_strings([i])[0]) > 1
                      and bpe.token_strings([i])[0].startswith("<0x"))
    cut = ids[: ids.index(first_byte) + 1]
    assert bpe.decode(cut) == "it"
    # in the middle, between whole words, too; and special tokens stay as they are
    end = bpe.encode("<end>")
    assert bpe.decode([*cut, *bpe.encode(" sea"), *end]) == "it sea<end>"


def test_a_real_replacement_character_in_the_text_survives(bpe):
    text = "a \ufffd b"
    assert bpe.decode(bpe.encode(text)) == text


# -- the Data panel -----------------------------------------------------------------------
def test_a_small_source_in_the_mix_is_never_called_zero_percent(qtbot):
    from PySide6.QtCore import QLocale

    from gui.panels.pretraining.data_parts import share_number

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert share_number(0.0) == "0"
        assert share_number(0.002) == "0.2"  # a few pages beside a library of books
        assert share_number(0.0004) == "< 0.1"
        assert share_number(0.4) == "40"
        assert all(share_number(s) != "0" for s in (1e-9, 1e-5, 0.004, 0.0099))
    finally:
        QLocale.setDefault(before)


def test_read_shows_another_passage_each_time(qtbot):
    from tests.data_panel_setup import shown_data_panel, started_controller
    from tests.test_gui_data_library import _small_session

    with started_controller(qtbot, _small_session, timeout=120_000) as controller:
        panel = shown_data_panel(qtbot, controller, timeout=120_000)
        shown = []
        for _ in range(3):
            panel._rows["sea"].sample_button.click()
            shown.append(panel.sample_view.toPlainText())
        assert len(set(shown)) == 3, "each Read shows a different passage"
        assert all("A sample of" in text for text in shown)
        panel._rows["fables"].sample_button.click()  # another source starts at its first
        fables = controller.pretraining.data_summary.sources[1]
        assert fables.info.name == "fables"
        assert fables.samples[0][0].split("\n\n")[0].strip()[:40] in panel.sample_view.toPlainText()


# -- the Tokens panel's merge replay ---------------------------------------------------------
def test_the_merge_replay_stops_when_the_text_stops_changing(qtbot, bpe):
    from gui.widgets.merge_replay import MergeReplayView

    view = MergeReplayView()
    qtbot.addWidget(view)
    view.show()
    view.set_tokenizer(bpe)
    view.set_sample("the sea")
    view.ensure_built()
    last_change = view._replay.steps[-1].step
    assert last_change < view.total_merges  # a short text runs out of merges early
    view.speed_combo.setCurrentIndex(view.speed_combo.count() - 1)  # the fastest
    view.set_position(max(0, last_change - 5))
    view.play()
    qtbot.waitUntil(lambda: not view.is_playing(), timeout=10_000)
    assert view.position() == last_change
    view.jump_to_end()  # the finished tokenizer is still one click away
    assert view.position() == view.total_merges


# -- save and export dialogs ------------------------------------------------------------------
def test_dialogs_start_in_documents_or_pictures_and_remember_the_last_folder(qapp, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from gui import file_dialogs

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    assert file_dialogs.start_folder("session") == (docs or file_dialogs.default_folder("session"))
    assert file_dialogs.start_folder("pictures") == (pictures or file_dialogs.default_folder("pictures"))
    assert file_dialogs.start_folder("pairs") != str(Path.cwd()) or docs == str(Path.cwd())
    chosen = tmp_path / "talks" / "export.png"
    chosen.parent.mkdir()
    file_dialogs.remember("pictures", chosen)
    assert file_dialogs.start_folder("pictures") == str(chosen.parent)
    assert file_dialogs.start_path("pictures", "map.png") == str(chosen.parent / "map.png")
    assert file_dialogs.start_folder("session") != str(chosen.parent)  # each kind its own
    chosen.parent.rename(tmp_path / "gone")  # a remembered folder that is gone: the default
    assert file_dialogs.start_folder("pictures") == (pictures or file_dialogs.default_folder("pictures"))
