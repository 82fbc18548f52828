"""Horizontal bars of the model's next-token guesses, with the real next token marked."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import theme
from gui.widgets.chart_summary import describe_chart, guesses_summary
from gui.widgets.token_strip import display_token

MIN_ROWS = 3  # the height asked for before the first guesses arrive


class ProbabilityBars(QWidget):
    """One row per guess: the token, a bar on a fixed 0–100 % scale, and the percentage.

    The scale is fixed (not stretched to the largest guess) so that the bars visibly
    grow as the model becomes surer during training.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._font = theme.font(theme.BASE_PT)
        self._bold = theme.font(theme.BASE_PT, bold=True)
        self._tokens: tuple[str, ...] = ()
        self._probs: tuple[float, ...] = ()
        self._target_row: int | None = None
        self._note = self.tr("Waiting for the model…")
        self.drawn_pt = 0  # the size of the labels last drawn (tests read it)
        self.drawn_labels: list[str] = []  # the tokens' labels as last drawn (tests read it)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.describe()

    def describe(self) -> None:
        """Say in words what the bars show (screen readers; the tooltip). Call after a change."""
        describe_chart(self, self.tr("The model's guesses for the next token"),
                       guesses_summary(self.rows(), self._note), tooltip=True)

    def summary(self) -> str:
        return self.accessibleDescription()

    def set_guesses(self, tokens, probs, target_id: int | None = None, token_ids=()) -> None:
        """Show guesses; mark the row whose id is `target_id` (the real next token)."""
        self._tokens = tuple(tokens)
        self._probs = tuple(float(p) for p in probs)
        self._target_row = None
        if target_id is not None:
            for row, tid in enumerate(token_ids):
                if tid == target_id:
                    self._target_row = row
        if target_id is None:
            self._note = self.tr("This window is the last one: there is no next token to check against.")
        elif self._target_row is None:
            self._note = self.tr("The real next token is not among the model's top {k} "
                                 "guesses yet.").format(k=len(self._tokens))
        else:
            self._note = ""
        self.describe()
        self.update()

    def set_message(self, text: str) -> None:
        self._tokens, self._probs, self._target_row, self._note = (), (), None, text
        self.describe()
        self.update()

    def rows(self) -> list[tuple[str, float, bool]]:
        """What is drawn: (token, probability, is the real next token) per row."""
        return [(t, p, i == self._target_row)
                for i, (t, p) in enumerate(zip(self._tokens, self._probs, strict=True))]

    def sizeHint(self) -> QSize:
        return QSize(420, 320)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Room for every row (at least MIN_ROWS) in the small text size, and the note: the
        # labels never shrink below the app's small text (the page scrolls down instead).
        fm = QFontMetrics(theme.font(theme.SMALL_PT))
        rows = max(MIN_ROWS, len(self._tokens))
        return QSize(160, (fm.height() + 4) * rows + fm.height() * 2 + 12)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        n = max(1, len(self._tokens))
        # Shrink the type rather than cut rows off when the panel is short.
        font, bold = self._font, self._bold
        for pt in (theme.BASE_PT, theme.SMALL_PT):
            font, bold = theme.font(pt), theme.font(pt, bold=True)
            fm = QFontMetrics(font)
            note_h = fm.height() * 2 + 8 if self._note else 0
            if (fm.height() + 4) * n + note_h <= h:
                break
        self.drawn_pt = pt
        row_h = min(fm.height() * 1.9, max(fm.height() + 4.0, (h - note_h - 4) / n))
        # The guesses' words matter more than their bars' length: up to 45 % of the width,
        # then elided. (A token wider than its column, right-aligned in it, ran off the
        # widget's left edge: its start cut, unseen.)
        label_w = min(w * 0.45, max((fm.horizontalAdvance(display_token(t)[0]) for t in self._tokens),
                                    default=40) + 16)
        self.drawn_labels = []
        real = self.tr("✓ real")  # the mark beside the real next token's percentage
        locale = QLocale()
        # Room for the percentage and a tick; "real" is written only where it fits, so at
        # large text the bars keep most of the width instead of the words.
        bold_fm = QFontMetrics(bold)
        pct_w = bold_fm.horizontalAdvance(f"{locale.toString(100.0, 'f', 1)} % ✓") + 14
        bar_x = label_w + 8
        bar_max = max(10.0, w - bar_x - pct_w)
        for i, (token, p) in enumerate(zip(self._tokens, self._probs, strict=True)):
            y = 2 + i * row_h
            is_target = i == self._target_row
            painter.setFont(bold if is_target else font)
            painter.setPen(theme.qcolor(theme.TEXT))
            label = (bold_fm if is_target else fm).elidedText(
                display_token(token)[0], Qt.TextElideMode.ElideRight, int(label_w - 4))
            self.drawn_labels.append(label)
            painter.drawText(QRectF(0, y, label_w, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            bar = QRectF(bar_x, y + row_h * 0.18, max(2.0, bar_max * p), row_h * 0.64)
            colour = theme.TARGET if is_target else theme.BLUE
            painter.setPen(QPen(theme.qcolor(theme.VERMILLION), 3) if is_target else Qt.PenStyle.NoPen)
            painter.setBrush(theme.qcolor(colour))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(theme.qcolor(theme.TEXT))
            room = w - bar.right() - 6
            mark = ""
            if is_target:
                long_mark = f"{locale.toString(100 * p, 'f', 1)} %  {real}"
                mark = f"  {real}" if bold_fm.horizontalAdvance(long_mark) <= room else " ✓"
            painter.drawText(QRectF(bar.right() + 6, y, w - bar.right() - 6, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{locale.toString(100 * p, 'f', 1)} %{mark}")
        if self._note:
            painter.setFont(font)
            painter.setPen(theme.qcolor(theme.MUTED_TEXT))
            top = 2 + len(self._tokens) * row_h + 4 if self._tokens else 4
            painter.drawText(QRectF(4, top, w - 8, h - top),
                             Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, self._note)
        painter.end()
