"""Reset means reset: every kind of reset goes through one path (controller.resultsReset ->
MainWindow.forget_results), and nothing of the models that are gone stays on screen.

("Reset the demo" and its captions, answers and strip: tests/test_lecture.py.)
"""

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def chat_window(qtbot, fresh_session):
    """The main window on a session whose live model stands in for the fine-tuned one
    (as in tests/test_gui_chat.py), its Chat panel open with answers on screen."""
    from gui.bridge.controller import Controller, InProcessBackend
    from gui.main_window import MainWindow

    def make():
        session = fresh_session()
        session.stage = "fine-tuned"
        return session

    controller = Controller(InProcessBackend(make))
    with qtbot.waitSignal(controller.modelReady, timeout=60_000):
        controller.start()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    chat = window.show_panel("chat")
    qtbot.waitUntil(chat.is_ready, timeout=60_000)
    yield controller, window, chat
    controller.shutdown()


def test_reset_to_the_fine_tuned_model_goes_through_the_one_reset_path(qtbot, chat_window):
    c, window, chat = chat_window
    finetune = window.show_panel("finetune")
    window.show_panel("chat")
    with qtbot.waitSignal(c.alignment.stageStripReady, timeout=60_000):
        chat.compare_stages("What is the sea?")
    assert any(col.sample.text() for col in chat.columns.values())
    with qtbot.waitSignal(c.alignment.alignmentSnapshot, timeout=30_000,
                          check_params_cb=lambda s: s.event == "thumb"):
        chat.send_thumb(0, True)
    qtbot.waitUntil(lambda: chat.candidates is not None and chat.candidates.model_version == 1,
                    timeout=30_000)
    chat.judge_result.setText("Mentions “sea”: 13 % before → 40 % after 30 clicks")  # a stale caption
    with qtbot.waitSignal(c.resultsReset, timeout=30_000,
                          check_params_cb=lambda kind: kind == "alignment"):
        chat.reset()
    # Every panel dropped what it showed of the models that are gone ...
    assert not any(col.sample.text() for col in chat.columns.values())
    assert chat.judge_result.text() == ""
    assert [chat.history.item(i).text() for i in range(chat.history.count())] == [
        "↺ Back to the fine-tuned model: every judgement forgotten"]
    assert finetune.comparison is None
    # ... and the answers on screen come from the reset model.
    qtbot.waitUntil(lambda: chat.candidates is not None, timeout=30_000)
    assert chat.candidates.model_version == 0
    assert c.status.stage == "fine-tuned"


def test_reset_the_demo_clears_the_word_map_replay(qtbot, main_window, engine_controller):
    """The replay must not show a run of a model that is gone. Training from scratch
    then resetting: the shipped model has read more tokens than the new one, so the map's
    history cannot tell by the count of tokens read; the reset itself clears it."""
    from gui.bridge.embedding_history import EmbeddingHistory

    c = engine_controller
    history = c.findChild(EmbeddingHistory)
    history.start()
    qtbot.waitUntil(lambda: len(history.frames) >= 1, timeout=30_000)
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s in ("stopped", "paused")):
        c.pretraining.start_training(from_scratch=True, max_steps=3)
    qtbot.waitUntil(lambda: history.frames and history.frames[-1].snapshot.tokens_seen
                    == c.status.tokens_seen, timeout=30_000)
    scratch_frames = [f.snapshot.tokens_seen for f in history.frames]
    assert scratch_frames and max(scratch_frames) < 10**6  # the new model's own frames

    with qtbot.waitSignals([c.demoReset, history.framesReset], timeout=10_000):
        c.reset_demo()
    qtbot.waitUntil(lambda: len(history.frames) >= 1, timeout=30_000)
    shipped = c.status.tokens_seen
    assert shipped > max(scratch_frames)
    # After the reset: the shipped model's map, with the frames saved while it was built
    # before it (gui/bridge/shipped_build.py), and nothing of the run from scratch.
    live = [f for f in history.frames if not f.from_build]
    assert [f.snapshot.tokens_seen for f in live] == [shipped]
    assert all(f.snapshot.tokens_seen <= shipped for f in history.frames)


@pytest.fixture
def presenter(qtbot, main_window, engine_controller):
    """The lecture tools on the main window: "Reset the demo" (Ctrl+Shift+R, the tour's
    button) is `presenter.reset_action`."""
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import Presenter
    from gui.settings import AppSettings

    presenter = Presenter(main_window, engine_controller, AppSettings(), Appearance.instance())
    yield presenter
    presenter.shutdown()


def test_reset_the_demo_leaves_no_verdict_caption_or_insides_of_the_models_gone(
        qtbot, presenter, main_window, engine_controller):
    """After "Reset the demo" no panel shows what it measured on the models that are gone:
    Fine-tune's answer cards lose their verdicts ("✔ stops ✔ asks nothing back …"), the
    verdicts' tooltips and the origin lines with the answers; the Embeddings panel loses
    its neighbour list and caption ("“waters” is neighbour #1 of “sea” …") and measures the
    word again on the model now loaded; an open "Look inside" window looks again."""
    from gui.lecture.tour_script import TOUR_QUESTION

    c, window = engine_controller, main_window
    finetune = window.show_panel("finetune")
    with qtbot.waitSignal(finetune.comparisonShown, timeout=60_000,
                          check_params_cb=lambda comparison: comparison.question == TOUR_QUESTION):
        finetune.ask(TOUR_QUESTION)
    for card in finetune.cards.values():
        assert card.verdict.text() and card.verdict.toolTip() and card.origin.text()
    embeddings = window.show_panel("embeddings")
    with qtbot.waitSignal(embeddings.neighboursShown, timeout=60_000,
                          check_params_cb=lambda listing: listing.word == "sea" and bool(listing.rows)):
        embeddings.search("sea")
    assert embeddings.verdict.text() and embeddings.table.rowCount()
    windows = window.show_panel("windows")
    qtbot.waitUntil(windows.is_ready, timeout=30_000)
    with qtbot.waitSignal(c.pretraining.insideReady, timeout=60_000):
        inside = windows.open_look_inside()

    heard: list[str] = []
    c.demoReset.connect(lambda: heard.append("reset"))
    c.pretraining.insideReady.connect(lambda _view: heard.append("inside"))
    with qtbot.waitSignal(c.demoReset, timeout=30_000):
        presenter.reset_action.trigger()  # Ctrl+Shift+R; the tour card's button calls the same
    for stage, card in finetune.cards.items():
        assert "Ask both" in card.text.text(), stage
        assert (card.verdict.text(), card.verdict.toolTip(), card.origin.text()) == ("", "", ""), stage
        assert card.output is None and card.output_text is None
    assert embeddings.listing is None and embeddings.table.rowCount() == 0
    assert embeddings.verdict.text() == "" and embeddings.verdict.isHidden()
    # The open "Look inside" window asks the model now loaded.
    qtbot.waitUntil(lambda: "inside" in heard[heard.index("reset"):], timeout=30_000)
    assert inside.isVisible()
    # Shown again, the word is measured on the model now loaded.
    with qtbot.waitSignal(embeddings.neighboursShown, timeout=60_000,
                          check_params_cb=lambda listing: listing.word == "sea" and bool(listing.rows)):
        window.show_panel("embeddings")
    assert embeddings.verdict.text()
    found = c.backend.server.session.pretraining.neighbours("sea", 1)[0].token.strip()
    assert embeddings.listing.rows[0].word == found
    assert embeddings.table.item(0, 1).text().startswith(found)
