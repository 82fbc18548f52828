"""Eight live charts of a model learning from judgements, one point per update.

Top row, what the judgements do:
1. agreement before learning: each new pair is scored by the model before it learns
   from it (the running share it already agreed with; chance is 50 %), beside the share
   of stored pairs it agrees with after training on them (which reads high even for a
   judge with no taste); one axis, %, with a legend;
2. the reward margin on the stored pairs (beta times the difference of log-ratios);
3. drift from the fine-tuned model (KL divergence per answer token), with the limit the
   tests hold it to;
4. answer length (tokens).
Bottom row, what the answers become:
5. the share of answers with the trait being rewarded (e.g. that mention a word);
6. made-up words: words found nowhere in the training text (%);
7. the reference model's loss on the answers (nats per token): garbled answers surprise it;
8. the share of answers that stop by themselves.

Every plot item is made once and fed with setData (never re-created).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics

from gui import theme
from gui.engine_messages import engine_text
from gui.i18n import translate
from gui.widgets.chart_legend import LegendBelow
from gui.widgets.chart_summary import describe_chart, number, percent
from gui.widgets.locale_axis import locale_axes
from gui.widgets.plot_menus import own_plot_menus

theme.configure_pyqtgraph()

X_LABEL = QT_TRANSLATE_NOOP("AlignmentCharts", "updates")
MIN_ROW_LINES = 8  # a row of charts is never shorter than this many lines of text
CHANCE = 50.0  # % agreement a judge with no taste gets from any model


def _style(plot: pg.PlotItem, title: str, bottom: bool = True) -> None:
    """A compact plot: the title says what and in which unit (no side label to make room)."""
    plot.setTitle(title, size=f"{theme.SMALL_PT - 1}pt", color=theme.TEXT)
    plot.showGrid(x=True, y=True, alpha=0.25)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        # Major ticks only: each minor tick is a grid line too, and redrawing those lines
        # took two thirds of the eight charts' 60 ms after a resize (Chat's answers arriving
        # move the charts a few pixels); a small chart reads as well without them.
        axis.setStyle(tickFont=theme.font(theme.SMALL_PT - 2), maxTickLevel=0)
        axis.setTextPen(theme.TEXT)
    for name in ("left", "bottom", "top", "right"):
        # Hidden or not, an axis with SI prefixes re-lays out its label's HTML at every
        # range change (a hundred times as the step opens).
        plot.getAxis(name).enableAutoSIPrefix(False)
    if bottom:
        plot.setLabel("bottom", translate("AlignmentCharts", X_LABEL), **{"font-size": f"{theme.SMALL_PT - 1}pt", "color": theme.TEXT})
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setClipToView(True)
    plot.setDownsampling(auto=True, mode="peak")


def _pen(colour: str, width: int = 3, dashed: bool = False) -> pg.QtGui.QPen:
    style = pg.QtCore.Qt.PenStyle.DashLine if dashed else pg.QtCore.Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def _curve(plot, colour: str, name: str | None = None, symbol: str = "o", dashed: bool = False):
    return plot.plot(
        [], [], pen=_pen(colour, 3 if not dashed else 2, dashed), symbol=symbol, symbolSize=6,
        symbolBrush=colour, symbolPen=None, name=name,
    )


def _line(value: float, label: str) -> pg.InfiniteLine:
    return pg.InfiniteLine(
        pos=value, angle=0, movable=False, pen=_pen(theme.GREY, 2, dashed=True), label=label,
        # Its right end at the plot's right edge, whatever its length: centred at 85 % of
        # the width, "tested limit" ran off a narrow chart at 1.3x.
        labelOpts={"position": 0.98, "color": theme.MUTED_TEXT, "anchors": [(1.0, 0.0), (1.0, 0.0)]},
    )


TOOLTIP = QT_TRANSLATE_NOOP(
    "AlignmentCharts",
    "Agrees before learning: each new pair is first scored by the model as it is before it\n"
    "learns from it: does the chosen answer already have the higher implicit reward? (a tie\n"
    "counts one half). The running share over all pairs so far; a judge with no taste gets\n"
    "about 50 %. Dashed: the share of the newest stored pairs (at most 64) it sides with\n"
    "after training on them, which reads high for any judge.\n"
    "Margin: beta x the difference of log-ratios, beta x [(log pi - log ref)(chosen) -\n"
    "(log pi - log ref)(rejected)], averaged over those stored pairs (beta = {beta}).\n"
    "Drift: KL(model || fine-tuned model), computed exactly at each position (a sum over the\n"
    "whole vocabulary) along {probes} fixed continuations, sampled once from the fine-tuned\n"
    "model for {probes} held-out questions; nats per answer token. Dashed: the limit the tests allow.\n"
    "Trait, made-up words, reference loss, stops: from answers sampled for held-out questions\n"
    "after each update, with the same dice every time. Made-up words: words found nowhere in\n"
    "the training text. Reference loss: the fine-tuned model's mean loss per token on those\n"
    "answers (nats): higher means stranger answers."
)


class AlignmentCharts(pg.GraphicsLayoutWidget):
    """The eight charts. `update_from(history)` redraws from an AlignmentHistory if it moved."""

    def __init__(self, kl_budget: float | None = None, parent=None, beta: float = 0.1,
                 probes: int = 12):
        super().__init__(parent)
        locale = QLocale()
        self.setToolTip(self.tr(TOOLTIP).format(beta=locale.toString(beta), probes=probes))
        self.ci.layout.setSpacing(4)
        self.ci.setContentsMargins(2, 2, 2, 2)

        # 1. agreement before learning (one axis, %), with the after-training accuracy
        self.agree = self._plot(row=0, col=0)
        _style(self.agree, self.tr("Agrees before learning (%)"), bottom=False)
        self.agree.setYRange(0, 100, padding=0.05)
        # The key under the axis, one line each: inside, it covered the curves.
        self.agree_legend = LegendBelow(self.agree, columns=1, text_pt=theme.SMALL_PT - 2)
        self.agreement_curve = _curve(self.agree, theme.GREEN, self.tr("before learning (new pairs)"))
        self.accuracy_curve = _curve(self.agree, theme.GREY, self.tr("after learning (stored pairs)"),
                                     symbol="t", dashed=True)
        self.agree.addItem(_line(CHANCE, self.tr("chance")), ignoreBounds=True)

        # 2. reward margin on the stored pairs
        self.margin = self._plot(row=0, col=1)
        _style(self.margin, self.tr("Margin (β·Δ log-ratio)"), bottom=False)
        self.margin_curve = _curve(self.margin, theme.BLUE, symbol="t")

        # 3. drift from the fine-tuned model
        self.drift = self._plot(row=0, col=2)
        _style(self.drift, self.tr("Drift (KL, nats/token)"), bottom=False)
        self.kl_curve = _curve(self.drift, theme.VERMILLION)
        self.budget_line = _line(kl_budget or 0.0, self.tr("tested limit"))
        self._budget = kl_budget or 0.0
        if kl_budget is not None:
            self.drift.addItem(self.budget_line, ignoreBounds=True)

        # 4. answer length
        self.length = self._plot(row=0, col=3)
        _style(self.length, self.tr("Answer length (tokens)"), bottom=False)
        self.length_curve = _curve(self.length, theme.PURPLE)

        # 5. the trait being rewarded, and beside it what the answers cost (6-8)
        self.trait = self._plot(row=1, col=0)
        _style(self.trait, self.tr("Rewarded trait (%)"))
        self.trait.setYRange(0, 100, padding=0.05)
        self.trait_curve = _curve(self.trait, theme.ORANGE)
        self.nonwords = self._plot(row=1, col=1)
        _style(self.nonwords, self.tr("Made-up words (%)"))
        self.nonword_curve = _curve(self.nonwords, theme.VERMILLION, symbol="s")
        self.refloss = self._plot(row=1, col=2)
        _style(self.refloss, self.tr("Reference loss (nats/token)"))
        self.refloss_curve = _curve(self.refloss, theme.PURPLE, symbol="s")
        self.stops = self._plot(row=1, col=3)
        _style(self.stops, self.tr("Stop by themselves (%)"))
        self.stops.setYRange(0, 100, padding=0.05)
        self.stops_curve = _curve(self.stops, theme.BLUE, symbol="s")

        own_plot_menus(self)
        self._version = -1
        self._trait_title = ""
        self.columns = 4  # charts per row (see arrange)
        # Two a row to start with, as the Chat step shows them on laptop screens (the charts
        # beside the chat): opening the step then rebuilds no grid (one rebuild: ~25 ms).
        self.arrange(2)
        self.describe(None)

    def _plot(self, row: int, col: int) -> pg.PlotItem:
        # No context menu (none made: it cost a third of each chart), the app's number axes.
        return self.addPlot(row=row, col=col, axisItems=locale_axes(), enableMenu=False)

    # -- size: four charts a row when they fit, else two, else one (never cut off at the side)
    def _grid_width(self, columns: int) -> int:
        widest = max(p.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() for p in self.plots)
        return int(columns * widest + (columns - 1) * self.ci.layout.horizontalSpacing()) + 8

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Each row at least ~7 lines of its text tall, at any text scale: a long tab below
        # once squeezed the charts to ~70 px; the page scrolls down instead. As wide as
        # one chart (with its title), the narrowest arrangement.
        rows = len(self.plots) // self.columns
        return QSize(self._grid_width(1), rows * self._row_height() + self._legend_height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Two charts a row is how they read best: beside the answers only with that room
        # (the Chat step adds them with natural=True), else under them. As tall as they
        # must be; they stretch into the room left. (A graphics view's own hint is its
        # scene's size, which is its size now: a page could never give height back.)
        return QSize(self._grid_width(2), self.minimumSizeHint().height())

    def _row_height(self) -> int:
        return MIN_ROW_LINES * QFontMetrics(theme.font(theme.SMALL_PT)).lineSpacing()

    def _legend_height(self) -> int:
        return int(self.agree_legend.effectiveSizeHint(Qt.SizeHint.PreferredSize).height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # pyqtgraph calls this with None while it builds the view, before any chart exists.
        # subtle: hidden (every panel is made at launch), the charts get their first sizes
        # as the step opens, one passing size then the real one: arranging for each
        # rebuilt the grid twice (~25 ms each, the largest part of opening the Chat step).
        # So only a visible chart arranges; showEvent arranges for the size it opens at.
        if event is not None and hasattr(self, "columns") and self.isVisible():
            self._fit_columns(event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_columns(self.width())

    def _fit_columns(self, width: int) -> None:
        columns = next((n for n in (4, 2) if width >= self._grid_width(n)), 1)
        if columns == 1 and self.columns != 1:
            # subtle: an opening step passes through narrow sizes on its way to its own;
            # rebuilding the grid for one (and back: ~25 ms each) made the Chat step's
            # opening turn 20 ms longer. One a row only if still that narrow a turn later.
            QTimer.singleShot(0, self, self._one_a_row_if_still_narrow)
        else:
            self.arrange(columns)
        # The chart with a legend under it gets that much more height, not less data.
        self.agree.setMinimumHeight(self._row_height() + self._legend_height())

    def _one_a_row_if_still_narrow(self) -> None:
        if self.isVisible() and self.width() < self._grid_width(2):
            self.arrange(1)

    def arrange(self, columns: int) -> None:
        """Lay the eight charts out in `columns` columns (4: two rows; 2: four; 1: eight,
        at 2x text on a laptop)."""
        if columns == self.columns:
            return
        self.columns = columns
        for plot in self.plots:
            self.ci.removeItem(plot)
        for i, plot in enumerate(self.plots):
            self.ci.addItem(plot, row=i // columns, col=i % columns)
        self.updateGeometry()

    def rect_of(self, plot: pg.PlotItem) -> QRect:
        """Where `plot` is drawn, in this view's coordinates (to scroll it into view)."""
        return self.mapFromScene(plot.sceneBoundingRect()).boundingRect()

    @property
    def plots(self) -> tuple[pg.PlotItem, ...]:
        return (self.agree, self.margin, self.drift, self.length,
                self.trait, self.nonwords, self.refloss, self.stops)

    def set_trait_title(self, text: str) -> None:
        if text != self._trait_title:
            self._trait_title = text
            title = (self.tr("{trait} (%)").format(trait=engine_text(text)) if text
                     else self.tr("Rewarded trait (%)"))
            self.trait.setTitle(title,
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
        for curve, field, scale in (
            (self.agreement_curve, "agreement", 100.0), (self.accuracy_curve, "accuracy", 100.0),
            (self.margin_curve, "margin", 1.0), (self.length_curve, "mean_length", 1.0),
            (self.trait_curve, "trait_rate", 100.0), (self.nonword_curve, "non_word_share", 100.0),
            (self.refloss_curve, "reference_loss", 1.0), (self.stops_curve, "end_rate", 100.0),
        ):
            x, y = history.column(field)
            curve.setData(x, scale * y)
        x, kl = history.column("kl_per_token")
        self.kl_curve.setData(x, kl)
        top = max([self._budget * 1.25] + [float(kl.max()) * 1.1] if kl.size else [self._budget * 1.25])
        self.drift.setYRange(0, max(top, 0.01), padding=0)
        last = history.snapshots[-1] if history.snapshots else None
        if last is not None:
            self.set_trait_title(last.trait_title)
        # Keep a little room on the x axis so a single point is not at the edge.
        n = max([s.version for s in history.snapshots], default=0)
        for plot in self.plots:
            plot.setXRange(0, max(5, n + 1), padding=0.02)
        self.describe(history)
        return True

    def describe(self, history) -> None:
        """Say in words what the charts show now, from the same columns they draw (screen readers).

        "after 12 updates: agrees before learning 58 %, drift 0.04 nats per token, mentions of
        sea: 13 % → 40 %, made-up words 2 %".
        """
        name = self.tr("Charts of the model learning from judgements")
        x, _ = history.column("kl_per_token") if history is not None else ((), ())
        if not len(x):
            describe_chart(self, name, self.tr("no judgements yet"))
            return
        parts = [self.tr("after {count} updates").format(count=number(len(x), 0))]
        for field, text in (("agreement", self.tr("agrees before learning {value}")),
                            ("kl_per_token", self.tr("drift {value} nats per token"))):
            _, y = history.column(field)
            if len(y):
                value = percent(float(y[-1])) if field == "agreement" else number(float(y[-1]))
                parts.append(text.format(value=value))
        _, trait = history.column("trait_rate")
        if len(trait):
            parts.append(self.tr("{trait}: {first} → {last}").format(
                trait=self._trait_title or self.tr("rewarded trait"), first=percent(float(trait[0])),
                last=percent(float(trait[-1]))))
        _, made_up = history.column("non_word_share")
        if len(made_up):
            parts.append(self.tr("made-up words {value}").format(value=percent(float(made_up[-1]))))
        describe_chart(self, name, ", ".join(parts))

    def summary(self) -> str:
        return self.accessibleDescription()
