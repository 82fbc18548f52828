"""Look inside: what the live model attends to, how its guess forms, where its numbers live.

Opened from the Windows panel ("Look inside…"), it follows the panel's current window.
Everything comes from the engine worker through the controller (`request_inside` ->
`insideReady`, an InsideView of frozen arrays); the view keeps only the latest one and
redraws from a ~30 Hz timer, asking again every PROBE_WHILE_TRAINING_MS while the model
trains and at once when the window moves.

Signals:
    viewShown(object): an InsideView has just been drawn.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.pretraining.head_patterns import PATTERNS
from gui import theme
from gui.panels.pretraining.engine_texts import MODEL_PARTS, shown
from gui.panels.pretraining.numbers import decimal, english_singular
from gui.widgets.attention_grid import AttentionGrid
from gui.widgets.attention_strip import AttentionStrip
from gui.widgets.layer_guesses import LENS_TOOLTIP, LayerGuessesTable
from gui.widgets.page_stack import scrolling
from gui.widgets.parameter_map_view import ParameterMapTable, WeightHeatmap
from gui.widgets.token_strip import display_token
from gui.widgets.wrapping_splitter import WrappingSplitter
from gui.window_placement import fit_into, free_area, place_once_framed

REDRAW_MS = 33
PROBE_WHILE_TRAINING_MS = 500
# While training, the clicked part's weights (up to 2,048 x 128 numbers) come along with
# at most one request a second; attention, guesses and changes come with every one.
PART_EVERY_S = 1.0
TOP_K = 5
DEFAULT_PART = "blocks.0.attn.c_attn.weight"
DEFAULT_CHANGE_STEPS = 50
# The window's size at 1x text; it grows with the text, up to the screen's free area.
PREFERRED_SIZE = (1200, 660)
if TYPE_CHECKING:
    from engine.pretraining.inside import InsideView

SHORT_PATTERN = {"previous": QT_TRANSLATE_NOOP("LookInsideView", "previous token"),
                 "first": QT_TRANSLATE_NOOP("LookInsideView", "first token"),
                 "self": QT_TRANSLATE_NOOP("LookInsideView", "itself")}


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)  # at 2x text on a small screen a heading takes two lines
    label.setFont(theme.font(theme.BASE_PT, bold=True))
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(theme.font(theme.SMALL_PT))
    label.setProperty("role", "muted")
    return label


class LookInsideView(QWidget):
    """Attention per head, the logit lens and the parameter map of the live model."""

    viewShown = Signal(object)

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.window_ids: tuple[int, ...] = ()
        self.target_id: int | None = None
        self.part_name = DEFAULT_PART
        self.latest: InsideView | None = None  # the newest view received
        self.drawn: InsideView | None = None  # the view on screen
        self._half_drawn: InsideView | None = None  # its parts drawn, its attention next turn
        self.hover: int | None = None  # the hovered position; None: the last one (the target's)
        self.head = (0, 0)  # the head the strip shows
        self._build()
        self.redraw_timer = QTimer(self)
        self.redraw_timer.setInterval(REDRAW_MS)
        self.redraw_timer.timeout.connect(self._redraw)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_WHILE_TRAINING_MS)
        self.probe_timer.timeout.connect(self._request_while_training)
        self.clock = time.monotonic  # seconds; a test may give its own
        self._part_sent_at = 0.0  # self.clock() at the last request that asked for weights
        controller.pretraining.insideReady.connect(self._on_inside)
        controller.pretraining.trainingStateChanged.connect(self._on_training_state)

    # -- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(8, 6, 8, 6)
        split = WrappingSplitter()  # how tall its wrapped notes are, for the scroll area
        root.addWidget(split)

        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(_heading(self.tr("What each head looks at (attention)")))
        self.grid_note = _note(self.tr(
            "Each small square is one attention head: row = the token that looks, column = "
            "the earlier token it looks at, darker = more attention. Hover a token or a row to "
            "look from there; click a head to show it in the row of tokens."))
        col.addWidget(self.grid_note)
        self.head_label = QLabel("")
        self.head_label.setWordWrap(True)
        col.addWidget(self.head_label)
        self.strip = AttentionStrip()
        col.addWidget(self.strip)
        self.grid = AttentionGrid()
        col.addWidget(self.grid, 1)
        self.labels_note = _note("")
        col.addWidget(self.labels_note)
        split.addWidget(left)

        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        lens_title = _heading(self.tr("The guess, layer by layer (logit lens)"))
        lens_title.setToolTip(LENS_TOOLTIP)
        col.addWidget(lens_title)
        self.lens_note = _note("")
        col.addWidget(self.lens_note)
        self.lens = LayerGuessesTable()
        col.addWidget(self.lens)
        row = QHBoxLayout()
        row.addWidget(_heading(self.tr("Where the numbers live (parameters)")), 1)
        change_label = QLabel(self.tr("change over the last"))
        change_label.setWordWrap(True)
        row.addWidget(change_label)
        self.steps_spin = QSpinBox()
        change_label.setBuddy(self.steps_spin)  # the label names the box for a screen reader
        self.steps_spin.setRange(1, 5000)
        self.steps_spin.setValue(DEFAULT_CHANGE_STEPS)
        self.steps_spin.setSuffix(self.tr(" steps"))
        row.addWidget(self.steps_spin)
        col.addLayout(row)
        parts = QHBoxLayout()
        self.map = ParameterMapTable()
        parts.addWidget(self.map, 2)
        part_col = QVBoxLayout()
        self.part_label = QLabel("")
        self.part_label.setWordWrap(True)
        self.part_label.setFont(theme.font(theme.SMALL_PT))
        part_col.addWidget(self.part_label)
        self.weights = WeightHeatmap()
        part_col.addWidget(self.weights, 1)
        parts.addLayout(part_col, 1)
        col.addLayout(parts, 1)
        split.addWidget(right)
        split.setSizes([470, 810])
        self.grid.sigQueryHovered.connect(self._on_hover)
        self.strip.sigQueryHovered.connect(self._on_hover)
        self.strip.sigHoverEnded.connect(lambda: self._on_hover(None))
        self.grid.sigHeadClicked.connect(self._on_head_clicked)
        self.map.sigPartClicked.connect(self.select_part)
        self.steps_spin.valueChanged.connect(lambda _n: self.request())

    def set_notes_shown(self, shown: bool) -> None:
        """Show or hide the grey notes that explain the charts (a narrator may say it)."""
        for note in (self.grid_note, self.labels_note, self.lens_note):
            note.setVisible(shown)

    # -- requests ---------------------------------------------------------------------
    def set_window(self, ids, target_id: int | None) -> None:
        """Look at this window (model token ids) whose true next token is target_id."""
        self.window_ids = tuple(int(i) for i in ids)
        self.target_id = None if target_id is None else int(target_id)
        self.hover = None
        self.request()

    def select_part(self, name: str) -> None:
        """Show this part's weights (a parameter name from the map)."""
        self.part_name = name
        self.map.select_part(name)
        self.request()

    def request(self, with_part: bool = True) -> None:
        """Ask the engine for a new view of the current window (and the part's weights)."""
        # Imported here: the engine module loads torch, which the GUI process only needs
        # once somebody looks inside (keeps the first window within its 3 s).
        from engine.pretraining.inside import InsideRequest

        if not self.window_ids or not self.controller.is_ready or not self.isVisible():
            return
        if with_part:
            self._part_sent_at = self.clock()
        self.controller.pretraining.request_inside(InsideRequest(
            ids=self.window_ids, target_id=self.target_id, k=TOP_K,
            part_name=self.part_name if with_part else "", change_steps=self.steps_spin.value()))

    def _request_while_training(self) -> None:
        self.request(with_part=self.clock() - self._part_sent_at >= PART_EVERY_S)

    def _on_inside(self, view: InsideView) -> None:
        if view.ids == self.window_ids:  # an answer for an older window is dropped
            self.latest = view

    def _on_training_state(self, state: str) -> None:
        if state == "running" and self.isVisible():
            self.probe_timer.start()
        else:
            self.probe_timer.stop()
            self.request()  # the weights as training left them

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.redraw_timer.start()
        if self.controller.pretraining.training_state == "running":
            self.probe_timer.start()
        self.request()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.redraw_timer.stop()
        self.probe_timer.stop()

    # -- drawing ----------------------------------------------------------------------
    @property
    def query(self) -> int:
        """The position attention is read from: the hovered one, else the last one."""
        n = len(self.drawn.ids) if self.drawn is not None else 0
        return max(0, n - 1) if self.hover is None else min(self.hover, max(0, n - 1))

    def _redraw(self) -> None:
        """Draw the newest view in two event-loop turns (REDRAW_MS apart): its parameter
        map and weights first, then its attention and guesses. Drawn and painted in one
        turn they kept the GUI thread busy long enough to make the loop late (bench/
        gui_latency.py --look-inside); `drawn` and viewShown come with the second half."""
        if self._half_drawn is not None:
            view, self._half_drawn = self._half_drawn, None
            self._draw_attention(view)
            return
        view = self.latest
        if view is None or view is self.drawn:
            return
        self._draw_parts(view)
        self._half_drawn = view

    def _draw_parts(self, view: InsideView) -> None:
        self.map.set_parts(view.parts)
        self.map.set_changes(view.change.relative if view.change else None)
        self.map.select_part(self.part_name)
        if view.part_image is not None and view.part_name == self.part_name:
            self.weights.show_weights(view.part_image)
        self._show_part_text(view)

    def _draw_attention(self, view: InsideView) -> None:
        self.drawn = view
        self.grid.show_attention(view.attention, self.query, self._chosen_head(view))
        named = [h for h in view.heads if h.label]
        text = self.tr("{named} of %n heads put more than half their attention on one position "
                       "(measured on {source})", "", len(view.heads)).format(
            named=len(named), source=shown(MODEL_PARTS, view.label_source))
        if named:
            text += ": " + "; ".join(
                self.tr("layer {layer} head {head} {pattern} {share}%").format(
                    layer=h.layer + 1, head=h.head + 1, pattern=self.tr(SHORT_PATTERN[h.label]),
                    share=decimal(100 * h.scores[PATTERNS.index(h.label)], 0)) for h in named)
        self.labels_note.setText(text + ".")
        self._draw_query()
        self.viewShown.emit(view)

    def _show_part_text(self, view: InsideView) -> None:
        part = next((p for p in view.parts if p.name == self.part_name), None)
        if part is None:
            self.part_label.setText(self.tr("Click a part to see its numbers."))
            return
        text = f"<b>{shown(MODEL_PARTS, part.group)}: {shown(MODEL_PARTS, part.label)}</b>"
        change = view.change
        if change is not None and part.name in change.relative:
            steps = round((change.to_clock - change.from_clock) / view.tokens_per_step)
            many = " — moved {percent}% in the last %Ln steps"
            moved = english_singular(
                self.tr(" — moved {percent}% in the last %Ln steps", "", steps), steps, many,
                " — moved {percent}% in the last %Ln step")
            text += moved.format(percent=decimal(100 * change.relative[part.name], 2))
        elif part.shared_with:
            text += self.tr(" — the same numbers as {part}").format(part=part.shared_with)
        else:
            text += self.tr(" — not trained since this view opened")
        self.part_label.setText(text)

    def _draw_query(self) -> None:
        view = self.drawn
        if view is None:
            return
        q = self.query
        layer, head = self._chosen_head(view)
        self.grid.set_query(q, (layer, head))
        self.strip.set_row(list(view.tokens), view.attention[layer, head, q], q)
        pattern = next((h for h in view.heads if (h.layer, h.head) == (layer, head)), None)
        looking = display_token(view.tokens[q])[0]
        if pattern is not None and pattern.label:
            text = self.tr("Layer {layer}, head {head}: {pattern} — looking from “{token}”").format(
                layer=layer + 1, head=head + 1, pattern=shown(MODEL_PARTS, pattern.words), token=looking)
        else:
            text = self.tr("Layer {layer}, head {head} — looking from “{token}”").format(
                layer=layer + 1, head=head + 1, token=looking)
        self.head_label.setText(text)
        last = q == len(view.ids) - 1
        target = self.target_id if last else view.ids[q + 1]
        g = view.guesses
        self.lens.show_guesses(g.token_ids[:, q], g.probs[:, q], g.target_prob[:, q],
                               view.token_text, target)
        self.lens_note.setText(self.tr("What the model would guess after “{token}” if it stopped "
                                       "after each block. The last row is its real guess.").format(
            token=looking))

    def _chosen_head(self, view: InsideView) -> tuple[int, int]:
        return min(self.head[0], view.n_layer - 1), min(self.head[1], view.n_head - 1)

    def _on_hover(self, position: int | None) -> None:
        if position != self.hover:
            self.hover = position
            self._draw_query()

    def _on_head_clicked(self, layer: int, head: int) -> None:
        self.head = (layer, head)
        self._draw_query()


