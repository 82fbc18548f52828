"""Inside the model: attention weights, the logit lens, head labels and the parameter map."""

import math
import string

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from engine.model import GPTConfig, TinyGPT
from engine.pretraining.head_patterns import SHARP_SHARE, label_heads, pattern_scores
from engine.pretraining.inside import (
    InsideError,
    InsideProbe,
    InsideRequest,
    logit_lens,
    look_inside,
    read_model,
)
from engine.pretraining.parameter_map import (
    WeightHistory,
    parameter_map,
    part_weights,
    relative_change,
)
from engine.tokenizers.char import CharTokenizer

SMALL = GPTConfig(vocab_size=48, block_size=16, n_layer=3, n_head=4, n_embd=32)


def _trained_looking_model(seed: int = 0, recipe: dict | None = None) -> TinyGPT:
    """A small model with weights far from init (so attention is not near uniform)."""
    torch.manual_seed(seed)
    model = TinyGPT(GPTConfig(**{**SMALL.to_dict(), **(recipe or {})}))
    with torch.no_grad():
        for p in model.parameters():
            if p.ndim == 2:
                p.normal_(0.0, 0.3)
    return model.eval()


def _tokenizer() -> CharTokenizer:
    """Enough characters to name every one of the small model's 48 token ids."""
    return CharTokenizer.train([string.ascii_letters])


def _rotate(x: torch.Tensor, base: float = 10_000.0) -> torch.Tensor:
    """Rotary positions by hand: dims i and i + hs/2 of position t turn by t * base^(-2i/hs)."""
    T, hs = x.shape
    angles = torch.arange(T).float()[:, None] * base ** (-torch.arange(0, hs, 2).float() / hs)
    x1, x2 = x[:, : hs // 2], x[:, hs // 2 :]
    return torch.cat([x1 * angles.cos() - x2 * angles.sin(), x1 * angles.sin() + x2 * angles.cos()], -1)


def _hand_attention(model: TinyGPT, ids: list[int]) -> list[torch.Tensor]:
    """Each layer's attention (H, T, T) written out from the model's own matrices.

    Follows the recipe switches the config has (engine/model.py): unit-RMS queries and
    keys (qk_norm) and rotary positions instead of a position table.
    """
    T = len(ids)
    config = model.config
    C, H = config.n_embd, config.n_head
    hs = C // H
    x = model.wte.weight[ids]  # (T, C)
    if model.wpe is not None:
        x = x + model.wpe.weight[:T]
    out = []
    for block in model.blocks:
        ln = block.ln_1
        h = (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, unbiased=False, keepdim=True) + ln.eps)
        h = h * ln.weight + (ln.bias if ln.bias is not None else 0.0)
        qkv = h @ block.attn.c_attn.weight.T  # (T, 3C)
        q, k = qkv[:, :C], qkv[:, C : 2 * C]
        weights = torch.zeros(H, T, T)
        for head in range(H):
            qh, kh = q[:, head * hs : (head + 1) * hs], k[:, head * hs : (head + 1) * hs]
            if config.qk_norm:
                eps = torch.finfo(torch.float32).eps
                qh = qh / torch.sqrt(qh.pow(2).mean(-1, keepdim=True) + eps)
                kh = kh / torch.sqrt(kh.pow(2).mean(-1, keepdim=True) + eps)
            if config.rotary:
                qh, kh = _rotate(qh), _rotate(kh)
            for i in range(T):
                scores = torch.tensor([float(qh[i] @ kh[j]) / math.sqrt(hs) for j in range(i + 1)])
                weights[head, i, : i + 1] = torch.exp(scores - scores.max()) / torch.exp(
                    scores - scores.max()).sum()
        out.append(weights)
        x = block(x[None])[0]  # the next block reads this block's real output
    return out


@pytest.mark.parametrize("recipe", [
    {},  # today's recipe: rotary positions and unit-RMS queries and keys
    {"rotary": False, "qk_norm": False},  # plain nanoGPT, as checkpoints from before load
], ids=["recipe", "nanogpt"])
@torch.no_grad()
def test_attention_matches_a_hand_computation_and_is_causal(recipe):
    model = _trained_looking_model(recipe=recipe)
    ids = [5, 17, 3, 40, 22, 9, 31, 12, 7]
    view = look_inside(model, _tokenizer(), ids)
    expected = _hand_attention(model, ids)
    assert view.attention.shape == (3, 4, len(ids), len(ids))
    for layer, weights in enumerate(expected):
        np.testing.assert_allclose(view.attention[layer], weights.numpy(), atol=1e-5)
    np.testing.assert_allclose(view.attention.sum(-1), 1.0, atol=1e-5)
    upper = np.triu(np.ones((len(ids), len(ids)), dtype=bool), k=1)
    assert np.all(view.attention[..., upper] == 0.0)
    # not a trivially uniform pattern: the test could fail
    assert view.attention[..., ~upper].std() > 0.05


