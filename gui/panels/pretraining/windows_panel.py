"""Step 3, Windows: a window slides over real text and the live model guesses what comes next.

Everything drawn here comes from the engine through the controller: the passage is a
real piece of the training data in the model's own tokens, the guesses are the live
model's, and training runs in the engine worker while the window keeps moving.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.bridge.shipped_build import ShippedBuild
from gui.panels.pretraining.inside_view import LookInsideDialog
from gui.panels.pretraining.windows_stepping import TOP_K, WindowStepping
from gui.panels.pretraining.windows_training import LEARNING_RATES, TrainingBox, TrainingControls
from gui.widgets.adaptive_row import AdaptiveRow, TitledBox
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.prob_bars import ProbabilityBars
from gui.widgets.token_strip import TokenStrip

CAT_SENTENCE = "The cat sat on a mat and enjoyed the wind"
PASSAGE_TOKENS = 32
REDRAW_MS = 33  # ~30 Hz: the loss curve and numbers, from the latest snapshot
LOSS_PLOT_MIN_S = 0.2  # the loss curve itself at most 5 times a second (see _redraw)
PROBE_WHILE_TRAINING_MS = 400  # re-ask the current window's guesses while the model learns


class WindowsPanel(WindowStepping, QWidget):
    """The sliding-window animator, the model's guesses and live training.

    Public methods for the tour: show_cat_sentence(), set_playing(), open_look_inside().

    Signals:
        windowChanged(int, int): the window moved (start, k).
        guessesShown(object): the NextTokenDistribution now drawn in the bars.
    """

    windowChanged = Signal(int, int)
    guessesShown = Signal(object)

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        # What the strip shows, one chip per unit: a model token (real passages) or a
        # whole word (the article's example, where each word counts as one token).
        self.units: list[str] = []
        self.unit_ids: list[tuple[int, ...]] = []  # the model's token ids of each unit
        self.word_mode = False
        self.windows: list = []  # engine.pretraining.windows.SlidingWindow over unit indices
        self.position = 0
        self.distribution = None  # the NextTokenDistribution drawn now
        self._waiting_for_passage = False
        self._snapshot_dirty = False
        self._tokenizer = None  # the tokenizer self.token_ids were made with
        self.inside_dialog: LookInsideDialog | None = None  # "Look inside…", made when opened
        self.build = ShippedBuild.for_controller(controller)  # how the shipped model was made
        self._build()
        self._connect()
        if controller.model_tokenizer is not None:
            self._on_model_tokenizer(controller.model_tokenizer)
        self._on_training_state(controller.pretraining.training_state)

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(8)

        title = QLabel(self.tr("Windows: learning by guessing the next token"))
        title.setFont(theme.font(theme.HEADING_PT, bold=True))
        title.setWordWrap(True)  # at 2x text it wraps instead of widening the page
        root.addWidget(title)
        window, target = self.tr("window"), self.tr("target")
        intro = QLabel(self.tr(
            "The model reads a few tokens (the {window}) and guesses the next one (the {target}). "
            "Each wrong guess nudges its numbers a little: that is training.").format(
            window=f"<b style='background:{theme.WINDOW}; color:{theme.ink_on(theme.WINDOW)}'>&nbsp;{window}&nbsp;</b>",
            target=f"<b style='background:{theme.TARGET}; color:{theme.ink_on(theme.TARGET)}'>&nbsp;{target}&nbsp;</b>"))
        intro.setWordWrap(True)
        # The intro and its buttons side by side, or the buttons under it at large text.
        header = AdaptiveRow(spacing=8)
        header.add(intro, 1, wants_chars=24)
        top = FlowLayout(spacing=6, one_row_hint=True)  # the buttons wrap at 1.5x on a laptop
        self.passage_button = QPushButton(self.tr("New passage"))
        self.passage_button.setToolTip(self.tr("Another real piece of the training text"))
        self.cat_button = QPushButton("“The cat sat on a mat…”")  # the model's English example
        self.cat_button.setToolTip(self.tr("The example sentence: “{sentence}”").format(
            sentence=CAT_SENTENCE))
        top.addWidget(self.passage_button)
        top.addWidget(self.cat_button)
        self.inside_button = QPushButton(self.tr("Look inside…"))
        self.inside_button.setToolTip(self.tr("What the model attends to, how its guess forms "
                                              "layer by layer, and where its numbers live"))
        top.addWidget(self.inside_button)
        header.add(top)
        root.addWidget(header)

        self.strip = TokenStrip()
        root.addWidget(self.strip)
        self.unit_note = QLabel(self.tr(
            "Here each word counts as one token, as in the article. The model itself reads "
            "word pieces (tokens), so it is asked for the first piece of the next word."
        ))
        self.unit_note.setWordWrap(True)
        self.unit_note.setFont(theme.font(theme.SMALL_PT))
        self.unit_note.setProperty("role", "muted")
        self.unit_note.hide()
        root.addWidget(self.unit_note)

        # -- the animator controls
        # In one row while it fits, else wrapped (1.5x on a laptop): each label with its field.
        controls = FlowLayout(spacing=8, one_row_hint=True)
        k_box = QWidget()
        k_pair = QHBoxLayout(k_box)
        k_pair.setContentsMargins(0, 0, 0, 0)
        k_label = QLabel(self.tr("Window size (k):"))
        k_pair.addWidget(k_label)
        self.k_spin = QSpinBox()
        k_label.setBuddy(self.k_spin)  # the label names the box for a screen reader
        self.k_spin.setRange(1, 12)
        self.k_spin.setValue(4)
        self.k_spin.setToolTip(self.tr("How many tokens the model reads before it guesses"))
        k_pair.addWidget(self.k_spin)
        controls.addWidget(k_box)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.play_button = QPushButton(self.tr("▶ Slide"))
        self.play_button.setCheckable(True)
        self.step_button = QPushButton(self.tr("Step ▶"))
        for b in (self.back_button, self.play_button, self.step_button):
            controls.addWidget(b)
        speed_box = QWidget()
        speed_pair = QHBoxLayout(speed_box)
        speed_pair.setContentsMargins(0, 0, 0, 0)
        speed_label = QLabel(self.tr("Speed:"))
        speed_pair.addWidget(speed_label)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        speed_label.setBuddy(self.speed_slider)
        self.speed_slider.setRange(1, 10)
        self.speed_slider.setValue(4)
        self.speed_slider.setMaximumWidth(140)
        self.speed_slider.setToolTip(self.tr("How fast the window slides when playing"))
        speed_pair.addWidget(self.speed_slider)
        self.speed_slider.setMinimumWidth(100)
        controls.addWidget(speed_box)
        root.addLayout(controls)

        # -- three columns: windows so far | guesses | training; at large text the training
        # box goes under the other two (each box as wide as its title, never cut off).
        row = AdaptiveRow(spacing=10)
        columns = AdaptiveRow(spacing=10)  # and the guesses under the windows, at 1.75x

        list_box = TitledBox(self.tr("Windows so far"))
        list_layout = QVBoxLayout(list_box)
        self.window_list = QListWidget()
        self.window_list.setFont(theme.font(theme.SMALL_PT))
        self.window_list.setAccessibleName(self.tr("Windows so far"))
        self.window_list.setWordWrap(True)
        self.window_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_layout.addWidget(self.window_list)
        columns.add(list_box, 3)

        guess_box = TitledBox(self.tr("Its guesses (probabilities)"))
        guess_layout = QVBoxLayout(guess_box)
        self.context_label = QLabel("")
        self.context_label.setWordWrap(True)
        guess_layout.addWidget(self.context_label)
        self.bars = ProbabilityBars()
        guess_layout.addWidget(self.bars, 1)
        columns.add(guess_box, 4)
        row.add(columns, 7)

        self.train_box = TrainingBox()
        self.loss_plot, self.train_stats = self.train_box.loss_plot, self.train_box.train_stats
        row.add(self.train_box, 5)
        root.addWidget(row, 1)

        # -- the training controls, one row under the columns
        self.training = TrainingControls()
        t = self.training
        self.continue_button, self.pause_button = t.continue_button, t.pause_button
        self.train_step_button, self.scratch_button = t.train_step_button, t.scratch_button
        self.seed_spin, self.lr_combo = t.seed_spin, t.lr_combo
        root.addWidget(self.training)

        self.play_timer = QTimer(self)
        self._loss_drawn_at = float("-inf")  # when the loss curve was last redrawn
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_WHILE_TRAINING_MS)
        self._set_speed(self.speed_slider.value())

    def _connect(self) -> None:
        c = self.controller
        c.modelTokenizerChanged.connect(self._on_model_tokenizer)
        c.pretraining.passageReady.connect(self._on_passage)
        c.pretraining.nextTokenReady.connect(self._on_distribution)
        c.pretraining.trainingSnapshot.connect(self._on_snapshot)
        c.pretraining.trainingStateChanged.connect(self._on_training_state)
        c.statusChanged.connect(self._on_status)
        self.build.activeChanged.connect(self._on_build_changed)
        self.k_spin.valueChanged.connect(self._on_k_changed)
        self.step_button.clicked.connect(self.step_forward)
        self.back_button.clicked.connect(self.step_back)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.speed_slider.valueChanged.connect(self._set_speed)
        self.passage_button.clicked.connect(lambda: self.request_passage())
        self.cat_button.clicked.connect(self.show_cat_sentence)
        self.inside_button.clicked.connect(self.open_look_inside)
        self.play_timer.timeout.connect(self._on_play_tick)
        self.redraw_timer.timeout.connect(self._redraw)
        self.probe_timer.timeout.connect(self._request_guesses)
        self.scratch_button.clicked.connect(lambda: self._train(from_scratch=True))
        self.continue_button.clicked.connect(lambda: self._train(from_scratch=False))
        self.pause_button.clicked.connect(c.pretraining.pause_training)
        self.train_step_button.clicked.connect(lambda: c.gate.request("step", c.pretraining.step_training))
        self.redraw_timer.start()

    # -- the passage and the window -----------------------------------------------------
    def open_look_inside(self) -> LookInsideDialog:
        """Open (or raise) the "Look inside" window, which follows the current window."""
        if self.inside_dialog is None:
            self.inside_dialog = LookInsideDialog(self)
        self.inside_dialog.show()
        self.inside_dialog.raise_()
        return self.inside_dialog

    def request_passage(self, seed: int | None = None) -> None:
        self._waiting_for_passage = True
        self.controller.pretraining.request_passage(PASSAGE_TOKENS, seed=seed)

    def show_cat_sentence(self) -> None:
        """The article's example, one whole word per token as the article counts them."""
        tok = self.controller.model_tokenizer
        if tok is None:
            return
        words = CAT_SENTENCE.split(" ")
        spaced = [w if i == 0 else " " + w for i, w in enumerate(words)]
        # Each word in the model's own pieces (the model reads pieces, not words).
        self._set_units(spaced, [tuple(tok.encode(w)) for w in spaced], word_mode=True)

    # -- from the controller ----------------------------------------------------------
    def _on_model_tokenizer(self, tok) -> None:
        self.loss_plot.set_vocab_size(tok.vocab_size)
        previous, self._tokenizer = self._tokenizer, tok
        if not self.units:
            self.request_passage(seed=0)
        elif previous is not None and previous.to_dict() != tok.to_dict():
            # A new vocabulary (retrained on another mix): the same text, in the new pieces.
            if self.word_mode:
                self.show_cat_sentence()
            else:
                self.set_tokens(tok.encode(previous.decode(self.token_ids)))

    def _on_passage(self, ids) -> None:
        if self._waiting_for_passage:
            self._waiting_for_passage = False
            self.set_tokens(list(ids))

    def _on_distribution(self, dist) -> None:
        window = self.current_window()
        if window is None or tuple(dist.context_ids) != tuple(self.window_ids(window)):
            return  # an answer to an older window (or another panel's question)
        self.distribution = dist
        self.bars.set_guesses(dist.tokens, dist.probs, self.target_id(window), dist.token_ids)
        self.guessesShown.emit(dist)

    def _on_snapshot(self, _snapshot) -> None:
        self._snapshot_dirty = True  # drawn by the redraw timer, never per message

    def _on_status(self, _status) -> None:
        # A new model (trained from scratch, or one step) answers differently: ask again.
        if self.controller.pretraining.training_state != "running":
            self._request_guesses()

    def _on_training_state(self, state: str) -> None:
        running = state == "running"
        self.training.set_running(running)
        if running:
            self.probe_timer.start()
        else:
            self.probe_timer.stop()
            self._request_guesses()
        self._snapshot_dirty = True

    def _on_build_changed(self) -> None:
        self._snapshot_dirty = True  # the chart and its caption switch on the next redraw

    def loss_history(self):
        """The curve on the chart: the shipped model's build while it is the model in use,
        else the live run's (which takes over as soon as anything trains it)."""
        return self.build.curve if self.build.active else self.controller.pretraining.loss_history

    def _train(self, from_scratch: bool) -> None:
        """Train (asking first if it would stop another job: controller.gate)."""
        seed, lr = self.seed_spin.value(), self.training.learning_rate()
        self.controller.gate.request(
            "train-from-scratch" if from_scratch else "train",
            lambda: self.controller.pretraining.start_training(from_scratch=from_scratch, seed=seed, lr=lr))

    def _redraw(self) -> None:
        if not self.isVisible():
            return
        # The loss curve at most 5 times a second: training sends points faster than that,
        # and repainting the chart ~20 times a second was the GUI's largest cost while
        # training (docs/performance.md); the numbers below still follow every snapshot.
        now = time.monotonic()
        if now - self._loss_drawn_at >= LOSS_PLOT_MIN_S and self.loss_plot.update_from(self.loss_history()):
            self._loss_drawn_at = now
        if not self._snapshot_dirty:
            return
        self._snapshot_dirty = False
        if self.build.active:
            self.train_box.show_build(self.build)
            return
        snap = self.controller.pretraining.latest_snapshot
        state = self.controller.pretraining.training_state
        if snap is None:
            self.train_box.show_idle()
            return
        self.train_box.show_snapshot(snap, state)

    # -- panel protocol ---------------------------------------------------------------
    def forget_results(self) -> None:
        """The model on screen is gone (reset, another session): no old run's numbers."""
        self.train_box.show_idle()
        self.loss_plot.update_from(self.loss_history())
        self._snapshot_dirty = True
        self._request_guesses()
        if self.inside_dialog is not None:
            self.inside_dialog.view.request()  # the loaded model's insides (if it is open)

    def apply_theme(self) -> None:
        """Colours or text size changed: the numbers under the curve are drawn again."""
        self._snapshot_dirty = True

    def tour_part(self, name: str) -> list:
        """What a tour step is about: the windows and the guesses, or the loss curve."""
        return {"windows": [self.strip, self.bars], "loss curve": [self.train_box]}.get(name, [])

    def view_sized(self) -> list:
        """The loss chart with its box's title and the line under it: seen whole in the
        page's visible height (gui/widgets/view_height.py)."""
        return [(self.loss_plot, [self.train_box])]

    def is_ready(self) -> bool:
        """True once a real passage and the model's guesses for it are drawn."""
        return bool(self.units) and self.distribution is not None

    def set_active(self, active: bool) -> None:
        if active:
            self.redraw_timer.start()
        else:
            self.redraw_timer.stop()
            self.play_button.setChecked(False)

    def shutdown(self) -> None:
        for timer in (self.play_timer, self.redraw_timer, self.probe_timer):
            timer.stop()
        if self.inside_dialog is not None:
            self.inside_dialog.close()


__all__ = ["CAT_SENTENCE", "LEARNING_RATES", "TOP_K", "WindowsPanel"]
