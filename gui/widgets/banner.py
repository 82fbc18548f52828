"""A non-modal message strip at the top of the window (errors never hide behind a dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MessageBanner(QFrame):
    """Shows the latest message with a close button; says how many came before it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.messages: list[tuple[str, str]] = []
        self.hide()

    def show_message(self, title: str, message: str) -> None:
        self.messages.append((title, message))
        more = len(self.messages) - 1
        extra = "<br><i>{}</i>".format(self.tr("(%n earlier message(s))", "", more)) if more else ""
        self.text.setText(f"<b>{_escape(title)}</b><br>{_escape(message)}{extra}")
        self.show()

    def dismiss(self) -> None:
        self.messages.clear()
        self.hide()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
