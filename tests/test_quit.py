"""File > Quit (Ctrl+Q) closes the app the way the window's × does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

pytestmark = pytest.mark.gui


@pytest.fixture
def app_window(qtbot, engine_controller):
    """The main window with the lecture tools (which save the settings on closing), shown."""
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import Presenter
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    window = MainWindow(engine_controller, start_key="windows")
    qtbot.addWidget(window)
    presenter = Presenter(window, engine_controller, AppSettings(), Appearance.instance())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window, presenter
    presenter.shutdown()
    window.close()


def test_file_menu_ends_with_quit_on_the_platforms_key(app_window):
    from gui.menus import menu

    window, _presenter = app_window
    items = [a for a in menu(window, "&File").actions() if not a.isSeparator()]
    quit_action = items[-1]
    assert quit_action is window.session_actions.quit_action
    assert quit_action.text() == "Quit"
    platform_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert quit_action.shortcuts() == (platform_keys or [QKeySequence("Ctrl+Q")])
    assert QKeySequence("Ctrl+Q") in quit_action.shortcuts()  # Linux's and, by us, Windows'
    assert "Export this view…" in [a.text() for a in items[:-1]]  # added later, still above


def test_ctrl_q_closes_through_the_windows_own_close(qtbot, app_window, engine_controller,
                                                     monkeypatch):
    """Ctrl+Q takes the × button's path: the settings are saved (the window's place among
    them), every panel and the engine worker are shut down, and the window closes."""
    from gui.settings import AppSettings

    window, _presenter = app_window
    assert AppSettings().geometry() is None
    stopped: list[str] = []
    real_shutdown = engine_controller.shutdown
    monkeypatch.setattr(engine_controller, "shutdown",
                        lambda: (stopped.append("engine"), real_shutdown()))
    panel = window.panels["windows"]
    real_panel_shutdown = panel.shutdown
    monkeypatch.setattr(panel, "shutdown", lambda: (stopped.append("windows"), real_panel_shutdown()))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert stopped == ["windows", "engine"]
    assert AppSettings().geometry() == window.saveGeometry()


def test_ctrl_q_works_from_the_look_inside_window(qtbot, app_window, engine_controller):
    window, _presenter = app_window
    panel = window.panels["windows"]
    qtbot.waitUntil(panel.is_ready, timeout=30_000)
    dialog = panel.open_look_inside()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_a_polite_kill_closes_the_app_as_its_close_button_does(tmp_path, sig):
    """main.py end to end: SIGTERM (a logout, `kill`) or SIGINT (Ctrl+C in its terminal)
    once the model is ready. The app used to die on the spot: nothing remembered, and the
    log ended with multiprocessing's "leaked semaphore objects" warning."""
    import os
    import signal
    import subprocess
    import sys
    import threading
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config")}
    app = subprocess.Popen([sys.executable, str(root / "main.py"), "--panel", "tokens"], cwd=root,
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in app.stderr:
            log.append(line)
            if "model ready" in line:
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(120), "".join(log[-30:])
        time.sleep(1.0)
        app.send_signal(getattr(signal, sig))
        app.wait(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    reader.join(10)
    text = "".join(log)
    assert app.returncode == 0, text[-3000:]
    assert "Traceback" not in text and "leaked semaphore" not in text, text[-3000:]
    remembered = list((home / ".config").rglob("*.conf"))
    assert remembered and "last_panel=tokens" in remembered[0].read_text(), remembered
