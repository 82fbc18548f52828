"""Step 5, Fine-tune: the next-word machine learns to answer questions, and to stop.

Everything drawn here comes from the engine through the controller: both models'
outputs are real generations of this session's models, the pairs are the ones the
engine trains on, the curve is the live fine-tuning loss, and the before/after table
is measured on the held-out questions by running both models on every one of them.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.finetuning.answer_scoring import DecodeSettings
from engine.finetuning.qa_data import HELDOUT, QAEditError, QAFileError, QAPair
from gui import theme
from gui.widgets.token_chips import TokenChips

theme.configure_pyqtgraph()

DEFAULT_STEPS = 300  # as the shipped model: ~15 passes over the pairs
REDRAW_MS = 33  # ~30 Hz: the curve and the progress line, from the latest snapshot
MASKED_CHIP = "#DDDDDD"  # prompt tokens: read, not learned
TRAINED_CHIP = theme.GREEN  # answer tokens and <end>: learned
COMPARE_KEY = "finetune"
QA_FILE_FILTER = "Question/answer files (*.tsv *.txt *.jsonl *.json);;All files (*)"

STAGE_TITLES = {
    "pre-trained": ("Pre-trained model", "a next-word machine"),
    "fine-tuned": ("Fine-tuned model", "an assistant"),
}
# Rows of the before/after table: (label for people, what it counts).
CHECKS: tuple[tuple[str, str], ...] = (
    ("Stops by itself (writes <end>)", "ended"),
    ("Asks nothing back (no “?”)", "no_question"),
    ("Stays on topic (shares a word)", "on_topic"),
    ("Answer-like: all three", "answer_like"),
)


def _share(count: int, total: int) -> str:
    return f"{count} of {total}  ({count / total:.0%})" if total else "—"


def check_counts(rate) -> dict[str, int]:
    """How many outputs pass each check of the table, from an AnswerRate."""
    js = rate.judgements
    return {
        "ended": sum(j.ended for j in js),
        "no_question": sum(not j.asks_back for j in js),
        "on_topic": sum(j.on_topic for j in js),
        "answer_like": sum(j.answer_like for j in js),
    }


class AnswerCard(QFrame):
    """One model's output for the question: what it read, what it wrote, the verdict."""

    def __init__(self, stage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage = stage
        colour = theme.STAGE_COLOURS.get(stage, theme.TEXT)
        self.setObjectName("answerCard")
        self.setStyleSheet(
            f"QFrame#answerCard {{ border: 2px solid {colour}; border-radius: 8px; background: white; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        title, subtitle = STAGE_TITLES[stage]
        self.title = QLabel(f"<b style='color:{colour}'>{title}</b> "
                            f"<span style='color:{theme.MUTED_TEXT}'>— {subtitle}</span>")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.text = QLabel("Waiting for the model…")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setFont(theme.font(theme.BASE_PT + 1))
        self.text.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing())  # three lines
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.text, 1)
        self.verdict = QLabel("")
        self.verdict.setFont(theme.font(theme.BASE_PT, bold=True))
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.origin = QLabel("")
        self.origin.setFont(theme.font(theme.SMALL_PT))
        self.origin.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.origin.setWordWrap(True)
        layout.addWidget(self.origin)
        self.output_text: str | None = None  # exactly what the model wrote (for tests)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # Big screens (a projector at 1920x1080) get bigger words; small ones fit more.
        pt = theme.BASE_PT + (7 if self.height() > 300 else 1)
        if self.text.font().pointSize() != pt:
            self.text.setFont(theme.font(pt))
            self.text.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing())

    def show_output(self, output) -> None:
        """Draw a StageOutput: the prompt as the model read it, then its words."""
        if output.generation is None:
            self.output_text = None
            self.text.setText(f"<i style='color:{theme.MUTED_TEXT}'>{html.escape(output.note)}</i>")
            self.verdict.setText("")
            self.origin.setText("")
            return
        g = output.generation
        self.output_text = g.text
        muted = theme.MUTED_TEXT
        if output.chat:
            asked = (f"<span style='color:{muted}'>&lt;user&gt; {html.escape(g.prompt)} "
                     f"&lt;assistant&gt;</span>")
        else:
            asked = f"<span style='color:{muted}'>{html.escape(g.prompt)}</span>"
        written = html.escape(g.text).replace("\n", "<br>")
        colour = theme.STAGE_COLOURS.get(self.stage, theme.TEXT)
        end = (f" <span style='background:{TRAINED_CHIP}; color:white'>&nbsp;&lt;end&gt;&nbsp;</span>"
               if g.ended else f" <span style='color:{muted}'>… (still going when cut off)</span>")
        self.text.setText(f"{asked}<b style='color:{colour}'>{written}</b>{end}")
        j = output.judgement
        if j.answer_like:
            self.verdict.setText("✔ Answers, then stops")
            self.verdict.setStyleSheet(f"color: {theme.GREEN};")
        else:
            self.verdict.setText("✘ " + j.reason().capitalize())
            self.verdict.setStyleSheet(f"color: {theme.WARNING};")
        how = "asked in the chat format" if output.chat else "given the bare question"
        self.origin.setText(f"{output.origin.capitalize()}; {how}.")


