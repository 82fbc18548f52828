"""The app shell: window, navigator, status bar, controller and the engine worker."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui.bridge.model_jobs import ShownStage
from gui.panels import PANELS
from gui.status_bar import human_count
from workers.server.core import default_session

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent


def test_panels_are_registered_in_one_list():
    assert [p.key for p in PANELS] == ["data", "tokens", "windows", "embeddings", "finetune", "chat"]
    assert [p.pillar for p in PANELS] == ["Pre-training"] * 4 + ["Fine-tuning", "RLHF"]


def test_status_bar_shows_the_models_real_status(main_window, engine_controller):
    expected = default_session().status()  # a direct engine call on the same checkpoint
    bar = main_window.status_bar
    # At 1280 px the bar uses its short words ("pre-trained"); what the stage does is then
    # in the tooltip. Either way the real stage is on screen.
    assert expected.stage in bar.stage_label.text()
    words = bar.stage_words(ShownStage(expected.stage))
    assert words in bar.stage_label.text() + bar.stage_label.toolTip()
    assert human_count(expected.n_params) in bar.size_label.text()
    assert f"{human_count(expected.tokens_seen)}" in bar.tokens_label.text()
    if expected.loss is not None:
        assert f"{expected.loss:.2f}" in bar.loss_label.text()
    assert engine_controller.status == expected


def test_navigator_switches_panels(qtbot, main_window):
    from gui.panels.pretraining.windows_panel import WindowsPanel

    for key in ("windows", "chat", "tokens", "data"):
        main_window.navigator.select(key)
        assert main_window.current_key() == key
        panel = main_window.panels[key]
        assert main_window.stack.currentWidget() is panel
    assert isinstance(main_window.panels["windows"], WindowsPanel)
    import gui.panels as registry

    assert not hasattr(registry, "lazy"), "panels are imported explicitly, never by name"
    assert not (Path(registry.__file__).parent / "placeholder.py").exists()


def test_prepared_panels_wait_hidden_and_open_without_being_made_again(qtbot, main_window):
    """gui.app.run makes every panel before the window appears (no stall on a first
    opening); the hidden ones keep their redraw timers stopped until they are shown."""
    main_window.navigator.select("data")
    main_window.prepare_panels()
    assert set(main_window.panels) == set(main_window.specs)
    made = dict(main_window.panels)
    for key in ("windows", "finetune", "chat"):
        assert not main_window.panels[key].redraw_timer.isActive(), key
    # Nothing asked of the engine for a panel nobody opened (answers, the model in use).
    finetune, chat = main_window.panels["finetune"], main_window.panels["chat"]
    assert not finetune._asked and chat.candidates is None and not chat._writing
    main_window.navigator.select("chat")
    assert main_window.panels["chat"].redraw_timer.isActive()
    main_window.navigator.select("data")
    assert not main_window.panels["chat"].redraw_timer.isActive()
    assert main_window.panels == made  # shown, never made twice
    assert getattr(chat, "_opened", False) and not getattr(finetune, "_opened", False)
    # Not when the fine-tune pairs arrive either: the hidden panel asked both models its
    # first question then, and the person's first click in Chat waited behind the answers.
    qtbot.waitUntil(lambda: finetune.qa is not None, timeout=30_000)
    QApplication.processEvents()
    assert not finetune._asked
    main_window.navigator.select("finetune")
    assert finetune._asked  # opened: now both models answer


def test_worker_exception_is_reported_and_the_next_job_runs(qtbot, main_window, engine_controller):
    c = engine_controller
    with qtbot.waitSignal(c.jobFailed, timeout=10_000) as failed:
        c.pretraining.request_next_token([10**7], 5)  # no such token: the model raises inside the engine
    title, message = failed.args
    assert title and message
    assert main_window.banner.isVisible()
    assert title in main_window.banner.text.text()
    ids = c.model_tokenizer.encode("The cat sat on")
    with qtbot.waitSignal(c.pretraining.nextTokenReady, timeout=10_000) as ready:
        c.pretraining.request_next_token(ids, 5)
    assert ready.args[0].context_ids == tuple(ids)


def test_bad_user_file_arrives_as_job_failed_and_loses_nothing(qtbot, engine_controller, tmp_path):
    c = engine_controller
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\xff\xfe" * 100)
    with qtbot.waitSignal(c.pretraining.dataSummaryChanged, timeout=30_000) as before:
        c.pretraining.request_data_summary()
    with qtbot.waitSignal(c.jobFailed, timeout=30_000) as failed:
        c.pretraining.add_user_texts(bad)
    assert failed.args[0] == "Could not add your text"
    with qtbot.waitSignal(c.pretraining.dataSummaryChanged, timeout=30_000) as after:
        c.pretraining.request_data_summary()
    assert after.args[0].documents == before.args[0].documents


def _process_controller(qtbot):
    from gui.bridge.controller import Controller, ProcessBackend

    controller = Controller(ProcessBackend())
    with qtbot.waitSignal(controller.modelReady, timeout=90_000):
        controller.start()
    return controller


def test_process_backend_trains_probes_and_survives_errors(qtbot):
    """The real app path: a spawned worker with one torch thread."""
    c = _process_controller(qtbot)
    try:
        proc_pid = c.backend.pid
        assert proc_pid != os.getpid()
        # The same numbers as the engine called directly on the same checkpoint.
        local = default_session()
        ids = local.tokenizer.encode("The cat sat on a")
        with qtbot.waitSignal(c.pretraining.nextTokenReady, timeout=20_000) as ready:
            c.pretraining.request_next_token(ids, 5)
        direct = local.pretraining.next_token(ids, 5)
        assert ready.args[0].token_ids == direct.token_ids
        assert ready.args[0].probs == pytest.approx(direct.probs, abs=1e-5)

        # An exception in the worker comes back as jobFailed and the worker lives on.
        with qtbot.waitSignal(c.jobFailed, timeout=20_000):
            c.pretraining.request_next_token([10**7], 5)
        # Training in the worker: snapshots arrive and the status follows.
        with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=60_000,
                              check_params_cb=lambda s: s == "stopped"):
            c.pretraining.start_training(from_scratch=False, seed=1, max_steps=6)
        assert len(c.pretraining.loss_history.train_loss) >= 6
        assert c.pretraining.latest_snapshot.step >= 6
        assert c.status.tokens_seen == c.pretraining.latest_snapshot.tokens_seen
    finally:
        c.shutdown()
    assert not c.backend.alive


WORKER_ORPHAN_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QCoreApplication
    from gui.bridge.controller import ProcessBackend
    app = QCoreApplication([])
    backend = ProcessBackend()
    backend.start(lambda batch: None)
    print(backend.pid, flush=True)
    time.sleep(float(sys.argv[1]))
    os.kill(os.getpid(), 9)  # a crash: no clean-up runs
    """
)


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return any(line.startswith("State:") and ("Z" in line or "X" in line) for line in f)
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_worker_exits_when_the_app_crashes():
    script = WORKER_ORPHAN_SCRIPT.format(root=str(ROOT))
    app = subprocess.Popen([sys.executable, "-c", script, "1.0"], stdout=subprocess.PIPE, text=True)
    worker_pid = int(app.stdout.readline())
    app.wait(timeout=30)
    assert app.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 15
    while not _gone(worker_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(worker_pid), "the engine worker outlived the app"


def test_main_screenshot_renders_a_panel(tmp_path):
    """main.py end to end: the window, the worker process, the model, a PNG, exit 0.

    (The chat step is a placeholder: it is ready as soon as the model is, which keeps this
    test fast; `--panel windows` is exercised by hand and by the screenshots in the docs.)
    """
    out = tmp_path / "chat.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), "--panel", "chat",
         "--size", "1280x720"],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 10_000
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_a_handler_that_raises_does_not_stop_the_events_after_it(qtbot):
    """The controller handles the worker's events in slices; one handler raising must
    not leave the rest of the queue (and every later batch) waiting for good."""
    from gui.bridge.controller import Controller, InProcessBackend
    from workers.protocol import Busy, StatusReport

    controller = Controller(InProcessBackend(lambda: None))
    seen: list[str] = []
    controller.busyChanged.connect(lambda what, busy: seen.append(what))

    def broken(_event):
        raise RuntimeError("a panel's handler failed")

    controller._handlers[StatusReport] = broken
    with pytest.raises(RuntimeError):
        controller._on_events([Busy("data", True), StatusReport(None), Busy("saving", True)])
    assert seen == ["data"]
    qtbot.waitUntil(lambda: seen == ["data", "saving"], timeout=2000)  # the rest, next turn
    controller._on_events([Busy("opening", True)])  # a later batch is handled at once
    assert seen[-1] == "opening"
