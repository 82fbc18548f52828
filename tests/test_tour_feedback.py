"""The tour's feedback step: the lecturer's click when there is one, else a pick by a
fixed rule that the tour names."""

import pytest

import gui.lecture.tour_actions as actions
from engine.alignment.preference import Answer
from gui.lecture.tour_actions import pick_by_rule

pytestmark = pytest.mark.gui


def _a(ended: bool) -> Answer:
    return Answer("x", (5, 6) + ((0,) if ended else ()), ended)


def test_the_rule_picks_the_only_answer_that_stopped_else_a():
    assert pick_by_rule((_a(False), _a(True)))[0] == 1
    assert pick_by_rule((_a(True), _a(False)))[0] == 0
    assert pick_by_rule((_a(True), _a(True))) == (0, "both or neither stopped by themselves, so A by default")
    assert pick_by_rule((_a(False), _a(False)))[0] == 0


def _feedback_tour(main_window, engine_controller):
    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import TourStep

    steps = (TourStep("chat", "One click", "One. Two.", "give_feedback"),)
    return Tour(main_window, engine_controller, steps)


def test_without_a_click_the_tour_says_it_picks_by_a_rule(qtbot, main_window, engine_controller,
                                                         monkeypatch):
    monkeypatch.setattr(actions, "CLICK_WAIT_MS", 300)
    c = engine_controller
    tour = _feedback_tour(main_window, c)
    with qtbot.waitSignal(c.alignment.alignmentSnapshot, timeout=60_000,
                          check_params_cb=lambda s: s.event == "pair"):
        tour.start(0)
    assert "fixed rule" in tour.status or "tour's pick" in tour.status
    qtbot.waitUntil(lambda: "Learned from the tour's pick" in tour.status, timeout=10_000)
    tour.stop()


def test_a_click_in_time_is_the_judgement(qtbot, main_window, engine_controller, monkeypatch):
    from PySide6.QtCore import Qt

    monkeypatch.setattr(actions, "CLICK_WAIT_MS", 120_000)
    c = engine_controller
    tour = _feedback_tour(main_window, c)
    tour.start(0)
    panel = main_window.panels["chat"]
    qtbot.waitUntil(lambda: panel.candidates is not None and panel.cards[0].better_button.isEnabled(),
                    timeout=60_000)
    assert "Click the better answer" in tour.status
    with qtbot.waitSignal(c.alignment.alignmentSnapshot, timeout=60_000,
                          check_params_cb=lambda s: s.event == "pair"):
        qtbot.mouseClick(panel.cards[0].better_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Learned from your click" in tour.status, timeout=10_000)
    assert c.backend.server.session.alignment.current_run().version == 1  # the click, not a pick
    tour.stop()


def test_the_biased_judges_step_says_what_it_counted(qtbot, main_window, engine_controller,
                                                      monkeypatch):
    """The caption's clicks, the clicks that changed the model (the panel's updates) and
    the sizes of the two measurements, all from the run just made."""
    import re

    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import TourStep

    monkeypatch.setattr(actions, "BIASED_CLICKS", 3)
    c = engine_controller
    tour = Tour(main_window, c, (TourStep("chat", "Judge", "One. Two.", "biased_judge"),))
    with qtbot.waitSignal(tour.stepDone, timeout=180_000):
        tour.start(0)
    run = c.backend.server.session.alignment.current_run()
    said = tour.status
    found = re.search(r"after the judge's 3 clicks, (\d+) of which changed the model", said)
    assert found, said
    assert int(found.group(1)) == run.version == c.alignment.ranker_info["learned"]
    per_point = c.alignment.alignment_history.snapshots[-1].samples
    assert f"Measured on {c.alignment.ranker_info['after'].n} answers each time; each point of " \
           f"the chart is {per_point} answers" in said
    tour.stop()


def test_the_fine_tune_step_says_where_the_held_out_loss_went(qtbot, main_window, engine_controller):
    """Computed from the run just made: the held-out answers' loss, first and last measured,
    and what a rise means (the pairs learned by heart) or a fall."""
    import re

    from gui.lecture import tour_words
    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import TourStep

    rose = tour_words.finetune_ended("done", 0.04, (3.82, 5.58))
    assert "from 3.82 up to 5.58" in rose and "by heart" in rose and "overfitting" in rose
    fell = tour_words.finetune_ended("done", 1.2, (4.76, 4.39))
    assert "from 4.76 to 4.39" in fell and "overfitting" not in fell

    c = engine_controller
    panel = main_window.show_panel("finetune")
    panel.steps_spin.setValue(30)
    tour = Tour(main_window, c, (TourStep("finetune", "Fine-tune", "One. Two.", "finetune"),))
    with qtbot.waitSignal(tour.stepDone, timeout=180_000):
        tour.start(0)
    measured = c.finetuning.sft_history.heldout_loss
    assert len(measured) >= 2
    found = re.search(r"its loss went from ([\d.]+)(?: up)? to ([\d.]+)", tour.status)
    assert found, tour.status
    assert (found.group(1), found.group(2)) == (f"{measured[0]:.2f}", f"{measured[-1]:.2f}")
    assert ("by heart" in tour.status) == (measured[-1] >= measured[0])
    assert panel.tabs.currentWidget() is panel.plot  # the curve the caption talks about
    tour.stop()
