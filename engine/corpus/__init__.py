"""The bundled data: two corpora, their cleaning, the mix, and the person's own files.

The library (default) is 18 public-domain books, shipped raw and cleaned step by step
(``library``); the made-up world is generated from templates (``made_up``). Pure Python
and numpy (no Qt). The usual path from raw text to training text::

    corpus = bundled_corpus(seed)                   # source name -> documents (lazy)
    mixed = apply_mix(corpus, Mix.default(), seed)  # the share of each source
    result = clean_mix(mixed)                       # what survives, and a report per step
    train, held = split_documents(result.kept)      # whole chapters held out
    texts = pretraining_texts(train)                # each ends with the end-of-text token
"""

from engine.corpus.curation import CurationResult, FilterReport, curate
from engine.corpus.document import Document, SourceInfo
from engine.corpus.heldout import describe_heldout, split_documents
from engine.corpus.lexicon import WORD_GROUPS, group_of
from engine.corpus.mix import (
    Mix,
    TrainingSetStats,
    apply_mix,
    bpe_vocab_for,
    group_by_source,
    pretraining_texts,
    stats,
    training_text,
)
from engine.corpus.pipeline import clean_mix
from engine.corpus.sources import (
    CORPUS_TITLES,
    SOURCES,
    bundled_corpus,
    generate_source,
    made_up_corpus,
)
from engine.corpus.style import forum_marker_rate
from engine.corpus.userfiles import USER_SOURCE, UserTextError, load_user_texts

__all__ = [
    "CORPUS_TITLES",
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
    "bpe_vocab_for",
    "bundled_corpus",
    "clean_mix",
    "curate",
    "describe_heldout",
    "forum_marker_rate",
    "generate_source",
    "group_by_source",
    "group_of",
    "load_user_texts",
    "made_up_corpus",
    "pretraining_texts",
    "split_documents",
    "stats",
    "training_text",
]