@torch.no_grad()
def test_probe_weights_reproduce_the_attention_forward():
    """attention_weights and forward agree: weights @ values, projected, is the output."""
    model = _trained_looking_model(1)
    attn = model.blocks[0].attn
    x = torch.randn(2, 7, SMALL.n_embd)
    _, _, v = attn.qkv(x)  # (B, nh, T, hs)
    y = (attn.attention_weights(x) @ v).transpose(1, 2).reshape(2, 7, SMALL.n_embd)
    torch.testing.assert_close(attn.c_proj(y), attn(x), rtol=1e-5, atol=1e-5)


@torch.no_grad()
def test_logit_lens_last_layer_is_the_real_output():
    model = _trained_looking_model(2)
    idx = torch.tensor([[1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1]])
    reading = read_model(model, idx)
    lens = logit_lens(model, reading)  # (B, L, T, V)
    real, _ = model(idx)
    torch.testing.assert_close(lens[:, -1], real, rtol=1e-5, atol=1e-5)
    assert not torch.allclose(lens[:, 0], real, atol=1e-3)  # earlier layers differ
    view = look_inside(model, _tokenizer(), [1, 2, 3, 4, 5], k=3, target_id=6)
    top = torch.topk(F.softmax(model(torch.tensor([[1, 2, 3, 4, 5]]))[0][0], -1), 3)
    np.testing.assert_array_equal(view.guesses.token_ids[-1], top.indices.numpy())
    np.testing.assert_allclose(view.guesses.probs[-1], top.values.numpy(), rtol=1e-5)
    assert np.isfinite(view.guesses.target_prob).all()  # every next token is known


def test_probe_leaves_no_hooks_and_arrays_are_frozen():
    model = _trained_looking_model()
    view = look_inside(model, _tokenizer(), [1, 2, 3])
    for block in model.blocks:
        assert not block._forward_hooks and not block.attn._forward_pre_hooks
    with pytest.raises(ValueError):
        view.attention[0, 0, 0, 0] = 1.0


def test_bad_windows_are_refused_with_a_message():
    model = _trained_looking_model()
    with pytest.raises(InsideError, match="empty"):
        look_inside(model, _tokenizer(), [])
    with pytest.raises(InsideError, match="at most 16"):
        look_inside(model, _tokenizer(), list(range(17)))


def test_parameter_map_sums_to_the_model_count_tied_and_untied():
    model = TinyGPT(GPTConfig())
    parts = parameter_map(model)
    assert sum(p.count for p in parts) == model.num_parameters()
    head = [p for p in parts if p.name == "lm_head.weight"]
    assert head and head[0].count == 0 and head[0].shared_with == "wte.weight"
    assert {p.group for p in parts} >= {"Embeddings", "Block 1", "Block 4", "Output"}
    untied = TinyGPT(SMALL)
    untied.lm_head.weight = nn.Parameter(untied.wte.weight.detach().clone())
    parts = parameter_map(untied)
    assert sum(p.count for p in parts) == untied.num_parameters()
    assert [p.count for p in parts if p.name == "lm_head.weight"] == [48 * 32]


def test_part_weights_and_relative_change():
    model = TinyGPT(SMALL)
    image = part_weights(model, "blocks.0.ln_1.weight")
    assert image.shape == (1, 32)
    np.testing.assert_array_equal(part_weights(model, "wte.weight"), model.wte.weight.detach().numpy())
    with pytest.raises(ValueError, match="no part"):
        part_weights(model, "nope")
    a = np.array([3.0, 4.0])
    assert relative_change(a, a) == 0.0
    assert relative_change(a, np.array([3.0, 4.5])) == pytest.approx(0.1)


