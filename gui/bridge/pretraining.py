"""Pillar I's side of the controller (`controller.pretraining`): data, probes, training.

Signals (all delivered on the GUI thread):
    dataSummaryChanged(object)     DataSummary: sources, mix, curation reports, totals
    tokenizersChanged(object)      dict[str, Tokenizer] ("char", "word", "bpe"), rebuilt here
                                   with Tokenizer.from_dict, so typed text tokenizes instantly
    trainingSnapshot(object)       TrainSnapshot: the LATEST one only (the full loss history is
                                   in `loss_history`); redraw from a ~30 Hz timer
    trainingStateChanged(str)      "running" | "paused" | "stopped" | "diverged"
    trainingStarted(bool)          a training run began (True: from scratch, a new model)
    nextTokenReady(object)         NextTokenDistribution (check its context_ids is yours)
    passageReady(object)           list[int]: model (BPE) token ids of a real training passage
    embeddingSnapshotReady(object) EmbeddingSnapshot: the map's words and their vectors now
    neighboursReady(str, object, str)  word, list[Neighbour] (cosine, full space), and a
                                   message for the person when there is no answer ("" if ok)
    insideReady(object)            InsideView: attention, layer-by-layer guesses, parameter map
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.tokenizers import Tokenizer
from gui.bridge.histories import LossHistory
from workers.protocol import (
    AddUserTexts,
    DataSummaryReport,
    EmbeddingSnapshotReport,
    Failed,
    FindNeighbours,
    GetDataSummary,
    GetEmbeddingSnapshot,
    GetPassage,
    GetTokenizers,
    InsideReport,
    LookInside,
    NeighboursReport,
    NextTokenReport,
    PassageReport,
    PauseTraining,
    PredictNextToken,
    SetMix,
    StepTraining,
    StopTraining,
    TokenizersReport,
    Train,
    TrainingStarted,
    TrainingState,
)


class PretrainingBridge(QObject):
    """Requests and latest values of Pillar I. See the module docstring for the signals."""

    dataSummaryChanged = Signal(object)
    tokenizersChanged = Signal(object)
    trainingSnapshot = Signal(object)
    trainingStateChanged = Signal(str)
    trainingStarted = Signal(bool)
    nextTokenReady = Signal(object)
    passageReady = Signal(object)
    embeddingSnapshotReady = Signal(object)
    neighboursReady = Signal(str, object, str)
    insideReady = Signal(object)  # Look inside

    def __init__(self, send, parent: QObject | None = None):
        super().__init__(parent)
        self._send = send  # the controller's: EngineCommand -> its id
        self.data_summary = None
        self.tokenizers: dict = {}
        self.training_state = "stopped"
        self.latest_snapshot = None
        self.loss_history = LossHistory()
        self._passage_seed = 0
        # Latest wins: one request of each probe in flight, a newer one waits in its place.
        self._next_in_flight: dict[str, int] = {}  # key -> command id
        self._next_pending: dict[str, tuple] = {}
        self._embedding_in_flight = False
        self._embedding_pending = False
        self._neighbours_in_flight = False
        self._neighbours_pending: tuple[str, int] | None = None
        self._inside_in_flight = False  # Look inside
        self._inside_pending = None

    def handlers(self) -> dict:
        return {DataSummaryReport: self._on_data_summary, TokenizersReport: self._on_tokenizers,
                TrainingState: self._on_state, TrainingStarted: self._on_started,
                NextTokenReport: self._on_next_token, PassageReport: self._on_passage,
                EmbeddingSnapshotReport: self._on_embedding_snapshot,
                NeighboursReport: self._on_neighbours, InsideReport: self._on_inside}

    # -- requests ------------------------------------------------------------------------
    def request_data_summary(self) -> None:
        self._send(GetDataSummary())

    def request_tokenizers(self) -> None:
        self._send(GetTokenizers())

    def set_mix(self, mix) -> None:
        """Use a new mix of sources; dataSummaryChanged follows."""
        self._send(SetMix(mix))

    def add_user_texts(self, path) -> int:
        """Add the person's .txt/.md file(s) or folder; returns the command id (a bad file
        arrives as a failure naming it)."""
        paths = tuple(str(p) for p in path) if isinstance(path, (list, tuple)) else str(path)
        return self._send(AddUserTexts(paths))

    def start_training(self, from_scratch: bool = False, seed: int = 0, lr: float | None = None,
                       max_steps: int | None = None) -> None:
        """Train (from a fresh model, or continue the current one) until paused."""
        if from_scratch:
            self.loss_history.clear()
            self.latest_snapshot = None
        self._send(Train(bool(from_scratch), int(seed), lr, max_steps))

    def retrain_from_scratch(self, seed: int = 0, lr: float | None = None, mix=None) -> None:
        """Apply `mix` (if given) and train a fresh model on it: one click from the Data panel."""
        if mix is not None:
            self.set_mix(mix)
        self.start_training(True, seed, lr)

    def pause_training(self) -> None:
        self._send(PauseTraining())

    def step_training(self) -> None:
        """Run exactly one training step, then pause."""
        self._send(StepTraining())

    def stop_training(self) -> None:
        self._send(StopTraining())

    def request_next_token(self, ids, k: int = 10, key: str = "") -> None:
        """Ask for the model's top-k guesses after `ids`; answered by nextTokenReady.

        Latest wins per `key`: while one request is being answered, newer ones replace
        each other, so a fast-moving panel never builds a queue.
        """
        request = (tuple(int(i) for i in ids), int(k))
        if key in self._next_in_flight:
            self._next_pending[key] = request
            return
        self._next_in_flight[key] = -1  # subtle: in flight before the id comes back
        self._next_in_flight[key] = self._send(PredictNextToken(key, request[0], request[1]))

    def request_passage(self, n_tokens: int = 40, seed: int | None = None) -> None:
        """Ask for a real passage of the training data; answered by passageReady."""
        if seed is None:
            seed = self._passage_seed
            self._passage_seed += 1
        self._send(GetPassage("", int(n_tokens), int(seed)))

    def request_embedding_snapshot(self) -> None:
        """Ask for the map's words and vectors now; answered by embeddingSnapshotReady.

        While one is on its way, further requests fold into one more (latest wins).
        """
        if self._embedding_in_flight:
            self._embedding_pending = True
            return
        self._embedding_in_flight = True
        self._send(GetEmbeddingSnapshot())

    def request_neighbours(self, word: str, k: int = 8) -> None:
        """Ask for the k nearest words of `word` (cosine, full space); neighboursReady."""
        if self._neighbours_in_flight:
            self._neighbours_pending = (word, int(k))
            return
        self._neighbours_in_flight = True
        self._send(FindNeighbours(str(word), int(k)))

    def request_inside(self, request) -> None:
        """Look inside the live model (an InsideRequest); answered by insideReady.

        While one is being answered, newer requests replace each other (latest wins).
        """
        if self._inside_in_flight:
            self._inside_pending = request
            return
        self._inside_in_flight = True
        self._send(LookInside("inside", request))

    # -- events --------------------------------------------------------------------------
    def publish_snapshots(self, snapshots: list) -> None:
        self.loss_history.extend(snapshots)
        self.latest_snapshot = snapshots[-1]
        self.trainingSnapshot.emit(snapshots[-1])

    def _on_data_summary(self, event: DataSummaryReport) -> None:
        self.data_summary = event.summary
        self.dataSummaryChanged.emit(event.summary)

    def _on_tokenizers(self, event: TokenizersReport) -> None:
        self.tokenizers = {name: Tokenizer.from_dict(d) for name, d in event.tokenizers.items()}
        self.tokenizersChanged.emit(self.tokenizers)

    def _on_state(self, event: TrainingState) -> None:
        self.training_state = str(event.state)
        self.trainingStateChanged.emit(str(event.state))

    def _on_started(self, event: TrainingStarted) -> None:
        if event.from_scratch:
            self.loss_history.clear()
            self.latest_snapshot = None
        self.trainingStarted.emit(bool(event.from_scratch))

    def _on_next_token(self, event: NextTokenReport) -> None:
        self.nextTokenReady.emit(event.distribution)
        self._next_done(event.key)

    def _on_passage(self, event: PassageReport) -> None:
        self.passageReady.emit(list(event.ids))

    def _on_embedding_snapshot(self, event: EmbeddingSnapshotReport) -> None:
        self.embeddingSnapshotReady.emit(event.snapshot)
        self._embedding_done()

    def _on_neighbours(self, event: NeighboursReport) -> None:
        self.neighboursReady.emit(event.word, list(event.neighbours), event.message)
        self._neighbours_done()

    def _on_inside(self, event: InsideReport) -> None:
        self.insideReady.emit(event.view)
        self._inside_done()

    def _inside_done(self) -> None:
        self._inside_in_flight = False
        pending, self._inside_pending = self._inside_pending, None
        if pending is not None:
            self.request_inside(pending)

    def on_failed(self, failure: Failed) -> None:
        """A probe that failed lets the next one go."""
        if failure.is_about(PredictNextToken):
            key = next((k for k, i in self._next_in_flight.items() if i == failure.command_id), None)
            if key is not None:
                self._next_done(key)
        elif failure.is_about(GetEmbeddingSnapshot):
            self._embedding_done()
        elif failure.is_about(LookInside):
            self._inside_done()

    def _next_done(self, key: str) -> None:
        self._next_in_flight.pop(key, None)
        pending = self._next_pending.pop(key, None)
        if pending is not None:
            self.request_next_token(pending[0], pending[1], key)

    def _embedding_done(self) -> None:
        self._embedding_in_flight = False
        if self._embedding_pending:
            self._embedding_pending = False
            self.request_embedding_snapshot()

    def _neighbours_done(self) -> None:
        self._neighbours_in_flight = False
        pending, self._neighbours_pending = self._neighbours_pending, None
        if pending is not None:
            self.request_neighbours(*pending)

    # -- a new session, or a worker that came back ---------------------------------------------
    def forget_run(self) -> None:
        """The run on screen belongs to a model that is gone: empty the curve."""
        self.loss_history.clear()
        self.latest_snapshot = None

    def on_worker_died(self) -> None:
        self._next_in_flight.clear()
        self._next_pending.clear()
        self._embedding_in_flight = self._neighbours_in_flight = False
        self._embedding_pending, self._neighbours_pending = False, None
        self._inside_in_flight, self._inside_pending = False, None
        if self.training_state in ("running", "paused"):
            self.training_state = "stopped"
            self.trainingStateChanged.emit("stopped")
