"""The library: public-domain books, shipped raw, checked, and cleaned into documents."""

from engine.corpus.library.books import (
    BOOKS,
    BOOKS_BY_SLUG,
    GENRES,
    LICENCE_NOTE,
    Book,
    Genre,
    LibraryIntegrityError,
)

__all__ = ["BOOKS", "BOOKS_BY_SLUG", "GENRES", "LICENCE_NOTE", "Book", "Genre",
           "LibraryIntegrityError"]
