"""What the sampled answers are like: the trait, and their quality beside it.

After every update the app samples answers to fixed held-out prompts (several per
prompt, the same dice each time) and summarises them here (`AnswerStats`):

- the trait share: the answers that have the rewarded trait (mention "sea", say);
- the **made-up word share**: words in the answers that occur nowhere in the training
  text (`engine.finetuning.known_words`), out of all their words;
- the **reference loss**: how surprised the fine-tuned reference model is by the
  answers, in nats per answer token (its mean negative log-probability of each token,
  `<end>` included). Fluent answers of the kind the reference writes score about its
  own entropy; garbled ones score higher. A ranker that buys its trait with nonsense
  shows up here even when the trait chart looks like a success;
- length and the share that stop by themselves.

Every measure is also kept per prompt (`PromptMeasures`), so a before/after comparison
can pair the answers prompt by prompt (`engine.alignment.before_after`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

from engine.alignment.before_after import BeforeAfter, PromptMeasures, compare_before_after
from engine.alignment.feedback import Answer
from engine.alignment.losses import answer_batch, sequence_logprobs
from engine.finetuning.known_words import KnownWords, words_of
from engine.model import TinyGPT

NAN = float("nan")


@dataclass(frozen=True)
class AnswerStats:
    """Sampled answers on held-out prompts, summarised (NaN where not measured)."""

    n: int
    with_trait: int
    mean_length: float  # tokens, without <end>
    end_rate: float  # share that wrote <end> themselves
    non_word_share: float = NAN  # made-up words / words, over all answers
    reference_loss: float = NAN  # the reference's nats per answer token, over all answers
    by_prompt: PromptMeasures | None = None  # the same, prompt by prompt

    @property
    def trait_rate(self) -> float:
        return self.with_trait / self.n if self.n else NAN


@torch.no_grad()
def reference_nll(reference: TinyGPT, prompts: Sequence[Sequence[int]],
                  answers: Sequence[Answer]) -> tuple[torch.Tensor, torch.Tensor]:
    """The reference's summed negative log-probability of each answer (B,) and its tokens (B,)."""
    was_training = reference.training
    reference.eval()
    idx, targets = answer_batch([(tuple(p), a.token_ids) for p, a in zip(prompts, answers, strict=True)],
                                reference.config.block_size)  # (B, T), (B, T)
    logp, count = sequence_logprobs(reference, idx, targets)  # (B,), (B,)
    reference.train(was_training)
    return -logp, count


def summarise(
    answers: Sequence[Answer],
    prompts: Sequence[Sequence[int]],
    group_size: int,
    has_trait: Callable[[Answer], bool] | None = None,
    known: KnownWords | None = None,
    reference: TinyGPT | None = None,
) -> AnswerStats:
    """AnswerStats of `answers`, written `group_size` per prompt in prompt order.

    `prompts[i]` is the prompt of `answers[i]`. Without `has_trait` the trait share is
    0; without `known` the made-up word share is NaN; without `reference` its loss is.
    """
    n = len(answers)
    if n % max(1, group_size):
        raise ValueError("the answers must come group_size per prompt")
    traits = [bool(has_trait(a)) if has_trait is not None else False for a in answers]
    words = [len(words_of(a.text)) for a in answers]
    unknown = [len(known.non_words(a.text)) if known is not None else 0 for a in answers]
    if reference is not None and n:
        nll, count = reference_nll(reference, prompts, answers)
        nll_list, count_list = nll.tolist(), count.tolist()
    else:
        nll_list, count_list = [NAN] * n, [1] * n

    def ratio(top: Sequence[float], bottom: Sequence[float]) -> float:
        return sum(top) / sum(bottom) if sum(bottom) else NAN

    groups = [range(i, i + group_size) for i in range(0, n, max(1, group_size))]
    by_prompt = PromptMeasures(
        trait=tuple(sum(traits[i] for i in g) / len(g) for g in groups),
        non_words=tuple(ratio([unknown[i] for i in g], [words[i] for i in g]) if known else NAN
                        for g in groups),
        reference_loss=tuple(ratio([nll_list[i] for i in g], [count_list[i] for i in g])
                             for g in groups),
    )
    loss = ratio(nll_list, count_list)
    return AnswerStats(
        n=n,
        with_trait=sum(traits),
        mean_length=sum(a.n_tokens for a in answers) / max(1, n),
        end_rate=sum(a.ended for a in answers) / max(1, n),
        non_word_share=ratio(unknown, words) if known is not None else NAN,
        reference_loss=NAN if math.isnan(loss) else loss,
        by_prompt=by_prompt,
    )


def compare_stats(before: AnswerStats, after: AnswerStats, seed: int = 0) -> BeforeAfter:
    """The before/after test (`before_after.compare_before_after`) of two AnswerStats.

    Both must come from the same prompts with the same number of answers each (as
    `Alignment.answer_stats` makes them). The one function the command line and the
    app's worker call.
    """
    if before.by_prompt is None or after.by_prompt is None:
        raise ValueError("both measurements need their per-prompt numbers")
    if len(before.by_prompt.trait) != len(after.by_prompt.trait):
        raise ValueError("before and after must measure the same prompts")
    return compare_before_after(before.by_prompt, after.by_prompt, seed)
