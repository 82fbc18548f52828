"""The library: 18 public-domain books from Project Gutenberg, shipped raw, and their genres.

The files in ``engine/data/gutenberg/`` are byte for byte the Project Gutenberg
editions listed in ``SOURCES.md`` beside them (header, licence and all). Each is
checked against its sha256 when it is read, so a damaged or edited file is named
at once instead of silently training a different model.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

LIBRARY_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "gutenberg"


class LibraryIntegrityError(ValueError):
    """A shipped book is missing or its bytes are not the ones listed in SOURCES.md."""


@dataclass(frozen=True)
class Book:
    """One book of the library, as SOURCES.md lists it."""

    file: str  # "GENRE--slug.txt"; the genre prefix is the source it belongs to
    title: str
    author: str
    year: str  # first publication (of the translation, where that differs)
    ebook: int  # the Project Gutenberg ebook number printed in the file's header
    sha256: str

    @property
    def genre(self) -> str:
        return self.file.split("--", 1)[0]

    @property
    def slug(self) -> str:
        return self.file.split("--", 1)[1].removesuffix(".txt")

    @property
    def credit(self) -> str:
        """"Moby-Dick; or, The Whale, by Herman Melville (1851)"."""
        return f"{self.title}, by {self.author} ({self.year})"


@dataclass(frozen=True)
class Genre:
    """A genre of the library: one source of the mix, with its own slider."""

    name: str
    title: str
    style: str


GENRES: tuple[Genre, ...] = (
    Genre("sea", "Sea and voyages",
          "Novels of ships, whaling and islands: long descriptive sentences, sailors' talk."),
    Genre("fables", "Fables and fairy tales",
          "Fables, fairy tales and animal stories: kings, queens, talking animals, "
          "\"once upon a time\"."),
    Genre("nature", "Natural history",
          "Darwin's travel journal and his book on evolution: careful, factual, full of "
          "species and places."),
    Genre("plays", "Shakespeare plays",
          "Five plays: speeches headed by the speaker's name, verse, old words (thee, thou)."),
)

BOOKS: tuple[Book, ...] = (
    Book("sea--moby-dick.txt", "Moby-Dick; or, The Whale", "Herman Melville", "1851", 2701,
         "baf9b04fcf6e0008f30eaaa6697277751448c1070b20175e0082f28cbb161fd3"),
    Book("sea--treasure-island.txt", "Treasure Island", "Robert Louis Stevenson", "1883", 120,
         "1b50cee77959beaaadc45acd3c20d448369a5c707227e057ac238e54e5eefb6f"),
    Book("sea--twenty-thousand-leagues.txt", "Twenty Thousand Leagues under the Sea",
         "Jules Verne (tr. Mercier Lewis)", "1870; English 1872", 164,
         "e98865878afb5505a9f94b218cc873cf723da51abfeced7ccb762734b19f07ae"),
    Book("sea--robinson-crusoe.txt", "The Life and Adventures of Robinson Crusoe",
         "Daniel Defoe", "1719", 521,
         "036d58d71359033cae59322292692c82469923cb37dadd9bc2f0464de4567c2a"),
    Book("fables--aesops-fables.txt", "Aesop's Fables", "Aesop (tr. V. S. Vernon Jones)",
         "1912 translation", 11339,
         "655566e8d3f5a977a3836d1635418b006ea4b92283fc6fc96460ac59e0b71c2a"),
    Book("fables--grimms-fairy-tales.txt", "Grimms' Fairy Tales",
         "Jacob and Wilhelm Grimm (tr. Edgar Taylor and Marian Edwardes)", "1812-15; English 1823",
         2591, "3090ed9c87b91509ee59a4d8124cc9f09b80d513c446124059bdb6f214a4481b"),
    Book("fables--andersens-fairy-tales.txt", "Andersen's Fairy Tales", "Hans Christian Andersen",
         "1835-72", 1597, "694271fa06569b61c5c3041f08cca1d4ff92341ec8a867f6c38b23862edb3adb"),
    Book("fables--alice-in-wonderland.txt", "Alice's Adventures in Wonderland", "Lewis Carroll",
         "1865", 11, "49a0b2726606e1290ac03a63978fa1dd1bd38a8d805704d98265f393533ea094"),
    Book("fables--wizard-of-oz.txt", "The Wonderful Wizard of Oz", "L. Frank Baum", "1900", 55,
         "18274f31ae11aea07ea9b4f707998636c6f75d784c60d7e8fea0b4d5c2d77af6"),
    Book("fables--jungle-book.txt", "The Jungle Book", "Rudyard Kipling", "1894", 236,
         "2f9486eb4776d23baf1064eebb73bb0093b808b13e10516e81e20d1dbe4909c9"),
    Book("fables--wind-in-the-willows.txt", "The Wind in the Willows", "Kenneth Grahame", "1908",
         289, "f875d0ae7c153741c516d4db2f3c1686f8dd79e341ea27dbc2167178a09cd587"),
    Book("nature--voyage-of-the-beagle.txt", "The Voyage of the Beagle", "Charles Darwin",
         "1839; 2nd ed. 1845", 944,
         "24b8d915eb5f61c091ee66403096bb3a950e3c0cb310caf086b6be0cc86781f1"),
    Book("nature--origin-of-species.txt", "On the Origin of Species (6th edition)",
         "Charles Darwin", "1872", 2009,
         "4bdae4b4fd70ba37faf58c4f28154851adc0869bf6ccacafc3d7e0f2f11a8081"),
    Book("plays--hamlet.txt", "Hamlet", "William Shakespeare", "c. 1600", 1524,
         "00f62c672e4d07718799eb98e97b7a13449e6ece7a84b4224307da99ee96f358"),
    Book("plays--romeo-and-juliet.txt", "Romeo and Juliet", "William Shakespeare", "c. 1595",
         1513, "e2ad1b1ca0350566f32760e31422fdc2437bc5a698f7277628c20b3fd42d5b83"),
    Book("plays--macbeth.txt", "Macbeth", "William Shakespeare", "c. 1606", 1533,
         "5a5a16cd133ef886f05fefddb17459131c746fae0ea7c01fcb8771bea99bc0c6"),
    Book("plays--the-tempest.txt", "The Tempest", "William Shakespeare", "c. 1611", 1540,
         "a3d93e285291f09c524c15d146d7e581a9df81bab8831082067d7129698180b4"),
    Book("plays--midsummer-nights-dream.txt", "A Midsummer Night's Dream", "William Shakespeare",
         "c. 1595", 1514, "e34f93c0ae2514212474155440d64e821e8d5adfe8f268ac726179dd3e6f67e5"),
)

BOOKS_BY_SLUG: dict[str, Book] = {b.slug: b for b in BOOKS}

LICENCE_NOTE = (
    "The books are in the public domain in the USA and come from Project Gutenberg "
    "(www.gutenberg.org). Each shipped file keeps the Project Gutenberg licence it carries; "
    "the cleaning step strips it, with every mention of Project Gutenberg, from the text the "
    "model reads."
)


def read_raw(book: Book, directory: Path = LIBRARY_DIR) -> bytes:
    """The book's bytes as shipped, after checking them against their sha256."""
    path = directory / book.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LibraryIntegrityError(
            f"The library book {book.file} is missing or unreadable ({exc.strerror})."
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest != book.sha256:
        raise LibraryIntegrityError(
            f"The library book {book.file} is not the shipped edition: its sha256 is "
            f"{digest[:16]}…, SOURCES.md lists {book.sha256[:16]}…. Restore the file."
        )
    return data


def library_fingerprint(books: tuple[Book, ...] = BOOKS) -> str:
    """One hash of every book's listed sha256: the key of the cleaned-text cache."""
    return hashlib.sha256("".join(b.sha256 for b in books).encode()).hexdigest()


def document_credit(book_slug: str, chapter: str = "") -> str:
    """Where a passage comes from: "Moby-Dick; or, The Whale, by Herman Melville (1851),
    CHAPTER 1. Loomings." (empty for text that is not from the library)."""
    book = BOOKS_BY_SLUG.get(book_slug)
    if book is None:
        return ""
    return book.credit + (f" — {chapter}" if chapter else "")
