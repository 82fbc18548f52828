"""Pillar II in the engine worker: the question/answer pairs, fine-tuning, comparisons.

A fine-tuning run is a job in the runner's model slot like training; its snapshots go
out as FineTuneSnapshots, so the pre-training loss history never mixes with them.
"""

from __future__ import annotations

from typing import Any

from workers.jobs import Job
from workers.protocol import (
    Activity,
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
    RunState,
    SetQASet,
    StopFineTune,
)
from workers.server.context import ServerContext

FINE_TUNING = "fine-tuning"


class FinetuningCommands:
    """Handlers for Pillar II's commands."""

    def __init__(self, ctx: ServerContext):
        self.ctx = ctx

    def handlers(self) -> dict[type, Any]:
        return {GetQASet: self.qa_set, SetQASet: self.set_qa, FineTune: self.finetune,
                StopFineTune: self.stop, Compare: self.compare,
                MeasureAnswerRates: self.answer_rates}

    def qa_set(self, _cmd: GetQASet) -> None:
        self.ctx.emit(QASetReport(self.ctx.session.finetuning.qa_set()))

    def set_qa(self, cmd: SetQASet) -> None:
        self.ctx.emit(QASetReport(self.ctx.session.finetuning.set_qa(cmd.qa)))

    def finetune(self, cmd: FineTune) -> None:
        from engine.finetuning.trainer import SFTConfig  # the worker has it loaded by now

        ctx = self.ctx
        kwargs: dict[str, Any] = {"seed": int(cmd.seed)}
        if cmd.max_steps is not None:
            kwargs["max_steps"] = int(cmd.max_steps)
        if cmd.lr is not None:
            kwargs["lr"] = float(cmd.lr)
        config = SFTConfig(**kwargs)  # validates before anything stops or starts
        ctx.make_room(cmd)  # one model job at a time (another one is announced)
        steps = iter(ctx.session.finetuning.train(config, train_on_prompt=bool(cmd.train_on_prompt)))
        ctx.runner.start(Job(
            FINE_TUNING, steps, cmd,
            on_items=self._send_snapshots, on_end=self._ended, on_error=self._failed,
            request_stop=ctx.session.finetuning.stop, state_of=_final_state,
            progress=lambda: (_sft_step(ctx.session), config.max_steps),
        ))
        qa = ctx.session.finetuning.qa_set()
        ctx.busy(Activity.FINE_TUNING, True)
        ctx.emit(FineTuneStarted({"train_on_prompt": bool(cmd.train_on_prompt),
                                  "max_steps": config.max_steps, "train": len(qa.train),
                                  "heldout": len(qa.heldout)}))
        ctx.send_status()
        ctx.emit(FineTuneState(RunState.RUNNING))

    def stop(self, _cmd: StopFineTune) -> None:
        if self.ctx.runner.running(FINE_TUNING) is not None:
            self.ctx.runner.stop("model")

    def compare(self, cmd: Compare) -> None:
        comparison = self.ctx.session.finetuning.compare(cmd.question, cmd.settings, cmd.base_chat)
        self.ctx.emit(ComparisonReport(cmd.key, comparison))

    def answer_rates(self, cmd: MeasureAnswerRates) -> None:
        self.ctx.busy(Activity.MEASURING, True)
        try:
            self.ctx.emit(AnswerRatesReport(self.ctx.session.finetuning.answer_rates(cmd.settings)))
        finally:
            self.ctx.busy(Activity.MEASURING, False)

    def _send_snapshots(self, snapshots: list) -> None:
        self.ctx.emit(FineTuneSnapshots(tuple(snapshots)))
        self.ctx.send_status()

    def _ended(self, state: RunState | None) -> None:
        self.ctx.busy(Activity.FINE_TUNING, False)
        self.ctx.send_status()
        self.ctx.emit(FineTuneState(state or RunState.STOPPED))

    def _failed(self, exc: BaseException, cmd) -> None:
        self.ctx.error("Fine-tuning stopped with an error", exc, cmd)


def _sft_step(session) -> int:
    trainer = session.finetuning.trainer
    return trainer.step_count if trainer is not None else 0


def _final_state(snapshot) -> RunState | None:
    return None if snapshot.status == "running" else RunState(snapshot.status)
