"""Naming the heads whose attention is sharp: the previous token, the first token, itself.

A head's score for a pattern is the share of its attention that lands on that one
position, averaged over the query positions where the three patterns point at three
different tokens (position 2 onwards). A head is named after its best pattern when
that share reaches `SHARP_SHARE` (see below for how the rule was checked).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PATTERNS = ("previous", "first", "self")
PATTERN_WORDS = {
    "previous": "looks at the previous token",
    "first": "looks at the first token",
    "self": "looks at itself",
}

# The rule: a head is named when one pattern takes the larger part of its attention
# (SHARP_SHARE = 1/2: more on that one token than on all the others together). Checked
# by measurement (bench/head_threshold.py, and tests/test_inside.py re-measures it):
# freshly initialised models (seeds 0-7) reading 8 real passages put at most
# NULL_MAX_SHARE on any pattern (0.059 with the shipped model's nanoGPT recipe, 0.099
# with today's rotary positions, which lean a fresh head a little towards its
# neighbours), so the rule cannot name a head of an untrained model; the shipped
# pre-trained model's heads reach 0.10-0.24 (its layer-1 heads lean on the previous
# token without being sharp), and Otsu's two-group cut of those scores is 0.135: a cut
# fitted to whatever the model is would call leaning heads "sharp", so it is not fitted.
NULL_MAX_SHARE = 0.099
SHARP_SHARE = 0.5


@dataclass(frozen=True)
class HeadPattern:
    """One head's scores and, if one is sharp, its name."""

    layer: int  # 0-based
    head: int  # 0-based
    scores: tuple[float, float, float]  # share of attention on (previous, first, self)
    label: str  # a key of PATTERN_WORDS, or "" when no pattern is sharp

    @property
    def words(self) -> str:
        return PATTERN_WORDS.get(self.label, "")


def pattern_scores(attention: np.ndarray) -> np.ndarray:
    """attention (..., T, T), rows summing to 1 -> scores (..., 3): (previous, first, self).

    Query positions 0 and 1 are left out (there the patterns coincide). With T < 3
    there is nothing to tell apart and every score is 0.
    """
    T = attention.shape[-1]
    if T < 3:
        return np.zeros(attention.shape[:-2] + (3,), dtype=np.float64)
    rows = np.arange(2, T)
    previous = attention[..., rows, rows - 1].mean(axis=-1)
    first = attention[..., rows, 0].mean(axis=-1)
    itself = attention[..., rows, rows].mean(axis=-1)
    return np.stack([previous, first, itself], axis=-1).astype(np.float64)


def label_heads(attention: np.ndarray, threshold: float = SHARP_SHARE) -> tuple[HeadPattern, ...]:
    """attention (L, H, T, T) or (B, L, H, T, T) (averaged over B) -> one HeadPattern per head."""
    scores = pattern_scores(attention)  # (..., L, H, 3)
    if scores.ndim == 4:
        scores = scores.mean(axis=0)
    heads = []
    for layer in range(scores.shape[0]):
        for head in range(scores.shape[1]):
            s = scores[layer, head]
            best = int(np.argmax(s))
            label = PATTERNS[best] if s[best] >= threshold else ""
            heads.append(HeadPattern(layer, head, tuple(float(v) for v in s), label))
    return tuple(heads)


def otsu_threshold(values: np.ndarray) -> float:
    """The cut that best splits values into two groups (Otsu: most between-group variance)."""
    v = np.sort(np.asarray(values, dtype=np.float64).ravel())
    best, cut = -1.0, float(v[-1])
    for i in range(1, len(v)):
        low, high = v[:i], v[i:]
        between = len(low) * len(high) * (low.mean() - high.mean()) ** 2
        if between > best:
            best, cut = between, float((v[i - 1] + v[i]) / 2)
    return cut
