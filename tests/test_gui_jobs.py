"""No click silently undoes another, and the model's stage is named from facts (GUI side).

A click that needs the model while another job runs asks first (the main window's
question box), or waits for a job that ends by itself; whatever is stopped is said under
the navigator ("Stopped fine-tuning at step 12 of 300 to learn from your thumbs-up.").
The status bar names the stage from facts: a new model at step 3 is "training…", not
"pre-trained". The engine's own rule (every stop announced) is in test_job_arbitration.py.
"""

import pytest

from engine.stages import (
    ALIGNED,
    FINE_TUNING,
    FINETUNED,
    PRETRAINED,
    TRAINING,
    UNTRAINED,
    shown_stage,
)

pytestmark = pytest.mark.gui


# -- the vocabulary (no Qt) ---------------------------------------------------------------
def test_shown_stage_is_pre_trained_only_after_a_finished_or_loaded_run():
    # A brand-new model, running or paused at step 14: not pre-trained yet.
    assert shown_stage(PRETRAINED, TRAINING, paused=False, began_untrained=True) == TRAINING
    assert shown_stage(PRETRAINED, TRAINING, paused=True, began_untrained=True) == TRAINING
    # A loaded pre-trained model trained further and paused is still pre-trained.
    assert shown_stage(PRETRAINED, TRAINING, paused=True, began_untrained=False) == PRETRAINED
    assert shown_stage(PRETRAINED, TRAINING, paused=False) == TRAINING
    assert shown_stage(PRETRAINED) == PRETRAINED  # the run ended (or it was loaded so)
    assert shown_stage(FINETUNED, FINE_TUNING) == FINE_TUNING  # lesson 20 of 300 is not done
    assert shown_stage(FINETUNED) == FINETUNED
    assert shown_stage(ALIGNED, "ranker") == ALIGNED
    assert shown_stage(UNTRAINED) == UNTRAINED
    assert shown_stage("base") == PRETRAINED  # the short names still work


# -- helpers --------------------------------------------------------------------------------
def _wait_for_sft_step(qtbot, controller, step):
    qtbot.waitUntil(lambda: controller.finetuning.finetune_state == "running"
                    and controller.finetuning.latest_sft_snapshot is not None
                    and controller.finetuning.latest_sft_snapshot.step >= step, timeout=60_000)


def _wait_for_training_step(qtbot, controller, step):
    qtbot.waitUntil(lambda: controller.pretraining.latest_snapshot is not None
                    and controller.pretraining.latest_snapshot.step >= step, timeout=60_000)


def _pause(qtbot, controller):
    """Leave no run going when a test ends (its timers would outlive the window)."""
    with qtbot.waitSignal(controller.pretraining.trainingStateChanged, timeout=30_000,
                          check_params_cb=lambda s: s == "paused"):
        controller.pretraining.pause_training()


def _stage_text(window):
    bar = window.status_bar
    return bar.stage_label.text() + " | " + bar.stage_label.toolTip()


# -- asking, queueing, saying -----------------------------------------------------------------
def test_training_during_fine_tuning_asks_and_says_what_it_stopped(qtbot, main_window, engine_controller):
    """The same gate serves every start button (a thumb, the judge, Ask, Compare, Train…);
    the engine's side of a thumb during fine-tuning is in test_job_arbitration.py."""
    c, window = engine_controller, main_window
    windows = window.show_panel("windows")
    c.finetuning.start_finetune(max_steps=300)
    _wait_for_sft_step(qtbot, c, 2)

    windows.continue_button.click()
    box = window.job_question
    assert box.box is not None, "training during fine-tuning must ask first"
    assert "Fine-tuning is running (step" in box.box.text() and "of 300" in box.box.text()
    assert c.finetuning.finetune_state == "running"  # nothing stopped while it asks

    with qtbot.waitSignal(c.jobStopped, timeout=60_000) as stopped:
        box.answer(True)
    event = stopped.args[0]
    assert event.job == "fine-tuning" and event.total == 300 and event.by == "train"
    notice = window.status_bar.notice_label
    assert notice.text() == f"Stopped fine-tuning at step {event.step} of 300 to train."
    assert not notice.isHidden()
    qtbot.waitUntil(lambda: c.pretraining.training_state == "running", timeout=30_000)
    _pause(qtbot, c)


def test_the_thumb_words_name_the_thumb(engine_controller):
    """What a stopped job is said to have been stopped for, from the action that asked."""
    gate = engine_controller.gate
    assert (gate.stopped_sentence("fine-tuning", 113, 300, False, gate._purpose("thumb-up", ""))
            == "Stopped fine-tuning at step 113 of 300 to learn from your thumbs-up.")
    assert (gate.stopped_sentence("training", 137, None, True, gate._purpose("", "compare_stages"))
            == "Ended the paused training run (step 137) to compare the three stages.")
    # The tour goes back to the shipped model through the reset too: it names what it does,
    # not a button no one pressed.
    assert (gate.stopped_sentence("training", 90, None, True, gate._purpose("", "reset_demo"))
            == "Ended the paused training run (step 90) to go back to the models and data the "
               "app came with.")


