"""The skeleton every live training run shares: one optimiser step per `next()`.

`TrainingLoop.run()` is a generator. Each `next()` does one optimiser step and yields a
small frozen snapshot, so the caller decides the pace: keep pulling to train, stop
pulling to pause, pull once to step. `request_stop()` ends it at the next step. Every
step warms the learning rate up, clips the gradient, and checks the loss: if it blows
up (NaN, infinity or far worse than guessing), the model is rolled back to the weights
of the latest healthy evaluation and the run ends with a "diverged" snapshot.

Pre-training and fine-tuning differ only in what a batch is, how held-out loss is
measured and what a snapshot holds; they subclass this and fill in those parts
(`batch_loss`, `heldout_loss`, `count`, `snapshot`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar

import torch

from engine.model import TinyGPT
from engine.optim import lr_factor, make_optimizer, set_learning_rate

__all__ = ["LoopConfig", "TrainingLoop", "check_loop_config", "make_optimizer"]


class LoopConfig(Protocol):
    """The fields the loop reads from a trainer's config (TrainConfig, SFTConfig)."""

    lr: float
    batch_size: int
    warmup_steps: int
    weight_decay: float
    grad_clip: float
    beta2: float
    eval_every: int
    max_steps: int | None


Snapshot = TypeVar("Snapshot")


def check_loop_config(config: LoopConfig) -> None:
    """The checks every trainer's config needs (called from their __post_init__)."""
    if not (config.lr > 0 and math.isfinite(config.lr)):
        raise ValueError(f"learning rate must be a positive number, got {config.lr}")
    if config.batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {config.batch_size}")
    if config.eval_every < 1:
        raise ValueError("eval_every must be at least 1")
    if config.max_steps is not None and config.max_steps < 0:
        raise ValueError(f"max_steps must be >= 0, got {config.max_steps}")


class TrainingLoop(Generic[Snapshot]):
    """Trains `model` step by step; subclasses say what a batch and a snapshot are."""

    diverged_message = "Training stopped: the loss stopped being a number."

    def __init__(self, model: TinyGPT, config: Any, optimizer: torch.optim.Optimizer | None = None):
        self.model = model
        self.config = config
        self.optimizer = optimizer or make_optimizer(model, config)
        self.step_count = 0
        self.run_items = 0  # items (tokens, examples) learned from in the current run
        self._stop = False
        # The weights at the latest evaluation whose held-out loss was sane: restored if
        # the loss blows up. subtle: a single healthy training batch is not proof, since
        # huge weights can give one batch a finite loss while other text is already NaN.
        self._good = [p.detach().clone() for p in model.parameters()]
        # A loss far worse than guessing uniformly among all V tokens (ln V) counts as
        # blown up too.
        self._loss_ceiling = 2.0 * math.log(model.config.vocab_size) + 2.0

    # ----- what a subclass fills in ---------------------------------------------------
    def batch_loss(self) -> tuple[torch.Tensor, int]:
        """The loss on the next training batch, and how many items it counts."""
        raise NotImplementedError

    def heldout_loss(self) -> float | None:
        """The loss on the fixed held-out data (None: there is none)."""
        raise NotImplementedError

    def count(self, items: int) -> None:
        """Add a healthy step's items to the trainer's running total."""
        raise NotImplementedError

    def snapshot(self, train_loss: float, heldout: float | None, elapsed: float,
                 status: str = "running", message: str = "") -> Snapshot:
        raise NotImplementedError

    # ----- the loop -------------------------------------------------------------------
    def request_stop(self) -> None:
        """Ask the running generator to end after the current step."""
        self._stop = True

    def _lr_at(self, step: int) -> float:
        c = self.config  # a config without a warm-down share (fine-tuning's) has none
        return c.lr * lr_factor(step, c.warmup_steps, c.max_steps, getattr(c, "warmdown", 0.0))

    def _healthy(self, loss: float) -> bool:
        return math.isfinite(loss) and loss < self._loss_ceiling

    def _remember_good_weights(self) -> None:
        with torch.no_grad():
            torch._foreach_copy_(self._good, [p.detach() for p in self.model.parameters()])

    def _restore_good_weights(self) -> None:
        with torch.no_grad():
            for p, good in zip(self.model.parameters(), self._good, strict=True):
                p.copy_(good)
        # Adam's moments are poisoned too: start them afresh.
        self.optimizer.state.clear()

    def _train_step(self) -> tuple[float, int] | None:
        """One optimiser step: (loss, items), or None if the loss blew up."""
        set_learning_rate(self.optimizer, self._lr_at(self.step_count))
        loss, items = self.batch_loss()
        if not self._healthy(loss.item()):
            return None
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        if not torch.isfinite(grad_norm):
            return None
        self.optimizer.step()
        return loss.item(), items

    def run(self) -> Iterator[Snapshot]:
        """Train until stopped (or max_steps); yield a snapshot after every step."""
        self.model.train()
        start = time.perf_counter()
        self.run_items = 0
        last: Snapshot | None = None
        while True:
            done = self.config.max_steps is not None and self.step_count >= self.config.max_steps
            if self._stop or done:
                status = "done" if done and not self._stop else "stopped"
                self._stop = False
                if last is not None:
                    yield replace(last, status=status)  # type: ignore[type-var]
                return
            result = self._train_step()
            if result is None:
                self._restore_good_weights()
                yield self.snapshot(float("nan"), None, time.perf_counter() - start,
                                    status="diverged", message=self.diverged_message)
                return
            loss, items = result
            self.step_count += 1
            self.count(items)
            self.run_items += items
            heldout = None
            if self.step_count % self.config.eval_every == 0 or self.step_count == 1:
                heldout = self.heldout_loss()
                if heldout is None or self._healthy(heldout):
                    self._remember_good_weights()
            last = self.snapshot(loss, heldout, time.perf_counter() - start)
            yield last

    def train_steps(self, n: int) -> list[Snapshot]:
        """Run up to n steps synchronously (scripts and tests); ends early when the run does."""
        out: list[Snapshot] = []
        if n < 1:
            return out
        gen = self.run()
        for snap in gen:
            out.append(snap)
            if snap.status != "running" or len(out) >= n:  # type: ignore[attr-defined]
                break
        gen.close()
        return out
