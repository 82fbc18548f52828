"""A small heatmap per attention head: one row of tiles per layer, one column per head.

Each tile is the head's whole attention matrix for the window (row = the token that
looks, column = the token looked at; only earlier tokens can be looked at, so the
upper right is empty), with the row of the current query position outlined. All tiles
are one ImageItem (a mosaic) with two path items for the frames and outlines, made
once and fed with setImage/setPath: 16 separate plots cost 10-20 ms a repaint here.

The head columns are labelled "head 1", "head 2"... when that fits between two columns, else
"h1", "h2"..., else "1", "2"... (`ColumnAxis`, chosen as it draws, so at every size and
text scale): at 1.3x text in a 1366x768 window "head 1 head 2" ran together.

Signals:
    sigQueryHovered(int): the mouse is over row `int` of some head's tile.
    sigHeadClicked(int, int): a head (layer, head) was clicked.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from gui import theme
from gui.widgets.chart_summary import describe_chart
from gui.widgets.plot_menus import own_plot_menus

# Arrow keys choose a head: (layers, heads) to move by.
HEAD_MOVES = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
              Qt.Key.Key_Right: (0, 1)}
# The smallest distance between two tiles, in lines of the labels' text: room for "h1",
# and a tile of 4-16 rows still big enough to see its pattern at the back of a room.
MIN_TILE_LINES = 1.8
DEFAULT_SHAPE = (4, 4)  # layers, heads: the shipped model's, before the first view arrives


def attention_colormap() -> pg.ColorMap:
    """From the background (no attention) to deep blue (all of it)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [theme.BACKGROUND, theme.SKY_BLUE, theme.BLUE])


def _path_item(colour: str, width: float) -> QGraphicsPathItem:
    item = QGraphicsPathItem()
    pen = QPen(theme.qcolor(colour))
    pen.setCosmetic(True)  # width in pixels, whatever the zoom
    pen.setWidthF(width)
    item.setPen(pen)
    return item


class ColumnAxis(pg.AxisItem):
    """An axis with one label per column, in the longest of its wordings that fits between
    two neighbouring columns at the current width and tick font (a space apart)."""

    def __init__(self, orientation: str = "top"):
        super().__init__(orientation)
        self.centres: list[float] = []  # each column's centre, in data units
        self.wordings: list[list[str]] = []  # one label per column in each; longest first

    def set_columns(self, centres, wordings) -> None:
        self.centres = [float(c) for c in centres]
        self.wordings = [list(w) for w in wordings]
        self.picture = None  # pyqtgraph's cached drawing (no public way to drop it)
        self.update()

    def pitch_px(self) -> float:
        """Pixels between two neighbouring columns' centres (the whole width for one)."""
        lo, hi = self.range
        if len(self.centres) < 2 or hi <= lo:
            return float(self.width())
        return (self.centres[1] - self.centres[0]) * self.width() / (hi - lo)

    def labels(self) -> list[str]:
        """The labels drawn at the current size: the first wording whose widest label fits."""
        if not self.wordings:
            return []
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        room = self.pitch_px() - metrics.horizontalAdvance(" ")
        for wording in self.wordings:
            if max(metrics.horizontalAdvance(label) for label in wording) <= room:
                return wording
        return self.wordings[-1]  # the shortest, even if it touches its neighbour

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 - pyqtgraph's names
        return [(1.0, list(self.centres))]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        # Asked while drawing (generateDrawSpecs), with the geometry of this very paint.
        return list(self.labels())[:len(values)]


