"""`main.py --screenshot-all DIR`: visit every panel in a real window and save a PNG of each.

Used by the real-window test (tests/test_real_window.py, under Xvfb) and by anyone who
wants pictures of every step at a given size, scale or colour scheme. Each panel is
shown in turn; its picture is taken once it says it shows real data (`is_ready()`) and
has had a moment to draw, or after `per_panel_timeout` seconds (the picture is saved all
the same and the panel is named on stderr). The whole window is saved, navigator and
status bar included, as the audience sees it.

Files: DIR/01-data.png, DIR/02-tokens.png, ... in the navigator's order.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from gui.widgets.staggered_paint import paint_charts_now

SETTLE_S = 0.6  # a few redraw-timer ticks after the panel is ready


class AllPanelsShooter:
    """Steps through the navigator's panels, saving one picture each, then quits the app."""

    def __init__(self, app, window, controller, folder: str | Path, per_panel_timeout: float = 30.0,
                 keys: list[str] | None = None):
        self.app, self.window, self.controller = app, window, controller
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.keys = list(keys) if keys is not None else window.navigator.keys()
        self.timeout = per_panel_timeout
        self.saved: list[Path] = []
        self.not_ready: list[str] = []
        self._i = -1
        self._since = 0.0
        self._ready_since: float | None = None
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        self._next_panel()
        self.timer.start()

    def _next_panel(self) -> None:
        self._i += 1
        if self._i >= len(self.keys):
            self._finish()
            return
        self.window.show_panel(self.keys[self._i])
        self._since = time.perf_counter()
        self._ready_since = None

    def _panel_ready(self) -> bool:
        panel = self.window.current_panel()
        if panel is None or not self.controller.is_ready:
            return False
        is_ready = getattr(panel, "is_ready", None)
        return bool(is_ready()) if callable(is_ready) else True

    def _poll(self) -> None:
        if self.controller.load_error is not None:
            print(f"the model could not be loaded: {self.controller.load_error}", file=sys.stderr)
            self.timer.stop()
            self.app.exit(2)
            return
        now = time.perf_counter()
        if self._panel_ready():
            if self._ready_since is None:
                self._ready_since = now
            if now - self._ready_since >= SETTLE_S:
                self._shoot()
        elif now - self._since > self.timeout:
            self.not_ready.append(self.keys[self._i])
            print(f"the {self.keys[self._i]} panel was not ready after {self.timeout:.0f} s; "
                  "its picture shows it as it was", file=sys.stderr)
            self._shoot()

    def _shoot(self) -> None:
        key = self.keys[self._i]
        path = self.folder / f"{self._i + 1:02d}-{key}.png"
        paint_charts_now(self.window)  # no plot still waiting for its turn
        if not self.window.grab().save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
        else:
            self.saved.append(path)
            print(f"screenshot saved to {path}")
        self._next_panel()

    def _finish(self) -> None:
        self.timer.stop()
        self.app.exit(0 if len(self.saved) == len(self.keys) else 1)
