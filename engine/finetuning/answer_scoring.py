"""What did the model write? Five plain, checkable rules for one answer.

Every answer, from the pre-trained and the fine-tuned model alike, written under the
same rules (the same prompt format, the same decoding settings, stopping at `<end>`),
is checked by the same five rules, each of which anyone can verify by reading it:

1. **stops**: the model wrote the `<end>` token by itself (`Generation.ended`)
   before the token limit;
2. **asks nothing back**: there is no question mark in what it wrote;
3. **on topic**: it shares a content word with the question, or uses a word from the
   same word group of the corpus lexicon (`engine.corpus.lexicon`);
4. **correct**: its first sentence contains at least half (rounded up) of the
   reference answer's *key words*: the content words of the reference that the
   question does not already contain. For "Where does the seal live?" with the
   reference "The seal lives in the cold sea and rests on the rocks." the key words are
   cold, sea, rest, rock; "The seal lives in the sea by the rocks." is correct (sea,
   rock), "The seal lives in a hole in the woods." is not. Only the first sentence
   counts, so an answer that rambles on cannot hit the words by chance;
5. **non-words**: the words it wrote that occur nowhere in the training text
   (`engine.finetuning.known_words`), as a share of all the words it wrote.

Content words are the words left after lower-casing, dropping a small list of
function words (the, a, is, what, why, ...; `FUNCTION_WORDS`) and words shorter than
three letters, and folding simple plurals to the singular ("foxes" -> "fox",
"cherries" -> "cherry", "wolves" -> "wolf").

Rules 1-3 are about the shape of an answer; a wrong answer in the right shape passes
them. Rule 4 is about its content, and is still generous: it looks for words, not for
meaning ("The seal does not live in the sea" would count as correct).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from engine.chat_format import prompt_ids
from engine.corpus.lexicon import group_of
from engine.finetuning.decode_settings import DecodeSettings
from engine.finetuning.known_words import KnownWords, words_of
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
_SENTENCE_END = re.compile(r"[.!?]")


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
class AnswerCheck:
    """The five rules applied to one output, with the words that decided each."""

    question: str
    text: str
    stops: bool  # rule 1: wrote <end> by itself
    asks_back: bool  # rule 2 broken: a question mark in the output
    shared_words: tuple[str, ...]  # rule 3: content words in both question and output
    shared_groups: tuple[str, ...]  # rule 3: lexicon groups in both
    reference: str = ""  # the reference answer ("" when there is none)
    key_words: tuple[str, ...] = ()  # rule 4: the reference's key words
    found_key_words: tuple[str, ...] = ()  # rule 4: those in the output's first sentence
    word_count: int = 0  # rule 5: words in the output
    non_words: tuple[str, ...] = ()  # rule 5: those not in the training text
    words_checked: bool = False  # rule 5 was applied (a list of known words was given)

    @property
    def asks_nothing_back(self) -> bool:  # rule 2
        return not self.asks_back

    @property
    def on_topic(self) -> bool:  # rule 3
        return bool(self.shared_words or self.shared_groups)

    @property
    def correct(self) -> bool | None:  # rule 4; None: no reference to compare with
        if not self.key_words:
            return None
        return len(self.found_key_words) >= needed_key_words(len(self.key_words))

    @property
    def non_word_share(self) -> float | None:  # rule 5; None: not checked
        if not self.words_checked:
            return None
        return len(self.non_words) / self.word_count if self.word_count else 0.0

    def summary(self) -> str:
        """One short line a person can read: which rules it passes."""
        parts = ["stops" if self.stops else "never stops",
                 "asks nothing back" if self.asks_nothing_back else "asks a question back",
                 "on topic" if self.on_topic else "off topic"]
        if self.correct is not None:
            parts.append("correct" if self.correct else "not correct")
        if self.words_checked and self.non_words:
            parts.append(f"{len(self.non_words)} made-up word{'s' * (len(self.non_words) != 1)}")
        return ", ".join(parts)


def needed_key_words(n_key_words: int) -> int:
    """How many of n key words a correct answer must contain: half, rounded up."""
    return (n_key_words + 1) // 2


def key_words(question: str, reference: str) -> tuple[str, ...]:
    """The reference's content words that the question does not already contain.

    When the reference only repeats the question's words, all its content words count.
    """
    ref = content_words(reference)
    return tuple(sorted(ref - content_words(question) or ref))


def first_sentence(text: str) -> str:
    """The text up to and including its first '.', '!' or '?' (all of it if none)."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def check_answer(
    question: str,
    generation: Generation | str,
    stops: bool | None = None,
    reference: str = "",
    known: KnownWords | None = None,
) -> AnswerCheck:
    """Apply the rules to what the model wrote after `question`.

    `reference` enables rule 4 (correct), `known` rule 5 (non-words).
    """
    if isinstance(generation, Generation):
        text, stopped = generation.text, generation.ended
    else:
        text, stopped = generation, bool(stops)
    q_words, a_words = content_words(question), content_words(text)
    keys = key_words(question, reference) if reference.strip() else ()
    first = content_words(first_sentence(text))
    return AnswerCheck(
        question=question,
        text=text,
        stops=stopped,
        asks_back="?" in text,
        shared_words=tuple(sorted(q_words & a_words)),
        shared_groups=tuple(sorted(groups_of(q_words) & groups_of(a_words))),
        reference=reference,
        key_words=keys,
        found_key_words=tuple(k for k in keys if k in first),
        word_count=len(words_of(text)),
        non_words=known.non_words(text) if known is not None else (),
        words_checked=known is not None,
    )


