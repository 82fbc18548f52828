"""Questions put to the live model: what comes next, which words are alike, and writing.

Every answer is computed from the model's current weights and returned as plain
frozen values (no live tensors), so it can be shown, sent to another process or tested.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from engine.model import KVCache, TinyGPT
from engine.tokenizers import END, SPECIAL_TOKENS, Tokenizer


class ProbeError(ValueError):
    """A probe that cannot be answered (e.g. a word the model has no single token for)."""


@dataclass(frozen=True)
class NextTokenDistribution:
    """The model's top-k guesses for the token after `context_ids`."""

    context_ids: tuple[int, ...]
    token_ids: tuple[int, ...]
    tokens: tuple[str, ...]
    probs: tuple[float, ...]

    def prob_of(self, token_id: int) -> float | None:
        """Probability of token_id if it is among the top-k, else None."""
        for tid, p in zip(self.token_ids, self.probs, strict=True):
            if tid == token_id:
                return p
        return None


@dataclass(frozen=True)
class Neighbour:
    rank: int  # 1 = nearest
    token_id: int
    token: str
    similarity: float  # cosine similarity in the full embedding space


@dataclass(frozen=True)
class Generation:
    """A piece of text the model wrote, with the distribution each token was drawn from."""

    prompt: str
    text: str  # the new text only
    token_ids: tuple[int, ...]
    tokens: tuple[str, ...]
    steps: tuple[NextTokenDistribution, ...]  # the top-k the model saw at each step
    ended: bool  # True when the model wrote <end> itself


def _last_logits(model: TinyGPT, ids: list[int]) -> torch.Tensor:
    """Logits (V,) for the token after ids, using at most block_size tokens of context."""
    if not ids:
        raise ProbeError("The context is empty: give the model at least one token.")
    ctx = torch.tensor([ids[-model.config.block_size :]], dtype=torch.long)  # (1, T)
    logits, _ = model(ctx)
    return logits[0, -1]  # (V,)


def _top_k(tok: Tokenizer, ids: list[int], probs: torch.Tensor, k: int) -> NextTokenDistribution:
    k = max(1, min(k, probs.numel()))
    top_p, top_i = torch.topk(probs, k)
    token_ids = tuple(int(i) for i in top_i)
    return NextTokenDistribution(
        context_ids=tuple(ids),
        token_ids=token_ids,
        tokens=tuple(tok.token_strings(list(token_ids))),
        probs=tuple(float(p) for p in top_p),
    )


@torch.no_grad()
def next_token_distribution(
    model: TinyGPT, tok: Tokenizer, ids: list[int], k: int = 10
) -> NextTokenDistribution:
    """The model's k most likely next tokens after ids, with their probabilities."""
    was_training = model.training
    model.eval()
    probs = F.softmax(_last_logits(model, list(ids)), dim=-1)
    model.train(was_training)
    return _top_k(tok, list(ids), probs, k)


def word_token_id(tok: Tokenizer, word: str) -> int:
    """The single token that stands for `word`, or a ProbeError that says why not."""
    word = word.strip()
    if not word:
        raise ProbeError("Type a word first.")
    finder = getattr(tok, "word_token", None)
    tid = finder(word) if finder is not None else tok.token_to_id(word)
    if tid is None:
        pieces = tok.token_strings(tok.encode(" " + word))
        raise ProbeError(
            f'"{word}" is not a single token for this model: it is split into '
            f"{' + '.join(repr(p) for p in pieces)}. Neighbours are measured "
            "between whole tokens, so pick a more common word."
        )
    return tid


def _is_word_token(text: str) -> bool:
    stripped = text.strip()
    return text.startswith(" ") and stripped.isalpha()


