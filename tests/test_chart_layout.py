"""Charts for a projector: legends beside the curves (never over them), no text on text,
and type at the app's text scale, in the window and in an exported picture."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from gui import theme

pytestmark = pytest.mark.gui


@pytest.fixture
def appearance(qapp):
    from gui.lecture.appearance import Appearance

    saved = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    theme.apply(qapp)
    appearance = Appearance.instance(qapp)
    yield appearance
    appearance.reset_scale()
    qapp.setStyleSheet(saved[2])
    qapp.setStyle(saved[3])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[0])
    QApplication.sendPostedEvents()


def _settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _loss_plot(qtbot):
    from gui.widgets.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(520, 260)
    plot.set_vocab_size(2048)
    tokens = np.arange(1, 200) * 4096.0
    loss = 7.6 * np.exp(-tokens / 2e5) + 1.0  # a curve that starts at the top-left corner
    plot.train_curve.setData(tokens / 1e3, loss)
    plot.heldout_curve.setData(tokens[::20] / 1e3, loss[::20] + 0.1)
    plot.show()
    qtbot.waitExposed(plot)
    _settle()
    return plot


def _outside_data_area(legend, plot_item) -> None:
    """The legend has its keys, shares no pixel with the data area, and lies in the chart."""
    assert legend.items, "an empty legend"
    box = legend.sceneBoundingRect()
    data = plot_item.getViewBox().sceneBoundingRect()
    assert box.width() > 0 and box.height() > 0
    assert not box.intersects(data), (box.getRect(), data.getRect())
    assert plot_item.sceneBoundingRect().contains(box), "the legend sticks out of its chart"


@pytest.mark.parametrize("scale", [1.0, 1.75])
def test_loss_chart_legend_sits_under_the_axis_clear_of_every_text(qtbot, appearance, scale):
    appearance.set_scale(scale)
    plot = _loss_plot(qtbot)
    item = plot.getPlotItem()
    _outside_data_area(plot.legend, item)
    # No text on text: the x axis (its ticks and its label) and the legend do not overlap.
    axis = item.getAxis("bottom").sceneBoundingRect()
    legend = plot.legend.sceneBoundingRect()
    assert legend.top() >= axis.bottom() - 1, (legend.getRect(), axis.getRect())
    # Every key is inside the widget: what the window shows and what a picture saves.
    assert plot.sceneRect().contains(legend) or plot.rect().contains(legend.toAlignedRect())


def test_agreement_chart_has_one_axis_and_its_legend_off_the_curves(qtbot, appearance):
    from gui.widgets.alignment_charts import AlignmentCharts

    charts = AlignmentCharts(kl_budget=0.5)
    qtbot.addWidget(charts)
    charts.resize(900, 520)
    charts.show()
    qtbot.waitExposed(charts)
    charts.agreement_curve.setData([1, 2, 3, 4], [55, 70, 90, 98])
    charts.accuracy_curve.setData([1, 2, 3, 4], [60, 80, 95, 100])
    _settle()
    agree = charts.agree
    assert not agree.getAxis("right").isVisible()  # one y axis, in %
    names = [label.text for _, label in charts.agree_legend.items]
    assert len(names) == 2 and all(names), names
    _outside_data_area(charts.agree_legend, agree)


def test_svg_export_keeps_the_legend_inside_the_picture(qtbot, appearance, tmp_path):
    from PySide6.QtSvg import QSvgRenderer

    from gui.widgets.picture_export import save_widget_picture

    plot = _loss_plot(qtbot)
    holder = QWidget()  # as "Export this view" saves a panel, not the chart alone
    qtbot.addWidget(holder)
    QVBoxLayout(holder).addWidget(plot)
    holder.resize(560, 300)
    holder.show()
    qtbot.waitExposed(holder)
    _settle()
    path = save_widget_picture(holder, tmp_path / "loss.svg")
    text = path.read_text(encoding="utf-8")
    for name in ("on training text", "on unseen text (held-out)", "random guessing"):
        assert name in text, f"{name!r} missing from the SVG"
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    view = renderer.viewBoxF()
    legend = plot.legend.sceneBoundingRect()
    top_left = plot.mapTo(holder, plot.mapFromScene(legend.topLeft()))
    bottom_right = plot.mapTo(holder, plot.mapFromScene(legend.bottomRight()))
    assert view.contains(top_left.toPointF()) and view.contains(bottom_right.toPointF()), (
        legend.getRect(), view.getRect())


@pytest.mark.parametrize("scale", [1.0, 1.3, 1.75, 2.0])
def test_chart_text_follows_the_text_scale(qtbot, appearance, scale):
    """Axis ticks at the app's small text size, and probability-bar labels never smaller
    than it, even when there are many rows and little room."""
    from gui.widgets.prob_bars import ProbabilityBars

    plot = _loss_plot(qtbot)  # built at 1x, then scaled as Ctrl+= does
    appearance.set_scale(scale)
    _settle()
    for name in ("left", "bottom"):
        tick = plot.getPlotItem().getAxis(name).style["tickFont"].pointSizeF()
        assert tick == pytest.approx(theme.SMALL_PT, abs=1.0), (name, tick, theme.SMALL_PT)

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    words = [f"word{i}" for i in range(10)]
    bars.set_guesses(words, np.linspace(0.3, 0.01, 10), target_id=3, token_ids=range(10))
    bars.resize(400, bars.minimumSizeHint().height())
    bars.grab()  # paints
    assert bars.drawn_pt >= theme.SMALL_PT, (bars.drawn_pt, theme.SMALL_PT)
    assert bars.minimumSizeHint().height() >= 10 * bars.fontMetrics().height() * theme.SMALL_PT / theme.BASE_PT


def test_the_drift_charts_limit_label_stays_inside_its_plot(qtbot, appearance):
    """Centred at 85 % of a narrow plot's width, "tested limit" ran off its right edge."""
    from gui.widgets.alignment_charts import AlignmentCharts

    charts = AlignmentCharts(kl_budget=0.5)
    qtbot.addWidget(charts)
    charts.resize(460, 900)  # two plots a row, each about 210 px wide
    charts.show()
    qtbot.waitExposed(charts)
    qtbot.wait(300)
    charts.drift.setYRange(0, 0.6)
    qtbot.wait(300)
    text = charts.budget_line.label.sceneBoundingRect()
    plot = charts.drift.getViewBox().sceneBoundingRect()
    inside = plot.left() - 1 <= text.left() and text.right() <= plot.right() + 1
    edges = (text.left(), text.right(), plot.left(), plot.right())
    del text, plot, charts  # a failing assert's traceback keeps no chart alive past teardown
    assert inside, edges


