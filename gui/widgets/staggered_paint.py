"""A step's charts painted on the turns after it opens, not all in the same one.

A chart's paint is the dearest part of showing a step (the first one lays out and draws
every axis, title and curve; a later one redraws what changed while the step was away):
the Chat step's eight charts, the word map or the loss curves painted in the same
event-loop turn as the rest of the step kept the window from answering for 40-110 ms
(bench/stall_latency.py; the budget is 50). So the charts' contents are made fully
transparent for that turn (Qt skips painting a transparent item and everything in it)
and come back a few plots per turn after it, a frame or two later. Nothing is hidden or
resized: layouts, sizes and what a test or a screen reader sees of the widgets stay as
they are.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

PLOTS_PER_TURN = 2  # the Chat step's eight charts come in four turns of ~10 ms
# Each batch comes on the turn after the views painted, or after this long without a paint:
FIRST_PAINT_MS = 300  # the step's own first paint (whatever comes before it in the loop)
NO_PAINT_MS = 60  # the last batch's paint


def _parts(view: QGraphicsView) -> list[QGraphicsItem]:
    """The plots of a pyqtgraph view, in reading order (or its one central item)."""
    central = getattr(view, "centralWidget", None)  # pyqtgraph's GraphicsView
    if central is None:
        return []
    cells = getattr(central, "items", None)  # a GraphicsLayout: {item: [(row, col)]}
    if isinstance(cells, dict) and cells:
        return sorted(cells, key=lambda item: min(cells[item]))
    return [central]


class _ChartsBack(QObject):
    """Brings a page's transparent plots back a few at a time, each batch on the turn
    after its views last painted.

    subtle: not on a zero-delay timer. Whether such a timer fires before or after the
    step's own first paint depends on where the opening came from (Qt 6 posts a
    zero-delay single shot as an event, the paint request is posted at low priority, and
    events posted while posted events are being sent wait for the next pass): from the
    event loop's timers the first charts came back before that paint and were painted
    in the opening turn (the Chat step's: 45-75 ms). Waiting for a paint orders it."""

    def __init__(self, page: QWidget, parts: list[QGraphicsItem], views: list[QGraphicsView]):
        super().__init__(page)
        self.parts = parts
        self.viewports = [view.viewport() for view in views]
        for viewport in self.viewports:
            viewport.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._next)
        # A view that does not paint (scrolled out of sight) waits no longer than this.
        self.timer.start(FIRST_PAINT_MS)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.timer.start(0)  # fires after this paint, never inside it
        return False

    def _next(self) -> None:
        for part in self.parts[:PLOTS_PER_TURN]:
            if shiboken6.isValid(part):  # a chart rebuilt meanwhile (a reset, a language)
                part.setOpacity(1.0)
        del self.parts[:PLOTS_PER_TURN]
        if self.parts:
            self.timer.start(NO_PAINT_MS)
            return
        for viewport in self.viewports:
            if shiboken6.isValid(viewport):
                viewport.removeEventFilter(self)
        self.deleteLater()


def paint_charts_after(page: QWidget) -> None:
    """Make `page`'s charts transparent now and bring them back over the next turns."""
    views = [view for view in page.findChildren(QGraphicsView) if view.isVisibleTo(page)]
    parts = [part for view in views for part in _parts(view) if part.opacity() > 0]
    if not parts:
        return
    for part in parts:
        part.setOpacity(0.0)
    _ChartsBack(page, parts, views)


def paint_charts_now(widget: QWidget) -> None:
    """Bring back at once any of `widget`'s plots still waiting for their turn (a picture
    taken the moment a step opens must show its charts)."""
    for view in widget.findChildren(QGraphicsView):
        for part in _parts(view):
            if part.opacity() == 0:
                part.setOpacity(1.0)


__all__ = ["PLOTS_PER_TURN", "paint_charts_after", "paint_charts_now"]
