"""The made-up world's lexicon: the groups of words its generator fills its slots from.

The generators in ``made_up/`` draw their slot fillers from these groups, which is what
makes the words of one group share contexts (by construction). On the made-up world the
Embeddings map colours these groups (``engine.corpus.word_groups``); on the library it
colours groups proposed from the books instead. The answer checks use them as lists of
related words for the "on topic" rule (``engine.finetuning.answer_scoring``).
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
