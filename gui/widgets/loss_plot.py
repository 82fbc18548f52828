"""The live loss curve: training and held-out loss against tokens read."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics

from gui import theme
from gui.i18n import translate
from gui.widgets.chart_legend import LegendBelow
from gui.widgets.chart_summary import describe_chart, loss_summary
from gui.widgets.locale_axis import locale_axes
from gui.widgets.plot_menus import own_plot_menus

theme.configure_pyqtgraph()

MIN_LINES = 10  # the chart's least height, in lines of its text


def _label_length(axis: pg.AxisItem, text: str) -> float:
    """How long `text` is along `axis`, drawn as the axis draws its label (its HTML, its
    text item's font and margins).

    subtle: not QFontMetrics(theme.font(...)) plus a guess at the margins: at 1.75x that
    came out 8 px short of the drawn "mistakes (loss)" (226 px), room for it to overrun."""
    document = axis.label.document().clone()
    shown, axis.labelText = axis.labelText, text
    try:
        document.setHtml(axis.labelString())  # pyqtgraph's own markup (it ends in a space)
    finally:
        axis.labelText = shown
    return document.size().width()  # with the margins the text item keeps


def _fit_left_label(item: pg.PlotItem, label_style: dict) -> None:
    """The y axis says "mistakes (loss)" where the chart is tall enough for it, else
    "loss": a chart kept within the page's height (gui/widgets/view_height.py) cut the
    longer one to "mistakes (loss" at 1.3x."""
    axis = item.getAxis("left")

    def fit() -> None:
        if not (shiboken6.isValid(axis) and shiboken6.isValid(item)):
            return  # its chart is being taken down (the signal fires on the way)
        full = translate("LossPlot", "mistakes (loss)")
        text = full if _label_length(axis, full) <= axis.height() else translate("LossPlot", "loss")
        if axis.labelText != text:
            item.setLabel("left", text, **label_style)
            # pyqtgraph centres the label from its length only when the axis is resized:
            # "mistakes (loss)" kept the place worked out for "loss" and ran off the top.
            axis.resizeEvent()

    axis.geometryChanged.connect(fit)


def style_loss_axes(item: pg.PlotItem, bottom_label: str) -> LegendBelow:
    """Axes of a loss curve, as every loss plot of the app shows them; returns its legend.

    "mistakes (loss)" upwards, `bottom_label` across, small theme text, no mouse zoom
    (the plot follows the run).
    """
    label_style = {"font-size": f"{theme.SMALL_PT}pt", "color": theme.TEXT}
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        # Major ticks only: every minor tick is a faint grid line as well, and drawing them
        # made each redraw of the fine-tune curve 27-40 ms (7-10 ms without), five a second.
        axis.setStyle(tickFont=theme.font(theme.SMALL_PT), maxTickLevel=0)
        axis.setTextPen(theme.TEXT)
    item.setLabel("left", translate("LossPlot", "mistakes (loss)"), **label_style)
    item.setLabel("bottom", bottom_label, **label_style)
    _fit_left_label(item, label_style)
    # Tokens read and steps are never negative (a run's first point alone made the axis
    # read -6000 to 6000).
    item.getViewBox().setLimits(xMin=0)
    # Neither clipToView nor automatic downsampling: both thin the curve by the view, and
    # auto-range fits the view to the thinned curve, so a view fitted to a run's first
    # point kept the next points out (one bin, one point) and the curve stayed blank. A
    # few thousand points are cheap to draw whole at the 5 redraws a second it gets.
    item.setMouseEnabled(x=False, y=False)
    item.hideButtons()
    # Under the x axis, not over the curves (a falling curve ran under a legend in a corner).
    return LegendBelow(item, columns=3)


def chart_height(lines: int) -> int:
    """`lines` lines of the charts' text, in pixels at the text scale now."""
    return lines * QFontMetrics(theme.font(theme.SMALL_PT)).lineSpacing()


class LossPlot(pg.PlotWidget):
    """Two curves made once and fed with setData (never re-created).

    `update_from(history)` reads a `gui.bridge.histories.LossHistory`; it is cheap to call from
    a ~30 Hz timer because it returns at once when nothing changed.
    """

    def __init__(self, parent=None):
        # No context menu (a zoom or a log axis from it would mislead a room), none made.
        super().__init__(parent, axisItems=locale_axes(), enableMenu=False)
        own_plot_menus(self)
        item = self.getPlotItem()
        # Cheap to repaint (it redraws with every snapshot): no antialiasing, a y grid only.
        self.setAntialiasing(False)
        item.showGrid(x=False, y=True, alpha=0.2)
        self.legend = style_loss_axes(item, self.tr("tokens read (thousands)"))
        self.train_curve = item.plot(
            [], [], pen=pg.mkPen(theme.TRAIN_CURVE, width=2), name=self.tr("on training text")
        )
        self.heldout_curve = item.plot(
            [], [], pen=pg.mkPen(theme.HELDOUT_CURVE, width=3),
            symbol="o", symbolSize=7, symbolBrush=theme.HELDOUT_CURVE, symbolPen=None,
            name=self.tr("on unseen text (held-out)"),
        )
        chance_pen = pg.mkPen(theme.GREY, width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
        # No text label on the line: its label re-lays out HTML on every view change.
        self.chance_line = pg.InfiniteLine(angle=0, movable=False, pen=chance_pen)
        self.chance_line.hide()
        item.addItem(self.chance_line, ignoreBounds=True)
        self._chance_legend = pg.PlotDataItem([], [], pen=chance_pen)
        self._version = -1
        self._history = None  # the history last drawn: a panel may switch between two
        self.describe([], [])

    def describe(self, train_loss, heldout_loss) -> None:
        """Say in words what the curves show (screen readers; the tooltip)."""
        describe_chart(self, self.tr("Loss chart"), loss_summary(train_loss, heldout_loss), tooltip=True)

    def summary(self) -> str:
        return self.accessibleDescription()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Tall enough for the ticks, the axis label, the legend and a curve at any text
        # scale (a fixed pixel height left a sliver of data area at 2x).
        return QSize(240, chart_height(MIN_LINES))

    def set_vocab_size(self, vocab_size: int) -> None:
        """Mark the loss of a model that guesses uniformly at random: ln(vocabulary size)."""
        self.chance_line.setValue(math.log(max(2, vocab_size)))
        if not self.chance_line.isVisible():
            self.legend.addItem(self._chance_legend, self.tr("random guessing"))
        self.chance_line.show()

    def update_from(self, history) -> bool:
        """Redraw from a LossHistory if it changed; returns whether it redrew."""
        if history is self._history and history.version == self._version:
            return False
        switched = history is not self._history
        self._history, self._version = history, history.version
        self.train_curve.setData(
            np.asarray(history.tokens, dtype=float) / 1e3, np.asarray(history.train_loss, dtype=float)
        )
        self.heldout_curve.setData(
            np.asarray(history.heldout_tokens, dtype=float) / 1e3,
            np.asarray(history.heldout_loss, dtype=float),
        )
        view = self.getPlotItem().getViewBox()
        if not len(history.tokens) and not len(history.heldout_tokens):
            # Emptied for a run from scratch: not the last curve's axis over no curve
            # (a projector showed "5000 10000" thousand tokens with nothing drawn).
            view.setXRange(0, 1, padding=0)
            view.enableAutoRange()
        elif switched:  # another curve (the shipped build's, or a live run's): fit it now,
            # or the old range clips and downsamples the new points away until it catches up
            view.enableAutoRange()
            view.updateAutoRange()
        self.describe(history.train_loss, history.heldout_loss)
        return True
