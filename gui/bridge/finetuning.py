"""Pillar II's side of the controller (`controller.finetuning`): Q&A pairs, fine-tuning.

Signals (all delivered on the GUI thread):
    qaSetChanged(object)           QASet: the question/answer pairs fine-tuning uses
    finetuneStateChanged(str)      "running" | "done" | "stopped" | "diverged"
    finetuneSnapshot(object)       SFTSnapshot: the LATEST one (history in `sft_history`)
    comparisonReady(object)        StageComparison: one question, pre-trained vs fine-tuned
    answerRatesReady(object)       StageRates: answer-like share on the held-out questions
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine.finetuning.qa_data import bundled_qa, load_qa_file, save_qa_file
from gui.bridge.histories import SFTHistory
from workers.protocol import (
    AnswerRatesReport,
    Compare,
    ComparisonReport,
    FineTune,
    FineTuneSnapshots,
    FineTuneStarted,
    FineTuneState,
    GetQASet,
    MeasureAnswerRates,
    QASetReport,
    SetQASet,
    StopFineTune,
)


class FinetuningBridge(QObject):
    """Requests and latest values of Pillar II. See the module docstring for the signals."""

    qaSetChanged = Signal(object)
    finetuneStateChanged = Signal(str)
    finetuneSnapshot = Signal(object)
    comparisonReady = Signal(object)
    answerRatesReady = Signal(object)

    def __init__(self, send, model_tokenizer, parent: QObject | None = None):
        super().__init__(parent)
        self._send = send  # the controller's: EngineCommand -> its id
        self._model_tokenizer = model_tokenizer  # () -> the controller's latest Tokenizer
        self.qa_set = None  # QASet
        self.finetune_state = "stopped"
        self.latest_sft_snapshot = None  # SFTSnapshot
        self.sft_run: dict | None = None  # train_on_prompt, max_steps, train, heldout
        self.sft_history = SFTHistory()  # every snapshot's numbers since the run began
        self.comparison = None  # StageComparison
        self.answer_rates = None  # StageRates

    def handlers(self) -> dict:
        return {QASetReport: lambda e: self._publish_qa(e.qa),
                FineTuneStarted: self._on_started, FineTuneSnapshots: self._on_snapshots,
                FineTuneState: self._on_state, ComparisonReport: self._on_comparison,
                AnswerRatesReport: self._on_rates}

    # -- the question/answer pairs ---------------------------------------------------------
    def request_qa_set(self) -> None:
        self._send(GetQASet())

    def set_qa(self, qa) -> None:
        """Use `qa` (a QASet) from now on; qaSetChanged follows at once."""
        self._publish_qa(qa)
        self._send(SetQASet(qa))

    def edit_qa(self, index: int, pair) -> None:
        """Replace pair number `index`; raises QAEditError (and changes nothing) if it is bad."""
        self.set_qa(self._current_qa().edit(index, pair))

    def add_qa(self, pair, heldout: bool = False) -> None:
        self.set_qa(self._current_qa().add(pair, heldout=heldout))

    def remove_qa(self, index: int) -> None:
        self.set_qa(self._current_qa().remove(index))

    def load_qa_file(self, path) -> None:
        """Read a question/answer file; raises QAFileError (and changes nothing) if it is bad."""
        self.set_qa(load_qa_file(path))

    def save_qa_file(self, path) -> None:
        save_qa_file(path, self._current_qa())

    def reset_qa(self) -> None:
        """Back to the bundled pairs."""
        self.set_qa(bundled_qa())

    # -- fine-tuning and measuring ---------------------------------------------------------
    def start_finetune(self, seed: int = 0, max_steps: int | None = None,
                       train_on_prompt: bool = False, lr: float | None = None) -> None:
        """Fine-tune (a copy of) the pre-trained model on the current pairs."""
        self.sft_history.clear()
        self.latest_sft_snapshot = None
        self._send(FineTune(int(seed), max_steps, bool(train_on_prompt), lr))

    def stop_finetune(self) -> None:
        self._send(StopFineTune())

    def request_comparison(self, question: str, settings=None, base_chat: bool = False,
                           key: str = "finetune") -> None:
        """Put `question` to the pre-trained and the fine-tuned model; comparisonReady follows."""
        self._send(Compare(key, question, settings, bool(base_chat)))

    def request_answer_rates(self, settings=None) -> None:
        """Measure answer-like outputs on the held-out questions; answerRatesReady follows."""
        self._send(MeasureAnswerRates(settings))

    def sft_example(self, question: str, answer: str, train_on_prompt: bool = False):
        """The SFTExample of one pair under the model's tokenizer (None before it is known).

        Computed here, at once, from the tokenizer the engine sent (like the Tokens panel).
        """
        # subtle: imported here because the trainer imports torch, which the GUI process
        # loads only when a panel first asks (start-up time).
        from engine.finetuning.trainer import build_sft_example

        tokenizer = self._model_tokenizer()
        if tokenizer is None:
            return None
        return build_sft_example(tokenizer, question, answer, train_on_prompt)

    def _current_qa(self):
        return bundled_qa() if self.qa_set is None else self.qa_set

    # -- events --------------------------------------------------------------------------
    def _publish_qa(self, qa) -> None:
        if qa == self.qa_set:
            return  # the engine's echo of a change already shown
        self.qa_set = qa
        self.qaSetChanged.emit(qa)

    def _on_started(self, event: FineTuneStarted) -> None:
        self.sft_run = event.run
        self.forget_run(keep_run_info=True)

    def _on_snapshots(self, event: FineTuneSnapshots) -> None:
        self.sft_history.extend(event.snapshots)
        self.latest_sft_snapshot = event.snapshots[-1]
        self.finetuneSnapshot.emit(event.snapshots[-1])

    def _on_state(self, event: FineTuneState) -> None:
        self.finetune_state = str(event.state)
        self.finetuneStateChanged.emit(str(event.state))

    def _on_comparison(self, event: ComparisonReport) -> None:
        self.comparison = event.comparison
        self.comparisonReady.emit(event.comparison)

    def _on_rates(self, event: AnswerRatesReport) -> None:
        self.answer_rates = event.rates
        self.answerRatesReady.emit(event.rates)

    # -- a new session, or a worker that came back ---------------------------------------------
    def forget_run(self, keep_run_info: bool = False) -> None:
        self.sft_history.clear()
        self.latest_sft_snapshot = None
        if not keep_run_info:
            self.sft_run = self.comparison = self.answer_rates = None

    def on_worker_died(self) -> None:
        if self.finetune_state == "running":
            self.finetune_state = "stopped"
            self.finetuneStateChanged.emit("stopped")
