"""The tiny GPT: its attention matches a naive implementation, it is causal, it is ~1 M params."""

import math

import pytest
import torch
import torch.nn.functional as F

from engine.model import CausalSelfAttention, GPTConfig, KVCache, TinyGPT


def naive_attention(attn: CausalSelfAttention, x: torch.Tensor) -> torch.Tensor:
    """Attention written out by hand: scores, causal mask, softmax, weighted sum."""
    B, T, C = x.shape
    q, k, v = attn.qkv(x)  # (B, nh, T, hs)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (B, nh, T, T)
    mask = torch.tril(torch.ones(T, T, dtype=torch.bool))
    scores = scores.masked_fill(~mask, float("-inf"))
    y = F.softmax(scores, dim=-1) @ v  # (B, nh, T, hs)
    y = y.transpose(1, 2).reshape(B, T, C)
    return attn.c_proj(y)


def test_attention_matches_naive_implementation():
    torch.manual_seed(0)
    config = GPTConfig(vocab_size=50, block_size=16, n_layer=1, n_head=4, n_embd=32)
    attn = CausalSelfAttention(config).eval()
    x = torch.randn(3, 11, 32)
    torch.testing.assert_close(attn(x), naive_attention(attn, x), rtol=1e-5, atol=1e-6)


def test_model_is_causal():
    """Changing a later token never changes the logits of earlier positions."""
    torch.manual_seed(0)
    model = TinyGPT(GPTConfig(vocab_size=40, block_size=12, n_layer=2, n_head=2, n_embd=16)).eval()
    idx = torch.randint(0, 40, (1, 12))
    changed = idx.clone()
    changed[0, 8] = (idx[0, 8] + 1) % 40
    a, _ = model(idx)
    b, _ = model(changed)
    torch.testing.assert_close(a[:, :8], b[:, :8])
    assert not torch.allclose(a[:, 8:], b[:, 8:])


def test_default_size_is_about_a_million_parameters_and_embeddings_are_tied():
    model = TinyGPT(GPTConfig())
    assert 0.8e6 <= model.num_parameters() <= 1.3e6
    assert model.lm_head.weight.data_ptr() == model.wte.weight.data_ptr()


def test_ignored_targets_do_not_count():
    torch.manual_seed(0)
    model = TinyGPT(GPTConfig(vocab_size=30, block_size=8, n_layer=1, n_head=2, n_embd=16))
    idx = torch.randint(0, 30, (2, 8))
    targets = torch.randint(0, 30, (2, 8))
    masked = targets.clone()
    masked[:, :4] = -100
    logits, loss = model(idx, masked)
    expected = F.cross_entropy(logits[:, 4:].reshape(-1, 30), targets[:, 4:].reshape(-1))
    torch.testing.assert_close(loss, expected)


@pytest.mark.parametrize("bad", [dict(n_embd=30, n_head=4), dict(vocab_size=2), dict(dropout=1.5)])
def test_config_validates(bad):
    with pytest.raises(ValueError):
        GPTConfig(**bad)


@pytest.mark.parametrize("new_tokens", [1, 2, 5])
def test_cache_matches_the_full_forward_pass(new_tokens):
    """Feeding tokens into a non-empty cache gives the logits of reading everything at once."""
    torch.manual_seed(0)
    model = TinyGPT(GPTConfig(vocab_size=40, block_size=16, n_layer=2, n_head=2, n_embd=16)).eval()
    idx = torch.randint(0, 40, (2, 14))
    full, _ = model(idx)  # (B, T, V)
    cache = KVCache(model.config.n_layer)
    model(idx[:, :4], cache=cache)  # a prompt of 4 tokens fills the cache
    got = [model(idx[:, 4 : 4 + new_tokens], cache=cache)[0]]  # the step under test
    got.append(model(idx[:, 4 + new_tokens : 5 + new_tokens], cache=cache)[0])  # and one after
    torch.testing.assert_close(torch.cat(got, dim=1), full[:, 4 : 5 + new_tokens], rtol=1e-5, atol=1e-5)
    assert cache.length == 5 + new_tokens
