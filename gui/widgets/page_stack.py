"""The panels' stack, inside a scroll area, so no panel can make the window grow.

A QStackedWidget asks for room for the largest of all its pages, and a top-level window
grows (off the screen, out of full screen) to give a layout the minimum it asks for. At
2x text a panel may need more than a 1280x720 screen has: it scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """A stacked widget that asks only for the room its current page needs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # subtle: QStackedLayout asks for the largest of ALL pages (its minimum size and its
        # height for a width), so with every panel made at launch the Embeddings page was
        # stretched to the Chat page's height and its map drawn below the fold. Only the
        # page on screen counts here.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else -1

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
