"""The word map: one point per word, coloured by word group, labelled without clutter.

Plot items are made once and fed with setData: one scatter per word group (so each has
a single brush and a legend colour), one line item for the lines to the neighbours, one
ring item for the searched word. Labels are a small pool of TextItems; which of them
show is decided in screen pixels, most important first, so no two overlap.

A new layout is animated: points glide from where they were to where they now are.

Signals:
    wordClicked(int)      the person clicked a point (its index)
    animationFinished()   the points reached the layout last given to `show_layout`
    zoomChanged(bool)     the view is zoomed in on some words (True) or shows the whole map
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QToolTip

from gui import theme
from gui.widgets.chart_summary import describe_chart, listing, number, quoted
from gui.widgets.map_layout import fit_rect
from gui.widgets.plot_menus import own_plot_menus
from gui.widgets.word_groups import LAYERS, OTHER, slot_colour, slot_of
from gui.widgets.word_map_labels import POINT_SIZE, WordMapLabels, label_fill, label_font

theme.configure_pyqtgraph()

ANIMATION_MS = 500
FRAME_MS = 40  # 25 frames a second: smooth enough, and each frame is a full repaint
OTHER_SIZE = 6  # pixels, all other words: present, but quiet
HOVER_PX = 12
ZOOM_SPAN = 0.3  # zoomed in on a word: at least this share of the whole map stays in view


class WordMap(WordMapLabels, pg.PlotWidget):
    """Words placed in 2-D; see the module docstring."""

    wordClicked = Signal(int)
    animationFinished = Signal()
    zoomChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent, enableMenu=False)  # no menu made (a third of the widget's cost)
        own_plot_menus(self)
        self.setProperty("i18nData", True)  # shows the model's own words: they stay English
        self.setMinimumSize(320, 240)
        item = self.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.hideButtons()
        self.vb = item.getViewBox()
        self.vb.setAspectLocked(True)  # a flat map: one unit is as long across as up
        self.vb.setDefaultPadding(0.04)

        self.words: tuple[str, ...] = ()
        self.groups: tuple[str, ...] = ()
        self.group_order: tuple[str, ...] = ()  # the groups in colour order
        self.coords = np.zeros((0, 2))  # what is drawn now
        self._start = np.zeros((0, 2))
        self._target = np.zeros((0, 2))
        self._members: dict[str, np.ndarray] = {}
        self._label_order: list[int] = []  # indices that may get a label, most important first
        self._labels: dict[int, pg.TextItem] = {}
        self._label_emphasis: dict[int, bool | None] = {}
        self._label_offsets: dict[int, tuple[float, float]] = {}
        self._label_sizes: dict[tuple[int, bool], tuple[float, float]] = {}
        self._label_state: dict[int, tuple | None] = {}  # (spot, position) last set
        self._metrics = {e: QFontMetricsF(label_font(e)) for e in (False, True)}
        self._shown_labels: set[int] = set()
        self.focus: int | None = None
        self.neighbours: list[int] = []
        self._user_moved_view = False
        self.zoomed_on: list[int] = []  # words the view keeps in sight, zoomed in
        self.hover_text: Callable[[int], str] | None = None

        self._scatters: dict[str, pg.ScatterPlotItem] = {}  # one per colour (layer)
        for z, group in enumerate(LAYERS):
            colour = slot_colour(group)
            if group == OTHER:
                scatter = pg.ScatterPlotItem(size=OTHER_SIZE, pen=None,
                                             brush=theme.qcolor(colour, 150))
            else:
                scatter = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen("#333333", width=1),
                                             brush=theme.qcolor(colour))
            scatter.setZValue(z)
            item.addItem(scatter)
            self._scatters[group] = scatter
        self.lines = pg.PlotDataItem([], [], connect="pairs",
                                     pen=pg.mkPen(theme.TEXT, width=2.5))
        self.lines.setZValue(20)
        item.addItem(self.lines)
        self.rings = pg.ScatterPlotItem(size=22, brush=None, pen=pg.mkPen(theme.TEXT, width=3))
        self.rings.setZValue(21)
        item.addItem(self.rings)
        self.focus_ring = pg.ScatterPlotItem(size=30, brush=None,
                                             pen=pg.mkPen(theme.VERMILLION, width=4))
        self.focus_ring.setZValue(22)
        item.addItem(self.focus_ring)

        self._anim = QTimer(self)
        self._anim.setInterval(FRAME_MS)
        self._anim.timeout.connect(self._tick)
        self._anim_elapsed = 0.0
        self._relabel_timer = QTimer(self)
        self._relabel_timer.setSingleShot(True)
        self._relabel_timer.setInterval(60)
        self._relabel_timer.timeout.connect(self.place_labels)
        self._more_labels = QTimer(self)  # the next batch of new labels (place_labels)
        self._more_labels.setSingleShot(True)
        self._more_labels.setInterval(0)
        self._more_labels.timeout.connect(self._next_label_pass)
        self._labels_made_in_turn = 0  # shared by every pass in one event-loop turn
        self._turn_over = QTimer(self)  # ...and reset on the next turn
        self._turn_over.setSingleShot(True)
        self._turn_over.setInterval(0)
        self._turn_over.timeout.connect(self._new_turn)
        self.vb.sigRangeChanged.connect(lambda *_: self._relabel_timer.start())
        self.vb.sigRangeChangedManually.connect(self._on_manual_range)
        self._hover_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_hover)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.describe()

    # -- data ---------------------------------------------------------------------------
    def set_words(self, words: Sequence[str], groups: Sequence[str],
                  label_order: Sequence[int] = (), group_order: Sequence[str] | None = None) -> None:
        """The words to place (their order is the order of every later layout).

        Colours go by each group's place in `group_order` (default: the order the groups
        first occur in `groups`)."""
        self._anim.stop()
        self.words, self.groups = tuple(words), tuple(groups)
        if group_order is None:
            group_order = [g for g in dict.fromkeys(self.groups) if g != OTHER]
        self.group_order = tuple(group_order)
        n = len(self.words)
        self.coords = np.zeros((n, 2))
        self._start = self._target = self.coords
        layers = np.array([slot_of(g, self.group_order) for g in self.groups], dtype=object)
        self._members = {layer: np.flatnonzero(layers == layer) for layer in LAYERS}
        for label in self._labels.values():
            self.removeItem(label)
        self._labels.clear()
        self._label_emphasis.clear()
        self._label_offsets.clear()
        self._label_sizes.clear()
        self._label_state.clear()
        self._shown_labels.clear()
        self._label_order = [i for i in label_order if 0 <= i < n]
        self.focus, self.neighbours = None, []
        self._user_moved_view = False
        if self.zoomed_on:
            self.zoomed_on = []
            self.zoomChanged.emit(False)
        self.describe()

    def show_layout(self, coords: np.ndarray, animate: bool = True) -> None:
        """Move the points to `coords` (N, 2), gliding there when `animate`."""
        coords = np.asarray(coords, dtype=np.float64)
        if coords.shape != (len(self.words), 2):
            raise ValueError(f"expected {(len(self.words), 2)} coordinates, got {coords.shape}")
        self._start = self.coords.copy()
        self._target = coords
        if not self._user_moved_view:
            self._fit(coords)
        if animate and len(self.coords) and self.isVisible():
            self._anim_elapsed = 0.0
            # Only the searched word and its neighbours keep their labels while points
            # glide: fewer things to repaint 25 times a second, and no labels adrift.
            keep = {self.focus, *self.neighbours}
            for i in list(self._shown_labels):
                if i not in keep:
                    self._labels[i].hide()
                    self._shown_labels.discard(i)
            self._anim.start()
        else:
            self._anim.stop()
            self._draw(coords)
            self.place_labels()
            self.animationFinished.emit()

    def set_focus(self, focus: int | None, neighbours: Sequence[int] = ()) -> None:
        """Ring the searched word and draw lines to its neighbours (indices on the map)."""
        neighbours = [i for i in neighbours if i is not None and i != focus]
        if focus == self.focus and neighbours == self.neighbours:
            return
        self.focus, self.neighbours = focus, neighbours
        self.describe()
        self._draw_focus()
        if not self.animating:
            self.place_labels()

    def describe(self) -> None:
        """Say in words what the map shows: how many words, the ringed one and its neighbours.

        The keyboard's way to ring a word is the panel's search box (a click on the map
        does the same as typing the word there).
        """
        summary = self.tr("{count} words on the map").format(count=number(len(self.words), 0))
        if self.focus is not None and self.focus < len(self.words):
            near = [self.words[i] for i in self.neighbours if i < len(self.words)]
            summary += "; " + self.tr("{word}'s nearest words: {words}").format(
                word=quoted(self.words[self.focus]), words=listing(near) or "—")
        describe_chart(self, self.tr("Word map"), summary)

    def summary(self) -> str:
        return self.accessibleDescription()

    def fit_view(self) -> None:
        """Show the whole map again (after zooming in on words, or the person dragging)."""
        was = bool(self.zoomed_on) or self._user_moved_view
        self._user_moved_view = False
        self.zoomed_on = []
        self._fit(self._target if len(self._target) else self.coords)
        if was:
            self.zoomChanged.emit(False)

    def zoom_to(self, indices: Sequence[int]) -> None:
        """Zoom in so these words fill the view (kept in sight as the layout changes)."""
        self.zoomed_on = [i for i in indices if 0 <= i < len(self.words)]
        self._user_moved_view = False
        self._fit(self._target if len(self._target) else self.coords)
        self.zoomChanged.emit(bool(self.zoomed_on))

    def apply_theme(self) -> None:
        """The text scale or colours changed (gui/appearance.py): redo labels and ink."""
        self._metrics = {e: QFontMetricsF(label_font(e)) for e in (False, True)}
        self._label_sizes.clear()
        for i, label in self._labels.items():
            label.setColor(theme.TEXT)
            label.fill = label_fill()
            label.setFont(label_font(bool(self._label_emphasis.get(i))))
            label.update()
            self._label_state[i] = None
        for layer, scatter in self._scatters.items():
            if layer != OTHER:
                scatter.setBrush(theme.qcolor(slot_colour(layer)))
        self.lines.setPen(pg.mkPen(theme.TEXT, width=2.5))
        self.rings.setPen(pg.mkPen(theme.TEXT, width=3))
        self._draw_focus()
        self.place_labels()

    def stop(self) -> None:
        """Stop the timers (the widget is going away)."""
        self._anim.stop()
        self._relabel_timer.stop()
        self._more_labels.stop()
        self._turn_over.stop()

    @property
    def animating(self) -> bool:
        return self._anim.isActive()

    def shown_labels(self) -> list[str]:
        return [self.words[i] for i in sorted(self._shown_labels)]

    # -- drawing ------------------------------------------------------------------------
    def _fit(self, coords: np.ndarray) -> None:
        if len(coords):
            self.vb.setRange(QRectF(*fit_rect(coords, self.zoomed_on, ZOOM_SPAN)), padding=0.0)

    def _tick(self) -> None:
        self._anim_elapsed += FRAME_MS
        t = min(1.0, self._anim_elapsed / ANIMATION_MS)
        ease = t * t * (3 - 2 * t)  # smoothstep: gentle start and stop
        self._draw(self._start + (self._target - self._start) * ease)
        if t >= 1.0:
            self._anim.stop()
            self.place_labels()
            self.animationFinished.emit()

    def _draw(self, coords: np.ndarray) -> None:
        self.coords = coords
        for group, scatter in self._scatters.items():
            idx = self._members.get(group)
            if idx is None or len(idx) == 0:
                scatter.setData([], [])
            else:
                scatter.setData(coords[idx, 0], coords[idx, 1])
        self._draw_focus()
        for i in self._shown_labels:
            pos = self._label_pos(i, coords)
            self._labels[i].setPos(*pos)
            state = self._label_state.get(i)
            self._label_state[i] = (state[0] if state else None, pos)

    def _draw_focus(self) -> None:
        c = self.coords
        if self.focus is None or self.focus >= len(c):
            self.focus_ring.setData([], [])
            self.rings.setData([], [])
            self.lines.setData([], [])
            return
        f = c[self.focus]
        self.focus_ring.setData([f[0]], [f[1]])
        nb = [i for i in self.neighbours if i < len(c)]
        self.rings.setData(c[nb, 0], c[nb, 1]) if nb else self.rings.setData([], [])
        if nb:
            xs = np.empty(2 * len(nb))
            ys = np.empty(2 * len(nb))
            xs[0::2], ys[0::2] = f[0], f[1]
            xs[1::2], ys[1::2] = c[nb, 0], c[nb, 1]
            self.lines.setData(xs, ys)
        else:
            self.lines.setData([], [])

    # -- mouse --------------------------------------------------------------------------
    def _on_manual_range(self, *_args) -> None:
        self._user_moved_view = True

    def nearest_point(self, scene_pos) -> int | None:
        """The point within HOVER_PX pixels of a scene position, if any."""
        if len(self.coords) == 0 or not self.vb.sceneBoundingRect().contains(scene_pos):
            return None
        v = self.vb.mapSceneToView(scene_pos)
        px = self.vb.viewPixelSize()
        d2 = ((self.coords[:, 0] - v.x()) / px[0]) ** 2 + ((self.coords[:, 1] - v.y()) / px[1]) ** 2
        i = int(np.argmin(d2))
        return i if d2[i] <= HOVER_PX**2 else None

    def _on_hover(self, args) -> None:
        pos = args[0]
        i = self.nearest_point(pos)
        if i is None or self.hover_text is None:
            QToolTip.hideText()
            return
        view_pos = self.mapFromScene(pos)
        QToolTip.showText(self.mapToGlobal(view_pos), self.hover_text(i), self)

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        i = self.nearest_point(event.scenePos())
        if i is not None:
            self.wordClicked.emit(i)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if len(self._target) == len(self.coords) and len(self.coords):
            self._draw(self._target)
        self._relabel_timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        timer = self.__dict__.get("_relabel_timer")  # pyqtgraph resizes before __init__ ends
        if timer is not None:
            timer.start()


__all__ = ["OTHER", "WordMap"]
