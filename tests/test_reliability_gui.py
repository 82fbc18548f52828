"""Bad input through the GUI: the person is told, and nothing they had is lost.

The main window on the real engine (in-process, the same EngineServer the worker process
runs): the person's bad files through the Data panel, hostile session files through
File > Open session…, a learning rate that blows the loss up from the Windows panel, an
exception inside a worker job, and the job indicator (progress and a Cancel button).
"""

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytestmark = pytest.mark.gui


def engine_session(controller):
    return controller.backend.server.session


def weights_hash(session) -> str:
    from engine.alignment.preference import state_hash

    return state_hash(session.model)


def banner_text(window) -> str:
    return window.banner.text.text() if window.banner.isVisible() else ""


def test_bad_files_through_the_data_panel(main_window, engine_controller, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.bad_inputs import BAD_FILES, write_bad_file

    dialogs = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *a, **k: dialogs.append((title, text)))
    panel = main_window.show_panel("data")
    qtbot.waitUntil(panel.is_ready, timeout=60_000)
    session = engine_session(engine_controller)
    summary, weights = session.data_summary(), weights_hash(session)
    shown_summary = engine_controller.pretraining.data_summary
    for kind in BAD_FILES:
        folder = tmp_path / kind
        folder.mkdir()
        path = write_bad_file(kind, folder, monkeypatch)
        with qtbot.waitSignal(engine_controller.jobFailed, timeout=20_000) as failed:
            panel.add_user_texts(str(path))
        title, message = failed.args
        assert path.name in message and BAD_FILES[kind][0] in message, message
        # the person sees it: a dialog from the panel and the window's banner
        assert dialogs and dialogs[-1][0] == title and message in dialogs[-1][1]
        assert "Nothing was changed" in dialogs[-1][1]
        assert path.name in banner_text(main_window)
    assert len(dialogs) == len(BAD_FILES)
    assert session.data_summary() == summary and weights_hash(session) == weights
    assert engine_controller.pretraining.data_summary == shown_summary  # the panel was never told otherwise
    assert engine_session(engine_controller).user_files == []


