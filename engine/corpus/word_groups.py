"""The word groups that colour the word map, for the corpus in use.

- **The library**: groups proposed from the books themselves, by counting, with no model
  and no hand-picked word: ``propose_groups`` clusters the PPMI co-occurrence rows of
  frequent words (``engine.corpus.cooccurrence``) and keeps the clusters whose words
  share their contexts most. ``scripts/propose_word_groups.py`` runs it on the default
  mix and writes ``engine/data/word_groups.json``; a test runs it again and must get
  the same groups. The map then shows whether the *model* put together what the books
  use alike (it often does, not always).
- **The made-up world**: its generator's own slot groups (``engine.corpus.lexicon``),
  the words it swaps in the same templates. Words that fill the same slots end up close:
  that is what the colours show there, and what the generator was built to produce.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from engine.corpus.showcase import DATA_DIR
from engine.corpus.sources import MADE_UP, corpora_in_use

WORD_GROUPS_FILE = DATA_DIR / "word_groups.json"
LIBRARY_GROUPS = "library"  # WordGroups.source: proposed from the books
MADE_UP_GROUPS = "made-up"  # WordGroups.source: the made-up generator's slot groups

# The proposal's settings (scripts/propose_word_groups.py records them in the file).
CLUSTERS = 40  # k-means clusters over the candidate words (about 25 words each)
DIMENSIONS = 100  # the PPMI rows are reduced to this many by SVD before clustering
KEEP = 8  # the most cohesive clusters are kept: the map has eight colours
DISTINCT = 0.5  # ... skipping one whose centre is this alike (cosine) to a kept one's
WORDS_PER_GROUP = 10  # each kept cluster shows its words nearest its centre
RESTARTS = 20  # k-means runs (seeded); the one with the best fit is kept


@dataclass(frozen=True)
class WordGroups:
    """Named groups of words, in colour order (the first group gets the first colour)."""

    source: str  # LIBRARY_GROUPS or MADE_UP_GROUPS
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (name, words), in colour order

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.groups)

    def words(self) -> list[str]:
        return [w for _, words in self.groups for w in words]

    def group_of(self, word: str) -> str | None:
        """The group of a word (case and surrounding spaces ignored), or None."""
        return self._index.get(word.strip().lower())

    @cached_property
    def _index(self) -> dict[str, str]:
        return {w: name for name, words in self.groups for w in words}


@dataclass(frozen=True)
class ProposedGroup:
    name: str
    words: tuple[str, ...]  # the WORDS_PER_GROUP words nearest the cluster's centre
    size: int  # words in the whole cluster
    cohesion: float  # mean cosine between the PPMI rows of its words (0 = unrelated)


def cohesion(rows: np.ndarray) -> float:
    """Mean cosine between distinct unit rows (N, V): how alike their contexts are."""
    n = len(rows)
    if n < 2:
        return 0.0
    sims = rows @ rows.T  # (N, N)
    return float((sims.sum() - np.trace(sims)) / (n * (n - 1)))


def _kmeans(points: np.ndarray, k: int, seed: int, iterations: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means (cosine) with k-means++ seeding: (labels (N,), centres (k, D))."""
    rng = np.random.default_rng(seed)
    centres = points[[int(rng.integers(len(points)))]]
    while len(centres) < k:  # k-means++: far points are likelier next centres
        distance = np.maximum(1.0 - (points @ centres.T).max(axis=1), 0.0) ** 2
        if distance.sum() <= 0:
            distance = np.ones(len(points))
        centres = np.vstack([centres, points[rng.choice(len(points), p=distance / distance.sum())]])
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iterations):
        labels = (points @ centres.T).argmax(axis=1)
        moved = np.stack([points[labels == j].mean(axis=0) if (labels == j).any() else centres[j]
                          for j in range(k)])
        moved /= np.maximum(np.linalg.norm(moved, axis=1, keepdims=True), 1e-12)
        if np.allclose(moved, centres):
            break
        centres = moved
    return labels, centres


def propose_groups(words: Sequence[str], rows: np.ndarray, clusters: int = CLUSTERS,
                   dimensions: int = DIMENSIONS, keep: int = KEEP,
                   words_per_group: int = WORDS_PER_GROUP, restarts: int = RESTARTS) -> list[ProposedGroup]:
    """Groups of words used alike, from their PPMI rows (N, V), most cohesive first,
    each unlike the groups before it (centres' cosine below DISTINCT).

    Deterministic: the same words and rows always give the same groups. A group is named
    after its two words nearest its centre ("north, south").
    """
    rows = np.asarray(rows, dtype=np.float64)
    u, s, _ = np.linalg.svd(rows, full_matrices=False)
    reduced = u[:, :dimensions] * s[:dimensions]  # (N, D)
    reduced /= np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-12)
    clusters = min(clusters, len(words))
    best = None
    for seed in range(restarts):
        labels, centres = _kmeans(reduced, clusters, seed)
        fit = float((reduced * centres[labels]).sum())
        if best is None or fit > best[0] + 1e-9:
            best = (fit, labels, centres)
    _, labels, centres = best
    proposed = []  # (group, centre of its shown words' PPMI rows)
    for j in range(clusters):
        members = np.flatnonzero(labels == j)
        if len(members) < 5:  # too small to show as a group
            continue
        nearest = members[np.argsort(-(reduced[members] @ centres[j]), kind="stable")][:words_per_group]
        chosen = tuple(words[i] for i in nearest)
        centre = rows[nearest].mean(axis=0)
        proposed.append((ProposedGroup(", ".join(chosen[:2]), chosen, len(members),
                                       round(cohesion(rows[nearest]), 4)),
                         centre / max(float(np.linalg.norm(centre)), 1e-12)))
    proposed.sort(key=lambda gc: (-gc[0].cohesion, gc[0].name))
    # The most cohesive first, but not eight shades of one book's vocabulary: a cluster
    # too like one already kept (the same topic, split by k-means) is passed over.
    kept: list[tuple[ProposedGroup, np.ndarray]] = []
    for group, centre in proposed:
        if all(float(centre @ other) < DISTINCT for _, other in kept):
            kept.append((group, centre))
        if len(kept) == keep:
            break
    return [group for group, _ in kept]


@lru_cache(maxsize=1)
def library_word_groups() -> WordGroups:
    """The groups proposed from the books (engine/data/word_groups.json); none if absent."""
    try:
        data = json.loads(WORD_GROUPS_FILE.read_text(encoding="utf-8"))
        groups = tuple((str(g["name"]), tuple(str(w) for w in g["words"])) for g in data["groups"])
    except (OSError, ValueError, KeyError, TypeError):
        groups = ()  # not proposed yet: the map shows every word in grey
    return WordGroups(LIBRARY_GROUPS, groups)


@lru_cache(maxsize=1)
def made_up_word_groups() -> WordGroups:
    """The made-up world's generator's slot groups (engine/corpus/lexicon.py)."""
    from engine.corpus.lexicon import WORD_GROUPS

    return WordGroups(MADE_UP_GROUPS, tuple((name, tuple(words)) for name, words in WORD_GROUPS.items()))


def word_groups_for(weights: Mapping[str, float]) -> WordGroups:
    """The groups for a mix: the made-up world's when it reads only that, else the books'."""
    if corpora_in_use(weights) == (MADE_UP,):
        return made_up_word_groups()
    return library_word_groups()
