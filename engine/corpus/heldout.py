"""The held-out split: text the model never trains on, so its loss there measures
generalisation rather than memory.

Held-out text must be *other* text, not other sentences of the same passages. For the
library, whole chapters are held out (about one in twelve of each book's chapters,
picked by a fixed hash of the book and chapter name, so the choice never depends on
the mix or the seed). Generated and user documents have no chapters: every 20th
document is held out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from engine.corpus.document import Document
from engine.corpus.library.books import BOOKS_BY_SLUG

HELDOUT_EVERY = 20  # documents without chapters: every 20th is held out
CHAPTER_SHARE = 12  # library: one chapter in about twelve is held out


def chapter_is_heldout(book: str, chapter: str) -> bool:
    """Is this whole chapter held out? The same answer in every session."""
    digest = hashlib.sha256(f"{book}\n{chapter}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % CHAPTER_SHARE == 0


def split_documents(docs: Sequence[Document]) -> tuple[list[Document], list[Document]]:
    """(train documents, held-out documents), in their original order."""
    train: list[Document] = []
    held: list[Document] = []
    loose = 0  # position among documents that have no chapter
    for d in docs:
        if d.book:
            out = held if chapter_is_heldout(d.book, d.chapter) else train
        else:
            loose += 1
            out = held if loose % HELDOUT_EVERY == 0 else train
        out.append(d)
    return train, held


def heldout_chapters(docs: Sequence[Document]) -> list[tuple[str, str]]:
    """The (book, chapter) pairs held out among these documents, in book order."""
    seen = dict.fromkeys((d.book, d.chapter) for d in docs
                         if d.book and chapter_is_heldout(d.book, d.chapter))
    order = {slug: i for i, slug in enumerate(BOOKS_BY_SLUG)}
    return sorted(seen, key=lambda bc: (order.get(bc[0], 99), bc[1]))


def describe_heldout(docs: Sequence[Document]) -> str:
    """One sentence for the Data panel: which text is held out."""
    chapters = heldout_chapters(docs)
    loose = sum(1 for d in docs if not d.book)
    parts = []
    if chapters:
        books = len({b for b, _ in chapters})
        first = [f"{BOOKS_BY_SLUG[b].title if b in BOOKS_BY_SLUG else b}: {(c or 'opening').rstrip('.')}"
                 for b, c in chapters[:3]]
        parts.append(f"{len(chapters)} whole chapters of {books} books (about 1 in "
                     f"{CHAPTER_SHARE}, fixed), for example " + "; ".join(first))
    if loose:
        parts.append(f"every {HELDOUT_EVERY}th of the other documents")
    if not parts:
        return "Nothing is held out yet."
    return "Held out (never trained on): " + ", and ".join(parts) + "."
