"""One candidate answer in the chat panel, with the person's feedback buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from gui import theme
from gui.i18n import translate
from gui.panels.finetuning.numbers import plural
from gui.widgets.answer_card import AnswerCard, small_label


class FeedbackCard(AnswerCard):
    """One answer with its buttons. Signals: thumb(index, up), better(index)."""

    thumb = Signal(int, bool)
    better = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None):
        # Not self.tr: the QObject does not exist before super().__init__.
        title = QLabel(translate("FeedbackCard", "Answer {name}").format(
            name="AB"[index] if index < 2 else index + 1))
        title.setFont(theme.font(theme.BASE_PT, bold=True))
        super().__init__(title, margins=(10, 6, 10, 8), parent=parent)
        self.index = index
        layout = self.layout()
        self.text.setProperty("i18nData", True)  # the model's own words: they stay English
        self.meta = small_label("")
        layout.addWidget(self.meta)
        self.up_button = QPushButton(self.tr("▲ Good"))
        self.up_button.setToolTip(self.tr("Thumb up: this answer is good on its own.\n"
                                          "The model makes it more likely (KTO update)."))
        self.down_button = QPushButton(self.tr("▼ Bad"))
        self.down_button.setToolTip(self.tr("Thumb down: this answer is bad on its own.\n"
                                            "The model makes it less likely (KTO update)."))
        self.better_button = QPushButton(self.tr("This one is better"))
        self.better_button.setProperty("primary", True)
        self.better_button.setToolTip(self.tr("Prefer this answer to the other one.\n"
                                              "The model learns the preference (DPO update)."))
        thumbs = QHBoxLayout()
        thumbs.setSpacing(6)
        thumbs.addWidget(self.up_button, 1)
        thumbs.addWidget(self.down_button, 1)
        layout.addLayout(thumbs)
        layout.addWidget(self.better_button)
        self.up_button.clicked.connect(lambda: self.thumb.emit(self.index, True))
        self.down_button.clicked.connect(lambda: self.thumb.emit(self.index, False))
        self.better_button.clicked.connect(lambda: self.better.emit(self.index))
        # Both cards have the same buttons: the spoken names say which answer they judge.
        letter = "AB"[index] if index < 2 else str(index + 1)
        self.up_button.setAccessibleName(self.tr("Answer {letter} is good").format(letter=letter))
        self.down_button.setAccessibleName(self.tr("Answer {letter} is bad").format(letter=letter))
        self.better_button.setAccessibleName(
            self.tr("Answer {letter} is the better one").format(letter=letter))
        self.set_enabled(False)

    def show_answer(self, answer) -> None:
        self._note = None
        self.text.setText(answer.text or self.tr("(nothing: it stopped at once)"))
        n = answer.n_tokens
        self.meta.setText(plural(self.tr("%n token(s), stopped by itself", "", n) if answer.ended
                                 else self.tr("%n token(s), ran out of room, cut off", "", n), n))

    def show_message(self, text: str) -> None:
        self.show_note(text)
        self.meta.setText("")

    def set_enabled(self, enabled: bool) -> None:
        for b in (self.up_button, self.down_button, self.better_button):
            b.setEnabled(enabled)
