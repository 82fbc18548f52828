"""Live pre-training: next-token learning over sliding windows, one small step at a time.

`PreTrainer` is a `TrainingLoop` (engine/training_loop.py): `run()` yields a small
frozen `TrainSnapshot` per optimiser step, and `request_stop()` ends it at the next
step. What is its own: a batch is random windows of the token stream, and the held-out
loss is measured on a few fixed held-out windows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from engine.model import TinyGPT
from engine.pretraining.windows import random_batch
from engine.training_loop import TrainingLoop, check_loop_config, make_optimizer

__all__ = ["PreTrainer", "TrainConfig", "TrainSnapshot", "make_optimizer"]


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
    optimizer: str = "muon"  # Muon for the blocks' matrices, AdamW for the rest: see engine/optim.py
    muon_lr: float = 0.02  # Muon's rate (its steps are orthogonalised, so on another scale than lr)
    warmdown: float = 0.5  # with max_steps, LR decays to 0 over the last half (open-ended: none)
    eval_every: int = 50  # held-out loss every 50 steps: often enough for a live curve, ~1 % of time
    eval_batches: int = 2  # 2 fixed held-out batches: a stable number at little cost
    max_steps: int | None = None  # None: run until stopped (the live demo); a number for scripts

    def __post_init__(self) -> None:
        check_loop_config(self)
        if self.eval_batches < 1:
            raise ValueError("eval_batches must be at least 1")
        if self.optimizer not in ("adamw", "muon"):
            raise ValueError(f"optimizer must be 'adamw' or 'muon', got {self.optimizer!r}")
        if not (self.muon_lr > 0 and math.isfinite(self.muon_lr)):
            raise ValueError(f"muon_lr must be a positive number, got {self.muon_lr}")
        if not 0.0 <= self.warmdown <= 1.0:
            raise ValueError(f"warmdown must be a share of the run in [0, 1], got {self.warmdown}")


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


class PreTrainer(TrainingLoop[TrainSnapshot]):
    """Trains a TinyGPT on token ids, yielding a TrainSnapshot after every step."""

    diverged_message = (
        "Training stopped: the loss stopped being a number (it blew up to infinity "
        "or NaN), usually because the learning rate is too high. The model was "
        "rolled back to its last good weights; lower the learning rate and continue."
    )

    def __init__(
        self,
        model: TinyGPT,
        train_ids: np.ndarray,
        heldout_ids: np.ndarray,
        config: TrainConfig | None = None,
        tokens_seen: int = 0,
        optimizer: torch.optim.Optimizer | None = None,
    ):
        config = config or TrainConfig()
        self.block_size = model.config.block_size
        self.train_ids = np.asarray(train_ids, dtype=np.int64)
        self.heldout_ids = np.asarray(heldout_ids, dtype=np.int64)
        for name, ids in (("training", self.train_ids), ("held-out", self.heldout_ids)):
            if len(ids) <= self.block_size + 1:
                raise ValueError(
                    f"The {name} text is too short to train on: it has {len(ids)} tokens and "
                    f"one window needs {self.block_size + 1}."
                )
        super().__init__(model, config, optimizer)
        self.tokens_seen = tokens_seen
        self._rng = np.random.default_rng(config.seed)
        # The held-out batches are fixed so successive held-out losses are comparable.
        heldout_rng = np.random.default_rng(10_000 + config.seed)
        self._heldout = [
            random_batch(self.heldout_ids, self.block_size, config.batch_size, heldout_rng)
            for _ in range(config.eval_batches)
        ]

    @torch.no_grad()
    def heldout_loss(self) -> float:
        was_training = self.model.training
        self.model.eval()
        losses = [self.model(x, y)[1].item() for x, y in self._heldout]
        self.model.train(was_training)
        return float(np.mean(losses))

    def batch_loss(self) -> tuple[torch.Tensor, int]:
        """Next-token loss on a batch of random windows, and its token count."""
        x, y = random_batch(self.train_ids, self.block_size, self.config.batch_size, self._rng)  # (B, T)
        _, loss = self.model(x, y)
        return loss, x.numel()

    def count(self, items: int) -> None:
        self.tokens_seen += items

    def snapshot(self, train_loss: float, heldout: float | None, elapsed: float,
                 status: str = "running", message: str = "") -> TrainSnapshot:
        return TrainSnapshot(
            step=self.step_count,
            tokens_seen=self.tokens_seen,
            train_loss=train_loss,
            heldout_loss=heldout,
            tokens_per_s=self.run_items / elapsed if elapsed > 0 else 0.0,
            elapsed=elapsed,
            status=status,
            message=message,
        )
