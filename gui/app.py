"""Application start-up: the window first, then (after the first paint) the engine."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

log = logging.getLogger("three_pillars")

PANEL_KEYS = ("data", "tokens", "windows", "embeddings", "finetune", "chat")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="three-pillars",
        description="Watch a tiny language model being made: pre-training, fine-tuning, RLHF.",
    )
    parser.add_argument("--panel", choices=PANEL_KEYS, default=None,
                        help="the step to open first (default: data)")
    parser.add_argument("--size", default=None, metavar="WxH",
                        help="window size in pixels, e.g. 1280x720")
    parser.add_argument("--screenshot", metavar="PATH", default=None,
                        help="render the panel with real data, save a PNG to PATH and exit")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="with --screenshot or --self-check: give up after this many seconds")
    parser.add_argument("--in-process", action="store_true",
                        help="run the model inside the GUI process (debugging only)")
    # -- lecture and desktop (gui/presenter.py, gui/tour.py, gui/shots.py) --
    parser.add_argument("--screenshot-all", metavar="DIR", default=None,
                        help="show every panel in turn, save DIR/01-data.png ... and exit "
                             "(--timeout is then per panel)")
    parser.add_argument("--self-check", action="store_true",
                        help="train, fine-tune, answer and learn from one judgement for real, "
                             "then exit 0 if all of it worked (for testing a build)")
    parser.add_argument("--scale", type=float, default=None,
                        help="text and plot size, 1.0 = normal (Ctrl+= / Ctrl+- in the app)")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                        help="colours (default: as last time, else follow the system)")
    parser.add_argument("--contrast", choices=("system", "high", "normal"), default=None,
                        help="high contrast (default: as last time, else follow the system)")
    parser.add_argument("--full-screen", action="store_true", help="start in full screen (F11)")
    parser.add_argument("--tour-step", type=int, default=None, metavar="N",
                        help="start the guided tour at step N (1 = the beginning)")
    parser.add_argument("--language", default=None, metavar="CODE",
                        help="the interface's language, e.g. de or en, or 'system' "
                             "(default: as chosen in the Language menu, else the system's)")
    parser.add_argument("--forget-settings", action="store_true",
                        help="ignore what was remembered from last time (and keep nothing)")
    args = parser.parse_args(argv)
    if args.size is not None:
        try:
            w, h = (int(v) for v in args.size.lower().split("x"))
        except ValueError:
            parser.error(f"--size must look like 1280x720, got {args.size!r}")
        args.size = (w, h)
    if args.language is not None:
        from gui.i18n import SYSTEM, available_languages

        codes = available_languages()
        args.language = args.language.strip().lower()
        if args.language != SYSTEM and args.language not in codes:
            parser.error(f"--language must be one of {', '.join([SYSTEM, *codes])}, "
                         f"got {args.language!r}")
    return args


def create_application():
    """The QApplication with the house theme (one per process)."""
    from PySide6.QtWidgets import QApplication

    from gui import theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Three Pillars")
    # The name and icon the window and the taskbar show; the desktop file's name lets a
    # Linux desktop match the window to assets/three-pillars.desktop.
    app.setApplicationDisplayName("Three Pillars")
    app.setDesktopFileName("three-pillars")
    app.setWindowIcon(app_icon())
    theme.apply(app)
    from gui.widgets.wheel_guard import install_wheel_guard

    install_wheel_guard(app)  # the wheel scrolls the page, never an unfocused choice
    return app


def app_icon():
    """The three pillars (assets/three-pillars.svg, with its 256 px PNG for systems without SVG)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    assets = Path(__file__).resolve().parent.parent / "assets"
    for name in ("three-pillars.svg", "three-pillars.png"):
        if (assets / name).is_file():
            icon.addFile(str(assets / name))
    return icon


class _FirstPaintLogger:
    """Logs how long the window took to appear (the budget is 3 s)."""

    def __init__(self, window, start_time: float):
        from PySide6.QtCore import QEvent, QObject

        outer = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and outer.seconds is None:
                    outer.seconds = time.perf_counter() - start_time
                    log.info("first paint %.2f s after launch", outer.seconds)
                    window.removeEventFilter(self)
                return False

        self.seconds: float | None = None
        self._filter = Filter()
        window.installEventFilter(self._filter)


class Screenshotter:
    """Waits until the chosen panel shows real data, saves the window as a PNG, quits."""

    def __init__(self, app, window, controller, path: str, key: str, timeout: float):
        from PySide6.QtCore import QTimer

        self.app, self.window, self.controller = app, window, controller
        self.path, self.key, self.timeout = Path(path), key, timeout
        self.t0 = time.perf_counter()
        self._ready_since: float | None = None
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _panel_ready(self) -> bool:
        panel = self.window.panels.get(self.key)
        if panel is None or not self.controller.is_ready:
            return False
        is_ready = getattr(panel, "is_ready", None)
        return bool(is_ready()) if callable(is_ready) else True

    def _poll(self) -> None:
        now = time.perf_counter()
        if self.controller.load_error is not None:
            self._finish(2, f"the model could not be loaded: {self.controller.load_error}")
        elif self._panel_ready():
            if self._ready_since is None:
                self._ready_since = now
            elif now - self._ready_since > 0.5:  # a few redraw-timer ticks
                self._finish(0, "")
        elif now - self.t0 > self.timeout:
            self._finish(1, f"the {self.key} panel was not ready after {self.timeout:.0f} s")

    def _finish(self, code: int, problem: str) -> None:
        self.timer.stop()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        from gui.widgets.staggered_paint import paint_charts_now

        paint_charts_now(self.window)  # no plot still waiting for its turn
        self.window.grab().save(str(self.path))
        if problem:
            print(f"screenshot saved to {self.path}, but {problem}", file=sys.stderr)
        else:
            print(f"screenshot saved to {self.path}")
        self.app.exit(code)


