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

`SFTTrainer.run()` is a generator like `PreTrainer.run()`: one optimiser step per
`next()`, a small frozen `SFTSnapshot` each time, `request_stop()` to end it, and a
roll-back to the last good weights if the loss stops being a number.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np
import torch

from engine.finetuning.answer_scoring import AnswerCheck, AnswerReport
from engine.model import TinyGPT
from engine.pretraining.probes import Generation
from engine.finetuning.qa_data import QAPair
from engine.tokenizers import ASSISTANT, END, PAD, SPECIAL_TOKENS, USER, Tokenizer

IGNORE = -100  # a label the loss skips (torch's cross_entropy ignore_index default)


def chat_prompt(question: str) -> str:
    """The chat format's prompt part; the same text as `engine.session.core.chat_prompt`."""
    return f"{SPECIAL_TOKENS[USER]} {question.strip()} {SPECIAL_TOKENS[ASSISTANT]}"


def prompt_ids(tok: Tokenizer, question: str) -> list[int]:
    """Token ids of `<user> question <assistant>`: what the model reads before answering."""
    return tok.encode(chat_prompt(question))


def answer_ids(tok: Tokenizer, answer: str) -> list[int]:
    """Token ids of ` answer` followed by the `<end>` id: what the model must write."""
    return tok.encode(" " + answer.strip()) + [END]


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
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ValueError(f"learning rate must be a positive number, got {self.lr}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.eval_every < 1:
            raise ValueError("eval_every must be at least 1")
        if self.max_steps is not None and self.max_steps < 0:
            raise ValueError(f"max_steps must be >= 0, got {self.max_steps}")


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


class SFTTrainer:
    """Fine-tunes a TinyGPT on question/answer pairs, one SFTSnapshot per step."""

    def __init__(
        self,
        model: TinyGPT,
        tok: Tokenizer,
        train_pairs: Sequence[QAPair],
        heldout_pairs: Sequence[QAPair] = (),
        config: SFTConfig | None = None,
    ):
        self.model = model
        self.tok = tok
        self.config = config or SFTConfig()
        max_len = model.config.block_size + 1  # the model reads all but the last token
        self.train_set = build_examples(tok, train_pairs, max_len, self.config.train_on_prompt)
        # subtle: the held-out loss is always on answer tokens only, so curves made
        # with and without train_on_prompt measure the same thing.
        self.heldout_set = build_examples(tok, heldout_pairs, max_len, train_on_prompt=False)
        if not self.train_set.examples:
            raise ValueError(
                "There is nothing to fine-tune on: add at least one question/answer pair "
                "(pairs whose answer is too long for the model are left out)."
            )
        self.optimizer = torch.optim.AdamW(
            model.parameters(),
            lr=self.config.lr,
            betas=(0.9, self.config.beta2),
            weight_decay=self.config.weight_decay,
        )
        self.step_count = 0
        self.examples_seen = 0
        self._stop = False
        self._rng = np.random.default_rng(self.config.seed)
        self._order: list[int] = []
        self._heldout_batches = [
            collate(self.heldout_set.examples[i : i + 64])
            for i in range(0, len(self.heldout_set.examples), 64)
        ]
        self._good = [p.detach().clone() for p in model.parameters()]
        self._loss_ceiling = 2.0 * math.log(model.config.vocab_size) + 2.0

    def request_stop(self) -> None:
        """Ask the running generator to end after the current step."""
        self._stop = True

    @torch.no_grad()
    def heldout_loss(self) -> float | None:
        """Mean loss per answer token over all held-out pairs (None if there are none)."""
        if not self._heldout_batches:
            return None
        was_training = self.model.training
        self.model.eval()
        total, count = 0.0, 0
        for ids, labels in self._heldout_batches:
            n = int((labels[:, 1:] != IGNORE).sum())
            total += sft_loss(self.model, ids, labels).item() * n
            count += n
        self.model.train(was_training)
        return total / max(1, count)

    def _next_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """A batch of pairs drawn without replacement, reshuffled every pass."""
        n = len(self.train_set.examples)
        picked: list[int] = []
        while len(picked) < min(self.config.batch_size, n):
            if not self._order:
                self._order = list(self._rng.permutation(n))
            picked.append(int(self._order.pop()))
        return collate([self.train_set.examples[i] for i in picked])

    def _lr_at(self, step: int) -> float:
        return self.config.lr * min(1.0, (step + 1) / max(1, self.config.warmup_steps))

    def _healthy(self, loss: float) -> bool:
        return math.isfinite(loss) and loss < self._loss_ceiling

    def _train_step(self) -> tuple[float, int] | None:
        ids, labels = self._next_batch()
        for group in self.optimizer.param_groups:
            group["lr"] = self._lr_at(self.step_count)
        loss = sft_loss(self.model, ids, labels)
        if not self._healthy(loss.item()):
            return None
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        if not torch.isfinite(grad_norm):
            return None
        self.optimizer.step()
        return loss.item(), ids.shape[0]

    def _restore_good_weights(self) -> None:
        with torch.no_grad():
            for p, good in zip(self.model.parameters(), self._good, strict=True):
                p.copy_(good)
        self.optimizer.state.clear()

    def _remember_good_weights(self) -> None:
        with torch.no_grad():
            torch._foreach_copy_(self._good, [p.detach() for p in self.model.parameters()])

    def run(self) -> Iterator[SFTSnapshot]:
        """Fine-tune until stopped (or max_steps); yield a snapshot after every step."""
        self.model.train()
        start = time.perf_counter()
        last: SFTSnapshot | None = None
        while True:
            done = self.config.max_steps is not None and self.step_count >= self.config.max_steps
            if self._stop or done:
                status = "done" if done and not self._stop else "stopped"
                self._stop = False
                if last is not None:
                    yield replace(last, status=status, elapsed=time.perf_counter() - start)
                return
            result = self._train_step()
            if result is None:
                self._restore_good_weights()
                yield SFTSnapshot(
                    step=self.step_count,
                    examples_seen=self.examples_seen,
                    train_loss=float("nan"),
                    heldout_loss=None,
                    elapsed=time.perf_counter() - start,
                    status="diverged",
                    message=(
                        "Fine-tuning stopped: the loss stopped being a number (it blew up to "
                        "infinity or NaN), usually because the learning rate is too high. The "
                        "model was rolled back to its last good weights."
                    ),
                )
                return
            loss, batch = result
            self.step_count += 1
            self.examples_seen += batch
            heldout = None
            if self.step_count % self.config.eval_every == 0 or self.step_count == 1:
                heldout = self.heldout_loss()
                if heldout is None or self._healthy(heldout):
                    self._remember_good_weights()
            last = SFTSnapshot(
                step=self.step_count,
                examples_seen=self.examples_seen,
                train_loss=loss,
                heldout_loss=heldout,
                elapsed=time.perf_counter() - start,
            )
            yield last

    def train_steps(self, n: int) -> list[SFTSnapshot]:
        """Run up to n steps synchronously (scripts and tests)."""
        out = []
        gen = self.run()
        for snap in gen:
            out.append(snap)
            if snap.status != "running" or len(out) >= n:
                break
        gen.close()
        return out


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