def test_weight_history_measures_what_training_moved():
    torch.manual_seed(0)
    model = TinyGPT(SMALL)
    history = WeightHistory(max_records=4)
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    idx = torch.randint(0, 48, (4, 12))
    for step in range(10):
        history.record(model, clock=step, span=5)
        _, loss = model(idx, idx)
        opt.zero_grad()
        loss.backward()
        opt.step()
    change = history.change(model, clock=10, span=5)
    assert change is not None and change.to_clock == 10 and change.from_clock <= 5
    assert len(history.records) <= 4
    assert change.relative["blocks.0.mlp.c_fc.weight"] > 0.0
    assert "lm_head.weight" not in change.relative  # tied: counted under wte.weight
    assert history.change(TinyGPT(SMALL), clock=10, span=5) is None  # another model


def test_inside_probe_fills_parts_weights_and_change():
    model = _trained_looking_model()
    probe = InsideProbe(label_ids=[[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]])
    request = InsideRequest(ids=(1, 2, 3), part_name="blocks.1.attn.c_attn.weight", change_steps=2)
    first = probe.view(model, _tokenizer(), request, clock=0, tokens_per_step=10)
    assert first.change is None and first.part_image.shape == (96, 32)
    with torch.no_grad():
        model.blocks[1].attn.c_attn.weight.mul_(1.1)
    later = probe.view(model, _tokenizer(), request, clock=20, tokens_per_step=10)
    assert later.change.relative["blocks.1.attn.c_attn.weight"] == pytest.approx(0.1, rel=1e-4)
    assert later.change.relative["blocks.0.attn.c_attn.weight"] == 0.0
    assert later.label_source == "real text"


def test_head_labels_name_sharp_heads_only():
    T = 10
    previous = np.zeros((T, T))
    previous[0, 0] = 1.0
    for i in range(1, T):
        previous[i, i - 1] = 0.8
        previous[i, :i] += 0.2 / i  # the rest spread over the past
    first = np.zeros((T, T))
    first[:, 0] = 1.0
    uniform = np.tril(np.ones((T, T))) / np.arange(1, T + 1)[:, None]
    heads = label_heads(np.stack([np.stack([previous, first, uniform, np.eye(T)])]))
    assert [h.label for h in heads] == ["previous", "first", "", "self"]
    assert heads[2].scores[0] < SHARP_SHARE


def test_untrained_models_have_no_named_heads():
    """The measured null: a fresh model spreads attention about evenly (bench/head_threshold.py)."""
    rng = np.random.default_rng(0)
    rows = rng.integers(4, 2048, size=(4, 64)).tolist()
    for seed in range(3):
        torch.manual_seed(seed)
        attention = read_model(TinyGPT(GPTConfig()), torch.tensor(rows)).attention.numpy()
        assert pattern_scores(attention).max() < SHARP_SHARE / 4
        assert not any(h.label for h in label_heads(attention))


def test_engine_worker_answers_look_inside(fresh_session):
    """The worker command: the live model's view, then weights and change as it trains."""
    from engine.pretraining.trainer import TrainConfig
    from workers.protocol import Failed, InsideReport, LookInside
    from workers.server.core import EngineServer

    events = []
    server = EngineServer(fresh_session, events.append)
    assert server.load()
    session = server.session
    ids = tuple(session.pretraining.passage(12, seed=0))
    request = InsideRequest(ids=ids[:8], target_id=ids[8], part_name="wte.weight", change_steps=2)
    server.handle(LookInside("k", request))
    view = [e for e in events if isinstance(e, InsideReport)][-1].view
    direct = look_inside(session.model, session.ensure_tokenizer(), ids[:8])
    np.testing.assert_allclose(view.attention, direct.attention, atol=1e-6)
    assert sum(p.count for p in view.parts) == session.status().n_params
    assert view.part_image.shape == tuple(session.model.wte.weight.shape)
    assert view.label_source == "real text" and view.change is None
    for _ in zip(range(3), session.pretraining.train(TrainConfig(seed=0, max_steps=3)), strict=False):
        pass
    server.handle(LookInside("k", request))
    view = [e for e in events if isinstance(e, InsideReport)][-1].view
    assert view.change is not None and view.change.relative["wte.weight"] > 0
    server.handle(LookInside("k", InsideRequest(ids=()), id=7))
    # the failure names its command, so the controller lets the next request go
    assert isinstance(events[-1], Failed) and events[-1].is_about(LookInside)
    assert events[-1].command_id == 7
