"""Is this an answer? A plain, checkable test of what fine-tuning changes.

A pre-trained model asked a question carries on writing: more questions, or words
appended to the question, and it never stops by itself. A fine-tuned model answers
and then stops. `is_answer_like` checks exactly that, with three rules anyone can
verify by reading the output:

1. it **stops by itself**: the model wrote the `<end>` token (`Generation.ended`);
2. it **asks nothing back**: there is no question mark in what it wrote;
3. it **stays on topic**: it shares a content word with the question, or uses a word
   from the same word group of the corpus lexicon (`engine.corpus.lexicon`).

Content words are the words left after lower-casing, dropping a small list of
function words (the, a, is, what, why, ...; `FUNCTION_WORDS`) and words shorter than
three letters, and folding simple plurals to the singular ("foxes" -> "fox",
"cherries" -> "cherry", "wolves" -> "wolf"). So "The fox sleeps in a den." is on
topic for "Where does the fox sleep?" (shared "fox"), and "Wolves eat meat." is on
topic for "What does the fox eat?" (both "fox" and "wolf" are in the animals group).

It is a rule of thumb for the shape of an answer, not a judge of its truth: a wrong
answer in the right shape counts. That is deliberate: fine-tuning teaches the shape
(answer, then stop) first; whether the facts are right is a later question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from engine.corpus.lexicon import group_of
from engine.model import TinyGPT
from engine.pretraining.probes import Generation, generate
from engine.tokenizers import END, PAD, Tokenizer

# Words that carry no topic: articles, pronouns, question words, common verbs.
_FUNCTION_WORDS_TEXT = """
    a an the and or but if so as at by for from in into of off on onto out over to up
    with without about after before than then there here this that these those it its
    is are was were be been being am do does did done doing have has had having can could
    will would shall should may might must not no yes don't doesn't didn't isn't aren't
    wasn't weren't can't won't what why how which who whom whose where when
    i you he she we they me him her us them my your his our their mine yours
    all any some many much more most very too also just only still even
    get gets got make makes made go goes went come comes came
    one two lot lots like best good well way day
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())

_IRREGULAR = {"wolves": "wolf", "sheep": "sheep", "fishermen": "fisherman", "men": "man",
              "women": "woman", "children": "child", "teeth": "tooth", "feet": "foot",
              "leaves": "leaf", "knives": "knife", "ferries": "ferry", "geese": "goose",
              "mice": "mouse", "waters": "waters", "grass": "grass", "glass": "glass"}
_WORD = re.compile(r"[a-z']+")


