"""The Chat & feedback panel: a click updates the live model, the charts gain a point, and
the next answers come from the updated model (real widgets, in-process engine)."""

import pytest

from engine.alignment.preference import state_hash

pytestmark = pytest.mark.gui


@pytest.fixture
def chat_factory(fresh_session):
    """Sessions on the default checkpoint whose live model stands in for the fine-tuned one.

    The plumbing under test does not depend on which weights are aligned, and this keeps
    the test independent of the shipped fine-tuned checkpoint.
    """

    def make():
        session = fresh_session()
        session.stage = "fine-tuned"
        return session

    return make


@pytest.fixture
def chat(qtbot, chat_factory):
    from gui.bridge.controller import Controller, InProcessBackend
    from gui.main_window import MainWindow

    controller = Controller(InProcessBackend(chat_factory))
    with qtbot.waitSignal(controller.modelReady, timeout=60_000):
        controller.start()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_panel("chat")
    qtbot.waitUntil(panel.is_ready, timeout=60_000)
    yield controller, panel
    controller.shutdown()


def test_a_thumb_click_updates_the_model_and_the_next_answers_come_from_it(qtbot, chat):
    controller, panel = chat
    session = controller.backend.server.session
    run = session.alignment.current_run()
    ref_hash = state_hash(run.reference)
    assert state_hash(run.policy) == ref_hash  # nothing learned yet
    first = panel.candidates
    assert first.model_version == 0
    assert [c.text.text() for c in panel.cards] == [a.text or "(nothing: it stopped at once)"
                                                   for a in first.answers]
    points = panel.charts.point_count()
    assert points >= 1
    assert panel.cards[0].up_button.isEnabled()

    with (
        qtbot.waitSignal(controller.alignment.alignmentSnapshot, timeout=30_000,
                         check_params_cb=lambda s: s.event == "thumb") as snap_signal,
        qtbot.waitSignal(panel.judgementSent, timeout=5_000),
    ):
        qtbot.mouseClick(panel.cards[0].up_button, qtbot_button())
    snap = snap_signal.args[0]
    assert snap.version == 1 and snap.judgements == 1
    # The click changed the live model, never the reference.
    assert state_hash(run.policy) != ref_hash
    assert state_hash(run.reference) == ref_hash
    assert session.stage == "aligned"
    # The charts gained a point ...
    qtbot.waitUntil(lambda: panel.charts.point_count() == points + 1, timeout=5_000)
    assert panel.last_latency is not None
    # ... and the panel asked for new answers, written by the updated model.
    qtbot.waitUntil(lambda: panel.candidates.model_version == 1, timeout=30_000)
    shown = panel.candidates
    direct = session.alignment.candidates(shown.prompt, n=len(shown.answers), seed=shown.seed)
    assert direct == shown  # the same seed on the live (updated) model gives the same answers
    assert [c.text.text() for c in panel.cards] == [a.text or "(nothing: it stopped at once)"
                                                   for a in shown.answers]
    assert panel.history.count() == 1


