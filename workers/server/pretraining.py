"""Pillar I in the engine worker: the data, the tokenizers, probes, the map, training."""

from __future__ import annotations

from typing import Any

from workers.jobs import Job
from workers.protocol import (
    Activity,
    AddUserTexts,
    DataSummaryReport,
    EmbeddingSnapshotReport,
    FindNeighbours,
    GetDataSummary,
    GetEmbeddingSnapshot,
    GetPassage,
    GetTokenizers,
    JobStopped,
    NeighboursReport,
    NextTokenReport,
    PassageReport,
    PauseTraining,
    PredictNextToken,
    RunState,
    SetMix,
    StepTraining,
    StopTraining,
    Train,
    TrainingSnapshots,
    TrainingStarted,
    TrainingState,
)
from workers.server.context import ServerContext, message_of

TRAINING = "training"


class PretrainingCommands:
    """Handlers for Pillar I's commands; training is a job in the runner's model slot."""

    def __init__(self, ctx: ServerContext):
        self.ctx = ctx
        self.last_train: Train = Train(False)  # what "step" continues with when nothing runs

    def handlers(self) -> dict[type, Any]:
        return {GetDataSummary: self.data_summary, SetMix: self.set_mix,
                AddUserTexts: self.add_user_texts, GetTokenizers: self.tokenizers,
                GetPassage: self.passage, PredictNextToken: self.next_token,
                GetEmbeddingSnapshot: self.embedding_snapshot, FindNeighbours: self.neighbours,
                Train: self.train, PauseTraining: self.pause, StepTraining: self.step,
                StopTraining: self.stop}

    def forget(self) -> None:
        """A new session is live: "step" starts from the defaults again."""
        self.last_train = Train(False)

    # -- the data and the probes ---------------------------------------------------------
    def data_summary(self, _cmd: GetDataSummary) -> None:
        self.ctx.busy(Activity.DATA, True)
        try:
            self.ctx.emit(DataSummaryReport(self.ctx.session.data_summary()))
        finally:
            self.ctx.busy(Activity.DATA, False)

    def set_mix(self, cmd: SetMix) -> None:
        self.ctx.busy(Activity.DATA, True)
        try:
            self.ctx.emit(DataSummaryReport(self.ctx.session.set_mix(cmd.mix)))
            self.ctx.send_tokenizers()
            self.ctx.send_status()
        finally:
            self.ctx.busy(Activity.DATA, False)

    def add_user_texts(self, cmd: AddUserTexts) -> None:
        paths = list(cmd.paths) if isinstance(cmd.paths, tuple) else cmd.paths
        self.ctx.busy(Activity.DATA, True)
        try:
            self.ctx.emit(DataSummaryReport(self.ctx.session.add_user_texts(paths)))
            self.ctx.send_tokenizers()
        finally:
            self.ctx.busy(Activity.DATA, False)

    def tokenizers(self, _cmd: GetTokenizers) -> None:
        self.ctx.send_tokenizers()

    def passage(self, cmd: GetPassage) -> None:
        ids = self.ctx.session.pretraining.passage(cmd.n_tokens, seed=cmd.seed)
        self.ctx.emit(PassageReport(cmd.key, tuple(int(i) for i in ids)))

    def next_token(self, cmd: PredictNextToken) -> None:
        self.ctx.emit(NextTokenReport(cmd.key, self.ctx.session.pretraining.next_token(list(cmd.ids), cmd.k)))

    def embedding_snapshot(self, _cmd: GetEmbeddingSnapshot) -> None:
        self.ctx.emit(EmbeddingSnapshotReport(self.ctx.session.pretraining.embedding_snapshot()))

    def neighbours(self, cmd: FindNeighbours) -> None:
        # A word that is not one token (or no model yet) is an answer, not a failure:
        # the panel shows the message beside the search box.
        try:
            found = self.ctx.session.pretraining.neighbours(cmd.word, cmd.k)
        except ValueError as exc:  # ProbeError is a ValueError
            self.ctx.emit(NeighboursReport(cmd.word, (), message_of(exc)))
            return
        except Exception:
            self.ctx.emit(NeighboursReport(cmd.word, (), "The model could not answer this time."))
            raise
        self.ctx.emit(NeighboursReport(cmd.word, tuple(found), ""))

    # -- training ----------------------------------------------------------------------
    def train(self, cmd: Train) -> None:
        runner = self.ctx.runner
        job = runner.running(TRAINING)
        self.last_train = cmd
        if not cmd.from_scratch and job is not None and _params(job.command) == _params(cmd):
            runner.resume()  # the paused run goes on where it was
            self._say(RunState.RUNNING)
            return
        if job is not None:
            step, total = job.progress()
            paused = job.paused
            runner.stop("model", announce=False)  # the new run's "running" follows at once
            if cmd.from_scratch:  # the model it trained is replaced: say so
                self.ctx.emit(JobStopped(TRAINING, int(step), total, cmd.kind, paused))
        self._start(cmd)
        self._say(RunState.RUNNING)

    def step(self, cmd: StepTraining) -> None:
        if self.ctx.runner.running(TRAINING) is None:
            self._start(Train(False, self.last_train.seed, self.last_train.lr,
                              self.last_train.max_steps, id=cmd.id), by=cmd)
        self.ctx.runner.resume(steps=1)
        self._say(RunState.RUNNING)

    def pause(self, _cmd: PauseTraining) -> None:
        job = self.ctx.runner.running(TRAINING)
        if job is not None and not job.paused:
            self.ctx.runner.pause()
            self._say(RunState.PAUSED)

    def stop(self, _cmd: StopTraining) -> None:
        if self.ctx.runner.running(TRAINING) is not None:
            self.ctx.runner.stop("model")  # says "stopped" when it ends
        else:
            self._say(RunState.STOPPED)

    def _start(self, cmd: Train, by: StepTraining | None = None) -> None:
        from engine.pretraining.trainer import TrainConfig  # the worker has it loaded by now

        ctx = self.ctx
        kwargs: dict[str, Any] = {"seed": int(cmd.seed), "max_steps": cmd.max_steps}
        if cmd.lr is not None:
            kwargs["lr"] = float(cmd.lr)
        config = TrainConfig(**kwargs)  # validates before anything stops or starts
        ctx.make_room(by or cmd)  # one model job at a time (another one is announced)
        ctx.busy(Activity.TRAINING, True)
        steps = iter(ctx.session.pretraining.train(config, from_scratch=cmd.from_scratch))
        ctx.runner.start(Job(
            TRAINING, steps, cmd,
            on_items=self._send_snapshots, on_end=self._ended, on_error=self._failed,
            request_stop=ctx.session.pretraining.stop, state_of=_final_state,
            exhausted=RunState.STOPPED, paused=False,
            on_paused=lambda: self._say(RunState.PAUSED),
            progress=lambda: (_trainer_step(ctx.session), cmd.max_steps),
        ))
        ctx.emit(TrainingStarted(bool(cmd.from_scratch)))
        if cmd.from_scratch:
            ctx.send_status()
            if ctx.tokenizer_changed():  # a new mix gets its own word pieces
                ctx.send_tokenizers()
                # the training set's size in tokens depends on the tokenizer
                ctx.emit(DataSummaryReport(ctx.session.data_summary()))

    def _send_snapshots(self, snapshots: list) -> None:
        self.ctx.emit(TrainingSnapshots(tuple(snapshots)))
        self.ctx.send_status()

    def _ended(self, state: RunState | None) -> None:
        self.ctx.busy(Activity.TRAINING, False)
        if state is not None:
            self._say(state)

    def _failed(self, exc: BaseException, cmd) -> None:
        self.ctx.error("Training stopped with an error", exc, cmd)

    def _say(self, state: RunState) -> None:
        # Always say it: a fresh "running" after "running" means a new run began.
        self.ctx.emit(TrainingState(state))


def _trainer_step(session) -> int:
    trainer = session.pretraining.trainer
    return trainer.step_count if trainer is not None else 0


def _params(cmd: Train) -> tuple:
    return cmd.seed, cmd.lr, cmd.max_steps


def _final_state(snapshot) -> RunState | None:
    status = getattr(snapshot, "status", "running")
    if status == "running":
        return None
    return RunState.DIVERGED if status == "diverged" else RunState.STOPPED
