"""No job stops another without a word: the engine's side (no Qt).

The engine keeps one model job at a time (training, fine-tuning, the automatic judge).
A command that needs the model while another job holds it stops that job; whenever it
does, a `JobStopped` event says which job, how far it had got and what stopped it.
The GUI's side (asking first, queueing, the message on screen) is in
tests/test_gui_jobs.py.
"""

import pytest

from workers.protocol import (
    CompareStages,
    FineTune,
    FineTuneState,
    JobStopped,
    LearnFromFeedback,
    PauseTraining,
    RankerState,
    ResetAlignment,
    ResetDemo,
    RunRanker,
    RunState,
    StepTraining,
    StopFineTune,
    Train,
    TrainingState,
    WriteCandidates,
)

STOPPED_STATES = {TrainingState: "training", FineTuneState: "fine-tuning", RankerState: "ranker"}


@pytest.fixture
def server(fresh_session):
    from workers.server.core import EngineServer

    events: list = []
    server = EngineServer(fresh_session, events.append)
    assert server.load()
    server.events = events
    return server


def _advance(server, n):
    for _ in range(n):
        server.advance()
    server.flush()


def _handled(server, command) -> list:
    """The events `command` caused."""
    start = len(server.events)
    server.handle(command)
    return server.events[start:]


def _stopped_jobs(events) -> set[str]:
    """Which jobs ended "stopped" in `events` (their own state events)."""
    return {STOPPED_STATES[type(e)] for e in events
            if type(e) in STOPPED_STATES and e.state == RunState.STOPPED}


def _thumb(server):
    from engine.alignment.feedback import Thumb

    report = _handled(server, WriteCandidates("chat", "What is the sea?", 2, 1))[-1]
    c = report.candidates
    return Thumb(c.prompt, c.prompt_ids, c.answers[0], up=True)


def _start_finetune(server, steps=4):
    server.handle(FineTune(0, 300))
    _advance(server, steps)


def test_a_thumb_during_fine_tuning_says_it_stopped_fine_tuning_and_where(server):
    thumb = _thumb(server)
    _start_finetune(server, 4)
    events = _handled(server, LearnFromFeedback(thumb))
    said = [e for e in events if isinstance(e, JobStopped)]
    assert said == [JobStopped("fine-tuning", 4, 300, "learn_from_feedback", False)]
    assert _stopped_jobs(events) == {"fine-tuning"}


def test_fine_tuning_started_during_training_says_it_stopped_training(server):
    server.handle(Train(False))
    _advance(server, 3)
    events = _handled(server, FineTune(0, 300))
    said = [e for e in events if isinstance(e, JobStopped)]
    assert len(said) == 1 and said[0].job == "training" and said[0].by == "fine_tune"
    assert said[0].step >= 3 and said[0].total is None and not said[0].paused


def test_a_paused_training_run_that_is_ended_is_named_as_paused(server):
    server.handle(Train(False))
    _advance(server, 2)
    server.handle(PauseTraining())
    events = _handled(server, CompareStages("chat", "What is the sea?", 0))
    said = [e for e in events if isinstance(e, JobStopped)]
    assert len(said) == 1 and said[0].paused and said[0].by == "compare_stages"


def test_training_from_scratch_replacing_a_run_says_so_but_continuing_does_not(server):
    server.handle(Train(False))
    _advance(server, 2)
    again = _handled(server, Train(False))  # the same run goes on: nothing is lost
    assert not [e for e in again if isinstance(e, JobStopped)]
    fresh = _handled(server, Train(True, seed=1))
    said = [e for e in fresh if isinstance(e, JobStopped)]
    assert len(said) == 1 and said[0].job == "training" and said[0].by == "train"


def test_a_step_during_fine_tuning_says_it_stopped_fine_tuning(server):
    _start_finetune(server, 2)
    events = _handled(server, StepTraining())
    said = [e for e in events if isinstance(e, JobStopped)]
    assert [(e.job, e.by) for e in said] == [("fine-tuning", "step_training")]


def test_the_judge_stopped_by_a_reset_is_named_with_its_clicks(server):
    server.handle(RunRanker("prefers-word:sea", 30, 0))
    _advance(server, 2)
    events = _handled(server, ResetAlignment())
    said = [e for e in events if isinstance(e, JobStopped)]
    assert len(said) == 1 and said[0].job == "ranker" and said[0].total == 30
    assert said[0].by == "reset_alignment" and 1 <= said[0].step <= 2


def test_its_own_stop_command_needs_no_announcement(server):
    _start_finetune(server, 2)
    events = _handled(server, StopFineTune())
    assert _stopped_jobs(events) == {"fine-tuning"}
    assert not [e for e in events if isinstance(e, JobStopped)]


@pytest.mark.parametrize("make_job", ["train", "fine_tune"])
@pytest.mark.parametrize("interrupt", ["fine_tune", "train_from_scratch", "write_candidates",
                                       "compare_stages", "reset_alignment", "reset_demo"])
def test_every_job_stopped_by_another_command_is_announced(server, make_job, interrupt):
    """The rule itself: any job that ends "stopped" because of another command is named
    in a JobStopped of the same command."""
    commands = {
        "fine_tune": FineTune(0, 300),
        "train_from_scratch": Train(True, seed=2),
        "write_candidates": WriteCandidates("chat", "What is the sea?", 2, 1),
        "compare_stages": CompareStages("chat", "What is the sea?", 0),
        "reset_alignment": ResetAlignment(),
        "reset_demo": ResetDemo(),
    }
    server.handle(Train(False) if make_job == "train" else FineTune(0, 300))
    _advance(server, 2)
    events = _handled(server, commands[interrupt])
    announced = {e.job for e in events if isinstance(e, JobStopped)}
    job = "training" if make_job == "train" else "fine-tuning"
    # (a reset also says "training stopped" when none ran: the GUI's state starts again)
    stopped = _stopped_jobs(events) & {job}
    if interrupt == "train_from_scratch" and make_job == "train":
        stopped = {"training"}  # replaced by a new run: its "running" follows, no "stopped"
    assert stopped <= announced, f"{interrupt} stopped {stopped} but announced only {announced}"
    assert announced, f"{interrupt} did not stop {make_job} (so this test tests nothing)"
