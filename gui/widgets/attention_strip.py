"""The window's tokens in a row, shaded by how much one head attends to each from one position.

The looking token is outlined; the tokens it looks at are shaded blue by their
attention weight, with the percentage beneath; later tokens (which it cannot see)
are greyed out. Hovering a token makes it the looking one.

Signals:
    sigQueryHovered(int): the mouse is over token `int`.
    sigHoverEnded(): the mouse left the strip.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import theme
from gui.widgets.chart_summary import describe_chart, percent, quoted
from gui.widgets.token_strip import display_token


class AttentionStrip(QWidget):
    """One chip per token, shaded by attention weight; see the module docstring."""

    sigQueryHovered = Signal(int)
    sigHoverEnded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.tokens: list[str] = []
        self.weights = np.zeros(0)  # (T,) attention from the query to each token
        self.query = 0
        self._rects: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        fm = QFontMetrics(theme.font(theme.BASE_PT))
        self.setMinimumHeight(fm.height() * 2 + 16)

    def set_row(self, tokens: list[str], weights: np.ndarray, query: int) -> None:
        self.tokens = [display_token(t)[0] for t in tokens]
        self.weights = np.asarray(weights, dtype=float)
        self.query = int(query)
        self.describe()
        self.update()

    def describe(self) -> None:
        """Say in words where the chosen head looks from the query token (screen readers)."""
        if not self.tokens or self.weights.size == 0:
            summary = self.tr("no attention measured yet")
        else:
            top = np.argsort(-self.weights)[:3]
            where = ", ".join(f"{quoted(self.tokens[i])} {percent(self.weights[i])}"
                              for i in top if i < len(self.tokens))
            summary = self.tr("{token} looks most at {where}").format(
                token=quoted(self.tokens[min(self.query, len(self.tokens) - 1)]), where=where)
        describe_chart(self, self.tr("Attention of the chosen head, token by token"), summary)

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

    def _layout(self, font) -> tuple[list[QRectF], float]:
        fm = QFontMetrics(font)
        widths = [max(fm.horizontalAdvance(t), fm.horizontalAdvance("100%")) + 12 for t in self.tokens]
        total = sum(widths) + 4 * max(0, len(widths) - 1)
        squeeze = min(1.0, (self.width() - 4) / total) if total else 1.0
        x, rects = 2.0, []
        for w in widths:
            rects.append(QRectF(x, 2, w * squeeze, self.height() - 4))
            x += (w + 4) * squeeze
        return rects, squeeze

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        small = theme.font(theme.SMALL_PT)
        # The largest type at which every token fits; the smallest one elides.
        for font in (theme.font(theme.BASE_PT), small, theme.font(theme.SMALL_PT - 2)):
            self._rects, squeeze = self._layout(font)
            if squeeze >= 1.0:
                break
        fm = QFontMetrics(font)
        for i, (token, rect) in enumerate(zip(self.tokens, self._rects, strict=True)):
            seen = i <= self.query
            weight = float(self.weights[i]) if seen and i < len(self.weights) else 0.0
            painter.setBrush(theme.qcolor(theme.BLUE, int(20 + 215 * weight)) if seen
                             else theme.qcolor(theme.CHIP_BACKGROUND))
            outline = QPen(theme.qcolor(theme.VERMILLION), 3) if i == self.query else Qt.PenStyle.NoPen
            painter.setPen(outline)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            dark = weight > 0.45
            painter.setPen(theme.qcolor("#FFFFFF" if dark else (theme.TEXT if seen else theme.MUTED_TEXT)))
            painter.setFont(font)
            top = QRectF(rect.left(), rect.top(), rect.width(), rect.height() / 2)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter,
                             fm.elidedText(token, Qt.TextElideMode.ElideRight, int(rect.width()) - 4))
            if seen:
                painter.setFont(small)
                bottom = QRectF(rect.left(), rect.center().y(), rect.width(), rect.height() / 2)
                painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, f"{100 * weight:.0f}%")
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        for i, rect in enumerate(self._rects):
            if rect.contains(event.position()):
                if i != self.query:
                    self.sigQueryHovered.emit(i)
                return

    def leaveEvent(self, _event) -> None:
        self.sigHoverEnded.emit()
