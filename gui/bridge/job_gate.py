"""No click silently undoes another: what happens when an action needs the model while
another job holds it.

The engine runs one model job at a time (workers/jobs.py) and stops the one running
when another command needs the model, announcing it (`JobStopped`). Panels send such
actions through `controller.gate.request(action, run, policy)` first:

- nothing that conflicts is running (or it is paused): `run()` at once;
- policy "ask": the person is asked ("Fine-tuning is running (step 113 of 300). Stop it
  to learn from your thumbs-up?") through `asker`, which the main window sets; with no
  asker (a panel on its own in a test) it goes ahead, and the engine's message says what
  stopped;
- policy "queue": it waits until the job is no longer running, and says so;
- policy "wait-or-ask": queue behind a job that ends by itself (fine-tuning, the judge),
  ask about training (it runs until paused).

Whatever the engine stopped is said in `notice` (the status bar shows it):
"Stopped fine-tuning at step 113 of 300 to learn from your thumbs-up."

Signals:
    notice(str)     a sentence for the person: what was stopped, or what waits
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Signal

from engine.stages import FINE_TUNING, TRAINING
from gui.bridge.model_jobs import RANKER, ModelJobs, RunningJob

ALL_JOBS = frozenset({TRAINING, FINE_TUNING, RANKER})
# The judge's run lets answers be written and judgements learned between its clicks.
NOT_THE_JUDGE = frozenset({TRAINING, FINE_TUNING})

# Which running jobs each action would stop (workers/server: make_room), and the engine
# command it sends (so the engine's JobStopped is told in the action's own words).
CONFLICTS: dict[str, tuple[frozenset, str]] = {
    "train": (frozenset({FINE_TUNING, RANKER}), "train"),
    "train-from-scratch": (ALL_JOBS, "train"),
    "step": (frozenset({FINE_TUNING, RANKER}), "step_training"),
    "fine-tune": (ALL_JOBS, "fine_tune"),
    "thumb-up": (NOT_THE_JUDGE, "learn_from_feedback"),
    "thumb-down": (NOT_THE_JUDGE, "learn_from_feedback"),
    "better": (NOT_THE_JUDGE, "learn_from_feedback"),
    "judge": (ALL_JOBS, "run_ranker"),
    "answers": (NOT_THE_JUDGE, "write_candidates"),
    "open-chat": (NOT_THE_JUDGE, "get_alignment_history"),
    "compare": (NOT_THE_JUDGE, "compare_stages"),
    "measure-word": (NOT_THE_JUDGE, "set_alignment_trait"),
    # Stops nothing, but while fine-tuning runs it would show a half-trained model.
    "compare-finetune": (frozenset({FINE_TUNING}), "compare"),
    "reset-alignment": (ALL_JOBS, "reset_alignment"),
    "reset-demo": (ALL_JOBS, "reset_demo"),
}


def _n(value: int | None) -> str:
    """A count for people, in the chosen language's digits and separators."""
    return QLocale().toString(int(value or 0))


@dataclass(frozen=True)
class JobQuestion:
    """Stop the running job for an action? What the asker shows, and what yes does."""

    title: str
    text: str
    yes: str  # the button that stops the job and goes on
    no: str  # the button that leaves the job running
    on_yes: Callable[[], None]
    job: RunningJob
    action: str


