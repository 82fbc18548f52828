"""Projecting the embedding table to a 2-D map: which words, which layout, kept steady.

The model gives every token a vector of n_embd numbers (its embedding). To draw them we
pick the whole-word tokens, take a numpy copy of their rows (`EmbeddingSnapshot`) and
squash the vectors to two dimensions:

- `pca_layout`: principal component analysis, a few milliseconds, shown at once;
- `umap_layout`: UMAP (umap-learn), which keeps each word's close neighbours close;
  seconds per fit, so the app runs it in a process of its own.

Both are computed on length-normalised vectors: the app measures likeness by cosine
similarity, which ignores length, so the picture should too.

A new layout is only unique up to rotation, reflection, scale and shift, so two
successive maps of almost the same vectors can look unrelated. `procrustes_align` turns,
flips, scales and moves a new layout onto the previous one (orthogonal Procrustes), and
`seed_layout` starts UMAP from the previous picture, so points travel instead of jumping.

Pure numpy (umap-learn is imported only inside `umap_layout`); no Qt, no torch.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the tokenizers (and their library) load only when words are selected
    from engine.corpus.word_groups import WordGroups
    from engine.tokenizers.base import Tokenizer

OTHER_GROUP = "other"  # words of no group (grey on the map)
MAP_WORDS = 500  # the most frequent words on the map (plus every grouped word and the
# presets): the groups stay visible among the grammar words, and a UMAP fit takes a second


@dataclass(frozen=True, eq=False)  # eq=False: numpy arrays have no plain ==
class EmbeddingSnapshot:
    """The word tokens' embedding vectors at one moment of training (a numpy copy).

    Row i of `vectors` is the embedding of token `token_ids[i]`, the word `words[i]`;
    rows are in order of frequency in the training text (most frequent first).
    """

    token_ids: tuple[int, ...]
    words: tuple[str, ...]  # display text without the leading space ("sea")
    groups: tuple[str, ...]  # the word's group (engine/corpus/word_groups.py), or OTHER_GROUP
    counts: tuple[int, ...]  # how often each word occurs in the training text
    vectors: np.ndarray  # (N, C) float32
    step: int = 0  # training steps of the current run when taken
    tokens_seen: int = 0  # tokens the model had read when taken
    group_names: tuple[str, ...] = ()  # every group, in colour order
    group_source: str = ""  # where the groups come from: "library" (the books) or "made-up"

    def __post_init__(self) -> None:
        n = len(self.token_ids)
        if not (len(self.words) == len(self.groups) == len(self.counts) == n):
            raise ValueError("token_ids, words, groups and counts must have the same length")
        if self.vectors.ndim != 2 or self.vectors.shape[0] != n:
            raise ValueError(f"vectors must be (N={n}, C), got {self.vectors.shape}")

    def __len__(self) -> int:
        return len(self.token_ids)

    def index_of(self, word: str) -> int | None:
        """Row of `word` (exact match first, then ignoring case), or None."""
        word = word.strip()
        lookup = _index(self.words)
        if word in lookup:
            return lookup[word]
        lower = word.lower()
        for i, w in enumerate(self.words):
            if w.lower() == lower:
                return i
        return None


def _index(words: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, w in enumerate(words):
        out.setdefault(w, i)
    return out


@dataclass(frozen=True)
class WordSelection:
    """Which tokens go on the map: ids, words, groups and training-text counts."""

    token_ids: tuple[int, ...]
    words: tuple[str, ...]
    groups: tuple[str, ...]
    counts: tuple[int, ...]
    group_names: tuple[str, ...] = ()  # every group, in colour order
    group_source: str = ""

    def __len__(self) -> int:
        return len(self.token_ids)


def is_word_token(text: str) -> bool:
    """A whole word with its leading space (" sea"): the tokens neighbours are measured
    between (the same rule as `engine.pretraining.probes.nearest_neighbours`)."""
    return text.startswith(" ") and text.strip().isalpha()


def select_word_tokens(
    tokenizer: Tokenizer,
    counts: np.ndarray | None = None,
    limit: int | None = 1000,
    groups: WordGroups | None = None,
    always: Sequence[str] = (),
) -> WordSelection:
    """The whole-word tokens to put on the map, most frequent first.

    counts[i] is how often token i occurs in the training text; with counts, words the
    text never uses are left out (their vectors were never trained as inputs). Without
    counts, earlier BPE merges stand in for frequency. `limit` keeps the most frequent
    words, but every word of `groups` and of `always` (the panel's presets) that is a
    single token stays in. Each word is labelled with its group in `groups`, or "other".
    """
    from engine.tokenizers.base import SPECIAL_TOKENS

    def group_of(text: str) -> str | None:
        return groups.group_of(text) if groups is not None else None

    kept_anyway = {w.strip().lower() for w in always}
    n = tokenizer.vocab_size
    strings = tokenizer.token_strings(list(range(n)))
    candidates = [
        i for i, s in enumerate(strings) if s not in SPECIAL_TOKENS and is_word_token(s)
    ]
    if counts is not None:
        counts = np.asarray(counts)
        if counts.shape[0] < n:
            counts = np.pad(counts, (0, n - counts.shape[0]))
        candidates = [i for i in candidates if counts[i] > 0]
        candidates.sort(key=lambda i: (-int(counts[i]), i))
    if limit is not None and len(candidates) > limit:
        kept = candidates[:limit]
        chosen = set(kept)
        kept += [
            i for i in candidates[limit:]
            if (group_of(strings[i]) is not None or strings[i].strip().lower() in kept_anyway)
            and i not in chosen
        ]
        candidates = kept
    return WordSelection(
        token_ids=tuple(candidates),
        words=tuple(strings[i].strip() for i in candidates),
        groups=tuple(group_of(strings[i]) or OTHER_GROUP for i in candidates),
        counts=tuple(int(counts[i]) if counts is not None else 0 for i in candidates),
        group_names=groups.names if groups is not None else (),
        group_source=groups.source if groups is not None else "",
    )


def make_snapshot(
    table: np.ndarray, selection: WordSelection, step: int = 0, tokens_seen: int = 0
) -> EmbeddingSnapshot:
    """The selected rows of the embedding table (V, C), copied as float32."""
    rows = np.asarray(table, dtype=np.float32)[list(selection.token_ids)]  # (N, C)
    return EmbeddingSnapshot(
        token_ids=selection.token_ids,
        words=selection.words,
        groups=selection.groups,
        counts=selection.counts,
        vectors=np.array(rows, dtype=np.float32, copy=True),
        step=int(step),
        tokens_seen=int(tokens_seen),
        group_names=selection.group_names,
        group_source=selection.group_source,
    )


# ----- similarity --------------------------------------------------------------------


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (a zero row stays zero)."""
    v = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.where(norms > 0, norms, 1.0)


def cosine_distances(vectors: np.ndarray) -> np.ndarray:
    """(N, N) matrix of 1 - cosine similarity, exactly 0 on the diagonal."""
    unit = unit_rows(vectors)
    d = np.clip(1.0 - unit @ unit.T, 0.0, 2.0)
    np.fill_diagonal(d, 0.0)
    return d


def cosine_neighbours(snapshot: EmbeddingSnapshot, word: str, k: int = 8) -> list[tuple[int, float]]:
    """The k rows whose vectors point most nearly the same way as word's: (row, cosine).

    The same measure as `engine.pretraining.probes.nearest_neighbours`, but among the snapshot's
    words only (used to replay the map's history, when the live model has moved on).
    """
    i = snapshot.index_of(word)
    if i is None:
        return []
    unit = unit_rows(snapshot.vectors)
    sims = unit @ unit[i]  # (N,)
    sims[i] = -np.inf
    order = np.argsort(-sims, kind="stable")[: max(0, min(k, len(sims) - 1))]
    return [(int(j), float(sims[j])) for j in order]


# ----- layouts -----------------------------------------------------------------------


def pca_layout(vectors: np.ndarray) -> np.ndarray:
    """(N, 2) coordinates along the two directions the unit vectors vary most (PCA).

    Signs are fixed (the largest loading of each direction is positive) so the same
    vectors always give the same picture.
    """
    unit = unit_rows(vectors)
    n, c = unit.shape
    if n == 0:
        return np.zeros((0, 2), dtype=np.float64)
    centred = unit - unit.mean(axis=0)
    # The top eigenvectors of the (C, C) scatter matrix are PCA's directions; with
    # N ~ 1,000 words and C = 128 this is ~5x cheaper than an SVD of the (N, C) matrix.
    _, eigvecs = np.linalg.eigh(centred.T @ centred)  # ascending eigenvalues
    k = min(2, c)
    directions = eigvecs[:, ::-1][:, :k]  # (C, k)
    signs = np.sign(directions[np.argmax(np.abs(directions), axis=0), np.arange(k)])
    signs[signs == 0] = 1.0
    coords = np.zeros((n, 2), dtype=np.float64)
    coords[:, :k] = centred @ (directions * signs)  # (N, k)
    return coords


UMAP_NEIGHBOURS = 8  # each word's 8 closest words shape the map: a word group is ~8 words
UMAP_MIN_DIST = 0.3  # how tightly a cluster may pack: looser than umap's 0.1, room for labels
UMAP_SEEDED_EPOCHS = 150  # starting from the previous map, 150 rounds settle it (1 s, not 3)


def umap_layout(
    vectors: np.ndarray,
    init: np.ndarray | None = None,
    seed: int = 0,
    n_epochs: int | None = None,
    n_neighbors: int = UMAP_NEIGHBOURS,
    min_dist: float = UMAP_MIN_DIST,
) -> np.ndarray:
    """(N, 2) UMAP coordinates of the vectors, by cosine distance.

    `init` (N, 2) starts the layout from a given picture (the previous map, or PCA when
    None). Deterministic for a given seed. Needs at least 4 vectors.
    """
    n = len(vectors)
    if n < 4:
        raise ValueError(f"UMAP needs at least 4 words to place, got {n}")
    start = pca_layout(vectors) if init is None else np.asarray(init, dtype=np.float64)
    if start.shape != (n, 2):
        raise ValueError(f"init must be ({n}, 2), got {start.shape}")
    if n_epochs is None:
        n_epochs = UMAP_SEEDED_EPOCHS if init is not None else 300
    import umap  # 3-5 s to import, and the first fit compiles for ~20 s: see gui/projection_worker

    # subtle: sklearn would call umap's numba cosine once per pair from Python (seconds
    # for 1,000 words); a precomputed matrix is the same numbers in milliseconds.
    distances = cosine_distances(vectors)
    reducer = umap.UMAP(
        n_neighbors=min(n_neighbors, n - 1),
        min_dist=min_dist,
        metric="precomputed",
        init=_spread(start).astype(np.float32),
        n_epochs=n_epochs,
        random_state=seed,
        n_jobs=1,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "n_jobs overridden by random_state", disconnected points
        coords = reducer.fit_transform(distances)
    return np.asarray(coords, dtype=np.float64)


def _spread(coords: np.ndarray) -> np.ndarray:
    """Coordinates made distinct and centred, scaled to a span of 10 (UMAP's own scale)."""
    c = np.asarray(coords, dtype=np.float64)
    c = c - c.mean(axis=0)
    span = float(np.abs(c).max()) if c.size else 0.0
    if span > 0:
        c = c * (5.0 / span)
    # Identical points would sit on top of each other forever: nudge them apart.
    jitter = np.random.default_rng(0).normal(scale=1e-4, size=c.shape)
    return c + jitter


# ----- keeping successive maps steady ------------------------------------------------


@dataclass(frozen=True)
class SimilarityTransform:
    """x -> scale * (x - source_mean) @ rotation + target_mean (rotation may reflect)."""

    scale: float
    rotation: np.ndarray  # (2, 2) orthogonal
    source_mean: np.ndarray  # (2,)
    target_mean: np.ndarray  # (2,)

    def apply(self, coords: np.ndarray) -> np.ndarray:
        c = np.asarray(coords, dtype=np.float64)
        return self.scale * (c - self.source_mean) @ self.rotation + self.target_mean


def procrustes_transform(new: np.ndarray, reference: np.ndarray) -> SimilarityTransform:
    """The rotation (or reflection), scale and shift that best lay `new` onto `reference`.

    Orthogonal Procrustes with scaling: minimises the summed squared distance between
    matching rows. Reflections are allowed, so a layout that came out mirrored (a PCA
    sign flip) is flipped back.
    """
    a = np.asarray(new, dtype=np.float64)
    b = np.asarray(reference, dtype=np.float64)
    if a.shape != b.shape or a.ndim != 2:
        raise ValueError(f"new {a.shape} and reference {b.shape} must be the same (N, D) shape")
    mu_a, mu_b = a.mean(axis=0), b.mean(axis=0)
    a0, b0 = a - mu_a, b - mu_b
    u, s, vt = np.linalg.svd(a0.T @ b0)  # (D, D)
    rotation = u @ vt
    norm = float((a0**2).sum())
    scale = float(s.sum() / norm) if norm > 0 else 1.0
    return SimilarityTransform(scale, rotation, mu_a, mu_b)


def procrustes_align(new: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """`new` (N, 2) turned, flipped, scaled and moved to lie as close as it can to `reference`."""
    return procrustes_transform(new, reference).apply(new)


def _common_rows(words: Sequence[str], ref_words: Sequence[str]) -> tuple[list[int], list[int]]:
    ref = _index(ref_words)
    rows = [i for i, w in enumerate(words) if w in ref]
    return rows, [ref[words[i]] for i in rows]


def align_layout(
    words: Sequence[str], coords: np.ndarray, ref_words: Sequence[str], ref_coords: np.ndarray
) -> np.ndarray:
    """Align a layout to a previous one through the words both contain.

    The words may differ (a retrained tokenizer); fewer than 3 shared words leave the
    layout as it is.
    """
    rows, ref_rows = _common_rows(words, ref_words)
    coords = np.asarray(coords, dtype=np.float64)
    if len(rows) < 3:
        return coords
    t = procrustes_transform(coords[rows], np.asarray(ref_coords, dtype=np.float64)[ref_rows])
    return t.apply(coords)


def seed_layout(
    words: Sequence[str], fallback: np.ndarray, ref_words: Sequence[str], ref_coords: np.ndarray
) -> np.ndarray:
    """A starting picture for a new layout: each word where it was in the reference.

    Words the reference lacks take their `fallback` position (e.g. PCA), aligned to the
    reference first so they land in the right part of the picture.
    """
    fallback = align_layout(words, fallback, ref_words, ref_coords)
    ref = _index(ref_words)
    ref_coords = np.asarray(ref_coords, dtype=np.float64)
    out = fallback.copy()
    for i, w in enumerate(words):
        j = ref.get(w)
        if j is not None:
            out[i] = ref_coords[j]
    return out


def layout_shift(coords: np.ndarray, previous: np.ndarray) -> float:
    """How far points moved between two layouts of the same words, as a share of the
    picture's size: root-mean-square movement / root-mean-square distance from the centre."""
    a = np.asarray(coords, dtype=np.float64)
    b = np.asarray(previous, dtype=np.float64)
    size = float(np.sqrt(((b - b.mean(axis=0)) ** 2).sum(axis=1).mean()))
    move = float(np.sqrt(((a - b) ** 2).sum(axis=1).mean()))
    return move / size if size > 0 else move
