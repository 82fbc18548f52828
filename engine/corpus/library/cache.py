"""The cleaned library, cached per user so the app opens quickly.

Cleaning the 18 books takes several seconds on a busy two-core laptop (measured
3.6-6.6 s); reading the cleaned result back takes a fraction of one. The cache is
keyed by the books' sha256 and by the cleaning code itself, so a changed book or a
changed step is never served stale. The books are still checked against their sha256
on every load (about 30 ms), whether or not the cache is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from engine.corpus import curation
from engine.corpus.curation import FilterReport
from engine.corpus.document import Document
from engine.corpus.library import boilerplate, cleaning, layout, screening
from engine.corpus.library.books import BOOKS, LIBRARY_DIR, library_fingerprint, read_raw
from engine.corpus.library.cleaning import LibraryCleaning, clean_library
from engine.paths import user_cache_dir

CACHE_ENV = "THREE_PILLARS_CACHE_DIR"


def cache_dir() -> Path:
    """The per-user cache folder (``THREE_PILLARS_CACHE_DIR`` overrides it)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return user_cache_dir()


def _code_fingerprint() -> str:
    """A hash of the cleaning code: editing a step invalidates the cache."""
    h = hashlib.sha256()
    for module in (curation, boilerplate, layout, screening, cleaning):
        source = Path(module.__file__)
        if source.suffix == ".py" and source.is_file():
            h.update(source.read_bytes())
        else:
            # The self-contained build ships compiled code only; it changes only with a new
            # build, and a new build is a new executable.
            stat = Path(sys.executable).stat()
            h.update(f"{sys.executable}:{stat.st_size}:{stat.st_mtime_ns}".encode())
            break
    return h.hexdigest()


def _key() -> str:
    return hashlib.sha256((library_fingerprint() + _code_fingerprint()).encode()).hexdigest()[:24]


def _load(path: Path) -> LibraryCleaning | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = tuple(Document(*row) for row in data["documents"])
        reports = tuple(FilterReport(**{**r, "examples": tuple(r["examples"])})
                        for r in data["reports"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged: clean again
    return LibraryCleaning(docs, reports)


def _save(path: Path, result: LibraryCleaning) -> None:
    data = {"documents": [[d.source, d.text, d.book, d.chapter] for d in result.documents],
            "reports": [asdict(r) for r in result.reports]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except OSError:
        pass  # a read-only home: the app still works, it just cleans again next time


@lru_cache(maxsize=1)
def cleaned_library() -> LibraryCleaning:
    """The cleaned library: from the cache if it is there, else cleaned now and cached."""
    for book in BOOKS:
        read_raw(book, LIBRARY_DIR)  # raises LibraryIntegrityError naming a bad file
    path = cache_dir() / f"library-{_key()}.json"
    cached = _load(path)
    if cached is not None:
        return cached
    result = clean_library()
    _save(path, result)
    return result
