"""The mix: which share of each source goes into the training text.

A model sounds like what it reads. The mix lets a person decide that: all of the
encyclopedia and the stories, a little of the forum, or the forum alone.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from engine.corpus.sources import SOURCES, Document
from engine.corpus.userfiles import USER_SOURCE


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
        """The bundled mix: the clean sources, the quiz sheets and a little of the forum."""
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
    """The documents as one text, a blank line between two documents."""
    return "\n\n".join(d.text for d in docs)


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
