"""The tokenizer interface shared by the character, word and BPE tokenizers.

A tokenizer turns text into a list of integer ids (and back). All three kinds
reserve the same four special tokens at ids 0..3 *before* pre-training, so the
chat format used by fine-tuning needs no new rows in the embedding table.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

SPECIAL_TOKENS: tuple[str, ...] = ("<pad>", "<user>", "<assistant>", "<end>")

# Whitespace the character and word tokenizers always know, seen in training or
# not, so that laying a text out differently never makes it unencodable.
SPACING_TOKENS: tuple[str, ...] = (" ", "\n", "\t")

# Ids of the special tokens: every tokenizer puts them first, in this order.
PAD, USER, ASSISTANT, END = range(len(SPECIAL_TOKENS))

# One alternation of the special strings, longest first so that no special can
# shadow a longer one that starts with it. The group keeps them in re.split output.
_SPECIAL_SPLIT = re.compile(
    "(" + "|".join(re.escape(s) for s in sorted(SPECIAL_TOKENS, key=len, reverse=True)) + ")"
)


class TokenizerError(ValueError):
    """Text that a tokenizer cannot encode, with a message a person can read.

    `unknown` lists the offending pieces (characters or words) in order of first
    appearance, so a panel can highlight them.
    """

    def __init__(self, message: str, unknown: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.unknown: tuple[str, ...] = tuple(unknown)


def not_unicode(text: str) -> bool:
    """True for text holding a lone surrogate (the BPE library refuses it with TypeError)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def not_unicode_error(text: str) -> TokenizerError:
    """The error for text holding a lone surrogate (what undecodable bytes become, e.g. in
    command-line arguments): it is not Unicode text, so no tokenizer can encode it."""
    for i, ch in enumerate(text):
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return TokenizerError(
                f"The text is not valid Unicode at character {i + 1} ({ch!r}, left by bytes "
                "that are not UTF-8). Save or type the text as UTF-8.", [ch])
    return TokenizerError("The text cannot be encoded: it is not valid Unicode.")


def split_specials(text: str) -> list[str]:
    """Split `text` into ordinary segments and special-token strings, in order.

    Empty segments are dropped; "".join(result) == text always holds.
    """
    return [part for part in _SPECIAL_SPLIT.split(text) if part]


def as_text_list(texts: Iterable[str] | str) -> list[str]:
    """Accept one string or many; a bare string must not be iterated per character."""
    if isinstance(texts, str):
        return [texts]
    return list(texts)


def unknown_message(kind: str, unknown: Sequence[str], limit: int = 5) -> str:
    """A readable message naming the first few pieces a closed vocabulary lacks."""
    noun = {"char": "character"}.get(kind, kind)
    shown = ", ".join(repr(u) for u in unknown[:limit])
    more = f" and {len(unknown) - limit} more" if len(unknown) > limit else ""
    return f"The {noun} tokenizer has never seen {shown}{more}: it is not in its vocabulary."


