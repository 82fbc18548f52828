"""Commands: what the GUI asks the engine worker, one frozen dataclass each.

Each says in its docstring which events answer it, and in `failure` the title a
person sees if it fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from workers.protocol.base import EngineCommand


# ===== commands: the engine as a whole ==================================================
@dataclass(frozen=True)
class GetStatus(EngineCommand):
    """The model's stage, size, loss and tokens seen -> StatusReport."""


@dataclass(frozen=True)
class ResetDemo(EngineCommand):
    """Everything back to what the app ships -> DemoReset, tokenizers, Q&A set, data."""

    failure: ClassVar[str] = "Could not reset the demo"


@dataclass(frozen=True)
class SaveSession(EngineCommand):
    """Save the whole session to one file -> JobProgress..., SessionFileDone."""

    failure: ClassVar[str] = "Could not save the session"

    path: str


@dataclass(frozen=True)
class CancelSave(EngineCommand):
    """Stop a save in progress; an earlier file stays as it was -> SessionFileDone."""


@dataclass(frozen=True)
class OpenSession(EngineCommand):
    """Open a session file; a refused file changes nothing -> SessionOpened, Ready, ..."""

    failure: ClassVar[str] = "Could not open the session"

    path: str


@dataclass(frozen=True)
class Shutdown(EngineCommand):
    """End the worker's loop -> Bye."""


# ===== commands: Pillar I, pre-training ================================================
@dataclass(frozen=True)
class GetDataSummary(EngineCommand):
    """Sources, mix, curation reports and totals -> DataSummaryReport."""

    failure: ClassVar[str] = "Could not read the training data"


@dataclass(frozen=True)
class SetMix(EngineCommand):
    """Use another mix of sources -> DataSummaryReport, TokenizersReport, StatusReport."""

    failure: ClassVar[str] = "Could not change the mix"

    mix: Any


@dataclass(frozen=True)
class AddUserTexts(EngineCommand):
    """Add the person's .txt/.md files or folder -> DataSummaryReport, TokenizersReport."""

    failure: ClassVar[str] = "Could not add your text"

    paths: str | tuple[str, ...]


@dataclass(frozen=True)
class GetTokenizers(EngineCommand):
    """The char, word and BPE tokenizers of the current data -> TokenizersReport."""


@dataclass(frozen=True)
class GetPassage(EngineCommand):
    """A real passage of the training data, as model token ids -> PassageReport."""

    failure: ClassVar[str] = "Could not pick a passage"

    key: str
    n_tokens: int
    seed: int = 0


@dataclass(frozen=True)
class PredictNextToken(EngineCommand):
    """The model's top-k guesses after `ids` -> NextTokenReport."""

    failure: ClassVar[str] = "The model could not make its guesses"

    key: str
    ids: tuple[int, ...]
    k: int


@dataclass(frozen=True)
class GetEmbeddingSnapshot(EngineCommand):
    """The word map's words and vectors now -> EmbeddingSnapshotReport."""

    failure: ClassVar[str] = "Could not read the word map"


@dataclass(frozen=True)
class FindNeighbours(EngineCommand):
    """The k nearest words of `word` by cosine -> NeighboursReport."""

    failure: ClassVar[str] = "Could not find the nearest words"

    word: str
    k: int


@dataclass(frozen=True)
class LookInside(EngineCommand):
    """Attention, layer-by-layer guesses and the parameter map of the live model -> InsideReport."""

    failure: ClassVar[str] = "Could not look inside the model"

    key: str
    request: Any  # engine.pretraining.inside.InsideRequest


@dataclass(frozen=True)
class Train(EngineCommand):
    """Train until paused (or max_steps) -> TrainingStarted, TrainingState, TrainingSnapshots..."""

    failure: ClassVar[str] = "Could not start training"

    from_scratch: bool
    seed: int = 0
    lr: float | None = None
    max_steps: int | None = None


