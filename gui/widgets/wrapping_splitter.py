"""A side-by-side splitter that says how tall its wrapped text makes it at a given width.

QSplitter does not answer heightForWidth, so a scroll area around it (gui/widgets/
page_stack.py `scrolling`) gave it only its minimum height: at a large text size in a
small window the wrapped notes of the Look inside window then took their lines from the
charts beside them, which shrank to slivers. This one answers for each side at its
current share of the width, so the scroll area scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


class WrappingSplitter(QSplitter):
    """A horizontal QSplitter with height-for-width: the least height its tallest side
    needs at its share of the width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)  # so the layout around it asks heightForWidth
        self.setSizePolicy(policy)

    def _shares(self, width: int) -> list[int]:
        """Each side's width when the splitter is `width` wide, in its present proportions."""
        sides = [self.widget(i) for i in range(self.count())]
        sizes = self.sizes()
        if sum(sizes) <= 0:  # not laid out yet: as wide as each asks
            sizes = [max(1, w.sizeHint().width()) for w in sides]
        room = max(0, width - self.handleWidth() * max(0, len(sides) - 1))
        total = sum(sizes)
        return [max(w.minimumSizeHint().width(), round(room * s / total))
                for w, s in zip(sides, sizes, strict=True)]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        heights = [self.minimumSizeHint().height()]
        for i, share in enumerate(self._shares(width)):
            side = self.widget(i)
            if side.isHidden():
                continue
            layout = side.layout()
            if layout is not None and layout.hasHeightForWidth():
                # subtle: the least it needs at that width, not heightForWidth's preferred
                # height (which takes every chart at its size hint: 1,100 pixels at 1x).
                heights.append(layout.totalMinimumHeightForWidth(share))
            else:
                heights.append(side.minimumSizeHint().height())
        return max(heights)


__all__ = ["WrappingSplitter"]
