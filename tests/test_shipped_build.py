"""How the shipped model was made, on the Windows and Embeddings panels.

A synthetic build history (the real `save_history`, made from the shipped model's own
final vectors and random earlier ones) is saved in a temp folder, and the GUI is pointed
at it; the engine runs the real shipped checkpoint in-process.
"""

import json

import numpy as np
import pytest

from engine import paths
from engine.pretraining.build_history import BuildHistory, CurvePoint, history_folder, save_history
from gui.bridge import shipped_build
from gui.bridge.embedding_history import EmbeddingHistory
from gui.bridge.projection_client import InProcessProjector
from gui.panels.pretraining.numbers import integer

pytestmark = pytest.mark.gui

BUILD_STEPS = 600  # the synthetic build: a curve point every 10 steps, a frame every 100


def _shipped_tokens_seen() -> int:
    meta = json.loads((paths.stage_checkpoint("base") / "checkpoint.json").read_text())["meta"]
    return int(meta["tokens_seen"])


def synthetic_history(warm_session) -> BuildHistory:
    """A build that ends in the shipped model: its last frame is that model's vectors."""
    final = warm_session.pretraining.embedding_snapshot()
    tokens = _shipped_tokens_seen()
    rng = np.random.default_rng(0)
    curve = []
    for step in range(10, BUILD_STEPS + 1, 10):
        heldout = 7.0 - 3.0 * step / BUILD_STEPS if step % 100 == 0 else None
        curve.append(CurvePoint(step, tokens * step // BUILD_STEPS, 7.5 - 3.5 * step / BUILD_STEPS,
                                heldout))
    start = rng.normal(size=final.vectors.shape).astype(np.float32)
    frame_steps = (1, *range(100, BUILD_STEPS + 1, 100))
    frames = tuple(((1 - s / BUILD_STEPS) * start + s / BUILD_STEPS * final.vectors).astype(np.float32)
                   for s in frame_steps)
    frames = (*frames[:-1], final.vectors.copy())
    return BuildHistory(tuple(curve), final.words, final.token_ids, frame_steps, frames, 1260.0)


@pytest.fixture
def build_dir(tmp_path, monkeypatch, warm_session):
    """A shipped checkpoint path whose build history is the synthetic one."""
    checkpoint = tmp_path / "base"
    save_history(checkpoint, synthetic_history(warm_session))
    monkeypatch.setattr(shipped_build, "shipped_checkpoint", lambda: checkpoint)
    return checkpoint


@pytest.fixture
def make_controller(qtbot, fresh_session):
    """make_controller() -> a started Controller on the shipped model, its history read."""
    from gui.bridge.controller import Controller, InProcessBackend

    made = []

    def make():
        controller = Controller(InProcessBackend(fresh_session))
        EmbeddingHistory.for_controller(controller, InProcessProjector())
        with qtbot.waitSignals([controller.modelReady, controller.shipped_build.loaded],
                               timeout=60_000):
            controller.start()
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


def _windows_panel(qtbot, controller):
    from gui.panels.pretraining.windows_panel import WindowsPanel

    panel = WindowsPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_active(True)
    return panel


def _plotted_tokens(panel) -> np.ndarray:
    # the curve's data, not getData(): that is clipped to the view, which may not have
    # caught up with a curve that just moved past the build's last point
    xs = panel.loss_plot.train_curve.xData
    return np.asarray([] if xs is None else xs) * 1e3


