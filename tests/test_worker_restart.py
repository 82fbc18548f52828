"""Workers come back: a killed engine or map-drawing worker is restarted, and says so.

Each test kills a real worker process with SIGKILL (as a crash or the OOM killer would)
and waits on the controller's signals: the banner's message, the model ready again, and
training (or the detailed map) working again. How fast is not asserted here (a timed test
fails on a busy machine, as it did while other work ran beside the suite); on a quiet
two-core laptop the worker is back and training within about 10 s of the kill.
"""

import os
import signal
import time

import pytest

pytestmark = pytest.mark.gui

# How long the tests wait for a worker to come back (import torch, load the model, rebuild
# the data): a limit for "it never came back", far above the ~10 s it takes.
BACK_WITHIN_S = 90


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


def _process_controller(qtbot):
    from gui.bridge.controller import Controller, ProcessBackend

    controller = Controller(ProcessBackend())
    with qtbot.waitSignal(controller.modelReady, timeout=120_000):
        controller.start()
    return controller


def _train(qtbot, c, steps: int, timeout_s: float = 120) -> None:
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=_ms(timeout_s),
                          check_params_cb=lambda s: s == "stopped"):
        c.pretraining.start_training(seed=1, max_steps=steps)


def test_a_killed_engine_worker_comes_back_trains_and_reloads_the_saved_session(qtbot, tmp_path):
    c = _process_controller(qtbot)
    try:
        _train(qtbot, c, 3)  # the first run builds the data in the worker
        messages = []
        c.jobFailed.connect(lambda title, message: messages.append((title, message)))

        # 1. Nothing saved: the shipped model comes back, and the banner says what was lost.
        old_pid, step_before = c.backend.pid, c.pretraining.latest_snapshot.step
        with qtbot.waitSignals([c.workerRestarted, c.modelReady], timeout=_ms(BACK_WITHIN_S)):
            os.kill(old_pid, signal.SIGKILL)
        assert c.backend.pid != old_pid and c.backend.alive
        title, message = messages[-1]
        assert "stopped unexpectedly" in title and "starting again" in title
        assert "the model the app ships with" in message and f"step {step_before}" in message
        assert c.pretraining.training_state == "stopped"
        with qtbot.waitSignal(c.pretraining.trainingSnapshot, timeout=_ms(BACK_WITHIN_S)):
            c.pretraining.start_training(seed=1, max_steps=3)
        with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=60_000,
                              check_params_cb=lambda s: s == "stopped"):
            pass
        assert c.pretraining.latest_snapshot.step >= 3

        # 2. Saved, then more work: the saved session comes back, the work after it is lost.
        path = tmp_path / "lecture.tpsession"
        with qtbot.waitSignal(c.sessionFileDone, timeout=60_000) as saved:
            c.save_session(path)
        assert saved.args[1], saved.args
        saved_tokens = c.status.tokens_seen
        _train(qtbot, c, c.pretraining.latest_snapshot.step + 2)  # max_steps counts from the start
        assert c.status.tokens_seen > saved_tokens
        with qtbot.waitSignal(c.modelReady, timeout=_ms(BACK_WITHIN_S)):
            os.kill(c.backend.pid, signal.SIGKILL)
        assert str(path) in messages[-1][1] and "since" in messages[-1][1]
        assert c.status.tokens_seen == saved_tokens  # the saved state, not the shipped model
    finally:
        c.shutdown()


def test_a_worker_that_keeps_dying_is_given_up_with_a_message(qtbot):
    c = _process_controller(qtbot)
    try:
        c.restarts.max_restarts = 0  # as after three deaths within a minute
        messages = []
        c.jobFailed.connect(lambda title, message: messages.append(message))
        with qtbot.waitSignal(c.jobFailed, timeout=_ms(BACK_WITHIN_S)):
            os.kill(c.backend.pid, signal.SIGKILL)
        assert "Restart the app" in messages[-1]
        assert not c.backend.alive and not c.is_ready
    finally:
        c.shutdown()


def test_a_killed_umap_worker_comes_back_and_draws_again(qtbot):
    from gui.bridge.projection_client import ProjectionClient

    client = ProjectionClient(layout_target="gui.bridge.projection_client:_keep_init")
    try:
        with qtbot.waitSignal(client.warmed, timeout=60_000):
            client.start()
        import numpy as np

        rng = np.random.default_rng(0)
        words = [f"w{i}" for i in range(30)]
        vectors = rng.normal(size=(30, 8)).astype(np.float32)
        old_pid = client.pid
        with qtbot.waitSignals([client.workerRestarted, client.warmed],
                               timeout=_ms(BACK_WITHIN_S)):
            os.kill(old_pid, signal.SIGKILL)
        assert client.pid != old_pid and client.available
        with qtbot.waitSignal(client.layoutReady, timeout=_ms(BACK_WITHIN_S)) as done:
            job_id = client.submit(words, vectors)
        assert done.args[0].job_id == job_id and done.args[0].coords.shape == (30, 2)
    finally:
        client.shutdown()


def test_a_map_asked_for_after_shutdown_is_dropped_quietly(qtbot):
    """The window closes while a word-map snapshot is on its way: no dead-pipe traceback."""
    import numpy as np

    from gui.bridge.projection_client import ProjectionClient

    client = ProjectionClient(layout_target="gui.bridge.projection_client:_keep_init")
    with qtbot.waitSignal(client.warmed, timeout=60_000):
        client.start()
    client.shutdown()
    rng = np.random.default_rng(0)
    client.submit([f"w{i}" for i in range(8)], rng.normal(size=(8, 4)).astype(np.float32))
    assert not client.available and not client.busy
    client.shutdown()  # twice is fine


def test_a_fit_running_when_the_umap_worker_dies_is_fitted_again(qtbot):
    from gui.bridge.projection_client import ProjectionClient

    client = ProjectionClient(layout_target="tests.test_worker_restart:slow_layout")
    try:
        with qtbot.waitSignal(client.warmed, timeout=60_000):
            client.start()
        import numpy as np

        words = [f"w{i}" for i in range(20)]
        vectors = np.random.default_rng(1).normal(size=(20, 4)).astype(np.float32)
        job_id = client.submit(words, vectors)
        time.sleep(0.5)  # the fit has started in the worker (it takes 2 s)
        with qtbot.waitSignal(client.layoutReady, timeout=30_000) as done:
            os.kill(client.pid, signal.SIGKILL)
        assert done.args[0].job_id == job_id  # the same job, fitted by the new worker
    finally:
        client.shutdown()


def slow_layout(vectors, init=None, seed=0):
    """A stand-in for UMAP that takes 2 s on real jobs (the warm-up's 40 words are quick)."""
    import numpy as np

    if len(vectors) != 40:
        time.sleep(2.0)
    return np.asarray(init, dtype=np.float64)