class Tokenizer(ABC):
    """Text <-> ids. Subclasses set `name` and implement the ordinary-text parts.

    `encode` recognises the special token strings anywhere in the text; the rest
    is handed to `_encode_ordinary`. Tokens are referred to in two forms:
    - the *vocabulary* form (`vocabulary()`, `id_to_token`, `token_to_id`), the
      tokenizer's own spelling, e.g. BPE's byte-level "Ġcat" or the word " cat";
    - the *display* form (`token_strings`), readable text for a coloured chip.
    """

    name: ClassVar[str]
    # A title for people, with the technical term beside it.
    title: ClassVar[str]
    _registry: ClassVar[dict[str, type[Tokenizer]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            Tokenizer._registry[cls.name] = cls

    # -- encoding -----------------------------------------------------------

    def encode(self, text: str) -> list[int]:
        """Ids of `text`; raises TokenizerError for text the vocabulary cannot cover."""
        special_ids = {s: i for i, s in enumerate(SPECIAL_TOKENS)}
        ids: list[int] = []
        unknown: list[str] = []
        for part in split_specials(text):
            if part in special_ids:
                ids.append(special_ids[part])
                continue
            try:
                ids.extend(self._encode_ordinary(part))
            except TokenizerError as err:
                unknown.extend(u for u in err.unknown if u not in unknown)
        if unknown:
            raise TokenizerError(unknown_message(self.name, unknown), unknown)
        return ids

    def encode_batch(self, texts: Iterable[str]) -> list[list[int]]:
        """Encode many texts (subclasses may do it faster)."""
        return [self.encode(t) for t in texts]

    @abstractmethod
    def _encode_ordinary(self, text: str) -> list[int]:
        """Encode text that contains no special token string."""

    @abstractmethod
    def decode(self, ids: Iterable[int]) -> str:
        """The text of `ids`; decode(encode(text)) == text for every accepted text."""

    @abstractmethod
    def token_strings(self, ids: Iterable[int]) -> list[str]:
        """Readable text of each token, one string per id, for display."""

    # -- vocabulary ---------------------------------------------------------

    @property
    @abstractmethod
    def vocab_size(self) -> int:
        """Number of ids, special tokens included."""

    @abstractmethod
    def vocabulary(self) -> dict[str, int]:
        """Every token in its vocabulary form, mapped to its id."""

    @abstractmethod
    def id_to_token(self, i: int) -> str:
        """The vocabulary form of id `i` (IndexError if out of range)."""

    @abstractmethod
    def token_to_id(self, s: str) -> int | None:
        """The id of a token given in vocabulary form, or None."""

    # -- serialisation (checkpoints are safetensors + JSON, never pickle) ----

    @abstractmethod
    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable description; must contain "kind": self.name."""

    @classmethod
    @abstractmethod
    def _from_dict(cls, d: dict[str, Any]) -> Tokenizer:
        """Rebuild from `to_dict()` output (the kind is already checked)."""

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Tokenizer:
        """Rebuild any tokenizer from its `to_dict()`, dispatching on d["kind"]."""
        # subtle: the three kinds are registered by the time anyone can call this: importing
        # this module (engine.tokenizers.base) first runs the package's __init__, which
        # imports every kind.
        if not isinstance(d, dict) or "kind" not in d:
            raise TokenizerError("This is not a saved tokenizer: it has no 'kind' field.")
        kind = d["kind"]
        cls = Tokenizer._registry.get(kind) if isinstance(kind, str) else None
        if cls is None:
            known = ", ".join(sorted(Tokenizer._registry))
            shown = repr(kind) if len(repr(kind)) <= 40 else repr(kind)[:39] + "…"
            raise TokenizerError(f"Unknown tokenizer kind {shown} (known kinds: {known}).")
        try:
            return cls._from_dict(d)
        except TokenizerError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError,
                RecursionError) as err:
            detail = str(err) if len(str(err)) <= 120 else str(err)[:119] + "…"
            raise TokenizerError(f"The saved {kind} tokenizer is damaged: {detail}") from None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(vocab_size={self.vocab_size})"


class ListedTokenizer(Tokenizer):
    """A tokenizer whose vocabulary is a plain list: the specials, then its own tokens.

    The character and word tokenizers are both closed lists; the vocabulary lookups
    and decoding are the same for both, so they live here once.
    """

    def __init__(self, ordinary: Sequence[str]) -> None:
        self._tokens: list[str] = [*SPECIAL_TOKENS, *ordinary]
        self._ids: dict[str, int] = {t: i for i, t in enumerate(self._tokens)}

    def decode(self, ids: Iterable[int]) -> str:
        return "".join(self.id_to_token(i) for i in ids)

    @property
    def vocab_size(self) -> int:
        return len(self._tokens)

    def vocabulary(self) -> dict[str, int]:
        return dict(self._ids)

    def id_to_token(self, i: int) -> str:
        if not 0 <= i < len(self._tokens):
            raise IndexError(
                f"Token id {i} is outside the vocabulary (0..{len(self._tokens) - 1})."
            )
        return self._tokens[i]

    def token_to_id(self, s: str) -> int | None:
        return self._ids.get(s)
