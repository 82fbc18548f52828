"""Questions and answers: the examples that turn a next-word machine into an assistant.

Fine-tuning needs pairs of a question and the answer a helpful person would give. The
bundled set is written here, by the project, about the same little world as the corpus
(the sea, the weather, kings and queens, fruit, animals, aches, people and their work),
with the words of `engine.corpus.lexicon`, so every answer uses words the pre-trained
model already knows. It is generated from templates and small fact tables, the same
for every run (no randomness at all), and about one pair in six is held out: the model
never trains on those questions, they only measure whether it learned to answer.

A person can view, edit, add, remove, load and save pairs. `QASet` is immutable: every
change returns a new set, and a bad change raises `QAEditError` before anything moves,
so nothing is ever lost. Files are read by `load_qa_file` (three simple formats, see
its docstring) and bad files raise `QAFileError` with a message a person can act on.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from engine.tokenizers import SPECIAL_TOKENS

HELDOUT_SHARE = 1 / 6  # about 17 % of the questions are held out (never trained on)
MAX_FILE_BYTES = 5_000_000  # a question/answer file is text; 5 MB is already ~50 k pairs
MAX_FIELD_CHARS = 400  # one question or answer; the model reads at most 64 tokens anyway
TRAIN, HELDOUT = "train", "held-out"


class QAFileError(ValueError):
    """A question/answer file that cannot be used, with a message a person can act on.

    `line` is the 1-based line number of the problem when there is one.
    """

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


class QAEditError(ValueError):
    """A change to a QASet that would break it (the set itself is left as it was)."""


@dataclass(frozen=True)
class QAPair:
    """One example: a question and the answer the model should learn to give."""

    question: str
    answer: str


def check_pair(pair: QAPair) -> QAPair:
    """The pair with its text tidied (spaces), or QAEditError saying what is wrong."""
    q = " ".join(str(pair.question).split())
    a = " ".join(str(pair.answer).split())
    if not q:
        raise QAEditError("The question is empty: write a question.")
    if not a:
        raise QAEditError("The answer is empty: write the answer the model should give.")
    for label, text in (("question", q), ("answer", a)):
        if len(text) > MAX_FIELD_CHARS:
            raise QAEditError(
                f"The {label} is {len(text)} characters long; keep it under {MAX_FIELD_CHARS} "
                "(the model reads only about 60 tokens at a time)."
            )
        for special in SPECIAL_TOKENS:
            if special in text:
                raise QAEditError(
                    f"The {label} contains {special}, a marker the chat format reserves "
                    "for itself. Remove it."
                )
    return QAPair(q, a)


@dataclass(frozen=True)
class QASet:
    """The question/answer pairs: `train` ones are learned, `heldout` ones only measured.

    Rows are numbered train first, then held-out (`rows()`), which is how a table shows
    them; `add`, `edit`, `remove` and `move` return a new set and never change this one.
    No question appears twice, so the held-out questions are never trained on.
    """

    train: tuple[QAPair, ...] = ()
    heldout: tuple[QAPair, ...] = ()
    name: str = "bundled"  # where the pairs came from: "bundled" or a file name

    def __post_init__(self) -> None:
        seen: dict[str, str] = {}
        for split, pairs in ((TRAIN, self.train), (HELDOUT, self.heldout)):
            for p in pairs:
                key = _question_key(p.question)
                if key in seen:
                    raise QAEditError(
                        f'The question "{p.question}" is there twice ({seen[key]} and {split}); '
                        "every question must be different."
                    )
                seen[key] = split

    def __len__(self) -> int:
        return len(self.train) + len(self.heldout)

    def rows(self) -> list[tuple[str, QAPair]]:
        """(split, pair) for every pair: train first, then held-out."""
        return [(TRAIN, p) for p in self.train] + [(HELDOUT, p) for p in self.heldout]

    def split_of(self, index: int) -> str:
        self._check_index(index)
        return TRAIN if index < len(self.train) else HELDOUT

    def pair(self, index: int) -> QAPair:
        self._check_index(index)
        n = len(self.train)
        return self.train[index] if index < n else self.heldout[index - n]

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self):
            raise QAEditError(f"There is no pair number {index + 1} (there are {len(self)}).")

    def add(self, pair: QAPair, heldout: bool = False) -> QASet:
        pair = check_pair(pair)
        if heldout:
            return QASet(self.train, (*self.heldout, pair), self.name)
        return QASet((*self.train, pair), self.heldout, self.name)

    def edit(self, index: int, pair: QAPair) -> QASet:
        """The set with row `index` replaced by `pair` (it stays in the same split)."""
        pair = check_pair(pair)
        self._check_index(index)
        n = len(self.train)
        if index < n:
            train = list(self.train)
            train[index] = pair
            return QASet(tuple(train), self.heldout, self.name)
        held = list(self.heldout)
        held[index - n] = pair
        return QASet(self.train, tuple(held), self.name)

    def remove(self, index: int) -> QASet:
        self._check_index(index)
        n = len(self.train)
        if index < n:
            if n == 1:
                raise QAEditError("This is the last training pair; the model needs at least one.")
            return QASet(self.train[:index] + self.train[index + 1 :], self.heldout, self.name)
        j = index - n
        return QASet(self.train, self.heldout[:j] + self.heldout[j + 1 :], self.name)

    def move(self, index: int, heldout: bool) -> QASet:
        """Move row `index` to the held-out questions (or back to training)."""
        pair, split = self.pair(index), self.split_of(index)
        if (split == HELDOUT) == heldout:
            return self
        return self.remove(index).add(pair, heldout=heldout)

    def questions(self, split: str = HELDOUT) -> list[str]:
        return [p.question for p in (self.heldout if split == HELDOUT else self.train)]


def _question_key(question: str) -> str:
    return " ".join(question.lower().split())


def _stable_fraction(text: str) -> float:
    """A number in [0, 1) fixed by the text alone (not by Python's salted hash)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_pairs(
    pairs: Iterable[QAPair], heldout_share: float = HELDOUT_SHARE, name: str = "bundled"
) -> QASet:
    """A QASet with about `heldout_share` of the pairs held out, chosen by their text.

    The choice depends only on each question's text, so it is the same on every machine
    and does not move when other pairs are added or removed. Repeated questions are kept
    once.
    """
    train: list[QAPair] = []
    held: list[QAPair] = []
    seen: set[str] = set()
    for p in pairs:
        key = _question_key(p.question)
        if key in seen:
            continue
        seen.add(key)
        (held if _stable_fraction(key) < heldout_share else train).append(p)
    if not train and held:
        train.append(held.pop())
    return QASet(tuple(train), tuple(held), name)


