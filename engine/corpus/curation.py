"""The cleaning pipeline (curation): filters that remove low-quality documents.

Each filter is a small function that looks at the documents still in the running
and says which ones to remove. They run in order, and each reports, in plain
words, what it removed, how many, and a few examples the Data panel shows
struck through. Curation never edits a document: it keeps it or drops it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from engine.corpus.document import Document

MIN_WORDS = 6  # shorter than this is a reply like "lol" or "+1", not text to learn from
MAX_WORDS = 400  # longer than any real paragraph: usually the same line pasted again and again
MAX_EXAMPLES = 5
NEAR_DUPLICATE_SIMILARITY = 0.7  # share of three-word phrases two documents have in common

# Mild, classroom-safe stand-ins for the insults a real filter would block.
BLOCKLIST: frozenset[str] = frozenset(
    {"idiot", "moron", "loser", "nitwit", "dimwit", "halfwit", "scumbag", "buffoon"}
)


@dataclass(frozen=True)
class FilterReport:
    """What one cleaning step did: its name, a plain description, how many documents it
    removed, up to five removed texts as examples, and the documents before and after."""

    name: str
    description: str
    removed: int
    examples: tuple[str, ...]
    documents_in: int = 0
    documents_out: int = 0
    unit: str = "documents"  # what ``removed`` counts: documents, lines, markers, line breaks


@dataclass(frozen=True)
class CurationResult:
    """The documents that survived every filter, and one report per filter, in order."""

    kept: list[Document]
    reports: list[FilterReport]

    @property
    def removed(self) -> int:
        return sum(r.removed for r in self.reports)


# A filter gets the surviving documents and returns, for each, True to remove it.
FilterFn = Callable[[Sequence[Document]], list[bool]]

class _Bytes:
    """All documents as one byte array, so a filter can look at every character of
    every document with a few numpy operations instead of a Python loop per character.

    Documents are separated by a NUL byte; ``starts[i]:ends[i]`` is document i.
    """

    def __init__(self, docs: Sequence[Document], lower: bool = False) -> None:
        encoded = [d.text.encode("utf-8", "replace") for d in docs]
        joined = b"\0".join(encoded)
        self.data = np.frombuffer(joined.lower() if lower else joined, dtype=np.uint8)
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        self.starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
        self.ends = self.starts + lengths

    def count(self, mask: np.ndarray) -> np.ndarray:
        """How many positions of each document the boolean ``mask`` marks."""
        cs = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
        return cs[np.minimum(self.ends, len(mask))] - cs[np.minimum(self.starts, len(mask))]


def _byte_table(chars: str, extra_high: bool = False) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[list(chars.encode())] = True
    if extra_high:
        table[128:] = True  # bytes of accented letters and other scripts count as letters
    return table


_LETTERS = _byte_table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", extra_high=True)
_UPPER = _byte_table("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SPACE = _byte_table(" \t\n\r\f\v\0")
_WORDCHAR = _byte_table("abcdefghijklmnopqrstuvwxyz0123456789", extra_high=True)


def exact_duplicates(docs: Sequence[Document]) -> list[bool]:
    """Remove every copy of a text after its first appearance."""
    seen: set[str] = set()
    out = []
    for d in docs:
        key = d.text.strip()
        out.append(key in seen)
        seen.add(key)
    return out


# MinHash: 20 hash functions, compared in 5 bands of 4. Two documents that share
# most of their three-word phrases agree on a whole band with high probability,
# so only those few pairs are compared exactly (no comparison of every pair).
_HASHES, _ROWS = 20, 4
_RNG = np.random.default_rng(20241019)  # fixed: the same corpus always gives the same result
_CHAR_CODES = _RNG.integers(1, 2**63, size=(32, 256), dtype=np.uint64)
_SEEDS = _RNG.integers(1, 2**63, size=_HASHES, dtype=np.uint64)
_MULTS = _RNG.integers(1, 2**63, size=_HASHES, dtype=np.uint64) | np.uint64(1)


def _shingles(docs: Sequence[Document]) -> tuple[np.ndarray, np.ndarray]:
    """Every three-word phrase of every document as a 64-bit number (lower case,
    punctuation ignored), and where each document's phrases start in that array."""
    if len(docs) < 2:
        return np.zeros(0, np.uint64), np.zeros(len(docs) + 1, np.int64)
    view = _Bytes(docs, lower=True)
    a = view.data
    is_word = _WORDCHAR[a]
    first = is_word & ~np.concatenate(([False], is_word[:-1]))
    word_starts = np.flatnonzero(first)
    chars = np.flatnonzero(is_word)
    if len(word_starts) < 3:
        return np.zeros(0, np.uint64), np.zeros(len(docs) + 1, np.int64)
    # Hash each word by summing a random code per (position in word, byte); the
    # sums wrap around in 64 bits, which is fine for hashing.
    word_index = np.cumsum(first)[chars] - 1
    pos = chars - word_starts[word_index]
    codes = _CHAR_CODES[np.minimum(pos, 31), a[chars]]
    with np.errstate(over="ignore"):
        words = np.add.reduceat(codes, np.searchsorted(chars, word_starts))
        owner = np.searchsorted(view.starts, word_starts, side="right") - 1
        valid = owner[:-2] == owner[2:]  # the phrase does not run into the next document
        shingles = (words[:-2] * np.uint64(0x9E3779B97F4A7C15)
                    + words[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F) + words[2:])
    shingles, owner = shingles[valid], owner[:-2][valid]
    return shingles, np.searchsorted(owner, np.arange(len(docs) + 1))


