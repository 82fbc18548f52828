"""Which words share contexts in a corpus, counted directly: positive pointwise mutual
information (PPMI) over a window of neighbouring words, compared by cosine.

This is the corpus's own answer to "which words are used alike", with no model at all.
The scripts use it to propose the word groups that colour the map and the partners the
Embeddings presets test the model against, so both come from the books, not from hand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

WINDOW = 4  # words either side that count as context
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Cooccurrence:
    """Words (most frequent first), their counts, and unit-length PPMI row vectors."""

    words: tuple[str, ...]
    counts: tuple[int, ...]
    vectors: np.ndarray  # (V, V) float32, each row of length 1

    def index(self, word: str) -> int | None:
        try:
            return self.words.index(word)
        except ValueError:
            return None

    def nearest(self, word: str, k: int = 10) -> list[tuple[str, float]]:
        """The k words whose contexts are most like ``word``'s (cosine of PPMI rows)."""
        i = self.index(word)
        if i is None:
            return []
        sims = self.vectors @ self.vectors[i]  # (V,)
        sims[i] = -np.inf
        order = np.argsort(-sims)[:k]
        return [(self.words[j], float(sims[j])) for j in order]


def count_cooccurrence(texts: Iterable[str], vocab_size: int = 4000,
                       window: int = WINDOW) -> Cooccurrence:
    """PPMI vectors of the ``vocab_size`` most frequent words of ``texts`` (lower case)."""
    tokens_per_text = [_WORD.findall(t.lower()) for t in texts]
    freq = Counter(w for toks in tokens_per_text for w in toks)
    words = tuple(w for w, _ in freq.most_common(vocab_size))
    index = {w: i for i, w in enumerate(words)}
    v = len(words)
    # One stream of ids with a gap of `window` unknowns between texts, so no window
    # crosses from one document into the next; then one bincount per offset.
    gap = [-1] * window
    stream = np.fromiter((index.get(w, -1) for toks in tokens_per_text for w in toks + gap),
                         dtype=np.int64)
    counts = np.zeros(v * v, dtype=np.float64)
    for k in range(1, window + 1):
        a, b = stream[:-k], stream[k:]
        ok = (a >= 0) & (b >= 0)
        counts += np.bincount(a[ok] * v + b[ok], minlength=v * v)
        counts += np.bincount(b[ok] * v + a[ok], minlength=v * v)
    m = counts.reshape(v, v)
    total = m.sum()
    row = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * total / (row * col))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0).astype(np.float32)
    norms = np.linalg.norm(ppmi, axis=1, keepdims=True)
    vectors = ppmi / np.maximum(norms, 1e-9)
    return Cooccurrence(words, tuple(freq[w] for w in words), vectors)
