"""The training set's ids kept between launches (engine/session/token_cache.py): read back
the same, never stale, never the person's own text, and never an error when the cache is
damaged or cannot be written."""

from __future__ import annotations

import numpy as np
import pytest

from engine.cache_files import CACHE_ENV
from engine.corpus.document import Document
from engine.session import token_cache
from engine.session.data import USER_SOURCE, split_heldout
from engine.tokenizers import BPETokenizer

MIN_TOKENS = 20


def _docs(change: str = "") -> list[Document]:
    # Books with chapters (some held out) and loose documents, as the library's mix gives.
    docs = [Document("novels", f"Chapter {c} of the sea story, part {p}.{change if c == 3 else ''}",
                     book="moby-dick", chapter=f"CHAPTER {c}") for c in range(1, 30) for p in range(3)]
    docs += [Document("fables", f"The fox and the crow, telling number {i}.") for i in range(40)]
    return docs


@pytest.fixture
def tok():
    return BPETokenizer.train([d.text for d in _docs()], vocab_size=300)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def _no_tokenizing(tok, monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("tokenized again")

    monkeypatch.setattr(tok, "encode_batch", refuse)
    monkeypatch.setattr(tok, "encode", refuse)


def test_ids_come_back_the_same_without_tokenizing_again(tok, cache, monkeypatch):
    train, held = token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)
    expected = split_heldout(tok, _docs(), MIN_TOKENS)
    assert np.array_equal(train, expected[0]) and np.array_equal(held, expected[1])
    assert len(list(cache.glob("ids-*.npz"))) == 1
    _no_tokenizing(tok, monkeypatch)
    again = token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)
    assert np.array_equal(again[0], train) and np.array_equal(again[1], held)
    assert again[0].dtype == np.int64  # stored small, handed back as the model reads it


def test_any_change_to_the_text_or_the_tokenizer_is_another_file(tok, cache, monkeypatch):
    token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)
    changed = _docs(change=" The whale!")
    train, _ = token_cache.split_heldout_cached(tok, changed, MIN_TOKENS)
    assert np.array_equal(train, split_heldout(tok, changed, MIN_TOKENS)[0])
    other = BPETokenizer.train([d.text for d in _docs()], vocab_size=280)
    token_cache.split_heldout_cached(other, _docs(), MIN_TOKENS)
    moved = [Document(d.source, d.text, d.book, "CHAPTER 1") for d in _docs()]  # another split
    token_cache.split_heldout_cached(tok, moved, MIN_TOKENS)
    assert len(list(cache.glob("ids-*.npz"))) == 4
    keys = {token_cache.cache_key(tok, _docs(), MIN_TOKENS), token_cache.cache_key(tok, changed, MIN_TOKENS),
            token_cache.cache_key(other, _docs(), MIN_TOKENS), token_cache.cache_key(tok, moved, MIN_TOKENS),
            token_cache.cache_key(tok, _docs(), MIN_TOKENS + 1)}
    assert len(keys) == 5


def test_the_persons_own_text_is_never_written_to_the_cache(tok, cache):
    mine = [*_docs(), Document(USER_SOURCE, "My private notes about the sea.")]
    train, held = token_cache.split_heldout_cached(tok, mine, MIN_TOKENS)
    assert len(train) and len(held)
    assert token_cache.cache_key(tok, mine, MIN_TOKENS) is None
    assert not cache.exists() or not list(cache.iterdir())


@pytest.mark.parametrize("damage", ["garbage", "truncated", "out of range", "empty"])
def test_a_damaged_file_is_made_again_not_read(tok, cache, damage):
    train, held = token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)
    (path,) = cache.glob("ids-*.npz")
    if damage == "garbage":
        path.write_bytes(b"not an archive at all")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "out of range":
        np.savez(path, train=np.full(5, tok.vocab_size + 7), heldout=held)
    else:
        np.savez(path, train=np.array([], dtype=np.int64), heldout=held)
    again = token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)
    assert np.array_equal(again[0], train) and np.array_equal(again[1], held)
    assert np.array_equal(token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)[0], train)


def test_only_the_newest_few_are_kept_and_an_unwritable_cache_is_no_error(tok, cache, tmp_path, monkeypatch):
    for i in range(token_cache.KEEP + 2):
        token_cache.split_heldout_cached(tok, _docs(change=f" {i}"), MIN_TOKENS)
    assert len(list(cache.glob("ids-*.npz"))) == token_cache.KEEP
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    monkeypatch.setenv(CACHE_ENV, str(blocked))
    train, _ = token_cache.split_heldout_cached(tok, _docs(), MIN_TOKENS)
    assert np.array_equal(train, split_heldout(tok, _docs(), MIN_TOKENS)[0])
    assert not list(tmp_path.glob("*.tmp"))


def test_a_new_tokenizer_never_gets_the_ids_of_a_freed_one(cache):
    """The session keeps built results under the tokenizer they were made with. Keyed by
    id(), a new tokenizer at a freed one's address was handed the old one's ids, and a
    model of the new, smaller vocabulary failed with "index out of range" (the command
    line's training on a person's files, now and then)."""
    import gc

    from engine.corpus.mix import Mix
    from engine.corpus.sources import LIBRARY_SOURCES
    from engine.session.core import Session

    session = Session(seed=0)
    source = LIBRARY_SOURCES[0].name
    session.use_corpus({source: _docs()})
    session.mix = Mix({source: 1.0})
    for vocab in (300, 260, 300, 260, 280, 260, 300, 270) * 3:  # reused ids: 1 time in 24 here
        session.set_tokenizer(BPETokenizer.train([d.text for d in _docs()], vocab_size=vocab), fits_data=True)
        gc.collect()  # the last tokenizer is freed: its address may be given to the next
        train, held = session.token_ids()
        assert int(train.max()) < session.tokenizer.vocab_size and int(held.max()) < session.tokenizer.vocab_size
        # Under the tokenizer itself, which the key keeps alive: no other can be mistaken for it.
        assert any(len(k) > 2 and k[2] is session.tokenizer for k in session.built._results)