class JobGate(QObject):
    """Asks, queues or goes ahead; turns the engine's JobStopped into a sentence."""

    notice = Signal(str)

    def __init__(self, controller, jobs: ModelJobs, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.jobs = jobs
        self.asker: Callable[[JobQuestion], None] | None = None  # the main window's dialog
        self.last_notice = ""
        self.queued: dict[str, Callable[[], None]] = {}  # action -> run, oldest first
        self._said_for: dict[str, str] = {}  # engine command kind -> the action that sent it
        jobs.changed.connect(self._run_queued)
        controller.jobStopped.connect(self._on_job_stopped)

    # -- the panels' actions -----------------------------------------------------------
    def conflict(self, action: str) -> RunningJob | None:
        """The running (not paused) job that `action` would stop, if any."""
        job = self.jobs.running()
        if job is None or job.paused or job.name not in CONFLICTS[action][0]:
            return None
        return job

    def request(self, action: str, run: Callable[[], None], policy: str = "ask") -> str:
        """Run `action` now, or ask first, or queue it (see the module docstring).

        Returns "now", "asked" or "queued".
        """
        job = self.conflict(action)
        if job is None:
            self._go(action, run)
            return "now"
        if policy == "queue" or (policy == "wait-or-ask" and job.total is not None):
            self.queued.pop(action, None)  # latest wins
            self.queued[action] = run
            self._say(self._waiting_sentence(job))
            return "queued"
        if self.asker is None:  # no one to ask: go on; the engine says what it stopped
            self._go(action, run)
            return "now"
        self.asker(JobQuestion(self._question_title(job), self._question(job, action),
                               self.tr("Stop and go on"), self._keep_words(job),
                               lambda: self._go(action, run), job, action))
        return "asked"

    def cancel_queued(self) -> None:
        self.queued.clear()

    def _go(self, action: str, run: Callable[[], None]) -> None:
        self._said_for[CONFLICTS[action][1]] = action
        run()

    def _run_queued(self) -> None:
        for action in list(self.queued):
            if self.conflict(action) is None:
                self._go(action, self.queued.pop(action))

    # -- from the engine ---------------------------------------------------------------
    def _on_job_stopped(self, event) -> None:
        action = self._said_for.get(event.by, "")
        self._say(self.stopped_sentence(event.job, event.step, event.total, event.paused,
                                        self._purpose(action, event.by)))

    def _say(self, text: str) -> None:
        self.last_notice = text
        self.notice.emit(text)

    # -- words ---------------------------------------------------------------------------
    def stopped_sentence(self, job: str, step: int, total: int | None, paused: bool,
                         purpose: str) -> str:
        if job == TRAINING and paused:
            return self.tr("Ended the paused training run (step {step}) {purpose}.").format(
                step=_n(step), purpose=purpose)
        if job == TRAINING:
            return self.tr("Stopped training at step {step} {purpose}.").format(
                step=_n(step), purpose=purpose)
        if job == FINE_TUNING:
            return self.tr("Stopped fine-tuning at step {step} of {total} {purpose}.").format(
                step=_n(step), total=_n(total), purpose=purpose)
        return self.tr("Stopped the automatic judge after {step} of {total} clicks {purpose}.").format(
            step=_n(step), total=_n(total), purpose=purpose)

    def _purpose(self, action: str, by: str) -> str:
        """Why, as "to …" (a whole phrase, so a translation can order it its own way)."""
        words = {
            "train": self.tr("to train"),
            "train-from-scratch": self.tr("to train a new model from scratch"),
            "step": self.tr("to take one training step"),
            "fine-tune": self.tr("to fine-tune"),
            "thumb-up": self.tr("to learn from your thumbs-up"),
            "thumb-down": self.tr("to learn from your thumbs-down"),
            "better": self.tr("to learn from your choice"),
            "judge": self.tr("to run the automatic judge"),
            "answers": self.tr("to write answers"),
            "open-chat": self.tr("to open Chat & feedback"),
            "compare": self.tr("to compare the three stages"),
            "measure-word": self.tr("to measure the judge's word"),
            "compare-finetune": self.tr("to put the question to both models"),
            "reset-alignment": self.tr("to go back to the fine-tuned model"),
            # Said of the tour's own return to the shipped model too, where no one pressed
            # "Reset the demo": what it does, not the button's name.
            "reset-demo": self.tr("to go back to the models and data the app came with"),
        }
        if action in words:
            return words[action]
        by_command = {
            "train": "train-from-scratch", "step_training": "step", "fine_tune": "fine-tune",
            "learn_from_feedback": "better", "run_ranker": "judge",
            "write_candidates": "answers", "compare_stages": "compare",
            "reset_alignment": "reset-alignment", "reset_demo": "reset-demo",
            "get_alignment_history": "open-chat", "set_alignment_trait": "measure-word",
        }
        if by in by_command:
            return words[by_command[by]]
        if by == "open_session":
            return self.tr("to open another session")
        return self.tr("for another task")

    def _progress(self, job: RunningJob) -> str:
        if job.name == TRAINING:
            return self.tr("Training is running (step {step})").format(step=_n(job.step))
        if job.name == FINE_TUNING:
            return self.tr("Fine-tuning is running (step {step} of {total})").format(
                step=_n(job.step), total=_n(job.total))
        return self.tr("The automatic judge is running (click {step} of {total})").format(
            step=_n(job.step), total=_n(job.total))

    def _question_title(self, job: RunningJob) -> str:
        if job.name == TRAINING:
            return self.tr("Stop training?")
        if job.name == FINE_TUNING:
            return self.tr("Stop fine-tuning?")
        return self.tr("Stop the automatic judge?")

    def _question(self, job: RunningJob, action: str) -> str:
        return self.tr("{running}. Stop it {purpose}?").format(
            running=self._progress(job), purpose=self._purpose(action, ""))

    def _keep_words(self, job: RunningJob) -> str:
        return self.tr("Keep training") if job.name == TRAINING else self.tr("Let it finish")

    def _waiting_sentence(self, job: RunningJob) -> str:
        if job.name == TRAINING:
            return self.tr("{running}: what you asked for starts when it is paused.").format(
                running=self._progress(job))
        return self.tr("{running}: what you asked for starts when it finishes.").format(
            running=self._progress(job))