def _start_embedding_history(controller) -> None:
    from gui.bridge.embedding_history import EmbeddingHistory

    EmbeddingHistory.for_controller(controller).start()


def run(argv: list[str], start_time: float | None = None) -> int:
    start_time = time.perf_counter() if start_time is None else start_time
    args = parse_args(argv)
    if (args.screenshot or args.screenshot_all or args.self_check) and not (os.environ.get("DISPLAY")
                                                         or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    from PySide6.QtCore import QTimer

    app = create_application()
    shooting = bool(args.screenshot or args.screenshot_all or args.self_check)
    # Remembered settings (text scale, colours, language...). Pictures made with
    # --screenshot* neither read nor change what a person set.
    from gui.settings import AppSettings

    settings = None if (shooting or args.forget_settings) else AppSettings()
    # The language before any window is built: widgets translate their texts as they are made.
    from gui import i18n

    language_choice = args.language or (settings.language_choice() if settings is not None
                                        else i18n.SYSTEM)
    language = i18n.install(app, i18n.resolve_language(language_choice))
    from gui.startup import freeze_startup_heap, preload_engine, show_splash

    # A picture at once, before the heavy imports; they and every panel are made behind it
    # (gui/startup.py).
    splash = None if shooting else show_splash(app, app_icon())
    if splash is not None:
        log.info("splash shown %.2f s after launch", time.perf_counter() - start_time)

    from gui.bridge.backends import InProcessBackend, ProcessBackend
    from gui.bridge.controller import Controller
    from gui.lecture.presenter import Presenter, apply_remembered_appearance
    from gui.main_window import MainWindow

    backend = InProcessBackend() if args.in_process else ProcessBackend()
    controller = Controller(backend)
    # The shipped model's build history (10 MB) is read on a thread from now on, while the
    # window is made: started at the model's arrival instead, the thread's start held the
    # event loop for up to 140 ms.
    controller.shipped_build.read()
    appearance = apply_remembered_appearance(app, settings, scale=args.scale, theme=args.theme,
                                             contrast=args.contrast)
    remembered = settings.last_panel() if settings is not None else None
    start_key = args.panel or (remembered if remembered in PANEL_KEYS else "data")
    window = MainWindow(controller, start_key=start_key)
    # The worker starts loading the model now, on the other core, while this thread
    # imports the engine and makes the panels.
    controller.start()
    log.info("engine imported in the GUI process in %.2f s", preload_engine())
    presenter = Presenter(window, controller, settings, appearance)
    from gui.language_menu import install_language_menu

    install_language_menu(window, settings, language_choice, language, argv)
    if args.screenshot is None and args.screenshot_all is None:
        presenter.restore_geometry()
    # else a picture of the size asked for (--size), whatever the screen: not fitted into
    # the screen (the offscreen platform's is 800x600), nor placed where it was last time.
    if args.size is not None:
        window.resize(*args.size)
    # Every panel made now, before the window appears: made on its first opening instead,
    # a panel (and pyqtgraph's import) froze the window for 60-400 ms in front of the room.
    window.prepare_panels()
    log.info("%d objects made at start-up frozen out of the garbage collector's walks",
             freeze_startup_heap())
    _paint_logger = _FirstPaintLogger(window, start_time)  # noqa: F841 - kept alive
    controller.modelReady.connect(lambda: log.info(
        "model ready %.2f s after launch", time.perf_counter() - start_time))
    window.show()
    if splash is not None:
        splash.finish(window)
    if args.full_screen:
        presenter.toggle_full_screen(True)
    if args.tour_step is not None:
        QTimer.singleShot(0, lambda: presenter.tour.start(args.tour_step - 1))
    app.aboutToQuit.connect(controller.shutdown)
    # A polite kill or Ctrl+C in the terminal closes the app as its × button does.
    from gui.quit_on_signal import close_on_signals

    _closer = close_on_signals(lambda: (window.close(), app.quit()), app)  # noqa: F841 - kept alive
    # Embeddings: the UMAP worker warms up from launch, so the detailed map is ready when
    # that step opens (added by the embeddings work).
    QTimer.singleShot(0, lambda: _start_embedding_history(controller))
    shooter = None
    if args.screenshot:
        shooter = Screenshotter(app, window, controller, args.screenshot, args.panel or "data",
                                args.timeout)
    elif args.self_check:
        from gui.self_check import SelfCheck

        shooter = SelfCheck(app, controller, args.timeout)
    elif args.screenshot_all:
        from gui.shots import AllPanelsShooter

        shooter = AllPanelsShooter(app, window, controller, args.screenshot_all, args.timeout)
    code = app.exec()
    del shooter
    controller.shutdown()
    return code
