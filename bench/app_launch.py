"""A fresh app in this process, started in the order gui.app.run starts it.

The benches that measure the app's event loop must measure the app a person starts, not
an older start: the lateness of an app whose panels are made on their first opening, or
whose start-up heap the garbage collector still walks (100-140 ms a full collection), is
not the lateness a room sees. Every bench that makes a window makes it here.

    launched = launch(start_key="data")   # window shown; the engine worker loading
    launched.controller, launched.window, launched.history (after the loop's first turn)
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

# The app's process settings, before numpy is loaded: main.py gives BLAS one thread (two
# would spin on the engine's core); without it the benches measured another app.
import main  # noqa: F401 - imported for its os.environ settings


@dataclass
class LaunchedApp:
    app: Any  # QApplication
    controller: Any  # gui.bridge.controller.Controller
    window: Any  # gui.main_window.MainWindow
    shown_after_s: float  # from the call to the window on screen

    @property
    def history(self):
        """The word maps' history (and its UMAP worker): None until the loop's first turn."""
        from gui.bridge.embedding_history import EmbeddingHistory

        return self.controller.findChild(EmbeddingHistory)


def launch(start_key: str = "data", size: tuple[int, int] = (1280, 720), *,
           backend: Any = None, as_the_app: bool = True,
           embedding_history: bool = True) -> LaunchedApp:
    """The app as gui.app.run makes it, with the house theme and no remembered settings.

    as_the_app=False is the first version's start, kept for comparison: the window first,
    the engine after it, each panel made when it first opens, nothing frozen.
    embedding_history: start the UMAP worker with the window, as the app does (it is
    started on the loop's first turn, like the app's)."""
    t0 = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from gui.app import _start_embedding_history, create_application
    from gui.bridge.controller import Controller, ProcessBackend
    from gui.main_window import MainWindow
    from gui.startup import freeze_startup_heap, preload_engine

    app = create_application()
    controller = Controller(backend if backend is not None else ProcessBackend())
    controller.shipped_build.read()  # as gui.app.run: on a thread, while the window is made
    window = MainWindow(controller, start_key=start_key)
    window.resize(*size)
    if as_the_app:
        controller.start()  # the worker loads the model while this thread works on
        preload_engine()
        window.prepare_panels()
        freeze_startup_heap()
    window.show()
    if not as_the_app:
        QTimer.singleShot(0, controller.start)
    if embedding_history:
        QTimer.singleShot(0, lambda: _start_embedding_history(controller))
    return LaunchedApp(app, controller, window, time.perf_counter() - t0)