def test_save_and_open_from_the_file_menu(main_window, engine_controller, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QFileDialog

    from gui.session_actions import file_menu

    actions = main_window.session_actions
    assert actions.save_action.shortcut() == QKeySequence("Ctrl+S")
    assert actions.open_action.shortcut() == QKeySequence("Ctrl+O")
    assert {a.text() for a in file_menu(main_window).actions()} >= {"Save session…", "Open session…"}
    target = tmp_path / "lecture"  # no suffix typed: .pillars is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    progress = []
    engine_controller.jobProgress.connect(lambda what, f, _t: progress.append((what, f)))
    saved_by = engine_session(engine_controller)
    saved_weights = weights_hash(saved_by)
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    with qtbot.waitSignal(engine_controller.sessionFileDone, timeout=30_000) as done:
        qtbot.keyClick(main_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    what, ok, path, message = done.args
    assert (what, ok) == ("save", True) and path.endswith("lecture.pillars"), message
    assert os.path.getsize(path) > 1_000_000
    notice = main_window.status_bar.notice_label  # wraps, never cut off; the full path on hover
    assert notice.text().startswith("Saved the session to") and "lecture.pillars" in notice.text()
    assert notice.toolTip() == path and os.sep not in notice.text()  # the name; the path on hover
    fractions = [f for w, f in progress if w == "saving" and f >= 0]
    assert fractions and fractions == sorted(fractions)
    qtbot.waitUntil(lambda: not main_window.job_indicator.isVisible(), timeout=5_000)

    # The model changes (one training step), then the saved session is opened again.
    with qtbot.waitSignal(engine_controller.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s == "paused"):
        engine_controller.pretraining.step_training()
    assert weights_hash(engine_session(engine_controller)) != saved_weights
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    with qtbot.waitSignals([engine_controller.sessionOpened, engine_controller.sessionFileDone],
                           timeout=60_000):
        qtbot.keyClick(main_window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # Ctrl+O
    assert actions.last_result[:2] == ("open", True)
    opened_session = engine_session(engine_controller)
    assert opened_session is not saved_by and weights_hash(opened_session) == saved_weights
    assert "Opened" in main_window.status_bar.notice_label.text()
    assert engine_controller.status == opened_session.status()
    assert engine_controller.pretraining.loss_history.tokens == []  # the old session's curve is gone


def test_hostile_session_files_are_refused_and_the_session_kept(main_window, engine_controller, qtbot,
                                                               tmp_path):
    from tests.bad_inputs import hostile_file

    actions = main_window.session_actions
    good = tmp_path / "good.pillars"
    with qtbot.waitSignal(engine_controller.sessionFileDone, timeout=30_000) as done:
        actions.save(good)
    assert done.args[1], done.args
    session = engine_session(engine_controller)
    weights = weights_hash(session)
    for kind in ("truncated-data", "pickle", "huge-header", "wrong-shapes", "future-version",
                 "checkpoint-folder", "fifo", "bit-flip"):  # a FIFO used to leave "opening…" for good
        bad = hostile_file(kind, good, tmp_path)
        with qtbot.waitSignals([engine_controller.sessionFileDone, engine_controller.jobFailed],
                               timeout=20_000):
            actions.open(bad)
        what, ok, _path, message = actions.last_result
        assert (what, ok) == ("open", False) and bad.name in message, message
        assert "Could not open the session" in banner_text(main_window)
        assert "was not opened" in main_window.status_bar.notice_label.text()
        assert engine_session(engine_controller) is session and weights_hash(session) == weights


def test_a_learning_rate_that_blows_up_rolls_back_and_says_so(main_window, engine_controller, qtbot,
                                                             monkeypatch):
    import gui.panels.pretraining.windows_training as windows_panel  # where the menu of rates lives
    from engine.pretraining.trainer import PreTrainer, TrainConfig

    monkeypatch.setattr(windows_panel, "LEARNING_RATES",
                        (*windows_panel.LEARNING_RATES, (1e4, "absurd (10000)")))
    panel = main_window.show_panel("windows")  # its menu of learning rates now ends with ours
    panel.lr_combo.setCurrentIndex(panel.lr_combo.count() - 1)
    assert panel.lr_combo.currentText() == "absurd (10000)"
    session = engine_session(engine_controller)
    weights = weights_hash(session)
    probe = PreTrainer(session.model, *session.token_ids(), TrainConfig(eval_batches=2))
    heldout = probe.heldout_loss()
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(engine_controller.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s == "diverged"):
        qtbot.mouseClick(panel.continue_button, Qt.MouseButton.LeftButton)
    assert weights_hash(session) == weights  # rolled back to the last good weights
    assert probe.heldout_loss() == heldout
    snap = engine_controller.pretraining.latest_snapshot
    assert snap.status == "diverged" and "learning rate" in snap.message
    qtbot.waitUntil(lambda: "rolled back" in panel.train_stats.text(), timeout=5_000)
    assert "blew up" in panel.train_stats.text()


def test_an_exception_in_a_worker_job_is_shown_logged_and_the_next_job_runs(
        main_window, engine_controller, qtbot, monkeypatch, caplog, tmp_path):
    import engine.session.pretraining
    from engine.pretraining.trainer import PreTrainer

    caplog.set_level(logging.WARNING, logger="three_pillars")
    failures = []
    engine_controller.jobFailed.connect(lambda title, _message: failures.append(title))
    real_probe = engine.session.pretraining.next_token_distribution

    def broken_probe(*_a, **_k):
        raise RuntimeError("the probe fell over (a test)")

    monkeypatch.setattr(engine.session.pretraining, "next_token_distribution", broken_probe)
    with qtbot.waitSignal(engine_controller.jobFailed, timeout=20_000) as failed:
        engine_controller.pretraining.request_next_token([5, 6, 7], key="test")
    assert failed.args == ["The model could not make its guesses", "the probe fell over (a test)"]
    assert "the probe fell over" in banner_text(main_window)
    logged = [r for r in caplog.records if "the probe fell over" in r.getMessage()]
    assert logged and logged[0].levelno == logging.ERROR and "Traceback" in logged[0].getMessage()
    monkeypatch.setattr(engine.session.pretraining, "next_token_distribution", real_probe)
    with qtbot.waitSignal(engine_controller.pretraining.nextTokenReady, timeout=20_000):
        engine_controller.pretraining.request_next_token([5, 6, 7], key="test")  # the next job runs

    # A long job failing half-way: training stops, says so, and can start again.
    real_step, calls = PreTrainer._train_step, []

    def step_that_fails_once(self):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("a training step fell over (a test)")
        return real_step(self)

    monkeypatch.setattr(PreTrainer, "_train_step", step_that_fails_once)
    with qtbot.waitSignal(engine_controller.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s == "stopped"):
        engine_controller.pretraining.start_training()
    assert failures[-1] == "Training stopped with an error"
    assert any("a training step fell over" in r.getMessage() for r in caplog.records)
    with qtbot.waitSignal(engine_controller.pretraining.trainingSnapshot, timeout=60_000):
        engine_controller.pretraining.start_training()
    with qtbot.waitSignal(engine_controller.pretraining.trainingStateChanged, timeout=20_000):
        engine_controller.pretraining.pause_training()
    assert len(calls) > 2

    # The save job failing inside the engine: said, logged, and the previous file kept.
    import engine.session.file

    def broken_pack(_session):
        raise RuntimeError("packing fell over (a test)")

    monkeypatch.setattr(engine.session.file, "pack_session", broken_pack)
    path = tmp_path / "kept.pillars"
    path.write_bytes(b"the previous session")
    with qtbot.waitSignal(engine_controller.sessionFileDone, timeout=20_000) as done:
        engine_controller.save_session(path)
    assert done.args[1] is False and "packing fell over" in done.args[3]
    assert failures[-1] == "Could not save the session" and path.read_bytes() == b"the previous session"
    with qtbot.waitSignal(engine_controller.statusChanged, timeout=20_000):
        engine_controller.request_status()  # and the engine answers the next request


def test_long_jobs_show_in_the_status_bar_and_can_be_cancelled(main_window, engine_controller, qtbot,
                                                              tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    import engine.session.file

    indicator = main_window.job_indicator
    click = lambda: qtbot.mouseClick(indicator.cancel_button, Qt.MouseButton.LeftButton)  # noqa: E731
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=30_000)

    # Training: shown with a Stop button that ends it.
    engine_controller.pretraining.start_training()
    qtbot.waitUntil(lambda: indicator.current() == "training" and indicator.cancel_button.isVisible(),
                    timeout=30_000)
    assert indicator.label.text().startswith("Training")
    assert not main_window.status_bar.busy_label.isVisible()  # the indicator says it instead
    assert main_window.minimumSizeHint().width() <= 1280  # still fits a projector's width
    with qtbot.waitSignal(engine_controller.pretraining.trainingStateChanged, timeout=20_000,
                          check_params_cb=lambda s: s == "stopped"):
        click()
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=5_000)

    # Fine-tuning: progress out of its steps, and Stop.
    engine_controller.finetuning.start_finetune(max_steps=400)
    qtbot.waitUntil(lambda: indicator.current() == "fine-tuning" and indicator.bar.maximum() == 1000,
                    timeout=60_000)
    assert "of 400" in indicator.label.text()
    with qtbot.waitSignal(engine_controller.finetuning.finetuneStateChanged, timeout=20_000,
                          check_params_cb=lambda s: s == "stopped"):
        click()
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=5_000)

    # A save cancelled half-way: the file that was there stays as it was, no temp file left.
    path = tmp_path / "kept.pillars"
    with qtbot.waitSignal(engine_controller.sessionFileDone, timeout=60_000) as done:
        engine_controller.save_session(path)  # the previous session (only ours are replaced)
    assert done.args[:2] == ["save", True], done.args
    previous = path.read_bytes()
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=5_000)
    monkeypatch.setattr(engine.session.file, "CHUNK_BYTES", 4096)  # a thousand small steps
    engine_controller.save_session(path)
    qtbot.waitUntil(lambda: indicator.current() == "saving" and indicator.bar.value() > 100,
                    timeout=30_000)
    assert indicator.label.text().startswith("Saving") and indicator.cancel_button.isVisible()
    with qtbot.waitSignal(engine_controller.sessionFileDone, timeout=30_000) as done:
        click()
    assert done.args[:2] == ["save", False] and "cancelled" in done.args[3]
    assert path.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["kept.pillars"]
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=5_000)
