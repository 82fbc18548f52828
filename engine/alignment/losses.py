"""The preference losses, on summed log-probabilities of answers.

- A comparison ("A is better than B") uses DPO (Rafailov et al. 2023) against a frozen
  *reference* model, the fine-tuned one:

      loss = -log sigmoid(beta * ((log pi(y_w) - log ref(y_w)) - (log pi(y_l) - log ref(y_l))))

- A single thumb uses KTO (Ethayarajh et al. 2024): an answer is pushed above (thumb
  up) or below (thumb down) a reference point z0, an estimate of the policy's KL
  divergence from the reference.

Log-probabilities of an answer are summed over its tokens and the <end> token (when
the model wrote one); the prompt is masked out with IGNORE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from engine.chat_format import IGNORE
from engine.model import TinyGPT
from engine.tokenizers import PAD


# ----- log-probabilities of answers ----------------------------------------------------
def answer_batch(
    sequences: Sequence[tuple[Sequence[int], Sequence[int]]], block_size: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """(prompt ids, answer ids) pairs -> inputs (B, T) and targets (B, T).

    Targets are the next tokens of the answer (its tokens and <end>); every position
    whose next token belongs to the prompt, and the right padding, is IGNORE.
    """
    rows = []
    for prompt_ids, answer_ids in sequences:
        full = list(prompt_ids) + list(answer_ids)
        if len(full) - 1 > block_size:
            raise ValueError(
                f"prompt + answer is {len(full)} tokens, longer than the model's context "
                f"({block_size + 1} tokens with the target)"
            )
        if not answer_ids:
            raise ValueError("an answer must have at least one token")
        inputs = full[:-1]
        targets = [IGNORE] * (len(prompt_ids) - 1) + list(answer_ids)
        rows.append((inputs, targets))
    T = max(len(i) for i, _ in rows)
    idx = torch.full((len(rows), T), PAD, dtype=torch.long)  # (B, T)
    tgt = torch.full((len(rows), T), IGNORE, dtype=torch.long)  # (B, T)
    for r, (inputs, targets) in enumerate(rows):
        idx[r, : len(inputs)] = torch.tensor(inputs)
        tgt[r, : len(targets)] = torch.tensor(targets)
    return idx, tgt


def hidden_states(model: TinyGPT, idx: torch.Tensor) -> torch.Tensor:
    """The model's final normalised hidden states (B, T, C): its forward pass minus the head."""
    T = idx.shape[1]
    x = model.embed(idx, torch.arange(T, device=idx.device))  # (B, T, C)
    for block in model.blocks:
        x = block(x)
    return model.ln_f(x)


def sequence_logprobs(
    model: TinyGPT, idx: torch.Tensor, targets: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Summed log-probability of each row's answer tokens (B,), and how many there are (B,).

    The output head (the largest matrix) runs only where a target counts, not on the
    prompt or the padding: the same numbers as `model(idx)`, about half the work.
    """
    B, T = idx.shape
    if idx.shape[1] > model.config.block_size:
        raise ValueError(f"sequence of {T} tokens is longer than block_size {model.config.block_size}")
    mask = targets != IGNORE  # (B, T)
    h = hidden_states(model, idx)[mask]  # (N, C): only the answer positions
    logp = -F.cross_entropy(model.head(h), targets[mask], reduction="none")  # (N,)
    rows = torch.arange(B).unsqueeze(1).expand(B, T)[mask]  # (N,) row of each position
    total = torch.zeros(B, dtype=logp.dtype).index_add(0, rows, logp)  # (B,)
    return total, mask.sum(dim=1)


# ----- the losses ----------------------------------------------------------------------
def dpo_loss(
    policy_chosen: torch.Tensor,
    policy_rejected: torch.Tensor,
    ref_chosen: torch.Tensor,
    ref_rejected: torch.Tensor,
    beta: float,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per-pair DPO losses (P,), and the implicit rewards of chosen and rejected (P,).

    reward = beta * (log pi(y) - log ref(y)); loss = -log sigmoid(reward_w - reward_l).
    At the start (policy == reference) every loss is ln 2. d loss / d log pi(y_w) =
    -beta * sigmoid(-(reward_w - reward_l)), and the opposite for y_l.
    """
    chosen_logratio = policy_chosen - ref_chosen  # (P,)
    rejected_logratio = policy_rejected - ref_rejected  # (P,)
    losses = -F.logsigmoid(beta * (chosen_logratio - rejected_logratio))  # (P,)
    return losses, beta * chosen_logratio.detach(), beta * rejected_logratio.detach()


def kto_loss(
    policy_logp: torch.Tensor,
    ref_logp: torch.Tensor,
    desirable: torch.Tensor,
    kl_reference: float,
    beta: float,
    desirable_weight: float = 1.0,
    undesirable_weight: float = 1.0,
) -> torch.Tensor:
    """Per-answer KTO losses (N,).

    With r = log pi(y) - log ref(y) and z0 = max(0, kl_reference) (a constant, no
    gradient): a desirable answer costs w_D * (1 - sigmoid(beta * (r - z0))), an
    undesirable one w_U * (1 - sigmoid(beta * (z0 - r))). So a thumb up raises the
    answer's probability relative to the reference, a thumb down lowers it, and the
    push fades once the answer is clearly on the right side of z0.
    """
    z0 = max(0.0, float(kl_reference))
    logratio = policy_logp - ref_logp  # (N,)
    up = desirable_weight * (1.0 - torch.sigmoid(beta * (logratio - z0)))
    down = undesirable_weight * (1.0 - torch.sigmoid(beta * (z0 - logratio)))
    return torch.where(desirable, up, down)  # (N,)


@dataclass(frozen=True)
class StepLosses:
    """The loss terms of one optimiser step, as numbers."""

    total: float
    dpo: float | None  # mean DPO loss over the step's pairs (None: no pairs)
    kto: float | None  # mean KTO loss over the step's thumbs (None: no thumbs)
    nll: float | None  # mean per-token NLL of the chosen / thumbed-up answers
    dpo_per_pair: tuple[float, ...]  # each pair's DPO loss, in batch order (newest first)
