"""One question/answer pair and the set of them, split into train and held-out.

`QASet` is immutable: every change returns a new set, and a bad change raises
`QAEditError` before anything moves, so nothing is ever lost. Files and the bundled set
are in `engine.finetuning.qa_data`.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.tokenizers import SPECIAL_TOKENS

MAX_FIELD_CHARS = 400  # one question or answer; the model reads at most 64 tokens anyway
TRAIN, HELDOUT = "train", "held-out"


class QAEditError(ValueError):
    """A change to a QASet that would break it (the set itself is left as it was)."""


@dataclass(frozen=True)
class QAPair:
    """One example: a question and the answer the model should learn to give.

    `subject` is what the question is about ("owl", "fog"); held-out questions are
    chosen by subject, so no question about a held-out subject is ever trained on.
    """

    question: str
    answer: str
    subject: str = ""


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
    return QAPair(q, a, " ".join(str(pair.subject).split()).lower())


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

    def subjects(self, split: str = HELDOUT) -> list[str]:
        """The named subjects of one split, in order of first appearance."""
        pairs = self.heldout if split == HELDOUT else self.train
        return list(dict.fromkeys(p.subject for p in pairs if p.subject))


def _question_key(question: str) -> str:
    return " ".join(question.lower().split())
