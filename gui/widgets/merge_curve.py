"""A small chart beside the merge replay: the sample's token count against merges learned."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from gui import theme
from gui.widgets.chart_summary import describe_chart, number
from gui.widgets.locale_axis import locale_axes
from gui.widgets.plot_menus import own_plot_menus


class MergeCurve(pg.PlotWidget):
    """A step curve of the sample's token count, with a cursor at the merges learned so far."""

    def __init__(self, parent=None) -> None:
        theme.configure_pyqtgraph()
        # No context menu, and none made (making then dropping one cost a third of the widget).
        super().__init__(parent, axisItems=locale_axes(), enableMenu=False)
        own_plot_menus(self)
        self.setMinimumWidth(220)
        self.setMaximumHeight(260)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        label_style = {"font-size": f"{theme.SMALL_PT}pt"}
        self.setLabel("bottom", self.tr("merges learned"), **label_style)
        self.setLabel("left", self.tr("tokens in your text"), **label_style)
        for side in ("bottom", "left"):
            self.getAxis(side).setTickFont(theme.font(theme.SMALL_PT))
        self.showGrid(x=True, y=True, alpha=0.25)
        self.curve = self.plot(pen=pg.mkPen(theme.BLUE, width=3))
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.VERMILLION, width=2))
        self.addItem(self.cursor)
        self.describe(None, 0)

    def describe(self, replay: Any | None, total: int) -> None:
        """Say in words what the curve shows (screen readers; the tooltip)."""
        if replay is None:
            summary = self.tr("no text to tokenize yet")
        else:
            after = replay.steps[-1].pieces_after if replay.steps else replay.initial_pieces
            summary = self.tr("your text: {start} tokens before any merge, {end} after {merges} merges").format(
                start=number(replay.initial_pieces, 0), end=number(after, 0), merges=number(total, 0))
        describe_chart(self, self.tr("Tokens in your text against merges learned"), summary, tooltip=True)

    def summary(self) -> str:
        return self.accessibleDescription()

    def show_replay(self, replay: Any | None, total: int) -> None:
        """The curve of a MergeReplay over `total` merges (None: empty)."""
        self.describe(replay, total)
        if replay is None:
            self.curve.setData([], [])
            return
        xs = [0.0]
        ys = [float(replay.initial_pieces)]
        for s in replay.steps:
            xs += [float(s.step), float(s.step)]
            ys += [ys[-1], float(s.pieces_after)]
        xs.append(float(total))
        ys.append(ys[-1])
        self.curve.setData(xs, ys)
        self.setXRange(0, max(total, 1), padding=0.02)
        self.setYRange(0, max(ys) * 1.05 if ys else 1, padding=0)
