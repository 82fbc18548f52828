"""What a person (or a scripted ranker) judges, and the kinds of feedback they give.

For a prompt the model writes a few `Candidates`; the feedback is a `PreferencePair`
("this answer is better than that one"), a `Ranking` of K answers (all its K(K-1)/2
pairs), or a `Thumb` up or down on one answer. Plain frozen values, safe to send
between processes and to store in a session file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    """One answer the model wrote: its text and its tokens (with <end> if it stopped itself)."""

    text: str
    token_ids: tuple[int, ...]  # the answer's tokens, then END when `ended`
    ended: bool  # the model wrote <end> itself (else it ran out of room)

    @property
    def n_tokens(self) -> int:
        """Length in tokens, not counting <end>."""
        return len(self.token_ids) - (1 if self.ended else 0)


@dataclass(frozen=True)
class Candidates:
    """The answers the model wrote for one prompt, to be judged side by side."""

    prompt: str  # what the person typed
    prompt_ids: tuple[int, ...]  # `<user> prompt <assistant>` in model tokens
    answers: tuple[Answer, ...]
    model_version: int  # how many updates the model had had when it wrote them
    seed: int


@dataclass(frozen=True)
class PreferencePair:
    """The judgement: `chosen` is a better answer to the prompt than `rejected`."""

    prompt: str
    prompt_ids: tuple[int, ...]
    chosen: Answer
    rejected: Answer


@dataclass(frozen=True)
class Ranking:
    """K answers to one prompt, best first: the same as all K(K-1)/2 pairs."""

    prompt: str
    prompt_ids: tuple[int, ...]
    answers: tuple[Answer, ...]  # best first

    def pairs(self) -> tuple[PreferencePair, ...]:
        a = self.answers
        return tuple(
            PreferencePair(self.prompt, self.prompt_ids, a[i], a[j])
            for i in range(len(a))
            for j in range(i + 1, len(a))
        )


@dataclass(frozen=True)
class Thumb:
    """A single answer judged on its own: thumb up (good) or down (bad)."""

    prompt: str
    prompt_ids: tuple[int, ...]
    answer: Answer
    up: bool


Feedback = PreferencePair | Ranking | Thumb | Sequence[PreferencePair]


def as_items(feedback: Feedback) -> list[PreferencePair | Thumb]:
    """Any kind of feedback as a flat list of pairs and thumbs."""
    if isinstance(feedback, PreferencePair | Thumb):
        return [feedback]
    if isinstance(feedback, Ranking):
        return list(feedback.pairs())
    items = list(feedback)
    for item in items:
        if not isinstance(item, PreferencePair | Thumb):
            raise TypeError(f"feedback must be pairs, a ranking or a thumb, got {type(item).__name__}")
    return items
