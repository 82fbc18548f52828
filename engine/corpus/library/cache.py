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
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from engine.cache_files import CACHE_ENV, cache_dir, code_fingerprint, write_atomically  # noqa: F401 - CACHE_ENV: tests set it here
from engine.corpus import curation
from engine.corpus.curation import FilterReport
from engine.corpus.document import Document
from engine.corpus.library import boilerplate, cleaning, layout, screening
from engine.corpus.library.books import BOOKS, LIBRARY_DIR, library_fingerprint, read_raw
from engine.corpus.library.cleaning import LibraryCleaning, clean_library


def _code_fingerprint() -> str:
    """A hash of the cleaning code: editing a step invalidates the cache."""
    return code_fingerprint((curation, boilerplate, layout, screening, cleaning))


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
    # A read-only home: the app still works, it just cleans again next time.
    write_atomically(path, lambda f: f.write(json.dumps(data, ensure_ascii=False).encode("utf-8")))


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
