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
