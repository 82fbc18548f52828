"""Byte-level pieces and BPE merges in pure Python: the part a panel animates.

GPT-2's byte -> printable character table (a space is shown as "Ġ"), the readable
form of a piece, and `MergeReplay`, which replays a learned merge list on a sample
text step by step. `engine/tokenizers/bpe.py` trains and encodes with the library;
this module never calls it, so the animation and the encoder can be compared.
"""

from __future__ import annotations

import codecs
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from engine.tokenizers.base import TokenizerError

Pair = tuple[str, str]

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
