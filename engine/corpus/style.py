"""What "talking like the forum" means, measured.

The forum source writes with misspellings, slang, the odd SHOUTED word and links.
``forum_marker_rate`` counts those markers per word, so the app (and a test) can
show that a model trained on the forum alone picks the habit up while one trained
on the encyclopedia does not.
"""

from __future__ import annotations

import re

# Correct spelling -> the forum's misspelling. The forum generator applies this
# table, and the marker count recognises the misspelled forms.
MISSPELLINGS: dict[str, str] = {
    "the": "teh",
    "because": "becuase",
    "really": "realy",
    "definitely": "definately",
    "receive": "recieve",
    "weird": "wierd",
    "their": "thier",
    "which": "wich",
    "until": "untill",
    "separate": "seperate",
    "believe": "beleive",
    "friend": "freind",
    "tomorrow": "tommorow",
    "probably": "probly",
    "weather": "wether",
    "something": "somthing",
    "know": "kno",
    "though": "tho",
    "people": "ppl",
    "don't": "dont",
    "didn't": "didnt",
    "can't": "cant",
    "isn't": "isnt",
    "won't": "wont",
    "i'm": "im",
    "i've": "ive",
    "you": "u",
    "your": "ur",
    "please": "pls",
    "thanks": "thx",
    "going to": "gonna",
    "want to": "wanna",
    "a lot": "alot",
    "anyone": "any1",
    "before": "b4",
}

# Words only the forum uses: laughter, agreement and abbreviations.
FORUM_SLANG: frozenset[str] = frozenset(
    {"lol", "omg", "+1", "pls", "plz", "imo", "tbh", "idk", "btw", "thx", "lmao", "smh",
     "u", "ur", "gonna", "wanna", "ya", "yeah", "nope", "meh", "ugh", "haha", "rofl"}
)

_MISSPELLED: frozenset[str] = frozenset(v for v in MISSPELLINGS.values() if " " not in v)
_MARKER_WORDS: frozenset[str] = _MISSPELLED | FORUM_SLANG
# Punctuation around a word (but "+1" keeps its plus sign).
_STRIP = "\"'.,!?;:()[]{}*-_…"
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def is_forum_marker(word: str) -> bool:
    """True if one whitespace-separated word carries the forum's style."""
    if _LINK.search(word):
        return True
    bare = word.strip(_STRIP)
    if not bare:
        return False
    # SHOUTING: an all-capital word of three letters or more ("NEVER", not "I").
    letters = [c for c in bare if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return True
    return bare.lower() in _MARKER_WORDS


def forum_marker_rate(text: str) -> float:
    """Forum-style markers per word: misspellings, slang, SHOUTING and links.

    0.0 for clean formal text; the forum source scores several per hundred words.
    """
    words = text.split()
    if not words:
        return 0.0
    # Same answer as counting ``is_forum_marker`` word by word, but the common cases
    # run as C-level map/sum, so a million words take a fraction of a second.
    bare = list(map(str.lower, (w.strip(_STRIP) for w in words)))
    markers = sum(map(_MARKER_WORDS.__contains__, bare))
    # Rarer markers: words with capitals only, and links; each counted once.
    rare = [w for w in words if w.isupper() or "http" in w or "www." in w]
    markers += sum(1 for w in rare
                   if is_forum_marker(w) and w.strip(_STRIP).lower() not in _MARKER_WORDS)
    return markers / len(words)
