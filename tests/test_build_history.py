"""A shipped model's build history (loss curve, map frames) survives a save and a load,
lives beside the checkpoint (never inside it), and a damaged one reads as None."""

import numpy as np

from engine.pretraining.build_history import (
    BuildHistory,
    CurvePoint,
    history_folder,
    load_history,
    save_history,
)


def test_history_round_trip_beside_the_checkpoint(tmp_path):
    ckpt = tmp_path / "base"
    ckpt.mkdir()
    rng = np.random.default_rng(0)
    frames = tuple(rng.standard_normal((5, 8)).astype(np.float32) for _ in range(3))
    history = BuildHistory(
        curve=(CurvePoint(1, 1024, 8.3, 8.2), CurvePoint(10, 10240, 6.1, None)),
        words=("the", "sea", "waters", "king", "queen"), token_ids=(5, 6, 7, 8, 9),
        frame_steps=(1, 100, 200), frames=frames, seconds=12.5)
    save_history(ckpt, history)
    assert history_folder(ckpt) == tmp_path / "base.history"
    assert list(ckpt.iterdir()) == []  # the checkpoint folder keeps only its own files
    back = load_history(ckpt)
    assert back.curve == history.curve and back.words == history.words
    assert back.frame_steps == (1, 100, 200) and back.seconds == 12.5
    assert all(np.array_equal(a, b) for a, b in zip(back.frames, frames, strict=True))


def test_missing_or_damaged_history_is_none(tmp_path):
    assert load_history(tmp_path / "nowhere") is None
    folder = tmp_path / "base.history"
    folder.mkdir()
    (folder / "history.json").write_text("{ not json", encoding="utf-8")
    assert load_history(tmp_path / "base") is None
