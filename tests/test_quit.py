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
