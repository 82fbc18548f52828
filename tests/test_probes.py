"""Probes read the live model: their numbers equal the model's own computations."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from engine.pretraining.probes import (
    ProbeError,
    generate,
    nearest_neighbours,
    next_token_distribution,
)
from engine.pretraining.trainer import PreTrainer, TrainConfig
from engine.tokenizers import END
from tests.tiny_world import tiny_setup


@pytest.fixture(scope="module")
def trained():
    tok, model, ids, held = tiny_setup()
    PreTrainer(model, ids, held, TrainConfig(batch_size=8)).train_steps(80)
    model.eval()
    return tok, model


def test_next_token_distribution_is_the_models_softmax(trained):
    tok, model = trained
    ids = tok.encode("the cat sat on")
    dist = next_token_distribution(model, tok, ids, k=5)
    with torch.no_grad():
        probs = F.softmax(model(torch.tensor([ids]))[0][0, -1], dim=-1)
    top = torch.topk(probs, 5)
    assert dist.token_ids == tuple(int(i) for i in top.indices)
    np.testing.assert_allclose(dist.probs, top.values.numpy(), rtol=1e-6)
    assert list(dist.probs) == sorted(dist.probs, reverse=True)
    assert dist.tokens == tuple(tok.token_strings(list(dist.token_ids)))


def test_trained_model_predicts_the_grammar(trained):
    tok, model = trained
    dist = next_token_distribution(model, tok, tok.encode("the cat sat on"), k=3)
    assert dist.tokens[0].strip() in {"a", "the"}


def test_neighbours_are_brute_force_cosine(trained):
    tok, model = trained
    got = nearest_neighbours(model, tok, "king", k=4)
    table = model.embedding_table().detach().numpy()
    tid = tok.word_token("king")
    unit = table / np.linalg.norm(table, axis=1, keepdims=True)
    sims = unit @ unit[tid]
    words = [i for i, s in enumerate(tok.token_strings(list(range(len(table)))))
             if s.startswith(" ") and s.strip().isalpha() and i != tid]
    best = sorted(words, key=lambda i: -sims[i])[:4]
    assert [n.token_id for n in got] == best
    np.testing.assert_allclose([n.similarity for n in got], sims[best], rtol=1e-5)
    assert [n.rank for n in got] == [1, 2, 3, 4]


def test_neighbours_of_a_split_word_explain_why(trained):
    tok, model = trained
    with pytest.raises(ProbeError, match="not a single token"):
        nearest_neighbours(model, tok, "xylophone")


def test_generation_is_seeded_and_records_its_distributions(trained):
    tok, model = trained
    prompt = tok.encode("the queen")
    a = generate(model, tok, prompt, max_new_tokens=12, seed=3, stop_at_end=False)
    b = generate(model, tok, prompt, max_new_tokens=12, seed=3, stop_at_end=False)
    assert a == b and len(a.token_ids) == 12 and len(a.steps) == 12
    greedy = generate(model, tok, prompt, max_new_tokens=8, greedy=True, stop_at_end=False)
    assert all(step.token_ids[0] == t for step, t in zip(greedy.steps, greedy.token_ids, strict=True))
    assert greedy.text == tok.decode(list(greedy.token_ids))


def test_top_k_one_is_greedy(trained):
    tok, model = trained
    prompt = tok.encode("a dog")
    greedy = generate(model, tok, prompt, max_new_tokens=10, greedy=True, stop_at_end=False)
    top1 = generate(model, tok, prompt, max_new_tokens=10, top_k=1, seed=5, stop_at_end=False)
    assert greedy.token_ids == top1.token_ids


class AlwaysEnd(torch.nn.Module):
    """A stand-in model whose every next-token guess is <end>."""

    def __init__(self, config):
        super().__init__()
        self.config = config

    def forward(self, idx, cache=None):
        logits = torch.zeros(idx.shape[0], idx.shape[1], self.config.vocab_size)
        logits[..., END] = 10.0
        return logits, None


def test_generation_stops_at_end_token(trained):
    tok, model = trained
    g = generate(AlwaysEnd(model.config), tok, tok.encode("the king"), max_new_tokens=30, greedy=True)
    assert g.ended is True and g.token_ids == () and g.text == ""
    g = generate(AlwaysEnd(model.config), tok, tok.encode("the king"), max_new_tokens=5, greedy=True,
                 stop_at_end=False)
    assert g.ended is False and len(g.token_ids) == 5


def test_cached_generation_equals_rereading_the_whole_context(trained):
    """The key/value cache is only a speed-up: same tokens, same probabilities, also
    after the context outgrows the block and starts to slide."""
    tok, model = trained
    prompt = tok.encode("the king sang to")
    fast = generate(model, tok, prompt, max_new_tokens=30, greedy=True, stop_at_end=False)
    ids = list(prompt)
    for step in fast.steps:
        with torch.no_grad():
            ctx = torch.tensor([ids[-model.config.block_size :]])
            probs = F.softmax(model(ctx)[0][0, -1], dim=-1)
        np.testing.assert_allclose(step.probs[0], float(probs.max()), rtol=1e-4)
        ids.append(int(torch.argmax(probs)))
    assert list(fast.token_ids) == ids[len(prompt):]
    assert len(prompt) + 30 > model.config.block_size  # the slide was exercised
