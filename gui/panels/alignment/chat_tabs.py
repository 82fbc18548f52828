"""The chat panel's lower tabs: the judgements so far, a biased judge, the three stages."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.alignment.judge_words import JudgeWords
from gui.panels.finetuning.engine_words import engine_text
from gui.panels.finetuning.numbers import count, number, p_value, percent, plural
from gui.stylesheet import set_style
from gui.widgets.answer_card import small_label
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.prob_bars import ProbabilityBars

HISTORY_LIMIT = 300
# (label for people, ranker spec with {word}, needs a word); labels translated where shown
# (translate("JudgeTab", label)).
JUDGES = (
    (QT_TRANSLATE_NOOP("JudgeTab", "always prefers answers that mention the word"),
     "prefers-word:{word}", True),
    (QT_TRANSLATE_NOOP("JudgeTab", "always prefers answers WITHOUT the word"),
     "reversed:prefers-word:{word}", True),
    (QT_TRANSLATE_NOOP("JudgeTab", "always prefers the shorter answer"), "prefers-shorter", False),
    (QT_TRANSLATE_NOOP("JudgeTab", "always prefers the longer answer"), "prefers-longer", False),
    (QT_TRANSLATE_NOOP("JudgeTab", "picks at random (no taste at all)"), "random", False),
)


def short(text: str, n: int = 60) -> str:
    """`text` on one line, cut to `n` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class LowerTabs(QTabWidget):
    """The tabs under the chat: they take the room the answers and charts leave, and ask
    for their least height only (a long list of judgements does not make the page taller).

    subtle: not a vertically Ignored size policy: a layout counts such a widget as 0 px
    tall in its height for a width, but at its minimum in its least size, so a page sized
    by the one was too short for the other; the answers above then squeezed the charts
    below their least height (and every new answer moved them, an 8-chart redraw).
    """

    LEAST_HEIGHT = 150

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.LEAST_HEIGHT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # (a layout takes the larger of the two as the tabs' preferred height)
        return QSize(super().minimumSizeHint().width(), self.LEAST_HEIGHT)


class HistoryTab(QWidget):
    """The judgements sent so far, newest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.history = QListWidget()
        self.history.setFont(theme.font(theme.SMALL_PT))
        self.history.setAccessibleName(self.tr("Your judgements, newest first"))
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.history)

    def add(self, text: str) -> None:
        self.history.insertItem(0, QListWidgetItem(text))
        while self.history.count() > HISTORY_LIMIT:
            self.history.takeItem(self.history.count() - 1)


class JudgeTab(QWidget):
    """A scripted judge with a bias clicks for the person; the result is measured."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(small_label(self.tr(
            "Real judges have tastes and biases. Here an automatic judge (a scripted ranker) "
            "clicks for you. Whatever it rewards, the model learns, bias included: watch the "
            "charts drift."), muted=False))
        row_widget = QWidget()
        row = FlowLayout(row_widget, spacing=6)
        row.addWidget(QLabel(self.tr("A judge that")))
        self.judge_combo = QComboBox()
        self.judge_combo.setAccessibleName(self.tr("What the judge prefers"))
        for label, _, _ in JUDGES:
            self.judge_combo.addItem(translate("JudgeTab", label))
        # Not as wide as its longest choice: at large text that would scroll the page sideways.
        self.judge_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.judge_combo.setMinimumContentsLength(18)
        row.addWidget(self.judge_combo)
        self.word_edit = QLineEdit("sea")
        self.word_edit.setMaximumWidth(110)
        self.word_edit.setToolTip(self.tr("The word this judge is biased for (or against); an "
                                          "English word, as the model is English"))
        self.word_edit.setAccessibleName(self.tr("The judge's word"))
        row.addWidget(self.word_edit)
        row.addWidget(QLabel(self.tr("for")))
        self.clicks_spin = QSpinBox()
        self.clicks_spin.setRange(1, 200)
        self.clicks_spin.setAccessibleName(self.tr("How many times the judge clicks"))
        self.clicks_spin.setValue(30)
        self.clicks_spin.setSuffix(self.tr(" clicks"))
        row.addWidget(self.clicks_spin)
        self.run_button = QPushButton(self.tr("▶ Let it judge"))
        self.run_button.setProperty("primary", True)
        self.stop_button = QPushButton(self.tr("■ Stop"))
        self.stop_button.setEnabled(False)
        row.addWidget(self.run_button)
        row.addWidget(self.stop_button)
        layout.addWidget(row_widget)
        self.judge_result = small_label("", muted=False)
        self.judge_result.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.judge_result, 1)
        self.judge_combo.currentIndexChanged.connect(
            lambda index: self.word_edit.setEnabled(JUDGES[index][2]))

    def show_ranker_state(self, state: str, info: dict) -> None:
        """The buttons and the measured result (before → after) of the scripted judge."""
        running = state == "running"
        self.run_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        before = info.get("before")
        words = JudgeWords()
        trait = words.trait(info.get("trait", "")) or self.tr("answers")
        if running:
            rate = percent(before.trait_rate) if before is not None else "?"
            n = before.n if before else 0
            self.judge_result.setText(plural(self.tr(
                "Before: <b>{rate}</b> of {trait} (on %n answer(s) to questions it never trained "
                "on). The judge is clicking…", "", n), n).format(
                    rate=rate, trait=_html(trait)))
            return
        after = info.get("after")
        test = info.get("before_after")
        if before is not None and after is not None:
            p = info.get("p_value", 1.0)
            verdict = (self.tr("far more than chance could explain") if p < 0.01
                       else self.tr("within what chance alone could give"))
            cost = ""
            if test is not None:
                q, loss = test.non_word_share, test.reference_loss
                cost = " " + self.tr(
                    "What it cost: made-up words <b>{before}</b> → <b>{after}</b> (p = {p}); the "
                    "fine-tuned model's loss on the answers <b>{loss_before}</b> → "
                    "<b>{loss_after}</b> nats/token (p = {loss_p}).").format(
                        before=percent(q.before), after=percent(q.after), p=p_value(q.p_value),
                        loss_before=number(loss.before, 2), loss_after=number(loss.after, 2),
                        loss_p=p_value(loss.p_value))
            result = plural(self.tr(
                "{trait}, on %n answer(s) to questions it never trained on: <b>{before}</b> before "
                "→ <b>{after}</b> after {clicks} clicks, {learned} of which changed the model "
                "(p = {p}: {verdict}).", "", after.n), after.n).format(
                    trait=_html(_cap(trait)), before=percent(before.trait_rate),
                    after=percent(after.trait_rate), clicks=count(info.get("done", 0)),
                    learned=count(info.get("learned", 0)), p=p_value(p), verdict=verdict)
            length = self.tr("Answer length {before} → {after} tokens.").format(
                before=number(before.mean_length, 1), after=number(after.mean_length, 1))
            self.judge_result.setText(f"{result}{cost} {length}")
            if test is not None:
                self.judge_result.setToolTip(self.tr(
                    "p-values: {test}. The answers to one question are alike, so the test pairs "
                    "each question's share before with its share after, and asks how often chance "
                    "(swapping before and after, question by question) gives a change as large."
                ).format(test=words.test(test.test)))


