"""Where the numbers live: the model's parts with shape and count, and one part's weights.

`ParameterMapTable` lists every part (the counts add up to the status bar's total; a
part that reuses another's numbers, the tied output head, counts 0 and says so) with
how much it changed lately. `WeightHeatmap` draws one part's weights, blue below
zero and vermillion above, its image item made once.

Signals:
    ParameterMapTable.sigPartClicked(str): the part (its parameter name) was clicked.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from gui import theme

COLUMNS = ("part", "shape", "numbers", "changed")


def _shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(f"{n:,}" for n in shape)


class ParameterMapTable(QTableWidget):
    """One row per part, then a total row; see the module docstring."""

    sigPartClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHorizontalHeaderLabels(["Part (B1 = block 1)", "Shape", "Count", "Moved"])
        self.horizontalHeaderItem(3).setToolTip(
            "How much the part's numbers moved over the last steps of training: the size of "
            "the change divided by the size of the numbers (relative L2 change).")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        small = theme.font(theme.SMALL_PT)
        self.setFont(small)
        self.horizontalHeader().setFont(small)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(small).height() + 6)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.names: list[str] = []
        self.total = 0
        self.cellClicked.connect(self._on_clicked)

    def set_parts(self, parts) -> None:
        """Rows for these ParameterParts (remade only when the list of parts changes)."""
        names = [p.name for p in parts]
        if names == self.names:
            return
        self.names = names
        self.total = sum(p.count for p in parts)
        self.setRowCount(len(parts) + 1)
        for row, part in enumerate(parts):
            label = f"{part.group.replace('Block ', 'B')} · {part.label}"
            tip = f"{part.group}: {part.label} ({part.name})"
            if part.shared_with:
                label = f"{part.group} · {part.label}: same as token table"
                tip += f": it reuses the numbers of {part.shared_with}, so it adds none (tied)"
            cells = (label, _shape_text(part.shape), f"{part.count:,}", "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, col, item)
        total = len(parts)
        self.setItem(total, 0, QTableWidgetItem("Total (as in the status bar)"))
        self.setItem(total, 1, QTableWidgetItem(""))
        count = QTableWidgetItem(f"{self.total:,}")
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(total, 2, count)
        self.setItem(total, 3, QTableWidgetItem(""))
        for col in range(len(COLUMNS)):
            font = self.item(total, col).font()
            font.setBold(True)
            self.item(total, col).setFont(font)

    def set_changes(self, relative: dict[str, float] | None) -> None:
        for row, name in enumerate(self.names):
            change = None if relative is None else relative.get(name)
            self.item(row, 3).setText("" if change is None else f"{100 * change:.2f}%")

    def select_part(self, name: str) -> None:
        if name in self.names:
            self.selectRow(self.names.index(name))

    def _on_clicked(self, row: int, _col: int) -> None:
        if row < len(self.names):
            self.sigPartClicked.emit(self.names[row])


def weight_colormap() -> pg.ColorMap:
    """Blue for negative numbers, the background for zero, vermillion for positive."""
    return pg.ColorMap([0.0, 0.5, 1.0], [theme.BLUE, theme.BACKGROUND, theme.VERMILLION])


class WeightHeatmap(pg.PlotWidget):
    """One part's weights as an image: rows and columns as stored, colour by value."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.plotItem.invertY(True)
        self.plotItem.hideButtons()
        self.plotItem.setLabel("left", "row")
        self.plotItem.setLabel("bottom", "column")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(weight_colormap())
        self.addItem(self.image)
        self.shape: tuple[int, int] = (0, 0)

    def apply_theme(self) -> None:
        """The colour scheme changed: zero takes the new background colour."""
        self.image.setColorMap(weight_colormap())

    def show_weights(self, weights: np.ndarray) -> None:
        """weights (rows, cols); the colour scale is symmetric so zero is always the middle."""
        limit = float(np.abs(weights).max()) or 1.0
        self.image.setImage(weights, levels=(-limit, limit), autoLevels=False)
        rows, cols = weights.shape
        if (rows, cols) != self.shape:
            self.shape = (rows, cols)
            self.image.setRect(QRectF(0, 0, cols, rows))
            self.plotItem.setRange(QRectF(0, 0, cols, rows), padding=0)
