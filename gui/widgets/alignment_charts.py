"""Four live charts of a model learning from judgements, one point per update.

1. agreement: the share of stored judgements the model now agrees with (accuracy, left
   axis, %, green) and how strongly (reward margin, right axis, blue);
2. drift from the fine-tuned model (exact KL divergence per answer token), with the
   limit the tests hold it to;
3. answer length (tokens) and the share of answers that stop by themselves;
4. the share of answers with the trait being rewarded (e.g. that mention a word).

Every plot item is made once and fed with setData (never re-created).
"""

from __future__ import annotations

import pyqtgraph as pg

from gui import theme

theme.configure_pyqtgraph()

X_LABEL = "judgements learned"


def _style(plot: pg.PlotItem, title: str, bottom: bool = True) -> None:
    """A compact plot: the title says what and in which unit (no side label to make room)."""
    plot.setTitle(title, size=f"{theme.SMALL_PT - 1}pt", color=theme.TEXT)
    plot.showGrid(x=True, y=True, alpha=0.25)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setStyle(tickFont=theme.font(theme.SMALL_PT - 2))
        axis.setTextPen(theme.TEXT)
        axis.enableAutoSIPrefix(False)
    if bottom:
        plot.setLabel("bottom", X_LABEL, **{"font-size": f"{theme.SMALL_PT - 1}pt", "color": theme.TEXT})
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setClipToView(True)
    plot.setDownsampling(auto=True, mode="peak")


def _pen(colour: str, width: int = 3, dashed: bool = False) -> pg.QtGui.QPen:
    style = pg.QtCore.Qt.PenStyle.DashLine if dashed else pg.QtCore.Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def _curve(plot, colour: str, name: str | None = None, symbol: str = "o"):
    return plot.plot(
        [], [], pen=_pen(colour), symbol=symbol, symbolSize=6, symbolBrush=colour,
        symbolPen=None, name=name,
    )


class AlignmentCharts(pg.GraphicsLayoutWidget):
    """The four charts. `update_from(history)` redraws from an AlignmentHistory if it moved."""

    def __init__(self, kl_budget: float | None = None, parent=None):
        super().__init__(parent)
        self.setMinimumSize(300, 240)
        self.setToolTip(
            "Agrees: the share of your judgements the model now sides with (accuracy), and by how\n"
            "much (reward margin: how much likelier it makes the chosen answer than the other one,\n"
            "compared with the fine-tuned model).\n"
            "Drift: how different its word-by-word guesses are from the fine-tuned model's\n"
            "(KL divergence, exact, on fixed test questions). The dashed line is the limit the tests allow."
        )
        self.ci.layout.setSpacing(4)
        self.ci.setContentsMargins(2, 2, 2, 2)

        # 1. agreement: accuracy (left, %) and margin (right axis, its own view box)
        self.agree = self.addPlot(row=0, col=0)
        _style(self.agree, "Agrees with judgements", bottom=False)
        self.agree.setYRange(0, 100, padding=0.05)
        self.accuracy_curve = _curve(self.agree, theme.GREEN)
        self.margin_box = pg.ViewBox()
        self.agree.showAxis("right")
        self.agree.scene().addItem(self.margin_box)
        right = self.agree.getAxis("right")
        right.linkToView(self.margin_box)
        right.setStyle(tickFont=theme.font(theme.SMALL_PT - 2))
        right.setTextPen(theme.BLUE)
        right.enableAutoSIPrefix(False)
        self.margin_box.setXLink(self.agree)
        self.margin_curve = pg.PlotDataItem(
            [], [], pen=_pen(theme.BLUE, 2, dashed=True), symbol="t", symbolSize=6,
            symbolBrush=theme.BLUE, symbolPen=None,
        )
        self.margin_box.addItem(self.margin_curve)
        self.agree.vb.sigResized.connect(self._sync_margin_box)

        # 2. drift from the fine-tuned model
        self.drift = self.addPlot(row=0, col=1)
        _style(self.drift, "Drift (KL, nats/token)", bottom=False)
        self.kl_curve = _curve(self.drift, theme.VERMILLION)
        self.budget_line = pg.InfiniteLine(
            angle=0, movable=False, pen=_pen(theme.GREY, 2, dashed=True),
            label="tested limit", labelOpts={"position": 0.5, "color": theme.MUTED_TEXT,
                                             "anchors": [(0.5, 0.0), (0.5, 0.0)]},
        )
        self._budget = kl_budget or 0.0
        if kl_budget is not None:
            self.budget_line.setValue(kl_budget)
            self.drift.addItem(self.budget_line, ignoreBounds=True)

        # 3. answer length
        self.length = self.addPlot(row=1, col=0)
        _style(self.length, "Answer length (tokens)")
        self.length_curve = _curve(self.length, theme.PURPLE)

        # 4. the trait being rewarded
        self.trait = self.addPlot(row=1, col=1)
        _style(self.trait, "Rewarded trait (%)")
        self.trait.setYRange(0, 100, padding=0.05)
        self.trait_curve = _curve(self.trait, theme.ORANGE)

        self._version = -1
        self._trait_title = ""

    def _sync_margin_box(self) -> None:
        self.margin_box.setGeometry(self.agree.vb.sceneBoundingRect())
        self.margin_box.linkedViewChanged(self.agree.vb, self.margin_box.XAxis)

    def set_trait_title(self, text: str) -> None:
        if text != self._trait_title:
            self._trait_title = text
            self.trait.setTitle(f"{text or 'Rewarded trait'} (%)",
                                size=f"{theme.SMALL_PT - 1}pt", color=theme.TEXT)

    def point_count(self) -> int:
        """How many updates the charts show (the drift curve's points)."""
        x, _ = self.kl_curve.getData()
        return 0 if x is None else len(x)

    def update_from(self, history) -> bool:
        """Redraw from a gui.bridge.histories.AlignmentHistory if it changed; returns whether it did."""
        if history.version == self._version:
            return False
        self._version = history.version
        x, y = history.column("accuracy")
        self.accuracy_curve.setData(x, 100.0 * y)
        self.margin_curve.setData(*history.column("margin"))
        x, kl = history.column("kl_per_token")
        self.kl_curve.setData(x, kl)
        top = max([self._budget * 1.25] + [float(kl.max()) * 1.1] if kl.size else [self._budget * 1.25])
        self.drift.setYRange(0, max(top, 0.01), padding=0)
        self.length_curve.setData(*history.column("mean_length"))
        x, y = history.column("trait_rate")
        self.trait_curve.setData(x, 100.0 * y)
        last = history.snapshots[-1] if history.snapshots else None
        if last is not None:
            self.set_trait_title(last.trait_title)
        # Keep a little room on the x axis so a single point is not at the edge.
        n = max([s.version for s in history.snapshots], default=0)
        for plot in (self.agree, self.drift, self.length, self.trait):
            plot.setXRange(0, max(5, n + 1), padding=0.02)
        self._sync_margin_box()
        return True

