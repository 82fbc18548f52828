"""Which words the model has read: to tell a real word from a made-up one.

A small model that writes one sub-word piece at a time can glue pieces into words that
exist nowhere ("rulums", "buror"). `KnownWords` is the set of every word in the text
the model was trained on (the pre-training documents and the fine-tuning pairs), and
`non_words` lists the words of an output that are not in it. A word is a run of
letters, with an apostrophe inside allowed ("ship's"), compared in lower case; digits
and punctuation are not words and are not counted.

The non-word share of some outputs is (non-words) / (words) over all of them together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def words_of(text: str) -> list[str]:
    """The words of `text`, lower-cased, in order ("The ship's boat." -> the, ship's, boat)."""
    return _WORD.findall(text.lower())


@dataclass(frozen=True)
class KnownWords:
    """Every word of the training text (lower case)."""

    words: frozenset[str]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> KnownWords:
        found: set[str] = set()
        for text in texts:
            found.update(words_of(text))
        return cls(frozenset(found))

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words

    def non_words(self, text: str) -> tuple[str, ...]:
        """The words of `text` that never occur in the training text, in order."""
        return tuple(w for w in words_of(text) if w not in self.words)


def non_word_share(known: KnownWords, texts: Iterable[str]) -> float:
    """(words not in `known`) / (all words) over `texts`; NaN when there are no words."""
    total = unknown = 0
    for text in texts:
        ws = words_of(text)
        total += len(ws)
        unknown += sum(w not in known.words for w in ws)
    return unknown / total if total else float("nan")
