"""Pillar III's side of the controller (`controller.alignment`): answers, choices, rankers.

Signals (all delivered on the GUI thread):
    alignmentSnapshot(object)      AlignmentSnapshot after an update, reset or trait change
                                   (all since the last reset in `alignment_history`)
    candidatesReady(object)        Candidates: the answers the live model wrote for a prompt
    alignmentProgress(str)         "learning" while a choice is learned, "" when done
    rankerStateChanged(str, object)  "running" | "done" | "stopped", and an info dict
                                   (ranker, clicks, trait, before/after AnswerStats, z, p_value)
    rankerProgress(int, int)       clicks done, clicks asked for
    stageStripReady(object)        tuple[StageView, ...]: pre-trained, fine-tuned, aligned
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.bridge.histories import AlignmentHistory
from workers.protocol import (
    AlignmentHistoryReport,
    AlignmentProgress,
    AlignmentSnapshotReport,
    CandidatesReport,
    CompareStages,
    GetAlignmentHistory,
    LearnFromFeedback,
    RankerProgress,
    RankerState,
    ResetAlignment,
    RunRanker,
    SetAlignmentTrait,
    StageStripReport,
    StopRanker,
    WriteCandidates,
)

# The commands whose failures the chat panel shows as its own.
ALIGNMENT_COMMANDS = (GetAlignmentHistory, WriteCandidates, LearnFromFeedback, ResetAlignment,
                      SetAlignmentTrait, CompareStages, RunRanker)


class AlignmentBridge(QObject):
    """Requests and latest values of Pillar III. See the module docstring for the signals."""

    alignmentSnapshot = Signal(object)
    candidatesReady = Signal(object)
    alignmentProgress = Signal(str)
    rankerStateChanged = Signal(str, object)
    rankerProgress = Signal(int, int)
    stageStripReady = Signal(object)

    def __init__(self, send, parent: QObject | None = None):
        super().__init__(parent)
        self._send = send  # the controller's: EngineCommand -> its id
        self.alignment_history = AlignmentHistory()  # every snapshot since the last reset
        self.candidates = None  # Candidates: the answers shown now
        self.alignment_progress = ""  # "learning" while a choice is being learned
        self.ranker_state = "stopped"  # "running" | "done" | "stopped"
        self.ranker_info: dict | None = None  # ranker, description, clicks, done, trait, ...
        self.stage_strip = None  # tuple[StageView, ...]

    def handlers(self) -> dict:
        return {AlignmentHistoryReport: self._on_history,
                AlignmentSnapshotReport: self._on_snapshot, CandidatesReport: self._on_candidates,
                AlignmentProgress: self._on_progress, RankerState: self._on_ranker_state,
                RankerProgress: self._on_ranker_progress, StageStripReport: self._on_strip}

    # -- requests ------------------------------------------------------------------------
    def request_alignment_history(self) -> None:
        self._send(GetAlignmentHistory())

    def request_candidates(self, prompt: str, n: int = 2, seed: int = 0, key: str = "chat") -> None:
        """n answers to `prompt` from the live model; candidatesReady follows."""
        self._send(WriteCandidates(key, prompt, int(n), int(seed)))

    def learn(self, feedback) -> None:
        """Learn from a PreferencePair, Ranking, Thumb (or pairs) now; alignmentSnapshot follows."""
        self.alignment_progress = "learning"
        self.alignmentProgress.emit("learning")
        self._send(LearnFromFeedback(feedback))

    def reset_alignment(self) -> None:
        """Back to the fine-tuned model; the charts start again."""
        self._send(ResetAlignment())

    def set_alignment_trait(self, spec: str | None) -> None:
        """Measure "word:WORD", "short" or "long" from now on."""
        self._send(SetAlignmentTrait(spec))

    def run_ranker(self, spec: str, clicks: int, seed: int = 0) -> None:
        """Let a scripted ranker choose `clicks` times; rankerStateChanged/alignmentSnapshot follow."""
        self._send(RunRanker(spec, int(clicks), int(seed)))

    def stop_ranker(self) -> None:
        self._send(StopRanker())

    def request_stage_strip(self, prompt: str, seed: int = 0, key: str = "chat") -> None:
        """One prompt to the pre-trained, fine-tuned and aligned models; stageStripReady follows."""
        self._send(CompareStages(key, prompt, int(seed)))

    # -- events --------------------------------------------------------------------------
    def _on_history(self, event: AlignmentHistoryReport) -> None:
        self.alignment_history.replace(event.snapshots)
        if event.snapshots:
            self.alignmentSnapshot.emit(event.snapshots[-1])

    def _on_snapshot(self, event: AlignmentSnapshotReport) -> None:
        self.alignment_history.add(event.snapshot)
        self.alignmentSnapshot.emit(event.snapshot)

    def _on_candidates(self, event: CandidatesReport) -> None:
        self.candidates = event.candidates
        self.candidatesReady.emit(event.candidates)

    def _on_progress(self, event: AlignmentProgress) -> None:
        self.alignment_progress = event.what
        self.alignmentProgress.emit(event.what)

    def _on_ranker_state(self, event: RankerState) -> None:
        self.ranker_state, self.ranker_info = str(event.state), event.info
        self.rankerStateChanged.emit(str(event.state), event.info)

    def _on_ranker_progress(self, event: RankerProgress) -> None:
        if self.ranker_info is not None:
            self.ranker_info["done"] = event.done
        self.rankerProgress.emit(event.done, event.total)

    def _on_strip(self, event: StageStripReport) -> None:
        self.stage_strip = event.views
        self.stageStripReady.emit(event.views)

    # -- a new session, or a worker that came back ---------------------------------------------
    def forget_answers(self) -> None:
        """Back to the fine-tuned model: the answers and the comparison were of another model."""
        self.candidates = self.stage_strip = None

    def forget_run(self) -> None:
        self.alignment_history.replace(())
        self.candidates = self.stage_strip = self.ranker_info = None
        self.ranker_state, self.alignment_progress = "stopped", ""

    def on_worker_died(self) -> None:
        if self.ranker_state == "running":
            self.ranker_state = "stopped"
            self.rankerStateChanged.emit("stopped", self.ranker_info or {})
        if self.alignment_progress:
            self.alignment_progress = ""
            self.alignmentProgress.emit("")
