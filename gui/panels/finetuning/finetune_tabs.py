"""The fine-tune panel's measuring tabs: before/after counts, the masks, the loss curve."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.finetuning.engine_words import engine_text, stage_name
from gui.panels.finetuning.numbers import count, percent, plural
from gui.panels.finetuning.stage_card import MASKED_CHIP, TRAINED_CHIP
from gui.widgets.chart_summary import describe_chart, loss_summary
from gui.widgets.loss_plot import MIN_LINES, chart_height, style_loss_axes
from gui.widgets.plot_menus import own_plot_menus
from gui.widgets.token_chips import TokenChips

theme.configure_pyqtgraph()

CONTEXT = "FinetuneChecks"  # the checks' words, shown in this table and in the tour
# Rows of the before/after table: (label for people, what it counts). The labels are
# English here (data); translate(CONTEXT, label) where they are shown.
CHECKS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("FinetuneChecks", "Stops by itself (writes <end>)"), "stops"),
    (QT_TRANSLATE_NOOP("FinetuneChecks", "Asks nothing back (no “?”)"), "asks_nothing_back"),
    (QT_TRANSLATE_NOOP("FinetuneChecks", "Stays on topic (shares a word)"), "on_topic"),
    (QT_TRANSLATE_NOOP("FinetuneChecks", "Correct (has the reference's key words)"), "correct"),
    (QT_TRANSLATE_NOOP("FinetuneChecks", "Made-up words (not in the training text)"), "non_words"),
)
CHECK_TIPS = {
    "stops": QT_TRANSLATE_NOOP("FinetuneChecks",
                               "The model wrote the <end> token by itself before the token limit."),
    "asks_nothing_back": QT_TRANSLATE_NOOP("FinetuneChecks",
                                           "There is no question mark in what it wrote."),
    "on_topic": QT_TRANSLATE_NOOP("FinetuneChecks", "It shares a content word with the question, "
                                  "or a word of the same word group."),
    "correct": QT_TRANSLATE_NOOP("FinetuneChecks",
                                 "Its first sentence has at least half (rounded up) of the reference "
                                 "answer's key words: the content words of the reference that the "
                                 "question does not already contain (plurals folded). A check on "
                                 "words, not on meaning."),
    "non_words": QT_TRANSLATE_NOOP("FinetuneChecks",
                                   "Words it wrote that occur nowhere in the training text (the books "
                                   "and the training pairs), out of all the words it wrote."),
}


def _share(n: int, total: int) -> str:
    if not total:
        return "—"
    return translate("FinetuneChecks", "{count} of {total}  ({share})").format(
        count=count(n), total=count(total), share=percent(n / total))


def check_cells(report) -> dict[str, str]:
    """The table's text for each check, from an AnswerReport."""
    cells = {key: _share(report.count(key), report.total)
             for key in ("stops", "asks_nothing_back", "on_topic")}
    cells["correct"] = _share(report.count("correct"), report.graded)
    cells["non_words"] = (translate("FinetuneChecks", "{count} of {total} words  ({share})").format(
        count=count(report.non_words), total=count(report.words),
        share=percent(report.non_word_share)) if report.words else "—")
    return cells


