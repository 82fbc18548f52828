"""A framed card for one model's answer: a title, the words it wrote, a small note below.

The fine-tune panel (one card per stage) and the chat panel (one card per candidate
answer, with feedback buttons) both build on it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui import theme


def small_label(text: str = "", muted: bool = True) -> QLabel:
    """A wrapped label in the small size; muted (grey) unless told otherwise."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(theme.font(theme.SMALL_PT))
    if muted:
        label.setProperty("role", "muted")
    return label


_LEAST_HEIGHTS: dict[tuple[str, int], int] = {}  # (font key, lines) -> px


class AnswerText(QLabel):
    """The answer's words: never squeezed below a few lines, whatever the text size."""

    MIN_LINES = 3

    def _least_height(self) -> int:
        # Measured as the label lays its text out (a selectable label uses a text document,
        # whose lines are a pixel taller than the font's line spacing), so that three lines
        # of answer take exactly the least height.
        key = (self.font().key(), self.MIN_LINES)
        if key not in _LEAST_HEIGHTS:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.font())
            doc.setPlainText("\n".join(["Xg"] * self.MIN_LINES))
            _LEAST_HEIGHTS[key] = math.ceil(doc.size().height())
        return _LEAST_HEIGHTS[key]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._least_height()))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        # subtle: a page in a scroll area is laid out by its height for its width, which
        # knew nothing of the least height above: a one-line answer shrank its card below
        # its minimum, and every answer of another length moved everything under it.
        return max(super().heightForWidth(width), self._least_height())


class AnswerCard(QFrame):
    """Title on top, the answer's text (selectable, top-left, taking the room), then more rows.

    `stage` ("pre-trained", "fine-tuned", "aligned") gives the frame that stage's colour
    (gui/stylesheet.py); without it the frame is the border grey.
    Subclasses add their rows under the text with `self.layout().addWidget(...)`.
    """

    def __init__(self, title: QLabel, stage: str | None = None,
                 margins: tuple[int, int, int, int] = (12, 8, 12, 8), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("answerCard")
        if stage is not None:
            self.setProperty("stage", stage)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        layout.setSpacing(4)
        self.title = title
        layout.addWidget(self.title)
        self.text = AnswerText("")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.text, 1)
        self._note: str | None = None  # the note shown in place of an answer, if any

    def show_note(self, text: str) -> None:
        """A message in place of an answer (waiting, or why there is none), in grey italics."""
        self._note = text
        self.text.setText(f"<i style='color:{theme.MUTED_TEXT}'>{text}</i>")

    def apply_theme(self) -> None:
        """The colours changed (gui/lecture/appearance.py): the note again, in the new grey."""
        if self._note is not None:
            self.show_note(self._note)
