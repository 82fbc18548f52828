"""The flow layout's height for a width follows its buttons (it is remembered per width)."""

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget

from gui.widgets.flow_layout import FlowLayout


def _worked_out_again(flow: FlowLayout, width: int) -> int:
    return flow._do_layout(QRect(0, 0, width, 0), test_only=True)


def test_height_for_width_follows_changed_and_hidden_buttons(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box, spacing=6)
    buttons = [QPushButton(f"button {i}") for i in range(6)]
    for b in buttons:
        flow.addWidget(b)
    box.show()
    one_row = flow.heightForWidth(100_000)
    assert flow.heightForWidth(100) > one_row  # wraps
    assert flow.heightForWidth(100_000) == one_row  # asked again: the same
    buttons[0].setText("three\nlines\ntall")  # a taller button: a taller row
    qtbot.wait(10)
    assert flow.heightForWidth(100_000) > one_row
    for width in (100, 400, 100_000):
        assert flow.heightForWidth(width) == _worked_out_again(flow, width)
    for b in buttons[1:]:
        b.hide()
    qtbot.wait(10)
    for width in (100, 400, 100_000):
        assert flow.heightForWidth(width) == _worked_out_again(flow, width)