def singular(word: str) -> str:
    """A light, predictable plural folding: enough to match 'foxes' with 'fox'."""
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("xes", "zes", "ches", "shes", "sses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_words(text: str) -> set[str]:
    """The topic-carrying words of `text`, lower-cased and folded to the singular."""
    out = set()
    for raw in _WORD.findall(text.lower()):
        if raw in FUNCTION_WORDS or len(raw.strip("'")) < 3:
            continue
        w = singular(raw)
        if w not in FUNCTION_WORDS and len(w) >= 3:
            out.add(w)
    return out


def groups_of(words: set[str]) -> set[str]:
    """The lexicon word groups these (singular) content words belong to."""
    groups = set()
    for w in words:
        # The lexicon lists some words in the plural ("apples"), some in the singular.
        for form in (w, w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w):
            g = group_of(form)
            if g is not None:
                groups.add(g)
    return groups


@dataclass(frozen=True)
class AnswerJudgement:
    """The three rules for one output, and which words tied it to the question."""

    question: str
    text: str
    ended: bool  # rule 1: wrote <end>
    asks_back: bool  # rule 2 broken: a question mark in the output
    shared_words: tuple[str, ...]  # content words in both
    shared_groups: tuple[str, ...]  # lexicon groups in both

    @property
    def on_topic(self) -> bool:  # rule 3
        return bool(self.shared_words or self.shared_groups)

    @property
    def answer_like(self) -> bool:
        return self.ended and not self.asks_back and self.on_topic

    def reason(self) -> str:
        """One short line a person can read: why it counts or not."""
        if self.answer_like:
            return "answers and stops"
        problems = []
        if not self.ended:
            problems.append("never stops")
        if self.asks_back:
            problems.append("asks more questions")
        if not self.on_topic:
            problems.append("off topic")
        return ", ".join(problems)


def judge(question: str, generation: Generation | str, ended: bool | None = None) -> AnswerJudgement:
    """Apply the three rules to what the model wrote after `question`."""
    if isinstance(generation, Generation):
        text, stopped = generation.text, generation.ended
    else:
        text, stopped = generation, bool(ended)
    q_words, a_words = content_words(question), content_words(text)
    return AnswerJudgement(
        question=question,
        text=text,
        ended=stopped,
        asks_back="?" in text,
        shared_words=tuple(sorted(q_words & a_words)),
        shared_groups=tuple(sorted(groups_of(q_words) & groups_of(a_words))),
    )


def is_answer_like(question: str, generation: Generation) -> bool:
    """True when the output stops by itself, asks nothing back and stays on topic."""
    return judge(question, generation).answer_like


@dataclass(frozen=True)
class AnswerRate:
    """How many of the questions got an answer-like output, with every judgement."""

    rate: float  # share in [0, 1]
    answered: int
    total: int
    judgements: tuple[AnswerJudgement, ...]
    question_marks: int  # total '?' written over all outputs (the "asks back" count)


@dataclass(frozen=True)
class DecodeSettings:
    """How outputs are written when answers are measured. Defaults: repeatable."""

    max_new_tokens: int = 32  # longer than any bundled answer (at most 31 tokens with <end>)
    greedy: bool = True  # always the most likely token: the same output every time
    temperature: float = 0.7  # used only when greedy is False
    top_k: int | None = None
    seed: int = 0


@torch.no_grad()
def greedy_batch(
    model: TinyGPT, prompts: Sequence[Sequence[int]], max_new_tokens: int
) -> list[tuple[list[int], bool]]:
    """Greedy continuations of many prompts at once: (new ids, ended with <end>) each.

    The same tokens as `probes.generate(..., greedy=True)` one prompt at a time (up to
    float rounding), but several times faster: the prompts are right-padded into one
    batch and each row reads its guess at its own last real position. subtle: padding
    sits after the real tokens, so causal attention never lets a real token see it.
    Finished rows leave the batch, so answers that stop early cost nothing more.
    """
    block = model.config.block_size
    if any(len(p) + max_new_tokens > block for p in prompts) or any(not p for p in prompts):
        raise ValueError("greedy_batch needs non-empty prompts that fit the context with the answer")
    was_training = model.training
    model.eval()
    seqs = [list(p) for p in prompts]
    new: list[list[int]] = [[] for _ in prompts]
    ended = [False] * len(prompts)
    active = list(range(len(prompts)))
    for _ in range(max_new_tokens):
        if not active:
            break
        lengths = [len(seqs[i]) for i in active]
        x = torch.full((len(active), max(lengths)), PAD, dtype=torch.long)  # (B, T)
        for row, i in enumerate(active):
            x[row, : lengths[row]] = torch.tensor(seqs[i], dtype=torch.long)
        logits, _ = model(x)  # (B, T, V)
        last = logits[torch.arange(len(active)), torch.tensor(lengths) - 1]  # (B, V)
        picks = torch.argmax(last, dim=-1).tolist()
        still = []
        for i, nxt in zip(active, picks, strict=True):
            seqs[i].append(nxt)
            if nxt == END:
                ended[i] = True
            else:
                new[i].append(nxt)
                still.append(i)
        active = still
    model.train(was_training)
    return list(zip(new, ended, strict=True))


def answer_rate(
    model: TinyGPT,
    tok: Tokenizer,
    questions: Sequence[str],
    settings: DecodeSettings | None = None,
    chat: bool = True,
) -> AnswerRate:
    """Ask the model every question (in the chat format) and count answer-like outputs.

    Greedy settings (the default) decode all questions in one batch; sampling runs
    `probes.generate` question by question with the settings' seed.
    """
    from engine.finetuning.trainer import prompt_ids

    settings = settings or DecodeSettings()
    prompts = [prompt_ids(tok, q) if chat else tok.encode(q) for q in questions]
    fits = all(len(p) + settings.max_new_tokens <= model.config.block_size for p in prompts)
    judgements = []
    if settings.greedy and fits and prompts:
        for q, (ids, ended) in zip(questions, greedy_batch(model, prompts, settings.max_new_tokens),
                                   strict=True):
            judgements.append(judge(q, tok.decode(ids), ended))
    else:
        for q, ids in zip(questions, prompts, strict=True):
            g = generate(
                model,
                tok,
                ids,
                max_new_tokens=settings.max_new_tokens,
                temperature=settings.temperature,
                top_k=settings.top_k,
                greedy=settings.greedy,
                seed=settings.seed,
                stop_at_end=True,
                record_k=1,
                prompt=q,
            )
            judgements.append(judge(q, g))
    answered = sum(j.answer_like for j in judgements)
    return AnswerRate(
        rate=answered / len(judgements) if judgements else 0.0,
        answered=answered,
        total=len(judgements),
        judgements=tuple(judgements),
        question_marks=sum(j.text.count("?") for j in judgements),
    )
