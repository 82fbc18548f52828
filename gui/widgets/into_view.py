"""Scroll the page so that a part of it is in view.

For the guided tour: each step is about one part of its panel (the loss curve, the two
answers, the chart of the rewarded trait), and at a lecture's text size, with the tour's
caption across the bottom of the window, that part is often below the fold. A part is a
widget, or a rectangle inside one (one plot of a chart view), or several of these (two
answer cards side by side) taken together.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

Part = QWidget | tuple[QWidget, QRect]


def _rect_in(part: Part, inner: QWidget) -> QRect | None:
    """The part's rectangle in `inner`'s coordinates (None: not inside `inner`)."""
    widget, rect = part if isinstance(part, tuple) else (part, part.rect())
    if widget is not inner and not inner.isAncestorOf(widget):
        return None
    return QRect(widget.mapTo(inner, rect.topLeft()), rect.size())


def _scroll_areas(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas around `widget`, the innermost first."""
    areas, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


def bring_into_view(parts: Part | Iterable[Part], margin: int = 8) -> bool:
    """Scroll every scroll area around the parts (innermost first) the least that shows
    all of them; when together they are taller than the view, their top is shown.

    Returns False (and scrolls nothing) when there is no shown part."""
    parts = [parts] if isinstance(parts, (QWidget, tuple)) else list(parts)
    parts = [p for p in parts if (p[0] if isinstance(p, tuple) else p).isVisible()]
    if not parts:
        return False
    # Layouts asked for in this turn (a step just opened, an answer just arrived) first:
    # the parts' places are only known after them.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    first = parts[0][0] if isinstance(parts[0], tuple) else parts[0]
    for area in _scroll_areas(first):
        rects = [r for r in (_rect_in(p, area.widget()) for p in parts) if r is not None]
        if not rects:
            continue
        union = rects[0]
        for r in rects[1:]:
            union = union.united(r)
        bar, view = area.verticalScrollBar(), area.viewport().height()
        top, bottom = union.top() - margin, union.bottom() + margin
        if bottom - top >= view or top < bar.value():
            bar.setValue(top)
        elif bottom > bar.value() + view:
            bar.setValue(bottom - view)
    return True


__all__ = ["Part", "bring_into_view"]
