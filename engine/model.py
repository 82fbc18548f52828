"""A tiny decoder-only transformer (GPT), small enough to learn visibly in seconds on a CPU.

The shape follows karpathy/nanoGPT: token + position embeddings, a stack of pre-norm
blocks (attention then MLP, each wrapped in a residual), a final norm, and an output
head that shares its weights with the token embedding (tied embeddings).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class GPTConfig:
    """Size and shape of the model. Every field has a default and a reason."""

    vocab_size: int = 2048  # BPE vocabulary of the bundled corpus: whole common words, split rare ones
    block_size: int = 64  # longest context (tokens): a few sentences, enough for the windows story
    n_layer: int = 4  # 4 blocks: deep enough for grammar, shallow enough for ~7 k tokens/s on 1 core
    n_head: int = 4  # 4 heads of 32 dims: several things to attend to at once
    n_embd: int = 128  # width 128: with 2048 tokens and 4 blocks, about 1 M parameters
    dropout: float = 0.0  # no dropout: the model is tiny and trains for seconds, it cannot overfit yet
    bias: bool = False  # no biases: a bit faster and just as good (as in nanoGPT)

    def __post_init__(self) -> None:
        if self.vocab_size < 8:
            raise ValueError(f"vocab_size must be at least 8, got {self.vocab_size}")
        if self.block_size < 2:
            raise ValueError(f"block_size must be at least 2, got {self.block_size}")
        if min(self.n_layer, self.n_head, self.n_embd) < 1:
            raise ValueError("n_layer, n_head and n_embd must be positive")
        if self.n_embd % self.n_head:
            raise ValueError(f"n_embd ({self.n_embd}) must be divisible by n_head ({self.n_head})")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {self.dropout}")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> GPTConfig:
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
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

    def qkv(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        B, T, C = x.shape
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        hs = C // self.n_head
        q = q.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, hs).transpose(1, 2)  # (B, nh, T, hs)
        return q, k, v

    def forward(self, x: torch.Tensor, cache: KVCache | None = None) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = self.qkv(x)
        if cache is not None:
            k, v = cache.extend(k, v)  # (B, nh, past+T, hs)
        y = F.scaled_dot_product_attention(
            q, k, v, dropout_p=self.dropout if self.training else 0.0, **causal_mask(T, k.shape[2])
        )  # (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # (B, T, C)
        return self.resid_dropout(self.c_proj(y))

    def attention_weights(self, x: torch.Tensor, cache: KVCache | None = None) -> torch.Tensor:
        """The weights forward() attends with, (B, nh, T, T), rows summing to 1 (probes only).

        Same arguments as forward() and the same q, k (self.qkv), so a change to how
        queries and keys are made reaches the probe too; forward never calls this.
        """
        if cache is not None:
            raise ValueError("attention weights are read without a cache")
        q, k, _ = self.qkv(x)  # (B, nh, T, hs)
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

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.c_proj(F.gelu(self.c_fc(x))))


class Block(nn.Module):
    """Pre-norm block: normalise, then attend or think, then add back (residual)."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd, bias=config.bias)
        self.mlp = MLP(config)

    def forward(self, x: torch.Tensor, cache: KVCache | None = None) -> torch.Tensor:
        x = x + self.attn(self.ln_1(x), cache)
        x = x + self.mlp(self.ln_2(x))
        return x


class TinyGPT(nn.Module):
    """The language model: token ids in, a score for every possible next token out."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.config = config
        self.wte = nn.Embedding(config.vocab_size, config.n_embd)
        self.wpe = nn.Embedding(config.block_size, config.n_embd)
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
        x = self.drop(self.wte(idx) + self.wpe(pos))  # (B, T, C)
        if cache is not None:
            cache.start_step()
            cache.length += T
        for block in self.blocks:
            x = block(x, cache)
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
        return self.lm_head(self.ln_f(x))

    def embedding_table(self) -> torch.Tensor:
        """The learned token vectors (V, C)."""
        return self.wte.weight
