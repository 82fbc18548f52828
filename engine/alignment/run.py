"""One alignment run: the live policy, its frozen reference, the judgements, the measurements.

`Alignment` is what a Session holds for Pillar III. It ties together the optimiser
(`engine.alignment.preference`), the measurements (`engine.alignment.metrics`) and the scripted
rankers (`engine.alignment.rankers`):

    alignment = Alignment(policy, tokenizer, heldout_prompts, train_prompts)
    c = alignment.candidates("What makes the sea salty?", n=2, seed=0)
    snap = alignment.learn_from_feedback(PreferencePair(c.prompt, c.prompt_ids, c.answers[0], c.answers[1]))
    for snap in alignment.run_ranker(parse_ranker("prefers-word:sea"), clicks=30, seed=0): ...
    alignment.reset()

Every judgement returns an `AlignmentSnapshot` measured right after the update. Each
pair is scored by the model BEFORE it learns from it (`agreement`): the running share
of pairs whose chosen answer the model already gave the higher implicit reward, a tie
counting one half. A judgement is counted by the pairs it yields (a click on a 4-way
ranking is up to 6 pairs); a scripted round with no preference is no judgement.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import replace

import torch

from engine.alignment.answer_quality import AnswerStats
from engine.alignment.feedback import Candidates, Feedback, PreferencePair, Thumb, as_items
from engine.alignment.metrics import AlignmentMetrics, AlignmentSnapshot, Trait
from engine.alignment.preference import PreferenceConfig, PreferenceOptimizer
from engine.alignment.rankers import Ranker
from engine.finetuning.known_words import KnownWords
from engine.model import TinyGPT
from engine.tokenizers import Tokenizer

RANKER_CANDIDATES = 4  # answers per automatic round: more answers, more pairs per round
RANKER_TRIES = 4  # a round with no preference (all answers alike) is re-drawn this often
TIE = 1e-6  # implicit rewards closer than this are a tie (the model has no preference yet)


def agreement_before_update(chosen: torch.Tensor, rejected: torch.Tensor) -> list[float]:
    """Per pair: 1 if the chosen answer has the higher implicit reward, 0 if lower, 1/2 if tied."""
    diff = (chosen - rejected).tolist()
    return [0.5 if abs(d) < TIE else float(d > 0) for d in diff]


class Alignment:
    """Preference learning on `policy` (trained in place) against a frozen copy of `reference`."""

    def __init__(
        self,
        policy: TinyGPT,
        tokenizer: Tokenizer,
        heldout_prompts: Sequence[str],
        train_prompts: Sequence[str],
        reference: TinyGPT | None = None,
        config: PreferenceConfig | None = None,
        trait: Trait | None = None,
        samples_per_prompt: int = 1,
        measure_prompts: int = 48,
        start_from_reference: bool = True,
        known_words: KnownWords | None = None,
    ):
        if not train_prompts:
            raise ValueError("the scripted rankers need at least one prompt to ask")
        self.optimizer = PreferenceOptimizer(policy, tokenizer, reference, config, start_from_reference)
        self.tokenizer = tokenizer
        self.train_prompts = list(train_prompts)
        self.heldout_prompts = list(heldout_prompts)
        self.metrics = AlignmentMetrics(
            self.optimizer, self.heldout_prompts[:measure_prompts], trait, samples_per_prompt,
            known_words=known_words,
        )
        self.agreements: list[float] = []  # one per pair, scored before learning from it
        self.history: list[AlignmentSnapshot] = [self.metrics.snapshot("start")]
        self._stop = False

    @property
    def policy(self) -> TinyGPT:
        return self.optimizer.policy

    @property
    def reference(self) -> TinyGPT:
        return self.optimizer.reference

    @property
    def version(self) -> int:
        return self.optimizer.version

    @property
    def trait(self) -> Trait | None:
        return self.metrics.trait

    @property
    def agreement(self) -> float | None:
        """The running before-update agreement (None before the first pair)."""
        return sum(self.agreements) / len(self.agreements) if self.agreements else None

    def _snapshot(self, event: str, report=None, sample: bool = True, new_pairs: int = 0):
        return self.metrics.snapshot(event, report, sample=sample, agreement=self.agreement,
                                     agreement_pairs=len(self.agreements), new_pairs=new_pairs)

    def set_trait(self, trait: Trait | None) -> AlignmentSnapshot:
        """Measure another trait from now on (the history is re-measured only from here)."""
        self.metrics.set_trait(trait)
        return self._record(self._snapshot("trait"))

    def measures(self, trait: Trait | None) -> bool:
        """Whether `trait` is the one being measured (a length trait's threshold aside)."""
        mine = self.trait
        if trait is None or mine is None:
            return trait is mine
        return (trait.kind, trait.word.lower()) == (mine.kind, mine.word.lower())

    def _record(self, snap: AlignmentSnapshot) -> AlignmentSnapshot:
        self.history.append(snap)
        return snap

    # -- the person's side ----------------------------------------------------------
    def candidates(self, prompt: str, n: int = 2, seed: int = 0) -> Candidates:
        return self.optimizer.candidates(prompt, n=n, seed=seed)

    def learn_from_feedback(self, feedback: Feedback, sample: bool = True) -> AlignmentSnapshot:
        """Score the judgement's pairs, learn from it now, then measure.

        The pairs are scored by the model as it is before this update (see
        `agreement`); sample=False measures the exact numbers only.
        """
        items = as_items(feedback)
        pairs = [i for i in items if isinstance(i, PreferencePair)]
        if pairs:
            chosen, rejected = self.optimizer.pair_rewards(pairs)  # (P,), (P,): before learning
            self.agreements += agreement_before_update(chosen, rejected)
        report = self.optimizer.update(items)
        if report.rolled_back:
            return self._record(self._snapshot("rolled back", report, sample, len(pairs)))
        kinds = {type(i) for i in items}
        event = "pair" if kinds == {PreferencePair} else "thumb" if kinds == {Thumb} else "mixed"
        return self._record(self._snapshot(event, report, sample, len(pairs)))

    def reset(self) -> AlignmentSnapshot:
        """Back to the fine-tuned reference; the charts start again from here."""
        self.optimizer.reset()
        self.history = []
        self.agreements = []
        return self._record(self._snapshot("reset"))

    # -- scripted rankers -------------------------------------------------------------
    def request_stop(self) -> None:
        self._stop = True

    def run_ranker(
        self,
        ranker: Ranker,
        clicks: int,
        seed: int = 0,
        n_candidates: int = RANKER_CANDIDATES,
        sample: bool = True,
    ) -> Iterator[AlignmentSnapshot]:
        """`clicks` automatic rounds: ask, let the ranker judge, learn; a snapshot per round.

        A round whose answers the ranker cannot tell apart is re-drawn with another
        prompt (at most RANKER_TRIES draws), as a person would ask again; if none
        differs, the round yields the last snapshot again with event "no preference".
        The trait measured is whatever `set_trait` chose (see `measures`); with
        sample=False only the exact numbers are measured after each click.
        """
        if clicks < 0:
            raise ValueError(f"clicks must be >= 0, got {clicks}")
        rng = random.Random(seed)
        self._stop = False
        for _ in range(clicks):
            if self._stop:
                return
            pairs: tuple[PreferencePair, ...] = ()
            for _ in range(RANKER_TRIES):
                prompt = rng.choice(self.train_prompts)
                c = self.candidates(prompt, n=n_candidates, seed=rng.randrange(2**31))
                pairs = ranker.preference_pairs(c)
                if pairs:
                    break
            if not pairs:  # the ranker saw no difference: nothing to learn, no judgement
                yield replace(self.history[-1], event="no preference", update_seconds=0.0,
                              measure_seconds=0.0, new_pairs=0)
                continue
            yield self.learn_from_feedback(pairs, sample=sample)

    def answer_stats(self, model: TinyGPT | None = None, samples_per_prompt: int = 4,
                     seed: int = 97) -> AnswerStats:
        """Trait, quality, length and end rate over every held-out prompt (for before/after)."""
        prompts = [self.optimizer.prompt_ids(p) for p in self.heldout_prompts]
        return self.metrics.measure(model or self.policy, prompts, samples_per_prompt, seed)
