"""The Windows panel's training parts: the loss curve with its numbers, and the controls."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.loss_plot import LossPlot

LEARNING_RATES = (
    (3e-4, "tiny (0.0003)"),
    (1e-3, "small (0.001)"),
    (3e-3, "usual (0.003)"),
    (1e-2, "big (0.01)"),
    (1e-1, "too big (0.1)"),
)
DEFAULT_LR_INDEX = 2
IDLE_TEXT = ("Press “Train” to keep training this model, or “From scratch” to start again "
             "from random numbers.")
STATE_WORDS = {"running": "Training", "paused": "Paused", "stopped": "Stopped",
               "diverged": "Stopped: it blew up"}


def _labelled(text: str, field: QWidget) -> QWidget:
    """A label and its field kept together on one row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(text))
    row.addWidget(field)
    return box


class TrainingBox(QGroupBox):
    """The loss curve and one line of numbers about the training run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Training: mistakes going down", parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        self.loss_plot = LossPlot()
        layout.addWidget(self.loss_plot, 1)
        self.train_stats = QLabel(IDLE_TEXT)
        self.train_stats.setWordWrap(True)
        self.train_stats.setFont(theme.font(theme.SMALL_PT))
        self.train_stats.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.train_stats)
        self.setMinimumWidth(300)

    def show_idle(self) -> None:
        """No run on screen (a new model, or after a reset): what the buttons do."""
        self.train_stats.setText(IDLE_TEXT)

    def show_build(self, build) -> None:
        """The chart shows how the shipped model was made (a `ShippedBuild` that is active)."""
        locale = QLocale()
        fields = {"steps": locale.toString(build.final_step),
                  "tokens": locale.toString(build.final_tokens / 1e6, "f", 1),
                  "minutes": locale.toString(max(1, round(build.history.seconds / 60)))}
        loss = build.final_heldout_loss
        if loss is not None:
            fields["loss"] = locale.toString(loss, "f", 2)
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
        words = STATE_WORDS.get(state, state)
        loss = "—" if snap.train_loss != snap.train_loss else f"{snap.train_loss:.2f}"
        text = (f"<b>{words}</b> · step {snap.step:,} · mistakes (loss) {loss} · "
                f"{snap.tokens_per_s:,.0f} tokens/s · {snap.elapsed:.1f} s")
        if snap.message:
            text += f"<br><span style='color:{theme.WARNING_TEXT}'>{snap.message}</span>"
        self.train_stats.setText(text)


class TrainingControls(QWidget):
    """Train, pause, one step, from scratch, the seed and the learning rate, on one row."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        training = FlowLayout(self)
        self.continue_button = QPushButton("▶ Train")
        self.continue_button.setProperty("primary", True)
        self.continue_button.setToolTip("Keep training the current model (continue)")
        self.pause_button = QPushButton("❚❚ Pause")
        self.train_step_button = QPushButton("One step")
        self.train_step_button.setToolTip("One training step: one small batch of windows")
        self.scratch_button = QPushButton("From scratch")
        self.scratch_button.setToolTip("Forget everything: start from random numbers and train")
        for button in (self.continue_button, self.pause_button, self.train_step_button,
                       self.scratch_button):
            training.addWidget(button)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 9999)
        self.seed_spin.setMaximumWidth(100)
        self.seed_spin.setToolTip("The dice roll that picks the random starting numbers (seed)")
        training.addWidget(_labelled("Dice roll (seed):", self.seed_spin))
        self.lr_combo = QComboBox()
        for _, label in LEARNING_RATES:
            self.lr_combo.addItem(label)
        self.lr_combo.setCurrentIndex(DEFAULT_LR_INDEX)
        self.lr_combo.setToolTip("How big each nudge to the model's numbers is (learning rate)")
        training.addWidget(_labelled("Nudge size (learning rate):", self.lr_combo))

    def learning_rate(self) -> float:
        return LEARNING_RATES[self.lr_combo.currentIndex()][0]

    def set_running(self, running: bool) -> None:
        self.pause_button.setEnabled(running)
        self.continue_button.setEnabled(not running)
        self.train_step_button.setEnabled(not running)
