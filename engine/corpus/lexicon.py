"""The little world the bundled texts talk about, as groups of related words.

The Embeddings panel colours each point by its word group, so the groups are the
words a person expects to see side by side ("sea" beside "waters", "king" beside
"queen"). Every word here really occurs in the bundled corpus, most of them
hundreds of times, so that each becomes a token of its own and gets a trained
embedding. The generators in ``sources.py`` draw their slot fillers from these
groups, which is what makes the words of one group share contexts.
"""

from __future__ import annotations

WORD_GROUPS: dict[str, tuple[str, ...]] = {
    "sea & water": ("sea", "waters", "ocean", "lake", "river", "coast", "shore", "waves", "bay"),
    "land": ("territory", "area", "region", "land", "province", "district", "valley", "hills"),
    "weather": ("climate", "wind", "ice", "rain", "snow", "storm", "frost", "fog"),
    "royalty": ("king", "queen", "prince", "princess", "royal", "crown", "throne", "palace"),
    "fruit": ("apples", "oranges", "pears", "grapes", "plums", "cherries", "lemons", "peaches"),
    "animals": ("cat", "dog", "horse", "fox", "goat", "sheep", "owl", "rabbit", "wolf"),
    "body & aches": (
        "head", "stomach", "ache", "headache", "stomachache", "toothache", "backache",
        "earache", "neck", "knee", "tooth",
    ),
    "people": ("farmer", "fisherman", "sailor", "teacher", "baker", "merchant", "doctor", "miller"),
}

# Reverse index, built once: a word belongs to at most one group.
_GROUP_OF: dict[str, str] = {
    word: group for group, words in WORD_GROUPS.items() for word in words
}


def group_of(word: str) -> str | None:
    """The group a word belongs to ("sea" -> "sea & water"), or None if it has none.

    Case and surrounding spaces are ignored, so a BPE token such as " Sea" works too.
    """
    return _GROUP_OF.get(word.strip().lower())
