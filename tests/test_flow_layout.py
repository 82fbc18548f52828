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


def _row_of(qtbot, width: int):
    """A text beside a row of buttons (as the Windows step's header), laid out at `width`."""
    from PySide6.QtWidgets import QLabel

    from gui.widgets.adaptive_row import AdaptiveRow

    row = AdaptiveRow(spacing=6)
    qtbot.addWidget(row)
    intro = QLabel("A few words that wrap as they must, beside the buttons.")
    intro.setWordWrap(True)
    row.add(intro, 1, wants_chars=20)
    flow = FlowLayout(spacing=6, one_row_hint=True)
    buttons = [QPushButton(t) for t in ("New passage", "The cat sat on a mat", "Look inside")]
    for b in buttons:
        flow.addWidget(b)
    row.add(flow)
    row.resize(width, 300)
    row.show()
    qtbot.waitExposed(row)
    row.arrange(width)
    row.layout().activate()
    return row, buttons


def test_buttons_stay_in_one_row_while_it_fits_and_wrap_when_not(qtbot):
    one_row = sum(b.sizeHint().width() for b in (QPushButton("New passage"), QPushButton("The cat sat on a mat"),
                                                 QPushButton("Look inside"))) + 12
    row, buttons = _row_of(qtbot, 4 * one_row)
    assert not row.is_stacked() and len({b.y() for b in buttons}) == 1
    row, buttons = _row_of(qtbot, one_row + 20)  # no room beside the text: under it, one row
    assert row.is_stacked() and len({b.y() for b in buttons}) == 1
    assert all(b.geometry().right() <= row.width() for b in buttons)
    narrow = max(b.sizeHint().width() for b in buttons) + 10
    row, buttons = _row_of(qtbot, narrow)  # narrower than the buttons: they wrap
    assert row.is_stacked() and len({b.y() for b in buttons}) == 3
    assert row.minimumSizeHint().width() <= narrow  # never wider than its widest part


def test_a_row_within_a_row_keeps_its_parts_side_by_side_until_it_has_a_whole_row(qtbot):
    from PySide6.QtWidgets import QLabel

    from gui.widgets.adaptive_row import AdaptiveRow

    outer, inner = AdaptiveRow(spacing=10), AdaptiveRow(spacing=10)
    qtbot.addWidget(outer)
    left, middle, right = (QLabel(t) for t in ("Windows so far" * 2, "Its guesses" * 3, "Training" * 4))
    inner.add(left, 3)
    inner.add(middle, 4)
    outer.add(inner, 7)
    outer.add(right, 5)
    both = inner.side_by_side_width()
    # Side by side, the inner row's share (7 of 12) must hold both its parts.
    for width, outer_stacked, inner_stacked in ((both * 12 // 7 + 40, False, False),
                                                (both + 40, True, False), (both - 40, True, True)):
        outer.resize(width, 200)
        outer.show()
        outer.arrange(width)
        outer.layout().activate()
        inner.arrange(inner.width())
        assert (outer.is_stacked(), inner.is_stacked()) == (outer_stacked, inner_stacked), width


def test_a_wrap_label_keeps_one_line_while_there_is_room(qtbot):
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QHBoxLayout, QSlider

    from gui.widgets.wrap_label import WrapLabel

    label = WrapLabel("Fables and fairy tales")
    one_line = QFontMetrics(label.font()).horizontalAdvance(label.text())
    assert label.sizeHint().width() >= one_line
    assert label.minimumSizeHint().width() < one_line  # it can wrap...
    assert label.heightForWidth(one_line // 2) > label.heightForWidth(one_line + 4)
    box = QWidget()
    qtbot.addWidget(box)
    grid = QHBoxLayout(box)
    grid.addWidget(label)
    grid.addWidget(QSlider(), 1)  # a stretching neighbour, as the Data step's sliders
    box.resize(one_line * 3, 80)
    box.show()
    qtbot.waitExposed(box)
    assert label.width() >= one_line  # ...but only when it must
