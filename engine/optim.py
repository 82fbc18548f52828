"""The optimiser of pre-training: Muon for the hidden matrices, AdamW for the rest.

Muon (Keller Jordan, 2024; the modded-nanoGPT speedrun) keeps a momentum of each
weight matrix's gradient, as SGD does, and then replaces that momentum by the nearest
orthogonal matrix (all singular values 1) before stepping. Every direction of the
matrix then moves by the same amount, so the few directions that dominate a raw
gradient no longer drown the rest. It is meant for 2-D matrices inside the network;
embeddings, the output head and the norms' gains stay with AdamW.

Measured here (bench/time_to_loss.py, docs/performance.md): the biggest single change
of the recipe, 1.69x less CPU time to nanoGPT's held-out loss on the books, although
each step costs ~25 ms more (the orthogonalisation) on top of ~120 ms.
"""

from __future__ import annotations

import torch
import torch.nn as nn


def orthogonalize(G: torch.Tensor, steps: int = 5) -> torch.Tensor:
    """The nearest orthogonal matrix to G (m, n), approximately, by a Newton-Schulz iteration.

    The quintic's coefficients (from Muon) push every singular value towards 1 fast
    without needing them to converge exactly: about 0.7 to 1.2 is good enough.
    """
    a, b, c = 3.4445, -4.7750, 2.0315
    # bfloat16 as in Muon: the iteration needs no precision, and it is ~1.4x faster here.
    X = G.bfloat16()
    X = X / (X.norm() + 1e-7)  # singular values now at most 1
    tall = X.shape[0] > X.shape[1]
    if tall:
        X = X.T  # (n, m): iterate on the smaller Gram matrix
    for _ in range(steps):
        A = X @ X.T  # (k, k), k = min(m, n)
        X = a * X + (b * A + c * A @ A) @ X
    return (X.T if tall else X).to(G.dtype)


class Muon(torch.optim.Optimizer):
    """Muon for groups marked use_muon=True, AdamW for the others, in one optimiser.

    One object, so a trainer can clear its state or set its learning rates in one place.
    Each group's lr is its own; lr_scale says how it relates to the trainer's main lr.
    """

    def __init__(self, param_groups: list[dict], momentum: float = 0.95, betas=(0.9, 0.95),
                 eps: float = 1e-8, weight_decay: float = 0.0, ns_steps: int = 5):
        defaults = dict(momentum=momentum, betas=betas, eps=eps, weight_decay=weight_decay,
                        ns_steps=ns_steps, use_muon=False, lr_scale=1.0)
        super().__init__(param_groups, defaults)

    @torch.no_grad()
    def step(self, closure=None):  # noqa: ANN001 - the torch.optim signature
        for group in self.param_groups:
            if group["use_muon"]:
                self._muon_step(group)
            else:
                self._adamw_step(group)

    def _muon_step(self, group: dict) -> None:
        for p in group["params"]:
            if p.grad is None:
                continue
            state = self.state[p]
            if not state:
                state["momentum"] = torch.zeros_like(p)
            buf = state["momentum"]
            buf.lerp_(p.grad, 1 - group["momentum"])
            update = p.grad.lerp(buf, group["momentum"])  # Nesterov: look one step ahead
            update = orthogonalize(update, group["ns_steps"])  # (out, in), unit singular values
            # A wide matrix and a tall one move each output by the same RMS amount.
            scale = max(1.0, p.shape[0] / p.shape[1]) ** 0.5
            if group["weight_decay"]:
                p.mul_(1 - group["lr"] * group["weight_decay"])
            p.add_(update, alpha=-group["lr"] * scale)

    def _adamw_step(self, group: dict) -> None:
        params = [p for p in group["params"] if p.grad is not None]
        if not params:
            return
        beta1, beta2 = group["betas"]
        for p in params:
            state = self.state[p]
            if not state:
                state["step"] = torch.tensor(0.0)
                state["exp_avg"] = torch.zeros_like(p)
                state["exp_avg_sq"] = torch.zeros_like(p)
        steps = [self.state[p]["step"] for p in params]
        torch._foreach_add_(steps, 1.0)  # the kernel reads the step count, it does not count
        torch._fused_adamw_(  # the same kernel torch.optim.AdamW(fused=True) runs
            params,
            [p.grad for p in params],
            [self.state[p]["exp_avg"] for p in params],
            [self.state[p]["exp_avg_sq"] for p in params],
            [],
            steps,
            amsgrad=False, lr=group["lr"], beta1=beta1, beta2=beta2,
            weight_decay=group["weight_decay"], eps=group["eps"], maximize=False,
        )


def hidden_matrices(model: nn.Module) -> tuple[list[nn.Parameter], list[nn.Parameter]]:
    """(the 2-D weights inside the blocks, everything else): Muon's share and AdamW's."""
    hidden, rest = [], []
    for name, p in model.named_parameters():
        inside = name.startswith("blocks.") and p.dim() == 2
        (hidden if inside else rest).append(p)
    return hidden, rest


def make_optimizer(model: nn.Module, config) -> torch.optim.Optimizer:  # noqa: ANN001
    """The optimiser a TrainConfig asks for: "adamw" (nanoGPT's) or "muon".

    config needs lr, beta2, weight_decay and, for Muon, optimizer and muon_lr.
    """
    kind = getattr(config, "optimizer", "adamw")
    if kind == "adamw":
        return torch.optim.AdamW(model.parameters(), lr=config.lr, betas=(0.9, config.beta2),
                                 weight_decay=config.weight_decay)
    if kind != "muon":
        raise ValueError(f"unknown optimizer {kind!r}; expected 'adamw' or 'muon'")
    hidden, rest = hidden_matrices(model)
    groups = [
        dict(params=hidden, lr=config.muon_lr, lr_scale=config.muon_lr / config.lr, use_muon=True),
        dict(params=rest, lr=config.lr, lr_scale=1.0, use_muon=False),
    ]
    return Muon(groups, betas=(0.9, config.beta2), weight_decay=config.weight_decay)


def lr_factor(step: int, warmup: int, max_steps: int | None = None, warmdown: float = 0.0) -> float:
    """The learning-rate schedule, as a share of the peak rate at a (0-based) step.

    A linear warm-up over `warmup` steps; then constant, or, when the run has a known
    length (max_steps), a linear warm-down to 0 over its last `warmdown` share.
    """
    factor = min(1.0, (step + 1) / max(1, warmup))
    if max_steps and warmdown > 0:
        start = max_steps * (1.0 - warmdown)
        if step >= start:
            factor *= max(0.0, (max_steps - step) / (max_steps - start))
    return factor


def set_learning_rate(optimizer: torch.optim.Optimizer, lr: float) -> None:
    """Set the main learning rate; groups with an lr_scale (Muon's) keep their ratio to it."""
    for group in optimizer.param_groups:
        group["lr"] = lr * group.get("lr_scale", 1.0)