@torch.no_grad()
def nearest_neighbours(
    model: TinyGPT, tok: Tokenizer, word: str, k: int = 8, words_only: bool = True
) -> list[Neighbour]:
    """The k tokens whose embedding vectors point most nearly the same way as word's.

    Cosine similarity in the full embedding space (not in any 2-D picture). With
    words_only, candidates are whole words (a leading space and letters only), so
    the list reads as words, not fragments.
    """
    tid = word_token_id(tok, word)
    table = model.embedding_table().detach()  # (V, C)
    unit = F.normalize(table, dim=1)  # (V, C)
    sims = unit @ unit[tid]  # (V,)
    strings = tok.token_strings(list(range(table.shape[0])))
    allowed = torch.ones_like(sims, dtype=torch.bool)
    allowed[tid] = False
    for i, s in enumerate(strings):
        if s in SPECIAL_TOKENS or (words_only and not _is_word_token(s)):
            allowed[i] = False
    sims = torch.where(allowed, sims, torch.full_like(sims, -2.0))
    top_s, top_i = torch.topk(sims, min(k, int(allowed.sum())))
    return [
        Neighbour(rank=r + 1, token_id=int(i), token=strings[int(i)].strip(), similarity=float(s))
        for r, (s, i) in enumerate(zip(top_s, top_i, strict=True))
    ]


@torch.no_grad()
def generate(
    model: TinyGPT,
    tok: Tokenizer,
    prompt_ids: list[int],
    max_new_tokens: int = 60,
    temperature: float = 1.0,
    top_k: int | None = None,
    greedy: bool = False,
    seed: int = 0,
    stop_at_end: bool = True,
    record_k: int = 5,
    prompt: str = "",
) -> Generation:
    """Write up to max_new_tokens after the prompt, one sampled token at a time.

    temperature < 1 sharpens the distribution, > 1 flattens it; top_k keeps only the k
    most likely tokens; greedy always takes the most likely one. Each step's top
    `record_k` distribution is kept so the screen can show what the model chose from.
    """
    if temperature <= 0 and not greedy:
        raise ProbeError("Temperature must be above 0 (or choose greedy).")
    was_training = model.training
    model.eval()
    gen = torch.Generator().manual_seed(seed)
    ids = list(prompt_ids)
    new_ids: list[int] = []
    steps: list[NextTokenDistribution] = []
    end_id = END  # every tokenizer reserves the special ids first
    ended = False
    block = model.config.block_size
    cache: KVCache | None = None
    for _ in range(max_new_tokens):
        # The cache holds the keys/values of everything read so far, so each step reads
        # one new token; once the context outgrows block_size, it slides and is re-read.
        if cache is not None and cache.length < block:
            logits = model(torch.tensor([ids[-1:]], dtype=torch.long), cache=cache)[0][0, -1]
        elif len(ids) < block:
            cache = KVCache(model.config.n_layer)
            logits = model(torch.tensor([ids], dtype=torch.long), cache=cache)[0][0, -1]
        else:
            cache = None
            logits = _last_logits(model, ids)  # (V,)
        probs = F.softmax(logits / (1.0 if greedy else temperature), dim=-1)
        if top_k is not None and not greedy:
            kth = torch.topk(probs, min(top_k, probs.numel())).values[-1]
            probs = torch.where(probs >= kth, probs, torch.zeros_like(probs))
            probs = probs / probs.sum()
        steps.append(_top_k(tok, ids, probs, record_k))
        nxt = int(torch.argmax(probs)) if greedy else int(torch.multinomial(probs, 1, generator=gen))
        ids.append(nxt)
        if stop_at_end and nxt == end_id:
            ended = True
            break
        new_ids.append(nxt)
    model.train(was_training)
    return Generation(
        prompt=prompt,
        text=tok.decode(new_ids),
        token_ids=tuple(new_ids),
        tokens=tuple(tok.token_strings(new_ids)),
        steps=tuple(steps),
        ended=ended,
    )


def embedding_matrix(model: TinyGPT) -> np.ndarray:
    """A numpy copy of the embedding table (V, C), for projections and snapshots."""
    return model.embedding_table().detach().cpu().numpy().copy()
