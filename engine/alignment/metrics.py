"""What the field logs while aligning a model, measured exactly where it can be.

After every preference update the app shows:

- the implicit rewards of the stored pairs (beta * log(pi / ref) of chosen and rejected),
  their margin, and the accuracy (share of pairs whose chosen answer now has the higher
  reward), as trl's DPOTrainer logs them;
- the drift from the reference (KL divergence), computed EXACTLY, not sampled: on a fixed
  set of probe prompts, each with one continuation sampled once from the reference
  (seeded, then frozen), we sum over every position of the continuation the full-
  vocabulary KL(pi(.|context) || ref(.|context)) = sum_v pi(v) (log pi(v) - log ref(v)).
  `kl` is that sum per answer (nats, averaged over the probe prompts); `kl_per_token`
  divides by the number of positions. Because the continuations are fixed, two numbers
  differ only because the model did;
- mean answer length and the share of answers that end with <end> by themselves, from
  answers sampled on held-out prompts with the same seed every time (common random
  numbers: a change between two measurements comes mostly from the model, not the dice);
- the quality of those answers (`engine.alignment.answer_quality`): the share of made-up
  words and the reference model's loss on them;
- the agreement before update: each new pair is first scored by the model as it is
  BEFORE it learns from that pair (does the chosen answer already have the higher
  implicit reward? a tie counts one half), and the running share is logged. A ranker
  with no taste reads about 50 % on it; the stored-pair `accuracy` above, measured
  after training on those very pairs, reads high even then;
- how strongly the rewarded trait shows (`Trait`): the share of those sampled answers
  that have it and, for a word, the mean probability of the word's token along the
  fixed probe continuations (exact, smooth).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from engine.alignment.answer_quality import AnswerStats, summarise
from engine.alignment.feedback import Answer
from engine.alignment.losses import answer_batch
from engine.alignment.preference import PreferenceOptimizer, UpdateReport
from engine.alignment.sampling import sample_answers
from engine.chat_format import IGNORE, prompt_ids
from engine.finetuning.known_words import KnownWords
from engine.model import TinyGPT
from engine.pretraining.probes import (
    Generation,
    NextTokenDistribution,
    generate,
    next_token_distribution,
)
from engine.tokenizers import Tokenizer


# ----- the trait being rewarded --------------------------------------------------------
@dataclass(frozen=True)
class Trait:
    """Something an answer has or not: mentions a word, or is short / long.

    kind "word": the answer contains `word` as a whole word (any case).
    kind "short": at most `threshold` tokens; kind "long": more than `threshold` tokens.
    """

    kind: str  # "word" | "short" | "long"
    word: str = ""
    threshold: int = 0
    token_id: int | None = None  # the word's own token (" word"), when it is one

    def __post_init__(self) -> None:
        if self.kind not in TRAIT_KINDS:
            raise ValueError(f"unknown trait {self.kind!r}: use word:WORD, short or long")
        if self.kind == "word" and not self.word.strip():
            raise ValueError("a word trait needs a word")

    @property
    def title(self) -> str:
        """A chart title: short."""
        if self.kind == "word":
            return f'Mentions "{self.word}"'
        return "Short answers" if self.kind == "short" else "Long answers"

    @property
    def label(self) -> str:
        """For people: what share of answers this is."""
        if self.kind == "word":
            return f'answers that mention "{self.word}"'
        if self.kind == "short":
            return f"answers of {self.threshold} tokens or fewer"
        return f"answers longer than {self.threshold} tokens"

    def present(self, answer: Answer) -> bool:
        if self.kind == "word":
            return re.search(rf"\b{re.escape(self.word.strip())}\b", answer.text, re.IGNORECASE) is not None
        if self.kind == "short":
            return answer.n_tokens <= self.threshold
        return answer.n_tokens > self.threshold


TRAIT_KINDS = ("word", "short", "long")


def word_trait(tok: Tokenizer, word: str) -> Trait:
    """A word trait, with the word's token when it is a single token."""
    word = word.strip()
    finder = getattr(tok, "word_token", None)
    tid = finder(word) if finder is not None else None
    return Trait("word", word=word, token_id=tid)


def length_trait(kind: str, answers: Sequence[Answer]) -> Trait:
    """A short/long trait whose threshold is the median length of `answers` (the reference's)."""
    median = int(statistics.median(a.n_tokens for a in answers)) if answers else 10
    return Trait(kind, threshold=median)


