"""Supervised fine-tuning (SFT): teaching the next-word machine to answer, then stop.

Each question/answer pair becomes one sequence in the chat format

    <user> question <assistant> answer <end>

The prompt part (`<user> question <assistant>`) and the answer part (` answer<end>`)
are tokenized separately and joined, so the boundary between them is exact. The model
still learns by guessing every next token, but only the answer tokens and `<end>`
count in the loss: the prompt's labels are set to -100, which the loss ignores. The
model is not asked to write questions; it is asked to answer them, and to write
`<end>` when the answer is done, which is how it learns to stop. With
`train_on_prompt=True` the prompt counts too, to show the difference.

`SFTTrainer` is a `TrainingLoop` (engine/training_loop.py) like `PreTrainer`: one
optimiser step per `next()`, a small frozen `SFTSnapshot` each time, `request_stop()`
to end it, and a roll-back to the last good weights if the loss stops being a number.
What is its own: a batch is question/answer pairs drawn without replacement, and the
loss counts only the answer tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from engine.chat_format import IGNORE, answer_ids, prompt_ids
from engine.finetuning.answer_scoring import AnswerCheck, AnswerReport
from engine.finetuning.qa_data import QAPair
from engine.model import TinyGPT
from engine.pretraining.probes import Generation
from engine.tokenizers import PAD, Tokenizer
from engine.training_loop import TrainingLoop, check_loop_config


@dataclass(frozen=True)
class SFTExample:
    """One training sequence. labels[i] == ids[i] where token i is learned, else -100.

    Labels sit under the token they name (not shifted): the loss compares the model's
    guess after ids[:i] with labels[i]. `prompt_len` tokens come first; the answer and
    `<end>` follow. `truncated` counts prompt tokens cut to fit the model's context.
    """

    ids: tuple[int, ...]
    labels: tuple[int, ...]
    prompt_len: int
    truncated: int = 0

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def trained(self) -> tuple[bool, ...]:
        """For each token, whether it counts in the loss."""
        return tuple(label != IGNORE for label in self.labels)


class ExampleTooLong(ValueError):
    """The answer alone does not fit in the model's context."""


def build_sft_example(
    tok: Tokenizer,
    question: str,
    answer: str,
    train_on_prompt: bool = False,
    max_len: int | None = None,
) -> SFTExample:
    """The chat-format sequence of one pair, with the prompt masked out of the loss.

    max_len (block_size + 1 for a model) caps the length. A too-long example keeps
    its whole answer and `<end>` and loses prompt tokens from the middle (the `<user>`
    marker and the end of the question with `<assistant>` stay); if even the answer
    cannot fit, ExampleTooLong is raised.
    """
    p = prompt_ids(tok, question)
    a = answer_ids(tok, answer)
    truncated = 0
    if max_len is not None and len(p) + len(a) > max_len:
        room = max_len - len(a)  # tokens left for the prompt
        if room < 3:  # <user>, at least one question token, <assistant>
            raise ExampleTooLong(
                f"The answer is {len(a)} tokens long; with the question it cannot fit in the "
                f"model's {max_len - 1}-token context."
            )
        truncated = len(p) - room
        p = [p[0], *p[len(p) - (room - 1) :]]
    ids = tuple(p + a)
    prompt_labels = list(p) if train_on_prompt else [IGNORE] * len(p)
    labels = tuple(prompt_labels + a)
    return SFTExample(ids=ids, labels=labels, prompt_len=len(p), truncated=truncated)


@dataclass(frozen=True)
class ExampleSet:
    """Tokenized pairs ready to train on, and how many were cut or left out."""

    examples: tuple[SFTExample, ...]
    truncated: int  # examples whose prompt was shortened to fit
    skipped: int  # examples left out: even the answer alone was too long


def build_examples(
    tok: Tokenizer, pairs: Sequence[QAPair], max_len: int, train_on_prompt: bool = False
) -> ExampleSet:
    out, truncated, skipped = [], 0, 0
    for pair in pairs:
        try:
            ex = build_sft_example(tok, pair.question, pair.answer, train_on_prompt, max_len)
        except ExampleTooLong:
            skipped += 1
            continue
        truncated += ex.truncated > 0
        out.append(ex)
    return ExampleSet(tuple(out), truncated, skipped)


