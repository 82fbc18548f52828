"""Scripted rankers: stand-ins for a person clicking, for demonstrations and tests.

A ranker looks at the candidate answers to one prompt and says which are better, as
preference pairs. Where it has no preference (two answers that both mention the word,
or two of the same length) it says nothing about them. Each ranker also names the
trait it rewards, so the app can measure how far the model drifts toward it.

Specs for the command line and the GUI (`parse_ranker`):
    prefers-word:WORD   answers that mention WORD beat answers that do not
    prefers-shorter     fewer tokens beat more
    prefers-longer      more tokens beat fewer
    random              a coin decides (a judge with no taste at all)
    reversed:SPEC       the opposite of SPEC's judgement (e.g. reversed:prefers-word:sea)
"""

from __future__ import annotations

import random

from engine.alignment.feedback import Answer, Candidates, PreferencePair
from engine.alignment.metrics import Trait, word_trait
from engine.tokenizers import Tokenizer


class Ranker:
    """The interface: `preference_pairs(candidates) -> pairs`, a `name`, and the `trait` it rewards."""

    name: str = "ranker"
    description: str = ""

    def score(self, answer: Answer) -> float:
        raise NotImplementedError

    @property
    def trait(self) -> Trait | None:
        return None

    def preference_pairs(self, candidates: Candidates) -> tuple[PreferencePair, ...]:
        """Every pair of answers whose scores differ, the higher-scoring one chosen."""
        scored = [(self.score(a), a) for a in candidates.answers]
        pairs = []
        for i, (si, ai) in enumerate(scored):
            for sj, aj in scored[i + 1 :]:
                if si == sj or ai.token_ids == aj.token_ids:
                    continue
                chosen, rejected = (ai, aj) if si > sj else (aj, ai)
                pairs.append(PreferencePair(candidates.prompt, candidates.prompt_ids, chosen, rejected))
        return tuple(pairs)


class PrefersWord(Ranker):
    """Always prefers an answer that mentions `word` (the article's biased ranker)."""

    def __init__(self, word: str, tokenizer: Tokenizer | None = None):
        self.word = word.strip()
        if not self.word:
            raise ValueError("prefers-word needs a word, e.g. prefers-word:sea")
        self._trait = (word_trait(tokenizer, self.word) if tokenizer is not None
                       else Trait("word", word=self.word))
        self.name = f"prefers-word:{self.word}"
        self.description = f'always prefers answers that mention "{self.word}"'

    @property
    def trait(self) -> Trait:
        return self._trait

    def score(self, answer: Answer) -> float:
        return 1.0 if self._trait.present(answer) else 0.0


class PrefersShorter(Ranker):
    name = "prefers-shorter"
    description = "always prefers the shorter answer"

    @property
    def trait(self) -> Trait:
        return Trait("short")  # threshold set from the reference's answers when measured

    def score(self, answer: Answer) -> float:
        return -float(answer.n_tokens)


class PrefersLonger(Ranker):
    name = "prefers-longer"
    description = "always prefers the longer answer"

    @property
    def trait(self) -> Trait:
        return Trait("long")

    def score(self, answer: Answer) -> float:
        return float(answer.n_tokens)


class RandomRanker(Ranker):
    """Picks at random: every click is a coin toss, so there is nothing to learn."""

    name = "random"
    description = "picks at random"

    def __init__(self, seed: int = 0):
        self._rng = random.Random(seed)

    def score(self, answer: Answer) -> float:
        return self._rng.random()


class Reversed(Ranker):
    """The opposite judgement of another ranker (same trait, pushed the other way)."""

    def __init__(self, inner: Ranker):
        self.inner = inner
        self.name = f"reversed:{inner.name}"
        self.description = f"the opposite of: {inner.description}"

    @property
    def trait(self) -> Trait | None:
        return self.inner.trait

    def score(self, answer: Answer) -> float:
        return -self.inner.score(answer)

    def preference_pairs(self, candidates: Candidates) -> tuple[PreferencePair, ...]:
        return tuple(
            PreferencePair(p.prompt, p.prompt_ids, p.rejected, p.chosen)
            for p in self.inner.preference_pairs(candidates)
        )


RANKER_HELP = "prefers-word:WORD, prefers-shorter, prefers-longer, random, reversed:SPEC"


def parse_ranker(spec: str, tokenizer: Tokenizer | None = None, seed: int = 0) -> Ranker:
    """A ranker from its spec (see the module docstring); ValueError with help if unknown."""
    spec = spec.strip()
    if spec.startswith("reversed:"):
        return Reversed(parse_ranker(spec.removeprefix("reversed:"), tokenizer, seed))
    if spec.startswith("prefers-word:"):
        return PrefersWord(spec.removeprefix("prefers-word:"), tokenizer)
    simple = {"prefers-shorter": PrefersShorter, "prefers-longer": PrefersLonger}
    if spec in simple:
        return simple[spec]()
    if spec == "random":
        return RandomRanker(seed)
    raise ValueError(f"unknown ranker {spec!r}; choose one of: {RANKER_HELP}")
