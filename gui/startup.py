"""The first second of the app: a splash at once, then the heavy imports before the window.

The window must never freeze once it is up (no stall over 50 ms: DESIGN.md). Two costs
used to land after it appeared:

- the engine's result types arrive pickled from the worker, and unpickling them imports
  the engine and torch (1.1-1.4 s) on the reader thread, which holds the GIL in long C
  calls: the window stalled 100-200 ms at a time while the model loaded;
- each panel was made on its first opening (60-400 ms, pyqtgraph's import first).

So a splash (the icon and a line of text) is painted first, within a few hundred ms; then
the engine's modules are imported here and every panel is made (MainWindow.prepare_panels)
while the worker loads the model on the other core; then the window replaces the splash.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from gui.i18n import translate

SPLASH_SIZE = (560, 280)


def show_splash(app: QApplication, icon) -> QSplashScreen:
    """A plain card with the icon and the name, painted now (before anything heavy)."""
    width, height = SPLASH_SIZE
    picture = QPixmap(width, height)
    picture.fill(QColor("#f4f1ea"))
    painter = QPainter(picture)
    icon.paint(painter, (width - 128) // 2, 28, 128, 128)
    font = QFont(app.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1f1f1f"))
    painter.drawText(0, 166, width, 40, Qt.AlignmentFlag.AlignCenter, "Three Pillars")
    small = QFont(app.font())
    painter.setFont(small)
    painter.setPen(QColor("#444444"))
    painter.drawText(20, 212, width - 40, height - 222,
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                     translate("Startup", "Starting: loading the engine and the model…"))
    painter.end()
    splash = QSplashScreen(picture)
    splash.show()
    # Painted before anything heavy runs: under a window manager the splash is only drawn
    # once the system has mapped it, a few event-loop turns later (at most half a second).
    deadline = time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        app.processEvents()
        handle = splash.windowHandle()
        if handle is not None and handle.isExposed():
            splash.repaint()
            app.processEvents()
            break
        time.sleep(0.005)
    return splash


def preload_engine() -> float:
    """Import the engine (and torch) on this thread, before the window is up; seconds taken.

    The worker's results are instances of the engine's classes: with their modules loaded
    here, unpickling them on the reader thread is a lookup, not an import."""
    start = time.perf_counter()
    import engine.session.core  # noqa: F401 - the whole session stack, and torch
    from gui.bridge.embedding_history import blas_control

    blas_control()  # looked up once, now: the first word map no longer waits for it
    return time.perf_counter() - start


def freeze_startup_heap() -> int:
    """Put everything made so far out of the garbage collector's sight; returns how many.

    torch, the Qt bindings, pyqtgraph and the panels leave about 230,000 objects that
    live as long as the app. Each full collection walked them all: 100-140 ms holding the
    GIL, on whichever thread's allocation set it off (often the engine's reader thread),
    so the window stopped with none of its own code running (found with perf; the bench's
    Python sampler could only see the event loop). Frozen, they are never walked again;
    objects made later are collected as before. Called once, just before the window shows.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


__all__ = ["SPLASH_SIZE", "freeze_startup_heap", "preload_engine", "show_splash"]
