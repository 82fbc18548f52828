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
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

PLOTS_PER_TURN = 2  # the Chat step's eight charts come in four turns of ~10 ms


def _parts(view: QGraphicsView) -> list[QGraphicsItem]:
    """The plots of a pyqtgraph view, in reading order (or its one central item)."""
    central = getattr(view, "centralWidget", None)  # pyqtgraph's GraphicsView
    if central is None:
        return []
    cells = getattr(central, "items", None)  # a GraphicsLayout: {item: [(row, col)]}
    if isinstance(cells, dict) and cells:
        return sorted(cells, key=lambda item: min(cells[item]))
    return [central]


def paint_charts_after(page: QWidget) -> None:
    """Make `page`'s charts transparent now and bring them back over the next turns."""
    parts = [part for view in page.findChildren(QGraphicsView) if view.isVisibleTo(page)
             for part in _parts(view) if part.opacity() > 0]
    if not parts:
        return
    for part in parts:
        part.setOpacity(0.0)

    def show_next() -> None:
        for part in parts[:PLOTS_PER_TURN]:
            if shiboken6.isValid(part):  # a chart rebuilt meanwhile (a reset, a language)
                part.setOpacity(1.0)
        del parts[:PLOTS_PER_TURN]
        if parts:
            QTimer.singleShot(0, show_next)

    QTimer.singleShot(0, show_next)


def paint_charts_now(widget: QWidget) -> None:
    """Bring back at once any of `widget`'s plots still waiting for their turn (a picture
    taken the moment a step opens must show its charts)."""
    for view in widget.findChildren(QGraphicsView):
        for part in _parts(view):
            if part.opacity() == 0:
                part.setOpacity(1.0)


__all__ = ["PLOTS_PER_TURN", "paint_charts_after", "paint_charts_now"]
