"""The presenter's screen: full screen on and off, a blank screen, and the Esc key.

Esc belongs to the app only while there is something to leave; otherwise it stays with
the focused widget.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


class PresenterScreen:
    """The screen part of `Presenter` (a mixin: it uses the presenter's window and actions)."""

    _focus_before_blank = None  # the widget that had the focus before the screen went blank

    def toggle_full_screen(self, on: bool | None = None) -> None:
        full = bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)
        want = (not full) if on is None or not isinstance(on, bool) else on
        if want and not full:
            self._was_maximized = self.window.isMaximized()
            self.window.menuBar().hide()  # every room for the panel; the keys still work
            self.window.showFullScreen()
        elif not want and full:
            self.window.menuBar().show()
            if self._was_maximized:
                self.window.showMaximized()
            else:
                self.window.showNormal()
        self.full_screen_action.setChecked(want)

    def is_full_screen(self) -> bool:
        return bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)

    def _escape(self) -> None:
        if self.blank.isVisible():
            self.unblank()
        elif self.is_full_screen():
            self.toggle_full_screen(False)

    def _sync_escape(self) -> None:
        """Esc is the app's only while there is something to leave (full screen, a blank
        screen); otherwise it stays with the focused widget, as everywhere else.

        subtle: handing a key Esc back to the widget from the shortcut ran the shortcut
        again, until Python's recursion limit; a disabled action lets the key go by.
        """
        self.leave_full_screen_action.setEnabled(self.is_full_screen() or self.blank.isVisible())

    def blank_screen(self) -> None:
        if not self.blank.isVisible():
            self._focus_before_blank = QApplication.focusWidget()
            self.blank.cover()
            self._sync_escape()
            self.blankChanged.emit(True)

    def unblank(self) -> None:
        if self.blank.isVisible():
            self.blank.hide()
            if self._focus_before_blank is not None:
                with contextlib.suppress(RuntimeError):  # it was deleted meanwhile
                    self._focus_before_blank.setFocus()
            self._sync_escape()
            self.blankChanged.emit(False)

    @property
    def is_blank(self) -> bool:
        return self.blank.isVisible()
