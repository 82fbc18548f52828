"""Which job holds the live model now, and what the model is called meanwhile.

The engine keeps one model job at a time: pre-training, fine-tuning or the automatic
judge (workers/jobs.py). This follows their state events (the bridges of the three
pillars) so the status bar, the sidebar and the job gate (job_gate.py) read one answer:
`running()` (the job, how far it is, paused or not) and `stage()` (the stage words, from
facts: engine.stages.shown_stage).

Signals:
    changed()   the running job, its progress or the shown stage changed
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from engine.stages import ALIGNED, FINE_TUNING, TRAINING, UNTRAINED, shown_stage

RANKER = "ranker"  # the automatic judge's run (workers/server/alignment.py)


@dataclass(frozen=True)
class RunningJob:
    """The model job now: its name, how far it is, how far it goes (None: until paused)."""

    name: str  # "training" | "fine-tuning" | "ranker"
    step: int
    total: int | None
    paused: bool = False


@dataclass(frozen=True)
class ShownStage:
    """What the live model is called now (engine.stages.shown_stage) and what backs it."""

    stage: str  # "untrained" | "training" | "pre-trained" | "fine-tuning" | "fine-tuned" | "aligned"
    paused: bool = False  # "training", paused before the run finished
    judgements: int | None = None  # "aligned": how many updates it learned from (if known)


class ModelJobs(QObject):
    """The model's job and shown stage, from the pillars' events. See the module docstring."""

    changed = Signal()

    def __init__(self, controller, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.began_untrained = False  # the training run started from a new model
        pre, ft, al = controller.pretraining, controller.finetuning, controller.alignment
        for signal in (pre.trainingStateChanged, ft.finetuneStateChanged, ft.finetuneSnapshot,
                       pre.trainingSnapshot, al.rankerProgress, al.alignmentSnapshot,
                       controller.statusChanged):
            signal.connect(self._changed)
        al.rankerStateChanged.connect(self._changed)
        pre.trainingStarted.connect(self._on_training_started)

    def running(self) -> RunningJob | None:
        """The model job now (a paused training run counts, marked paused), else None."""
        c = self.controller
        if c.finetuning.finetune_state == "running":
            snap, run = c.finetuning.latest_sft_snapshot, c.finetuning.sft_run or {}
            return RunningJob(FINE_TUNING, snap.step if snap is not None else 0, run.get("max_steps"))
        if c.alignment.ranker_state == "running":
            info = c.alignment.ranker_info or {}
            return RunningJob(RANKER, int(info.get("done", 0)), info.get("clicks"))
        state = c.pretraining.training_state
        if state in ("running", "paused"):
            snap = c.pretraining.latest_snapshot
            return RunningJob(TRAINING, snap.step if snap is not None else 0, None, state == "paused")
        return None

    def stage(self) -> ShownStage:
        """What to call the live model now (the status bar's and the sidebar's words)."""
        status = self.controller.status
        if status is None:
            return ShownStage(UNTRAINED)
        job = self.running()
        shown = shown_stage(status.stage, job.name if job else None,
                            bool(job and job.paused), self.began_untrained)
        if shown == ALIGNED:
            history = self.controller.alignment.alignment_history.snapshots
            return ShownStage(shown, judgements=history[-1].version if history else None)
        return ShownStage(shown, paused=shown == TRAINING and bool(job and job.paused))

    def _on_training_started(self, from_scratch: bool) -> None:
        status = self.controller.status  # still the model's before this run
        self.began_untrained = bool(from_scratch) or status is None or status.stage == UNTRAINED
        self.changed.emit()

    def _changed(self, *_args) -> None:
        self.changed.emit()
