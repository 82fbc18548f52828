"""Redrawing from the latest snapshot on a timer, only while the panel is on screen.

The engine sends snapshots faster than a person can read them; a panel keeps the latest
and redraws at about 30 Hz, and not at all while another step is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

REDRAW_MS = 33  # ~30 Hz


class RedrawWhileShown:
    """A panel part (mixin) owning `redraw_timer`, started and stopped with the panel.

    The panel calls `_make_redraw_timer()` while it builds and connects the timer's
    timeout to its own `_redraw`; `set_active` and `shutdown` are the panel life cycle
    of gui/panels/__init__.py.
    """

    redraw_timer: QTimer

    def _make_redraw_timer(self, interval_ms: int = REDRAW_MS) -> QTimer:
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(interval_ms)
        return self.redraw_timer

    def set_active(self, active: bool) -> None:
        if active:
            self.redraw_timer.start()
            if not getattr(self, "_opened", False):
                self._opened = True
                self.first_opened()
        else:
            self.redraw_timer.stop()

    def first_opened(self) -> None:
        """The panel is on screen for the first time: ask the engine for what it shows.

        Not when it is made: the window makes every panel before it appears
        (MainWindow.prepare_panels), and a panel nobody opened must not make the engine
        write answers or switch the model in use at launch."""

    def shutdown(self) -> None:
        self.redraw_timer.stop()