def test_better_then_reset_goes_back_to_the_fine_tuned_model(qtbot, chat):
    controller, panel = chat
    session = controller.backend.server.session
    run = session.alignment.current_run()
    ref_hash = state_hash(run.reference)
    qtbot.waitUntil(lambda: panel.cards[1].better_button.isEnabled() or
                    len({a.text for a in panel.candidates.answers}) < 2, timeout=10_000)
    if not panel.cards[1].better_button.isEnabled():  # the model gave the same answer twice
        panel.suggest()
        qtbot.waitUntil(lambda: panel.cards[1].better_button.isEnabled(), timeout=30_000)
    with qtbot.waitSignal(controller.alignment.alignmentSnapshot, timeout=30_000,
                          check_params_cb=lambda s: s.event == "pair") as sig:
        qtbot.mouseClick(panel.cards[1].better_button, qtbot_button())
    assert sig.args[0].pairs == 1 and sig.args[0].dpo_loss == pytest.approx(0.693147, abs=1e-4)
    # Scored before learning, at the fine-tuned model itself: a tie, one half.
    snap = sig.args[0]
    assert snap.agreement == 0.5 and snap.agreement_pairs == 1 and snap.new_pairs == 1

    def agreement_points():
        ys = panel.charts.agreement_curve.getData()[1]
        return [] if ys is None else list(ys)

    qtbot.waitUntil(lambda: agreement_points() == [50.0], timeout=5_000)
    assert session.status().loss_label == "held-out answers, after 1 judgement"
    with qtbot.waitSignal(controller.alignment.alignmentSnapshot, timeout=30_000,
                          check_params_cb=lambda s: s.event == "reset"):
        qtbot.mouseClick(panel.reset_button, qtbot_button())
    assert state_hash(run.policy) == ref_hash
    assert session.stage == "fine-tuned"
    qtbot.waitUntil(lambda: panel.charts.point_count() == 1, timeout=5_000)


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_an_older_asks_answers_never_replace_the_last_asks(qtbot, chat):
    """The step's first opening asks, and the tour asks again at once: the answers on the
    cards (and narrated by the tour) are those of the last ask, not whichever came first."""
    controller, panel = chat
    shown = []
    panel.candidatesShown.connect(shown.append)
    controller.alignment.request_candidates("Where does the whale live?", n=2, seed=4242)  # earlier
    with qtbot.waitSignal(panel.candidatesShown, timeout=60_000):
        panel.ask("Why do men hunt the whale?")
    qtbot.wait(200)  # nothing else comes after it
    assert [c.prompt for c in shown] == ["Why do men hunt the whale?"]
    assert panel.candidates is shown[0] and panel.candidates.seed != 4242
    assert [c.text.text() for c in panel.cards] == [a.text or "(nothing: it stopped at once)"
                                                   for a in shown[0].answers]


def test_the_judges_clicks_updates_and_judgements_agree_everywhere(qtbot, chat):
    """A judge's click is one judgement even when it ranks four answers (up to six pairs),
    and a click whose answers it cannot tell apart teaches nothing: the judge's result, the
    panel's "after N updates" and the status bar's "after N judgements" count the same."""
    controller, panel = chat
    session = controller.backend.server.session
    run = session.alignment.current_run()
    start = run.version
    snaps, live_labels, ended = [], [], []
    controller.alignment.alignmentSnapshot.connect(snaps.append)
    controller.alignment.rankerStateChanged.connect(
        lambda state, _info: ended.append(True) if state != "running" else None)
    controller.statusChanged.connect(
        lambda status: None if ended else live_labels.append(status.loss_label))
    panel.show_biased_judge("sea")
    panel.clicks_spin.setValue(4)
    with qtbot.waitSignal(controller.alignment.rankerStateChanged, timeout=120_000,
                          check_params_cb=lambda state, _info: state != "running") as done:
        panel.run_judge()
    info = done.args[1]
    assert info["done"] == 4
    learned = run.version - start
    assert info["learned"] == learned
    assert learned == sum(1 for s in snaps if s.event not in ("no preference", "rolled back", "trait"))
    assert f"after 4 clicks, {learned} of which changed the model" in panel.judge_result.text()
    n = run.version
    assert session.status().loss_label == f"held-out answers, after {n} judgement{'s' * (n != 1)}"
    # while the judge ran, the status bar followed each update, not only its end
    for k in range(start + 1, n + 1):
        assert f"held-out answers, after {k} judgement{'s' * (k != 1)}" in live_labels, (k, live_labels)
    assert len(run.optimizer.memory.pairs()) >= n  # the pairs are not what is counted


def test_the_status_bar_names_the_loss_it_shows(qtbot):
    from engine.session.core import ModelStatus
    from gui.status_bar import ModelStatusBar

    bar = ModelStatusBar()
    qtbot.addWidget(bar)
    bar.set_status(ModelStatus("pre-trained", 1000, 4.2, 10, "held-out text"))
    assert "held-out text" in bar.loss_label.text() and "book text" in bar.loss_label.toolTip()
    bar.set_status(ModelStatus("aligned", 1000, 1.5, 10, "held-out answers, after 3 judgements"))
    assert "after 3 judgements" in bar.loss_label.text() and "answers" in bar.loss_label.toolTip()
