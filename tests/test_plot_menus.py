"""A closed window leaves nothing behind, and the charts offer no pyqtgraph menus.

Every pyqtgraph plot makes an options menu of its own; left parentless, a window's ~100
menus outlived it and were restyled with every later style-sheet change (the test suite
slowed down with each window; so would a long session of rebuilt charts).
"""

import gc

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def _top_level_widgets() -> set[int]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {id(w) for w in QApplication.topLevelWidgets()}


def test_a_closed_main_window_leaves_no_window_behind(qtbot, engine_controller):
    from gui.main_window import MainWindow

    before = _top_level_widgets()
    window = MainWindow(engine_controller)
    window.prepare_panels()  # every panel and chart, as the app makes them at launch
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    plots = [item for view in window.findChildren(pg.GraphicsView)
             for item in view.scene().items() if isinstance(item, pg.PlotItem)]
    assert len(plots) >= 10  # every panel's charts are made with the window
    window.close()
    window.deleteLater()
    del window, plots
    left = _top_level_widgets() - before
    kinds = sorted({type(w).__name__ for w in QApplication.topLevelWidgets() if id(w) in left})
    assert not left, f"{len(left)} top-level widgets outlived the window: {kinds}"


def test_no_chart_offers_a_menu(main_window):
    """A right-click could set a log axis or an FFT on a teaching chart: no menu at all."""
    main_window.prepare_panels()
    views = main_window.findChildren(pg.GraphicsView)
    plots = [item for view in views for item in view.scene().items()
             if isinstance(item, pg.PlotItem)]
    assert plots
    for plot in plots:
        assert plot.getViewBox().menu is None, type(plot.getViewWidget()).__name__
        # The options menu pyqtgraph always makes belongs to its chart.
        assert plot.ctrlMenu.parent() is plot.getViewWidget()
