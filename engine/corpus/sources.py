"""The two bundled corpora and their sources.

- **The library** (the default): 18 public-domain books from Project Gutenberg, one
  source per genre (sea, fables, nature, plays), shipped raw and cleaned on load.
- **A made-up world**: five kinds of text generated from templates; small and
  repetitive, so a model learns it in half a minute, and always called made up.

Source names are unique across both corpora, so a mix picks a corpus by the sources
it gives a share to (``Mix.default()`` is the library, ``Mix.made_up()`` the world).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from engine.corpus.document import Document, SourceInfo
from engine.corpus.library.books import GENRES
from engine.corpus.made_up.generator import MADE_UP_SOURCES, generate_source, made_up_corpus

LIBRARY = "library"
MADE_UP = "made-up"
CORPUS_TITLES: dict[str, str] = {
    LIBRARY: "A library of real books (18 public-domain books from Project Gutenberg)",
    MADE_UP: "A made-up world (generated from templates; learns in 30 s)",
}

LIBRARY_SOURCES: tuple[SourceInfo, ...] = tuple(
    SourceInfo(g.name, g.title, g.style, corpus=LIBRARY) for g in GENRES)
SOURCES: tuple[SourceInfo, ...] = LIBRARY_SOURCES + MADE_UP_SOURCES
SOURCES_BY_NAME: dict[str, SourceInfo] = {s.name: s for s in SOURCES}


def corpus_of(source: str) -> str:
    """Which corpus a source belongs to ("library", "made-up"; "" for the person's own)."""
    info = SOURCES_BY_NAME.get(source)
    return info.corpus if info is not None else ""


def library_corpus() -> dict[str, list[Document]]:
    """The cleaned library, by genre (cached per user: see ``library.cache``)."""
    from engine.corpus.library.cache import cleaned_library  # the cache pulls in json I/O

    out: dict[str, list[Document]] = {g.name: [] for g in GENRES}
    for d in cleaned_library().documents:
        out[d.source].append(d)
    return out


class _BundledCorpus(Mapping[str, list[Document]]):
    """Every bundled source by name; a corpus is loaded the first time one of its
    sources is read, so a session on the library never generates the made-up world."""

    def __init__(self, seed: int, extra: Mapping[str, list[Document]] | None = None,
                 loaded: dict[str, dict[str, list[Document]]] | None = None) -> None:
        self._seed = seed
        self._extra = dict(extra or {})  # the person's own text, under its own source name
        self._loaded = {} if loaded is None else loaded  # shared with views made by including()

    def including(self, extra: Mapping[str, list[Document]]) -> _BundledCorpus:
        """The same corpus (sharing what is loaded) with extra sources added."""
        return _BundledCorpus(self._seed, extra, self._loaded)

    def _corpus(self, name: str) -> dict[str, list[Document]]:
        if name not in self._loaded:
            self._loaded[name] = (library_corpus() if name == LIBRARY
                                  else made_up_corpus(self._seed))
        return self._loaded[name]

    def __getitem__(self, source: str) -> list[Document]:
        if source in self._extra:
            return self._extra[source]
        info = SOURCES_BY_NAME.get(source)
        if info is None:
            raise KeyError(source)
        return self._corpus(info.corpus)[source]

    def __contains__(self, source: object) -> bool:
        # Mapping's own test reads the item, which loads the source's whole corpus:
        # apply_mix asks about every source, and generated the made-up world (0.9 s)
        # for a mix on the library alone.
        return source in self._extra or source in SOURCES_BY_NAME

    def __iter__(self) -> Iterator[str]:
        yield from (s.name for s in SOURCES)
        yield from (name for name in self._extra if name not in SOURCES_BY_NAME)

    def __len__(self) -> int:
        return len(SOURCES) + sum(name not in SOURCES_BY_NAME for name in self._extra)


def with_sources(corpus: Mapping[str, list[Document]],
                 extra: Mapping[str, list[Document]]) -> Mapping[str, list[Document]]:
    """The corpus with extra sources added (the person's text), loading nothing."""
    if isinstance(corpus, _BundledCorpus):
        return corpus.including(extra)
    return {**corpus, **extra}


def corpora_in_use(weights: Mapping[str, float]) -> tuple[str, ...]:
    """The bundled corpora a mix draws on ("library", "made-up"), in that order."""
    used = {corpus_of(name) for name, share in weights.items() if share > 0}
    return tuple(c for c in (LIBRARY, MADE_UP) if c in used)


def sources_in_view(weights: Mapping[str, float], names: Iterator[str]) -> list[str]:
    """The sources the Data panel lists for a mix: every source of the corpora in use,
    and any source that is not bundled (the person's own text)."""
    corpora = set(corpora_in_use(weights)) or {LIBRARY}
    return [n for n in names if corpus_of(n) in corpora or corpus_of(n) == ""]


def bundled_corpus(seed: int = 0) -> Mapping[str, list[Document]]:
    """Every bundled source of both corpora by name, in the order of ``SOURCES``,
    loaded lazily (the seed only changes the made-up world)."""
    return _BundledCorpus(seed)


__all__ = ["CORPUS_TITLES", "corpora_in_use", "sources_in_view", "with_sources", "LIBRARY", "LIBRARY_SOURCES", "MADE_UP", "MADE_UP_SOURCES",
           "SOURCES", "Document", "SourceInfo", "bundled_corpus", "corpus_of",
           "generate_source", "library_corpus", "made_up_corpus"]
