"""Step 5, Fine-tune: the next-word machine learns to answer questions, and to stop.

Everything drawn here comes from the engine through the controller: both models'
outputs are real generations of this session's models, the pairs are the ones the
engine trains on, the curve is the live fine-tuning loss, and the before/after table
is measured on the held-out questions by running both models on every one of them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.finetuning.decode_settings import DecodeSettings
from engine.finetuning.qa_data import HELDOUT
from gui import theme
from gui.panels.finetuning.engine_words import engine_text
from gui.panels.finetuning.finetune_tabs import (
    CHECKS,
    FinetuneCurve,
    MaskTab,
    RatesTab,
    check_cells,
)
from gui.panels.finetuning.numbers import count, number
from gui.panels.finetuning.pairs_tab import QA_FILE_FILTER, PairDialog, PairsTab
from gui.panels.finetuning.stage_card import MASKED_CHIP, STAGE_TITLES, TRAINED_CHIP, StageCard
from gui.panels.redraw import RedrawWhileShown
from gui.widgets.adaptive_row import AdaptiveRow, fit_tabs, short_tab_titles
from gui.widgets.flow_layout import FlowLayout
from workers.protocol import FineTune

DEFAULT_STEPS = 300  # as the shipped model: ~15 passes over the pairs
REDRAW_MS = 33  # ~30 Hz: the curve and the progress line, from the latest snapshot
COMPARE_KEY = "finetune"

__all__ = ["CHECKS", "MASKED_CHIP", "QA_FILE_FILTER", "STAGE_TITLES", "TRAINED_CHIP", "FinetunePanel",
           "PairDialog", "StageCard", "check_cells"]


class FinetunePanel(RedrawWhileShown, QWidget):
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
        self._sample_seed = 0
        self._asked = False  # a comparison was requested at least once
        self._sft_version = -1
        self._build()
        self._connect()
        if controller.finetuning.qa_set is not None:
            self._on_qa(controller.finetuning.qa_set)
        else:
            controller.finetuning.request_qa_set()
        if controller.model_tokenizer is not None:
            self._show_example()
        self._on_finetune_state(controller.finetuning.finetune_state)

    def first_opened(self) -> None:
        """Both models answer the question on screen, and are measured (the first time
        the panel is shown, not when the window makes it)."""
        self.ask()
        self.measure()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(6)

        # Title and buttons side by side, or stacked when the text is large (no sideways scroll).
        header = AdaptiveRow()
        titles = QVBoxLayout()
        title = QLabel(self.tr("Fine-tune: teaching it to answer"))
        title.setFont(theme.font(theme.HEADING_PT, bold=True))
        title.setWordWrap(True)
        titles.addWidget(title)
        intro = QLabel(self.tr(
            "The pre-trained model only carries text on. Here it studies questions paired with "
            "good answers (supervised fine-tuning, SFT): it learns to reply, then to stop."
        ))
        intro.setWordWrap(True)
        titles.addWidget(intro)
        header.add(titles, 1, wants_chars=24)
        actions = QVBoxLayout()
        actions.setSpacing(4)
        # Each row wraps rather than push the page sideways (2x text on a laptop).
        buttons = FlowLayout(spacing=6, one_row_hint=True)
        self.finetune_button = QPushButton(self.tr("Fine-tune the pre-trained model"))
        self.finetune_button.setProperty("primary", True)
        self.finetune_button.setToolTip(self.tr(
            "Start again from the pre-trained model and teach it the question/answer pairs"
        ))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop fine-tuning now; the model keeps what it learned so far"))
        buttons.addWidget(self.finetune_button)
        buttons.addWidget(self.stop_button)
        actions.addLayout(buttons)
        options = FlowLayout(spacing=theme.scaled(12), one_row_hint=True)
        self.prompt_check = QCheckBox(self.tr("Learn the questions too"))
        self.prompt_check.setToolTip(self.tr(
            "Normally only the answer counts in the loss and the question is masked out. "
            "Tick this to count the question too (train on prompt) and see the difference."
        ))
        options.addWidget(self.prompt_check)  # spaced: "…questions too" ran into "Steps:" at 1.75x
        steps_box = QWidget()
        steps = QHBoxLayout(steps_box)
        steps.setContentsMargins(0, 0, 0, 0)
        steps_label = QLabel(self.tr("Steps:"))
        steps.addWidget(steps_label)
        self.steps_spin = QSpinBox()
        steps_label.setBuddy(self.steps_spin)  # the label names the box for a screen reader
        self.steps_spin.setRange(10, 5000)
        self.steps_spin.setSingleStep(50)
        self.steps_spin.setValue(DEFAULT_STEPS)
        self.steps_spin.setToolTip(self.tr("How many small learning steps (16 pairs each)"))
        steps.addWidget(self.steps_spin)
        options.addWidget(steps_box)
        actions.addLayout(options)
        self.progress = QLabel("")
        self.progress.setFont(theme.font(theme.SMALL_PT))
        self.progress.setWordWrap(True)
        # The buttons set the column's width: a long progress line wraps under them instead
        # of squeezing the intro. (A fixed width measured here fell behind the text scale:
        # the tick box grows by other rules than the words, and ran into "Steps:".)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actions.addWidget(self.progress)
        actions_box = QWidget()
        actions_box.setLayout(actions)
        actions.setContentsMargins(0, 0, 0, 0)
        # As wide as its rows in one line, narrower (the rows wrapped) when it must be.
        actions_box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        # Beside the title only with its buttons in one row; under it, they wrap if they must.
        header.add(actions_box, 0, alignment=Qt.AlignmentFlag.AlignTop, natural=True)
        root.addWidget(header)

        # -- the same question to both models
        ask_box = QWidget()
        ask = QVBoxLayout(ask_box)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.setSpacing(6)
        row = AdaptiveRow(spacing=6)
        ask_label = QLabel(self.tr("<b>Ask both models:</b>"))
        row.add(ask_label)
        question_row = QHBoxLayout()
        self.question_box = QComboBox()
        ask_label.setBuddy(self.question_box)
        self.question_box.setAccessibleName(self.tr("Question for both models"))
        self.question_box.setEditable(True)
        self.question_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.question_box.lineEdit().setPlaceholderText(self.tr("Pick a test question or type your own"))
        self.question_box.setToolTip(self.tr("The questions listed were never used in fine-tuning (held-out)"))
        self.question_box.setProperty("i18nData", True)  # the questions stay English: the model is
        self.question_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # subtle: by default a combo box is as wide as its longest item, which would
        # make the whole window wider than a 1280-pixel screen.
        self.question_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.question_box.setMinimumContentsLength(14)
        question_row.addWidget(self.question_box, 1)
        self.ask_button = QPushButton(self.tr("Ask both"))
        question_row.addWidget(self.ask_button)
        row.add(question_row, 1, wants_chars=30)
        self.sample_check = QCheckBox(self.tr("Pick words by chance"))
        self.sample_check.setToolTip(self.tr(
            "Off: each model always takes its most likely next token (greedy), so the same "
            "question gets the same reply. On: it draws tokens by chance (sampling, temperature 0.7)."
        ))
        self.base_chat_check = QCheckBox(self.tr("Chat markers for both"))
        self.base_chat_check.setChecked(True)  # the same rules for both models, as in the table
        options_col = QVBoxLayout()
        options_col.setSpacing(0)
        self.base_chat_check.setToolTip(self.tr(
            "On (the fair test, as in the table below): both models get the question inside the "
            "chat markers <user> … <assistant>. Off: the pre-trained model gets the bare "
            "question, the way a next-word machine is asked. Either way both use the same "
            "settings and both stop when they write <end>."
        ))
        options_col.addWidget(self.sample_check)
        options_col.addWidget(self.base_chat_check)
        for check in (self.sample_check, self.base_chat_check):
            check.setFont(theme.font(theme.SMALL_PT))
        row.add(options_col)
        ask.addWidget(row)
        cards = QHBoxLayout()
        self.cards = {stage: StageCard(stage) for stage in STAGE_TITLES}
        for card in self.cards.values():
            cards.addWidget(card, 1)
        ask.addLayout(cards, 1)
        root.addWidget(ask_box, 3)

        # -- tabs: before/after, pairs, masks, curve
        self.rates_tab = RatesTab()
        self.rates_note, self.measure_button = self.rates_tab.rates_note, self.rates_tab.measure_button
        self.rates_table = self.rates_tab.rates_table
        self.pairs = PairsTab(self.controller)
        self.pairs_table, self.reset_button = self.pairs.pairs_table, self.pairs.reset_button
        self.edit_pair, self.add_pair = self.pairs.edit_pair, self.pairs.add_pair
        self.remove_selected, self.load_file = self.pairs.remove_selected, self.pairs.load_file
        self.selected_index = self.pairs.selected_index
        self.mask_tab = MaskTab()
        self.chips = self.mask_tab.chips
        self.plot = FinetuneCurve()
        self.train_curve, self.heldout_curve = self.plot.train_curve, self.plot.heldout_curve
        self.tabs = fit_tabs(QTabWidget())
        self.tabs.addTab(self.rates_tab, self.tr("Before / after"))
        self.tabs.addTab(self.pairs, self.tr("The examples (Q&&A pairs)"))
        self.tabs.addTab(self.mask_tab, self.tr("What is learned (masks)"))
        self.tabs.addTab(self.plot, self.tr("Learning curve (loss)"))
        short_tab_titles(self.tabs, [self.tr("Before/after"), self.tr("Examples"),
                                     self.tr("Masks"), self.tr("Loss curve")])
        self.tabs.tabBar().setAccessibleName(self.tr("Views of fine-tuning"))
        root.addWidget(self.tabs, 2)

        self._make_redraw_timer(REDRAW_MS)

    def _connect(self) -> None:
        c = self.controller
        c.finetuning.qaSetChanged.connect(self._on_qa)
        c.finetuning.comparisonReady.connect(self._on_comparison)
        c.finetuning.answerRatesReady.connect(self._on_rates)
        c.finetuning.finetuneStateChanged.connect(self._on_finetune_state)
        c.modelTokenizerChanged.connect(lambda _tok: self._show_example())
        c.commandFailed.connect(self._on_command_failed)
        self.finetune_button.clicked.connect(self.start_finetune)
        self.stop_button.clicked.connect(c.finetuning.stop_finetune)
        self.ask_button.clicked.connect(lambda: self.ask())
        self.question_box.lineEdit().returnPressed.connect(lambda: self.ask())
        self.question_box.activated.connect(lambda _i: self.ask())
        self.measure_button.clicked.connect(self.measure)
        self.prompt_check.toggled.connect(lambda _on: self._show_example())
        self.pairs_table.itemSelectionChanged.connect(self._show_example)
        self.redraw_timer.timeout.connect(self._redraw)
        self.redraw_timer.start()

    # -- life cycle (see gui/panels/__init__.py) ------------------------------------------
    def forget_results(self) -> None:
        """The models on screen are gone (reset, another session): no old answers, no old
        run's progress, no old measurements."""
        self.comparison = self.rates = None
        self._sft_version = -1
        self.progress.setText("")
        for card in self.cards.values():
            card.show_note(self.tr("Press “Ask both” to put the question to this model."))
        self.rates_tab.clear()

    def tour_part(self, name: str) -> list:
        """What a tour step is about: both models' answers, or the tabs (curve, table)."""
        if name == "answers":  # the answers and their checks (the cards' headings may go)
            return [w for card in self.cards.values() for w in (card.text, card.verdict)]
        return {"tabs": [self.tabs]}.get(name, [])

    def view_sized(self) -> list:
        """The tabs (the learning curve, the tables) seen whole in the page's visible
        height (gui/widgets/view_height.py)."""
        return [(self.tabs, [])]

    def is_ready(self) -> bool:
        return self.comparison is not None and self.rates is not None and self.qa is not None

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
        self._show_question_start()
        self._asked = True
        if self.sample_check.isChecked():
            self._sample_seed += 1
        for card in self.cards.values():
            card.show_note(self.tr("Writing…"))
        settings, base_chat = self.current_settings(), self.base_chat_check.isChecked()
        # While fine-tuning runs the fine-tuned model is half made: ask when it finishes.
        self.controller.gate.request("compare-finetune", lambda: self.controller.finetuning.request_comparison(
            question, settings, base_chat=base_chat, key=COMPARE_KEY), policy="queue")

    def _show_question_start(self) -> None:
        # subtle: a question set from code leaves the cursor at its end, so a box narrower
        # than the question shows its last words ("'here does the owl…"); unless someone
        # is typing in it, show how the question starts.
        line = self.question_box.lineEdit()
        if not line.hasFocus():
            line.setCursorPosition(0)

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
        self.rates_note.setText(self.tr("Measuring both models on the test questions…"))
        self.controller.finetuning.request_answer_rates(DecodeSettings())

    def _on_rates(self, rates) -> None:
        self.rates = rates
        self.rates_tab.show_rates(rates, tuple(self.qa.subjects()) if self.qa is not None else ())
        self.ratesShown.emit(rates)

    # -- the pairs --------------------------------------------------------------------
    def _on_qa(self, qa) -> None:
        self.qa = qa
        self.pairs.show_qa(qa)
        current = self.current_question()
        with QSignalBlocker(self.question_box):
            self.question_box.clear()
            self.question_box.addItems(qa.questions(HELDOUT))
            self.question_box.setCurrentText(current)
        self._show_question_start()
        self._show_example()
        if self.comparison is None and not self._asked and getattr(self, "_opened", False):
            # The first question, as soon as there are questions to pick from; only once
            # the panel was opened (made hidden at launch, it had both models write while
            # the person's first thumbs click waited behind them: 1.2 s).
            self.ask()
        self.qaShown.emit(qa)

    @property
    def last_problem(self) -> QMessageBox | None:
        """The latest error dialog about the pairs (tests read it)."""
        return self.pairs.last_problem

    # -- the mask view ----------------------------------------------------------------
    def _show_example(self) -> None:
        if self.qa is None or not len(self.qa):
            return
        index = self.selected_index()
        pair = self.qa.pair(index if index >= 0 else 0)
        on_prompt = self.prompt_check.isChecked()
        example = self.controller.finetuning.sft_example(pair.question, pair.answer, on_prompt)
        if example is None:
            return
        tok = self.controller.model_tokenizer
        strings = tok.token_strings(list(example.ids))
        self.mask_tab.show_example(pair.question, strings, example, on_prompt)
        self.example = example

    # -- fine-tuning ------------------------------------------------------------------
    def start_finetune(self) -> None:
        """Fine-tune (asking first if another job is running: controller.gate)."""
        self.controller.gate.request("fine-tune", self._start_finetune_now)

    def _start_finetune_now(self) -> None:
        self.controller.finetuning.start_finetune(seed=0, max_steps=self.steps_spin.value(),
                                       train_on_prompt=self.prompt_check.isChecked())
        self.tabs.setCurrentIndex(3)
        self.progress.setText(self.tr("Starting…"))

    def _on_finetune_state(self, state: str) -> None:
        running = state == "running"
        self.finetune_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        if running:
            return
        self._redraw()
        if state == "diverged" and self.controller.finetuning.latest_sft_snapshot is not None:
            self.progress.setText(engine_text(self.controller.finetuning.latest_sft_snapshot.message))
        if state in ("done", "stopped", "diverged") and self.controller.finetuning.latest_sft_snapshot:
            # The model changed: ask again and measure again.
            self.ask()
            self.measure()
            self.tabs.setCurrentIndex(0)

    def show_learning_curve(self) -> None:
        """Bring the learning curve's tab forward (the tour's fine-tune step ends on it:
        its caption is about the curve, while the panel itself turns to the table)."""
        self.tabs.setCurrentWidget(self.plot)

    def _on_command_failed(self, failure) -> None:
        if failure.is_about(FineTune):
            self.progress.setText(self.tr("Fine-tuning could not start (see the message above)."))

    def _redraw(self) -> None:
        history = self.controller.finetuning.sft_history
        if history.version == self._sft_version:
            return
        self._sft_version = history.version
        self.plot.show_history(history)
        snap = self.controller.finetuning.latest_sft_snapshot
        if snap is None:
            return
        total = (self.controller.finetuning.sft_run or {}).get("max_steps")
        steps = (self.tr("step {step} of {total}").format(step=count(snap.step), total=count(total))
                 if total else self.tr("step {step}").format(step=count(snap.step)))
        held = history.heldout_loss[-1] if history.heldout_loss else math.nan
        words = {"running": self.tr("Fine-tuning"), "done": self.tr("Done"),
                 "stopped": self.tr("Stopped"), "diverged": self.tr("Stopped")}
        self.progress.setText(self.tr("{state}: {steps} · {seconds} s · test loss {loss}").format(
            state=words.get(snap.status, snap.status), steps=steps,
            seconds=number(snap.elapsed, 0), loss=number(held, 2)))
