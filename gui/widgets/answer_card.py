"""A framed card for one model's answer: a title, the words it wrote, a small note below.

The fine-tune panel (one card per stage) and the chat panel (one card per candidate
answer, with feedback buttons) both build on it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
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


class AnswerText(QLabel):
    """The answer's words: never squeezed below a few lines, whatever the text size."""

    MIN_LINES = 3

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.MIN_LINES * self.fontMetrics().lineSpacing()))


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
