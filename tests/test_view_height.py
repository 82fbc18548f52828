"""A chart or list never taller than the page's visible height (gui/widgets/view_height.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


class _Tall:
    """A scroll area 300 px high holding a row 700 px high: a box (a title, a chart that
    stretches, at least 80 px, a line under it), a list with its caption, a tall neighbour."""

    def __init__(self, qtbot):
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import (
            QHBoxLayout,
            QLabel,
            QListWidget,
            QScrollArea,
            QSizePolicy,
            QVBoxLayout,
            QWidget,
        )

        class Chart(QWidget):
            def sizeHint(self):  # noqa: N802 - Qt's name
                return QSize(200, 600)

            def minimumSizeHint(self):  # noqa: N802 - Qt's name
                return QSize(100, 80)

        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        page = QWidget()
        row = QHBoxLayout(page)
        self.box = QWidget()
        col = QVBoxLayout(self.box)
        self.title = QLabel("Training: mistakes going down")
        self.chart = Chart()
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.status = QLabel("step 40 · loss 5.1")
        for w in (self.title, self.chart, self.status):
            col.addWidget(w)
        col.addStretch()  # as the panels do: room left over goes under the line, not into gaps
        row.addWidget(self.box)
        side = QVBoxLayout()
        self.caption = QLabel("Nearest words")
        self.table = QListWidget()
        self.table.addItems([f"word {i}" for i in range(40)])
        side.addWidget(self.caption)
        side.addWidget(self.table, 1)
        side.addStretch()
        row.addLayout(side)
        neighbour = QWidget()  # the windows' strip, say: it makes the row 700 px high
        neighbour.setMinimumHeight(700)
        row.addWidget(neighbour)
        self.area.setWidget(page)
        self.area.resize(500, 300)
        qtbot.addWidget(self.area)
        self.area.show()
        qtbot.waitExposed(self.area)

    def view(self) -> int:
        return self.area.viewport().height()


def _settled(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        qtbot.wait(10)


def _box_height(page) -> int:
    """From the box's title to the line under its chart."""
    return page.status.geometry().bottom() - page.title.geometry().top()


def test_a_chart_and_what_goes_with_it_fit_the_view_and_grow_back(qtbot):
    from gui.widgets.view_height import MARGIN, ViewHeightCap

    page = _Tall(qtbot)
    _settled(qtbot)
    assert _box_height(page) > page.view()  # the case: taller than the view, uncapped
    cap = ViewHeightCap(page.area)
    cap.add(page.chart, [page.box])  # the box counts for its title and status line
    cap.add(page.table, [page.caption])
    qtbot.waitUntil(lambda: _box_height(page) <= page.view() - MARGIN, timeout=2000)
    assert page.table.geometry().bottom() - page.caption.geometry().top() <= page.view() - MARGIN
    assert page.chart.height() >= 80

    page.area.resize(500, 900)  # a larger view: the chart grows back
    qtbot.waitUntil(lambda: page.chart.height() > 400, timeout=2000)
    page.area.resize(500, 60)  # smaller than the chart's minimum: the minimum wins
    qtbot.waitUntil(lambda: page.chart.maximumHeight() == 80, timeout=2000)
    cap.release()
    assert page.chart.maximumHeight() > 10_000


def test_the_windows_panels_loss_chart_is_capped_in_the_main_window(qtbot, main_window):
    """The main window caps each panel's `view_sized` parts at its page's height."""
    window = main_window
    panel = window.show_panel("windows")
    window.resize(1280, 520)
    qtbot.waitUntil(lambda: panel.loss_plot.maximumHeight() < 10_000, timeout=3000)
    view = window.page_scroller.viewport().height()
    qtbot.waitUntil(lambda: panel.loss_plot.height() < view - panel.train_stats.height(), timeout=3000)


def test_tabs_take_their_short_titles_only_while_the_full_ones_do_not_fit(qtbot, themed):
    from PySide6.QtWidgets import QLabel, QTabWidget

    from gui.widgets.adaptive_row import fit_tabs, short_tab_titles

    tabs = fit_tabs(QTabWidget())
    for title in ("Before / after", "The examples (Q&&A pairs)", "What is learned (masks)",
                  "Learning curve (loss)"):
        tabs.addTab(QLabel("…"), title)
    short_tab_titles(tabs, ["Before/after", "Examples", "Masks", "Loss curve"])
    qtbot.addWidget(tabs)
    tabs.resize(1400, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    qtbot.waitUntil(lambda: tabs.tabText(3) == "Learning curve (loss)", timeout=2000)
    assert tabs.tabToolTip(3) == ""
    fitter = tabs._short_titles
    full = fitter.needed([f for f, _ in fitter.titles])
    brief = fitter.needed([b for _, b in fitter.titles])
    assert brief < full
    tabs.resize((brief + full) // 2, 300)  # room for the short titles, not the full ones
    qtbot.waitUntil(lambda: tabs.tabText(3) == "Loss curve", timeout=2000)
    assert tabs.tabToolTip(1) == "The examples (Q&A pairs)"
    bar = tabs.tabBar()
    assert all(bar.tabRect(i).width() >= bar.tabSizeHint(i).width() - 1 for i in range(4))  # none elided
    tabs.resize(1400, 300)
    qtbot.waitUntil(lambda: tabs.tabText(1) == "The examples (Q&&A pairs)", timeout=2000)


def test_a_short_loss_chart_says_loss_and_never_shows_negative_tokens(qtbot, themed):
    from gui.widgets.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(600, 500)
    plot.show()
    qtbot.waitExposed(plot)
    axis = plot.getPlotItem().getAxis("left")
    qtbot.waitUntil(lambda: axis.labelText == "mistakes (loss)", timeout=2000)
    plot.resize(600, plot.minimumSizeHint().height())  # as short as it may be
    qtbot.waitUntil(lambda: axis.labelText == "loss", timeout=2000)
    plot.resize(600, 500)
    qtbot.waitUntil(lambda: axis.labelText == "mistakes (loss)", timeout=2000)

    class OnePoint:  # a run's first step: a held-out point at 0, one training point
        version, tokens, train_loss = 1, [1024], [8.34]
        heldout_tokens, heldout_loss = [0], [8.32]

    plot.update_from(OnePoint())
    qtbot.wait(50)
    (x0, _x1), _ = plot.getPlotItem().getViewBox().viewRange()
    assert x0 >= 0

    class Emptied(OnePoint):  # a new run from scratch: the history starts again
        version, tokens, train_loss, heldout_tokens, heldout_loss = 2, [], [], [], []

    plot.update_from(Emptied())
    qtbot.wait(50)
    (x0, x1), _ = plot.getPlotItem().getViewBox().viewRange()
    assert (x0, x1) == (0, 1)