def near_duplicates(docs: Sequence[Document]) -> list[bool]:
    """Remove documents that repeat an earlier one with small changes."""
    out = [False] * len(docs)
    shingles, starts = _shingles(docs)
    has = np.flatnonzero(starts[1:] > starts[:-1])  # documents with at least one phrase
    if len(has) < 2:
        return out
    signature = np.empty((len(has), _HASHES), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(_HASHES):
            h = (shingles ^ _SEEDS[k]) * _MULTS[k]
            h ^= h >> np.uint64(29)
            signature[:, k] = np.minimum.reduceat(h, starts[has])
    sets: dict[int, set[int]] = {}

    def phrases(i: int) -> set[int]:
        if i not in sets:
            sets[i] = set(shingles[starts[i]:starts[i + 1]].tolist())
        return sets[i]

    for band in range(0, _HASHES, _ROWS):
        key = signature[:, band]
        with np.errstate(over="ignore"):
            for c in range(band + 1, band + _ROWS):
                key = (key * np.uint64(0x9E3779B97F4A7C15)) ^ signature[:, c]
        order = np.argsort(key, kind="stable")  # stable: earlier documents first
        sk = key[order]
        boundaries = np.flatnonzero(sk[1:] != sk[:-1]) + 1
        group_starts = np.concatenate(([0], boundaries))
        group_ends = np.concatenate((boundaries, [len(sk)]))
        # Only buckets holding two or more documents can hold a near duplicate.
        for g0, g1 in zip(group_starts[group_ends - group_starts > 1].tolist(),
                          group_ends[group_ends - group_starts > 1].tolist(), strict=True):
            kept_here: list[int] = []
            for j in sorted(has[order[g0:g1]].tolist()):
                if out[j]:
                    continue
                pj = phrases(j)
                # Compare with a few earlier kept documents of the bucket, so a huge
                # bucket stays cheap.
                for i in kept_here[:8]:
                    pi = phrases(i)
                    if len(pi & pj) >= NEAR_DUPLICATE_SIMILARITY * len(pi | pj):
                        out[j] = True
                        break
                else:
                    kept_here.append(j)
    return out


def bad_length(docs: Sequence[Document]) -> list[bool]:
    """Remove documents that are too short or too long to be a paragraph."""
    out = []
    for d in docs:
        n = len(d.text.split())
        out.append(n < MIN_WORDS or n > MAX_WORDS)
    return out


MIN_LETTER_SHARE = 0.7  # below: mostly symbols and numbers
MAX_CAPITAL_SHARE = 0.3  # above: SHOUTING (normal text has a capital per sentence or name)
MAX_RUN = 6  # the same character this many times in a row: "!!!!!!", "soooooo"


def poor_quality(docs: Sequence[Document]) -> list[bool]:
    """Remove texts that are mostly symbols, mostly capitals, or stretch a character."""
    if not docs:
        return []
    view = _Bytes(docs)
    a = view.data
    not_space = ~_SPACE[a]
    letters = view.count(_LETTERS[a])
    nonspace = view.count(not_space)
    upper = view.count(_UPPER[a])
    same = (a[1:] == a[:-1]) & not_space[1:]
    # A run of MAX_RUN equal characters ends at i when the MAX_RUN - 1 pairs before match.
    cs = np.concatenate(([0], np.cumsum(same, dtype=np.int64)))
    w = MAX_RUN - 1
    run_end = np.zeros(len(a), dtype=bool)
    if len(same) >= w:
        run_end[w:] = (cs[w:] - cs[:-w]) == w
    runs = view.count(run_end)
    with np.errstate(divide="ignore", invalid="ignore"):
        symbols = letters < MIN_LETTER_SHARE * nonspace
        shouting = upper > MAX_CAPITAL_SHARE * letters
    bad = (nonspace == 0) | symbols | shouting | (runs > 0)
    return bad.tolist()


def low_quality(text: str) -> bool:
    """One text through the quality filter (True: it would be removed)."""
    return poor_quality([Document("check", text)])[0]


_BLOCKED = re.compile(r"\b(" + "|".join(sorted(BLOCKLIST)) + r")s?\b")


def blocked_words(docs: Sequence[Document]) -> list[bool]:
    """Remove texts that use a word of the blocklist."""
    out = []
    for d in docs:
        low = d.text.lower()
        # Cheap substring test first; the word-boundary check only runs on a hit.
        hit = any(w in low for w in BLOCKLIST) and _BLOCKED.search(low) is not None
        out.append(hit)
    return out


_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str], np.ndarray]:
    """Words of the bundled world, the letter pairs ordinary English uses, and a
    256 x 256 table of the unusual pairs (both bytes letters, pair never seen).

    Built from the generators' own templates and word lists, which are plain English,
    so keyboard mash ("qwpoeiru") stands out by its unusual letter pairs.
    """
    from engine.corpus.made_up import templates  # late import: only this filter needs it

    text = " ".join(
        [t for ts in templates.TEMPLATES.values() for t in ts]
        + [w for words in templates.SLOTS.values() for w in words]
    )
    words = frozenset(re.findall(r"[a-z]+", text.lower()))
    pairs = frozenset(w[i:i + 2] for w in words for i in range(len(w) - 1))
    odd = np.zeros((256, 256), dtype=bool)
    letters = list(range(ord("a"), ord("z") + 1))
    odd[np.ix_(letters, letters)] = True
    for p in pairs:
        odd[ord(p[0]), ord(p[1])] = False
    return words, pairs, odd


