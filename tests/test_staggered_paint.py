"""A step's charts are painted on the turns after it opens; nothing moves meanwhile."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
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


class _PaintWatch(QObject):
    """Records, at each paint of a chart view, how many of its plots were opaque."""

    def __init__(self, view):
        super().__init__()
        self.view, self.opaque_at_paint = view, []
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.opaque_at_paint.append(sum(p.opacity() > 0 for p in _parts(self.view)))
        return False


@pytest.mark.parametrize("opened_from", ["event loop", "outside it"])
def test_the_steps_first_paint_comes_before_any_chart(qtbot, engine_controller, opened_from):
    """A zero-delay timer fired before or after the step's own first paint depending on
    where the opening came from: in one of the two, the first charts were painted in the
    opening turn (the stall it exists to avoid)."""
    from gui.main_window import MainWindow

    main_window = MainWindow(engine_controller, start_key="data")  # as the app starts
    qtbot.addWidget(main_window)
    main_window.resize(1280, 720)
    main_window.prepare_panels()
    main_window.show()
    qtbot.waitExposed(main_window)
    panel = main_window.panels["chat"]
    view = max(panel.findChildren(QGraphicsView), key=lambda v: len(_parts(v)))
    watch = _PaintWatch(view)
    if opened_from == "event loop":  # a click, a key, the tour's timer
        QTimer.singleShot(0, lambda: main_window.show_panel("chat"))
    else:  # a script's call between two runs of the loop (bench/stall_latency.py)
        main_window.show_panel("chat")
    settle = QTimer(singleShot=True, interval=1500)
    with qtbot.waitSignal(settle.timeout, timeout=15_000):
        settle.start()
    assert all(p.opacity() == 1 for p in _parts(view))
    assert watch.opaque_at_paint[0] == 0, watch.opaque_at_paint
    # ...and then a few at a time (no paint brings back them all at once).
    assert len(set(watch.opaque_at_paint)) >= 3, watch.opaque_at_paint


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
