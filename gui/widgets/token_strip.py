"""A strip of token chips that wraps like text, with a window and its target highlighted."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import theme
from gui.widgets.chart_summary import describe_chart


def display_token(s: str) -> tuple[str, bool]:
    """(text shown on the chip, whether the token starts a new word).

    BPE tokens carry their leading space (" cat"); the chip shows "cat" and the strip
    leaves a word-sized gap before it, while a piece that continues a word ("ache" in
    "headache") sits close to the piece before it.
    """
    starts_word = s[:1].isspace()
    text = s.strip(" ")
    if not text:
        text = "␣" if s else "∅"
    text = text.replace("\n", "↵").replace("\t", "⇥")
    return text, starts_word


class TokenStrip(QWidget):
    """Token chips laid out in lines; `set_window(start, k)` highlights window and target."""

    CHIP_PAD_X = 8
    CHIP_PAD_Y = 5
    WORD_GAP = 14
    PIECE_GAP = 3
    LINE_GAP = 10

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("i18nData", True)  # shows the model's own words: they stay English
        self._font = theme.font(theme.TOKEN_PT)
        self._tokens: list[tuple[str, bool]] = []
        self._start = 0
        self._k = 0
        self._rects: list[QRectF] = []
        self._laid_out_width = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._line_height() + 8)

    # -- data -------------------------------------------------------------------------
    def set_tokens(self, token_strings: list[str]) -> None:
        self._tokens = [display_token(s) for s in token_strings]
        self._laid_out_width = -1
        self._relayout()
        self.describe()
        self.update()

    def set_window(self, start: int, k: int) -> None:
        self._start, self._k = start, k
        self.describe()
        self.update()

    def describe(self) -> None:
        """Say in words what the window holds and which token it must guess (screen readers)."""
        seen = " ".join(text for text, _ in self._tokens[self._start:self._start + self._k])
        target = self.target_index()
        if not self._k:
            summary = self.tr("no window yet")
        elif target is None:
            summary = self.tr("window: {tokens}; nothing after it to guess").format(tokens=seen)
        else:
            summary = self.tr("window: {tokens}; the token to guess: {target}").format(
                tokens=seen, target=self._tokens[target][0])
        describe_chart(self, self.tr("The text, with the window the model reads"), summary)

    def window(self) -> tuple[int, int]:
        return self._start, self._k

    def target_index(self) -> int | None:
        t = self._start + self._k
        return t if self._k and t < len(self._tokens) else None

    def chip_rect(self, index: int) -> QRectF:
        return self._rects[index]

    # -- layout -----------------------------------------------------------------------
    def _line_height(self) -> int:
        return QFontMetrics(self._font).height() + 2 * self.CHIP_PAD_Y

    def _relayout(self) -> None:
        width = max(200, self.width())
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        fm = QFontMetrics(self._font)
        lh = self._line_height()
        x, y = 4.0, 4.0
        self._rects = []
        for i, (text, starts_word) in enumerate(self._tokens):
            w = fm.horizontalAdvance(text) + 2 * self.CHIP_PAD_X
            gap = (self.WORD_GAP if starts_word else self.PIECE_GAP) if i else 0
            if x + gap + w > width - 4 and i:
                x, y = 4.0, y + lh + self.LINE_GAP
                gap = 0
            x += gap
            self._rects.append(QRectF(x, y, w, lh))
            x += w
        height = int(y + lh + 8)
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)

    def apply_theme(self) -> None:
        """The text scale changed (gui/appearance.py scaled self._font): lay out again."""
        self._laid_out_width = -1
        self._relayout()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

    # -- drawing ----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        self._relayout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        target = self.target_index()
        in_window = range(self._start, self._start + self._k)
        for i, ((text, _), rect) in enumerate(zip(self._tokens, self._rects, strict=True)):
            if i == target:
                fill, border, ink = theme.qcolor(theme.TARGET), theme.qcolor(theme.VERMILLION), theme.ink_on(theme.TARGET)
                width = 3
            elif i in in_window:
                fill, border, ink = theme.qcolor(theme.WINDOW), theme.qcolor(theme.BLUE), theme.ink_on(theme.WINDOW)
                width = 3
            else:
                fill, border, ink = theme.qcolor(theme.CHIP_BACKGROUND), theme.qcolor(theme.BORDER), theme.MUTED_TEXT
                width = 1
            painter.setPen(QPen(border, width))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
            painter.setPen(theme.qcolor(ink))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