def collate(examples: Sequence[SFTExample], pad_id: int = PAD) -> tuple[torch.Tensor, torch.Tensor]:
    """Pad examples to one (B, T) batch: ids padded with pad_id, labels with -100."""
    if not examples:
        raise ValueError("collate needs at least one example")
    T = max(len(ex) for ex in examples)
    ids = torch.full((len(examples), T), pad_id, dtype=torch.long)  # (B, T)
    labels = torch.full((len(examples), T), IGNORE, dtype=torch.long)  # (B, T)
    for i, ex in enumerate(examples):
        ids[i, : len(ex)] = torch.tensor(ex.ids, dtype=torch.long)
        labels[i, : len(ex)] = torch.tensor(ex.labels, dtype=torch.long)
    return ids, labels


def sft_loss(model: TinyGPT, ids: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean next-token loss over the labelled tokens of a (B, T) batch.

    The model reads ids[:, :-1] and its guess at position t is scored against
    labels[:, t+1]; -100 labels (prompt, padding) do not count. Padding sits after
    the real tokens, so causal attention never lets a real token see it.
    """
    _, loss = model(ids[:, :-1], labels[:, 1:], ignore_index=IGNORE)
    return loss


@dataclass
class SFTConfig:
    """How fine-tuning runs. Every field has a default and a reason."""

    seed: int = 0  # fixes the order in which pairs are drawn
    lr: float = 1e-3  # a third of pre-training's: adjust the model, don't wipe what it knows
    batch_size: int = 16  # 16 pairs a step: ~500 tokens, ~20 steps/s on one core
    warmup_steps: int = 10  # a short ramp so the first steps don't shake the pre-trained weights
    weight_decay: float = 0.0  # runs are seconds long: decay would only slow learning
    grad_clip: float = 1.0  # caps rare huge steps
    beta2: float = 0.95  # as in pre-training
    eval_every: int = 20  # held-out loss every 20 steps: a smooth curve for ~5 % of the time
    max_steps: int | None = 300  # 300 steps (~15 passes over the pairs) make it answer reliably
    train_on_prompt: bool = False  # True: the prompt counts in the loss too (to compare)

    def __post_init__(self) -> None:
        check_loop_config(self)


@dataclass(frozen=True)
class SFTSnapshot:
    """One fine-tuning step, as plain numbers (safe to send to another process)."""

    step: int
    examples_seen: int
    train_loss: float  # on this step's batch (answer tokens only, unless train_on_prompt)
    heldout_loss: float | None  # answer tokens of the held-out pairs, on evaluation steps
    elapsed: float  # seconds spent in this run
    status: str = "running"  # "running" | "done" | "stopped" | "diverged"
    message: str = ""


class SFTTrainer(TrainingLoop[SFTSnapshot]):
    """Fine-tunes a TinyGPT on question/answer pairs, one SFTSnapshot per step."""

    diverged_message = (
        "Fine-tuning stopped: the loss stopped being a number (it blew up to "
        "infinity or NaN), usually because the learning rate is too high. The "
        "model was rolled back to its last good weights."
    )

    def __init__(
        self,
        model: TinyGPT,
        tok: Tokenizer,
        train_pairs: Sequence[QAPair],
        heldout_pairs: Sequence[QAPair] = (),
        config: SFTConfig | None = None,
    ):
        config = config or SFTConfig()
        self.tok = tok
        max_len = model.config.block_size + 1  # the model reads all but the last token
        self.train_set = build_examples(tok, train_pairs, max_len, config.train_on_prompt)
        # subtle: the held-out loss is always on answer tokens only, so curves made
        # with and without train_on_prompt measure the same thing.
        self.heldout_set = build_examples(tok, heldout_pairs, max_len, train_on_prompt=False)
        if not self.train_set.examples:
            raise ValueError(
                "There is nothing to fine-tune on: add at least one question/answer pair "
                "(pairs whose answer is too long for the model are left out)."
            )
        super().__init__(model, config)
        self.examples_seen = 0
        self._rng = np.random.default_rng(config.seed)
        self._order: list[int] = []
        self._heldout_batches = answer_batches(self.heldout_set)

    def heldout_loss(self) -> float | None:
        """Mean loss per answer token over all held-out pairs (None if there are none)."""
        return mean_answer_loss(self.model, self._heldout_batches)

    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """A batch of pairs drawn without replacement, reshuffled every pass."""
        n = len(self.train_set.examples)
        picked: list[int] = []
        while len(picked) < min(self.config.batch_size, n):
            if not self._order:
                self._order = list(self._rng.permutation(n))
            picked.append(int(self._order.pop()))
        return collate([self.train_set.examples[i] for i in picked])

    def batch_loss(self) -> tuple[torch.Tensor, int]:
        """The answer-token loss on the next batch of pairs, and how many pairs it holds."""
        ids, labels = self._next_batch()  # (B, T) each
        return sft_loss(self.model, ids, labels), ids.shape[0]

    def count(self, items: int) -> None:
        self.examples_seen += items

    def snapshot(self, train_loss: float, heldout: float | None, elapsed: float,
                 status: str = "running", message: str = "") -> SFTSnapshot:
        return SFTSnapshot(
            step=self.step_count,
            examples_seen=self.examples_seen,
            train_loss=train_loss,
            heldout_loss=heldout,
            elapsed=elapsed,
            status=status,
            message=message,
        )


def answer_loss(model: TinyGPT, tok: Tokenizer, pairs: Sequence[QAPair]) -> float | None:
    """Mean loss per answer token (`<end>` included) of `model` on these QAPairs.

    The held-out loss fine-tuning reports, for any model: the status bar re-measures it
    after every stage, feedback included. None when no pair fits the model.
    """
    return mean_answer_loss(model, answer_batches(build_examples(tok, pairs, model.config.block_size + 1)))


def answer_batches(examples: ExampleSet, size: int = 64) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """The examples as padded (ids, labels) batches of at most `size` (for measuring)."""
    ex = examples.examples
    return [collate(ex[i : i + size]) for i in range(0, len(ex), size)]


@torch.no_grad()
def mean_answer_loss(model: TinyGPT, batches: Sequence[tuple[torch.Tensor, torch.Tensor]]) -> float | None:
    """Mean loss per labelled token over (ids, labels) batches (None if there are none)."""
    if not batches:
        return None
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    for ids, labels in batches:  # (B, T) each
        n = int((labels[:, 1:] != IGNORE).sum())
        total += sft_loss(model, ids, labels).item() * n
        count += n
    model.train(was_training)
    return total / max(1, count)


def token_view(tok: Tokenizer, example: SFTExample) -> list[tuple[int, str, bool]]:
    """(id, readable text, trained?) per token: the Fine-tune panel's masked/trained chips."""
    strings = tok.token_strings(list(example.ids))
    return [(i, s, t) for i, s, t in zip(example.ids, strings, example.trained, strict=True)]


# ----------------------------------------------------------------------------------
# What the Session hands the Fine-tune panel (plain frozen values).


@dataclass(frozen=True)
class StageOutput:
    """What one stage's model wrote for the question, and how it was asked."""

    stage: str  # "pre-trained" | "fine-tuned"
    origin: str  # which model this is, for people ("this session's model", "shipped")
    chat: bool  # True: asked in the chat format; False: the bare question was continued
    generation: Generation | None  # None when there is no model at this stage
    check: AnswerCheck | None  # the answer rules applied to this output
    note: str = ""  # why there is no output, when there is none


@dataclass(frozen=True)
class StageComparison:
    """The same question put to the pre-trained and the fine-tuned model."""

    question: str
    outputs: tuple[StageOutput, ...]

    def output(self, stage: str) -> StageOutput | None:
        return next((o for o in self.outputs if o.stage == stage), None)


@dataclass(frozen=True)
class StageRates:
    """The answer rules over the held-out questions, per stage (before/after)."""

    questions: tuple[str, ...]
    rates: dict[str, AnswerReport]  # stage -> report (stages without a model are absent)
    origins: dict[str, str]
    notes: dict[str, str]  # stage -> why it is missing
