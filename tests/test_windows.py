"""The sliding window: the article's example done right, and training pairs vs a naive loop."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.pretraining.windows import SlidingWindow, random_batch, sliding_windows, training_pairs
from engine.tokenizers import WordTokenizer

ARTICLE_SENTENCE = "The cat sat on a mat and enjoyed the wind"


def naive_pairs(ids: list[int], k: int, starts: list[int]) -> tuple[np.ndarray, np.ndarray]:
    xs = [ids[s : s + k] for s in starts]
    ys = [ids[s + 1 : s + k + 1] for s in starts]
    return np.array(xs, dtype=np.int64).reshape(-1, k), np.array(ys, dtype=np.int64).reshape(-1, k)


def test_the_articles_windows_done_right():
    tok = WordTokenizer.train([ARTICLE_SENTENCE])
    tokens = tok.token_strings(tok.encode(ARTICLE_SENTENCE))
    windows = sliding_windows(tokens, 4)
    expected_text = [
        "The cat sat on",
        "cat sat on a",
        "sat on a mat",
        "on a mat and",
        "a mat and enjoyed",  # the article's fifth window drops "enjoyed"
        "mat and enjoyed the",
        "and enjoyed the wind",
    ]
    targets = ["a", "mat", "and", "enjoyed", "the", "wind", None]
    assert windows == [
        SlidingWindow(i, i, tuple(t.split()), target)
        for i, (t, target) in enumerate(zip(expected_text, targets, strict=True))
    ]
    assert [w.text() for w in windows] == expected_text
    assert all(len(w.tokens) == 4 for w in windows)


def test_window_edges():
    assert sliding_windows("abc", 3) == [SlidingWindow(0, 0, ("a", "b", "c"), None)]
    assert [w.target for w in sliding_windows([5, 6, 7], 1)] == [6, 7, None]
    with pytest.raises(ValueError, match="at least 1"):
        sliding_windows("abc", 0)
    with pytest.raises(ValueError, match="needs at least 4 tokens; the text has 3"):
        sliding_windows("abc", 4)


@settings(deadline=None)
@given(
    ids=st.lists(st.integers(0, 2**40), min_size=2, max_size=60),
    k=st.integers(1, 12),
    data=st.data(),
)
def test_training_pairs_equal_a_naive_loop(ids, k, data):
    if len(ids) < k + 1:
        with pytest.raises(ValueError, match="needs at least"):
            training_pairs(np.array(ids), k)
        return
    x, y = training_pairs(np.array(ids), k)
    ex, ey = naive_pairs(ids, k, list(range(len(ids) - k)))
    assert x.dtype == y.dtype == np.int64
    assert x.shape == y.shape == (len(ids) - k, k)
    np.testing.assert_array_equal(x, ex)
    np.testing.assert_array_equal(y, ey)

    starts = data.draw(st.lists(st.integers(0, len(ids) - k - 1), max_size=10))
    x, y = training_pairs(ids, k, np.array(starts, dtype=np.int64))
    ex, ey = naive_pairs(ids, k, starts)
    np.testing.assert_array_equal(x, ex)
    np.testing.assert_array_equal(y, ey)


def test_training_pairs_are_the_windows_and_their_targets():
    ids = np.arange(100, 120)
    k = 5
    x, y = training_pairs(ids, k)
    windows = sliding_windows(ids.tolist(), k)[:-1]  # the last window has no target
    assert [tuple(row) for row in x.tolist()] == [w.tokens for w in windows]
    assert y[:, -1].tolist() == [w.target for w in windows]
    # Targets are the inputs shifted by one: the next token of every prefix.
    np.testing.assert_array_equal(y[:, :-1], x[:, 1:])


def test_training_pairs_validation():
    ids = np.arange(10)
    with pytest.raises(ValueError, match="at least 1"):
        training_pairs(ids, 0)
    with pytest.raises(ValueError, match="needs at least 11 tokens"):
        training_pairs(ids, 10)
    with pytest.raises(ValueError, match="starts must lie in 0..6"):
        training_pairs(ids, 3, np.array([7]))
    with pytest.raises(ValueError, match="flat"):
        training_pairs(ids.reshape(2, 5), 2)
    with pytest.raises(ValueError, match="integers"):
        training_pairs(np.linspace(0, 1, 10), 2)


def test_training_pairs_do_not_alias_the_token_array():
    ids = np.arange(10)
    x, _ = training_pairs(ids, 3)
    x[0, 0] = 99
    assert ids[0] == 0


def test_random_batch_gives_real_windows_reproducibly():
    ids = np.random.default_rng(1).integers(0, 500, size=300)
    x, y = random_batch(ids, 8, 16, np.random.default_rng(0))
    assert x.shape == y.shape == (16, 8)
    assert x.dtype == y.dtype == torch.long
    assert torch.equal(x[:, 1:], y[:, :-1])
    rows = {tuple(ids[s : s + 9]) for s in range(len(ids) - 8)}
    for xr, yr in zip(x.tolist(), y.tolist(), strict=True):
        assert (*xr, yr[-1]) in rows
    x2, y2 = random_batch(ids, 8, 16, np.random.default_rng(0))
    assert torch.equal(x, x2) and torch.equal(y, y2)


def test_random_batch_reaches_the_last_window():
    ids = np.arange(6)
    x, y = random_batch(ids, 5, 4, np.random.default_rng(0))  # only one window fits
    assert x.tolist() == [[0, 1, 2, 3, 4]] * 4 and y.tolist() == [[1, 2, 3, 4, 5]] * 4
    with pytest.raises(ValueError, match="batch_size"):
        random_batch(ids, 2, 0, np.random.default_rng(0))