# ----------------------------------------------------------------------------------
# The bundled pairs: templates + fact tables about the corpus's world.

# Animals: where each sleeps, what it eats, whether it swims, and how fast it runs
# (a rank, so "is X faster than Y" has one true answer).
_ANIMALS: dict[str, dict[str, object]] = {
    "cat": {"home": "by the fire in the house", "food": "fish and mice", "swims": False, "speed": 4},
    "dog": {"home": "in a kennel on the farm", "food": "meat and bones", "swims": True, "speed": 6},
    "horse": {"home": "in a stable near the fields", "food": "grass and hay", "swims": True,
              "speed": 9},
    "fox": {"home": "in a den on the hills", "food": "rabbits and mice", "swims": False, "speed": 7},
    "goat": {"home": "in a shed on the hills", "food": "grass and leaves", "swims": False,
             "speed": 3},
    "sheep": {"home": "in the fields behind the farm", "food": "grass", "swims": False, "speed": 2},
    "owl": {"home": "in a hollow tree", "food": "mice and small birds", "swims": False, "speed": 5},
    "rabbit": {"home": "in a burrow under the meadows", "food": "grass and leaves", "swims": False,
               "speed": 5.5},
    "wolf": {"home": "in a cave in the valley", "food": "meat", "swims": True, "speed": 8},
}
_PLURAL = {"cat": "cats", "dog": "dogs", "horse": "horses", "fox": "foxes", "goat": "goats",
           "sheep": "sheep", "owl": "owls", "rabbit": "rabbits", "wolf": "wolves"}