@dataclass(frozen=True)
class AnswerReport:
    """The five rules over many questions: how many outputs pass each, and every check."""

    checks: tuple[AnswerCheck, ...]

    @property
    def total(self) -> int:
        return len(self.checks)

    def count(self, rule: str) -> int:
        """How many outputs pass `rule`: "stops", "asks_nothing_back", "on_topic", "correct"."""
        return sum(bool(getattr(c, rule)) for c in self.checks)

    def share(self, rule: str) -> float:
        return self.count(rule) / self.total if self.total else float("nan")

    @property
    def graded(self) -> int:
        """Outputs with a reference answer (those rule 4 could check)."""
        return sum(c.correct is not None for c in self.checks)

    @property
    def correct_share(self) -> float:
        return self.count("correct") / self.graded if self.graded else float("nan")

    @property
    def words(self) -> int:
        return sum(c.word_count for c in self.checks if c.words_checked)

    @property
    def non_words(self) -> int:
        return sum(len(c.non_words) for c in self.checks)

    @property
    def non_word_share(self) -> float:
        """Non-words / words over all the outputs together (NaN when none was checked)."""
        return self.non_words / self.words if self.words else float("nan")

    @property
    def question_marks(self) -> int:
        return sum(c.text.count("?") for c in self.checks)

    def as_dict(self) -> dict[str, float | int]:
        """The shares for a JSON report."""
        return {"questions": self.total, "stops": self.share("stops"),
                "asks_nothing_back": self.share("asks_nothing_back"),
                "on_topic": self.share("on_topic"), "correct": self.correct_share,
                "non_word_share": self.non_word_share, "words": self.words}


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


def check_answers(
    model: TinyGPT,
    tok: Tokenizer,
    questions: Sequence[str],
    settings: DecodeSettings | None = None,
    references: Sequence[str] | None = None,
    known: KnownWords | None = None,
) -> AnswerReport:
    """Ask the model every question in the chat format, stop at `<end>`, check each answer.

    This is the one code path for every stage: the pre-trained and the fine-tuned model
    are asked the same way, with the same settings. Greedy settings (the default)
    decode all questions in one batch; sampling runs `probes.generate` question by
    question with the settings' seed.
    """
    settings = settings or DecodeSettings()
    refs = list(references) if references is not None else [""] * len(questions)
    if len(refs) != len(questions):
        raise ValueError("give one reference answer per question")
    prompts = [prompt_ids(tok, q) for q in questions]
    fits = all(len(p) + settings.max_new_tokens <= model.config.block_size for p in prompts)
    checks = []
    if settings.greedy and fits and prompts:
        outputs = greedy_batch(model, prompts, settings.max_new_tokens)
        for q, ref, (ids, ended) in zip(questions, refs, outputs, strict=True):
            checks.append(check_answer(q, tok.decode(ids), ended, ref, known))
    else:
        for q, ref, ids in zip(questions, refs, prompts, strict=True):
            checks.append(check_answer(q, ask(model, tok, ids, settings, q), None, ref, known))
    return AnswerReport(tuple(checks))


def ask(model: TinyGPT, tok: Tokenizer, ids: Sequence[int], settings: DecodeSettings,
        question: str = "") -> Generation:
    """One answer to prompt `ids` under `settings`, stopping at `<end>` (any model)."""
    return generate(model, tok, list(ids), max_new_tokens=settings.max_new_tokens,
                    temperature=settings.temperature,
                    top_k=settings.top_k, greedy=settings.greedy, seed=settings.seed,
                    stop_at_end=True, record_k=1, prompt=question)
