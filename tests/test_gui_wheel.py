"""The mouse wheel over a choice the person has not clicked scrolls the page instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

pytestmark = pytest.mark.gui


def _turn(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of `widget` (negative: towards the person)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def page(qtbot, qapp):
    from gui.widgets.wheel_guard import install_wheel_guard

    install_wheel_guard(qapp)
    area = QScrollArea()
    inner = QWidget()
    column = QVBoxLayout(inner)
    combo, slider, spin = QComboBox(), QSlider(Qt.Orientation.Horizontal), QSpinBox()
    combo.addItems(["all the books", "plays only", "sea stories only"])
    slider.setRange(0, 100)
    slider.setValue(50)
    spin.setValue(10)
    for w in (combo, slider, spin):
        column.addWidget(w)
    column.addSpacing(3000)  # a long page, so there is something to scroll
    area.setWidget(inner)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.setFocus()
    return area, combo, slider, spin


def test_wheel_over_an_unfocused_choice_scrolls_the_page(qtbot, page):
    area, combo, slider, spin = page
    bar = area.verticalScrollBar()
    for control in (combo, slider, spin):
        assert not control.hasFocus()
        before, scrolled = (control.currentIndex() if control is combo else control.value()), bar.value()
        _turn(control)
        after = control.currentIndex() if control is combo else control.value()
        assert after == before, f"the wheel changed an unfocused {type(control).__name__}"
        assert bar.value() > scrolled, "the page did not scroll"
        assert not control.hasFocus()
        bar.setValue(0)


def test_wheel_over_a_focused_choice_changes_it(qtbot, page):
    _area, combo, slider, spin = page
    for control, read in ((combo, combo.currentIndex), (slider, slider.value), (spin, spin.value)):
        control.setFocus()
        qtbot.waitUntil(control.hasFocus, timeout=2000)
        before = read()
        _turn(control, steps=-1 if control is combo else 1)
        assert read() != before, f"a focused {type(control).__name__} ignored the wheel"


def test_the_app_installs_the_guard_once(qapp):
    from gui.app import create_application
    from gui.widgets.wheel_guard import WheelGuard

    create_application()
    create_application()
    assert len(qapp.findChildren(WheelGuard)) == 1


def test_wheel_over_a_chart_that_ignores_the_mouse_scrolls_the_page(qtbot, page):
    """pyqtgraph's plots accept a wheel turn even when they do not zoom: over the Chat
    step's eight charts (most of that page) the page could not be scrolled. A chart whose
    plots ignore the mouse hands its turns on; one that zooms keeps them."""
    import pyqtgraph as pg

    area, *_ = page
    column = area.widget().layout()
    still, zooming = pg.PlotWidget(), pg.PlotWidget()
    for chart in (still, zooming):
        chart.setFixedHeight(200)
        chart.plot([0, 1, 2], [0, 1, 4])
        column.insertWidget(0, chart)
    still.setMouseEnabled(x=False, y=False)
    qtbot.waitUntil(lambda: still.height() == 200 and still.isVisible(), timeout=3000)
    bar = area.verticalScrollBar()

    _turn(still.viewport())
    assert bar.value() > 0, "the wheel over a chart that ignores the mouse did not scroll the page"

    bar.setValue(0)
    before = zooming.getViewBox().viewRange()
    _turn(zooming.viewport())
    assert bar.value() == 0, "a chart that zooms gave its wheel turn away"
    assert zooming.getViewBox().viewRange() != before, "the zooming chart did not zoom"


def test_the_app_pages_scroll_with_the_pointer_on_their_charts(qtbot, qapp, main_window):
    """Every chart of the app whose plots ignore the mouse passes the wheel to its page,
    and on the Chat step (at 1280x720 the charts are most of the page) the page scrolls."""
    import pyqtgraph as pg

    from gui.widgets.wheel_guard import chart_ignoring_mouse, install_wheel_guard

    install_wheel_guard(qapp)
    main_window.prepare_panels()
    still = [view for panel in main_window.panels.values()
             for view in panel.findChildren(pg.GraphicsView)
             if all(not any(vb.state["mouseEnabled"]) for vb in view.scene().items()
                    if isinstance(vb, pg.ViewBox))]
    from gui.widgets.attention_grid import AttentionGrid  # Look inside's, not a panel's

    still.append(AttentionGrid())
    assert len(still) >= 5  # the loss, merge, fine-tune and feedback charts, the attention grid
    unmarked = [type(v).__name__ for v in still if chart_ignoring_mouse(v.viewport()) is not v]
    assert not unmarked, f"charts that ignore the mouse but keep the wheel: {unmarked}"

    chat = main_window.show_panel("chat")
    scroller = main_window.findChild(QScrollArea, "pageScroller")
    qtbot.waitUntil(lambda: chat.charts.isVisible() and scroller.verticalScrollBar().maximum() > 0,
                    timeout=5000)
    bar = scroller.verticalScrollBar()
    bar.setValue(0)
    _turn(chat.charts.viewport())
    assert bar.value() > 0, "the Chat page did not scroll under the pointer on its charts"