_FRUIT: dict[str, dict[str, str]] = {
    "apples": {"colour": "red or green", "taste": "sweet", "grows": "on trees", "climate": "cool",
               "ripe": "in autumn"},
    "oranges": {"colour": "orange", "taste": "sweet", "grows": "on trees", "climate": "warm",
                "ripe": "in winter"},
    "pears": {"colour": "green or yellow", "taste": "sweet", "grows": "on trees", "climate": "cool",
              "ripe": "in autumn"},
    "grapes": {"colour": "green or purple", "taste": "sweet", "grows": "on vines",
               "climate": "warm", "ripe": "in late summer"},
    "plums": {"colour": "purple", "taste": "sweet", "grows": "on trees", "climate": "cool",
              "ripe": "in late summer"},
    "cherries": {"colour": "dark red", "taste": "sweet", "grows": "on trees", "climate": "cool",
                 "ripe": "in early summer"},
    "lemons": {"colour": "yellow", "taste": "sour", "grows": "on trees", "climate": "warm",
               "ripe": "in winter"},
    "peaches": {"colour": "orange and pink", "taste": "sweet", "grows": "on trees",
                "climate": "warm", "ripe": "in summer"},
}

_RULERS = ("king", "queen", "prince", "princess")
_RULER_DUTY = {
    "king": "rules the land, meets the council and judges the people",
    "queen": "rules the land, meets the council and visits the towns",
    "prince": "learns to rule and rides across the land with the king",
    "princess": "learns to rule and rides across the land with the queen",
}
_PLACES = ("Redhill", "Ashford", "Lowmoor", "Eastholm", "Westmark", "Stonebridge", "Greyport",
           "Millbrook", "Oakmere", "Fernvale", "Saltcombe", "Northwick")
_PLACE_FACTS = {
    # place: (kilometres to the sea, what it is known for)
    "Redhill": (40, "its apples and its red hills"),
    "Ashford": (25, "its market and its horses"),
    "Lowmoor": (60, "its sheep and its wide moors"),
    "Eastholm": (5, "its fishermen and its cold sea"),
    "Westmark": (80, "its royal palace and its old crown"),
    "Stonebridge": (30, "its stone bridge over the river"),
    "Greyport": (1, "its harbour on the sea and its ships"),
    "Millbrook": (50, "its millers and their bread"),
    "Oakmere": (35, "its lake and its oak trees"),
    "Fernvale": (70, "its valley and its plums"),
    "Saltcombe": (2, "its fish market by the shore"),
    "Northwick": (15, "its snow and its long winters"),
}

_WEATHER_CAUSE = {
    "rain": "Rain falls when the clouds over the sea grow heavy with water.",
    "snow": "Snow falls when the air is so cold that the rain freezes on the way down.",
    "fog": "Fog forms when warm wet air meets the cold sea or a cold valley.",
    "frost": "Frost forms on clear cold nights, when the water in the air freezes on the ground.",
    "wind": "Wind blows when warm air rises and cold air from the sea rushes in to take its place.",
    "ice": "Ice forms when water gets so cold that it freezes hard.",
    "storm": "A storm comes when strong wind and heavy rain meet over the sea.",
}
_SEASONS = {
    "winter": "cold, with snow on the hills and ice on the lakes",
    "spring": "mild and wet, with rain and a fresh wind",
    "summer": "warm and dry, with long days and little rain",
    "autumn": "cool and windy, with storms from the sea",
}
_LANDS = ("territory", "area", "region", "province", "district", "valley")

_ACHES = {
    "headache": ("too little sleep, too little water or a long day in the sun",
                 "rest in a quiet dark room and drink plenty of water"),
    "stomachache": ("eating too much or eating food that has gone bad",
                    "rest, drink warm water and eat only plain bread for a day"),
    "toothache": ("a bad tooth or too many sweet things",
                  "see a doctor or a dentist and keep the tooth clean"),
    "backache": ("lifting heavy things or working bent over all day",
                 "rest your back, keep warm and lift with your knees"),
    "earache": ("cold wind in the ear or a cold in the head",
                "keep the ear warm and see a doctor if the pain stays"),
}
_PARTS = {
    "head": "too little sleep or too much sun",
    "stomach": "eating too much or eating bad food",
    "back": "lifting heavy things",
    "neck": "sleeping in a bad position",
    "knee": "walking far or kneeling for a long time",
    "tooth": "too many sweet things",
}

_PEOPLE = {
    "farmer": ("works in the fields and looks after the animals", "on a farm"),
    "fisherman": ("goes out on the sea in a boat and catches fish", "on the sea"),
    "sailor": ("sails a ship across the sea", "on a ship"),
    "teacher": ("teaches children to read and write", "in a school"),
    "baker": ("bakes bread early in the morning", "in a bakery"),
    "merchant": ("buys and sells goods at the market", "at the market"),
    "doctor": ("looks after people who are ill or hurt", "in the town"),
    "miller": ("grinds grain into flour at the mill", "at the mill by the river"),
}
_PEOPLE_PLURAL = {"farmer": "farmers", "fisherman": "fishermen", "sailor": "sailors",
                  "teacher": "teachers", "baker": "bakers", "merchant": "merchants",
                  "doctor": "doctors", "miller": "millers"}

