"""The Data panel on a real engine (in-process): the mix, curation, and the person's files."""

import functools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from tests.data_panel_setup import shown_data_panel, started_controller  # noqa: E402

pytestmark = pytest.mark.gui

DOCS_PER_SOURCE = 250  # a slice of each bundled source: the same code paths, seconds faster


@functools.cache
def _corpus_slice():
    from engine.corpus.sources import made_up_corpus as bundled_corpus

    return {k: tuple(v[:DOCS_PER_SOURCE]) for k, v in bundled_corpus(0).items()}


def _small_session():
    """A real Session on a slice of the bundled corpus (the engine's own code throughout)."""
    from engine.session.core import Session

    session = Session(seed=0)
    # subtle: a slice of the corpus in place of the bundled one (`use_corpus`) keeps every
    # step (mix, curation, BPE, counts) real but on fewer documents.
    session.use_corpus({k: list(v) for k, v in _corpus_slice().items()})
    from engine.corpus.mix import Mix

    session.mix = Mix.made_up()  # the slice is of the made-up world
    return session


@pytest.fixture
def controller(qtbot):
    with started_controller(qtbot, _small_session, timeout=60_000) as c:
        yield c


@pytest.fixture
def panel(qtbot, controller):
    return shown_data_panel(qtbot, controller, timeout=60_000)


def test_panel_shows_the_engines_summary(panel, controller):
    summary = controller.pretraining.data_summary
    assert [s.info.name for s in summary.sources] == list(panel._rows)
    assert panel.documents_value.text() == f"{summary.documents:,}"
    assert panel.words_value.text() == f"{summary.words:,}"
    assert panel.tokens_value.text() == f"{summary.tokens:,}"
    for src in summary.sources:
        row = panel._rows[src.info.name]
        assert f"<b>{src.info.title}</b>" in row.title.text()
        assert src.info.style in row.title.toolTip()
        assert row.slider.value() == round(100 * summary.mix.weights.get(src.info.name, 0))
    # every curation step is listed with its count, and removed text is struck through
    assert panel.steps.count() == len(summary.reports)
    for i, report in enumerate(summary.reports):  # each count with what it counts
        unit = "document" if report.removed == 1 else "documents"
        assert report.unit == "documents"  # made-up documents: curation keeps or drops whole ones
        assert f"{report.removed:,} {unit} removed" in panel.steps.item(i).text()
    with_examples = [i for i, r in enumerate(summary.reports) if r.examples]
    assert with_examples, "the bundled forum is noisy: some filter must remove something"
    detail = panel.removed_examples_html(with_examples[0])
    assert "<s>" in detail and "</s>" in detail


def test_dragging_a_slider_applies_the_mix_on_release(qtbot, panel, controller):
    before = controller.pretraining.data_summary
    sent = []
    original = controller.pretraining.set_mix
    controller.pretraining.set_mix = lambda mix: (sent.append(mix), original(mix))

    forum = panel._rows["forum"].slider
    assert forum.value() < 100
    forum.setSliderDown(True)  # the person grabs the handle...
    for pos in range(forum.value(), 101, 5):
        forum.setSliderPosition(pos)  # ...and drags it: shares update, nothing is sent
    assert sent == []
    assert "100 %" in panel._rows["forum"].share.text()

    with qtbot.waitSignal(controller.pretraining.dataSummaryChanged, timeout=60_000) as changed:
        forum.setSliderDown(False)  # release: one command
    assert len(sent) == 1
    after = changed.args[0]
    assert after.mix.weights["forum"] == 1.0
    assert after.mix.weights["encyclopedia"] == before.mix.weights["encyclopedia"]
    assert after.documents != before.documents
    assert after.words != before.words
    assert panel.documents_value.text() == f"{after.documents:,}"
    # the session in the engine really holds the new mix
    assert controller.backend.server.session.mix.weights["forum"] == 1.0


def test_ready_made_mix_and_retrain(qtbot, panel, controller):
    combo = panel.preset_combo
    index = next(i for i in range(combo.count()) if combo.itemText(i) == "Only Forum")
    with qtbot.waitSignal(controller.pretraining.dataSummaryChanged, timeout=60_000) as changed:
        combo.activated.emit(index)
    assert changed.args[0].mix.weights == {
        name: (1.0 if name == "forum" else 0.0) for name in panel._rows
    }
    with qtbot.waitSignal(
        controller.pretraining.trainingStateChanged, timeout=60_000, check_params_cb=lambda s: s == "running"
    ):
        panel.retrain_button.click()
    with qtbot.waitSignal(controller.pretraining.trainingStateChanged, timeout=30_000):
        controller.pretraining.stop_training()
    session = controller.backend.server.session
    assert session.mix.weights["forum"] == 1.0
    assert session.stage in ("untrained", "pre-trained")


def test_a_bad_file_shows_the_error_and_keeps_the_data(
    qtbot, panel, controller, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a, **k: shown.append((title, text))),
    )
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 40)  # binary data behind a .txt name
    before = controller.pretraining.data_summary
    documents_shown = panel.documents_value.text()

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(bad)], ""))
    )
    with qtbot.waitSignal(controller.jobFailed, timeout=30_000) as failed:
        panel._add_files_action.trigger()  # "Add your own text…" > "Choose files…"
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)

    title, message = failed.args
    assert shown[0][0] == title
    assert message in shown[0][1]  # the engine's own words reach the person
    assert "binary" in message.lower() or "not text" in message.lower()
    assert panel.last_error == (title, message)
    # nothing was lost: same numbers on screen and in the engine
    assert panel.documents_value.text() == documents_shown
    assert controller.pretraining.data_summary is before
    assert controller.backend.server.session.user_files == []
    assert panel.add_button.isEnabled()


def test_a_good_file_joins_the_corpus(qtbot, panel, controller, tmp_path):
    good = tmp_path / "notes.md"
    paragraph = (
        "The lighthouse keeper counted the waves every evening and wrote the numbers "
        "in a small blue book that nobody else ever read. "
    )
    good.write_text("\n\n".join(paragraph * 2 for _ in range(6)), encoding="utf-8")
    with qtbot.waitSignal(controller.pretraining.dataSummaryChanged, timeout=60_000) as changed:
        panel.add_user_texts(str(good))
    summary = changed.args[0]
    assert summary.user_files == (str(good),)
    assert "yours" in panel._rows
    assert "notes.md" in panel.user_files_label.text()
    assert panel._pending_user_files == []
