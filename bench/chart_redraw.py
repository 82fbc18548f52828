"""How long does a chart take to redraw as its data grows: the app's charts against the
same charts with pyqtgraph's minor ticks (each also a faint grid line), in one process.

    python bench/chart_redraw.py [--redraws 30]

For the fine-tune curve and the training loss chart (a curve growing point by point, its
axes following), and the Chat step's eight feedback charts (resized by a few pixels, as a
new answer of another length once did): the median and worst time from a change to the
repainted widget, offscreen at 1x, and their ratio to the reference (minor ticks kept).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import main  # noqa: E402, F401 - the app's process settings (one BLAS thread)


def _with_minor_ticks(plots) -> None:
    """The reference: pyqtgraph's default tick levels (its minor ticks and their grid)."""
    for plot in plots:
        for side in ("left", "bottom"):
            plot.getAxis(side).setStyle(maxTickLevel=2)


def _time(app, widget, change, redraws: int) -> list[float]:
    times = []
    for i in range(redraws):
        start = time.perf_counter()
        change(i)
        app.processEvents()
        widget.repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _chart(make, size: tuple[int, int], plots_of, reference: bool):
    """A chart from `make()` at `size`; the reference keeps its plots' minor ticks."""
    chart = make()
    chart.resize(*size)
    if reference:
        _with_minor_ticks(plots_of(chart))
    return chart


def main_bench(redraws: int) -> None:
    import numpy as np
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gui import theme
    from gui.panels.finetuning.finetune_tabs import FinetuneCurve
    from gui.widgets.alignment_charts import AlignmentCharts
    from gui.widgets.loss_plot import LossPlot

    theme.apply(app)
    rng = np.random.default_rng(0)

    def growing_curve(chart):
        def change(i):
            x = np.arange(20 + 10 * i)
            chart.train_curve.setData(x, 5 * np.exp(-x / 80) + 0.1 * rng.random(x.size))
        return change

    def resized(chart):
        return lambda i: chart.resize(976, 670 - 23 * (i % 2))

    def curve(cls):
        return lambda ref: _chart(cls, (900, 330), lambda c: [c.getPlotItem()], ref)

    def feedback(ref):
        return _chart(lambda: AlignmentCharts(kl_budget=0.5), (976, 670), lambda c: c.plots, ref)

    cases = (("fine-tune curve", curve(FinetuneCurve), growing_curve),
             ("training loss chart", curve(LossPlot), growing_curve),
             ("feedback charts (8)", feedback, resized))
    kept = []  # made charts stay alive to the end
    for name, make, change_of in cases:
        results = {}
        for reference in (True, False):
            chart = make(reference)
            chart.show()
            for _ in range(5):
                app.processEvents()
            results[reference] = _time(app, chart, change_of(chart), redraws)
            chart.hide()  # (pyqtgraph's close() tears the scene down under live items)
            kept.append(chart)
        app_ms, ref_ms = (statistics.median(results[r]) for r in (False, True))
        print(f"{name:22s} app: median {app_ms:5.1f} ms, worst {max(results[False]):5.1f} ms; "
              f"with minor ticks: median {ref_ms:5.1f} ms, worst {max(results[True]):5.1f} ms; "
              f"ratio {app_ms / ref_ms:.2f}")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redraws", type=int, default=30)
    main_bench(parser.parse_args().redraws)
