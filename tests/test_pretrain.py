"""Live pre-training: it learns, it is deterministic, it pauses and stops, it survives NaN."""

import math

import numpy as np
import pytest
import torch

from engine.pretraining.trainer import PreTrainer, TrainConfig
from tests.tiny_world import tiny_setup


def make_trainer(seed=0, **overrides):
    tok, model, ids, held = tiny_setup(seed)
    config = TrainConfig(seed=seed, batch_size=8, eval_every=10, **overrides)
    return PreTrainer(model, ids, held, config), model


def test_training_lowers_heldout_loss():
    trainer, _ = make_trainer()
    before = trainer.heldout_loss()
    snaps = trainer.train_steps(60)
    after = trainer.heldout_loss()
    assert after < before - 1.0, (before, after)
    assert [s.step for s in snaps] == list(range(1, 61))
    assert snaps[-1].tokens_seen == 60 * 8 * 16
    assert all(s.heldout_loss is not None for s in snaps if s.step % 10 == 0)


def test_same_seed_same_losses_different_seed_different_losses():
    a = [s.train_loss for s in make_trainer(seed=0)[0].train_steps(15)]
    b = [s.train_loss for s in make_trainer(seed=0)[0].train_steps(15)]
    c = [s.train_loss for s in make_trainer(seed=1)[0].train_steps(15)]
    assert a == b
    assert a != c


def test_pause_resume_and_step_continue_the_same_run():
    """Stopping pulling from the generator pauses; pulling again continues the same steps."""
    trainer, _ = make_trainer()
    gen = trainer.run()
    first = [next(gen) for _ in range(5)]
    # paused: nothing happens while nobody pulls
    assert trainer.step_count == 5
    resumed = next(gen)
    assert resumed.step == first[-1].step + 1
    gen.close()
    reference = make_trainer()[0].train_steps(6)
    assert [s.train_loss for s in first + [resumed]] == [s.train_loss for s in reference]


def test_stop_flag_ends_the_run_with_a_final_snapshot():
    trainer, _ = make_trainer()
    gen = trainer.run()
    next(gen)
    next(gen)
    trainer.request_stop()
    final = list(gen)
    assert len(final) == 1 and final[0].status == "stopped" and final[0].step == 2


def test_max_steps_ends_with_done():
    trainer, _ = make_trainer(max_steps=4)
    snaps = list(trainer.run())
    assert [s.step for s in snaps] == [1, 2, 3, 4, 4]
    assert snaps[-1].status == "done"


def test_non_finite_loss_stops_and_restores_last_good_weights():
    trainer, model = make_trainer()
    trainer.train_steps(3)
    good = [p.detach().clone() for p in model.parameters()]
    # Poison the model the way a huge learning rate would: the next loss is NaN.
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(float("inf"))
    trainer._good = good  # the weights before the poisoned "step"
    gen = trainer.run()
    snap = next(gen)
    assert snap.status == "diverged"
    assert "learning rate" in snap.message
    for p, g in zip(model.parameters(), good, strict=True):
        assert torch.equal(p, g)
    assert math.isfinite(trainer.heldout_loss())


def test_absurd_learning_rate_diverges_and_rolls_back():
    trainer, model = make_trainer(lr=1e6, warmup_steps=1, grad_clip=1e12)
    snaps = trainer.train_steps(200)
    assert snaps[-1].status == "diverged"
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert math.isfinite(trainer.heldout_loss())


def test_too_short_text_is_refused_with_a_message():
    tok, model, ids, held = tiny_setup()
    with pytest.raises(ValueError, match="too short"):
        PreTrainer(model, ids[:5], held, TrainConfig())


@pytest.mark.parametrize("bad", [dict(lr=0), dict(lr=float("nan")), dict(batch_size=0)])
def test_train_config_validates(bad):
    with pytest.raises(ValueError):
        TrainConfig(**bad)


def test_snapshots_are_plain_values():
    trainer, _ = make_trainer()
    snap = trainer.train_steps(1)[0]
    for value in vars(snap).values():
        assert isinstance(value, (int, float, str, type(None), np.floating))