class GuessBars(ProbabilityBars):
    """Probability bars without a "real next token" to check against, as tall as their
    rows (the stage's answer goes right under them, not at the bottom of the tab)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def show_guesses(self, tokens, probs) -> None:
        self._tokens = tuple(tokens)
        self._probs = tuple(float(p) for p in probs)
        self._target_row = None
        self._note = ""
        self.describe()
        self.update()


class StageColumn(QFrame):
    """One stage of the comparison strip: its first-token guesses and a sample answer."""

    def __init__(self, title: str, stage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.heading = QLabel(title)
        self.heading.setFont(theme.font(theme.SMALL_PT, bold=True))
        self.heading.setWordWrap(True)
        set_style(self.heading, stage=stage)
        layout.addWidget(self.heading)
        self.bars = GuessBars()
        self.bars.set_message(self.tr("Press “Compare”."))
        layout.addWidget(self.bars)
        self.sample = small_label("", muted=False)
        self.sample.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample.setProperty("i18nData", True)  # "It wrote:" and the model's (English) answer
        layout.addWidget(self.sample)
        # Room left over goes under the answer, not between the guesses and the answer
        # (the tour's last step shows a column from its heading to its answer).
        layout.addStretch(1)

    def clear(self) -> None:
        """Nothing asked yet (or the models changed since)."""
        self.heading.setText(self.title)
        self.bars.set_message(self.tr("Press “Compare”."))
        self.sample.setText("")
        self.sample.setToolTip("")
        self.setToolTip("")

    def show_view(self, view) -> None:
        self.setToolTip(self.tr("Where this model comes from: {origin}").format(
            origin=engine_text(view.origin)) if view.origin else "")
        if view.stage == "aligned" and view.origin:
            self.heading.setText(self.tr("Aligned (shipped example)") if view.origin.startswith("shipped")
                                 else self.tr("Aligned (your judgements)"))
        if view.next_token is None:
            self.bars.set_message(engine_text(view.problem) or self.tr("No model for this stage yet."))
            self.sample.setText("")
            return
        d = view.next_token
        self.bars.show_guesses(d.tokens, d.probs)
        g = view.answer
        text = short(g.text, 70) if g.text else self.tr("(nothing)")
        end = "" if g.ended or text.endswith("…") else " …"
        self.sample.setText(self.tr("<b>It wrote:</b> {answer}").format(answer=_html(text) + end))
        self.sample.setToolTip(g.text)


class StripTab(QWidget):
    """The question to the model at each stage, side by side."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(small_label(self.tr("The question above, word for word, to the model at each "
                                          "stage: its guesses for the first word, and one answer."),
                                  muted=False), 1)
        self.strip_button = QPushButton(self.tr("Compare"))
        self.strip_button.setToolTip(self.tr("Ask the question above to all three models"))
        row.addWidget(self.strip_button)
        layout.addLayout(row)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.columns = {
            "pre-trained": StageColumn(self.tr("Pre-trained (continues text)"), "pre-trained"),
            "fine-tuned": StageColumn(self.tr("Fine-tuned (answers)"), "fine-tuned"),
            "aligned": StageColumn(self.tr("Aligned"), "aligned"),
        }
        for i, col in enumerate(self.columns.values()):
            grid.addWidget(col, 0, i)
            grid.setColumnStretch(i, 1)
        layout.addLayout(grid, 1)

    def show_views(self, views) -> None:
        for view in views:
            col = self.columns.get(view.stage)
            if col is not None:
                col.show_view(view)
