"""A tiny decoder-only transformer (GPT), small enough to learn visibly in seconds on a CPU.

The shape follows karpathy/nanoGPT: token embeddings, a stack of pre-norm blocks
(attention then MLP, each wrapped in a residual), a final norm, and an output head
that shares its weights with the token embedding (tied embeddings).

A few switches in GPTConfig (the "recipe") change how it learns, not what it is; each
says why it is there and what it measured in bench/time_to_loss.py. With every switch
off the model is exactly nanoGPT's, which is what checkpoints made before the switches
existed hold.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

# The recipe of checkpoints written before the recipe switches existed: plain nanoGPT.
NANOGPT_RECIPE = {"rotary": False, "qk_norm": False, "relu_squared": False, "logit_softcap": 0.0}


@dataclass
class GPTConfig:
    """Size and shape of the model. Every field has a default and a reason."""

    vocab_size: int = 2048  # BPE vocabulary of the bundled corpus: whole common words, split rare ones
    block_size: int = 64  # longest context (tokens): a few sentences, enough for the windows story
    n_layer: int = 4  # 4 blocks: deep enough for grammar, shallow enough for ~6 k tokens/s on 1 core
    n_head: int = 4  # 4 heads of 32 dims: several things to attend to at once
    n_embd: int = 128  # width 128: with 2048 tokens and 4 blocks, about 1 M parameters
    dropout: float = 0.0  # no dropout: the model is tiny and trains for seconds, it cannot overfit yet
    bias: bool = False  # no biases: a bit faster and just as good (as in nanoGPT)
    # The recipe. Effects: CPU time to nanoGPT's held-out loss on the books, switch on vs
    # off with the other changes on (bench/time_to_loss.py --ablate, docs/performance.md).
    rotary: bool = True  # rotate queries/keys by position (RoPE), no position table: 1.24x faster
    qk_norm: bool = True  # unit-RMS queries and keys, so attention logits stay tame: 1.08x faster
    relu_squared: bool = False  # relu(x)^2 instead of GELU: measured 1.06x *slower*, so off
    logit_softcap: float = 0.0  # > 0: logits -> cap * tanh(logits / cap); with an untied head 1.02x slower

    def __post_init__(self) -> None:
        if self.vocab_size < 8:
            raise ValueError(f"vocab_size must be at least 8, got {self.vocab_size}")
        if self.block_size < 2:
            raise ValueError(f"block_size must be at least 2, got {self.block_size}")
        if min(self.n_layer, self.n_head, self.n_embd) < 1:
            raise ValueError("n_layer, n_head and n_embd must be positive")
        if self.n_embd % self.n_head:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head ({self.n_head})")
        if self.rotary and (self.n_embd // self.n_head) % 2:
            raise ValueError("rotary positions need an even head size (n_embd / n_head)")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout}")
        if not (self.logit_softcap >= 0.0 and math.isfinite(self.logit_softcap)):
            raise ValueError(f"logit_softcap must be >= 0 (0 = off), got {self.logit_softcap}")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> GPTConfig:
        # subtle: a saved config without the recipe switches predates them, so it was
        # trained as plain nanoGPT; the current defaults would build a different model.
        known = {**NANOGPT_RECIPE, **{k: d[k] for k in cls.__dataclass_fields__ if k in d}}
        return cls(**known)


class KVCache:
    """Keys and values of the tokens already read, one pair per block, for fast writing.

    Generation then feeds only the newest token instead of the whole context again.
    """

    def __init__(self, n_layer: int):
        self.layers: list[tuple[torch.Tensor, torch.Tensor] | None] = [None] * n_layer
        self._current = 0
        self.length = 0  # tokens cached so far

    def start_step(self) -> None:
        self._current = 0

    def extend(self, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        past = self.layers[self._current]
        if past is not None:
            k = torch.cat([past[0], k], dim=2)  # (B, nh, past+T, hs)
            v = torch.cat([past[1], v], dim=2)
        self.layers[self._current] = (k, v)
        self._current += 1
        return k, v


def causal_mask(n_queries: int, n_keys: int) -> dict:
    """The mask argument for scaled_dot_product_attention: each query sees itself and the past.

    The queries are the last n_queries of the n_keys positions (the cache holds the rest).
    subtle: `is_causal=True` aligns its mask to the *first* key, which is right only when
    there are as many keys as queries; with a non-empty cache the mask must be explicit.
    """
    if n_queries == 1:
        return {}  # the newest token sees everything before it: no mask at all
    if n_queries == n_keys:
        return {"is_causal": True}  # the fast path: the whole sequence in one pass
    past = n_keys - n_queries
    keys = torch.arange(n_keys)  # (Tk,)
    queries = torch.arange(past, n_keys)  # (Tq,) absolute positions of the new tokens
    return {"attn_mask": keys[None, :] <= queries[:, None]}  # (Tq, Tk) True = may attend


class Rotary(nn.Module):
    """Rotary position embedding: turns each pair of a head's dims by an angle ∝ position,
    so a query·key product depends on how far apart two tokens are, not where they are."""

    def __init__(self, head_size: int, block_size: int, base: float = 10_000.0):
        super().__init__()
        freqs = base ** (-torch.arange(0, head_size, 2).float() / head_size)  # (hs/2,)
        angles = torch.outer(torch.arange(block_size).float(), freqs)  # (block, hs/2)
        # Not saved with the weights: they follow from the config.
        self.register_buffer("cos", angles.cos(), persistent=False)
        self.register_buffer("sin", angles.sin(), persistent=False)

    def forward(self, x: torch.Tensor, pos: torch.Tensor) -> torch.Tensor:
        """x (B, nh, T, hs) at positions pos (T,) or (B, T) -> x rotated, same shape."""
        cos, sin = self.cos[pos], self.sin[pos]  # (T, hs/2) or (B, T, hs/2)
        if pos.dim() == 2:
            cos, sin = cos[:, None], sin[:, None]  # (B, 1, T, hs/2): broadcast over heads
        x1, x2 = x.chunk(2, dim=-1)  # (B, nh, T, hs/2) each
        return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


class CausalSelfAttention(nn.Module):
    """Multi-head attention where each position sees only itself and the past."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = config.dropout
        self.resid_dropout = nn.Dropout(config.dropout)
        self.qk_norm = config.qk_norm
        hs = config.n_embd // config.n_head
        self.rotary = Rotary(hs, config.block_size) if config.rotary else None

    def qkv(
        self, x: torch.Tensor, pos: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """x (B, T, C) -> queries, keys, values (B, nh, T, hs); pos (T,) or (B, T) for rotary."""
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        hs = C // self.n_head
        q = q.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        if self.qk_norm:
            q, k = F.rms_norm(q, (hs,)), F.rms_norm(k, (hs,))
        if self.rotary is not None:
            pos = torch.arange(T, device=x.device) if pos is None else pos
            q, k = self.rotary(q, pos), self.rotary(k, pos)
        return q, k, v

    def forward(
        self, x: torch.Tensor, cache: KVCache | None = None, pos: torch.Tensor | None = None
    ) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = self.qkv(x, pos)
        if cache is not None:
            k, v = cache.extend(k, v)  # (B, nh, past+T, hs)
        y = F.scaled_dot_product_attention(
            q, k, v, dropout_p=self.dropout if self.training else 0.0, **causal_mask(T, k.shape[2])
        )  # (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # (B, T, C)
        return self.resid_dropout(self.c_proj(y))

    def attention_weights(
        self, x: torch.Tensor, cache: KVCache | None = None, pos: torch.Tensor | None = None
    ) -> torch.Tensor:
        """The weights forward() attends with, (B, nh, T, T), rows summing to 1 (probes only).

        Same arguments as forward() and the same q, k (self.qkv), so a change to how
        queries and keys are made reaches the probe too; forward never calls this.
        """
        if cache is not None:
            raise ValueError("attention weights are read without a cache")
        q, k, _ = self.qkv(x, pos)  # (B, nh, T, hs)
        T = x.shape[1]
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(k.shape[-1])  # (B, nh, T, T)
        future = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
        return F.softmax(scores.masked_fill(future, float("-inf")), dim=-1)


class MLP(nn.Module):
    def __init__(self, config: GPTConfig):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)
        self.relu_squared = config.relu_squared

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.c_fc(x)  # (B, T, 4C)
        h = F.relu(h).square() if self.relu_squared else F.gelu(h)
        return self.dropout(self.c_proj(h))  # (B, T, C)


