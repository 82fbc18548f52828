"""What the engine is busy with: the job, its progress, and a Cancel (or Stop) button.

It sits in the window's left column, under the navigator, in place of the status bar's
busy words (`replaces`), which it hides while it shows: at presenter text sizes the
status bar itself has no room left at 1280 pixels wide.

The engine says when a job starts and ends (`busyChanged`); some jobs also say how far
they have got (a save's `jobProgress`, fine-tuning's steps out of its total, a scripted
ranker's clicks). Jobs that can be stopped get a button that sends their stop command;
the others (building the corpus, training the tokenizer, opening a file) take seconds
and say so in a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from gui.engine_messages import engine_text
from gui.i18n import translate


@dataclass(frozen=True)
class JobKind:
    words: str  # what the person reads (English; translated where shown)
    cancel: str = ""  # the button's text; "" when the job cannot be stopped
    also: str = ""  # its short name after "also:" when another job is shown

    def shown_words(self) -> str:
        return translate("JobIndicator", self.words)

    def shown_cancel(self) -> str:
        return translate("JobIndicator", self.cancel or _CANCEL)

    def shown_also(self) -> str:
        return translate("JobIndicator", self.also or self.words)


# The words are marked for the translation files here and translated where they are shown.
_STOP = QT_TRANSLATE_NOOP("JobIndicator", "Stop")
_CANCEL = QT_TRANSLATE_NOOP("JobIndicator", "Cancel")
JOB_KINDS: dict[str, JobKind] = {
    "loading": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Loading the model…"),
                       also=QT_TRANSLATE_NOOP("JobIndicator", "loading the model")),
    "data": JobKind(QT_TRANSLATE_NOOP("JobIndicator",
                                      "Preparing the training data (mixing, cleaning, tokenizing)…"),
                    also=QT_TRANSLATE_NOOP("JobIndicator", "preparing the training data")),
    "training": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Training…"), _STOP,
                        QT_TRANSLATE_NOOP("JobIndicator", "training")),
    "fine-tuning": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Fine-tuning…"), _STOP,
                           QT_TRANSLATE_NOOP("JobIndicator", "fine-tuning")),
    "aligning": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Learning from feedback…"), _STOP,
                        QT_TRANSLATE_NOOP("JobIndicator", "learning from feedback")),
    "measuring": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Measuring the answers…"),
                         also=QT_TRANSLATE_NOOP("JobIndicator", "measuring the answers")),
    "saving": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Saving the session…"), _CANCEL,
                      QT_TRANSLATE_NOOP("JobIndicator", "saving the session")),
    "opening": JobKind(QT_TRANSLATE_NOOP("JobIndicator", "Opening the session…"),
                       also=QT_TRANSLATE_NOOP("JobIndicator", "opening the session")),
    "umap": JobKind(QT_TRANSLATE_NOOP("JobIndicator",
                                      "Getting the detailed word map ready (UMAP, once per launch)…"),
                    also=QT_TRANSLATE_NOOP("JobIndicator", "getting the detailed word map ready")),
}
UNSTOPPABLE_TIP = QT_TRANSLATE_NOOP(
    "JobIndicator", "This takes a few seconds and cannot be interrupted; everything else keeps working.")


class JobIndicator(QWidget):
    """Shows the newest running job with its progress and, when it can be stopped, a button.

    `jobs` lists the running jobs' keys, oldest first (for tests and tools).
    """

    def __init__(self, controller, parent: QWidget | None = None, replaces: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jobIndicator")
        self.controller = controller
        self.replaces = replaces
        self.jobs: list[str] = []
        self._fraction: dict[str, float] = {}  # known progress per job (0..1)
        self._detail: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 10)
        layout.setSpacing(4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setProperty("role", "muted")
        self.bar = QProgressBar()
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.cancel_button.clicked.connect(self.cancel_current)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self._cancellers: dict[str, Callable[[], None]] = {
            "training": controller.pretraining.stop_training,
            "fine-tuning": controller.finetuning.stop_finetune,
            "aligning": controller.alignment.stop_ranker,
            "saving": controller.cancel_save,
        }
        controller.busyChanged.connect(self.set_busy)
        controller.jobProgress.connect(self._on_progress)
        controller.finetuning.finetuneSnapshot.connect(self._on_sft_snapshot)
        controller.alignment.rankerProgress.connect(self._on_ranker_progress)
        controller.alignment.rankerStateChanged.connect(lambda _state, _info: self._refresh())
        controller.pretraining.trainingSnapshot.connect(self._on_train_snapshot)
        controller.pretraining.trainingStateChanged.connect(self._on_training_state)
        controller.modelReady.connect(self._attach_word_map)
        self._word_map = None
        self._refresh()

    # -- state ------------------------------------------------------------------------
    def current(self) -> str | None:
        """The job shown: the newest one still running."""
        return self.jobs[-1] if self.jobs else None

    def can_cancel(self, job: str | None) -> bool:
        if job is None or not JOB_KINDS.get(job, JobKind("")).cancel:
            return False
        if job == "aligning":  # one judgement takes a second; only the ranker demo can stop
            return self.controller.alignment.ranker_state == "running"
        return True

    def set_busy(self, what: str, busy: bool) -> None:
        if busy and what not in self.jobs:
            self.jobs.append(what)
            self._fraction.pop(what, None)
            self._detail.pop(what, None)
        elif not busy and what in self.jobs:
            self.jobs.remove(what)
        self._refresh()

    def cancel_current(self) -> None:
        """Send the stop command of the job shown (if it has one)."""
        job = self.current()
        if self.can_cancel(job):
            self._cancellers[job]()
            self.cancel_button.setEnabled(False)  # until the engine says it stopped
            self.cancel_button.setText(self.tr("Stopping…"))

    # -- progress from the engine -----------------------------------------------------
    def _on_progress(self, what: str, fraction: float, text: str) -> None:
        if fraction < 0:
            self._fraction.pop(what, None)
            self._detail.pop(what, None)
        else:
            self._fraction[what] = fraction
            self._detail[what] = engine_text(text)
        self._refresh()

    def _on_sft_snapshot(self, snap) -> None:
        total = (self.controller.finetuning.sft_run or {}).get("max_steps")
        if total:
            self._fraction["fine-tuning"] = min(1.0, snap.step / total)
            self._detail["fine-tuning"] = self.tr("Fine-tuning: step {step} of {total}").format(
                step=QLocale().toString(snap.step), total=QLocale().toString(int(total)))
            self._refresh()

    def _on_ranker_progress(self, done: int, total: int) -> None:
        if total:
            self._fraction["aligning"] = done / total
            self._detail["aligning"] = self.tr("The automatic judge: click {done} of {total}").format(
                done=done, total=total)
            self._refresh()

    def _on_training_state(self, state: str) -> None:
        """Training is shown exactly while it runs: paused, stopped or blown up is not
        training (the engine's busy flag stays up while a paused run waits)."""
        self.set_busy("training", state == "running")

    def _on_train_snapshot(self, snap) -> None:
        if "training" in self.jobs:
            self._detail["training"] = self.tr("Training: step {step}").format(
                step=QLocale().toString(snap.step))
            if self.current() == "training":
                self.label.setText(self._detail["training"])

    def _attach_word_map(self) -> None:
        """The UMAP warm-up (its own process) counts as a job while it runs."""
        if self._word_map is not None:
            return
        from gui.bridge.embedding_history import EmbeddingHistory

        history = self.controller.findChild(EmbeddingHistory)
        if history is None:
            return
        self._word_map = history
        history.umapStateChanged.connect(lambda state: self.set_busy("umap", state == "warming"))
        if getattr(history, "_started", False):
            self.set_busy("umap", history.umap_state == "warming")

    # -- drawing ----------------------------------------------------------------------
    def _refresh(self) -> None:
        job = self.current()
        if self.replaces is not None:
            self.replaces.setVisible(job is None)
        if job is None:
            self.hide()
            return
        kind = JOB_KINDS.get(job, JobKind(f"{job}…"))
        text = self._detail.get(job) or kind.shown_words()
        others = [JOB_KINDS.get(j, JobKind(j)).shown_also() for j in self.jobs[:-1]]
        if others:
            text += "  ·  " + self.tr("also: {jobs}").format(jobs=", ".join(others))
        self.label.setText(text)
        self.label.setToolTip(text)
        fraction = self._fraction.get(job)
        if fraction is None:
            self.bar.setRange(0, 0)  # moving: the job does not know how far it is
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(round(1000 * fraction)))
        can = self.can_cancel(job)
        self.cancel_button.setVisible(can)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(kind.shown_cancel())
        self.cancel_button.setToolTip(self.tr("{action}: {job}").format(
            action=kind.shown_cancel(), job=kind.shown_also()) if can else "")
        self.setToolTip("" if can else translate("JobIndicator", UNSTOPPABLE_TIP))
        self.show()
