"""The library's cleaning pipeline: from raw Project Gutenberg files to training documents.

Each step is counted and keeps a few of the things it removed as examples (the Data
panel shows them struck through). The steps, in order:

1. byte-order marks and Windows line ends;
2. Project Gutenberg's header, footer and licence (every style in the library);
3. tables of contents, title pages and cast lists;
4. chapter, act and scene headings (they name the chapter each paragraph belongs to);
5. ``[Illustration]`` placeholders, footnotes and their marks, ``_italics_`` marks;
6. hard-wrapped lines joined into paragraphs;
7. exact and 8. near-duplicate paragraphs;
9. paragraphs not in English, or not made of words;
10. paragraphs containing a blocklisted slur (examples shown masked);
11. documents too short or too long, once paragraphs are grouped into documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engine.corpus.curation import FilterReport, exact_duplicates, near_duplicates
from engine.corpus.document import Document
from engine.corpus.library.boilerplate import is_credit, strip_gutenberg
from engine.corpus.library.books import BOOKS, LIBRARY_DIR, Book, read_raw
from engine.corpus.library.layout import read_layout
from engine.corpus.library.screening import (
    blocked_excerpt,
    contains_blocked,
    not_english_or_words,
)

MAX_EXAMPLES = 5
DOCUMENT_WORDS = 120  # paragraphs of one chapter are grouped into documents of about this size
MIN_DOCUMENT_WORDS = 8  # fewer: a stray line left alone in its chapter
MAX_DOCUMENT_WORDS = 1_000  # more: a single paragraph longer than any a reader meets
MIN_DEDUP_WORDS = 6  # shorter lines ("Exit.", "Yes, sir.") repeat by nature, not by copying


@dataclass(frozen=True)
class LibraryCleaning:
    """The library's training documents and one report per cleaning step, in order."""

    documents: tuple[Document, ...]
    reports: tuple[FilterReport, ...]