def test_saying_no_leaves_the_running_job_alone(qtbot, main_window, engine_controller):
    c, window = engine_controller, main_window
    c.pretraining.start_training()
    _wait_for_training_step(qtbot, c, 2)
    panel = window.show_panel("finetune")
    panel.start_finetune()
    box = window.job_question
    assert box.box is not None and "Training is running (step" in box.box.text()
    with qtbot.waitSignal(box.answered, timeout=5_000):
        box.answer(False)
    step = c.pretraining.latest_snapshot.step
    _wait_for_training_step(qtbot, c, step + 2)  # it goes on
    assert c.pretraining.training_state == "running" and c.finetuning.finetune_state != "running"
    assert window.status_bar.notice_label.text() == ""
    _pause(qtbot, c)


def test_a_second_training_from_scratch_asks_and_the_replaced_run_is_named(qtbot, main_window,
                                                                           engine_controller):
    c, window = engine_controller, main_window
    windows = window.show_panel("windows")
    c.pretraining.start_training()
    _wait_for_training_step(qtbot, c, 2)
    windows.scratch_button.click()
    box = window.job_question
    assert box.box is not None and "to train a new model from scratch" in box.box.text()
    with qtbot.waitSignal(c.jobStopped, timeout=30_000):
        box.answer(True)
    assert window.status_bar.notice_label.text().startswith("Stopped training at step ")
    _pause(qtbot, c)


def test_comparing_during_fine_tuning_waits_for_it_instead_of_showing_a_half_made_model(
        qtbot, main_window, engine_controller):
    c, window = engine_controller, main_window
    finetune = window.show_panel("finetune")
    qtbot.waitUntil(lambda: finetune.comparison is not None, timeout=120_000)  # its first question
    c.finetuning.start_finetune(max_steps=10)
    _wait_for_sft_step(qtbot, c, 1)
    stopped = []
    c.jobStopped.connect(stopped.append)
    finetune.ask("Where does the owl sleep at night?")
    assert "compare-finetune" in c.gate.queued
    assert "Fine-tuning is running" in window.status_bar.notice_label.text()
    # The fine-tune runs to its end (it is not stopped), then the answers come.
    with qtbot.waitSignal(finetune.comparisonShown, timeout=120_000):
        pass
    assert c.finetuning.finetune_state == "done" and not stopped
    assert c.finetuning.latest_sft_snapshot.step == 10
    assert not c.gate.queued


# -- the real state in the sidebar and the status bar -------------------------------------------
def test_after_pause_nothing_says_training_and_a_new_model_is_not_pre_trained(qtbot, main_window,
                                                                            engine_controller):
    c, window = engine_controller, main_window
    assert "pre-trained" in _stage_text(window)  # the shipped model was loaded as one
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=30_000,
                          check_params_cb=lambda s: s == "running"):
        c.pretraining.start_training(from_scratch=True)
    _wait_for_training_step(qtbot, c, 3)
    qtbot.waitUntil(lambda: "training…" in _stage_text(window), timeout=5_000)
    assert "pre-trained" not in _stage_text(window)
    indicator = window.job_indicator
    qtbot.waitUntil(lambda: indicator.isVisible() and "Training" in indicator.label.text(), timeout=5_000)

    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=30_000,
                          check_params_cb=lambda s: s == "paused"):
        c.pretraining.pause_training()
    qtbot.wait(200)  # any late snapshot has arrived
    assert "training" not in indicator.jobs
    assert not (indicator.isVisible() and "Training" in indicator.label.text())
    assert "Training" not in window.status_bar.busy_label.text()
    assert "training… (paused)" in _stage_text(window)  # a new model, its run not finished

    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=30_000,
                          check_params_cb=lambda s: s == "stopped"):
        c.pretraining.stop_training()
    qtbot.waitUntil(lambda: "pre-trained" in _stage_text(window), timeout=5_000)


def test_fine_tuning_is_named_fine_tuning_until_it_ends_then_aligned_counts_judgements(
        qtbot, main_window, engine_controller):
    c, window = engine_controller, main_window
    c.finetuning.start_finetune(max_steps=8)
    _wait_for_sft_step(qtbot, c, 1)
    qtbot.waitUntil(lambda: "fine-tuning…" in _stage_text(window), timeout=5_000)
    assert "fine-tuned" not in _stage_text(window)
    qtbot.waitUntil(lambda: c.finetuning.finetune_state == "done", timeout=60_000)
    qtbot.waitUntil(lambda: "fine-tuned" in _stage_text(window), timeout=5_000)



def test_an_aligned_model_is_named_with_its_judgements(qtbot):
    from gui.bridge.model_jobs import ShownStage
    from gui.status_bar import ModelStatusBar

    bar = ModelStatusBar()
    qtbot.addWidget(bar)
    assert bar.stage_words(ShownStage(ALIGNED, judgements=1)) == "aligned (1 judgement)"
    assert bar.stage_words(ShownStage(ALIGNED, judgements=12)) == "aligned (12 judgements)"
    assert bar.stage_words(ShownStage(TRAINING, paused=True)) == "training… (paused)"
    # In the short words of a narrow bar too (the tour's caption said "Paused" beside
    # "training…"); a running one stays "training…".
    assert bar.stage_words(ShownStage(TRAINING, paused=True), short=True) == "paused"
    assert bar.stage_words(ShownStage(TRAINING), short=True) == "training…"
    assert bar.stage_words(ShownStage(FINE_TUNING)) == "fine-tuning…"
