"""Character tokenizer: one token per character seen in training."""

from __future__ import annotations

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


class CharTokenizer(ListedTokenizer):
    """One id per character. The simplest tokenizer: tiny vocabulary, long sequences.

    The alphabet is closed: a character never seen in training cannot be encoded.
    """

    name = "char"
    title = "Characters (character-level)"

    def __init__(self, alphabet: Sequence[str]) -> None:
        chars = list(alphabet)
        if any(len(c) != 1 for c in chars):
            raise TokenizerError("A character tokenizer's alphabet must be single characters.")
        if len(set(chars)) != len(chars):
            raise TokenizerError("A character tokenizer's alphabet has repeated characters.")
        super().__init__(chars)

    @classmethod
    def train(cls, texts: Iterable[str] | str) -> CharTokenizer:
        """Every distinct character of `texts`, in sorted order (deterministic).

        Space, newline and tab are always included, as in the word tokenizer, so
        that laying out a text differently never makes it unencodable.
        """
        seen: set[str] = set(SPACING_TOKENS)
        for text in as_text_list(texts):
            # Special strings in the data are tokens of their own, not characters.
            for part in split_specials(text):
                if part not in SPECIAL_TOKENS:
                    seen.update(part)
        return cls(sorted(seen))

    @property
    def alphabet(self) -> list[str]:
        """The ordinary characters, in id order."""
        return self._tokens[len(SPECIAL_TOKENS) :]

    def _encode_ordinary(self, text: str) -> list[int]:
        ids = self._ids
        try:
            return [ids[c] for c in text]
        except KeyError:
            unknown = list(dict.fromkeys(c for c in text if c not in ids))
            raise TokenizerError("", unknown) from None

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        return [self.id_to_token(i) for i in ids]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.name, "alphabet": "".join(self.alphabet)}

    @classmethod
    def _from_dict(cls, d: dict[str, Any]) -> CharTokenizer:
        return cls(list(d["alphabet"]))