_SEA_WORDS = ("sea", "ocean", "waters")
_SEA_ADJ = ("cold", "deep", "northern", "stormy", "calm", "dark")
_SHORES = ("coast", "shore", "bay")
_WATERS = ("lake", "river", "bay")


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _be(noun: str) -> str:
    """'is' for the sea, 'are' for the waters."""
    return "are" if noun == "waters" else "is"


def _animal_pairs() -> Iterator[QAPair]:
    for a, f in _ANIMALS.items():
        yield QAPair(f"Where does the {a} sleep at night?", f"The {a} sleeps {f['home']}.")
        yield QAPair(f"What does the {a} eat?", f"The {a} eats {f['food']}.")
        if f["swims"]:
            answer = f"Yes, a {a} can swim, but the cold sea is dangerous for it."
        else:
            answer = f"No, a {a} does not like the water and stays away from the sea."
        yield QAPair(f"Can a {a} swim in the sea?", answer)
        yield QAPair(f"Where do {_PLURAL[a]} live?", f"{_cap(_PLURAL[a])} live {f['home']}.")
    names = list(_ANIMALS)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if _ANIMALS[a]["speed"] == _ANIMALS[b]["speed"]:
                continue
            fast, slow = (a, b) if _ANIMALS[a]["speed"] > _ANIMALS[b]["speed"] else (b, a)
            yield QAPair(f"Is the {a} faster than the {b}?",
                         f"Yes, the {a} is faster than the {b}." if fast == a
                         else f"No, the {b} is faster than the {a}.")
            yield QAPair(f"Which is faster, the {fast} or the {slow}?"
                         if (i + len(b)) % 2 else f"Which is faster, the {slow} or the {fast}?",
                         f"The {fast} is faster than the {slow}.")
    for a in ("cat", "dog", "horse", "goat", "sheep", "rabbit"):
        for w in ("rain", "snow", "wind"):
            yield QAPair(f"Why don't {_PLURAL[a]} like the {w}?",
                         f"{_cap(_PLURAL[a])} do not like the {w} because it makes them cold "
                         "and wet.")


def _fruit_pairs() -> Iterator[QAPair]:
    for fr, f in _FRUIT.items():
        yield QAPair(f"What colour are {fr}?", f"{_cap(fr)} are {f['colour']} when they are ripe.")
        yield QAPair(f"Are {fr} sweet or sour?", f"{_cap(fr)} are {f['taste']}.")
        yield QAPair(f"When are {fr} ripe?", f"{_cap(fr)} are ripe {f['ripe']}.")
        yield QAPair(f"Where do {fr} grow?",
                     f"{_cap(fr)} grow {f['grows']} in a {f['climate']} land.")
    names = list(_FRUIT)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            fa, fb = _FRUIT[a], _FRUIT[b]
            if fa["grows"] == fb["grows"]:
                same = f"Yes, {a} and {b} both grow {fa['grows']}, but never on the same tree."
            else:
                same = f"No, {a} grow {fa['grows']} and {b} grow {fb['grows']}."
            yield QAPair(f"Do {a} and {b} grow on the same trees?", same)
            if fa["climate"] != fb["climate"]:
                cold = a if fa["climate"] == "cool" else b
                warm = b if cold == a else a
                yield QAPair(f"Which fruit grows best in a cold land, {a} or {b}?",
                             f"{_cap(cold)} grow best in a cold land, because {warm} need warm sun.")
    favourite = {"king": "apples", "queen": "cherries", "prince": "grapes", "princess": "oranges"}
    for r, fr in favourite.items():
        yield QAPair(f"What fruit does the {r} like best?",
                     f"The {r} likes {fr} best, and they are served at every feast.")


