"""The panels' stack, inside a scroll area, so no panel can make the window grow.

A QStackedWidget asks for room for the largest of all its pages, and a top-level window
grows (off the screen, out of full screen) to give a layout the minimum it asks for. At
2x text a panel may need more than a 1280x720 screen has: it scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """A stacked widget that asks only for the room its current page needs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` filling a frameless scroll area that shows bars only when it must."""
    area = QScrollArea()
    area.setObjectName("pageScroller")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(widget)
    return area


__all__ = ["PageStack", "scrolling"]
