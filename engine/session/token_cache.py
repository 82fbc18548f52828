"""The training set's token ids, kept in the person's cache folder between launches.

Tokenizing the curated library (1.4 M words, about 1.7 M tokens) takes a second of both
cores at every launch, and whatever needs the ids first pays it: the word map's first
picture, made as the model arrives, held the person's first thumbs click in the Chat step
for as long (bench/rlhf_latency.py). Read back, the ids take a few milliseconds.

The ids are filed under a hash of everything they are made from: every document (source,
book, chapter and text, in order), the tokenizer's whole description and the tokenizers
library's version, the held-out size, and the code that splits and encodes. Any change is
another file; a stale one is never read. A person's own files are never written there:
their text stays where they keep it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import zipfile
from collections.abc import Sequence

import numpy as np

from engine.cache_files import cache_dir, code_fingerprint, keep_newest, write_atomically
from engine.corpus import heldout, mix
from engine.corpus.document import Document
from engine.session import data
from engine.tokenizers import Tokenizer

KEEP = 4  # data sets kept at once (a few MB each): the default, and a few mixes tried
PATTERN = "ids-*.npz"


def split_heldout_cached(tok: Tokenizer, docs: Sequence[Document],
                         min_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """`data.split_heldout`, read from the cache when these ids were made before."""
    key = cache_key(tok, docs, min_tokens)
    if key is None:
        return data.split_heldout(tok, list(docs), min_tokens)
    path = cache_dir() / f"ids-{key}.npz"
    found = _load(path, tok.vocab_size)
    if found is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the last to be cleared away
        return found
    train, held = data.split_heldout(tok, list(docs), min_tokens)
    if _save(path, train, held, tok.vocab_size):
        keep_newest(path.parent, PATTERN, KEEP)
    return train, held


def cache_key(tok: Tokenizer, docs: Sequence[Document], min_tokens: int) -> str | None:
    """The file name's hash for these ids; None for data that holds the person's own text."""
    if any(d.source == data.USER_SOURCE for d in docs):
        return None
    h = hashlib.sha256()
    h.update(code_fingerprint((data, heldout, mix, sys.modules[type(tok).__module__])).encode())
    h.update(_library_version().encode())
    h.update(json.dumps(tok.to_dict(), sort_keys=True).encode())
    h.update(str(min_tokens).encode())
    for d in docs:
        for field in (d.source, d.book, d.chapter, d.text):
            raw = field.encode("utf-8", "surrogatepass")
            h.update(len(raw).to_bytes(8, "little"))  # "ab"+"c" is not "a"+"bc"
            h.update(raw)
    return h.hexdigest()[:32]


def _library_version() -> str:
    try:
        import tokenizers
    except ImportError:  # pragma: no cover - a dependency of the app
        return ""
    return getattr(tokenizers, "__version__", "")


def _load(path, vocab_size: int) -> tuple[np.ndarray, np.ndarray] | None:
    """(train, held-out) from a cache file, or None if it is missing or not sound."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            train, held = stored["train"], stored["heldout"]
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # missing or damaged: tokenize again
    out = []
    for ids in (train, held):
        if ids.ndim != 1 or ids.dtype.kind not in "iu" or not len(ids):
            return None
        if int(ids.min()) < 0 or int(ids.max()) >= vocab_size:
            return None
        out.append(ids.astype(np.int64))
    return out[0], out[1]


def _save(path, train: np.ndarray, held: np.ndarray, vocab_size: int) -> bool:
    dtype = np.uint16 if vocab_size <= np.iinfo(np.uint16).max + 1 else np.int32
    return write_atomically(path, lambda f: np.savez(f, train=train.astype(dtype),
                                                      heldout=held.astype(dtype)))


__all__ = ["KEEP", "cache_key", "split_heldout_cached"]
