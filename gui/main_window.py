"""The main window: navigator on the left, the current step on the right, status below."""

from __future__ import annotations

import logging

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from gui.navigator import Navigator
from gui.panels import PANELS, PanelSpec
from gui.status_bar import ModelStatusBar
from gui.widgets.banner import MessageBanner
from gui.widgets.page_stack import PageStack, scrolling
from gui.widgets.staggered_paint import paint_charts_after
from gui.widgets.view_height import ViewHeightCap

log = logging.getLogger("three_pillars")


class MainWindow(QMainWindow):
    """Hosts the panels; creates each one the first time its step is opened.

    It owns no engine state: it is handed the controller and wires its signals to the
    status bar and the message banner.
    """

    def __init__(self, controller, panels: list[PanelSpec] | None = None, start_key: str = "data"):
        super().__init__()
        self.controller = controller
        self.specs = {spec.key: spec for spec in (panels if panels is not None else PANELS)}
        self.panels: dict[str, QWidget] = {}
        # Qt adds the application's display name, "Three Pillars", after it in the title
        # bar and the taskbar (gui/app.py sets it).
        self.setWindowTitle(self.tr("Watch a tiny language model being made"))
        self.resize(1280, 720)

        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.navigator = Navigator(list(self.specs.values()))
        self.status_bar = ModelStatusBar()
        left = QWidget()
        left.setObjectName("leftColumn")
        left.setFixedWidth(self.navigator.width())
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.navigator, 1)
        left_layout.addWidget(self.status_bar.busy_label)
        left_layout.addWidget(self.status_bar.notice_label)
        outer.addWidget(left)
        right = QVBoxLayout()
        right.setContentsMargins(8, 8, 8, 0)
        right.setSpacing(6)
        self.banner = MessageBanner()
        right.addWidget(self.banner)
        # The current panel only, in a scroll area: no panel can push the window off the
        # screen at a large text size (gui/widgets/page_stack.py).
        self.stack = PageStack()
        self.page_scroller = scrolling(self.stack)
        right.addWidget(self.page_scroller, 1)
        # A chart or list taller than the page's visible height could never be seen whole
        # (at a lecture's text size, under the tour's caption): each panel's `view_sized`
        # parts are capped at it (gui/widgets/view_height.py).
        self.view_cap = ViewHeightCap(self.page_scroller)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)

        self.setStatusBar(self.status_bar)
        # Session files: File > Save/Open session… and the job indicator (gui/session_actions.py).
        from gui.session_actions import install_session_actions

        self.session_actions = install_session_actions(self, controller)

        controller.statusChanged.connect(self.status_bar.set_status)
        controller.busyChanged.connect(self.status_bar.set_busy)
        # A paused run keeps the engine's busy flag up: the words follow the real state.
        controller.pretraining.trainingStateChanged.connect(
            lambda state: self.status_bar.set_busy("training", state == "running"))
        controller.jobFailed.connect(self.show_error)
        # What the model is called comes from facts (the job holding it, the runs it
        # finished); what a click stopped is said, and a click that would stop a running
        # job asks first (gui/bridge/job_gate.py, gui/widgets/job_question.py).
        controller.jobs.changed.connect(lambda: self.status_bar.set_stage(controller.jobs.stage()))
        controller.gate.notice.connect(self.status_bar.show_notice)
        from gui.widgets.job_question import JobQuestionBox

        self.job_question = JobQuestionBox(self)
        controller.gate.asker = self.job_question.ask
        controller.loadFailed.connect(self.status_bar.set_load_failed)
        # One reset path: every panel drops what it showed of the models that are gone.
        controller.resultsReset.connect(lambda _kind: self.forget_results())
        if controller.status is not None:
            self.status_bar.set_stage(controller.jobs.stage())
            self.status_bar.set_status(controller.status)

        self.navigator.stepSelected.connect(self.show_panel)
        for number, key in enumerate(self.navigator.keys(), start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda k=key: self.navigator.select(k))
        self._current: str | None = None
        if start_key in self.specs:
            self.navigator.select(start_key)

    def show_panel(self, key: str) -> QWidget:
        """Open the step `key` (creating its panel on first use) and return the panel."""
        if self.navigator.current_key() != key:
            self.navigator.select(key)  # re-enters here through stepSelected
            return self.panels[key]
        panel = self.panels.get(key)
        if panel is None:
            panel = self._create(key)
        previous = self.panels.get(self._current) if self._current else None
        if previous is not None and previous is not panel and hasattr(previous, "set_active"):
            previous.set_active(False)
        self.stack.setCurrentWidget(panel)
        self._current = key
        if hasattr(panel, "set_active"):
            panel.set_active(True)
        if panel is not previous:
            # Its charts are painted on the next turns, not in this one: a step's widgets
            # and its charts' paints in one turn kept the window from answering 40-110 ms.
            # (After set_active, so what the step draws as it opens waits with the rest.)
            paint_charts_after(panel)
        return panel

    def prepare_panels(self) -> None:
        """Make every step's panel now, hidden, so that opening one later only shows it.

        Called before the window first appears: building a panel (its charts, pyqtgraph's
        first import) blocks the event loop for 60-400 ms, a stall a room can see when it
        happens on a click; before the window is up it only delays the first paint."""
        for key in self.specs:
            if key not in self.panels:
                panel = self._create(key)
                if key != self._current and hasattr(panel, "set_active"):
                    panel.set_active(False)  # its redraw timers wait until it is shown

    def current_panel(self) -> QWidget | None:
        return self.panels.get(self._current) if self._current else None

    def current_key(self) -> str | None:
        return self._current

    def _create(self, key: str) -> QWidget:
        spec = self.specs[key]
        panel = spec.factory(self.controller)
        self.panels[key] = panel
        self.stack.addWidget(panel)
        view_sized = getattr(panel, "view_sized", None)
        if callable(view_sized):
            self.view_cap.add_all(view_sized())
        return panel

    def apply_theme(self) -> None:
        """The text scale changed (gui/lecture/appearance.py): the caps follow the new
        heights of the titles and captions seen with each capped part."""
        self.view_cap.apply()

    def forget_results(self) -> None:
        for panel in self.panels.values():
            forget = getattr(panel, "forget_results", None)
            if callable(forget):
                forget()

    def show_error(self, title: str, message: str) -> None:
        self.banner.show_message(title, message)

    def closeEvent(self, event) -> None:
        for panel in self.panels.values():
            if hasattr(panel, "shutdown"):
                panel.shutdown()
        self.controller.shutdown()
        super().closeEvent(event)
