"""The session's training data: documents -> (train ids, held-out ids), and what the Data
panel shows about them. Building these costs seconds, so `BuiltData` keeps each result
under the data it was built from."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from engine.corpus.curation import FilterReport
from engine.corpus.heldout import split_documents
from engine.corpus.library.books import document_credit
from engine.corpus.mix import Mix, pretraining_texts
from engine.corpus.sources import Document, SourceInfo
from engine.tokenizers import Tokenizer

USER_SOURCE = "yours"
WORD_VOCAB = 6000  # the word tokenizer's closed vocabulary, for the Tokens panel

T = TypeVar("T")


@dataclass(frozen=True)
class SourceSummary:
    info: SourceInfo
    documents: int
    words: int
    weight: float
    sample: str
    sample_credit: str = ""  # title, author and year (and chapter) of a library sample
    # More passages from across the source, (text, credit) each, so "Read" can show
    # another one every time (the first is `sample`).
    samples: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DataSummary:
    """Everything the Data panel shows: sources, mix, curation and the training set."""

    sources: tuple[SourceSummary, ...]
    mix: Mix
    reports: tuple[FilterReport, ...]
    documents: int
    words: int
    tokens: int
    user_files: tuple[str, ...]
    heldout: str = ""  # which text is held out, in one sentence (whole chapters for books)


def split_heldout(tok: Tokenizer, docs: list[Document], min_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """(train ids, held-out ids): whole chapters of the books, every 20th other document.

    With few documents (a person's single file), the last tenth of the token stream is
    held out instead, so there is always some unseen text to measure on.
    """
    if not docs:
        raise ValueError("There is no text to train on: give the mix some documents.")
    train_docs, held_docs = split_documents(docs)
    if held_docs:
        train, held = encode_documents(tok, train_docs), encode_documents(tok, held_docs)
        if len(held) >= min_tokens:
            return train, held
    ids = encode_documents(tok, docs)
    cut = int(len(ids) * 0.9)
    train, held = ids[:cut], ids[cut:]
    if len(held) < min_tokens:
        raise ValueError(
            f"There is too little text to train on: {len(ids):,} tokens in all, and the model "
            f"needs at least {10 * min_tokens:,}. Add more text or more sources to the mix."
        )
    return train, held


def encode_documents(tok: Tokenizer, docs: list[Document]) -> np.ndarray:
    """All documents as one stream of ids, an end-of-text token after each."""
    texts = pretraining_texts(docs)
    batch = getattr(tok, "encode_batch", None)
    chunks = batch(texts) if batch is not None else [tok.encode(t) for t in texts]
    if not chunks:
        return np.empty(0, dtype=np.int64)
    # One array per document, joined: a generator over 1.7 M ids took 0.3 s.
    return np.concatenate([np.asarray(c, dtype=np.int64) for c in chunks])


class BuiltData:
    """Results built from the data, each under a key `(what, data key, *more)`.

    The data key names the data (seed, mix, the person's files); `more` names anything
    else a result depends on, the tokenizer object first when there is one. A result is
    never invalidated: a changed mix simply asks under another key.

    subtle: the key holds the tokenizer object, not its id(): once a tokenizer is freed a
    new one can get the same id, and the old tokenizer's ids were handed to a model of
    the new one's smaller vocabulary ("index out of range" in a test, now and then).
    """

    def __init__(self) -> None:
        self._results: dict[tuple, object] = {}

    def get(self, key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
        """The result under `key`, built by `build()` the first time it is asked for."""
        if key not in self._results:
            self._results[key] = build()
        return self._results[key]  # type: ignore[return-value]

    def copy(self) -> BuiltData:
        out = BuiltData()
        out._results = dict(self._results)
        return out

    def take_from(self, other: BuiltData, data_key: tuple, tokenizer: object) -> None:
        """Reuse `other`'s results for this data key (and this tokenizer object, if any)."""
        for key, value in other._results.items():
            if len(key) > 1 and key[1] == data_key and (len(key) < 3 or key[2] is tokenizer):
                self._results.setdefault(key, value)


SAMPLE_PASSAGES = 8  # per source, spread evenly over it
SAMPLE_CHARS = 1500  # a passage is a sample to read, not the whole chapter


def source_passages(docs) -> tuple[tuple[str, str], ...]:
    """Up to SAMPLE_PASSAGES documents from across a source, (text, credit) each."""
    if not docs:
        return ()
    n = min(SAMPLE_PASSAGES, len(docs))
    picked = sorted({round(i * (len(docs) - 1) / max(n - 1, 1)) for i in range(n)})
    return tuple((docs[i].text[:SAMPLE_CHARS], document_credit(docs[i].book, docs[i].chapter))
                 for i in picked)
