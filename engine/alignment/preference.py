"""Preference updates: the model learns, in-process, from which of its answers a person liked.

Pillar III of the story. For a prompt the current model (the *policy*) writes a few
answers; a person (or a scripted ranker, see `engine.alignment.rankers`) says which is
better, or gives one answer a thumb up or down (`engine.alignment.feedback`); each
judgement updates the policy at once.

- A comparison (a `PreferencePair`; a `Ranking` is all its pairs) uses online DPO
  against a frozen *reference* model, the fine-tuned one, plus a small likelihood term
  (mean per-token NLL of the chosen answer, as in RPO, Pang et al. 2024) that keeps DPO
  from pushing both answers' probabilities down at once (the tiny model's way of
  collapsing).
- A single thumb (`Thumb`) uses the KTO loss against a reference point z0: here the
  exact KL measured on the probe prompts after the previous update (see
  `engine.alignment.metrics`). The losses themselves are in `engine.alignment.losses`.

The reference's log-probability of each stored answer is computed once and cached: it
never changes. Each judgement runs `steps_per_judgement` optimiser steps; every step
sees the newest judgement plus a random replay of earlier ones, so the model keeps what
it learned from the earlier clicks. Everything returned is a frozen value (numbers,
tuples), never a live tensor.
"""

from __future__ import annotations

import copy
import hashlib
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import torch

from engine.alignment.feedback import (
    Answer,
    Candidates,
    Feedback,
    PreferencePair,
    Ranking,
    Thumb,
    as_items,
)
from engine.alignment.losses import (
    StepLosses,
    answer_batch,
    dpo_loss,
    kto_loss,
    sequence_logprobs,
)
from engine.alignment.preference_config import PreferenceConfig
from engine.alignment.sampling import sample_answers
from engine.chat_format import prompt_ids as chat_prompt_ids
from engine.model import TinyGPT
from engine.tokenizers import Tokenizer

# The feedback types are part of this module's interface (the optimiser learns from them).
__all__ = [
    "Answer",
    "Candidates",
    "Feedback",
    "PreferenceConfig",
    "PreferenceOptimizer",
    "PreferencePair",
    "Ranking",
    "Thumb",
    "UpdateReport",
    "as_items",
    "frozen_copy",
    "state_hash",
]


# ----- hyperparameters: engine/alignment/preference_config.py (no torch: the GUI reads them) ---


@dataclass(frozen=True)
class UpdateReport:
    """What one judgement did to the model."""

    version: int  # updates since the reference (1 after the first judgement)
    pairs: int  # pairs in the newest judgement
    thumbs: int  # thumbs in the newest judgement
    steps: tuple[StepLosses, ...]
    seconds: float
    rolled_back: bool = False  # the loss was not a number: the model was restored
    message: str = ""


def state_hash(model: torch.nn.Module) -> str:
    """A fingerprint of a model's weights (to prove the reference never changes)."""
    h = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        h.update(name.encode())
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


def frozen_copy(model: TinyGPT) -> TinyGPT:
    """A copy of `model` that cannot learn: no gradients, evaluation mode."""
    ref = copy.deepcopy(model)
    ref.eval()
    for p in ref.parameters():
        p.requires_grad_(False)
    return ref


# ----- the trainer ---------------------------------------------------------------------
@dataclass
class _Memory:
    """Every judgement so far, as pairs and thumbs, newest last."""

    items: list = field(default_factory=list)

    def pairs(self) -> list[PreferencePair]:
        return [i for i in self.items if isinstance(i, PreferencePair)]


