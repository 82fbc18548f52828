"""The training recipe: Muon is what it claims, the new recipe learns faster on a fixed
seed, and checkpoints made with the old (nanoGPT) recipe still load as what they were."""

import json

import numpy as np
import pytest
import torch

from engine import paths
from engine.checkpoint import load_checkpoint, save_checkpoint
from engine.model import NANOGPT_RECIPE, GPTConfig, TinyGPT
from engine.optim import Muon, orthogonalize
from engine.pretraining.trainer import PreTrainer, TrainConfig
from tests.tiny_world import tiny_setup


def test_orthogonalize_sets_every_singular_value_near_one():
    torch.manual_seed(0)
    for shape in [(384, 128), (128, 512)]:  # (a square Gaussian has singular values near 0)
        G = torch.randn(shape) * torch.logspace(-1, 0, shape[1])  # a 10x spread of scales
        s = torch.linalg.svdvals(orthogonalize(G))
        assert s.min() > 0.6 and s.max() < 1.25, (shape, s.min(), s.max())


def test_muon_steps_the_other_groups_exactly_as_adamw():
    torch.manual_seed(0)
    a = torch.nn.Parameter(torch.randn(10, 5))
    b = torch.nn.Parameter(a.detach().clone())
    reference = torch.optim.AdamW([a], lr=3e-3, betas=(0.9, 0.95), weight_decay=0.1)
    ours = Muon([dict(params=[b], lr=3e-3)], betas=(0.9, 0.95), weight_decay=0.1)
    for _ in range(5):
        g = torch.randn(10, 5)
        a.grad, b.grad = g.clone(), g.clone()
        reference.step()
        ours.step()
    torch.testing.assert_close(a, b)


def _heldout_after(model_config: GPTConfig, train_config: TrainConfig, steps: int) -> float:
    tok, _, ids, held = tiny_setup()
    torch.manual_seed(0)
    model = TinyGPT(GPTConfig(**{**model_config.to_dict(), "vocab_size": tok.vocab_size}))
    trainer = PreTrainer(model, ids, held, train_config)
    trainer.train_steps(steps)
    return trainer.heldout_loss()


def test_new_recipe_lowers_heldout_loss_on_a_fixed_seed():
    """Same data, seed, batches and step count: the new recipe ends lower than nanoGPT's."""
    size = dict(block_size=16, n_layer=2, n_head=2, n_embd=32)
    old = _heldout_after(GPTConfig(**size, **NANOGPT_RECIPE), TrainConfig(optimizer="adamw"), 40)
    new = _heldout_after(GPTConfig(**size), TrainConfig(), 40)
    assert new < old - 0.1, (new, old)


def test_a_config_saved_before_the_recipe_existed_means_nanogpt():
    old = {"vocab_size": 2048, "block_size": 64, "n_layer": 4, "n_head": 4, "n_embd": 128,
           "dropout": 0.0, "bias": False}
    config = GPTConfig.from_dict(old)
    assert {k: getattr(config, k) for k in NANOGPT_RECIPE} == NANOGPT_RECIPE
    assert GPTConfig.from_dict(GPTConfig().to_dict()) == GPTConfig()  # the new one round-trips


def test_the_shipped_checkpoints_load_with_the_recipe_they_were_made_with():
    for stage in ("base", "sft", "aligned"):
        folder = paths.stage_checkpoint(stage)
        if not folder.exists():
            continue
        saved = json.loads((folder / "checkpoint.json").read_text())["config"]
        ckpt = load_checkpoint(folder)
        for k, legacy in NANOGPT_RECIPE.items():
            assert getattr(ckpt.model.config, k) == saved.get(k, legacy)
        ids = torch.tensor([[1, 2, 3, 4]])
        logits, _ = ckpt.model(ids)
        assert torch.isfinite(logits).all()


def test_a_new_recipe_checkpoint_round_trips(tmp_path):
    tok, _, ids, _ = tiny_setup()
    torch.manual_seed(0)
    model = TinyGPT(GPTConfig(vocab_size=tok.vocab_size, block_size=16, n_layer=2, n_head=2, n_embd=32))
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.01 * torch.randn_like(p))  # not the init: every weight must be saved
    save_checkpoint(tmp_path / "ckpt", model, tok, "pre-trained")
    loaded = load_checkpoint(tmp_path / "ckpt").model
    x = torch.from_numpy(np.asarray(ids[:16]))[None]
    torch.testing.assert_close(loaded(x)[0], model.eval()(x)[0])
    assert loaded.config == model.config


@pytest.mark.parametrize("bad", [dict(optimizer="sgd"), dict(muon_lr=0.0)])
def test_train_config_refuses_unknown_optimisers(bad):
    with pytest.raises(ValueError):
        TrainConfig(**bad)


def test_a_model_made_from_scratch_takes_todays_recipe_and_keeps_the_loaded_size():
    """Loading an old (nanoGPT) session and pressing "from scratch" must not build the old one."""
    from engine.session.core import Session

    tok, *_ = tiny_setup()
    size = dict(block_size=16, n_layer=2, n_head=2, n_embd=32)
    session = Session(model_config=GPTConfig(vocab_size=tok.vocab_size, **size, **NANOGPT_RECIPE))
    session.set_tokenizer(tok, fits_data=True)
    config = session.new_model().config
    assert {k: getattr(config, k) for k in NANOGPT_RECIPE} == \
        {k: getattr(GPTConfig(), k) for k in NANOGPT_RECIPE}
    assert (config.block_size, config.n_layer, config.n_head, config.n_embd) == (16, 2, 2, 32)
