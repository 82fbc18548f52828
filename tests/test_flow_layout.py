"""The flow layout's height for a width follows its buttons (it is remembered per width)."""

from PySide6.QtWidgets import QPushButton, QWidget

from gui.widgets.flow_layout import FlowLayout


def test_height_for_width_follows_changed_and_hidden_buttons(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box, spacing=6)
    buttons = [QPushButton(f"button {i}") for i in range(6)]
    for b in buttons:
        flow.addWidget(b)
    box.show()
    one_row = flow.heightForWidth(4000)
    narrow = flow.heightForWidth(200)
    assert narrow > one_row  # wraps
    assert flow.heightForWidth(200) == narrow  # asked again: the same
    buttons[0].setText("a much, much longer label " * 6)  # wider than 200 px on its own
    qtbot.wait(10)
    assert flow.heightForWidth(4000) >= one_row
    assert flow.heightForWidth(200) > narrow
    taller = flow.heightForWidth(200)
    for b in buttons[1:]:
        b.hide()
    qtbot.wait(10)
    assert flow.heightForWidth(200) < taller
