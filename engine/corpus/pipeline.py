"""Cleaning a mix: each corpus through its own pipeline, one list of reports.

Library documents were cleaned when the books were loaded (``library.cleaning``: the
steps from raw Project Gutenberg files to paragraphs), so here they pass as they are and
bring that pipeline's reports. Made-up and the person's own documents go through the
document filters of ``curation`` (duplicates, length, quality, blocklist, gibberish,
spam), as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.corpus.curation import CurationResult, curate
from engine.corpus.document import Document
from engine.corpus.library.cache import cleaned_library
from engine.corpus.sources import LIBRARY, corpus_of


def clean_mix(docs: Sequence[Document]) -> CurationResult:
    """The documents that survive, in their order, and the reports of every step run."""
    from_library = [corpus_of(d.source) == LIBRARY for d in docs]
    others = [d for d, lib in zip(docs, from_library, strict=True) if not lib]
    reports = list(cleaned_library().reports) if any(from_library) else []
    if not others:
        return CurationResult(kept=list(docs), reports=reports)
    filtered = curate(others)
    survivors = set(map(id, filtered.kept))
    kept = [d for d, lib in zip(docs, from_library, strict=True) if lib or id(d) in survivors]
    return CurationResult(kept=kept, reports=reports + filtered.reports)
