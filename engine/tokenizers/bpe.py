"""Byte-pair encoding (BPE), trained with the HuggingFace `tokenizers` library.

Byte-level BPE, as in GPT-2: text is first turned into bytes, each byte shown as
one printable character (a space becomes "Ġ", a newline "Ċ"), then the most
frequent adjacent pair is merged into a new token, again and again, until the
vocabulary is full. Since all 256 bytes are in the vocabulary, any text at all
can be encoded, and decode(encode(text)) == text.

The merge list is exposed in training order, and `MergeReplay` (in byte_pieces.py)
replays it in pure Python on a sample text so a panel can animate training merge by merge.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from tokenizers import Tokenizer as HFTokenizer
from tokenizers import decoders, models, pre_tokenizers, trainers

from engine.tokenizers.base import (
    SPECIAL_TOKENS,
    Tokenizer,
    TokenizerError,
    as_text_list,
    not_unicode,
    not_unicode_error,
    split_specials,
)
from engine.tokenizers.byte_pieces import MergeReplay, Pair, display_piece, piece_bytes

DEFAULT_BPE_VOCAB = 2048
# Smallest useful vocabulary: the specials plus one token per byte.
MIN_BPE_VOCAB = len(SPECIAL_TOKENS) + 256

# Texts longer than this are encoded in chunks (see `split_for_encoding`).
CHUNK_CHARS = 8_192
# A newline between two non-space characters: the byte-level pre-tokenizer (GPT-2's
# pattern) always ends a piece after such a newline and starts one after it, so
# cutting there gives the same tokens as encoding the whole text.
_SAFE_CUT = re.compile(r"(?<=\S\n)(?=\S)")


def split_for_encoding(text: str, chunk_chars: int = CHUNK_CHARS) -> list[str]:
    """Cut `text` into pieces of about `chunk_chars` or more, only at safe cut points.

    "".join(result) == text, and encoding the pieces one by one gives the same ids
    as encoding the whole. A text with no safe cut point stays in one piece.
    """
    if len(text) <= chunk_chars:
        return [text]
    pieces, start = [], 0
    for m in _SAFE_CUT.finditer(text, chunk_chars):
        cut = m.start()
        if cut - start >= chunk_chars:
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return pieces


class BPETokenizer(Tokenizer):
    """Byte-level BPE: subword tokens learned from the corpus by merging frequent pairs.

    Wraps a HuggingFace `tokenizers.Tokenizer`; the special tokens hold ids 0..3.
    Vocabulary form is byte-level ("Ġcat"); `token_strings` gives display text (" cat").
    """

    name = "bpe"
    title = "Subwords (byte-pair encoding, BPE)"

    def __init__(self, hf: HFTokenizer) -> None:
        for i, s in enumerate(SPECIAL_TOKENS):
            if hf.token_to_id(s) != i:
                raise TokenizerError(f"This BPE tokenizer does not hold {s!r} at id {i}.")
        self._hf = hf

    @classmethod
    def train(cls, texts: Iterable[str] | str, vocab_size: int = DEFAULT_BPE_VOCAB) -> BPETokenizer:
        """Learn merges from `texts` until the vocabulary holds `vocab_size` tokens.

        Deterministic: the same texts give the same merges.
        """
        if vocab_size < MIN_BPE_VOCAB:
            raise ValueError(f"vocab_size must be at least {MIN_BPE_VOCAB} (specials + 256 bytes).")
        hf = HFTokenizer(models.BPE())
        # No prefix space: " cat" and "cat" stay different tokens, and text round-trips.
        hf.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        hf.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=vocab_size,
            special_tokens=list(SPECIAL_TOKENS),
            # All 256 bytes, seen or not, so any text can be encoded.
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            # A pair seen once is memorisation, not a pattern.
            min_frequency=2,
            show_progress=False,
        )
        # Special strings in the data are not text to learn merges from.
        segments = (
            part
            for text in as_text_list(texts)
            for part in split_specials(text)
            if part not in SPECIAL_TOKENS
        )
        hf.train_from_iterator(segments, trainer)
        return cls(hf)

    # -- encoding -------------------------------------------------------------

    def encode(self, text: str) -> list[int]:
        # The library recognises the special strings itself (they are added tokens).
        if len(text) <= CHUNK_CHARS:
            try:
                return self._hf.encode(text).ids
            except (TypeError, UnicodeEncodeError):  # a lone surrogate: not Unicode text
                raise not_unicode_error(text) from None
        return self.encode_batch([text])[0]

    def encode_batch(self, texts: Iterable[str], chunk_chars: int = CHUNK_CHARS) -> list[list[int]]:
        """Encode many texts; long ones are cut into chunks encoded in parallel.

        subtle: the library's time grows faster than linearly with the length of one
        string (5 MB took 7 s, against 2 s in 50 kB pieces), so long texts are cut at
        points where cutting provably changes nothing (see `split_for_encoding`).
        """
        texts = list(texts)
        chunked = [split_for_encoding(t, chunk_chars) for t in texts]
        flat = [c for chunks in chunked for c in chunks]
        try:
            encoded = iter(self._hf.encode_batch(flat))
        except (TypeError, UnicodeEncodeError):  # a lone surrogate in one of them
            raise not_unicode_error("".join(t for t in texts if not_unicode(t))) from None
        out = []
        for chunks in chunked:
            ids: list[int] = []
            for _ in chunks:
                ids.extend(next(encoded).ids)
            out.append(ids)
        return out

    def _encode_ordinary(self, text: str) -> list[int]:
        return self.encode(text)

    def decode(self, ids: Iterable[int]) -> str:
        ids = list(ids)
        n = self.vocab_size
        for i in ids:
            if not 0 <= i < n:
                raise IndexError(f"Token id {i} is outside the vocabulary (0..{n - 1}).")
        text = self._hf.decode(ids, skip_special_tokens=False)
        if "\ufffd" in text:  # rare: bytes that are no whole character (see _whole_characters)
            return self._whole_characters(ids)
        return text

    def _whole_characters(self, ids: list[int]) -> str:
        """The text of `ids` without bytes that form no whole character.

        A byte-level model can write the first byte of "’" (three bytes) and then
        something else, or stop there: the library shows such bytes as "�" ("it�").
        They are no text, so they are left out; a real "�" in the text (three whole
        bytes) stays.
        """
        parts: list[str] = []
        run = bytearray()
        for i in ids:
            if i < len(SPECIAL_TOKENS):
                parts.append(run.decode("utf-8", errors="ignore"))
                run.clear()
                parts.append(self.id_to_token(i))
            else:
                run += piece_bytes(self.id_to_token(i))
        parts.append(run.decode("utf-8", errors="ignore"))
        return "".join(parts)

    def token_strings(self, ids: Iterable[int]) -> list[str]:
        out = []
        for i in ids:
            tok = self.id_to_token(i)
            out.append(tok if i < len(SPECIAL_TOKENS) else display_piece(tok))
        return out

    def byte_level_words(self, text: str) -> list[str]:
        """The pre-tokenized words of `text` in byte-level form ("Ġcat"), specials left out.

        These are the units BPE merges inside (no merge crosses a word boundary).
        """
        pre = self._hf.pre_tokenizer
        if not_unicode(text):
            raise not_unicode_error(text)
        return [
            piece
            for part in split_specials(text)
            if part not in SPECIAL_TOKENS
            for piece, _ in pre.pre_tokenize_str(part)
        ]

    def replay(self, sample_text: str) -> MergeReplay:
        """A `MergeReplay` of this tokenizer's training on `sample_text`."""
        return MergeReplay(self.byte_level_words(sample_text), self.merges)

    # -- words ----------------------------------------------------------------

    def word_token(self, word: str) -> int | None:
        """The id of " word" (with its leading space) if that is one token, else None."""
        ids = self.encode(" " + word)
        if len(ids) == 1 and ids[0] >= len(SPECIAL_TOKENS):
            return ids[0]
        return None

    def describe_split(self, word: str) -> list[str]:
        """The display pieces of " word", e.g. "headache" -> [" head", "ache"]."""
        return self.token_strings(self.encode(" " + word))

    @cached_property
    def merges(self) -> list[Pair]:
        """The learned merges in training order, as byte-level pairs ("Ġ", "c")."""
        raw = json.loads(self._hf.to_str())["model"]["merges"]
        # Older library versions store "a b" strings, newer ones [a, b] lists.
        return [tuple(m.split(" ", 1)) if isinstance(m, str) else (m[0], m[1]) for m in raw]

    # -- vocabulary -----------------------------------------------------------

    @property
    def vocab_size(self) -> int:
        return self._hf.get_vocab_size(with_added_tokens=True)

    def vocabulary(self) -> dict[str, int]:
        return self._hf.get_vocab(with_added_tokens=True)

    def id_to_token(self, i: int) -> str:
        tok = self._hf.id_to_token(i) if i >= 0 else None
        if tok is None:
            raise IndexError(f"Token id {i} is outside the vocabulary (0..{self.vocab_size - 1}).")
        return tok

    def token_to_id(self, s: str) -> int | None:
        return self._hf.token_to_id(s)

    @property
    def hf(self) -> HFTokenizer:
        """The underlying `tokenizers.Tokenizer` (the reference our tests compare to)."""
        return self._hf

    # -- serialisation --------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.name, "hf_json": self._hf.to_str()}

    @classmethod
    def _from_dict(cls, d: dict[str, Any]) -> BPETokenizer:
        try:
            hf = HFTokenizer.from_str(d["hf_json"])
        except KeyError:
            raise
        except Exception as err:  # the library raises a bare Exception on bad JSON
            raise TokenizerError(f"The saved BPE tokenizer cannot be read: {err}") from err
        return cls(hf)
