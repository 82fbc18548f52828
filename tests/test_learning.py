"""The bundled data teaches the model what the article promises, in a few hundred steps.

These train real models on the real corpus with fixed seeds and a fixed number of
steps (never the clock), so they are the slowest engine tests (~1 minute in all).
"""

import pytest

from engine.corpus.mix import Mix
from engine.corpus.style import forum_marker_rate
from engine.pretraining.trainer import TrainConfig
from engine.session.core import Session

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("both_cores")]


def test_made_up_world_from_scratch_sea_is_near_waters_and_heldout_loss_falls():
    """In the made-up world, where "sea" and "waters" fill the same template slots:
    seed 0, 150 steps (about 20 s on two cores)."""
    session = Session(seed=0)
    session.set_mix(Mix.made_up())
    snaps = list(session.pretraining.train(TrainConfig(seed=0, max_steps=150), from_scratch=True))
    heldout = [s.heldout_loss for s in snaps if s.heldout_loss is not None]
    assert heldout[-1] < heldout[0] - 2.0, heldout
    assert heldout == sorted(heldout, reverse=True)
    top3 = [n.token for n in session.pretraining.neighbours("sea", 3)]
    assert "waters" in top3, top3
    assert "queen" in [n.token for n in session.pretraining.neighbours("king", 3)]
    assert session.stage == "pre-trained" and session.tokens_seen == 150 * 16 * 64


def _samples_marker_rate(mix: Mix, steps: int = 120) -> float:
    session = Session(seed=0)
    session.set_mix(mix)
    list(session.pretraining.train(TrainConfig(seed=0, max_steps=steps), from_scratch=True))
    text = " ".join(
        session.generate("\n", max_new_tokens=60, temperature=1.0, seed=s).text for s in range(12)
    )
    return forum_marker_rate(text)


def test_the_mix_matters_forum_only_talks_like_the_forum():
    forum = _samples_marker_rate(Mix.only("forum"))
    encyclopedia = _samples_marker_rate(Mix.only("encyclopedia"))
    assert forum > 3 * encyclopedia + 0.01, (forum, encyclopedia)
