"""The bundled data: text sources, cleaning (curation), the mix, and the person's own files.

Pure Python and numpy (no Qt). The usual path from raw text to training text::

    corpus = bundled_corpus(seed)                   # source name -> documents
    mixed = apply_mix(corpus, Mix.default(), seed)  # the share of each source
    result = curate(mixed)                          # what survives, and a report per filter
    text = training_text(result.kept)
"""

from engine.corpus.curation import CurationResult, FilterReport, curate
from engine.corpus.lexicon import WORD_GROUPS, group_of
from engine.corpus.mix import (
    Mix,
    TrainingSetStats,
    apply_mix,
    group_by_source,
    stats,
    training_text,
)
from engine.corpus.sources import SOURCES, Document, SourceInfo, bundled_corpus, generate_source
from engine.corpus.style import forum_marker_rate
from engine.corpus.userfiles import USER_SOURCE, UserTextError, load_user_texts

__all__ = [
    "SOURCES",
    "USER_SOURCE",
    "WORD_GROUPS",
    "CurationResult",
    "Document",
    "FilterReport",
    "Mix",
    "SourceInfo",
    "TrainingSetStats",
    "UserTextError",
    "apply_mix",
    "bundled_corpus",
    "curate",
    "forum_marker_rate",
    "generate_source",
    "group_by_source",
    "group_of",
    "load_user_texts",
    "stats",
    "training_text",
]
