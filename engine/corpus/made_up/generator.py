"""The made-up world's generator: five kinds of text written from templates, one style each.

Every source is written by a small generator: sentence templates with slots
("the ship crossed the deep {sea}") filled from word lists seeded by
``random.Random(seed)``, so the same seed always gives the same corpus, and a
million words take about a second to make.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from engine.corpus.document import Document, SourceInfo
from engine.corpus.made_up.templates import (
    _CHARACTERS,
    _ENCYCLOPEDIA,
    _FORUM,
    _FORUM_CLOSE,
    _FORUM_OPEN,
    _KEYBOARD_ROWS,
    _NEWS,
    _QUIZ,
    _RUDE,
    _SHORT_REPLIES,
    _SLOTS,
    _SPAM,
    _STORIES,
)
from engine.corpus.style import MISSPELLINGS

MADE_UP_SOURCES: tuple[SourceInfo, ...] = (
    SourceInfo(
        "encyclopedia",
        "Encyclopedia",
        "Formal, factual articles about places, weather, animals and history. "
        "Long sentences, present tense, numbers and dates, no chatter.",
    ),
    SourceInfo(
        "stories",
        "Stories",
        "Short tales told in the past tense, with characters who talk to each other "
        "(\"I don't think so,\" said Mira).",
    ),
    SourceInfo(
        "news",
        "News",
        "Dated reports from towns along the coast, with quotes from the people involved.",
    ),
    SourceInfo(
        "forum",
        "Forum",
        "Posts and replies from an online forum: typos, slang (lol, tbh), the odd SHOUTED "
        "word, spam links, copied posts and keyboard mash. Most of the noise is what "
        "cleaning (curation) is there to remove.",
    ),
    SourceInfo(
        "quiz",
        "Quiz sheets",
        "Lists of questions without their answers. A model that learns only from text "
        "like this carries on a question with more questions.",
    ),
)

# Words per source. Together just over a million, the size the app promises.
_TARGET_WORDS: dict[str, int] = {
    "encyclopedia": 290_000,
    "stories": 290_000,
    "news": 200_000,
    "forum": 130_000,
    "quiz": 110_000,
}


class _Slots(dict):
    """A template filler: fixed values for the whole document, a fresh pick for every
    other slot each time it appears (``str.format_map`` calls ``__missing__``)."""

    def __init__(self, rng: random.Random, fixed: dict[str, str]) -> None:
        super().__init__(fixed)
        self._choice = rng.choice

    def __missing__(self, key: str) -> str:
        return self._choice(_SLOTS[key])


def _sentences(
    rng: random.Random, templates: tuple[str, ...], slots: _Slots, n: int, capitalise: bool = True
) -> list[str]:
    out = []
    for template in rng.sample(templates, n):
        s = template.format_map(slots)
        out.append(s[0].upper() + s[1:] if capitalise else s)
    return out


def _doc_slots(rng: random.Random) -> _Slots:
    """The names that stay the same throughout one document."""
    places = rng.sample(_SLOTS["place"], 2)
    (name, pronoun), (name2, _) = rng.sample(_CHARACTERS, 2)
    return _Slots(rng, {
        "place": places[0], "place2": places[1], "name": name, "name2": name2,
        "pronoun": pronoun, "pronoun2": "her" if pronoun == "she" else "his",
    })


_CAT_SENTENCE = "The cat sat on a mat and enjoyed the wind."


def _encyclopedia(rng: random.Random) -> str:
    return " ".join(_sentences(rng, _ENCYCLOPEDIA, _doc_slots(rng), rng.randint(3, 8)))


def _story(rng: random.Random) -> str:
    sentences = _sentences(rng, _STORIES, _doc_slots(rng), rng.randint(4, 9))
    # The article's example sentence, told now and then in the stories.
    if rng.random() < 0.006:
        sentences.insert(rng.randrange(len(sentences) + 1), _CAT_SENTENCE)
    return " ".join(sentences)


def _news(rng: random.Random) -> str:
    slots = _doc_slots(rng)
    dateline = (f"{slots['place']}, {rng.choice(_SLOTS['month'])} {rng.choice(_SLOTS['day'])}, "
                f"{rng.choice(_SLOTS['year'])}.")
    return dateline + " " + " ".join(_sentences(rng, _NEWS, slots, rng.randint(3, 7)))


def _quiz(rng: random.Random) -> str:
    # Mostly sheets of several questions, sometimes a single one.
    n = 1 if rng.random() < 0.12 else rng.randint(3, 9)
    return " ".join(_sentences(rng, _QUIZ, _doc_slots(rng), n))


def _forumify(rng: random.Random, sentence: str) -> str:
    """Turn a clean forum sentence into the way people actually type it."""
    if rng.random() < 0.5:
        for right, wrong in (("going to", "gonna"), ("want to", "wanna"), ("a lot", "alot")):
            sentence = sentence.replace(right, wrong)
    words = sentence.split(" ")
    for i, word in enumerate(words):
        wrong = MISSPELLINGS.get(word.lower())
        if wrong is not None and " " not in word and rng.random() < 0.55:
            words[i] = wrong
    if rng.random() < 0.25:  # the odd SHOUTED word
        long = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
        if long:
            i = rng.choice(long)
            words[i] = words[i].upper()
    text = rng.choice(_FORUM_OPEN) + " ".join(words) + rng.choice(_FORUM_CLOSE)
    if rng.random() < 0.15:
        text += rng.choice(("!!", "!!!", "??", "...", " :("))
    return text


def _gibberish(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(4, 12)):
        row = rng.choice(_KEYBOARD_ROWS)
        words.append("".join(rng.choice(row) for _ in range(rng.randint(4, 9))))
    return " ".join(words)


def _forum(rng: random.Random, earlier: list[str]) -> tuple[str, bool]:
    """One forum post, or a piece of noise: the mix a real forum dump has.

    Returns the text and whether it is an ordinary post (one that may be copied later).
    """
    r = rng.random()
    slots = _doc_slots(rng)
    if r < 0.09:
        return rng.choice(_SHORT_REPLIES), False
    if r < 0.14 and earlier:  # the same post again, word for word
        return rng.choice(earlier), False
    if r < 0.17 and earlier:  # reposted with a tiny change
        text = rng.choice(earlier)
        return text.rstrip(".!?") + rng.choice((" lol", "!!", " (reposting)", " pls help", "?")), False
    if r < 0.20:
        return rng.choice(_SPAM).format_map(slots), False
    if r < 0.22:
        return _gibberish(rng), False
    if r < 0.235:
        return _forumify(rng, rng.choice(_RUDE).format_map(slots)), False
    if r < 0.26:  # SHOUTING the whole post
        return " ".join(_sentences(rng, _FORUM, slots, rng.randint(2, 3))).upper() + "!!!", False
    if r < 0.27:  # low quality: symbols and stretched letters
        return (rng.choice(("sooooooooo", "nooooooooo", "yesssssssss")) + " "
                + "!!!!!!!!!!! ??? $$$ ### " + rng.choice(_SLOTS["num"]) * 3), False
    if r < 0.273:  # a wall of text: the same line pasted again and again
        line = _sentences(rng, _FORUM, slots, 1)[0]
        return " ".join([line] * 60), False
    n = rng.randint(2, 5)
    sentences = [_forumify(rng, s) for s in _sentences(rng, _FORUM, slots, n, False)]
    return " ".join(sentences), True


_GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "encyclopedia": _encyclopedia,
    "stories": _story,
    "news": _news,
    "quiz": _quiz,
}


def _rng(name: str, seed: int) -> random.Random:
    # One generator per source: changing one source's code leaves the others alone.
    return random.Random(f"{name}:{seed}")


def generate_source(name: str, seed: int = 0) -> list[Document]:
    """All documents of one bundled source, the same for the same seed."""
    if name not in _TARGET_WORDS:
        known = ", ".join(_TARGET_WORDS)
        raise ValueError(f"There is no bundled source called {name!r}. The sources are: {known}.")
    rng = _rng(name, seed)
    target = _TARGET_WORDS[name]
    texts: list[str] = []
    words = 0
    if name == "forum":
        # Only real posts are copied again; copying noise would double-count it.
        posts: list[str] = []
        while words < target:
            text, is_post = _forum(rng, posts)
            texts.append(text)
            words += text.count(" ") + 1
            if is_post and rng.random() < 0.3:
                posts.append(text)
    else:
        make = _GENERATORS[name]
        while words < target:
            text = make(rng)
            texts.append(text)
            words += text.count(" ") + 1
    return [Document(name, t) for t in texts]


def made_up_corpus(seed: int = 0) -> dict[str, list[Document]]:
    """Every source of the made-up world by name, in the order of ``MADE_UP_SOURCES``."""
    return {info.name: generate_source(info.name, seed) for info in MADE_UP_SOURCES}
