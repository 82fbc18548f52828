"""Byte-pair encoding (BPE), trained with the HuggingFace `tokenizers` library.

Byte-level BPE, as in GPT-2: text is first turned into bytes, each byte shown as
one printable character (a space becomes "Ġ", a newline "Ċ"), then the most
frequent adjacent pair is merged into a new token, again and again, until the
vocabulary is full. Since all 256 bytes are in the vocabulary, any text at all
can be encoded, and decode(encode(text)) == text.

The merge list is exposed in training order, and `MergeReplay` replays it in pure
Python on a sample text so a panel can animate training merge by merge.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
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

DEFAULT_BPE_VOCAB = 2048
# Smallest useful vocabulary: the specials plus one token per byte.
MIN_BPE_VOCAB = len(SPECIAL_TOKENS) + 256

Pair = tuple[str, str]

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


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte -> printable character table (the one ByteLevel uses).

    Printable Latin-1 bytes stand for themselves; the others (space, control
    bytes, ...) are moved to code points from 256 up, so none is invisible.
    """
    keep = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    table = {b: chr(b) for b in keep}
    extra = 0
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + extra)
            extra += 1
    return table


BYTE_TO_CHAR: dict[int, str] = _bytes_to_unicode()
CHAR_TO_BYTE: dict[str, int] = {c: b for b, c in BYTE_TO_CHAR.items()}


def _hex_bytes(err: UnicodeError) -> tuple[str, int]:
    # A token may hold only part of a multi-byte character (an emoji is 4 bytes);
    # show those bytes as <0xF0>, the notation byte-fallback vocabularies use.
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return "".join(f"<0x{b:02X}>" for b in bad), err.end


codecs.register_error("three_pillars_hex_bytes", _hex_bytes)


def piece_bytes(piece: str) -> bytes:
    """The raw bytes of a byte-level piece ("Ġcat" -> b" cat")."""
    try:
        return bytes(CHAR_TO_BYTE[c] for c in piece)
    except KeyError as err:
        raise TokenizerError(f"{piece!r} is not a byte-level BPE piece.") from err


def display_piece(piece: str) -> str:
    """Readable text of a byte-level piece: "Ġcat" -> " cat"; partial UTF-8 as <0xF0>."""
    return piece_bytes(piece).decode("utf-8", errors="three_pillars_hex_bytes")


def _merge_pair(pieces: list[str], pair: Pair) -> list[str]:
    """Merge every occurrence of `pair`, left to right (as the library does)."""
    a, b = pair
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if i + 1 < len(pieces) and pieces[i] == a and pieces[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(pieces[i])
            i += 1
    return out


def merge_ranks(merges: Sequence[Pair]) -> dict[Pair, int]:
    """Pair -> its position in the merge list (the earlier, the stronger)."""
    ranks: dict[Pair, int] = {}
    for i, pair in enumerate(merges):
        ranks.setdefault(tuple(pair), i)  # type: ignore[arg-type]
    return ranks


def apply_merges(
    pieces: Sequence[str],
    merges_prefix: Sequence[Pair] | Mapping[Pair, int],
    limit: int | None = None,
) -> list[str]:
    """Encode one pre-tokenized word with a merge list, in pure Python.

    `pieces` are the word's byte-level characters (list("Ġheadache")); the result is
    its BPE pieces. Like the real encoder, it repeatedly merges the adjacent pair
    that was learned earliest. `merges_prefix` may be the first n merges (the state
    of training after n steps) or a precomputed `merge_ranks` table, in which case
    `limit` keeps only ranks below it.
    """
    ranks = merges_prefix if isinstance(merges_prefix, Mapping) else merge_ranks(merges_prefix)
    cutoff = math.inf if limit is None else limit
    out = list(pieces)
    while len(out) > 1:
        best_rank, best_pair = math.inf, None
        for pair in zip(out, out[1:], strict=False):
            r = ranks.get(pair, math.inf)
            if r < best_rank and r < cutoff:
                best_rank, best_pair = r, pair
        if best_pair is None:
            break
        out = _merge_pair(out, best_pair)
    return out


@dataclass(frozen=True)
class MergeStep:
    """One merge of training that changed the sample text.

    `step` counts merges learned so far (1 = the first merge); `pieces_after` is how
    many pieces the whole sample is in once this merge is applied.
    """

    step: int
    pair: Pair
    token: str
    pieces_after: int

    @property
    def display(self) -> tuple[str, str, str]:
        """(left, right, merged) as readable text, e.g. (" he", "ad", " head")."""
        return display_piece(self.pair[0]), display_piece(self.pair[1]), display_piece(self.token)


class MergeReplay:
    """Replays a BPE merge list on a sample text, step by step, for the animation.

    Built from the sample's byte-level words (see `BPETokenizer.byte_level_words`).
    `steps` lists only the merges that change the sample, in training order;
    `pieces_at(n)` is the sample after the first n merges. Meant for a sample of a
    few thousand characters, not the whole corpus.
    """

    def __init__(self, words: Sequence[str], merges: Sequence[Pair]) -> None:
        self.words: list[str] = list(words)
        self.merges: list[Pair] = [tuple(m) for m in merges]  # type: ignore[misc]
        self._ranks = merge_ranks(self.merges)
        self.steps: list[MergeStep] = list(self._replay())

    def _replay(self) -> Iterator[MergeStep]:
        current = [list(w) for w in self.words]

        def pairs() -> set[Pair]:
            return {p for w in current for p in zip(w, w[1:], strict=False)}

        present = pairs()
        for i, pair in enumerate(self.merges):
            if pair not in present:
                continue
            current = [_merge_pair(w, pair) for w in current]
            present = pairs()
            yield MergeStep(i + 1, pair, pair[0] + pair[1], sum(len(w) for w in current))

    @property
    def initial_pieces(self) -> int:
        """Pieces before any merge: one per byte."""
        return sum(len(w) for w in self.words)

    def pieces_at(self, n: int) -> list[list[str]]:
        """Each word's byte-level pieces after the first `n` merges."""
        return [apply_merges(list(w), self._ranks, limit=n) for w in self.words]

    def display_at(self, n: int) -> list[list[str]]:
        """`pieces_at(n)` as readable text."""
        return [[display_piece(p) for p in w] for w in self.pieces_at(n)]


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
        return self._hf.decode(ids, skip_special_tokens=False)

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