def test_windows_chart_shows_the_build_then_the_live_run_takes_over(qtbot, build_dir, make_controller):
    controller = make_controller()
    build = controller.shipped_build
    assert build.active
    panel = _windows_panel(qtbot, controller)
    qtbot.waitUntil(lambda: "How the shipped model was trained" in panel.train_stats.text())
    caption = panel.train_stats.text()
    assert "600 steps" in caption and "21 min" in caption and "held-out loss 4.00" in caption
    tokens = _plotted_tokens(panel)
    assert len(tokens) == BUILD_STEPS // 10 and tokens[-1] == _shipped_tokens_seen()
    _hx, hy = panel.loss_plot.heldout_curve.getData()
    assert list(hy) == pytest.approx([7.0 - 3.0 * s / BUILD_STEPS for s in range(100, 601, 100)])

    # Training it further: the live run replaces the build on the chart and in the caption.
    with qtbot.waitSignal(build.activeChanged, timeout=10_000):
        controller.pretraining.start_training(max_steps=2)
    # (on the library the data is prepared first: wait for the run's points, then its end)
    qtbot.waitUntil(lambda: len(_plotted_tokens(panel)) > 0
                    and controller.pretraining.training_state != "running", timeout=120_000)
    assert not build.active
    qtbot.waitUntil(lambda: "How the shipped model" not in panel.train_stats.text())
    tokens = _plotted_tokens(panel)
    assert 0 < len(tokens) <= 3 and tokens[0] > _shipped_tokens_seen()

    # Back to the shipped model: the build is on the chart again.
    with qtbot.waitSignal(build.activeChanged, timeout=30_000):
        controller.reset_demo()
    assert build.active
    qtbot.waitUntil(lambda: "How the shipped model was trained" in panel.train_stats.text())
    assert len(_plotted_tokens(panel)) == BUILD_STEPS // 10


