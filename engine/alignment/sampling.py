"""Many answers at once: batched sampling with a key/value cache.

`engine.pretraining.probes.generate` writes one answer and re-reads the whole context for every new
token, which is clear and fast enough for one answer. Measuring a model after each
preference update needs a hundred answers or more within a fraction of a second, so
here every prompt of a batch is decoded together and each layer's keys and values are
kept (a KV cache): a new token costs one position, not the whole context again.

Rows may have prompts of different lengths. Each row keeps its own position: its
prompt is read right-padded (the causal mask keeps the padding out of its past), and
from then on every row writes its new key and value at its own position and attends
only to positions up to it. A row's numbers are therefore the same as if it were alone
(tests/test_preference.py compares them with the model's full forward pass).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import torch
import torch.nn.functional as F

from engine.alignment.feedback import Answer
from engine.model import TinyGPT
from engine.tokenizers import END, PAD, Tokenizer

Chooser = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # (logits (A, V), rows (A,)) -> ids (A,)


def _attend(attn, x: torch.Tensor, K: torch.Tensor, V: torch.Tensor, pos: torch.Tensor) -> torch.Tensor:
    """One new token per row (x (A, 1, C)) through an attention layer, updating the cache."""
    q, k, v = attn.qkv(x, pos[:, None])  # (A, nh, 1, hs) each, at each row's position
    rows = torch.arange(x.shape[0])
    K[rows, :, pos] = k[:, :, 0]
    V[rows, :, pos] = v[:, :, 0]
    keys = torch.arange(K.shape[2])  # (L,)
    mask = (keys[None, :] <= pos[:, None])[:, None, None, :]  # (A, 1, 1, L)
    y = F.scaled_dot_product_attention(q, K, V, attn_mask=mask)  # (A, nh, 1, hs)
    A, nh, _, hs = y.shape
    return attn.resid_dropout(attn.c_proj(y.transpose(1, 2).reshape(A, 1, nh * hs)))


@torch.no_grad()
def decode(
    model: TinyGPT, prompts: Sequence[Sequence[int]], max_new_tokens: int, choose: Chooser
) -> tuple[list[list[int]], list[bool]]:
    """Decode every prompt until it writes <end> or has max_new_tokens new tokens.

    `choose(logits, rows)` picks the next token of each still-running row from its
    next-token logits. Returns the new tokens of each row (with <end> when written)
    and whether each row ended by itself.
    """
    if not prompts or any(len(p) == 0 for p in prompts):
        raise ValueError("every prompt needs at least one token")
    block = model.config.block_size
    if max_new_tokens < 1:
        raise ValueError("max_new_tokens must be at least 1")
    if max(len(p) for p in prompts) + max_new_tokens - 1 > block:
        raise ValueError(
            f"a prompt of {max(len(p) for p in prompts)} tokens leaves no room for "
            f"{max_new_tokens} new ones in a {block}-token context"
        )
    was_training = model.training
    model.eval()
    B = len(prompts)
    lens = torch.tensor([len(p) for p in prompts])  # (B,)
    Tp = int(lens.max())
    idx = torch.full((B, Tp), PAD, dtype=torch.long)  # (B, Tp)
    for r, p in enumerate(prompts):
        idx[r, : len(p)] = torch.tensor(list(p))
    # Read the prompts in one pass, keeping every layer's keys and values.
    x = model.embed(idx, torch.arange(Tp))  # (B, Tp, C)
    caches = []
    for blk in model.blocks:
        q, k, v = blk.attn.qkv(blk.ln_1(x))  # (B, nh, Tp, hs)
        nh, hs = k.shape[1], k.shape[3]
        K = torch.zeros(B, nh, block, hs)
        V = torch.zeros(B, nh, block, hs)
        K[:, :, :Tp], V[:, :, :Tp] = k, v
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # (B, nh, Tp, hs)
        y = y.transpose(1, 2).reshape(B, Tp, nh * hs)
        x = x + blk.attn.resid_dropout(blk.attn.c_proj(y))
        x = x + blk.mlp(blk.ln_2(x))
        caches.append((K, V))
    rows = torch.arange(B)  # which original rows are still running
    logits = model.head(model.ln_f(x[rows, lens - 1]))  # (B, V)
    pos = lens.clone()  # where each running row writes its next token
    new: list[list[int]] = [[] for _ in range(B)]
    ended = [False] * B
    while True:
        nxt = choose(logits, rows)  # (A,)
        keep = []
        for j, (r, t) in enumerate(zip(rows.tolist(), nxt.tolist(), strict=True)):
            new[r].append(t)
            if t == END:
                ended[r] = True
            elif len(new[r]) < max_new_tokens:
                keep.append(j)
        if not keep:
            break
        if len(keep) < len(rows):  # drop finished rows from the batch and the caches
            sel = torch.tensor(keep)
            rows, pos, nxt = rows[sel], pos[sel], nxt[sel]
            caches = [(K[sel], V[sel]) for K, V in caches]
        x = model.embed(nxt[:, None], pos[:, None])  # (A, 1, C)
        for blk, (K, V) in zip(model.blocks, caches, strict=True):
            x = x + _attend(blk.attn, blk.ln_1(x), K, V, pos)
            x = x + blk.mlp(blk.ln_2(x))
        logits = model.head(model.ln_f(x[:, 0]))  # (A, V)
        pos = pos + 1
    model.train(was_training)
    return new, ended


def sample_answers(
    model: TinyGPT,
    tok: Tokenizer,
    prompts: Sequence[Sequence[int]],
    max_new_tokens: int,
    generator: torch.Generator,
    temperature: float = 1.0,
) -> list[Answer]:
    """One answer per prompt, sampled at `temperature` (no top-k), as `Answer`s."""
    if not temperature > 0:
        raise ValueError("temperature must be above 0")

    def choose(logits: torch.Tensor, _rows: torch.Tensor) -> torch.Tensor:
        probs = F.softmax(logits / temperature, dim=-1)  # (A, V)
        return torch.multinomial(probs, 1, generator=generator).squeeze(1)  # (A,)

    new, ended = decode(model, prompts, max_new_tokens, choose)
    out = []
    for ids, e in zip(new, ended, strict=True):
        body = ids[:-1] if e else ids
        out.append(Answer(text=tok.decode(body).strip(), token_ids=tuple(ids), ended=e))
    return out
