"""The question asked before a click stops a running job: "Fine-tuning is running (step
113 of 300). Stop it to learn from your thumbs-up?" with Stop / Let it finish.

A small message box, window-modal but opened without blocking (`open`), so the event
loop (and the job it asks about) keeps running while the person decides. One question
at a time: a newer one replaces an unanswered older one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class JobQuestionBox(QWidget):
    """Asks `JobQuestion`s (gui/bridge/job_gate.py) on behalf of the main window.

    Signals: answered(bool) after each answer (True: stop the job and go on).
    """

    answered = Signal(bool)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.hide()  # only a parent for the boxes
        self.window_ = window
        self.box: QMessageBox | None = None  # the open question, if any
        self.question = None
        self._yes = None

    def ask(self, question) -> None:
        if self.box is not None:
            self.box.done(0)  # an older, unanswered question: a newer click replaces it
        box = QMessageBox(QMessageBox.Icon.Question, question.title, question.text,
                          QMessageBox.StandardButton.NoButton, self.window_)
        self._yes = box.addButton(question.yes, QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(question.no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter never stops a job by accident
        box.setEscapeButton(keep)
        self.box, self.question = box, question
        box.finished.connect(lambda _result, b=box, q=question: self._done(b, q))
        box.open()

    def answer(self, stop: bool) -> None:
        """Answer the open question as the person would (for tools and tests)."""
        if self.box is None:
            return
        button = self._yes if stop else self.box.escapeButton()
        button.click()

    def _done(self, box: QMessageBox, question) -> None:
        clicked = box.clickedButton()
        stop = clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole
        if self.box is box:
            self.box, self.question = None, None
        box.deleteLater()
        if stop:
            question.on_yes()
        self.answered.emit(stop)
