"""BPE training, replayed merge by merge on a short text.

The merges are the real ones of the model's BPE tokenizer, learned from the current
corpus, in the order it learned them (`BPETokenizer.merges`); `MergeReplay` from
engine/tokenizers/bpe.py applies the first n of them to the sample text. The widget
only decides which n to show: play, pause, step, speed, jump to the end.

Signals:
    positionChanged(int): the number of merges learned so far changed.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from engine.tokenizers.bpe import display_piece
from gui import theme
from gui.widgets.merge_curve import MergeCurve
from gui.widgets.merge_replay_playback import MergeReplayPlayback
from gui.widgets.token_chips import TokenChips, chip_color, readable_text_color, visible_token_text

SPEEDS: tuple[int, ...] = (1, 3, 10, 30, 100, 300, 1000)  # merges per second
DEFAULT_SPEED = 30
FRAME_MS = 33  # about 30 redraws a second, whatever the speed
# The replay is pure Python on the GUI thread: building it for 400 characters takes
# about 0.1 s here (1,500 took 0.8 s), so longer texts are cut.
MAX_SAMPLE_CHARS = 400


def _chip_html(text: str, token_id: int | None) -> str:
    bg = chip_color(token_id) if token_id is not None else theme.GREY
    fg = readable_text_color(bg).name()
    shown = html.escape(visible_token_text(text))
    return (
        f"<span style='background:{bg}; color:{fg}; font-weight:bold;'>&nbsp;{shown}&nbsp;</span>"
    )


class MergeReplayView(MergeReplayPlayback, QWidget):
    """The merge-by-merge animation of BPE training on a sample text.

    Give it the BPE tokenizer (`set_tokenizer`) and a text (`set_sample`).
    """

    positionChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tokenizer: Any | None = None
        self._merges: list[tuple[str, str]] = []
        self._replay: Any | None = None
        self._sample = ""
        self._sample_cut = False
        self._dirty = False  # inputs changed while hidden: rebuild when shown
        self._position = 0
        self._float_position = 0.0
        self._last_tick = 0.0
        self._pieces: list[str] = []
        self._piece_ids: list[int | None] = []

        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._build()

    # ---- building --------------------------------------------------------------------
    def _build(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(16)

        left = QVBoxLayout()
        left.setSpacing(6)
        root.addLayout(left, 3)

        controls = QHBoxLayout()
        controls.setSpacing(6)
        self.reset_button = QPushButton(self.tr("⇤ Start over"))
        self.reset_button.setToolTip(self.tr("Back to no merges: every byte is its own token"))
        self.play_button = QPushButton(self.tr("▶ Play"))
        self.play_button.setCheckable(True)
        self.play_button.setProperty("primary", True)
        self.play_button.setToolTip(self.tr("Learn merges one after another, at the speed on the right"))
        self.step_button = QPushButton(self.tr("Step ▸"))
        self.step_button.setToolTip(self.tr("Jump to the next merge that changes this text"))
        self.end_button = QPushButton(self.tr("Jump to end ⇥"))
        self.end_button.setToolTip(self.tr("Apply every merge: the finished tokenizer"))
        self.speed_combo = QComboBox()
        for s in SPEEDS:
            self.speed_combo.addItem(self.tr("{n} merges/s").format(n=QLocale().toString(s)), s)
        self.speed_combo.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.speed_combo.setToolTip(self.tr("How many merges are learned each second while playing"))
        self.speed_combo.setAccessibleName(self.tr("Replay speed"))
        for w in (self.reset_button, self.play_button, self.step_button, self.end_button):
            controls.addWidget(w)
        controls.addStretch(1)
        left.addLayout(controls)

        timeline = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setToolTip(self.tr("Drag to any point of training"))
        self.slider.setAccessibleName(self.tr("Merges learned so far"))
        timeline.addWidget(self.slider, 1)
        timeline.addWidget(QLabel(self.tr("Speed:")))
        timeline.addWidget(self.speed_combo)
        left.addLayout(timeline)

        self.merge_label = QLabel()
        self.merge_label.setTextFormat(Qt.TextFormat.RichText)
        self.merge_label.setFont(theme.font(theme.TOKEN_PT))
        self.merge_label.setWordWrap(True)
        left.addWidget(self.merge_label)

        stats = QHBoxLayout()
        stats.setSpacing(24)
        self.vocab_value = self._stat(stats, self.tr("tokens it knows (vocabulary)"))
        self.count_value = self._stat(stats, self.tr("tokens in your text"))
        self.ratio_value = self._stat(stats, self.tr("characters per token"))
        stats.addStretch(1)
        left.addLayout(stats)

        self.newest_label = QLabel()
        self.newest_label.setWordWrap(True)
        self.newest_label.setProperty("role", "muted")
        left.addWidget(self.newest_label)

        self.chips = TokenChips(point_size=theme.TOKEN_PT)
        self.chips.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        left.addWidget(self.chips)
        left.addStretch(1)

        self.plot = MergeCurve()  # the text's token count against merges learned
        self._curve, self._cursor = self.plot.curve, self.plot.cursor
        root.addWidget(self.plot, 2)

        self.reset_button.clicked.connect(self.reset)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.step_button.clicked.connect(self.step)
        self.end_button.clicked.connect(self.jump_to_end)
        self.slider.valueChanged.connect(self.set_position)
        self._update_enabled()
        self._redraw()

    @staticmethod
    def _stat(layout: QHBoxLayout, caption: str) -> QLabel:
        box = QVBoxLayout()
        box.setSpacing(0)
        value = QLabel("—")
        value.setFont(theme.font(theme.HEADING_PT, bold=True))
        box.addWidget(value)
        label = QLabel(caption)
        label.setFont(theme.font(theme.SMALL_PT))
        box.addWidget(label)
        layout.addLayout(box)
        return value

    # ---- inputs ------------------------------------------------------------------------
    def set_tokenizer(self, bpe: Any | None) -> None:
        """The BPE tokenizer whose merges to replay (None: nothing to show yet)."""
        self._tokenizer = bpe
        self._merges = list(bpe.merges) if bpe is not None else []
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, len(self._merges))
        self._rebuild()

    def set_sample(self, text: str) -> None:
        """The text to replay the merges on (cut to its first MAX_SAMPLE_CHARS)."""
        self._sample_cut = len(text) > MAX_SAMPLE_CHARS
        text = text[:MAX_SAMPLE_CHARS]
        if text == self._sample:
            return
        self._sample = text
        self._rebuild()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty:
            self._rebuild()

    def _rebuild(self) -> None:
        if not self.isVisible():
            # Nobody is looking: replaying costs up to 0.1 s per text, do it when shown.
            self._dirty = True
            self.pause()
            return
        self._dirty = False
        self._build_replay()

    def _build_replay(self) -> None:
        if self._tokenizer is None:
            self._replay = None
        else:
            self._replay = self._tokenizer.replay(self._sample)
        self._position = min(self._position, len(self._merges))
        self._float_position = float(self._position)
        self._update_curve()
        self._update_enabled()
        self._redraw()

    # ---- state ----------------------------------------------------------------------------
    @property
    def total_merges(self) -> int:
        return len(self._merges)

    def position(self) -> int:
        """Merges learned so far (0 = bytes only)."""
        return self._position

    def vocab_size_at(self, n: int) -> int:
        """Vocabulary size once n merges are learned: each merge adds one token."""
        if self._tokenizer is None:
            return 0
        base = self._tokenizer.vocab_size - len(self._merges)
        return base + n

    def vocab_size(self) -> int:
        return self.vocab_size_at(self._position)

    def ensure_built(self) -> None:
        """Build the replay now even if the widget is hidden (tests, other callers)."""
        if self._dirty:
            self._dirty = False
            self._build_replay()

    def sample_tokens(self) -> list[str]:
        """The sample's pieces at the current position, as display text."""
        return [visible_token_text(p) for p in self._display_pieces()]

    def sample_token_count(self) -> int:
        return len(self._pieces)

    def sample_ids(self) -> list[int | None]:
        return list(self._piece_ids)

    def is_playing(self) -> bool:
        return self._timer.isActive()

    # ---- drawing --------------------------------------------------------------------------
    def _display_pieces(self) -> list[str]:
        return [display_piece(p) for p in self._pieces]

    def _last_change(self) -> Any | None:
        """The latest merge (at or before the position) that changed the sample."""
        if self._replay is None:
            return None
        last = None
        for s in self._replay.steps:
            if s.step > self._position:
                break
            last = s
        return last

    def _redraw(self) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._position)
        self._cursor.setValue(self._position)
        if self._tokenizer is None or self._replay is None:
            self._pieces, self._piece_ids = [], []
            self.merge_label.setText(self.tr("The subword tokenizer (BPE) is not ready yet…"))
            for label in (self.vocab_value, self.count_value, self.ratio_value):
                label.setText("—")
            self.newest_label.setText("")
            self.chips.clear()
            return
        tok = self._tokenizer
        self._pieces = [p for word in self._replay.pieces_at(self._position) for p in word]
        self._piece_ids = [tok.token_to_id(p) for p in self._pieces]

        n, total = self._position, len(self._merges)
        locale = QLocale()
        if n == 0:
            self.merge_label.setText(
                self.tr("No merges yet: every letter (byte) is a token of its own. Press ▶ Play.")
            )
        else:
            a, b = self._merges[n - 1]
            merged = a + b
            self.merge_label.setText(
                self.tr("Merge {n} of {total}: {a} + {b} → {merged}").format(
                    n=locale.toString(n), total=locale.toString(total),
                    a=_chip_html(display_piece(a), tok.token_to_id(a)),
                    b=_chip_html(display_piece(b), tok.token_to_id(b)),
                    merged=_chip_html(display_piece(merged), tok.token_to_id(merged)))
            )
        initial = self._replay.initial_pieces
        count = len(self._pieces)
        ratio = len(self._sample) / count if count else 0.0
        last = self._last_change()
        self.vocab_value.setText(locale.toString(self.vocab_size()))
        self.count_value.setText(locale.toString(count))
        self.count_value.setToolTip(self.tr("It started as {n} tokens: one per byte (letter).").format(
            n=locale.toString(initial)))
        self.ratio_value.setText(locale.toString(ratio, "f", 1))
        if last is None:
            note = self.tr("Your text starts as {n} bytes: one token each.").format(n=locale.toString(initial))
        else:
            note = self.tr("Framed in black: the newest piece in your text, “{piece}” (merge {step}).").format(
                piece=visible_token_text(last.display[2]), step=locale.toString(last.step))
        if self._sample_cut:
            note += " " + self.tr("(Only the first {n} characters of your text are used here.)").format(
                n=locale.toString(MAX_SAMPLE_CHARS))
        self.newest_label.setText(note)

        highlight: list[int] = []
        if last is not None:
            highlight = [i for i, p in enumerate(self._pieces) if p == last.token]
        self.chips.set_tokens(
            self._display_pieces(),
            self._piece_ids,
            highlight=highlight,
        )
        self._update_enabled()

    def _update_curve(self) -> None:
        self.plot.show_replay(self._replay, len(self._merges))

    def _update_enabled(self) -> None:
        ready = bool(self._merges) and self._replay is not None
        at_end = self._position >= len(self._merges)
        for w in (self.play_button, self.slider, self.speed_combo, self.reset_button):
            w.setEnabled(ready)
        self.step_button.setEnabled(ready and not at_end)
        self.end_button.setEnabled(ready and not at_end)