def _weather_pairs() -> Iterator[QAPair]:
    for w, cause in _WEATHER_CAUSE.items():
        yield QAPair(f"What causes {w}?" if w != "storm" else "What causes a storm?", cause)
    for land in _LANDS:
        for season, desc in _SEASONS.items():
            yield QAPair(f"What is the weather like in the {land} in {season}?",
                         f"In {season} the {land} is {desc}.")
    for water in _WATERS:
        yield QAPair(f"Why does ice form on the {water} in winter?",
                     f"Ice forms on the {water} because the water freezes when the air is very "
                     "cold.")
    for sea in _SEA_WORDS:
        yield QAPair(f"Why does the storm come from the {sea} in autumn?",
                     f"In autumn the {sea} is still warm, and warm wet air over the {sea} turns "
                     "into storms.")
    for w in ("rain", "snow", "fog", "frost", "wind"):
        for sea in ("sea", "lake"):
            yield QAPair(f"Is there much {w} near the {sea}?",
                         f"Yes, the {sea} brings a lot of {w} to the land around it.")


def _sea_pairs() -> Iterator[QAPair]:
    depth = {"sea": 300, "ocean": 800, "waters": 200}
    for sea in _SEA_WORDS:
        be = _be(sea)
        yield QAPair(f"What makes the {sea} salty?",
                     f"The {sea} {be} salty because rivers carry salt from the land into it.")
        yield QAPair(f"How deep can the {sea} get?",
                     f"The {sea} can be more than {depth[sea]} metres deep beyond the cliffs.")
        yield QAPair(f"Why isn't the {sea} frozen in winter?",
                     f"The {sea} {be} salty, and salt water must be much colder than the lake "
                     "to freeze.")
        yield QAPair(f"How do ships find their way across the {sea}?",
                     f"Sailors follow the stars and the coast to find their way across the {sea}.")
        yield QAPair(f"What do fish eat in the deep {sea}?",
                     f"Fish in the deep {sea} eat smaller fish and tiny plants that drift in "
                     "the water.")
        for adj in _SEA_ADJ:
            for shore in _SHORES:
                yield QAPair(f"What lives in the {adj} {sea} near the {shore}?",
                             f"Fish, seals and whales live in the {adj} {sea} near the {shore}.")
    for water in ("lake", "river"):
        yield QAPair(f"What is the difference between a {water} and the sea?",
                     f"A {water} holds fresh water, but the sea is salty and much larger.")
        yield QAPair(f"Which is colder, the sea or the {water}?",
                     f"In winter the {water} is colder, because it freezes before the sea does.")
    for place in _PLACES:
        km, known = _PLACE_FACTS[place]
        yield QAPair(f"How far is it from {place} to the sea?",
                     f"{place} is about {km} kilometres from the sea." if km > 2
                     else f"{place} lies right on the shore of the sea.")
        yield QAPair(f"What is {place} known for?", f"{place} is known for {known}.")


def _royal_pairs() -> Iterator[QAPair]:
    for r in _RULERS:
        yield QAPair(f"Why does the {r} wear a crown?",
                     f"The {r} wears a crown to show that the royal family rules the land.")
        yield QAPair(f"What does a {r} do all day?", f"A {r} {_RULER_DUTY[r]}.")
        yield QAPair(f"Who does the {r} live with?",
                     f"The {r} lives with the royal family in the palace.")
        for place in ("Westmark", "Ashford", "Greyport", "Redhill", "Oakmere"):
            yield QAPair(f"Where is the palace of the {r} of {place}?",
                         f"The palace of the {r} stands on a hill above {place}, close to the "
                         "sea.")
            yield QAPair(f"When did the {r} of {place} first cross the sea?",
                         f"The {r} of {place} first crossed the sea as a child, on a royal ship.")
    yield QAPair("Who sits on the throne after the king?",
                 "When the king dies, the prince or the princess sits on the throne.")
    yield QAPair("Who sits on the throne of the land today?",
                 "Today the queen sits on the throne, and the prince will follow her.")
    yield QAPair("Who crowned the first king of the land?",
                 "The council of the land crowned the first king in the old palace.")
    yield QAPair("What is a throne?", "A throne is the royal chair where the king or the queen sits.")
    yield QAPair("Where is the crown kept?",
                 "The crown is kept in the palace and shown to visitors in summer.")


