"""What the Embeddings panel's neighbour list says: measured rows and one verdict sentence.

No widgets here: the rows come from the live model (through the controller) or from a
past frame of the map, and the verdict is worded from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.pretraining.projection import cosine_neighbours
from gui.i18n import translate
from gui.panels.pretraining.engine_texts import ENGINE_MESSAGES, shown
from gui.panels.pretraining.numbers import decimal

K = 8  # neighbours listed (and lines drawn)

# The article's examples: a word and the partners it should sit near.
ARTICLE_PRESETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sea", ("waters",)),
    ("climate", ("wind", "ice")),
    ("territory", ("area",)),
    ("king", ("queen",)),
    ("apples", ("oranges",)),
)


def _measured_presets() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Presets picked by scripts/pick_embedding_presets.py on the shipped model: words
    whose partner (the word the books use most alike) was measured, hits and misses."""
    from engine.corpus.showcase import embedding_presets  # a small JSON file

    return tuple((p["word"], tuple(p["expected"])) for p in embedding_presets())


PRESETS: tuple[tuple[str, tuple[str, ...]], ...] = _measured_presets() or ARTICLE_PRESETS
PARTNERS = dict(PRESETS)
OPENING_WORD = "sea"


@dataclass(frozen=True)
class NeighbourRow:
    rank: int
    word: str
    similarity: float
    on_map: bool


@dataclass(frozen=True)
class NeighbourListing:
    """What the neighbour list shows: whose neighbours, measured when and how."""

    word: str
    rows: tuple[NeighbourRow, ...]
    source: str  # "live" (the model now, full vocabulary) | "replay" (a past frame's map words)
    message: str = ""  # why there are no rows
    verdict: str = ""  # the sentence under the search box


def quoted(word: str) -> str:
    """A word of the model in the quotation marks of the chosen language."""
    return translate("Neighbours", "“{word}”").format(word=word)


def verdict_for(word: str, rows: tuple[NeighbourRow, ...], k: int = K) -> str:
    """One measured sentence: where the expected partners rank, or who is nearest."""
    if not rows:
        return ""
    rank = {r.word: r for r in rows}
    partners = PARTNERS.get(word, ())
    if partners:
        found = [rank[p] for p in partners if p in rank]
        missing = [p for p in partners if p not in rank]
        parts = [translate("Neighbours", "{partner} is neighbour #{rank} of {word} (cosine {cosine})")
                 if n == 0 else translate("Neighbours", "{partner} is #{rank} ({cosine})")
                 for n in range(len(found))]
        text = translate("Neighbours", " and ").join(
            part.format(partner=quoted(r.word), rank=r.rank, word=quoted(word),
                        cosine=decimal(r.similarity, 2)) for part, r in zip(parts, found, strict=True))
        if missing:
            if len(missing) == 1:
                gap = translate("Neighbours", "{partner} is not among the {k} nearest words of "
                                "{word}").format(partner=quoted(missing[0]), k=k, word=quoted(word))
            else:
                gap = translate("Neighbours", "neither {partners} is among the {k} nearest words "
                                "of {word}").format(
                    partners=translate("Neighbours", " nor ").join(map(quoted, missing)), k=k,
                    word=quoted(word))
            if text:
                text = translate("Neighbours", "{found}; {missing}").format(found=text, missing=gap)
            else:
                text = gap[0].upper() + gap[1:]
        return text + "."
    first = rows[0]
    return translate("Neighbours", "The nearest word to {word} is {nearest} (cosine {cosine}).").format(
        word=quoted(word), nearest=quoted(first.word), cosine=decimal(first.similarity, 2))


def listing_from_snapshot(snap, word: str) -> NeighbourListing:
    """The neighbours of `word` among a past frame's map words (replaying the past)."""
    if snap.index_of(word) is None:
        return NeighbourListing(word, (), "replay", translate(
            "Neighbours", "{word} is not on the map at this moment.").format(word=quoted(word)))
    found = cosine_neighbours(snap, word, K)
    rows = tuple(NeighbourRow(r + 1, snap.words[j], s, True) for r, (j, s) in enumerate(found))
    return NeighbourListing(word, rows, "replay", verdict=verdict_for(word, rows))


def listing_from_model(word: str, found: list, message: str, on_map: set[int]) -> NeighbourListing:
    """The live model's neighbours of `word` (the whole vocabulary); `on_map`: token ids drawn."""
    rows = tuple(NeighbourRow(n.rank, n.token, float(n.similarity), n.token_id in on_map) for n in found)
    return NeighbourListing(word, rows, "live", shown(ENGINE_MESSAGES, message),
                            verdict_for(word, rows) if rows else "")
