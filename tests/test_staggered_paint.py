"""A step's charts are painted on the turns after it opens; nothing moves meanwhile."""

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QGraphicsView

from gui.widgets.staggered_paint import PLOTS_PER_TURN, _parts


def _plots(panel):
    return [part for view in panel.findChildren(QGraphicsView) if view.isVisibleTo(panel)
            for part in _parts(view)]


def test_opening_a_step_paints_its_charts_on_the_next_turns_in_place(qtbot, main_window):
    # (The test's engine runs in this thread: its answers can hold a turn for a while.)
    main_window.prepare_panels()
    panel = main_window.show_panel("chat")
    plots = _plots(panel)
    assert len(plots) >= 8  # the eight feedback charts
    assert all(p.opacity() == 0 for p in plots), "painted in the same turn as the step"
    views = [v for v in panel.findChildren(QGraphicsView) if v.isVisibleTo(panel)]
    assert all(v.isVisible() for v in views)  # shown and laid out: only their ink waits
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    places = {id(v): v.geometry() for v in views}
    # A few plots a turn, in reading order.
    qtbot.waitUntil(lambda: plots[0].opacity() == 1, timeout=15_000)
    assert sum(p.opacity() == 1 for p in plots) <= len(plots) - 1 or len(plots) <= PLOTS_PER_TURN
    qtbot.waitUntil(lambda: all(p.opacity() == 1 for p in plots), timeout=15_000)
    assert {id(v): v.geometry() for v in views} == places  # nothing moved
    # A later opening waits the same way.
    main_window.show_panel("data")
    main_window.show_panel("chat")
    assert all(p.opacity() == 0 for p in _plots(panel))
    qtbot.waitUntil(lambda: all(p.opacity() == 1 for p in _plots(panel)), timeout=15_000)


def test_a_picture_taken_as_a_step_opens_shows_its_charts(qtbot, main_window, tmp_path):
    """Ctrl+E (or a screenshot) the moment a step opens: no plot is left transparent."""
    from gui.widgets.picture_export import save_widget_picture

    main_window.prepare_panels()
    panel = main_window.show_panel("chat")
    assert all(p.opacity() == 0 for p in _plots(panel))
    save_widget_picture(panel, tmp_path / "chat.png")
    assert all(p.opacity() == 1 for p in _plots(panel))
    qtbot.wait(50)  # the turns that were due find nothing left to do
    assert all(p.opacity() == 1 for p in _plots(panel))