# ----- exact drift from the reference ---------------------------------------------------
class DriftProbe:
    """Fixed probe prompts and continuations on which KL and token mass are exact.

    The continuations are sampled once from the reference (temperature 1, `seed`) and
    never change; the reference's log-probabilities along them are cached.
    """

    def __init__(
        self,
        reference: TinyGPT,
        tok: Tokenizer,
        prompts: Sequence[Sequence[int]],
        max_new_tokens: int = 40,
        seed: int = 1234,
    ):
        if not prompts:
            raise ValueError("the drift probe needs at least one prompt")
        gen = torch.Generator().manual_seed(seed)
        block = reference.config.block_size
        room = [min(max_new_tokens, block - len(p)) for p in prompts]
        self.answers: list[Answer] = []
        for p, r in zip(prompts, room, strict=True):  # one call per room size keeps it simple
            self.answers += sample_answers(reference, tok, [p], max(1, r), gen)
        self.idx, self.targets = answer_batch(
            [(tuple(p), a.token_ids) for p, a in zip(prompts, self.answers, strict=True)], block
        )  # (B, T), (B, T)
        self.mask = self.targets != IGNORE  # (B, T)
        self.positions = int(self.mask.sum())
        with torch.no_grad():
            logits, _ = reference(self.idx)
            self.ref_logp = F.log_softmax(logits, dim=-1)  # (B, T, V)

    @torch.no_grad()
    def measure(self, model: TinyGPT, token_id: int | None = None) -> tuple[float, float, float | None]:
        """(KL per answer, KL per token, mean probability of token_id) of `model`."""
        was_training = model.training
        model.eval()
        logits, _ = model(self.idx)
        model.train(was_training)
        logp = F.log_softmax(logits, dim=-1)  # (B, T, V)
        kl_pos = (logp.exp() * (logp - self.ref_logp)).sum(-1)  # (B, T)
        kl_pos = torch.where(self.mask, kl_pos, torch.zeros_like(kl_pos)).clamp(min=0.0)
        kl_answer = float(kl_pos.sum(1).mean())
        kl_token = float(kl_pos.sum()) / max(1, self.positions)
        mass = None
        if token_id is not None:
            mass = float(logp[..., token_id].exp()[self.mask].mean())
        return kl_answer, kl_token, mass


# ----- snapshots -----------------------------------------------------------------------
__all__ = ["AlignmentMetrics", "AlignmentSnapshot", "AnswerStats", "DriftProbe", "StageView",
           "Trait", "length_trait", "stage_view", "word_trait"]  # AnswerStats: re-exported


@dataclass(frozen=True)
class AlignmentSnapshot:
    """The model after an update (or a reset), as the field logs it. Plain numbers only."""

    version: int  # updates since the fine-tuned reference (0 = the reference itself)
    event: str  # "start" | "pair" | "thumb" | "mixed" | "reset" | "rolled back"
    judgements: int  # pairs and thumbs stored so far
    pairs: int  # pairs stored so far
    dpo_loss: float | None  # mean DPO loss of the newest judgement at its first step
    loss: float | None  # total loss at the last step of the update
    reward_chosen: float | None  # mean beta*log(pi/ref) of chosen answers (stored pairs)
    reward_rejected: float | None
    margin: float | None  # mean reward_chosen - reward_rejected
    accuracy: float | None  # share of stored pairs with reward_chosen > reward_rejected
    kl: float  # exact KL(pi || ref) per answer on the probe prompts (nats)
    kl_per_token: float  # the same per answer token
    mean_length: float  # sampled answers on held-out prompts (tokens)
    end_rate: float  # share of those answers that end with <end>
    trait: str  # what the trait is, for people ("answers that mention "sea"")
    trait_title: str  # the same, short, for a chart title ('Mentions "sea"')
    trait_rate: float  # share of those answers with the trait
    trait_token_prob: float | None  # mean probability of the trait word's token on the probes
    samples: int  # how many answers the three numbers above come from (0: not sampled, NaN)
    update_seconds: float  # time spent in the optimiser steps
    measure_seconds: float  # time spent measuring
    message: str = ""
    agreement: float | None = None  # running before-update agreement (None: no pair scored yet)
    agreement_pairs: int = 0  # how many pairs the agreement was scored on
    new_pairs: int = 0  # pairs this judgement produced (a 4-way ranking: up to 6)
    non_word_share: float = float("nan")  # made-up words / words in the sampled answers
    reference_loss: float = float("nan")  # the reference's nats per token on those answers


