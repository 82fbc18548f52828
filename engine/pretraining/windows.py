"""The sliding window: how a stream of tokens becomes next-token exercises.

A window of k tokens slides one token at a time; the token just after it is what
the model must predict. `sliding_windows` lists them for display; `training_pairs`
and `random_batch` make the same windows as arrays for training, where a window
of k tokens teaches k predictions at once: each prefix of the window has its own
next token, so the targets are the inputs shifted left by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import torch

T = TypeVar("T")


@dataclass(frozen=True)
class SlidingWindow(Generic[T]):
    """One window: `tokens` (k of them) from position `start`, and the `target` after them.

    `target` is None for the last window, which has no next token. `index` is the
    window's number in the list (0-based; `start` equals it when sliding by one).
    """

    index: int
    start: int
    tokens: tuple[T, ...]
    target: T | None

    def text(self, sep: str = " ") -> str:
        """The window's tokens joined for display ("cat sat on a")."""
        return sep.join(str(t) for t in self.tokens)


def _check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"The window size k must be a whole number of at least 1 (got {k!r}).")


def sliding_windows(tokens: Sequence[T], k: int) -> list[SlidingWindow[T]]:
    """All windows of k consecutive tokens, sliding one token at a time.

    n tokens give n - k + 1 windows; each but the last has the following token as
    its target. Tokens may be strings (for display) or ids.
    """
    _check_k(k)
    seq = list(tokens)
    if len(seq) < k:
        raise ValueError(
            f"A window of {k} tokens needs at least {k} tokens; the text has {len(seq)}."
        )
    n = len(seq)
    return [
        SlidingWindow(i, i, tuple(seq[i : i + k]), seq[i + k] if i + k < n else None)
        for i in range(n - k + 1)
    ]


def _as_ids(ids: np.ndarray | Sequence[int], k: int) -> np.ndarray:
    _check_k(k)
    arr = np.asarray(ids)
    if arr.ndim != 1:
        raise ValueError(f"Token ids must be a flat sequence (got shape {arr.shape}).")
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"Token ids must be integers (got {arr.dtype}).")
    if arr.size < k + 1:
        raise ValueError(
            f"A window of {k} tokens plus its next token needs at least {k + 1} tokens; "
            f"there are {arr.size}."
        )
    return arr.astype(np.int64, copy=False)


def training_pairs(
    ids: np.ndarray | Sequence[int], k: int, starts: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Windows as training arrays: inputs (N, k) and targets (N, k), both int64.

    Row i is the window starting at starts[i] (default: every start, 0 .. len-k-1,
    i.e. every window that has a next token) and targets[i] = ids[s+1 : s+k+1], so
    targets[i, j] is the next token after the prefix inputs[i, :j+1]; the last column
    is the window's own target. Passing `starts` avoids materialising every window
    of a large corpus.
    """
    arr = _as_ids(ids, k)
    last = arr.size - k - 1  # the last start whose window still has a next token
    if starts is None:
        starts = np.arange(last + 1)
    else:
        starts = np.asarray(starts, dtype=np.int64).reshape(-1)
        if starts.size and (starts.min() < 0 or starts.max() > last):
            raise ValueError(
                f"Window starts must lie in 0..{last} for {arr.size} tokens and k={k}."
            )
    # A read-only view of every (k+1)-long run, no copy: (len-k, k+1).
    runs = np.lib.stride_tricks.sliding_window_view(arr, k + 1)
    chosen = runs[starts]  # fancy indexing copies: (N, k+1)
    return chosen[:, :-1].copy(), chosen[:, 1:].copy()  # (N, k), (N, k)


def random_batch(
    ids: np.ndarray | Sequence[int], k: int, batch_size: int, rng: np.random.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch of `batch_size` random windows: x, y LongTensors of shape (B, k)."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1 (got {batch_size}).")
    arr = _as_ids(ids, k)
    starts = rng.integers(0, arr.size - k, size=batch_size)  # high is exclusive: 0..len-k-1
    x, y = training_pairs(arr, k, starts)
    return torch.from_numpy(x), torch.from_numpy(y)
