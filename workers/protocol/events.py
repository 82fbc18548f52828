"""Events: what the engine worker tells the GUI, one frozen dataclass each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workers.protocol.base import Activity, EngineCommand, EngineEvent, RunState


# ===== events: the engine as a whole ===================================================
@dataclass(frozen=True)
class Busy(EngineEvent):
    """The engine started or finished something slow."""

    what: Activity
    busy: bool


@dataclass(frozen=True)
class Ready(EngineEvent):
    """The model is loaded (its ModelStatus); requests can be answered from now on."""

    status: Any


@dataclass(frozen=True)
class LoadFailed(EngineEvent):
    """The model could not be loaded (a message for the person)."""

    message: str


@dataclass(frozen=True)
class ModelTokenizer(EngineEvent):
    """The BPE the model reads (Tokenizer.to_dict()), sent right after Ready."""

    tokenizer: dict


@dataclass(frozen=True)
class StatusReport(EngineEvent):
    """The model's ModelStatus: stage, size, loss, tokens seen."""

    status: Any


@dataclass(frozen=True)
class Failed(EngineEvent):
    """A command failed: a title and message for the person, and which command it was."""

    title: str
    message: str
    traceback: str
    command: str  # the failed command's kind ("load" while the model loads)
    command_id: int = 0

    def is_about(self, *commands: type[EngineCommand]) -> bool:
        return self.command in {c.kind for c in commands}


@dataclass(frozen=True)
class DemoReset(EngineEvent):
    """Everything is back to the shipped defaults (the new ModelStatus)."""

    status: Any


@dataclass(frozen=True)
class AlignmentReset(EngineEvent):
    """The live model is the fine-tuned one again, every judgement forgotten (ModelStatus)."""

    status: Any


@dataclass(frozen=True)
class JobStopped(EngineEvent):
    """A model job was stopped to make room for another command: which, how far, by what."""

    job: str  # "training" | "fine-tuning" | "ranker"
    step: int  # how far it got (steps, or the judge's clicks)
    total: int | None  # how far it was to go (None: until paused)
    by: str  # the kind of the command that needed the model ("learn_from_feedback", ...)
    paused: bool = False  # it was paused, not running


@dataclass(frozen=True)
class JobProgress(EngineEvent):
    """Progress of a long job: what, fraction 0..1 (-1: finished), a line of text."""

    what: Activity
    fraction: float
    text: str


@dataclass(frozen=True)
class SessionFileDone(EngineEvent):
    """A save or an open ended: ok or not, the path, a message for the person."""

    action: str  # "save" | "open"
    ok: bool
    path: str
    message: str


@dataclass(frozen=True)
class SessionOpened(EngineEvent):
    """Another session is live (its path)."""

    path: str


@dataclass(frozen=True)
class Bye(EngineEvent):
    """The worker's last word before it exits."""


@dataclass(frozen=True)
class WorkerDied(EngineEvent):
    """Made by the GUI side, not sent: the worker process ended without saying bye."""

    exit_code: int | None


# ===== events: Pillar I ================================================================
@dataclass(frozen=True)
class DataSummaryReport(EngineEvent):
    """DataSummary: sources, mix, curation reports, totals."""

    summary: Any


@dataclass(frozen=True)
class TokenizersReport(EngineEvent):
    """{name: Tokenizer.to_dict()} for "char", "word" and "bpe"."""

    tokenizers: dict


@dataclass(frozen=True)
class PassageReport(EngineEvent):
    """Model token ids of a real training passage."""

    key: str
    ids: tuple[int, ...]


@dataclass(frozen=True)
class NextTokenReport(EngineEvent):
    """NextTokenDistribution after a context."""

    key: str
    distribution: Any


@dataclass(frozen=True)
class EmbeddingSnapshotReport(EngineEvent):
    """EmbeddingSnapshot: the map's words and their vectors now."""

    snapshot: Any


@dataclass(frozen=True)
class NeighboursReport(EngineEvent):
    """The nearest words (list[Neighbour]), or a message when there is no answer."""

    word: str
    neighbours: tuple
    message: str


@dataclass(frozen=True)
class InsideReport(EngineEvent):
    """InsideView: attention, layer-by-layer guesses, parameter map of the live model."""

    key: str
    view: Any


@dataclass(frozen=True)
class TrainingStarted(EngineEvent):
    """A training run began (from scratch or not)."""

    from_scratch: bool


@dataclass(frozen=True)
class TrainingSnapshots(EngineEvent):
    """TrainSnapshots since the last batch (one message per ~50 ms)."""

    snapshots: tuple


@dataclass(frozen=True)
class TrainingState(EngineEvent):
    """The training run's RunState (a fresh "running" means a new run began)."""

    state: RunState


# ===== events: Pillar II ===============================================================
@dataclass(frozen=True)
class QASetReport(EngineEvent):
    """QASet: the question/answer pairs fine-tuning uses."""

    qa: Any


@dataclass(frozen=True)
class FineTuneStarted(EngineEvent):
    """A fine-tuning run began: train_on_prompt, max_steps, train and held-out counts."""

    run: dict


@dataclass(frozen=True)
class FineTuneSnapshots(EngineEvent):
    """SFTSnapshots since the last batch."""

    snapshots: tuple


@dataclass(frozen=True)
class FineTuneState(EngineEvent):
    """The fine-tuning run's RunState."""

    state: RunState


@dataclass(frozen=True)
class ComparisonReport(EngineEvent):
    """StageComparison: one question, pre-trained against fine-tuned."""

    key: str
    comparison: Any


@dataclass(frozen=True)
class AnswerRatesReport(EngineEvent):
    """StageRates: answer-like share on the held-out questions."""

    rates: Any


# ===== events: Pillar III ==============================================================
@dataclass(frozen=True)
class AlignmentHistoryReport(EngineEvent):
    """Every AlignmentSnapshot since the last reset."""

    snapshots: tuple


@dataclass(frozen=True)
class AlignmentSnapshotReport(EngineEvent):
    """One AlignmentSnapshot after an update, a reset or a trait change."""

    snapshot: Any


@dataclass(frozen=True)
class CandidatesReport(EngineEvent):
    """Candidates: the answers the live model wrote for a prompt."""

    key: str
    candidates: Any


@dataclass(frozen=True)
class AlignmentProgress(EngineEvent):
    """"learning" while a choice is being learned, "" when done."""

    what: str


@dataclass(frozen=True)
class RankerState(EngineEvent):
    """The scripted ranker's RunState and its info (ranker, clicks, trait, before/after, z, p)."""

    state: RunState
    info: dict


@dataclass(frozen=True)
class RankerProgress(EngineEvent):
    """Clicks done, clicks asked for."""

    done: int
    total: int


@dataclass(frozen=True)
class StageStripReport(EngineEvent):
    """tuple[StageView, ...]: pre-trained, fine-tuned, aligned on one prompt."""

    key: str
    views: tuple