class PairDialog(QDialog):
    """Write or change one question/answer pair."""

    def __init__(self, parent: QWidget | None = None, pair: QAPair | None = None,
                 allow_heldout: bool = True):
        super().__init__(parent)
        self.setWindowTitle("A question and its answer")
        form = QFormLayout(self)
        self.question = QLineEdit(pair.question if pair else "")
        self.answer = QLineEdit(pair.answer if pair else "")
        self.question.setMinimumWidth(520)
        form.addRow("Question:", self.question)
        form.addRow("Answer it should give:", self.answer)
        self.heldout = QCheckBox("Keep it for testing only (held-out: never trained on)")
        self.heldout.setVisible(allow_heldout)
        form.addRow(self.heldout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def pair(self) -> QAPair:
        return QAPair(self.question.text(), self.answer.text())


class FinetunePanel(QWidget):
    """Fine-tuning: the same question to both models, the pairs, the masks, the curve.

    Signals:
        comparisonShown(object): the StageComparison now drawn in the two cards.
        ratesShown(object): the StageRates now in the before/after table.
        qaShown(object): the QASet now in the pairs table.
    """

    comparisonShown = Signal(object)
    ratesShown = Signal(object)
    qaShown = Signal(object)

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.qa = None  # the QASet in the table
        self.comparison = None
        self.rates = None
        self.last_problem: QMessageBox | None = None  # the latest error dialog (tests read it)
        self._sample_seed = 0
        self._asked = False  # a comparison was requested at least once
        self._sft_version = -1
        self._build()
        self._connect()
        if controller.qa_set is not None:
            self._on_qa(controller.qa_set)
        else:
            controller.request_qa_set()
        if controller.model_tokenizer is not None:
            self._show_example()
        self._on_finetune_state(controller.finetune_state)
        self.ask()
        self.measure()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(6)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        title = QLabel("Fine-tune: teaching it to answer")
        title.setFont(theme.font(theme.HEADING_PT, bold=True))
        title.setWordWrap(True)
        titles.addWidget(title)
        intro = QLabel(
            "The pre-trained model only carries text on. Here it studies questions paired with "
            "good answers (supervised fine-tuning, SFT): it learns to reply, then to stop."
        )
        intro.setWordWrap(True)
        titles.addWidget(intro)
        header.addLayout(titles, 1)
        actions = QVBoxLayout()
        actions.setSpacing(4)
        buttons = QHBoxLayout()
        self.finetune_button = QPushButton("Fine-tune the pre-trained model")
        self.finetune_button.setProperty("primary", True)
        self.finetune_button.setToolTip(
            "Start again from the pre-trained model and teach it the question/answer pairs"
        )
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop fine-tuning now; the model keeps what it learned so far")
        buttons.addWidget(self.finetune_button)
        buttons.addWidget(self.stop_button)
        actions.addLayout(buttons)
        options = QHBoxLayout()
        self.prompt_check = QCheckBox("Learn the questions too")
        self.prompt_check.setToolTip(
            "Normally only the answer counts in the loss and the question is masked out. "
            "Tick this to count the question too (train on prompt) and see the difference."
        )
        options.addWidget(self.prompt_check)
        options.addWidget(QLabel("Steps:"))
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(10, 5000)
        self.steps_spin.setSingleStep(50)
        self.steps_spin.setValue(DEFAULT_STEPS)
        self.steps_spin.setToolTip("How many small learning steps (16 pairs each)")
        options.addWidget(self.steps_spin)
        actions.addLayout(options)
        self.progress = QLabel("")
        self.progress.setFont(theme.font(theme.SMALL_PT))
        self.progress.setWordWrap(True)
        actions.addWidget(self.progress)
        actions_box = QWidget()
        actions_box.setLayout(actions)
        actions.setContentsMargins(0, 0, 0, 0)
        # A fixed width: a long progress line wraps instead of squeezing the intro.
        actions_box.setFixedWidth(actions.sizeHint().width())
        header.addWidget(actions_box, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(header)

        # -- the same question to both models
        ask_box = QWidget()
        ask = QVBoxLayout(ask_box)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.setSpacing(6)
        row = QHBoxLayout()
        ask_label = QLabel("<b>Ask both models:</b>")
        row.addWidget(ask_label)
        self.question_box = QComboBox()
        self.question_box.setEditable(True)
        self.question_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.question_box.lineEdit().setPlaceholderText("Pick a test question or type your own")
        self.question_box.setToolTip("The questions listed were never used in fine-tuning (held-out)")
        self.question_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # subtle: by default a combo box is as wide as its longest item, which would
        # make the whole window wider than a 1280-pixel screen.
        self.question_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.question_box.setMinimumContentsLength(20)
        row.addWidget(self.question_box, 1)
        self.ask_button = QPushButton("Ask both")
        row.addWidget(self.ask_button)
        self.sample_check = QCheckBox("Pick words by chance")
        self.sample_check.setToolTip(
            "Off: each model always takes its most likely next token (greedy), so the same "
            "question gets the same reply. On: it draws tokens by chance (sampling, temperature 0.7)."
        )
        self.base_chat_check = QCheckBox("Chat markers for both")
        options_col = QVBoxLayout()
        options_col.setSpacing(0)
        self.base_chat_check.setToolTip(
            "Give the pre-trained model the question inside the chat markers <user> … "
            "<assistant> as well. It never saw them in training, so they mean nothing to it."
        )
        options_col.addWidget(self.sample_check)
        options_col.addWidget(self.base_chat_check)
        for check in (self.sample_check, self.base_chat_check):
            check.setFont(theme.font(theme.SMALL_PT))
        row.addLayout(options_col)
        ask.addLayout(row)
        cards = QHBoxLayout()
        self.cards = {stage: AnswerCard(stage) for stage in STAGE_TITLES}
        for card in self.cards.values():
            cards.addWidget(card, 1)
        ask.addLayout(cards, 1)
        root.addWidget(ask_box, 3)

        # -- tabs: before/after, pairs, masks, curve
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_rates_tab(), "Before / after")
        self.tabs.addTab(self._build_pairs_tab(), "The examples (Q&&A pairs)")
        self.tabs.addTab(self._build_mask_tab(), "What is learned (masks)")
        self.tabs.addTab(self._build_curve_tab(), "Learning curve (loss)")
        root.addWidget(self.tabs, 2)

        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)

    def _build_rates_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.rates_note = QLabel("Measuring both models on the test questions…")
        self.rates_note.setWordWrap(True)
        top.addWidget(self.rates_note, 1)
        self.measure_button = QPushButton("Measure again")
        self.measure_button.setToolTip("Ask both models every held-out question and count the answers")
        top.addWidget(self.measure_button)
        layout.addLayout(top)
        self.rates_table = QTableWidget(len(CHECKS), 2)
        self.rates_table.setHorizontalHeaderLabels(["Before (pre-trained)", "After (fine-tuned)"])
        self.rates_table.setVerticalHeaderLabels([label for label, _ in CHECKS])
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_table.setToolTip(
            "An output counts as an answer when it stops by itself (writes <end>), asks "
            "nothing back (no question mark) and stays on the question's topic (shares a word "
            "or a word group with it)."
        )
        for r in range(len(CHECKS)):
            for c in range(2):
                item = QTableWidgetItem("…")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.rates_table.setItem(r, c, item)
        layout.addWidget(self.rates_table, 1)
        return tab

    def _build_pairs_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pairs_label = QLabel("")
        self.pairs_label.setWordWrap(True)
        self.pairs_label.setFont(theme.font(theme.SMALL_PT))
        layout.addWidget(self.pairs_label)
        self.pairs_table = QTableWidget(0, 3)
        self.pairs_table.setHorizontalHeaderLabels(["Question", "Answer it should give", "Used for"])
        header = self.pairs_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.pairs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.pairs_table.verticalHeader().setDefaultSectionSize(30)
        self.pairs_table.setToolTip("Double-click a question or an answer to change it")
        layout.addWidget(self.pairs_table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add…")
        self.remove_button = QPushButton("Remove")
        self.load_button = QPushButton("Load a file…")
        self.load_button.setToolTip("Your own pairs: question<TAB>answer lines, Q:/A: lines, or JSON lines")
        self.save_button = QPushButton("Save…")
        self.reset_button = QPushButton("Back to the bundled pairs")
        for b in (self.add_button, self.remove_button, self.load_button, self.save_button,
                  self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _build_mask_tab(self) -> QWidget:
        scroll = QScrollArea()  # long examples wrap onto more rows: scroll rather than grow
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        tab = QWidget()
        scroll.setWidget(tab)
        layout = QVBoxLayout(tab)
        self.mask_intro = QLabel("")
        self.mask_intro.setWordWrap(True)
        layout.addWidget(self.mask_intro)
        self.chips = TokenChips(point_size=theme.BASE_PT)
        self.chips.set_placeholder("Pick a pair in “The examples” to see its tokens.")
        layout.addWidget(self.chips)
        legend = QLabel(
            f"<span style='background:{MASKED_CHIP}'>&nbsp;grey&nbsp;</span> read but not learned "
            "(masked out of the loss: label −100) &nbsp;&nbsp; "
            f"<span style='background:{TRAINED_CHIP}; color:white'>&nbsp;green&nbsp;</span> "
            "learned: the model is scored on guessing these (in the loss)"
        )
        legend.setWordWrap(True)
        legend.setFont(theme.font(theme.SMALL_PT))
        layout.addWidget(legend)
        layout.addStretch(1)
        return scroll

    def _build_curve_tab(self) -> QWidget:
        self.plot = pg.PlotWidget()
        self.plot.setMinimumHeight(140)
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        label_style = {"font-size": f"{theme.SMALL_PT}pt", "color": theme.TEXT}
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=theme.font(theme.SMALL_PT))
            axis.setTextPen(theme.TEXT)
        item.setLabel("left", "mistakes (loss)", **label_style)
        item.setLabel("bottom", "fine-tuning steps", **label_style)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.addLegend(offset=(-10, 10), labelTextSize=f"{theme.SMALL_PT}pt")
        self.train_curve = item.plot([], [], pen=pg.mkPen(theme.TRAIN_CURVE, width=2),
                                     name="on the training pairs")
        self.heldout_curve = item.plot(
            [], [], pen=pg.mkPen(theme.HELDOUT_CURVE, width=3), symbol="o", symbolSize=7,
            symbolBrush=theme.HELDOUT_CURVE, symbolPen=None, name="on the test pairs (held-out)",
        )
        return self.plot

    def _connect(self) -> None:
        c = self.controller
        c.qaSetChanged.connect(self._on_qa)
        c.comparisonReady.connect(self._on_comparison)
        c.answerRatesReady.connect(self._on_rates)
        c.finetuneStateChanged.connect(self._on_finetune_state)
        c.modelTokenizerChanged.connect(lambda _tok: self._show_example())
        c.jobFailed.connect(self._on_job_failed)
        self.finetune_button.clicked.connect(self.start_finetune)
        self.stop_button.clicked.connect(c.stop_finetune)
        self.ask_button.clicked.connect(lambda: self.ask())
        self.question_box.lineEdit().returnPressed.connect(lambda: self.ask())
        self.question_box.activated.connect(lambda _i: self.ask())
        self.measure_button.clicked.connect(self.measure)
        self.prompt_check.toggled.connect(lambda _on: self._show_example())
        self.pairs_table.itemChanged.connect(self._on_item_changed)
        self.pairs_table.itemSelectionChanged.connect(self._show_example)
        self.add_button.clicked.connect(self._add_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.load_button.clicked.connect(self._load_dialog)
        self.save_button.clicked.connect(self._save_dialog)
        self.reset_button.clicked.connect(c.reset_qa)
        self.redraw_timer.timeout.connect(self._redraw)
        self.redraw_timer.start()

    # -- life cycle (see gui/panels/__init__.py) ------------------------------------------
    def is_ready(self) -> bool:
        return self.comparison is not None and self.rates is not None and self.qa is not None

    def set_active(self, active: bool) -> None:
        if active:
            self.redraw_timer.start()
        else:
            self.redraw_timer.stop()

    def shutdown(self) -> None:
        self.redraw_timer.stop()

    # -- asking both models -----------------------------------------------------------
    def current_question(self) -> str:
        return self.question_box.currentText().strip()

    def current_settings(self) -> DecodeSettings:
        """How the two models write: greedy unless 'pick words freely' is ticked."""
        if self.sample_check.isChecked():
            return DecodeSettings(greedy=False, temperature=0.7, seed=self._sample_seed)
        return DecodeSettings()

    def ask(self, question: str | None = None) -> None:
        """Put the question (default: the one in the box) to both models."""
        if question is not None:
            self.question_box.setCurrentText(question)
        question = self.current_question()
        if not question:
            if self.qa is None or not self.qa.heldout:
                return
            question = self.qa.heldout[0].question
            self.question_box.setCurrentText(question)
        self._asked = True
        if self.sample_check.isChecked():
            self._sample_seed += 1
        for card in self.cards.values():
            card.text.setText(f"<i style='color:{theme.MUTED_TEXT}'>Writing…</i>")
        self.controller.request_comparison(question, self.current_settings(),
                                           base_chat=self.base_chat_check.isChecked(),
                                           key=COMPARE_KEY)

    def _on_comparison(self, comparison) -> None:
        if comparison.question != self.current_question() and self.current_question():
            return  # an older question's reply; a newer one is on its way
        self.comparison = comparison
        for output in comparison.outputs:
            card = self.cards.get(output.stage)
            if card is not None:
                card.show_output(output)
        self.comparisonShown.emit(comparison)

    # -- before / after ---------------------------------------------------------------
    def measure(self) -> None:
        self.rates_note.setText("Measuring both models on the test questions…")
        self.controller.request_answer_rates(DecodeSettings())

    def _on_rates(self, rates) -> None:
        self.rates = rates
        for c, stage in enumerate(("pre-trained", "fine-tuned")):
            rate = rates.rates.get(stage)
            counts = check_counts(rate) if rate is not None else {}
            for r, (_, key) in enumerate(CHECKS):
                text = _share(counts[key], rate.total) if rate is not None else "no model yet"
                item = self.rates_table.item(r, c)
                item.setText(text)
                item.setFont(theme.font(theme.BASE_PT, bold=key == "answer_like"))
        n = len(rates.questions)
        origins = "; ".join(f"{stage}: {origin}" for stage, origin in rates.origins.items())
        self.rates_note.setText(
            f"{n} test questions never used for training (held-out), both models asked in the "
            f"chat format, most likely token each time."
        )
        self.rates_note.setToolTip(f"Models: {origins}.")
        self.ratesShown.emit(rates)

    # -- the pairs --------------------------------------------------------------------
    def _on_qa(self, qa) -> None:
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
                used = "testing (held-out)" if split == HELDOUT else "learning"
                item = table.item(row, 2)
                if item is None:
                    item = QTableWidgetItem(used)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    table.setItem(row, 2, item)
                else:
                    item.setText(used)
                item.setForeground(theme.qcolor(theme.HELDOUT_CURVE if split == HELDOUT
                                                else theme.TEXT))
        if 0 <= selected < len(qa):
            table.selectRow(selected)
        self.pairs_label.setText(
            f"{len(qa.train)} pairs to learn from and {len(qa.heldout)} kept for testing "
            f"(held-out), from “{qa.name}”. Double-click a cell to change it."
        )
        current = self.current_question()
        with QSignalBlocker(self.question_box):
            self.question_box.clear()
            self.question_box.addItems(qa.questions(HELDOUT))
            self.question_box.setCurrentText(current)
        self._show_example()
        if self.comparison is None and not self._asked:
            self.ask()  # the first question, as soon as there are questions to pick from
        self.qaShown.emit(qa)

    def selected_index(self) -> int:
        rows = self.pairs_table.selectionModel().selectedRows() if self.pairs_table.selectionModel() else []
        return rows[0].row() if rows else -1

    def edit_pair(self, index: int, question: str, answer: str) -> bool:
        """Change pair number `index`; a bad change shows a dialog and changes nothing."""
        try:
            self.controller.edit_qa(index, QAPair(question, answer))
        except QAEditError as e:
            self._problem("This change cannot be made", str(e))
            if self.qa is not None:
                QTimer.singleShot(0, lambda: self._on_qa(self.qa))  # put the old text back
            return False
        return True

    def add_pair(self, question: str, answer: str, heldout: bool = False) -> bool:
        try:
            self.controller.add_qa(QAPair(question, answer), heldout=heldout)
        except QAEditError as e:
            self._problem("This pair cannot be added", str(e))
            return False
        self.pairs_table.selectRow(len(self.qa) - 1 if heldout else len(self.qa.train) - 1)
        return True

    def remove_selected(self) -> None:
        index = self.selected_index()
        if index < 0:
            self._problem("Nothing is selected", "Click a pair in the table first, then Remove.")
            return
        try:
            self.controller.remove_qa(index)
        except QAEditError as e:
            self._problem("This pair cannot be removed", str(e))

    def load_file(self, path) -> bool:
        """Load pairs from a file; a bad file shows a dialog and the pairs stay as they were."""
        try:
            self.controller.load_qa_file(path)
        except QAFileError as e:
            self._problem("This file cannot be used", str(e))
            return False
        except OSError as e:
            self._problem("This file cannot be read", str(e))
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
        path, _ = QFileDialog.getOpenFileName(self, "Load questions and answers", "", QA_FILE_FILTER)
        if path:
            self.load_file(path)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save questions and answers", "pairs.tsv",
                                              QA_FILE_FILTER)
        if not path:
            return
        try:
            self.controller.save_qa_file(path)
        except OSError as e:
            self._problem("The pairs could not be saved", str(e))

    def _problem(self, title: str, message: str) -> None:
        """A clear, non-blocking dialog (window-modal), kept in `last_problem`."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_problem = box

    # -- the mask view ----------------------------------------------------------------
    def _show_example(self) -> None:
        if self.qa is None or not len(self.qa):
            return
        index = self.selected_index()
        pair = self.qa.pair(index if index >= 0 else 0)
        on_prompt = self.prompt_check.isChecked()
        example = self.controller.sft_example(pair.question, pair.answer, on_prompt)
        if example is None:
            return
        tok = self.controller.model_tokenizer
        strings = tok.token_strings(list(example.ids))
        colours = [TRAINED_CHIP if t else MASKED_CHIP for t in example.trained]
        self.chips.set_tokens(strings, list(example.ids), highlight=[len(strings) - 1],
                              colors=colours)
        self.example = example
        learned = sum(example.trained)
        if on_prompt:
            how = "Now the question counts too (train on prompt): every token is learned."
        else:
            how = ("The question is only read: its tokens are masked out, so the model is never "
                   "taught to write questions. The answer and the end mark are learned.")
        self.mask_intro.setText(
            f"“{html.escape(pair.question)}” becomes {len(strings)} tokens in the chat format; "
            f"{learned} of them count in the loss. {how}"
        )

    # -- fine-tuning ------------------------------------------------------------------
    def start_finetune(self) -> None:
        self.controller.start_finetune(seed=0, max_steps=self.steps_spin.value(),
                                       train_on_prompt=self.prompt_check.isChecked())
        self.tabs.setCurrentIndex(3)
        self.progress.setText("Starting…")

    def _on_finetune_state(self, state: str) -> None:
        running = state == "running"
        self.finetune_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        if running:
            return
        self._redraw()
        if state == "diverged" and self.controller.latest_sft_snapshot is not None:
            self.progress.setText(self.controller.latest_sft_snapshot.message)
        if state in ("done", "stopped", "diverged") and self.controller.latest_sft_snapshot:
            # The model changed: ask again and measure again.
            self.ask()
            self.measure()
            self.tabs.setCurrentIndex(0)

    def _on_job_failed(self, title: str, message: str) -> None:
        if title == "Could not start fine-tuning":
            self.progress.setText("Fine-tuning could not start (see the message above).")

    def _redraw(self) -> None:
        history = self.controller.sft_history
        if history.version == self._sft_version:
            return
        self._sft_version = history.version
        self.train_curve.setData(np.asarray(history.steps, dtype=float),
                                 np.asarray(history.train_loss, dtype=float))
        self.heldout_curve.setData(np.asarray(history.heldout_steps, dtype=float),
                                   np.asarray(history.heldout_loss, dtype=float))
        snap = self.controller.latest_sft_snapshot
        if snap is None:
            return
        total = (self.controller.sft_run or {}).get("max_steps")
        steps = f"step {snap.step} of {total}" if total else f"step {snap.step}"
        held = history.heldout_loss[-1] if history.heldout_loss else math.nan
        words = {"running": "Fine-tuning", "done": "Done", "stopped": "Stopped",
                 "diverged": "Stopped"}
        self.progress.setText(
            f"{words.get(snap.status, snap.status)}: {steps} · {snap.elapsed:.0f} s · "
            f"test loss {held:.2f}"
        )
