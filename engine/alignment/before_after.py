"""Did the scripted ranker change the model? A before/after test that fits the design.

Before and after a run of clicks, the model answers the SAME held-out prompts, several
answers each, with the same dice. So the two samples are paired (prompt by prompt) and
clustered (the answers to one prompt are alike, they are not independent draws). A
two-proportion z-test would treat every answer as an independent coin and overstate
the evidence. Here each prompt gives one number per measure, after minus before (the
change in its share of answers with the trait, say), and the test asks how often a
change this large in either direction would come out if before and after were
exchangeable prompt by prompt: a sign-flip permutation test over prompts. With 16
prompts or fewer every one of the 2^n sign patterns is tried (exact); else a fixed
number of random patterns with a fixed seed (Monte Carlo; the p-value counts the
observed pattern too, so it is never 0).

`compare_before_after` reports the trait change, its p-value and the quality change
(made-up word share, and the reference model's loss on the answers) together: the
audience sees what a biased ranker buys and what it costs, in one place. The command
line (`align`) and the app's worker call this one function.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

EXACT_UP_TO = 16  # prompts: 2^16 = 65,536 sign patterns is still instant
MONTE_CARLO_ROUNDS = 20_000


@dataclass(frozen=True)
class PromptMeasures:
    """One measure per held-out prompt (NaN where it cannot be measured, e.g. no words)."""

    trait: tuple[float, ...]  # share of this prompt's answers with the trait
    non_words: tuple[float, ...]  # share of made-up words among this prompt's answer words
    reference_loss: tuple[float, ...]  # reference model's loss on this prompt's answers (nats/token)


@dataclass(frozen=True)
class Change:
    """One measure before and after, the paired change and its p-value."""

    before: float
    after: float
    change: float  # after - before (the mean over prompts of the per-prompt change)
    p_value: float  # two-sided, sign-flip permutation over prompts
    prompts: int  # prompts measured both times


@dataclass(frozen=True)
class BeforeAfter:
    """The trait change with its p-value, and the quality change beside it."""

    trait: Change
    non_word_share: Change
    reference_loss: Change
    test: str  # how the p-values were computed, for people

    def as_dict(self) -> dict:
        def one(c: Change) -> dict:
            return {"before": c.before, "after": c.after, "change": c.change,
                    "p_value": c.p_value, "prompts": c.prompts}

        return {"trait": one(self.trait), "non_word_share": one(self.non_word_share),
                "reference_loss": one(self.reference_loss), "test": self.test}


def sign_flip_p_value(differences: Sequence[float], seed: int = 0,
                      rounds: int = MONTE_CARLO_ROUNDS) -> float:
    """Two-sided p-value of "the mean of these paired differences is 0" (NaNs dropped).

    The share of sign patterns whose |mean| is at least the observed |mean|; exact
    for up to EXACT_UP_TO differences, else Monte Carlo with `seed`.
    """
    d = np.asarray([x for x in differences if not math.isnan(x)], dtype=np.float64)
    if d.size == 0 or not np.any(d):
        return 1.0
    observed = abs(d.mean()) - 1e-12  # subtle: a tolerance so equal sums count as "as large"
    if d.size <= EXACT_UP_TO:
        signs = np.array(list(itertools.product((1.0, -1.0), repeat=d.size)))  # (2^n, n)
        return float(np.mean(np.abs(signs @ d) / d.size >= observed))
    rng = np.random.default_rng(seed)
    signs = rng.choice((1.0, -1.0), size=(rounds, d.size))  # (R, n)
    hits = int(np.sum(np.abs(signs @ d) / d.size >= observed))
    return (hits + 1) / (rounds + 1)


def paired_change(before: Sequence[float], after: Sequence[float], seed: int = 0) -> Change:
    """Before/after means over the prompts measured both times, and the sign-flip p-value."""
    if len(before) != len(after):
        raise ValueError("before and after must measure the same prompts")
    pairs = [(b, a) for b, a in zip(before, after, strict=True)
             if not (math.isnan(b) or math.isnan(a))]
    if not pairs:
        nan = float("nan")
        return Change(nan, nan, nan, 1.0, 0)
    b = float(np.mean([p[0] for p in pairs]))
    a = float(np.mean([p[1] for p in pairs]))
    p = sign_flip_p_value([y - x for x, y in pairs], seed=seed)
    return Change(b, a, a - b, p, len(pairs))


def compare_before_after(before: PromptMeasures, after: PromptMeasures, seed: int = 0) -> BeforeAfter:
    """Trait change, made-up word change and reference-loss change, each with its p-value."""
    n = len(before.trait)
    how = "exact" if n <= EXACT_UP_TO else f"{MONTE_CARLO_ROUNDS:,} random sign patterns, seed {seed}"
    return BeforeAfter(
        trait=paired_change(before.trait, after.trait, seed),
        non_word_share=paired_change(before.non_words, after.non_words, seed),
        reference_loss=paired_change(before.reference_loss, after.reference_loss, seed),
        test=f"paired sign-flip permutation test over {n} held-out prompts ({how})",
    )