def test_a_guess_too_long_for_a_narrow_box_is_elided_not_cut_at_the_edge(qtbot, appearance):
    """A token wider than its column (the column is at most a share of the width; the box
    is narrow at 1.75x) was right-aligned in it and ran off the widget's left edge, its
    start cut unseen. (Seen at 1.75x: "ows" and "lass" there are real word pieces the
    model guessed after "wind", not cut words.)"""
    from PySide6.QtGui import QColor, QFontMetrics

    from gui.widgets.prob_bars import ProbabilityBars

    appearance.set_scale(1.75)
    _settle()
    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    words = [" windows", " extraordinarily", " glass", ",", " s"]
    bars.set_guesses(words, np.linspace(0.3, 0.02, len(words)), target_id=1, token_ids=range(5))
    bars.resize(360, bars.minimumSizeHint().height() + 40)
    image = bars.grab().toImage()
    background = image.pixelColor(image.width() - 1, image.height() - 1)
    inked = [y for y in range(image.height())
             if QColor(image.pixelColor(0, y)).lightness() < background.lightness() - 60]
    assert not inked, "text drawn at the widget's left edge (cut off)"
    assert len(bars.drawn_labels) == len(words)
    for row, label in enumerate(bars.drawn_labels):
        font = theme.font(bars.drawn_pt, bold=row == 1)  # the real next token's is bold
        assert QFontMetrics(font).horizontalAdvance(label) <= 0.45 * bars.width(), label
    assert "windows" in bars.drawn_labels  # a short one whole
    assert bars.drawn_labels[1].endswith("…")  # the long one says it goes on


def test_the_loss_charts_long_label_is_used_only_where_it_is_drawn_whole(qtbot, appearance):
    """"mistakes (loss)" on the y axis only where the axis is as long as the label drawn
    (else "loss"): judged with the font's metrics and a guess at the margins, it came out
    8 px short at 1.75x, room to overrun its axis. And placed for the text it shows: after
    a switch it kept the place worked out for the other one (at 1.75x on the Fine-tune
    step, "mistakes (lo" ran off the chart's top)."""
    appearance.set_scale(1.75)
    _settle()
    plot = _loss_plot(qtbot)
    axis = plot.getPlotItem().getAxis("left")
    seen = set()
    for height in range(plot.minimumSizeHint().height(), 520, 3):
        plot.resize(600, height)
        _settle()
        seen.add(axis.labelText)
        if axis.labelText == "mistakes (loss)":
            assert axis.label.boundingRect().width() <= axis.height() + 0.5, (height, axis.height())
        # ...and centred on its axis, whichever text it just switched to.
        drawn = axis.label.mapRectToParent(axis.label.boundingRect())
        assert drawn.top() >= -1 and drawn.bottom() <= axis.height() + 1, (
            height, axis.labelText, drawn.top(), drawn.bottom(), axis.height())
    assert seen == {"loss", "mistakes (loss)"}
