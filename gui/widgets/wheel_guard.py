"""The mouse wheel scrolls the page; it changes a choice only where the person clicked.

Qt gives a wheel turn to whatever control is under the pointer, so scrolling a panel
past a "Ready-made mixes…" box or a slider silently changed it. `WheelGuard`, installed
once on the application, hands such a wheel turn to the control's parent (the page
scrolls) unless the control has the keyboard focus, which a click gives it. A control
in no scroll area lets the turn go by.

A chart that does nothing with the wheel (its plots ignore the mouse) still took every
turn over it (pyqtgraph's plots accept the event whether or not they zoom), so a page
that is mostly charts, like the Chat step's, could not be scrolled with the pointer on
them. The guard hands on the turns over a chart none of whose plots takes the mouse
(what the plots themselves say, so a chart made later needs nothing more); a chart that
zooms, like the word map, keeps them.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def chart_ignoring_mouse(obj: QObject) -> QWidget | None:
    """The pyqtgraph view `obj` is (or whose viewport it is) if none of its plots takes the
    mouse, else None."""
    pg = sys.modules.get("pyqtgraph")  # not loaded: no chart exists yet
    if pg is None or not isinstance(obj, QWidget):
        return None
    view = obj if isinstance(obj, pg.GraphicsView) else obj.parentWidget()
    if not isinstance(view, pg.GraphicsView) or view.scene() is None:
        return None
    plots = 0
    for item in view.scene().items():
        if isinstance(item, pg.ViewBox):
            if any(item.state["mouseEnabled"]):
                return None
            plots += 1
    return view if plots else None


def _guarded_control(obj: QObject) -> QWidget | None:
    """The combo box, spin box or slider `obj` is (or is part of, like a spin box's line edit)."""
    widget = obj if isinstance(obj, QWidget) else None
    for _ in range(2):  # the control itself, or its inner editor
        if widget is None:
            return None
        if isinstance(widget, QScrollBar):
            return None  # a scroll bar is what the wheel is for (scroll areas send it there)
        if isinstance(widget, GUARDED):
            return widget
        widget = widget.parentWidget()
    return None


class WheelGuard(QObject):
    """An application-wide event filter; see the module docstring."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._handing_on = False  # a turn handed to a scroll area is not guarded again

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or self._handing_on:
            return False
        control = _guarded_control(obj)
        if control is None:
            chart = chart_ignoring_mouse(obj)
            if chart is None:
                return False
            return self._hand_on(chart, event)
        if control.hasFocus():
            return False
        if control.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # Otherwise the turn itself would give it the focus (Qt's default for sliders).
            control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return self._hand_on(control, event)

    def _hand_on(self, widget: QWidget, event: QWheelEvent) -> bool:
        """Give the turn to the scroll area holding `widget` (the page scrolls); True: the
        turn is taken from `widget` (also when no scroll area holds it)."""
        area = _scroll_area_above(widget)
        if area is not None:  # the page scrolls instead
            viewport = area.viewport()
            at = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
            self._handing_on = True
            try:
                QApplication.sendEvent(viewport, QWheelEvent(
                    at, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                    event.buttons(), event.modifiers(), event.phase(), event.inverted()))
            finally:
                self._handing_on = False
        return True


def _scroll_area_above(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area holding `widget`.

    subtle: Qt passes a wheel turn up to the parents only when the system sent it, not
    when code does, so the guard hands it to the scroll area's viewport itself.
    """
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on `app` once (it is kept as the application's child)."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard


__all__ = ["WheelGuard", "chart_ignoring_mouse", "install_wheel_guard"]
