"""A small heatmap per attention head: one row per layer, one column per head.

Each cell shows the head's whole attention matrix for the window (row = the token that
looks, column = the token looked at; only earlier tokens can be looked at, so the
upper right is empty) with the row of the current query position outlined. Items are
made once per model shape and fed with setImage.

Signals:
    sigQueryHovered(int): the mouse is over row `int` of some head's matrix.
    sigHeadClicked(int, int): a head (layer, head) was clicked.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem

from gui import theme


def attention_colormap() -> pg.ColorMap:
    """From the background (no attention) to deep blue (all of it)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [theme.BACKGROUND, theme.SKY_BLUE, theme.BLUE])


class _HeadCell:
    """The items of one head's heatmap, made once."""

    def __init__(self, layout: pg.GraphicsLayout, layer: int, head: int):
        self.title = layout.addLabel(f"layer {layer + 1} · head {head + 1}", row=2 * layer,
                                     col=head, size=f"{theme.SMALL_PT - 2}pt")
        self.view = layout.addViewBox(row=2 * layer + 1, col=head, lockAspect=True,
                                      enableMouse=False, invertY=True)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(attention_colormap())
        self.view.addItem(self.image)
        self.outline = QGraphicsRectItem()
        pen = QPen(theme.qcolor(theme.VERMILLION))
        pen.setWidthF(0.12)
        self.outline.setPen(pen)
        self.view.addItem(self.outline)
        self.frame = QGraphicsRectItem()
        self.frame.setPen(QPen(theme.qcolor(theme.BORDER), 0))
        self.view.addItem(self.frame)
        self.layer, self.head = layer, head


class AttentionGrid(pg.GraphicsLayoutWidget):
    """L x H heatmaps of attention weights; see the module docstring for the signals."""

    sigQueryHovered = Signal(int)
    sigHeadClicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ci.setSpacing(2)
        self.cells: list[list[_HeadCell]] = []
        self._size = 0  # T of the matrices drawn
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    def _ensure_shape(self, n_layer: int, n_head: int) -> None:
        if len(self.cells) == n_layer and all(len(r) == n_head for r in self.cells):
            return
        self.ci.clear()  # only when the model's shape changes (another model)
        self.cells = [[_HeadCell(self.ci, layer, head) for head in range(n_head)]
                      for layer in range(n_layer)]

    def show_attention(self, attention: np.ndarray, query: int, titles: list[list[str]]) -> None:
        """attention (L, H, T, T); query: the row to outline; titles[l][h]: each head's caption."""
        n_layer, n_head, T, _ = attention.shape
        self._ensure_shape(n_layer, n_head)
        self._size = T
        for layer, row in enumerate(self.cells):
            for head, cell in enumerate(row):
                cell.image.setImage(attention[layer, head], levels=(0.0, 1.0), autoLevels=False)
                cell.image.setRect(QRectF(0, 0, T, T))
                cell.frame.setRect(QRectF(0, 0, T, T))
                cell.title.setText(titles[layer][head])
                cell.view.setRange(QRectF(0, 0, T, T), padding=0.02)
        self.set_query(query)

    def set_query(self, query: int) -> None:
        """Outline row `query` in every head (no new data needed)."""
        for row in self.cells:
            for cell in row:
                cell.outline.setRect(QRectF(0, query, self._size, 1))

    def _cell_at(self, scene_pos):
        for row in self.cells:
            for cell in row:
                if cell.view.sceneBoundingRect().contains(scene_pos):
                    return cell
        return None

    def _on_mouse_moved(self, scene_pos) -> None:
        cell = self._cell_at(scene_pos)
        if cell is None or self._size == 0:
            return
        y = cell.view.mapSceneToView(scene_pos).y()
        if 0 <= y < self._size:
            self.sigQueryHovered.emit(int(y))

    def _on_mouse_clicked(self, event) -> None:
        cell = self._cell_at(event.scenePos())
        if cell is not None:
            self.sigHeadClicked.emit(cell.layer, cell.head)