def _body_pairs() -> Iterator[QAPair]:
    for ache, (cause, cure) in _ACHES.items():
        article = "an" if ache[0] in "aeiou" else "a"
        yield QAPair(f"What causes {article} {ache}?", f"{_cap(article)} {ache} often comes from {cause}.")
        yield QAPair(f"What should you do for {article} {ache}?", f"For {article} {ache}, {cure}.")
        yield QAPair(f"Is {article} {ache} dangerous?",
                     f"{_cap(article)} {ache} is usually not dangerous, but see a doctor if it "
                     "lasts more than a few days.")
    for part, cause in _PARTS.items():
        yield QAPair(f"Why do people get an ache in the {part}?",
                     f"An ache in the {part} often comes from {cause}.")
        yield QAPair(f"What helps an ache in the {part}?",
                     f"Rest and warmth help an ache in the {part}, and it usually passes in a "
                     "day.")
    yield QAPair("What is the stomach?",
                 "The stomach is the part of the body that digests food.")
    yield QAPair("What is a headache?", "A headache is a pain in the head.")
    yield QAPair("What is a stomachache?", "A stomachache is a pain in the stomach.")


def _people_pairs() -> Iterator[QAPair]:
    for prof, (work, where) in _PEOPLE.items():
        article = "an" if prof[0] in "aeiou" else "a"
        yield QAPair(f"What does {article} {prof} do all day?", f"{_cap(article)} {prof} {work}.")
        yield QAPair(f"Where does {article} {prof} work?", f"{_cap(article)} {prof} works {where}.")
        yield QAPair(f"Why do {_PEOPLE_PLURAL[prof]} get up early?",
                     f"{_cap(_PEOPLE_PLURAL[prof])} get up early because the work {where} "
                     "starts at dawn.")
    for sea in _SEA_WORDS:
        yield QAPair(f"Why do fishermen leave the {sea} when the storm comes?",
                     f"Fishermen leave the {sea} because the waves of a storm can sink a small "
                     "boat.")
        yield QAPair(f"What did merchants trade across the {sea}?",
                     f"Merchants traded fish, wool and fruit across the {sea}.")


_GENERATORS = (_animal_pairs, _fruit_pairs, _weather_pairs, _sea_pairs, _royal_pairs,
               _body_pairs, _people_pairs)


def bundled_pairs() -> list[QAPair]:
    """Every bundled pair, in a fixed order (no randomness)."""
    out: list[QAPair] = []
    seen: set[str] = set()
    for make in _GENERATORS:
        for p in make():
            p = check_pair(p)
            key = _question_key(p.question)
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def bundled_qa() -> QASet:
    """The bundled question/answer set, with its fixed held-out questions."""
    return split_pairs(bundled_pairs(), HELDOUT_SHARE, name="bundled")


# ----------------------------------------------------------------------------------
# Files

_FORMAT_HELP = (
    "Use one of: a .tsv/.txt file with one pair per line, question<TAB>answer "
    "(an optional third column 'held-out' keeps that question out of training); "
    "'Q: question' and 'A: answer' lines, a blank line between pairs; "
    'or a .jsonl file with one {"question": ..., "answer": ...} per line.'
)


def _read_text(path: Path) -> str:
    if not path.exists():
        raise QAFileError(f"{path.name}: there is no such file.")
    if path.is_dir():
        raise QAFileError(f"{path.name} is a folder; choose a question/answer file.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise QAFileError(
            f"{path.name} is {size / 1e6:.1f} MB; a question/answer file should be under "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB."
        )
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise QAFileError(f"{path.name} is not a text file (it looks binary, like a picture or a program).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise QAFileError(
            f"{path.name} is not UTF-8 text (line {line} has bytes that are not UTF-8). "
            "Save it as UTF-8 and try again.",
            line,
        ) from None
    if not text.strip():
        raise QAFileError(f"{path.name} is empty: it has no questions in it.")
    return text


def _is_heldout_mark(value: str, path: Path, line: int) -> bool:
    mark = value.strip().lower()
    if mark in ("", "train", "training"):
        return False
    if mark in ("held-out", "heldout", "held out", "test"):
        return True
    raise QAFileError(
        f"{path.name}, line {line}: the third column must be 'held-out' or 'train', got {value!r}.",
        line,
    )


def _pair_at(q: str, a: str, path: Path, line: int) -> QAPair:
    try:
        return check_pair(QAPair(q, a))
    except QAEditError as e:
        raise QAFileError(f"{path.name}, line {line}: {e}", line) from None