class AttentionGrid(pg.PlotWidget):
    """L x H tiles of attention weights; see the module docstring for the signals."""

    sigQueryHovered = Signal(int)
    sigHeadClicked = Signal(int, int)

    def __init__(self, parent=None):
        # No context menu, and none made: making one then dropping it cost a third of
        # the widget (bench/stall_latency.py).
        self.head_axis = ColumnAxis("top")
        super().__init__(parent, enableMenu=False, axisItems={"top": self.head_axis})
        own_plot_menus(self)
        self.setMouseEnabled(x=False, y=False)
        plot = self.plotItem
        plot.hideButtons()
        plot.invertY(True)
        plot.setAspectLocked(True)
        plot.hideAxis("bottom")
        plot.showAxis("top")
        for name in ("left", "top"):  # set, so that the text scale reaches them (appearance.py)
            plot.getAxis(name).setStyle(tickFont=theme.font(theme.BASE_PT))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(attention_colormap())
        self.addItem(self.image)
        self.frames = _path_item(theme.BORDER, 1.0)
        self.outlines = _path_item(theme.VERMILLION, 2.0)
        self.chosen = _path_item(theme.TEXT, 2.5)
        for item in (self.frames, self.outlines, self.chosen):
            self.addItem(item)
        self.shape = (0, 0, 0)  # (L, H, T) drawn
        self.mosaic = np.zeros((0, 0), dtype=np.float32)
        self.chosen_head = (0, 0)  # the framed (layer, head)
        self.describe()
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def apply_theme(self) -> None:
        """The colour scheme changed (gui/lecture/appearance.py): new ink for the same data."""
        self.image.setColorMap(attention_colormap())
        for item, colour in ((self.frames, theme.BORDER), (self.outlines, theme.VERMILLION),
                             (self.chosen, theme.TEXT)):
            pen = item.pen()
            pen.setColor(theme.qcolor(colour))
            item.setPen(pen)

    @property
    def step(self) -> int:
        """Distance between tiles in data units: the tile and a gap of a third of it."""
        T = self.shape[2]
        return T + max(1, T // 3)

    def _tile(self, layer: int, head: int) -> QRectF:
        s, T = self.step, self.shape[2]
        return QRectF(head * s, layer * s, T, T)

    def _set_shape(self, n_layer: int, n_head: int, T: int) -> bool:
        """Lay the tiles out for this shape; True if it changed (then the image is resized)."""
        if self.shape == (n_layer, n_head, T):
            return False
        self.shape = (n_layer, n_head, T)
        self.updateGeometry()  # another minimum size
        s = self.step
        self.mosaic = np.zeros((n_layer * s - (s - T), n_head * s - (s - T)), dtype=np.float32)
        frames = QPainterPath()
        for layer in range(n_layer):
            for head in range(n_head):
                frames.addRect(self._tile(layer, head))
        self.frames.setPath(frames)
        self.plotItem.getAxis("left").setTicks([[(layer * s + T / 2, self.tr("layer {n}").format(n=layer + 1))
                                                 for layer in range(n_layer)]])
        heads = range(1, n_head + 1)
        self.head_axis.set_columns(
            [(n - 1) * s + T / 2 for n in heads],
            [[self.tr("head {n}").format(n=n) for n in heads],
             [self.tr("h{n}", "head n, when 'head n' is too wide for its column").format(n=n)
              for n in heads],
             [str(n) for n in heads]])
        self.plotItem.setRange(QRectF(0, 0, self.mosaic.shape[1], self.mosaic.shape[0]), padding=0.02)
        return True

    def show_attention(self, attention: np.ndarray, query: int, chosen: tuple[int, int]) -> None:
        """attention (L, H, T, T); query: the row to outline; chosen: the (layer, head) framed."""
        n_layer, n_head, T, _ = attention.shape
        resized = self._set_shape(n_layer, n_head, T)
        s = self.step
        for layer in range(n_layer):
            for head in range(n_head):
                self.mosaic[layer * s: layer * s + T, head * s: head * s + T] = attention[layer, head]
        self.image.setImage(self.mosaic, levels=(0.0, 1.0), autoLevels=False)
        if resized:  # subtle: after setImage, which resets the item's size to the image's
            self.image.setRect(QRectF(0, 0, self.mosaic.shape[1], self.mosaic.shape[0]))
        self.set_query(query, chosen)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # At least MIN_TILE_LINES of text a tile, at any text scale: squeezed under the
        # wrapped notes of a small window the tiles shrank to 13 pixels and their labels
        # ran into each other. The window scrolls instead.
        n_layer, n_head = self.shape[:2] if self.shape[0] else DEFAULT_SHAPE
        metrics = QFontMetrics(theme.font(theme.BASE_PT))
        pitch = MIN_TILE_LINES * metrics.lineSpacing()
        layer_label = metrics.horizontalAdvance(self.tr("layer {n}").format(n=n_layer)) + 16
        return QSize(round(layer_label + n_head * pitch), round((n_layer + 1.5) * pitch))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # the text scale changed
            self.updateGeometry()
        super().changeEvent(event)

    def head_labels(self) -> list[str]:
        """The head columns' labels as drawn at the current size."""
        return self.head_axis.labels()

    def column_pitch_px(self) -> float:
        """Pixels from one head column's centre to the next."""
        return self.head_axis.pitch_px()

    def head_image(self, layer: int, head: int) -> np.ndarray:
        """The (T, T) weights drawn in one head's tile."""
        s, T = self.step, self.shape[2]
        return self.mosaic[layer * s: layer * s + T, head * s: head * s + T]

    def set_query(self, query: int, chosen: tuple[int, int]) -> None:
        """Outline row `query` in every tile and frame the chosen head (no new data needed)."""
        n_layer, n_head, T = self.shape
        rows = QPainterPath()
        for layer in range(n_layer):
            for head in range(n_head):
                tile = self._tile(layer, head)
                rows.addRect(QRectF(tile.left(), tile.top() + query, T, 1))
        self.outlines.setPath(rows)
        box = QPainterPath()
        if n_layer:
            box.addRect(self._tile(*chosen).adjusted(-0.3, -0.3, 0.3, 0.3))
        self.chosen.setPath(box)
        self.chosen_head = (int(chosen[0]), int(chosen[1]))
        self.describe()

    def describe(self) -> None:
        """Say in words what the grid shows and how to choose a head (screen readers)."""
        n_layer, n_head, _ = self.shape
        if not n_layer:
            summary = self.tr("no attention measured yet")
        else:
            summary = self.tr("{layers} layers × {heads} heads; chosen: layer {layer}, head {head}. "
                              "The arrow keys choose another head.").format(
                layers=n_layer, heads=n_head, layer=self.chosen_head[0] + 1, head=self.chosen_head[1] + 1)
        describe_chart(self, self.tr("Attention of every head"), summary)

    # -- the keyboard: the arrow keys move the frame to a neighbouring head --------------
    def event(self, event) -> bool:
        # subtle: the window binds ← and → to the next step (gui/lecture/presenter.py); taking
        # the shortcut-override lets the keys reach keyPressEvent while the grid has focus.
        if (event.type() == QEvent.Type.ShortcutOverride and event.key() in HEAD_MOVES
                and not event.modifiers()):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        move = HEAD_MOVES.get(event.key())
        n_layer, n_head, _ = self.shape
        if move is None or not n_layer:
            super().keyPressEvent(event)
            return
        layer = min(max(self.chosen_head[0] + move[0], 0), n_layer - 1)
        head = min(max(self.chosen_head[1] + move[1], 0), n_head - 1)
        event.accept()
        self.sigHeadClicked.emit(layer, head)

    def _hit(self, scene_pos) -> tuple[int, int, int] | None:
        """(layer, head, row) under a scene position, or None between tiles."""
        n_layer, n_head, T = self.shape
        if not T or not self.plotItem.vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.plotItem.vb.mapSceneToView(scene_pos)
        s = self.step
        x, y = int(np.floor(p.x())), int(np.floor(p.y()))
        layer, head = y // s, x // s
        if 0 <= layer < n_layer and 0 <= head < n_head and x % s < T and y % s < T:
            return layer, head, y % s
        return None

    def _on_mouse_moved(self, scene_pos) -> None:
        hit = self._hit(scene_pos)
        if hit is not None:
            self.sigQueryHovered.emit(hit[2])

    def _on_mouse_clicked(self, event) -> None:
        hit = self._hit(event.scenePos())
        if hit is not None:
            self.sigHeadClicked.emit(hit[0], hit[1])