class LookInsideDialog(QDialog):
    """A window of its own for the view, following a Windows panel's current window.

    It never outgrows the screen's free area, at any text size: its contents scroll inside
    it, as the main window's panels do (gui/widgets/page_stack.py). `keep_within` gives it a
    smaller area for one opening (the tour's, above its caption card).
    """

    def __init__(self, windows_panel, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else windows_panel.window())
        self.setWindowTitle(self.tr("Look inside the model"))
        self.panel = windows_panel
        self.area: QRect | None = None  # where it must stay; None: its screen's free area
        self.view = LookInsideView(windows_panel.controller, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # subtle: in a scroll area the view's minimum size (2x text: wider than a 1366-pixel
        # screen) no longer becomes the window's, which the window manager cannot shrink.
        layout.addWidget(scrolling(self.view))
        windows_panel.windowChanged.connect(self._follow)

    def keep_within(self, area: QRect | None) -> None:
        """Keep the window's frame inside `area` (global pixels) until it is next closed;
        None: anywhere on its screen."""
        self.area = QRect(area) if area is not None else None
        if self.isVisible():
            self._place()

    def set_narrated(self, narrated: bool) -> None:
        """Someone else says what the charts show (the tour's caption card) until it is next
        closed: the grey notes go, and the charts have their room."""
        self.view.set_notes_shown(not narrated)

    def _place(self) -> None:
        """The preferred size for the text size, shrunk and centred into its area."""
        area = self.area if self.area is not None else free_area(self)
        scale = theme.scale()
        self.resize(round(PREFERRED_SIZE[0] * scale), round(PREFERRED_SIZE[1] * scale))
        if area is not None:
            fit_into(self, area, centre=True)

    def _follow(self, *_args) -> None:
        window = self.panel.current_window()
        if window is not None:
            self.view.set_window(self.panel.window_ids(window), self.panel.target_id(window))

    def showEvent(self, event) -> None:
        self._follow()
        if not event.spontaneous():  # opened (not brought back from the taskbar)
            place_once_framed(self, self._place)
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        if not event.spontaneous():  # closed: the next opening is the usual one
            self.area = None
            self.view.set_notes_shown(True)
        super().hideEvent(event)