class AlignmentMetrics:
    """Measures a policy against its reference on fixed held-out prompts."""

    def __init__(
        self,
        optimizer: PreferenceOptimizer,
        heldout_prompts: Sequence[str],
        trait: Trait | None = None,
        samples_per_prompt: int = 2,
        seed: int = 4321,
        probe_prompts: int = 12,
        known_words: KnownWords | None = None,
    ):
        if not heldout_prompts:
            raise ValueError("the measurements need at least one held-out prompt")
        self.known_words = known_words  # for the made-up word share (None: not measured)
        self.opt = optimizer
        self.prompts = [optimizer.prompt_ids(p) for p in heldout_prompts]
        self.samples_per_prompt = samples_per_prompt
        self.seed = seed
        cfg = optimizer.config
        self.probe = DriftProbe(
            optimizer.reference, optimizer.tokenizer, self.prompts[:probe_prompts],
            cfg.max_answer_tokens, seed=seed + 1,
        )
        self.trait = trait
        if trait is not None and trait.kind in ("short", "long") and trait.threshold <= 0:
            ref_answers = self.sample(optimizer.reference)
            self.trait = length_trait(trait.kind, ref_answers)

    def set_trait(self, trait: Trait | None) -> None:
        """Measure `trait` from now on (a length trait's threshold: the reference's median)."""
        if trait is not None and trait.kind in ("short", "long") and trait.threshold <= 0:
            trait = length_trait(trait.kind, self.sample(self.opt.reference))
        self.trait = trait

    def sample(self, model: TinyGPT, samples_per_prompt: int | None = None, seed: int | None = None) -> list[Answer]:
        """Answers to every held-out prompt (same seed each time: common random numbers)."""
        k = self.samples_per_prompt if samples_per_prompt is None else samples_per_prompt
        gen = torch.Generator().manual_seed(self.seed if seed is None else seed)
        prompts = [p for p in self.prompts for _ in range(k)]
        max_new = min(self.opt.max_new_tokens(p) for p in self.prompts)
        return sample_answers(model, self.opt.tokenizer, prompts, max_new, gen)

    def measure(self, model: TinyGPT, prompts: Sequence[Sequence[int]] | None = None,
                samples_per_prompt: int | None = None, seed: int | None = None) -> AnswerStats:
        """Sample answers to `prompts` (default: the measuring prompts) and summarise them."""
        saved = self.prompts
        if prompts is not None:
            self.prompts = [tuple(p) for p in prompts]
        try:
            k = self.samples_per_prompt if samples_per_prompt is None else samples_per_prompt
            answers = self.sample(model, k, seed)
            asked = [p for p in self.prompts for _ in range(k)]
        finally:
            self.prompts = saved
        trait = self.trait.present if self.trait is not None else None
        return summarise(answers, asked, k, trait, self.known_words, self.opt.reference)

    def snapshot(
        self, event: str, report: UpdateReport | None = None, message: str = "", sample: bool = True,
        agreement: float | None = None, agreement_pairs: int = 0, new_pairs: int = 0,
    ) -> AlignmentSnapshot:
        """Measure the policy now. Also sets the KTO reference point to the measured KL.

        With sample=False the sampled numbers (length, end rate, trait share) are NaN:
        the exact ones (KL, token mass, rewards, accuracy) cost a few forward passes,
        sampling answers costs most of the time (scripts and tests skip it per click).
        """
        start = time.perf_counter()
        opt = self.opt
        token_id = self.trait.token_id if self.trait is not None else None
        kl, kl_tok, mass = self.probe.measure(opt.policy, token_id)
        opt.kl_reference = kl
        nan = float("nan")
        stats = self.measure(opt.policy) if sample else AnswerStats(0, 0, nan, nan)
        chosen, rejected = opt.pair_rewards()
        if chosen.numel():
            rc, rr = float(chosen.mean()), float(rejected.mean())
            margin, acc = float((chosen - rejected).mean()), float((chosen > rejected).float().mean())
        else:
            rc = rr = margin = acc = None
        dpo_first = loss = None
        if report is not None and report.steps:
            dpo_first = report.steps[0].dpo
            loss = report.steps[-1].total
        return AlignmentSnapshot(
            version=opt.version,
            event=event,
            judgements=len(opt.memory.items),
            pairs=len(opt.memory.pairs()),
            dpo_loss=dpo_first,
            loss=loss,
            reward_chosen=rc,
            reward_rejected=rr,
            margin=margin,
            accuracy=acc,
            kl=kl,
            kl_per_token=kl_tok,
            mean_length=stats.mean_length,
            end_rate=stats.end_rate,
            trait=self.trait.label if self.trait is not None else "",
            trait_title=self.trait.title if self.trait is not None else "",
            trait_rate=stats.trait_rate if self.trait is not None else nan,
            trait_token_prob=mass,
            samples=stats.n,
            update_seconds=report.seconds if report is not None else 0.0,
            measure_seconds=time.perf_counter() - start,
            message=message or (report.message if report is not None else ""),
            agreement=agreement,
            agreement_pairs=agreement_pairs,
            new_pairs=new_pairs,
            non_word_share=stats.non_word_share,
            reference_loss=stats.reference_loss,
        )


# ----- the three stages side by side ---------------------------------------------------
@dataclass(frozen=True)
class StageView:
    """One stage's reply to a prompt: its next-token guesses and one sampled answer."""

    stage: str  # "pre-trained" | "fine-tuned" | "aligned"
    next_token: NextTokenDistribution | None  # the top-k first tokens after the prompt
    answer: Generation | None  # one answer, temperature 1, stops at <end>
    problem: str = ""  # why this stage has nothing to show (no such model yet)
    origin: str = ""  # where this stage's model came from, for people


def stage_view(
    stage: str, model: TinyGPT, tok: Tokenizer, prompt: str, k: int = 5, seed: int = 0,
    max_new_tokens: int = 40,
    origin: str = "",
) -> StageView:
    """Ask `model` the prompt in the chat format: what it would write first, and a sample."""
    ids = prompt_ids(tok, prompt)
    room = max(1, min(max_new_tokens, model.config.block_size - len(ids)))
    dist = next_token_distribution(model, tok, ids, k)
    g = generate(model, tok, ids, max_new_tokens=room, temperature=1.0, seed=seed,
                 stop_at_end=True, prompt=prompt)
    return StageView(stage, dist, g, origin=origin)
