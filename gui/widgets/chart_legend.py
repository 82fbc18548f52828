"""A chart's legend under its x axis, inside the chart's own layout: never over the curves.

pyqtgraph's `addLegend()` floats the legend over the data area, where a rising curve
runs under it. `LegendBelow` is a row of keys placed in the PlotItem's grid under the
bottom axis, so the data area shrinks to make room; being in the scene, it is in every
PNG and SVG export of the chart too.
"""

from __future__ import annotations

import pyqtgraph as pg

from gui import theme

LEGEND_ROW = 4  # PlotItem's grid: 0 title, 1 top axis, 2 the data, 3 bottom axis


class LegendBelow(pg.LegendItem):
    """The keys of `plot`'s named curves in a row (or `columns` per row) under its x axis.

    Curves plotted with `name=` afterwards join it (it becomes `plot.legend`). When the
    chart is too narrow for `columns` keys side by side, it uses fewer per row.
    """

    def __init__(self, plot: pg.PlotItem, columns: int = 3, text_pt: float | None = None):
        pt = theme.SMALL_PT if text_pt is None else text_pt
        super().__init__(offset=None, colCount=columns, labelTextSize=f"{pt}pt",
                         labelTextColor=theme.TEXT, verSpacing=-4)
        self.plot = plot
        self.most_columns = columns
        # subtle: without this the keys' summed width becomes the chart's minimum, and a
        # narrow chart is pushed wider than its window; `fit_columns` wraps them instead.
        self.setMinimumWidth(10)
        plot.layout.addItem(self, LEGEND_ROW, 1)
        plot.legend = self  # PlotItem.addItem adds named curves to `plot.legend`
        plot.geometryChanged.connect(self.fit_columns)

    def addItem(self, item, name) -> None:  # noqa: N802 - pyqtgraph's name
        super().addItem(item, name)
        self.fit_columns()

    def fit_columns(self) -> None:
        """As many keys per row as the chart's width holds (at least one)."""
        room = self.plot.getViewBox().width() - 8  # the data area's column, which it shares
        widths = sorted((sample.boundingRect().width() + label.item.boundingRect().width() + 12
                         for sample, label in self.items), reverse=True)
        columns = max(1, min(self.most_columns, len(widths)))
        while columns > 1 and sum(widths[:columns]) > room:
            columns -= 1
        if columns != self.columnCount:
            self.setColumnCount(columns)

    def updateSize(self) -> None:  # noqa: N802 - pyqtgraph's name
        # subtle: LegendItem.updateSize moves itself to (0, 0) of its parent, on top of the
        # title; here the plot's layout places it, so only tell the layout it changed.
        self.updateGeometry()


__all__ = ["LEGEND_ROW", "LegendBelow"]
