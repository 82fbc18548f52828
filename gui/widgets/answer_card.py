"""A framed card for one model's answer: a title, the words it wrote, a small note below.

The fine-tune panel (one card per stage) and the chat panel (one card per candidate
answer, with feedback buttons) both build on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui import theme


def small_label(text: str = "", muted: bool = True) -> QLabel:
    """A wrapped label in the small size; muted (grey) unless told otherwise."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(theme.font(theme.SMALL_PT))
    if muted:
        label.setStyleSheet(f"color: {theme.MUTED_TEXT};")
    return label


class AnswerCard(QFrame):
    """Title on top, the answer's text (selectable, top-left, taking the room), then more rows.

    `accent` colours the frame (a stage's colour); without it the frame is the border grey.
    Subclasses add their rows under the text with `self.layout().addWidget(...)`.
    """

    def __init__(self, title: QLabel, accent: str | None = None,
                 margins: tuple[int, int, int, int] = (12, 8, 12, 8), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("answerCard")
        self.setStyleSheet(
            f"QFrame#answerCard {{ border: 2px solid {accent or theme.BORDER}; border-radius: 8px;"
            f" background: white; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        layout.setSpacing(4)
        self.title = title
        layout.addWidget(self.title)
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.text, 1)

    def show_note(self, text: str) -> None:
        """A message in place of an answer (waiting, or why there is none), in grey italics."""
        self.text.setText(f"<i style='color:{theme.MUTED_TEXT}'>{text}</i>")
