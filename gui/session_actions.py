"""File > Save session… (Ctrl+S), Open session… (Ctrl+O) and Quit (Ctrl+Q), and the job
indicator.

`install_session_actions(window, controller)` adds both to the window's File menu and
puts a `JobIndicator` under the navigator. The work happens in the engine worker
(`Controller.save_session` / `open_session`, engine/session_file.py); this module asks
for the file name and tells the person how it went: success in the status bar, failure in
the window's message banner (the engine reports it as jobFailed) and in the status bar.
A file that cannot be opened leaves the current session as it was. Quit closes the window
as its × does (closeEvent), so what is saved on closing is saved and the workers stop.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from gui import file_dialogs
from gui.engine_messages import engine_text
from gui.menus import add_closing_action, menu
from gui.widgets.job_indicator import JobIndicator

SUFFIX = ".pillars"  # engine.session.file.SUFFIX (not imported: it would load torch here)
MESSAGE_MS = 10_000


def file_menu(window: QMainWindow) -> QMenu:
    """The window's File menu (made if there is none yet)."""
    return menu(window, "&File")


class SessionActions(QObject):
    """The File menu's session actions and Quit, and what the person sees when a
    session file is saved or opened."""

    def __init__(self, window: QMainWindow, controller):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.last_result: tuple[str, bool, str, str] | None = None  # what, ok, path, message
        self.save_action = QAction(self.tr("Save session…"), window)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setStatusTip(self.tr(
            "Save everything in one file: the models of every stage, the data mix, "
            "your texts, your questions and answers, your feedback"))
        self.save_action.triggered.connect(lambda: self.save())
        self.open_action = QAction(self.tr("Open session…"), window)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.setStatusTip(self.tr("Open a session saved with “Save session…”, here or elsewhere"))
        self.open_action.triggered.connect(lambda: self.open())
        self.quit_action = QAction(self.tr("Quit"), window)
        # The platform's quit keys (Ctrl+Q on Linux, Cmd+Q on a Mac); Windows has none of
        # its own, and there Ctrl+Q too.
        self.quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                                      or [QKeySequence("Ctrl+Q")])
        # From the Look inside window too, and with the menu bar hidden (full screen).
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setStatusTip(self.tr("Close the app (what it remembers is saved)"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(window.close)  # the × button's way out
        window.addAction(self.quit_action)
        menu = file_menu(window)
        menu.addAction(self.open_action)
        menu.addAction(self.save_action)
        add_closing_action(menu, self.quit_action)
        controller.sessionFileDone.connect(self._on_done)

    def file_filter(self) -> str:
        return self.tr("Three Pillars sessions (*.pillars);;All files (*)")

    def _folder(self) -> str:
        if self.controller.session_path:
            return str(Path(self.controller.session_path).parent)
        return file_dialogs.start_folder("session")

    def save(self, path: str | os.PathLike | None = None) -> None:
        """Save the session to `path` (asked for with a dialog when None)."""
        if path is None:
            proposed = self.controller.session_path or os.path.join(self._folder(), f"session{SUFFIX}")
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save the whole session in one file"), proposed, self.file_filter())
            if not path:
                return
            file_dialogs.remember("session", path)
            if not Path(path).suffix:
                path += SUFFIX
        self.window.statusBar().showMessage(
            self.tr("Saving the session to “{name}”…").format(name=Path(path).name))
        self.controller.save_session(str(path))

    def open(self, path: str | os.PathLike | None = None) -> None:
        """Open the session file `path` (asked for with a dialog when None)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open a saved session"), self._folder(), self.file_filter())
            if not path:
                return
            file_dialogs.remember("session", path)
        self.window.statusBar().showMessage(self.tr("Opening “{name}”…").format(name=Path(path).name))
        self.controller.open_session(str(path))

    def _on_done(self, what: str, ok: bool, path: str, message: str) -> None:
        self.last_result = (what, ok, path, message)
        if ok:
            self._say(engine_text(message), path)
            return
        # The details are in the banner (jobFailed); the status bar says the outcome.
        name = Path(path).name
        if what == "open":
            text = self.tr("“{name}” was not opened; the session you had is unchanged.").format(name=name)
        elif message.startswith("Saving was cancelled"):
            text = engine_text(message)
        else:
            text = self.tr("The session was not saved to “{name}”.").format(name=name)
        self._say(text, path)

    def _say(self, text: str, path: str) -> None:
        """The outcome in words that wrap (the file's short name), the full path in the
        tooltip; a window without the notice line uses its status bar."""
        bar = self.window.statusBar()
        if hasattr(bar, "show_notice"):
            bar.clearMessage()  # "Saving…" is over
            bar.show_notice(text, str(path))
        else:
            bar.showMessage(text, MESSAGE_MS)


def install_session_actions(window: QMainWindow, controller) -> SessionActions:
    """Add Save/Open session to `window`, and a job indicator under its navigator.

    The indicator takes the place of the status bar's busy words (`busy_label`, in the
    left column): at presenter text sizes the status bar has no room left at 1280 pixels.
    """
    actions = SessionActions(window, controller)
    busy_label = getattr(window.statusBar(), "busy_label", None)
    column = busy_label.parentWidget() if busy_label is not None else None
    if column is not None and column.layout() is not None:
        window.job_indicator = JobIndicator(controller, replaces=busy_label)
        layout = column.layout()
        layout.insertWidget(layout.indexOf(busy_label) + 1, window.job_indicator)
    else:  # a window without the left column: the status bar, on the right
        window.job_indicator = JobIndicator(controller)
        window.statusBar().addPermanentWidget(window.job_indicator)
    return actions