def test_training_from_scratch_drops_the_build(qtbot, build_dir, make_controller):
    controller = make_controller()
    with qtbot.waitSignal(controller.shipped_build.activeChanged, timeout=10_000):
        controller.pretraining.start_training(from_scratch=True, max_steps=1)
    assert not controller.shipped_build.active


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated frames"])
def test_a_missing_or_damaged_history_leaves_the_panels_as_before(qtbot, tmp_path, monkeypatch,
                                                                  warm_session, make_controller,
                                                                  damage):
    checkpoint = tmp_path / "base"
    if damage != "missing":
        save_history(checkpoint, synthetic_history(warm_session))
        folder = history_folder(checkpoint)
        if damage == "garbage":
            (folder / "history.json").write_text("{not json", encoding="utf-8")
        else:
            data = (folder / "history.safetensors").read_bytes()
            (folder / "history.safetensors").write_bytes(data[: len(data) // 3])
    monkeypatch.setattr(shipped_build, "shipped_checkpoint", lambda: checkpoint)
    controller = make_controller()
    assert controller.shipped_build.history is None and not controller.shipped_build.active
    panel = _windows_panel(qtbot, controller)
    assert panel.loss_history() is controller.pretraining.loss_history
    qtbot.waitUntil(lambda: panel.train_stats.text().startswith("Press"))
    assert len(_plotted_tokens(panel)) == 0


def test_a_history_of_another_model_is_not_shown(qtbot, tmp_path, monkeypatch, warm_session,
                                                 make_controller):
    """A build whose curve ends elsewhere than the live model's tokens is not its history."""
    history = synthetic_history(warm_session)
    last = history.curve[-1]
    moved = (*history.curve[:-1], CurvePoint(last.step, last.tokens_seen + 1, last.train_loss, None))
    checkpoint = tmp_path / "base"
    save_history(checkpoint, BuildHistory(moved, history.words, history.token_ids,
                                          history.frame_steps, history.frames, history.seconds))
    monkeypatch.setattr(shipped_build, "shipped_checkpoint", lambda: checkpoint)
    controller = make_controller()
    assert controller.shipped_build.history is not None
    assert not controller.shipped_build.active


# -- the Embeddings panel: the build's map frames --------------------------------------
def _embeddings_panel(qtbot, controller):
    from gui.panels.pretraining.embeddings_panel import EmbeddingsPanel

    panel = EmbeddingsPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(1100, 640)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_embeddings_history_holds_the_builds_frames_and_replay_walks_them(qtbot, build_dir,
                                                                        make_controller):
    controller = make_controller()
    history = EmbeddingHistory.for_controller(controller)
    assert not controller.shipped_build.frame_pca  # laid out only when the map starts
    with qtbot.waitSignal(controller.shipped_build.framesReady, timeout=30_000):
        history.start()
    qtbot.waitUntil(lambda: history.build_umap_progress()[1] > 0, timeout=30_000)
    frames = history.frames
    assert [f.from_build for f in frames] == [True] * 6 + [False]
    assert [f.snapshot.step for f in frames] == [1, 100, 200, 300, 400, 500, 600]
    tokens = [f.snapshot.tokens_seen for f in frames]
    assert tokens == sorted(tokens) and tokens[-1] == _shipped_tokens_seen()
    build = controller.shipped_build.history
    for frame, saved in zip(frames[:-1], build.frames[:-1], strict=True):
        np.testing.assert_array_equal(frame.snapshot.vectors, saved)
    # Each earlier PCA picture is turned to match the one after it: the replay ends on
    # the live map as it is on screen.
    from engine.pretraining.projection import pca_layout, procrustes_align

    for before, after in zip(frames, frames[1:], strict=False):
        raw = pca_layout(before.snapshot.vectors)
        np.testing.assert_allclose(before.pca, procrustes_align(raw, after.pca), atol=1e-6)

    panel = _embeddings_panel(qtbot, controller)
    panel.method_combo.setCurrentIndex(1)  # PCA: every moment has its picture at once
    assert panel.method == "pca" and panel.replay_button.isEnabled()
    shown = []
    panel.layoutShown.connect(lambda _m, i: shown.append((i, panel.frame_label.text())))
    with qtbot.waitSignal(panel.timeline.replayFinished, timeout=30_000):
        panel.replay_button.click()
    walked = [i for n, (i, _) in enumerate(shown) if n == 0 or shown[n - 1][0] != i]
    assert walked == list(range(len(frames)))
    label = dict(shown)[2]
    thousands = integer(round(frames[2].snapshot.tokens_seen / 1000))
    assert label == f"While the shipped model was built: step 200 · {thousands} k tokens read"
    assert "step 600" in dict(shown)[len(frames) - 1]

    # The detailed (UMAP) pictures of the build come when the panel is opened, oldest first.
    panel.method_combo.setCurrentIndex(0)
    panel.set_active(True)
    qtbot.waitUntil(lambda: history.build_umap_progress() == (6, 6), timeout=30_000)
    assert history.frames_with("umap") == list(range(len(frames)))

    # Training it from scratch: the build's frames go, the live run's come.
    with qtbot.waitSignal(history.framesReset, timeout=60_000):
        controller.pretraining.start_training(from_scratch=True, max_steps=2)
        history.request_snapshot()
    qtbot.waitUntil(lambda: controller.pretraining.training_state != "running", timeout=60_000)
    assert not any(f.from_build for f in history.frames)

    # Back to the shipped model (the tour does this): its build replays again, and no
    # frame of the run that is gone stays.
    with qtbot.waitSignal(controller.demoReset, timeout=30_000):
        controller.reset_demo()
    qtbot.waitUntil(lambda: history.build_umap_progress()[1] == 6, timeout=30_000)
    assert [f.snapshot.step for f in history.frames] == [1, 100, 200, 300, 400, 500, 600]


def test_embeddings_without_a_history_show_live_frames_only(qtbot, tmp_path, monkeypatch,
                                                           make_controller):
    monkeypatch.setattr(shipped_build, "shipped_checkpoint", lambda: tmp_path / "base")
    controller = make_controller()
    history = EmbeddingHistory.for_controller(controller)
    qtbot.waitUntil(lambda: len(history.frames) == 1, timeout=30_000)
    assert not history.frames[0].from_build and history.build_umap_progress() == (0, 0)
    panel = _embeddings_panel(qtbot, controller)
    assert not panel.replay_button.isEnabled()
    assert panel.frame_label.text().startswith("Now")
