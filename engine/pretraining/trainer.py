"""Live pre-training: next-token learning over sliding windows, one small step at a time.

`PreTrainer.run()` is a generator. Each `next()` does one optimiser step and yields a
small frozen `TrainSnapshot`, so the caller decides the pace: keep pulling to train,
stop pulling to pause, pull once to step. `request_stop()` ends it at the next step.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np
import torch

from engine.model import TinyGPT
from engine.pretraining.windows import random_batch


@dataclass
class TrainConfig:
    """How pre-training runs. Every field has a default and a reason."""

    seed: int = 0  # fixes the order of the batches (the model's init is seeded by the caller)
    lr: float = 3e-3  # high for a transformer, right for 1 M parameters that must learn in seconds
    batch_size: int = 16  # 16 windows of 64 tokens: ~1 k tokens a step, ~6 steps/s on one core
    warmup_steps: int = 10  # a short ramp so the first big steps don't blow up the fresh model
    weight_decay: float = 0.0  # training runs are seconds long; decay would only slow learning
    grad_clip: float = 1.0  # caps rare huge steps, the usual guard for transformers
    beta2: float = 0.95  # Adam's memory of squared gradients, shorter than 0.999 as in GPT training
    eval_every: int = 50  # held-out loss every 50 steps: often enough for a live curve, ~1 % of time
    eval_batches: int = 2  # 2 fixed held-out batches: a stable number at little cost
    max_steps: int | None = None  # None: run until stopped (the live demo); a number for scripts

    def __post_init__(self) -> None:
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ValueError(f"learning rate must be a positive number, got {self.lr}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.eval_every < 1 or self.eval_batches < 1:
            raise ValueError("eval_every and eval_batches must be at least 1")
        if self.max_steps is not None and self.max_steps < 0:
            raise ValueError(f"max_steps must be >= 0, got {self.max_steps}")


@dataclass(frozen=True)
class TrainSnapshot:
    """One step of training, as plain numbers (safe to send to another process)."""

    step: int
    tokens_seen: int
    train_loss: float
    heldout_loss: float | None  # only on evaluation steps
    tokens_per_s: float
    elapsed: float  # seconds spent training in this run
    status: str = "running"  # "running" | "done" | "stopped" | "diverged"
    message: str = ""


class PreTrainer:
    """Trains a TinyGPT on token ids, yielding a TrainSnapshot after every step."""

    def __init__(
        self,
        model: TinyGPT,
        train_ids: np.ndarray,
        heldout_ids: np.ndarray,
        config: TrainConfig | None = None,
        tokens_seen: int = 0,
        optimizer: torch.optim.Optimizer | None = None,
    ):
        self.model = model
        self.config = config or TrainConfig()
        self.block_size = model.config.block_size
        self.train_ids = np.asarray(train_ids, dtype=np.int64)
        self.heldout_ids = np.asarray(heldout_ids, dtype=np.int64)
        for name, ids in (("training", self.train_ids), ("held-out", self.heldout_ids)):
            if len(ids) <= self.block_size + 1:
                raise ValueError(
                    f"The {name} text is too short to train on: it has {len(ids)} tokens and "
                    f"one window needs {self.block_size + 1}."
                )
        self.optimizer = optimizer or make_optimizer(model, self.config)
        self.tokens_seen = tokens_seen
        self.step_count = 0
        self._stop = False
        self._rng = np.random.default_rng(self.config.seed)
        # The held-out batches are fixed so successive held-out losses are comparable.
        heldout_rng = np.random.default_rng(10_000 + self.config.seed)
        self._heldout = [
            random_batch(self.heldout_ids, self.block_size, self.config.batch_size, heldout_rng)
            for _ in range(self.config.eval_batches)
        ]
        # The weights at the latest evaluation whose held-out loss was sane: restored if
        # the loss blows up. subtle: a single healthy training batch is not proof, since
        # huge weights can give one batch a finite loss while other text is already NaN.
        self._good = [p.detach().clone() for p in model.parameters()]
        # A loss far worse than guessing uniformly among all V tokens (ln V) counts as
        # blown up too.
        self._loss_ceiling = 2.0 * math.log(model.config.vocab_size) + 2.0

    def request_stop(self) -> None:
        """Ask the running generator to end after the current step."""
        self._stop = True

    @torch.no_grad()
    def heldout_loss(self) -> float:
        was_training = self.model.training
        self.model.eval()
        losses = [self.model(x, y)[1].item() for x, y in self._heldout]
        self.model.train(was_training)
        return float(np.mean(losses))

    def _lr_at(self, step: int) -> float:
        return self.config.lr * min(1.0, (step + 1) / max(1, self.config.warmup_steps))

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

    def _train_step(self) -> float | None:
        """One optimiser step; returns the loss, or None if the loss blew up."""
        x, y = random_batch(self.train_ids, self.block_size, self.config.batch_size, self._rng)
        for group in self.optimizer.param_groups:
            group["lr"] = self._lr_at(self.step_count)
        _, loss = self.model(x, y)
        if not self._healthy(loss.item()):
            return None
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        if not torch.isfinite(grad_norm):
            return None
        self.optimizer.step()
        return loss.item()

    def run(self) -> Iterator[TrainSnapshot]:
        """Train until stopped (or max_steps); yield a snapshot after every step."""
        self.model.train()
        start = time.perf_counter()
        run_tokens = 0
        tokens_per_step = self.config.batch_size * self.block_size
        last: TrainSnapshot | None = None
        while True:
            done = self.config.max_steps is not None and self.step_count >= self.config.max_steps
            if self._stop or done:
                status = "done" if done and not self._stop else "stopped"
                self._stop = False
                if last is not None:
                    yield replace(last, status=status)
                return
            loss = self._train_step()
            elapsed = time.perf_counter() - start
            if loss is None:
                self._restore_good_weights()
                message = (
                    "Training stopped: the loss stopped being a number (it blew up to infinity "
                    "or NaN), usually because the learning rate is too high. The model was "
                    "rolled back to its last good weights; lower the learning rate and continue."
                )
                yield TrainSnapshot(
                    step=self.step_count,
                    tokens_seen=self.tokens_seen,
                    train_loss=float("nan"),
                    heldout_loss=None,
                    tokens_per_s=run_tokens / elapsed if elapsed > 0 else 0.0,
                    elapsed=elapsed,
                    status="diverged",
                    message=message,
                )
                return
            self.step_count += 1
            self.tokens_seen += tokens_per_step
            run_tokens += tokens_per_step
            heldout = None
            if self.step_count % self.config.eval_every == 0 or self.step_count == 1:
                heldout = self.heldout_loss()
                if self._healthy(heldout):
                    self._remember_good_weights()
                elapsed = time.perf_counter() - start
            last = TrainSnapshot(
                step=self.step_count,
                tokens_seen=self.tokens_seen,
                train_loss=loss,
                heldout_loss=heldout,
                tokens_per_s=run_tokens / elapsed if elapsed > 0 else 0.0,
                elapsed=elapsed,
            )
            yield last

    def train_steps(self, n: int) -> list[TrainSnapshot]:
        """Run exactly n steps synchronously (scripts and tests)."""
        out = []
        gen = self.run()
        for _ in range(n):
            snap = next(gen)
            out.append(snap)
            if snap.status == "diverged":
                break
        gen.close()
        return out


def make_optimizer(model: TinyGPT, config: TrainConfig) -> torch.optim.Optimizer:
    return torch.optim.AdamW(
        model.parameters(),
        lr=config.lr,
        betas=(0.9, config.beta2),
        weight_decay=config.weight_decay,
    )

