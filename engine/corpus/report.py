"""What the command line says about a corpus: its sources, sizes, cleaning steps, and
the cleaned training text itself (``python -m engine corpus``)."""

from __future__ import annotations

import os
from pathlib import Path

from engine.corpus.heldout import describe_heldout, split_documents
from engine.corpus.mix import Mix, apply_mix, stats
from engine.corpus.pipeline import clean_mix
from engine.corpus.sources import (
    CORPUS_TITLES,
    LIBRARY,
    MADE_UP,
    SOURCES,
    bundled_corpus,
    corpora_in_use,
)

CORPUS_MIXES = {LIBRARY: Mix.default, MADE_UP: Mix.made_up}


def mix_for(corpus: str) -> Mix:
    """The default mix of a corpus ("library" or "made-up")."""
    if corpus not in CORPUS_MIXES:
        raise ValueError(f"There is no corpus called {corpus!r}; choose library or made-up.")
    return CORPUS_MIXES[corpus]()


def corpus_report(mix: Mix, seed: int = 0) -> dict:
    """Sources with their sizes, each cleaning step with its count, and the held-out split."""
    corpus = bundled_corpus(seed)
    used = corpora_in_use(mix.weights)
    sources = []
    for info in SOURCES:
        if info.corpus not in used:
            continue
        st = stats(corpus[info.name])
        sources.append({"name": info.name, "title": info.title, "corpus": info.corpus,
                        "share": mix.share(info.name), "documents": st.documents,
                        "words": st.words, "characters": st.characters})
    result = clean_mix(apply_mix(corpus, mix, seed))
    train, held = split_documents(result.kept)
    kept = stats(result.kept)
    return {
        "corpora": [{"name": c, "title": CORPUS_TITLES[c]} for c in used],
        "sources": sources,
        "steps": [{"name": r.name, "removed": r.removed, "unit": r.unit,
                   "in": r.documents_in, "out": r.documents_out} for r in result.reports],
        "training": {"documents": kept.documents, "words": kept.words,
                     "train_documents": len(train), "heldout_documents": len(held)},
        "heldout": describe_heldout(result.kept),
    }


def dump_clean(path: str | os.PathLike, mix: Mix, seed: int = 0) -> tuple[int, int]:
    """Write the cleaned training text of a mix, one document per paragraph (blank line
    between documents). Returns (documents, bytes written)."""
    result = clean_mix(apply_mix(bundled_corpus(seed), mix, seed))
    text = "\n\n".join(d.text.replace("\n", " ") for d in result.kept) + "\n"
    data = text.encode("utf-8")
    Path(path).write_bytes(data)
    return len(result.kept), len(data)
