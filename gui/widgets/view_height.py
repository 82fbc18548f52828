"""Charts and tables never taller than the page's visible height.

A chart taller than the scroll area it sits in can never be seen whole: at 1.3x text on a
768-pixel screen, with the tour's caption across the bottom, the page shows about 350
pixels, and the loss curve's x axis and newest points, the fine-tune curve's, and the
nearest-words list's last rows stayed below the fold however the page was scrolled.

Each panel names its parts that stretch (`view_sized()`): a widget, and the widgets that
must be seen with it (a caption over a table; the box around a chart, which counts for its
title and status line). The widget
is capped at the view's height less theirs, never below its own minimum size, and grows
back when the view does (a larger window, the tour ended, a smaller text scale).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QScrollArea, QWidget

UNCAPPED = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX (not exported by PySide6)
MARGIN = 16  # px: the room bring_into_view keeps above and below a part (8 each side)


def _needs(other: QWidget, widget: QWidget) -> int:
    """The height `other` takes beside the capped `widget`: its own (a wrapped caption's at
    its width now), or, for an ancestor (the box around a chart), what it holds besides
    the widget (its title, the line under it). From size hints, not from the heights the
    layout gave: those include any room left over, which would shrink the cap each pass."""
    if other.isAncestorOf(widget):
        # (The ancestor's hint counts the widget's hint within its cap.)
        inner = min(widget.sizeHint().height(), widget.maximumHeight())
        return max(0, other.sizeHint().height() - inner)
    if other.hasHeightForWidth() and other.width() > 0:
        height = max(other.minimumHeight(), other.heightForWidth(other.width()))
    else:
        height = max(other.minimumHeight(), other.sizeHint().height())
    # and the gap its layout keeps between it and the next
    layout = other.parentWidget().layout() if other.parentWidget() is not None else None
    return height + max(0, layout.spacing() if layout is not None else 0)


class ViewHeightCap(QObject):
    """Caps its widgets' maximum heights at the scroll area's visible height."""

    def __init__(self, area: QScrollArea):
        super().__init__(area)
        self.area = area
        self._parts: list[tuple[weakref.ref, tuple[weakref.ref, ...]]] = []
        area.viewport().installEventFilter(self)  # the view's height changes
        if area.widget() is not None:  # a step opened, a part's text grew or shrank
            area.widget().installEventFilter(self)

    def add(self, widget: QWidget, seen_with: Iterable[QWidget] = ()) -> None:
        """Keep `widget` (with the widgets `seen_with`, above or below it) within the view."""
        self.add_all([(widget, seen_with)])

    def add_all(self, parts: Iterable[tuple[QWidget, Iterable[QWidget]]]) -> None:
        for widget, seen_with in parts:
            self._parts.append((weakref.ref(widget), tuple(weakref.ref(w) for w in seen_with)))
        self.apply()

    def cap_for(self, widget: QWidget, seen_with: Sequence[QWidget]) -> int:
        """The largest height `widget` may have now (its minimum if the view is smaller)."""
        view = self.area.viewport().height()
        others = sum(_needs(w, widget) for w in seen_with if not w.isHidden())
        floor = max(widget.minimumHeight(), widget.minimumSizeHint().height())
        return max(floor, view - MARGIN - others)

    def apply(self) -> None:
        """Set every widget's cap for the view's height now."""
        live = []
        for ref, seen_refs in self._parts:
            widget = ref()
            if widget is None:
                continue
            live.append((ref, seen_refs))
            seen_with = [w for w in (r() for r in seen_refs) if w is not None]
            cap = self.cap_for(widget, seen_with)
            if widget.maximumHeight() != cap:
                widget.setMaximumHeight(cap)
        self._parts = live

    def release(self) -> None:
        """No caps (the widgets as their layouts make them); used by tests."""
        for ref, _ in self._parts:
            widget = ref()
            if widget is not None:
                widget.setMaximumHeight(UNCAPPED)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.apply()
        return False


__all__ = ["MARGIN", "ViewHeightCap"]
