"""Look inside (Pillar I, issue 17) in the engine worker: attention, layer-by-layer
guesses and the parameter map of the live model."""

from __future__ import annotations

from typing import Any

from workers.protocol import InsideReport, LookInside
from workers.server.context import ServerContext


class InsideCommands:
    """The LookInside handler; one probe per session (its head labels are measured once)."""

    def __init__(self, ctx: ServerContext):
        self.ctx = ctx
        self._probe: tuple[int, Any] | None = None  # (id of its session, InsideProbe)

    def handlers(self) -> dict[type, Any]:
        return {LookInside: self.look_inside}

    def look_inside(self, cmd: LookInside) -> None:
        from engine.pretraining.inside import InsideError  # loaded with the session

        session = self.ctx.session
        if session.model is None:
            raise InsideError("There is no model yet: train one first.")
        view = self._inside_probe().view(
            session.model, session.ensure_tokenizer(), cmd.request,
            clock=int(session.tokens_seen), tokens_per_step=_tokens_per_step(session))
        self.ctx.emit(InsideReport(cmd.key, view))

    def _inside_probe(self):
        """One probe per session; its head labels are measured on a few real passages."""
        from engine.pretraining.inside import InsideProbe  # loaded with the session

        session = self.ctx.session
        if self._probe is None or self._probe[0] != id(session):
            rows = [session.pretraining.passage(64, seed=s) for s in range(4)]
            n = min(len(r) for r in rows)
            self._probe = (id(session), InsideProbe([r[:n] for r in rows] if n >= 3 else None))
        return self._probe[1]


def _tokens_per_step(session) -> int:
    """Tokens one pre-training step reads (the clock of "changed in the last N steps")."""
    from engine.pretraining.trainer import TrainConfig  # loaded with the session

    return TrainConfig().batch_size * session.model.config.block_size