def _short(text: str, limit: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _spread(items: Sequence[str], n: int = MAX_EXAMPLES) -> tuple[str, ...]:
    """Up to n different examples taken evenly across the list (so several books show)."""
    unique = list(dict.fromkeys(_short(s) for s in items if s.strip()))
    if len(unique) <= n:
        return tuple(unique)
    step = len(unique) / n
    return tuple(unique[int(i * step)] for i in range(n))


def _report(name: str, description: str, removed: int, examples: Sequence[str], unit: str,
            before: int, after: int) -> FilterReport:
    return FilterReport(name=name, description=description, removed=removed,
                        examples=tuple(examples), documents_in=before, documents_out=after,
                        unit=unit)


def _screen(docs: list[Document], flags: list[bool], name: str, description: str,
            show=lambda t: t) -> tuple[list[Document], FilterReport]:
    dropped = [d for d, f in zip(docs, flags, strict=True) if f]
    kept = [d for d, f in zip(docs, flags, strict=True) if not f]
    examples = _spread([f"{show(d.text)}  ({d.book})" for d in dropped])
    return kept, _report(name, description, len(dropped), examples, "paragraphs",
                         len(docs), len(kept))


def _long_enough(docs: Sequence[Document], words: int) -> list[bool]:
    return [len(d.text.split()) >= words for d in docs]


def _group(paragraphs: list[Document]) -> list[Document]:
    """Consecutive paragraphs of one chapter as documents of about DOCUMENT_WORDS words."""
    out: list[Document] = []
    run: list[Document] = []
    size = 0

    def close() -> None:
        if run:
            out.append(Document(run[0].source, "\n".join(p.text for p in run),
                                run[0].book, run[0].chapter))

    for p in paragraphs:
        n = len(p.text.split())
        if run and (p.book != run[0].book or p.chapter != run[0].chapter
                    or size + n > DOCUMENT_WORDS):
            close()
            run, size = [], 0
        run.append(p)
        size += n
    close()
    return out


def clean_library(books: Sequence[Book] = BOOKS, directory=LIBRARY_DIR) -> LibraryCleaning:
    """Read every book (checking its sha256) and run the whole pipeline."""
    reports: list[FilterReport] = []
    n = len(books)
    raw = {b: read_raw(b, directory).decode("utf-8") for b in books}

    # 1. Byte-order marks and CRLF.
    boms = sum(t.startswith("\ufeff") for t in raw.values())
    crs = sum(t.count("\r") for t in raw.values())
    examples = [f"‹byte-order mark›{_short(t[1:60])}  ({b.slug})"
                for b, t in raw.items() if t.startswith("\ufeff")][:2]
    examples += [f"{_short(line)}‹CR›  ({b.slug})" for b, t in raw.items()
                 for line in t.split("\n")[60:61] if line.endswith("\r")][:3]
    text = {b: t.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
            for b, t in raw.items()}
    reports.append(_report(
        "Byte-order marks and line ends",
        f"{boms} files start with an invisible byte-order mark (U+FEFF) and most end every "
        "line with a Windows carriage return (CR LF). Both are removed so that \"sea\" at the "
        "start of a file or the end of a line is the same token as anywhere else.",
        boms + crs, examples, "characters", n, n))

    # 2. Project Gutenberg's header, footer and licence.
    bodies, removed, styles = {}, [], {}
    for b, t in text.items():
        parts = strip_gutenberg(t)
        bodies[b] = parts.body
        styles.setdefault(parts.style, []).append(b.slug)
        removed.append((parts.header.count("\n") + parts.footer.count("\n"),
                        f"{parts.style}: " + _marker_line(parts.header) + f"  ({b.slug})"))
    layouts = {b: read_layout(body, is_credit) for b, body in bodies.items()}
    credits = [c for _, (_, counts) in layouts.items() for c in counts.credits]
    by_style = [next(e for _, e in removed if e.startswith(s)) for s in styles]
    reports.append(_report(
        "Project Gutenberg header, footer and licence",
        "Every file carries Project Gutenberg's header, start and end markers and licence, in "
        "three styles: " + "; ".join(f"{s} ({', '.join(v)})" for s, v in styles.items())
        + ". They are cut, with the volunteers' credits inside the text, so the model "
        "never reads a licence.",
        sum(k for k, _ in removed) + sum(c.count("\n") + 1 for c in credits),
        by_style + list(_spread(credits, 2)), "lines", n, n))

    # 3-6. The layout: front matter, headings, markers, wrapping.
    def all_of(field: str) -> list[str]:
        return [s for _, (_, c) in layouts.items() for s in getattr(c, field)]

    front, headings, markers = all_of("front_matter"), all_of("headings"), all_of("markers")
    # Illustrations and footnotes first: they make better examples than italics marks.
    shown_markers = (list(_spread([m for m in markers if m.startswith("[I")], 2))
                     + list(_spread([m for m in markers if m[:2] in {f"[{d}" for d in "123456789"}], 2))
                     + list(_spread([m for m in markers if m.startswith("_")], 1)))
    reports.append(_report(
        "Contents, title pages and cast lists",
        "Tables of contents, \"by ...\" lines and lists of characters: lists, not prose.",
        len(front), _spread(front), "blocks", n, n))
    reports.append(_report(
        "Chapter, act and scene headings",
        "Headings such as \"CHAPTER 1. Loomings.\" or \"ACT I. SCENE II.\" are not sentences. "
        "Each paragraph keeps the name of its chapter, so whole chapters can be held out.",
        len(headings), _spread(headings), "headings", n, n))
    reports.append(_report(
        "Illustrations and footnotes",
        "\"[Illustration]\" placeholders for pictures that are not there, footnotes and their "
        "marks (\"[1]\"), and the underscores that mark _italics_ in plain text.",
        len(markers), shown_markers, "markers", n, n))
    joined = all_of("joined")
    paragraphs = [Document(b.genre, p.text, b.slug, p.chapter)
                  for b, (paras, _) in layouts.items() for p in paras]
    reports.append(_report(
        "Hard line wraps joined",
        "The files break lines at about 70 characters, mid-sentence. Lines of one paragraph "
        "are joined (⏎ marks a removed break), so a line break means a new paragraph.",
        sum(c.line_breaks for _, (_, c) in layouts.items()), _spread(joined), "line breaks",
        len(paragraphs), len(paragraphs)))

    # 7-10. Paragraph screens.
    docs = paragraphs
    long_ones = _long_enough(docs, MIN_DEDUP_WORDS)
    dup = [f and d for f, d in zip(long_ones, exact_duplicates(docs), strict=True)]
    docs, r = _screen(docs, dup, "Exact duplicates",
                      f"Paragraphs of {MIN_DEDUP_WORDS} words or more that appear again word "
                      "for word; only the first copy is kept.")
    reports.append(r)
    idx = [i for i, ok in enumerate(_long_enough(docs, 10)) if ok]
    near = near_duplicates([docs[i] for i in idx])
    flags = [False] * len(docs)
    for i, f in zip(idx, near, strict=True):
        flags[i] = f
    docs, r = _screen(docs, flags, "Near duplicates",
                      "Paragraphs that repeat an earlier one with small changes (found by "
                      "comparing three-word phrases, MinHash).")
    reports.append(r)
    docs, r = _screen(docs, [not_english_or_words(d.text) for d in docs],
                      "Not English, or not words",
                      "Passages in another language or script (Hebrew and Greek in Moby-Dick, "
                      "German songs in Andersen) and lines with hardly any letters "
                      "(\"* * * * *\", tables of figures).")
    reports.append(r)
    docs, r = _screen(docs, [contains_blocked(d.text) for d in docs],
                      "Blocklist: period slurs",
                      "These books use the racial slurs of their time. A model repeats what it "
                      "reads, so real pipelines drop every paragraph with a word from a "
                      "blocklist, at the price of also dropping passages that discuss the "
                      "people named. The words are masked here.", show=blocked_excerpt)
    reports.append(r)

    # 11. Documents: short runs of one chapter's paragraphs.
    grouped = _group(docs)
    bad = [not MIN_DOCUMENT_WORDS <= len(d.text.split()) <= MAX_DOCUMENT_WORDS for d in grouped]
    kept = [d for d, f in zip(grouped, bad, strict=True) if not f]
    dropped = [f"{d.text}  ({d.book})" for d, f in zip(grouped, bad, strict=True) if f]
    reports.append(_report(
        "Too short or too long",
        f"Paragraphs are grouped into documents of up to about {DOCUMENT_WORDS} words within "
        f"one chapter. A document of fewer than {MIN_DOCUMENT_WORDS} words (a stray line) or "
        f"more than {MAX_DOCUMENT_WORDS:,} is dropped.",
        len(dropped), _spread(dropped), "documents", len(grouped), len(kept)))
    return LibraryCleaning(tuple(kept), tuple(reports))


def _marker_line(header: str) -> str:
    """The most telling line of a header: its start marker or the Small Print's end."""
    lines = [s for s in header.strip().split("\n") if s.strip()]
    marked = [s for s in lines if "START OF" in s.upper() or "SMALL PRINT" in s.upper()]
    return (marked[-1] if marked else lines[-1]).strip()
