"""Regression guard for the PySide6 6.12.0 trap: void Qt calls that decref None.

On Python < 3.12 None is not immortal; PySide6 6.12.0 took one reference from it on every
call of a void Qt method, and a pyqtgraph plot repainted at 60 Hz crashed with
"Fatal Python error: none_dealloc" within seconds. Repaint our plots many times and watch
sys.getrefcount(None): it must stay about where it was.

Measured on PySide6 6.11.3 + pyqtgraph 0.14: a plot whose data (and so its axes) changed
before each repaint gains a few references to None per repaint (+1 to +24; small objects
kept by pyqtgraph's item-change and axis paths, also on a bare pg.PlotWidget), while a plain
repaint gains none. That slow upward drift is harmless (None never reaches zero); the trap is
the downward one, dozens per repaint. So: no decrease at all, and a bounded increase.
"""

import gc
import sys

import numpy as np
import pytest

pytestmark = pytest.mark.gui

REPAINTS = 120


MAX_GAIN_PER_REPAINT = 40  # measured: up to ~24 with both curves and a moving x range


def _assert_steady(drift: int) -> None:
    assert drift > -50, (
        f"sys.getrefcount(None) fell by {-drift} over {REPAINTS} repaints: a Qt binding is "
        "decrementing None (the PySide6 6.12.0 trap); pin PySide6 below 6.12 on Python < 3.12"
    )
    assert drift < MAX_GAIN_PER_REPAINT * REPAINTS, f"None gained {drift} references"


def _repaint_many(qtbot, widget, update) -> int:
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    qtbot.waitExposed(widget)
    update(0)
    widget.grab()
    # The collector would free earlier tests' garbage mid-count (each object it frees lets
    # go of its references to None): collect first, and not during the count.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(REPAINTS):
            update(i)
            widget.grab()  # a full paint: QPainter.setPen, drawLine, ... (void Qt calls)
        return sys.getrefcount(None) - before
    finally:
        gc.enable()


def test_loss_plot_repaints_leave_none_alone(qtbot):
    from gui.widgets.loss_plot import LossPlot

    plot = LossPlot()
    plot.set_vocab_size(2048)
    rng = np.random.default_rng(0)
    x = np.arange(200, dtype=float)

    def update(i):
        # Same number of points every time: pyqtgraph's own per-point records (which hold
        # None legitimately) do not grow, so any drift would come from the Qt calls.
        y = 7 - np.log1p(x + i) + rng.normal(0, 0.1, x.size)
        plot.train_curve.setData(x + i, y)
        plot.heldout_curve.setData(x[::20] + i, y[::20] + 0.2)

    _assert_steady(_repaint_many(qtbot, plot, update))
    # Repaints with nothing changed: flat.
    assert abs(_repaint_many(qtbot, plot, lambda i: None)) < 50


def test_painted_widgets_leave_none_alone(qtbot):
    from gui.widgets.prob_bars import ProbabilityBars
    from gui.widgets.token_strip import TokenStrip

    bars = ProbabilityBars()
    strip = TokenStrip()
    strip.set_tokens(["The", " cat", " sat", " on", " a", " mat"] * 5)

    def update_bars(i):
        p = np.linspace(0.5, 0.05, 8) * (1 + (i % 7) / 10)
        bars.set_guesses([f" w{j}" for j in range(8)], p / p.sum(), 3, list(range(8)))

    def update_strip(i):
        strip.set_window(i % 20, 4)

    # Our own painters call QPainter.setPen/drawText... on every paint: dead flat.
    assert abs(_repaint_many(qtbot, bars, update_bars)) < 50
    assert abs(_repaint_many(qtbot, strip, update_strip)) < 50
