"""The mix: which share of each source goes into the training text.

A model sounds like what it reads. The mix lets a person decide that: all of the
books, the plays alone, or (in the made-up world) a little of the forum.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from engine.corpus.document import Document
from engine.corpus.sources import LIBRARY_SOURCES, SOURCES
from engine.corpus.userfiles import USER_SOURCE
from engine.tokenizers.base import END, SPECIAL_TOKENS

END_OF_TEXT = SPECIAL_TOKENS[END]  # "<end>": the token that closes every document


@dataclass(frozen=True)
class Mix:
    """For each source, the share of its documents that goes into training:
    1.0 takes all of them, 0.5 half, 0.0 leaves the source out.

    A source the mix does not name is left out.
    """

    weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.weights, Mapping):
            raise TypeError("A mix needs a share for each source, for example {'news': 0.5}.")
        for name, share in self.weights.items():
            if not isinstance(name, str) or not name:
                raise ValueError(f"Each source in the mix needs a name, got {name!r}.")
            if isinstance(share, bool) or not isinstance(share, (int, float)):
                raise TypeError(
                    f"The share of {name!r} must be a number between 0 and 1, got {share!r}."
                )
            if not 0.0 <= share <= 1.0:  # also rejects NaN
                raise ValueError(
                    f"The share of {name!r} must be between 0 (leave it out) and 1 (take all "
                    f"of it), got {share}."
                )
        if not any(share > 0 for share in self.weights.values()):
            raise ValueError("The mix leaves every source out: give at least one source a share above 0.")
        # Frozen, and safe from the caller changing the dict afterwards.
        object.__setattr__(self, "weights", {k: float(v) for k, v in self.weights.items()})

    @classmethod
    def default(cls) -> Mix:
        """The default mix: every book of the library (and the person's own text)."""
        return cls({**{s.name: 1.0 for s in LIBRARY_SOURCES}, USER_SOURCE: 1.0})

    @classmethod
    def made_up(cls) -> Mix:
        """The made-up world's mix: the clean sources, the quiz sheets and a little of the
        forum (and the person's own text)."""
        return cls({"encyclopedia": 1.0, "stories": 1.0, "news": 1.0, "quiz": 0.6,
                    "forum": 0.15, USER_SOURCE: 1.0})

    @classmethod
    def only(cls, name: str) -> Mix:
        """All of one source and nothing else (for example the forum alone)."""
        return cls({name: 1.0})

    def share(self, name: str) -> float:
        return self.weights.get(name, 0.0)


def group_by_source(docs: Iterable[Document]) -> dict[str, list[Document]]:
    """Documents by source name, in the order they first appear (for mixing curated text)."""
    out: dict[str, list[Document]] = {}
    for d in docs:
        out.setdefault(d.source, []).append(d)
    return out


def apply_mix(corpus: Mapping[str, Sequence[Document]], mix: Mix, seed: int = 0) -> list[Document]:
    """The training documents: a seeded sample of each source at its share, shuffled
    together so that every stretch of the training text holds every source.

    The same corpus, mix and seed always give the same list.
    """
    chosen: list[Document] = []
    order = [info.name for info in SOURCES if info.name in corpus]
    order += sorted(name for name in corpus if name not in order)
    for name in order:
        if mix.share(name) == 0.0:
            continue  # never read: a corpus the mix leaves out is not even loaded
        docs = corpus[name]
        n = round(mix.share(name) * len(docs))
        if n == 0:
            continue
        rng = random.Random(f"mix:{name}:{seed}")
        picked = sorted(rng.sample(range(len(docs)), n))  # keep the source's own order
        chosen.extend(docs[i] for i in picked)
    random.Random(f"shuffle:{seed}").shuffle(chosen)
    return chosen


def training_text(docs: Iterable[Document]) -> str:
    """The documents as one text to read, a blank line between two documents."""
    return "\n\n".join(d.text for d in docs)


def pretraining_texts(docs: Iterable[Document]) -> list[str]:
    """Each document followed by the end-of-text token, as the model reads them.

    Real pre-training puts an end-of-text token between documents, so the model learns
    where a text stops (and a base model can stop too); ``<end>`` is the same token the
    chat format uses to end an answer.
    """
    return [d.text + END_OF_TEXT for d in docs]


LIBRARY_BPE_VOCAB = 4096  # measured: sea, waters, ocean, queen, dog, ice, river... whole
MADE_UP_BPE_VOCAB = 2048  # the made-up world has 1,341 words; its "head"+"ache" lesson needs 2,048


def bpe_vocab_for(mix: Mix) -> int:
    """The BPE vocabulary size for a mix: bigger for real books, whose words are many."""
    uses_library = any(mix.share(s.name) > 0 for s in LIBRARY_SOURCES)
    return LIBRARY_BPE_VOCAB if uses_library else MADE_UP_BPE_VOCAB


@dataclass(frozen=True)
class TrainingSetStats:
    """The size of a training set: documents, words, and characters of ``training_text``."""

    documents: int
    words: int
    characters: int


def stats(docs: Sequence[Document]) -> TrainingSetStats:
    return TrainingSetStats(
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        characters=sum(len(d.text) for d in docs) + 2 * max(len(docs) - 1, 0),
    )
