"""A step's charts painted on the turns after it opens, not all in the same one.

A chart's paint is the dearest part of showing a step (the first one lays out and draws
every axis, title and curve; a later one redraws what changed while the step was away):
the Chat step's eight charts, the word map or the loss curves painted in the same
event-loop turn as the rest of the step kept the window from answering for 40-110 ms
(bench/stall_latency.py; the budget is 50). Hidden for that turn, with their room kept,
they come one per turn after it, a frame or two later.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGraphicsView, QWidget


def paint_charts_after(page: QWidget) -> None:
    """Hide `page`'s visible charts now and show them again one per event-loop turn."""
    charts = [view for view in page.findChildren(QGraphicsView) if view.isVisibleTo(page)]
    if not charts:
        return
    policies = []
    for view in charts:
        policy = view.sizePolicy()
        policies.append(policy)
        keep = view.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the layout keeps its place: nothing moves
        view.setSizePolicy(keep)
        view.hide()
    pending = list(zip(charts, policies, strict=True))

    def show_next() -> None:
        view, policy = pending.pop(0)
        if shiboken6.isValid(view):  # a chart rebuilt meanwhile (a reset, a new language)
            view.show()
            view.setSizePolicy(policy)
        if pending:
            QTimer.singleShot(0, show_next)

    QTimer.singleShot(0, show_next)


__all__ = ["paint_charts_after"]
