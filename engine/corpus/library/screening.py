"""Paragraph screens for the library: not English or not words, and the blocklist.

Why a blocklist: these books were written between 1595 and 1912 and use the racial
terms of their time. A model repeats what it reads, so real pre-training pipelines
drop documents that contain slurs (C4, for example, drops every page with a word
from a published list). The cost is real too: such lists also remove texts that
discuss the people named (much of Darwin's writing on slavery goes), which is why
the list is kept short, shown here, and its effect counted.
"""

from __future__ import annotations

import re

# Period slurs found in the books (and the one the library's editor left out books for).
BLOCKLIST: frozenset[str] = frozenset({
    "negro", "negroes", "negress", "negresses", "nigger", "niggers",
    "squaw", "squaws", "darkey", "darkeys", "darkie", "darkies",
})
_BLOCKED = re.compile(r"\b(" + "|".join(sorted(BLOCKLIST, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)

# The most common English words; ordinary prose is 40-50 % these.
_COMMON = frozenset(
    ["the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as", "his", "on", "be", "at", "by", "i", "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "one", "you", "were", "her", "all", "she", "there", "would", "their", "we", "him", "been", "has", "when", "who", "will", "more", "no", "if", "out", "so", "said", "what", "up", "its", "about", "into", "than", "them", "can", "only", "other", "new", "some", "could", "time", "these", "two", "may", "then", "do", "first", "any", "my", "now", "such", "like", "our", "over", "man", "me", "even", "most", "made", "after", "also", "did", "many", "before", "must", "through", "back", "years", "where", "much", "your", "way", "well", "down", "should", "because", "each", "just", "those", "people", "how", "too", "little", "state", "good", "very", "make", "world", "still", "own", "see", "men", "work", "long", "get", "here", "between", "both", "life", "being", "under", "never", "day", "same", "another", "know", "while", "last", "might", "us", "great", "old", "year", "off", "come", "since", "against", "go", "came", "right", "used", "take", "three", "thou", "thee", "thy"])
MIN_COMMON_SHARE = 0.12  # below this, in eight words or more: another language (or a list)
MIN_WORDS_FOR_LANGUAGE = 8  # shorter lines ("O valiant cousin! worthy gentleman!") can't tell
MIN_LETTER_SHARE = 0.5  # below this: separators, tables of figures
_WORD = re.compile(r"[^\W\d_]+")


def contains_blocked(text: str) -> bool:
    return _BLOCKED.search(text) is not None


def mask_blocked(text: str) -> str:
    """The text with each blocked word masked ("n*****"), for showing what was removed."""
    return _BLOCKED.sub(lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), text)


def blocked_excerpt(text: str, width: int = 70) -> str:
    """The words around the first blocked word, masked: what the Data panel shows."""
    m = _BLOCKED.search(text)
    if m is None:
        return text[: 2 * width]
    start, end = max(0, m.start() - width), min(len(text), m.end() + width)
    return ("…" if start else "") + mask_blocked(text[start:end]) + ("…" if end < len(text) else "")


def _latin(c: str) -> bool:
    return c < "\u0250"  # Basic Latin, Latin-1 and Latin Extended: English and its accents


def not_english_or_words(text: str) -> bool:
    """Another script, another language, or hardly any letters."""
    nonspace = [c for c in text if not c.isspace()]
    letters = [c for c in nonspace if c.isalpha()]
    if not nonspace or len(letters) < MIN_LETTER_SHARE * len(nonspace):
        return True
    if sum(not _latin(c) for c in letters) > 0.2 * len(letters):
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    return len(words) >= MIN_WORDS_FOR_LANGUAGE and sum(w in _COMMON for w in words) < MIN_COMMON_SHARE * len(words)
