"""A step's charts are painted on the turns after it opens, in the room kept for them."""

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QGraphicsView


def test_opening_a_step_paints_its_charts_next_in_their_own_place(qtbot, main_window):
    main_window.prepare_panels()
    panel = main_window.show_panel("chat")
    charts = [v for v in panel.findChildren(QGraphicsView) if not v.isHidden() or
              v.sizePolicy().retainSizeWhenHidden()]
    assert charts
    hidden = [v for v in charts if not v.isVisible()]
    assert hidden, "the charts were painted in the same turn as the step"
    # The layouts settle (posted layout requests; the charts' timers have not run yet).
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert not any(v.isVisible() for v in hidden)
    places = {id(v): v.geometry() for v in hidden}
    assert all(not r.isEmpty() for r in places.values())  # their room is kept
    qtbot.waitUntil(lambda: all(v.isVisible() for v in hidden), timeout=2000)
    assert {id(v): v.geometry() for v in hidden} == places  # nothing moved
    assert not any(v.sizePolicy().retainSizeWhenHidden() for v in hidden)  # policy restored
    # The rows chose their arrangement with the charts counted (a hidden chart once
    # counted as absent: the answers and the charts went side by side, the charts cut off).
    from gui.widgets.adaptive_row import AdaptiveRow

    for row in panel.findChildren(AdaptiveRow):
        stacked = row.is_stacked()
        row.arrange(row.width())
        assert row.is_stacked() == stacked
    for v in hidden:
        right = v.mapTo(panel, v.rect().topRight()).x()
        assert right <= panel.width(), "a chart runs off the side of the step"
    # A later opening paints them on the next turns too.
    main_window.show_panel("data")
    main_window.show_panel("chat")
    assert not any(v.isVisible() for v in hidden)
    qtbot.waitUntil(lambda: all(v.isVisible() for v in hidden), timeout=2000)