def _parse_tsv(text: str, path: Path) -> list[tuple[QAPair, bool | None, int]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise QAFileError(
                f"{path.name}, line {n}: expected a question, a TAB and an answer, but there is "
                f"no TAB: {line.strip()[:60]!r}. {_FORMAT_HELP}",
                n,
            )
        if len(cols) > 3:
            raise QAFileError(f"{path.name}, line {n}: too many TABs (at most 3 columns).", n)
        held = _is_heldout_mark(cols[2], path, n) if len(cols) == 3 else None
        out.append((_pair_at(cols[0], cols[1], path, n), held, n))
    return out


def _parse_blocks(text: str, path: Path) -> list[tuple[QAPair, bool | None, int]]:
    out = []
    q: str | None = None
    q_line = 0
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        head = s[:2].upper()
        if head == "Q:":
            if q is not None:
                raise QAFileError(f"{path.name}, line {q_line}: this question has no 'A:' answer.", q_line)
            q, q_line = s[2:].strip(), n
        elif head == "A:":
            if q is None:
                raise QAFileError(f"{path.name}, line {n}: an answer with no 'Q:' question before it.", n)
            out.append((_pair_at(q, s[2:].strip(), path, n), None, q_line))
            q = None
        else:
            raise QAFileError(
                f"{path.name}, line {n}: every line must start with 'Q:' or 'A:', "
                f"got {s[:60]!r}.",
                n,
            )
    if q is not None:
        raise QAFileError(f"{path.name}, line {q_line}: this question has no 'A:' answer.", q_line)
    return out


def _parse_jsonl(text: str, path: Path) -> list[tuple[QAPair, bool | None, int]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise QAFileError(f"{path.name}, line {n}: not valid JSON ({e.msg}).", n) from None
        if not isinstance(obj, dict) or not isinstance(obj.get("question"), str) or not isinstance(
            obj.get("answer"), str
        ):
            raise QAFileError(
                f'{path.name}, line {n}: each line must be an object with "question" and '
                '"answer" texts.',
                n,
            )
        held = obj.get("heldout")
        if held is not None and not isinstance(held, bool):
            raise QAFileError(f'{path.name}, line {n}: "heldout" must be true or false.', n)
        out.append((_pair_at(obj["question"], obj["answer"], path, n), held, n))
    return out


def _detect_format(text: str, path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if not line.startswith("#")), lines[0])
    if first.startswith("{"):
        return "jsonl"
    if first[:2].upper() == "Q:":
        return "blocks"
    return "tsv"


def load_qa_file(path: str | os.PathLike, heldout_share: float = HELDOUT_SHARE) -> QASet:
    """Read question/answer pairs from a file; raise QAFileError on anything wrong.

    Formats (detected from the extension, else from the first line):
    - TSV (.tsv, .txt): `question<TAB>answer[<TAB>held-out|train]` per line;
    - blocks: `Q: question` then `A: answer` lines; blank lines and `#` comments ignored;
    - JSON lines (.jsonl): `{"question": ..., "answer": ..., "heldout": false}` per line.
    If the file marks no pair as held-out (or train), about `heldout_share` of them are
    held out, chosen by their text (see `split_pairs`). Repeated questions are an error.
    """
    path = Path(path)
    text = _read_text(path)
    fmt = _detect_format(text, path)
    parse = {"tsv": _parse_tsv, "blocks": _parse_blocks, "jsonl": _parse_jsonl}[fmt]
    rows = parse(text, path)
    if not rows:
        raise QAFileError(f"{path.name} has no question/answer pairs in it. {_FORMAT_HELP}")
    first_line: dict[str, int] = {}
    for pair, _, n in rows:
        key = _question_key(pair.question)
        if key in first_line:
            raise QAFileError(
                f"{path.name}, line {n}: this question is already on line {first_line[key]}; "
                "every question must be different.",
                n,
            )
        first_line[key] = n
    if any(held is not None for _, held, _ in rows):
        train = tuple(p for p, held, _ in rows if not held)
        heldout = tuple(p for p, held, _ in rows if held)
        if not train:
            raise QAFileError(f"{path.name} marks every question as held-out; the model needs "
                              "some to train on.")
        return QASet(train, heldout, name=path.name)
    return split_pairs([p for p, _, _ in rows], heldout_share, name=path.name)


def save_qa_file(path: str | os.PathLike, qa: QASet) -> Path:
    """Write the set to `path` (JSON lines for .jsonl/.json, else TSV), atomically."""
    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        lines = [
            json.dumps({"question": p.question, "answer": p.answer, "heldout": split == HELDOUT})
            for split, p in qa.rows()
        ]
    else:
        lines = [f"{p.question}\t{p.answer}\t{split}" for split, p in qa.rows()]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

