"""Word tokenizer: words and punctuation marks as tokens, contractions split.

Each word token carries the single space in front of it (" cat"), the way GPT-2's
tokens do, so that joining the tokens gives back the exact text. Any other
whitespace (a newline, a second space) is a token of its own, one character each,
so spacing never makes a text unencodable; unknown *words* do: a word-level
vocabulary is closed, which is the point this tokenizer is here to show.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from engine.tokenizers.base import (
    SPACING_TOKENS,
    SPECIAL_TOKENS,
    ListedTokenizer,
    TokenizerError,
    as_text_list,
    split_specials,
)

# Alternatives are tried in order at each position, so every character of any
# text lands in exactly one piece (word characters, punctuation or whitespace).
_PIECES = re.compile(
    r"""
      [ ]?[^\W\d_]+(?=n['’]t\b)        # the stem before n't: "did" of "didn't", "ca" of "can't"
    | n['’]t\b                         # the treebank's "n't"
    | ['’](?:s|m|d|ll|re|ve)\b         # 's 'm 'd 'll 're 've: "it's" -> "it" + "'s"
    | [ ]?\w+                          # a word or a number, with its leading space
    | [ ]?[^\w\s]                      # one punctuation mark, with its leading space
    | \s                               # any other whitespace, one character at a time
    """,
    re.VERBOSE | re.IGNORECASE,
)


def split_words(text: str) -> list[str]:
    """Split text into word-tokenizer pieces; "".join(split_words(t)) == t.

    >>> split_words("I didn't see the cat's hat.")
    ['I', ' did', "n't", ' see', ' the', ' cat', "'s", ' hat', '.']
    """
    return _PIECES.findall(text)


def display_word(piece: str) -> str:
    """A piece as a chip shows it: the leading space dropped, bare spacing kept."""
    if piece.startswith(" ") and len(piece) > 1:
        return piece[1:]
    return piece


class WordTokenizer(ListedTokenizer):
    """One id per word, punctuation mark or contraction part seen in training.

    A closed vocabulary: encoding a word it has never seen raises TokenizerError
    naming the word (there is no `<unk>` token, so decode(encode(t)) == t holds for
    every accepted text).
    """

    name = "word"
    title = "Words (word-level)"

    def __init__(self, tokens: Sequence[str]) -> None:
        ordinary = [t for t in tokens if t not in SPECIAL_TOKENS]
        if len(set(ordinary)) != len(ordinary):
            raise TokenizerError("A word tokenizer's vocabulary has repeated entries.")
        super().__init__(ordinary)

    @classmethod
    def train(cls, texts: Iterable[str] | str, vocab_size: int | None = None) -> WordTokenizer:
        """Keep the most frequent pieces of `texts` (all of them if vocab_size is None).

        vocab_size counts the special and spacing tokens too. Ties in frequency are
        broken alphabetically so that training is deterministic.
        """
        reserved = len(SPECIAL_TOKENS) + len(SPACING_TOKENS)
        if vocab_size is not None and vocab_size <= reserved:
            raise ValueError(f"vocab_size must be more than {reserved} (the reserved tokens).")
        counts: Counter[str] = Counter()
        for text in as_text_list(texts):
            for part in split_specials(text):
                if part not in SPECIAL_TOKENS:
                    counts.update(split_words(part))
        for t in SPACING_TOKENS:
            counts.pop(t, None)
        ranked = sorted(counts, key=lambda t: (-counts[t], t))
        if vocab_size is not None:
            ranked = ranked[: vocab_size - reserved]
        return cls([*SPACING_TOKENS, *ranked])

    def _encode_ordinary(self, text: str) -> list[int]:
        ids = self._ids
        pieces = split_words(text)
        try:
            return [ids[p] for p in pieces]
        except KeyError:
            unknown = list(dict.fromkeys(display_word(p) for p in pieces if p not in ids))
            raise TokenizerError("", unknown) from None

    def unknown_words(self, text: str) -> list[str]:
        """The words of `text` outside the vocabulary (display form, first-seen order)."""
        found: list[str] = []
        for part in split_specials(text):
            if part in SPECIAL_TOKENS:
                continue
            for p in split_words(part):
                w = display_word(p)
                if p not in self._ids and w not in found:
                    found.append(w)
        return found

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        return [display_word(self.id_to_token(i)) for i in ids]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.name, "tokens": self._tokens[len(SPECIAL_TOKENS) :]}

    @classmethod
    def _from_dict(cls, d: dict[str, Any]) -> WordTokenizer:
        tokens = d["tokens"]
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            raise ValueError("'tokens' must be a list of strings")
        return cls(tokens)
