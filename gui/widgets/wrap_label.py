"""A label that keeps its text on one line while there is room and wraps only when there
is not.

A word-wrapped QLabel asks its layout for a width of Qt's choosing, narrower than its text:
in a grid whose other column stretches (the Data step's sliders), "Sea and voyages" wrapped
at every text size. An unwrapped label asks for its whole text as its least width, and at
2x text on a laptop pushed the page sideways. `WrapLabel` asks for its text's width in one
line as its preferred size and for one word as its least.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget


class WrapLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._one_line: tuple[str, str, int] | None = None  # (text, font key, width)

    def _one_line_width(self) -> int:
        key = (self.text(), self.font().key())
        if self._one_line is None or self._one_line[:2] != key:
            doc = QTextDocument()
            doc.setDefaultFont(self.font())
            doc.setDocumentMargin(0)
            if self.textFormat() == Qt.TextFormat.PlainText:
                doc.setPlainText(self.text())
            else:
                doc.setHtml(self.text())
            self._one_line = (*key, int(doc.idealWidth()) + 1)
        return self._one_line[2]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        m = self.contentsMargins()
        extra = m.left() + m.right() + 2 * max(self.margin(), 0) + max(self.indent(), 0)
        width = self._one_line_width() + extra
        return QSize(width, self.heightForWidth(width))


__all__ = ["WrapLabel"]