class RatesTab(QWidget):
    """How many held-out answers pass each check, before and after fine-tuning."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.rates_note = QLabel(self.tr("Measuring both models on the test questions…"))
        self.rates_note.setWordWrap(True)
        top.addWidget(self.rates_note, 1)
        self.measure_button = QPushButton(self.tr("Measure again"))
        self.measure_button.setToolTip(self.tr("Ask both models every held-out question and count the answers"))
        top.addWidget(self.measure_button)
        layout.addLayout(top)
        self.rates_table = QTableWidget(len(CHECKS), 2)
        self.rates_table.setHorizontalHeaderLabels([self.tr("Before (pre-trained)"), self.tr("After (fine-tuned)")])
        self.rates_table.setVerticalHeaderLabels([translate(CONTEXT, label) for label, _ in CHECKS])
        self.rates_table.setAccessibleName(self.tr("Checks passed before and after fine-tuning"))
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates_table.setToolTip(self.tr(
            "Each row is one rule, checked on every answer to a held-out question. The first "
            "three are about the shape of an answer; 'correct' compares it with the reference "
            "answer's key words; made-up words are words found nowhere in the training text."
        ))
        for r in range(len(CHECKS)):
            for c in range(2):
                item = QTableWidgetItem("…")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.rates_table.setItem(r, c, item)
        layout.addWidget(self.rates_table, 1)

    def clear(self) -> None:
        """No measurement of the models now on screen yet."""
        for r in range(self.rates_table.rowCount()):
            for c in range(self.rates_table.columnCount()):
                self.rates_table.item(r, c).setText("…")
        self.rates_note.setText(self.tr("Press “Measure again” to test both models on the held-out questions."))

    def show_rates(self, rates, subjects: tuple[str, ...] = ()) -> None:
        """Fill the table from StageRates; `subjects`: the held-out subjects, to name them."""
        for c, stage in enumerate(("pre-trained", "fine-tuned")):
            rate = rates.rates.get(stage)
            cells = check_cells(rate) if rate is not None else {}
            for r, (_, key) in enumerate(CHECKS):
                item = self.rates_table.item(r, c)
                item.setText(cells[key] if rate is not None else self.tr("no model yet"))
                item.setToolTip(translate(CONTEXT, CHECK_TIPS[key]))
                item.setFont(theme.font(theme.BASE_PT, bold=key == "correct"))
        n = len(rates.questions)
        origins = "; ".join(f"{stage_name(stage)}: {engine_text(origin)}"
                            for stage, origin in rates.origins.items())
        if subjects:
            # The subjects are the pairs' own words (English, as the model is).
            note = self.tr("%n test question(s) about subjects never used for training "
                           "(held-out: {subjects}); both models asked the same way, in the chat "
                           "format, most likely token each time, both stop at <end>.", "", n)
        else:
            note = self.tr("%n test question(s) about subjects never used for training "
                           "(held-out); both models asked the same way, in the chat format, most "
                           "likely token each time, both stop at <end>.", "", n)
        self.rates_note.setText(plural(note, n).format(subjects=", ".join(subjects)))
        self.rates_note.setToolTip(self.tr("Models: {origins}.").format(origins=origins))


class MaskTab(QScrollArea):
    """One pair's tokens, coloured by whether they count in the loss."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)  # long examples wrap onto more rows: scroll rather than grow
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        tab = QWidget()
        self.setWidget(tab)
        layout = QVBoxLayout(tab)
        self.mask_intro = QLabel("")
        self.mask_intro.setWordWrap(True)
        layout.addWidget(self.mask_intro)
        self.chips = TokenChips(point_size=theme.BASE_PT)
        self.chips.set_placeholder(self.tr("Pick a pair in “The examples” to see its tokens."))
        layout.addWidget(self.chips)
        legend = QLabel(self.tr(
            "<span style='background:{grey}; color:black'>&nbsp;grey&nbsp;</span> read but not "
            "learned (masked out of the loss: label −100) &nbsp;&nbsp; "
            "<span style='background:{green}; color:white'>&nbsp;green&nbsp;</span> "
            "learned: the model is scored on guessing these (in the loss)"
        ).format(grey=MASKED_CHIP, green=TRAINED_CHIP))
        legend.setWordWrap(True)
        legend.setFont(theme.font(theme.SMALL_PT))
        layout.addWidget(legend)
        layout.addStretch(1)

    def show_example(self, question: str, strings: list[str], example, on_prompt: bool) -> None:
        """Draw an SFT example's tokens (`strings`) and say how many are learned."""
        colours = [TRAINED_CHIP if t else MASKED_CHIP for t in example.trained]
        self.chips.set_tokens(strings, list(example.ids), highlight=[len(strings) - 1],
                              colors=colours)
        learned = sum(example.trained)
        if on_prompt:
            how = self.tr("Now the question counts too (train on prompt): every token is learned.")
        else:
            how = self.tr("The question is only read: its tokens are masked out, so the model is "
                          "never taught to write questions. The answer and the end mark are learned.")
        self.mask_intro.setText(plural(self.tr(
            "“{question}” becomes %n token(s) in the chat format; {learned} of them count in the "
            "loss. {how}", "", len(strings)), len(strings)).format(
                question=html.escape(question), learned=count(learned), how=how))


class FinetuneCurve(pg.PlotWidget):
    """The fine-tuning loss on the training pairs and on the held-out pairs."""

    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)  # no context menu, as every loss chart
        own_plot_menus(self)
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        style_loss_axes(item, self.tr("fine-tuning steps"))
        self.train_curve = item.plot([], [], pen=pg.mkPen(theme.TRAIN_CURVE, width=2),
                                     name=self.tr("on the training pairs"))
        self.heldout_curve = item.plot(
            [], [], pen=pg.mkPen(theme.HELDOUT_CURVE, width=3), symbol="o", symbolSize=7,
            symbolBrush=theme.HELDOUT_CURVE, symbolPen=None, name=self.tr("on the test pairs (held-out)"),
        )
        self.describe([], [])

    def describe(self, train_loss, heldout_loss) -> None:
        """Say in words what the curves show (screen readers; the tooltip)."""
        describe_chart(self, self.tr("Fine-tuning loss chart"), loss_summary(train_loss, heldout_loss),
                       tooltip=True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, chart_height(MIN_LINES))  # follows the text scale, as LossPlot's

    def show_history(self, history) -> None:
        self.train_curve.setData(np.asarray(history.steps, dtype=float),
                                 np.asarray(history.train_loss, dtype=float))
        self.heldout_curve.setData(np.asarray(history.heldout_steps, dtype=float),
                                   np.asarray(history.heldout_loss, dtype=float))
        self.describe(history.train_loss, history.heldout_loss)
