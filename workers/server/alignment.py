"""Pillar III in the engine worker: answers, a person's choices, a scripted ranker's run.

Learning from one choice is a quick command (learn, then measure: well under 2 s). A
scripted ranker's run is a job in the runner's model slot, one click per item, so other
commands (and StopRanker) are answered between clicks.
"""

from __future__ import annotations

from typing import Any

from workers.jobs import Job
from workers.protocol import (
    Activity,
    AlignmentHistoryReport,
    AlignmentProgress,
    AlignmentReset,
    AlignmentSnapshotReport,
    CandidatesReport,
    CompareStages,
    GetAlignmentHistory,
    LearnFromFeedback,
    RankerProgress,
    RankerState,
    ResetAlignment,
    RunRanker,
    RunState,
    SetAlignmentTrait,
    StageStripReport,
    StopRanker,
    WriteCandidates,
)
from workers.server.context import ServerContext

RANKER = "ranker"
RANKER_SAMPLES = 2  # answers per held-out prompt for the before/after share


class AlignmentCommands:
    """Handlers for Pillar III's commands."""

    def __init__(self, ctx: ServerContext):
        self.ctx = ctx
        self.ranker_info: dict = {}  # the running ranker's info (sent with RankerState)
        self._command: RunRanker | None = None  # what started it

    def handlers(self) -> dict[type, Any]:
        return {GetAlignmentHistory: self.history, WriteCandidates: self.candidates,
                LearnFromFeedback: self.learn, ResetAlignment: self.reset,
                SetAlignmentTrait: self.set_trait, CompareStages: self.stage_strip,
                RunRanker: self.run_ranker, StopRanker: self.stop_ranker}

    def _prepare(self, cmd) -> None:
        """Stop training or fine-tuning (they change the same model, announced: make_room);
        say if the live model changed."""
        ctx = self.ctx
        ctx.make_room(cmd, keep=RANKER)
        before = id(ctx.session.model)
        ctx.session.alignment.current_run()
        if id(ctx.session.model) != before:
            ctx.send_status()
            self._send_history()

    def _send_history(self) -> None:
        self.ctx.emit(AlignmentHistoryReport(tuple(self.ctx.session.alignment.history())))

    def history(self, cmd: GetAlignmentHistory) -> None:
        self._prepare(cmd)
        self._send_history()

    def candidates(self, cmd: WriteCandidates) -> None:
        self._prepare(cmd)
        found = self.ctx.session.alignment.candidates(cmd.prompt, int(cmd.n), int(cmd.seed))
        self.ctx.emit(CandidatesReport(cmd.key, found))

    def learn(self, cmd: LearnFromFeedback) -> None:
        self._prepare(cmd)
        ctx = self.ctx
        ctx.busy(Activity.ALIGNING, True)
        try:
            ctx.emit(AlignmentProgress("learning"))
            ctx.emit(AlignmentSnapshotReport(ctx.session.alignment.learn_from_feedback(cmd.feedback)))
            ctx.send_status()
        finally:
            ctx.emit(AlignmentProgress(""))
            ctx.busy(Activity.ALIGNING, False)

    def reset(self, cmd: ResetAlignment) -> None:
        self.ctx.make_room(cmd)  # the judge's run too
        self._prepare(cmd)
        self.ctx.session.alignment.reset()
        self._send_history()
        self.ctx.emit(AlignmentReset(self.ctx.session.status()))  # the GUI's one reset path

    def set_trait(self, cmd: SetAlignmentTrait) -> None:
        self._prepare(cmd)
        self.ctx.emit(AlignmentSnapshotReport(self.ctx.session.alignment.set_trait(cmd.spec)))

    def stage_strip(self, cmd: CompareStages) -> None:
        self._prepare(cmd)
        views = self.ctx.session.alignment.stage_strip(cmd.prompt, k=4, seed=int(cmd.seed))
        self.ctx.emit(StageStripReport(cmd.key, tuple(views)))

    # -- a scripted ranker's run ---------------------------------------------------------
    def run_ranker(self, cmd: RunRanker) -> None:
        from engine.alignment.rankers import parse_ranker  # loaded with the session

        ctx = self.ctx
        self.ctx.make_room(cmd)  # a judge already running too
        self._prepare(cmd)
        seed, clicks = int(cmd.seed), int(cmd.clicks)
        ranker = parse_ranker(cmd.spec, ctx.session.ensure_tokenizer(), seed=seed)
        run = ctx.session.alignment.current_run()
        ctx.busy(Activity.ALIGNING, True)
        if ranker.trait is not None and not run.measures(ranker.trait):
            ctx.emit(AlignmentSnapshotReport(run.set_trait(ranker.trait)))
        before = run.answer_stats(samples_per_prompt=RANKER_SAMPLES, seed=seed + 1)
        self.ranker_info = {"ranker": ranker.name, "description": ranker.description,
                            "clicks": clicks, "done": 0, "learned": 0,
                            "trait": run.trait.label if run.trait else "",
                            "before": before, "seed": seed}
        ctx.runner.start(Job(
            RANKER, iter(ctx.session.alignment.run_ranker(ranker, clicks, seed=seed)), cmd,
            on_items=self._clicked, on_end=self._ended, on_error=self._failed,
            request_stop=ctx.session.alignment.stop_ranker, flush_every=0.0, drain_on_stop=False,
            progress=lambda: (self.ranker_info.get("done", 0), clicks),
        ))
        self._command = cmd
        ctx.emit(RankerState(RunState.RUNNING, dict(self.ranker_info)))

    def stop_ranker(self, _cmd: StopRanker | None) -> None:
        if self.ctx.runner.running(RANKER) is not None:
            self.ctx.runner.stop("model")

    def _clicked(self, snapshots: list) -> None:
        for snap in snapshots:
            learned = snap.event not in ("no preference", "rolled back")  # an update
            self.ranker_info["done"] += 1
            self.ranker_info["learned"] += learned
            self.ctx.emit(AlignmentSnapshotReport(snap))
            self.ctx.emit(RankerProgress(self.ranker_info["done"], self.ranker_info["clicks"]))
            if learned:
                # The engine measured the held-out answers again after the update: the
                # status bar says so now, not after the last click ("after 1 judgement"
                # beside "click 25 of 30").
                self.ctx.send_status()

    def _ended(self, state: RunState | None) -> None:
        # The before/after statistics are the engine's (the align command uses the same).
        from engine.alignment.answer_quality import compare_stats  # loaded with the session

        info, self.ranker_info = self.ranker_info, {}
        try:
            before = info.get("before")
            if before is not None:
                run = self.ctx.session.alignment.current_run()
                after = run.answer_stats(samples_per_prompt=RANKER_SAMPLES, seed=info["seed"] + 1)
                test = compare_stats(before, after, seed=info["seed"])
                info.update(after=after, before_after=test, p_value=test.trait.p_value)
        except Exception as exc:  # noqa: BLE001 - the run's clicks stand; only the measure failed
            self.ctx.error("Could not measure what the automatic judge changed", exc,
                           self._command)
        finally:
            self.ctx.send_status()
            self.ctx.emit(RankerState(state or RunState.STOPPED, info))
            self.ctx.busy(Activity.ALIGNING, False)

    def _failed(self, exc: BaseException, cmd) -> None:
        self.ctx.error("The automatic judge stopped with an error", exc, cmd)
