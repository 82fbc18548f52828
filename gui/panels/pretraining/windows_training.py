"""The Windows panel's training parts: the loss curve with its numbers, and the controls."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.pretraining.engine_texts import ENGINE_MESSAGES, shown
from gui.panels.pretraining.numbers import decimal, integer, locale
from gui.widgets.adaptive_row import TitledBox
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.loss_plot import LossPlot

# (learning rate, its words); the words are translated where they are shown.
LEARNING_RATES = (
    (3e-4, QT_TRANSLATE_NOOP("TrainingControls", "tiny ({rate})")),
    (1e-3, QT_TRANSLATE_NOOP("TrainingControls", "small ({rate})")),
    (3e-3, QT_TRANSLATE_NOOP("TrainingControls", "usual ({rate})")),
    (1e-2, QT_TRANSLATE_NOOP("TrainingControls", "big ({rate})")),
    (1e-1, QT_TRANSLATE_NOOP("TrainingControls", "too big ({rate})")),
)
DEFAULT_LR_INDEX = 2
IDLE_TEXT = QT_TRANSLATE_NOOP("TrainingBox", "Press “Train” to keep training this model, or "
                              "“From scratch” to start again from random numbers.")
STATE_WORDS = {"running": QT_TRANSLATE_NOOP("TrainingBox", "Training"),
               "paused": QT_TRANSLATE_NOOP("TrainingBox", "Paused"),
               "stopped": QT_TRANSLATE_NOOP("TrainingBox", "Stopped"),
               "diverged": QT_TRANSLATE_NOOP("TrainingBox", "Stopped: it blew up")}


def rate_words(index: int) -> str:
    """The words for LEARNING_RATES[index] in the chosen language, its number beside."""
    rate, words = LEARNING_RATES[index]
    return translate("TrainingControls", words).format(rate=locale().toString(rate, "g", 6))


def _labelled(text: str, field: QWidget) -> QWidget:
    """A label and its field kept together on one row (the field under its label when
    the row is narrower than both: 2x text on a laptop)."""
    box = QWidget()
    row = FlowLayout(box, spacing=6, one_row_hint=True)
    label = QLabel(text)
    label.setBuddy(field)  # the label names the field for a screen reader
    row.addWidget(label)
    row.addWidget(field)
    return box


class TrainingBox(TitledBox):
    """The loss curve and one line of numbers about the training run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Training: mistakes going down"))
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        self.loss_plot = LossPlot()
        layout.addWidget(self.loss_plot, 1)
        self.train_stats = QLabel(self.tr(IDLE_TEXT))
        self.train_stats.setWordWrap(True)
        self.train_stats.setFont(theme.font(theme.SMALL_PT))
        self.train_stats.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.train_stats)
        # The chart stops growing at the page's visible height (WindowsPanel.view_sized):
        # the room left over goes under the line of numbers, not between it and the chart.
        layout.addStretch()
        # No fixed least width: TitledBox keeps the title whole, the chart its own least width.

    def show_idle(self) -> None:
        """No run on screen (a new model, or after a reset): what the buttons do."""
        self.train_stats.setText(self.tr(IDLE_TEXT))

    def show_build(self, build) -> None:
        """The chart shows how the shipped model was made (a `ShippedBuild` that is active)."""
        fields = {"steps": integer(build.final_step),
                  "tokens": decimal(build.final_tokens / 1e6, 1),
                  "minutes": integer(max(1, round(build.history.seconds / 60)))}
        loss = build.final_heldout_loss
        if loss is not None:
            fields["loss"] = decimal(loss, 2)
        if build.history.seconds > 0 and loss is not None:
            made = self.tr("<b>How the shipped model was trained:</b> {steps} steps, {tokens} M "
                           "tokens, {minutes} min (held-out loss {loss}).")
        elif loss is not None:
            made = self.tr("<b>How the shipped model was trained:</b> {steps} steps, {tokens} M "
                           "tokens (held-out loss {loss}).")
        else:
            made = self.tr("<b>How the shipped model was trained:</b> {steps} steps, {tokens} M "
                           "tokens.")
        hint = self.tr("Press “Train” to keep training it (the chart then shows your run), or "
                       "“From scratch” to start again from random numbers.")
        self.train_stats.setText(made.format(**fields) + " " + hint)

    def show_snapshot(self, snap, state: str) -> None:
        """The state, step, loss, speed and time of a training snapshot."""
        words = self.tr(STATE_WORDS[state]) if state in STATE_WORDS else state
        loss = "—" if snap.train_loss != snap.train_loss else decimal(snap.train_loss, 2)
        text = self.tr("<b>{state}</b> · step {step} · mistakes (loss) {loss} · "
                       "{speed} tokens/s · {seconds} s").format(
            state=words, step=integer(snap.step), loss=loss,
            speed=integer(round(snap.tokens_per_s)), seconds=decimal(snap.elapsed, 1))
        if snap.message:
            message = shown(ENGINE_MESSAGES, snap.message)
            text += f"<br><span style='color:{theme.WARNING_TEXT}'>{message}</span>"
        self.train_stats.setText(text)


class TrainingControls(QWidget):
    """Train, pause, one step, from scratch, the seed and the learning rate, on one row."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        training = FlowLayout(self)
        self.continue_button = QPushButton(self.tr("▶ Train"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.setToolTip(self.tr("Keep training the current model (continue)"))
        self.pause_button = QPushButton(self.tr("❚❚ Pause"))
        self.train_step_button = QPushButton(self.tr("One step"))
        self.train_step_button.setToolTip(self.tr("One training step: one small batch of windows"))
        self.scratch_button = QPushButton(self.tr("From scratch"))
        self.scratch_button.setToolTip(
            self.tr("Forget everything: start from random numbers and train"))
        for button in (self.continue_button, self.pause_button, self.train_step_button,
                       self.scratch_button):
            training.addWidget(button)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 9999)
        self.seed_spin.setMaximumWidth(100)
        self.seed_spin.setToolTip(
            self.tr("The dice roll that picks the random starting numbers (seed)"))
        training.addWidget(_labelled(self.tr("Dice roll (seed):"), self.seed_spin))
        self.lr_combo = QComboBox()
        for index in range(len(LEARNING_RATES)):
            self.lr_combo.addItem(rate_words(index))
        self.lr_combo.setCurrentIndex(DEFAULT_LR_INDEX)
        self.lr_combo.setToolTip(
            self.tr("How big each nudge to the model's numbers is (learning rate)"))
        training.addWidget(_labelled(self.tr("Nudge size (learning rate):"), self.lr_combo))

    def learning_rate(self) -> float:
        return LEARNING_RATES[self.lr_combo.currentIndex()][0]

    def set_running(self, running: bool) -> None:
        self.pause_button.setEnabled(running)
        self.continue_button.setEnabled(not running)
        self.train_step_button.setEnabled(not running)
