"""The unit of every corpus: a document, and how the Data panel presents a source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One short paragraph (or a short run of them) and the source it came from; a
    library document also names its book and chapter (the held-out split uses them)."""

    source: str
    text: str
    book: str = ""  # the library book's slug ("moby-dick"), empty for other sources
    chapter: str = ""  # its chapter, or act and scene, as the book heads it


@dataclass(frozen=True)
class SourceInfo:
    """How the Data panel presents a source: its name, a title and its style in plain words."""

    name: str
    title: str
    style: str
    corpus: str = "made-up"  # "library" (real books) or "made-up" (generated from templates)
