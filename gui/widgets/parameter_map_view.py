"""Where the numbers live: the model's parts with shape and count, and one part's weights.

`ParameterMapTable` lists every part (the counts add up to the status bar's total; a
part that reuses another's numbers, the tied output head, counts 0 and says so) with
how much it changed lately. `WeightHeatmap` draws one part's weights, blue below
zero and vermillion above, its image item made once.

Signals:
    ParameterMapTable.sigPartClicked(str): the part (its parameter name) was clicked.
"""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from gui import theme
from gui.i18n import translate
from gui.widgets.chart_summary import describe_chart, number
from gui.widgets.plot_menus import own_plot_menus

COLUMNS = ("part", "shape", "numbers", "changed")
WIDEST_CHANGE = "100.00%"  # the "Moved" column is at least this wide, so it rarely resizes


def _shape_text(shape: tuple[int, ...]) -> str:
    return " × ".join(QLocale().toString(n) for n in shape)


# The engine's plain words for the parts (engine/pretraining/parameter_map.py), translated here.
PART_WORDS = (
    QT_TRANSLATE_NOOP("ParameterMapTable", "Token table (embedding)"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Position table"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Norm before attention"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Norm before attention, offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Attention: query, key, value"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Attention: q, k, v offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Attention: output"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Attention: output offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Norm before the MLP"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Norm before the MLP, offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "MLP: widen (feed-forward)"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "MLP: widen, offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "MLP: narrow back"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "MLP: narrow back, offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Final norm"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Final norm, offsets"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Output head (scores every token)"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Embeddings"),
    QT_TRANSLATE_NOOP("ParameterMapTable", "Output"),
)


def part_words(text: str) -> str:
    """A part's label or group in the interface's language ("Block 3" too)."""
    block = re.fullmatch(r"Block (\d+)", text)
    if block:
        return translate("ParameterMapTable", "Block {n}").format(n=block.group(1))
    return translate("ParameterMapTable", text) if text in PART_WORDS else text


def short_group(group: str) -> str:
    """"Block 3" -> "B3" (the table's first column is narrow)."""
    block = re.fullmatch(r"Block (\d+)", group)
    return translate("ParameterMapTable", "B{n}").format(n=block.group(1)) if block else part_words(group)


class ParameterMapTable(QTableWidget):
    """One row per part, then a total row; see the module docstring."""

    sigPartClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: list[str] = []
        self.total = 0
        self.setColumnCount(len(COLUMNS))
        self.setHorizontalHeaderLabels([self.tr("Part (B1 = block 1)"), self.tr("Shape"),
                                        self.tr("Count"), self.tr("Moved")])
        self.horizontalHeaderItem(3).setToolTip(self.tr(
            "How much the part's numbers moved over the last steps of training: the size of "
            "the change divided by the size of the numbers (relative L2 change)."))
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
        # Fixed, fitted by _fit_columns when the parts or the font change: in
        # ResizeToContents mode every "Moved" update re-measured every cell of the
        # table (3 ms a cell, 64 ms a redraw here) on the GUI thread.
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.cellClicked.connect(self._on_clicked)
        # Without a mouse: move to a row with the arrow keys and press Enter.
        self.activated.connect(lambda index: self._on_clicked(index.row(), index.column()))
        self.setAccessibleName(self.tr("Parts of the model and their numbers"))
        self.setAccessibleDescription(self.tr("Enter shows the chosen part's numbers"))

    def set_parts(self, parts) -> None:
        """Rows for these ParameterParts (remade only when the list of parts changes)."""
        names = [p.name for p in parts]
        if names == self.names:
            return
        self.names = names
        self.total = sum(p.count for p in parts)
        self.setRowCount(len(parts) + 1)
        for row, part in enumerate(parts):
            group, words = part_words(part.group), part_words(part.label)
            label = f"{short_group(part.group)} · {words}"
            tip = f"{group}: {words} ({part.name})"
            if part.shared_with:
                label = self.tr("{group} · {part}: same as token table").format(group=group, part=words)
                tip = self.tr("{group}: {part} ({name}): it reuses the numbers of {shared}, so it "
                              "adds none (tied)").format(group=group, part=words, name=part.name,
                                                         shared=part.shared_with)
            cells = (label, _shape_text(part.shape), QLocale().toString(part.count), "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, col, item)
        total = len(parts)
        self.setItem(total, 0, QTableWidgetItem(self.tr("Total (as in the status bar)")))
        self.setItem(total, 1, QTableWidgetItem(""))
        count = QTableWidgetItem(QLocale().toString(self.total))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(total, 2, count)
        self.setItem(total, 3, QTableWidgetItem(""))
        for col in range(len(COLUMNS)):
            font = self.item(total, col).font()
            font.setBold(True)
            self.item(total, col).setFont(font)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Shape, count and "Moved" as wide as their widest text (the part name stretches)."""
        for col in (1, 2):
            self.resizeColumnToContents(col)
        self.resizeColumnToContents(3)
        fm = QFontMetrics(self.font())
        wide = fm.horizontalAdvance(WIDEST_CHANGE) + 2 * fm.horizontalAdvance("  ")
        if self.columnWidth(3) < wide:
            self.setColumnWidth(3, wide)

    def set_changes(self, relative: dict[str, float] | None) -> None:
        """The "Moved" column: only cells whose text changed are touched."""
        widest = 0
        fm = QFontMetrics(self.font())
        for row, name in enumerate(self.names):
            change = None if relative is None else relative.get(name)
            text = "" if change is None else f"{QLocale().toString(100 * change, 'f', 2)}%"
            item = self.item(row, 3)
            if item.text() != text:
                item.setText(text)
                widest = max(widest, fm.horizontalAdvance(text))
        if widest and widest + 2 * fm.horizontalAdvance("  ") > self.columnWidth(3):
            self._fit_columns()  # a change of 1,000% or more: rare

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.names:
            self._fit_columns()

    def select_part(self, name: str) -> None:
        if name in self.names and self.currentRow() != self.names.index(name):
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
        super().__init__(parent, enableMenu=False)  # no menu made (a third of the widget's cost)
        own_plot_menus(self)
        self.plotItem.invertY(True)
        self.plotItem.hideButtons()
        self.plotItem.setLabel("left", self.tr("row"))
        self.plotItem.setLabel("bottom", self.tr("column"))
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
        describe_chart(self, self.tr("The chosen part's numbers"),
                       self.tr("{rows} × {cols} numbers, from {low} to {high}").format(
                           rows=rows, cols=cols, low=number(float(weights.min()), 3),
                           high=number(float(weights.max()), 3)))
        if (rows, cols) != self.shape:
            self.shape = (rows, cols)
            self.image.setRect(QRectF(0, 0, cols, rows))
            self.plotItem.setRange(QRectF(0, 0, cols, rows), padding=0)