class Block(nn.Module):
    """Pre-norm block: normalise, then attend or think, then add back (residual)."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.mlp = MLP(config)

    def forward(
        self, x: torch.Tensor, cache: KVCache | None = None, pos: torch.Tensor | None = None
    ) -> torch.Tensor:
        x = x + self.attn(self.ln_1(x), cache, pos)
        x = x + self.mlp(self.ln_2(x))
        return x


class TinyGPT(nn.Module):
    """The language model: token ids in, a score for every possible next token out."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.config = config
        self.wte = nn.Embedding(config.vocab_size, config.n_embd)
        # A learned table of positions, unless rotary attention already knows the order.
        self.wpe = None if config.rotary else nn.Embedding(config.block_size, config.n_embd)
        self.drop = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layer))
        self.ln_f = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        # Tied embeddings: the table that turns a token into a vector also scores the
        # next token, so words predicted in the same contexts get similar vectors.
        self.lm_head.weight = self.wte.weight
        self.apply(self._init_weights)
        # Scaled init of the residual projections, as in GPT-2.
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def num_parameters(self) -> int:
        """Parameters counted once (the tied head shares the embedding table)."""
        return sum(p.numel() for p in self.parameters())

    def embed(self, idx: torch.Tensor, pos: torch.Tensor) -> torch.Tensor:
        """Token ids (B, T) at positions pos (T,) or (B, T) -> input vectors (B, T, C)."""
        x = self.wte(idx)  # (B, T, C)
        if self.wpe is not None:
            x = x + self.wpe(pos)
        return self.drop(x)

    def head(self, h: torch.Tensor) -> torch.Tensor:
        """Final normalised hidden states (..., C) -> next-token logits (..., V)."""
        logits = self.lm_head(h)
        cap = self.config.logit_softcap
        return cap * torch.tanh(logits / cap) if cap > 0 else logits

    def forward(
        self,
        idx: torch.Tensor,
        targets: torch.Tensor | None = None,
        ignore_index: int = -100,
        cache: KVCache | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """idx (B, T) token ids -> logits (B, T, V); loss when targets (B, T) are given.

        Targets equal to ignore_index do not count (fine-tuning masks prompts this way).
        With a cache, idx holds only the new tokens and positions continue after it.
        """
        B, T = idx.shape
        past = cache.length if cache is not None else 0
        if past + T > self.config.block_size:
            raise ValueError(
                f"sequence of {past + T} tokens is longer than block_size {self.config.block_size}"
            )
        pos = torch.arange(past, past + T, device=idx.device)  # (T,)
        x = self.embed(idx, pos)  # (B, T, C)
        if cache is not None:
            cache.start_step()
            cache.length += T
        for block in self.blocks:
            x = block(x, cache, pos)
        logits = self.readout(x)  # (B, T, V)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(
                logits.view(-1, logits.size(-1)), targets.reshape(-1), ignore_index=ignore_index
            )
        return logits, loss

    def readout(self, x: torch.Tensor) -> torch.Tensor:
        """Residual stream (B, T, C) -> next-token scores (B, T, V): final norm, then head.

        A method of its own so the logit lens reads earlier layers exactly as forward
        reads the last one.
        """
        return self.head(self.ln_f(x))

    def embedding_table(self) -> torch.Tensor:
        """The learned token vectors (V, C)."""
        return self.wte.weight