@dataclass(frozen=True)
class PauseTraining(EngineCommand):
    """Pause the training run where it is -> TrainingState."""


@dataclass(frozen=True)
class StepTraining(EngineCommand):
    """Run exactly one training step, then pause -> TrainingSnapshots, TrainingState."""

    failure: ClassVar[str] = "Could not run a training step"


@dataclass(frozen=True)
class StopTraining(EngineCommand):
    """End the training run -> TrainingState."""


# ===== commands: Pillar II, fine-tuning ================================================
@dataclass(frozen=True)
class GetQASet(EngineCommand):
    """The question/answer pairs fine-tuning uses -> QASetReport."""


@dataclass(frozen=True)
class SetQASet(EngineCommand):
    """Use these question/answer pairs from now on -> QASetReport."""

    failure: ClassVar[str] = "Could not use these questions and answers"

    qa: Any


@dataclass(frozen=True)
class FineTune(EngineCommand):
    """Fine-tune a copy of the pre-trained model -> FineTuneStarted, FineTuneState, FineTuneSnapshots..."""

    failure: ClassVar[str] = "Could not start fine-tuning"

    seed: int = 0
    max_steps: int | None = None
    train_on_prompt: bool = False
    lr: float | None = None


@dataclass(frozen=True)
class StopFineTune(EngineCommand):
    """End the fine-tuning run -> FineTuneState."""


@dataclass(frozen=True)
class Compare(EngineCommand):
    """One question to the pre-trained and the fine-tuned model -> ComparisonReport."""

    failure: ClassVar[str] = "The models could not answer"

    key: str
    question: str
    settings: Any = None
    base_chat: bool = False


@dataclass(frozen=True)
class MeasureAnswerRates(EngineCommand):
    """Answer-like share on the held-out questions -> AnswerRatesReport."""

    failure: ClassVar[str] = "Could not measure the answers"

    settings: Any = None


# ===== commands: Pillar III, preference updates =========================================
@dataclass(frozen=True)
class GetAlignmentHistory(EngineCommand):
    """Every alignment snapshot since the last reset -> AlignmentHistoryReport."""

    failure: ClassVar[str] = "The chat needs a fine-tuned model"


@dataclass(frozen=True)
class WriteCandidates(EngineCommand):
    """n answers to `prompt` from the live model -> CandidatesReport."""

    failure: ClassVar[str] = "The model could not write its answers"

    key: str
    prompt: str
    n: int = 2
    seed: int = 0


@dataclass(frozen=True)
class LearnFromFeedback(EngineCommand):
    """Learn from a person's choice now -> AlignmentProgress, AlignmentSnapshotReport, StatusReport."""

    failure: ClassVar[str] = "The model could not learn from your choice"

    feedback: Any


@dataclass(frozen=True)
class ResetAlignment(EngineCommand):
    """Back to the fine-tuned model -> AlignmentHistoryReport, StatusReport."""

    failure: ClassVar[str] = "Could not go back to the fine-tuned model"


@dataclass(frozen=True)
class SetAlignmentTrait(EngineCommand):
    """Measure "word:WORD", "short" or "long" from now on -> AlignmentSnapshotReport."""

    failure: ClassVar[str] = "Could not measure that"

    spec: str | None


@dataclass(frozen=True)
class CompareStages(EngineCommand):
    """One prompt to the pre-trained, fine-tuned and aligned models -> StageStripReport."""

    failure: ClassVar[str] = "Could not compare the three stages"

    key: str
    prompt: str
    seed: int = 0


@dataclass(frozen=True)
class RunRanker(EngineCommand):
    """Let a scripted ranker choose `clicks` times -> RankerState, AlignmentSnapshotReport..."""

    failure: ClassVar[str] = "Could not start the automatic judge"

    spec: str
    clicks: int
    seed: int = 0


@dataclass(frozen=True)
class StopRanker(EngineCommand):
    """End the scripted ranker's run -> RankerState."""
