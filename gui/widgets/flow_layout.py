"""A layout that places widgets left to right and wraps to a new row when out of room."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Like words in a paragraph: as many per row as fit (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, one_row_hint: bool = False):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # one_row_hint: ask for the width of one row (a row of buttons beside a text keeps
        # them in one row while there is room, and wraps them only when there is not).
        self._one_row_hint = one_row_hint
        # Height for each width asked since the last change: Qt asks the same widths many
        # times per layout pass (the page stack's height for width reaches down here).
        self._heights: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)
        self.invalidate()

    def invalidate(self) -> None:
        """A child's size or text changed (Qt calls this): forget the heights worked out."""
        self._heights.clear()
        super().invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        self._heights.clear()
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._do_layout(QRect(0, 0, width, 0), test_only=True)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        if not self._one_row_hint:
            return self.minimumSize()
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        m = self.contentsMargins()
        width = sum(h.width() for h in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((h.height() for h in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, int, QSize]] = []  # the row being filled: (item, x, size)

        def place_line() -> None:
            # Each item in the middle of its row's height, as a row of a box layout is.
            for item, left, size in line if not test_only else ():
                item.setGeometry(QRect(QPoint(left, y + (line_height - size.height()) // 2), size))
            line.clear()

        for item in self._items:
            if item.isEmpty():
                continue  # hidden: takes no room
            hint = item.sizeHint()
            if hint.width() > area.width():
                # Wider than the row (a label and its field that wrap themselves): as wide
                # as the row, as tall as that width makes it.
                width = max(area.width(), item.minimumSize().width())
                height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
                hint = QSize(width, max(height, item.minimumSize().height()))
            if x + hint.width() > area.right() + 1 and line_height > 0:
                place_line()
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            line.append((item, x, hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        place_line()
        return y + line_height - rect.y() + m.bottom()