class PreferenceOptimizer:
    """Online DPO / KTO on a live policy against a frozen reference.

    `policy` is trained in place (it is the model the app talks to); `reference` is
    copied and frozen here (default: a copy of the policy), and the policy starts from
    the reference's weights unless `start_from_reference` is False. `candidates()`
    writes answers from the current policy; `update(feedback)` learns from a judgement;
    `reset()` puts the reference's weights back into the policy and forgets every
    judgement.
    """

    def __init__(
        self,
        policy: TinyGPT,
        tokenizer: Tokenizer,
        reference: TinyGPT | None = None,
        config: PreferenceConfig | None = None,
        start_from_reference: bool = True,
    ):
        self.policy = policy
        self.tokenizer = tokenizer
        self.config = config or PreferenceConfig()
        self.reference = frozen_copy(reference if reference is not None else policy)
        self.block_size = policy.config.block_size
        self.memory = _Memory()
        self.version = 0
        self.kl_reference = 0.0  # KTO's z0; the owner sets it from the latest KL measurement
        self._ref_cache: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        self._rng = random.Random(self.config.seed)
        self._optimizer = self._new_optimizer()
        if start_from_reference:  # else carry on from the policy's own weights (an aligned checkpoint)
            self.policy.load_state_dict(self.reference.state_dict())

    def _new_optimizer(self) -> torch.optim.Optimizer:
        return torch.optim.AdamW(
            self.policy.parameters(), lr=self.config.lr, betas=(0.9, 0.95), weight_decay=0.0
        )

    # -- answers --------------------------------------------------------------------
    def prompt_ids(self, prompt: str) -> tuple[int, ...]:
        """`<user> prompt <assistant>` in model tokens, exactly as fine-tuning made them."""
        ids = tuple(chat_prompt_ids(self.tokenizer, prompt))
        if len(ids) > self.block_size - 4:
            raise ValueError(
                f"The question is too long for this little model: it is {len(ids)} tokens and the "
                f"model reads at most {self.block_size}. Try a shorter question."
            )
        return ids

    def max_new_tokens(self, prompt_ids: Sequence[int]) -> int:
        """Room for an answer: prompt + answer (with <end>) must fit the context."""
        return max(1, min(self.config.max_answer_tokens, self.block_size - len(prompt_ids)))

    def candidates(self, prompt: str, n: int = 2, seed: int = 0) -> Candidates:
        """n different answers from the current policy (temperature 1, no top-k).

        An answer with exactly the same words as an earlier one (case and spacing
        aside) is redrawn, in at most `max_resample` rounds; after that, duplicates
        are kept (a very sure model may have only one answer to give).
        """
        if n < 1:
            raise ValueError(f"ask for at least one answer, got n={n}")
        ids = self.prompt_ids(prompt)
        max_new = self.max_new_tokens(ids)
        gen = torch.Generator().manual_seed(int(seed))
        answers = sample_answers(self.policy, self.tokenizer, [ids] * n, max_new, gen)
        for _ in range(self.config.max_resample):
            seen: set[str] = set()
            dups = []
            for i, a in enumerate(answers):
                key = " ".join(a.text.split()).lower()  # the same words (maybe other tokens)
                if key in seen:
                    dups.append(i)
                seen.add(key)
            if not dups:
                break
            # All duplicates are redrawn together, in one batch.
            for i, a in zip(dups, sample_answers(self.policy, self.tokenizer, [ids] * len(dups),
                                                 max_new, gen), strict=True):
                answers[i] = a
        return Candidates(prompt, ids, tuple(answers), self.version, int(seed))

    # -- log-probabilities --------------------------------------------------------------
    def _logprobs(self, model: TinyGPT, seqs: list[tuple[tuple[int, ...], tuple[int, ...]]]):
        idx, tgt = answer_batch(seqs, self.block_size)
        return sequence_logprobs(model, idx, tgt)

    @torch.no_grad()
    def reference_logprobs(self, seqs: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> torch.Tensor:
        """The reference's log-probability of each answer (B,), each computed once ever."""
        missing = list(dict.fromkeys(s for s in seqs if s not in self._ref_cache))
        if missing:
            lp, _ = self._logprobs(self.reference, missing)
            for s, v in zip(missing, lp.tolist(), strict=True):
                self._ref_cache[s] = v
        return torch.tensor([self._ref_cache[s] for s in seqs], dtype=torch.float32)

    @staticmethod
    def _seqs(items: Iterable[PreferencePair | Thumb]):
        pairs = [i for i in items if isinstance(i, PreferencePair)]
        thumbs = [i for i in items if isinstance(i, Thumb)]
        seqs = (
            [(p.prompt_ids, p.chosen.token_ids) for p in pairs]
            + [(p.prompt_ids, p.rejected.token_ids) for p in pairs]
            + [(t.prompt_ids, t.answer.token_ids) for t in thumbs]
        )
        return pairs, thumbs, seqs

    def losses(self, items: Sequence[PreferencePair | Thumb]) -> tuple[torch.Tensor, StepLosses]:
        """The loss of a batch of pairs and thumbs under the current policy (with grad)."""
        pairs, thumbs, seqs = self._seqs(items)
        if not seqs:
            raise ValueError("nothing to learn from: the judgement has no pairs and no thumbs")
        cfg = self.config
        lp, counts = self._logprobs(self.policy, seqs)  # (S,), (S,)
        ref = self.reference_logprobs(seqs)  # (S,)
        P, U = len(pairs), len(thumbs)
        total = lp.new_zeros(())
        dpo_mean = kto_mean = nll_mean = None
        per_pair: tuple[float, ...] = ()
        nll_terms = []
        if P:
            d, _, _ = dpo_loss(lp[:P], lp[P : 2 * P], ref[:P], ref[P : 2 * P], cfg.beta)
            total = total + d.mean()
            dpo_mean, per_pair = float(d.detach().mean()), tuple(d.detach().tolist())
            nll_terms.append(-lp[:P] / counts[:P])
        if U:
            desirable = torch.tensor([t.up for t in thumbs])
            k = kto_loss(lp[2 * P :], ref[2 * P :], desirable, self.kl_reference, cfg.beta,
                         cfg.desirable_weight, cfg.undesirable_weight)
            total = total + k.mean()
            kto_mean = float(k.detach().mean())
            nll_terms.append((-lp[2 * P :] / counts[2 * P :])[desirable])
        nll = torch.cat(nll_terms) if nll_terms else lp.new_zeros(0)
        if nll.numel():
            total = total + cfg.nll_weight * nll.mean()
            nll_mean = float(nll.detach().mean())
        return total, StepLosses(float(total.detach()), dpo_mean, kto_mean, nll_mean, per_pair)

    # -- learning ---------------------------------------------------------------------
    def update(self, feedback: Feedback) -> UpdateReport:
        """Learn from one judgement: a few steps on it plus a replay of earlier ones."""
        start = time.perf_counter()
        newest = as_items(feedback)
        if not newest:
            raise ValueError("nothing to learn from: the judgement has no pairs and no thumbs")
        for item in newest:
            answers = (item.chosen, item.rejected) if isinstance(item, PreferencePair) else (item.answer,)
            for a in answers:
                if not a.token_ids:
                    raise ValueError("an empty answer cannot be judged")
                if len(item.prompt_ids) + len(a.token_ids) - 1 > self.block_size:
                    raise ValueError("an answer is too long for the model's context")
        earlier = list(self.memory.items)
        self.memory.items.extend(newest)
        backup = {k: v.detach().clone() for k, v in self.policy.state_dict().items()}
        opt_backup = copy.deepcopy(self._optimizer.state_dict())
        steps: list[StepLosses] = []
        was_training = self.policy.training
        self.policy.train()
        try:
            for _ in range(self.config.steps_per_judgement):
                replay = self._rng.sample(earlier, min(self.config.replay, len(earlier)))
                loss, parts = self.losses(newest + replay)
                if not torch.isfinite(loss):
                    raise FloatingPointError("the loss is not a number")
                self._optimizer.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.policy.parameters(), self.config.grad_clip)
                self._optimizer.step()
                steps.append(parts)
        except FloatingPointError as exc:
            self.policy.load_state_dict(backup)
            self._optimizer.load_state_dict(opt_backup)
            del self.memory.items[len(earlier) :]
            self.policy.train(was_training)
            return UpdateReport(self.version, 0, 0, tuple(steps), time.perf_counter() - start,
                                rolled_back=True, message=f"Update undone: {exc}.")
        self.policy.train(was_training)
        self.version += 1
        n_pairs = sum(isinstance(i, PreferencePair) for i in newest)
        return UpdateReport(self.version, n_pairs, len(newest) - n_pairs, tuple(steps),
                            time.perf_counter() - start)

    @torch.no_grad()
    def pair_rewards(self, pairs: Sequence[PreferencePair] | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Implicit rewards beta * log(pi / ref) of chosen and rejected, for stored pairs."""
        if pairs is None:
            pairs = self.memory.pairs()[-self.config.metric_pairs :]
        if not pairs:
            empty = torch.zeros(0)
            return empty, empty
        _, _, seqs = self._seqs(pairs)
        was_training = self.policy.training
        self.policy.eval()
        lp, _ = self._logprobs(self.policy, seqs)
        self.policy.train(was_training)
        ref = self.reference_logprobs(seqs)
        P = len(pairs)
        beta = self.config.beta
        return beta * (lp[:P] - ref[:P]), beta * (lp[P:] - ref[P:])

    def reset(self) -> None:
        """Back to the reference: its weights, a fresh optimiser, no judgements."""
        self.policy.load_state_dict(self.reference.state_dict())
        self._optimizer = self._new_optimizer()
        self.memory = _Memory()
        self.version = 0
        self.kl_reference = 0.0
        self._rng = random.Random(self.config.seed)