def gibberish_word(word: str) -> bool:
    """A word that looks like keyboard mash: no vowel, or several unusual letter pairs."""
    words, pairs, _ = _known()
    if word in words:
        return False
    if not _VOWELS.intersection(word):
        return True
    odd = sum(1 for i in range(len(word) - 1) if word[i:i + 2] not in pairs)
    return odd >= 2


def is_gibberish(text: str) -> bool:
    """True if at least 30% of the words (of three letters or more) look like keyboard mash."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3]
    if not words:
        return False
    return sum(gibberish_word(w) for w in words) >= 0.3 * len(words)


def gibberish(docs: Sequence[Document]) -> list[bool]:
    """Remove keyboard mash. A fast count of unusual letter pairs picks the suspects;
    only those are checked word by word."""
    if not docs:
        return []
    odd_table = _known()[2]
    view = _Bytes(docs, lower=True)
    a = view.data
    odd = np.zeros(len(a), dtype=bool)
    if len(a) > 1:
        odd[1:] = odd_table[a[:-1], a[1:]]
    suspects = np.flatnonzero(view.count(odd) >= 3)
    out = [False] * len(docs)
    for i in suspects.tolist():
        out[i] = is_gibberish(docs[i].text)
    return out


_SPAM_SIGNS = ("http://", "https://", "www.", "click here", "buy now", "free money")


def spam_links(docs: Sequence[Document]) -> list[bool]:
    """Remove advertising and links."""
    out = []
    for d in docs:
        low = d.text.lower()
        out.append(any(s in low for s in _SPAM_SIGNS))
    return out


# The pipeline, in order: (name, plain description, filter).
FILTERS: tuple[tuple[str, str, FilterFn], ...] = (
    ("Exact duplicates",
     "The same text appearing more than once. Only the first copy is kept, so the model "
     "does not learn it twice as hard.", exact_duplicates),
    ("Near duplicates",
     "Texts that repeat an earlier one with small changes (a word added, different "
     "punctuation). Found by comparing three-word phrases (MinHash).", near_duplicates),
    ("Too short or too long",
     f"Replies of fewer than {MIN_WORDS} words (\"lol\", \"+1\") and walls of more than "
     f"{MAX_WORDS} words.", bad_length),
    ("Low quality",
     "Texts made mostly of symbols, mostly in CAPITALS (shouting), or with stretched "
     "characters like \"!!!!!!\".", poor_quality),
    ("Blocklist",
     "Texts containing insults from a list of words that should not be learned "
     "(a blocklist).", blocked_words),
    ("Gibberish",
     "Keyboard mash such as \"asdkjh qwpoeiru\": words with no vowels or letter "
     "combinations that English does not use.", gibberish),
    ("Spam and links",
     "Advertising and links to websites (http://, www.).", spam_links),
)


def _example(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _examples(dropped: Sequence[Document]) -> tuple[str, ...]:
    # Different texts: five copies of "lol" would show one example five times.
    unique = dict.fromkeys(_example(d.text) for d in dropped)
    return tuple(unique)[:MAX_EXAMPLES]


def curate(docs: Sequence[Document]) -> CurationResult:
    """Run every filter in order and keep what survives; never edits a document."""
    kept = list(docs)
    reports: list[FilterReport] = []
    for name, description, remove in FILTERS:
        flags = remove(kept)
        dropped = [d for d, f in zip(kept, flags, strict=True) if f]
        survivors = [d for d, f in zip(kept, flags, strict=True) if not f]
        reports.append(FilterReport(
            name=name,
            description=description,
            removed=len(dropped),
            examples=_examples(dropped),
            documents_in=len(kept),
            documents_out=len(survivors),
        ))
        kept = survivors
    return CurationResult(kept=kept, reports=reports)
