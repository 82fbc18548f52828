"""The fine-tune panel's examples tab: the question/answer pairs, edited in place.

Every change goes through the controller (which checks it); a refused change or a bad
file shows a clear, non-blocking dialog and leaves the pairs as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.finetuning.qa_data import HELDOUT, QAEditError, QAFileError, QAPair
from gui import file_dialogs, theme
from gui.i18n import translate
from gui.panels.finetuning.numbers import count, plural
from gui.panels.finetuning.pair_messages import pair_message
from gui.widgets.flow_layout import FlowLayout

# The file dialogs' filter (translate("PairsTab", QA_FILE_FILTER) where it is shown).
QA_FILE_FILTER = QT_TRANSLATE_NOOP("PairsTab",
                                   "Question/answer files (*.tsv *.txt *.jsonl *.json);;All files (*)")


class PairDialog(QDialog):
    """Write or change one question/answer pair."""

    def __init__(self, parent: QWidget | None = None, pair: QAPair | None = None,
                 allow_heldout: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("A question and its answer"))
        form = QFormLayout(self)
        self.question = QLineEdit(pair.question if pair else "")
        self.answer = QLineEdit(pair.answer if pair else "")
        self.question.setMinimumWidth(520)
        form.addRow(self.tr("Question:"), self.question)
        form.addRow(self.tr("Answer it should give:"), self.answer)
        self.heldout = QCheckBox(self.tr("Keep it for testing only (held-out: never trained on)"))
        self.heldout.setVisible(allow_heldout)
        form.addRow(self.heldout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def pair(self) -> QAPair:
        return QAPair(self.question.text(), self.answer.text())


class PairsTab(QWidget):
    """The pairs table with Add / Remove / Load / Save / Back to the bundled pairs."""

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.qa = None  # the QASet in the table
        self.last_problem: QMessageBox | None = None  # the latest error dialog (tests read it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pairs_label = QLabel("")
        self.pairs_label.setWordWrap(True)
        self.pairs_label.setFont(theme.font(theme.SMALL_PT))
        layout.addWidget(self.pairs_label)
        self.pairs_table = QTableWidget(0, 3)
        self.pairs_table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Answer it should give"),
                                                    self.tr("Used for")])
        self.pairs_table.setAccessibleName(self.tr("Question and answer pairs"))
        self.pairs_table.setAccessibleDescription(self.tr("F2 changes the selected cell"))
        header = self.pairs_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.pairs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.pairs_table.verticalHeader().setDefaultSectionSize(30)
        self.pairs_table.setToolTip(self.tr("Double-click a question or an answer to change it"))
        layout.addWidget(self.pairs_table, 1)
        # The buttons wrap to a second row at large text instead of widening the page.
        buttons_box = QWidget()
        buttons = FlowLayout(buttons_box, spacing=6)
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.load_button = QPushButton(self.tr("Load a file…"))
        self.load_button.setToolTip(self.tr("Your own pairs: question<TAB>answer lines, Q:/A: lines, or JSON lines"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.reset_button = QPushButton(self.tr("Back to the bundled pairs"))
        for b in (self.add_button, self.remove_button, self.load_button, self.save_button,
                  self.reset_button):
            buttons.addWidget(b)
        layout.addWidget(buttons_box)
        self.pairs_table.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self._add_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.load_button.clicked.connect(self._load_dialog)
        self.save_button.clicked.connect(self._save_dialog)
        self.reset_button.clicked.connect(controller.finetuning.reset_qa)

    def show_qa(self, qa) -> None:
        """Fill the table from a QASet, keeping the selected row."""
        self.qa = qa
        table = self.pairs_table
        selected = table.currentRow()
        with QSignalBlocker(table):
            table.setRowCount(len(qa))
            for row, (split, pair) in enumerate(qa.rows()):
                for col, text in enumerate((pair.question, pair.answer)):
                    item = table.item(row, col)
                    if item is None:
                        table.setItem(row, col, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
                used = self.tr("testing (held-out)") if split == HELDOUT else self.tr("learning")
                item = table.item(row, 2)
                if item is None:
                    item = QTableWidgetItem(used)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    table.setItem(row, 2, item)
                else:
                    item.setText(used)
                # Learning rows in the palette's ink (it follows light/dark), held-out in red.
                item.setData(Qt.ItemDataRole.ForegroundRole,
                             theme.qcolor(theme.HELDOUT_CURVE) if split == HELDOUT else None)
        if 0 <= selected < len(qa):
            table.selectRow(selected)
        self.pairs_label.setText(plural(self.tr(
            "%n pair(s) to learn from and {heldout} kept for testing (held-out), from “{name}”. "
            "Double-click a cell to change it.", "", len(qa.train)), len(qa.train)).format(
                heldout=count(len(qa.heldout)), name=qa.name))

    def selected_index(self) -> int:
        rows = self.pairs_table.selectionModel().selectedRows() if self.pairs_table.selectionModel() else []
        return rows[0].row() if rows else -1

    def edit_pair(self, index: int, question: str, answer: str) -> bool:
        """Change pair number `index`; a bad change shows a dialog and changes nothing."""
        try:
            self.controller.finetuning.edit_qa(index, QAPair(question, answer))
        except QAEditError as e:
            self._problem(self.tr("This change cannot be made"), pair_message(str(e)))
            if self.qa is not None:
                QTimer.singleShot(0, lambda: self.show_qa(self.qa))  # put the old text back
            return False
        return True

    def add_pair(self, question: str, answer: str, heldout: bool = False) -> bool:
        try:
            self.controller.finetuning.add_qa(QAPair(question, answer), heldout=heldout)
        except QAEditError as e:
            self._problem(self.tr("This pair cannot be added"), pair_message(str(e)))
            return False
        self.pairs_table.selectRow(len(self.qa) - 1 if heldout else len(self.qa.train) - 1)
        return True

    def remove_selected(self) -> None:
        index = self.selected_index()
        if index < 0:
            self._problem(self.tr("Nothing is selected"), self.tr("Click a pair in the table first, then Remove."))
            return
        try:
            self.controller.finetuning.remove_qa(index)
        except QAEditError as e:
            self._problem(self.tr("This pair cannot be removed"), pair_message(str(e)))

    def load_file(self, path) -> bool:
        """Load pairs from a file; a bad file shows a dialog and the pairs stay as they were."""
        try:
            self.controller.finetuning.load_qa_file(path)
        except QAFileError as e:
            self._problem(self.tr("This file cannot be used"), pair_message(str(e)))
            return False
        except OSError as e:
            self._problem(self.tr("This file cannot be read"), pair_message(str(e)))
            return False
        return True

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self.qa is None or item.column() > 1:
            return
        row = item.row()
        q = self.pairs_table.item(row, 0).text()
        a = self.pairs_table.item(row, 1).text()
        pair = self.qa.pair(row)
        if (q, a) != (pair.question, pair.answer):
            # Deferred: the table is still inside its own edit when this signal arrives.
            QTimer.singleShot(0, lambda: self.edit_pair(row, q, a))

    def _add_dialog(self) -> None:
        dialog = PairDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pair = dialog.pair()
            self.add_pair(pair.question, pair.answer, dialog.heldout.isChecked())

    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load questions and answers"),
                                              file_dialogs.start_folder("pairs"),
                                              translate("PairsTab", QA_FILE_FILTER))
        if path:
            file_dialogs.remember("pairs", path)
            self.load_file(path)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save questions and answers"),
                                              file_dialogs.start_path("pairs", "pairs.tsv"),
                                              translate("PairsTab", QA_FILE_FILTER))
        if not path:
            return
        file_dialogs.remember("pairs", path)
        try:
            self.controller.finetuning.save_qa_file(path)
        except OSError as e:
            self._problem(self.tr("The pairs could not be saved"), pair_message(str(e)))

    def _problem(self, title: str, message: str) -> None:
        """A clear, non-blocking dialog (window-modal), kept in `last_problem`."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_problem = box
