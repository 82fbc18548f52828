"""pyqtgraph's "Plot Options" menus, owned by the chart that shows them.

Every `pg.PlotItem` makes an options menu (a popup with nine submenus of controls) even
when the chart offers no menu. The menu is a parentless window that lives as long as
Python holds the plot, and a plot reachable from a signal or a cycle outlives its window:
each window left about 140 of them behind, every later change of the style sheet
restyled them all, and a session (or the test suite) slowed down with each window made.
Parented to the chart, the menu goes when the chart goes.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget


def own_plot_menus(chart: QWidget) -> None:
    """Make `chart` (a pyqtgraph view) the parent of each of its plots' options menus."""
    scene = chart.scene() if hasattr(chart, "scene") else None
    if scene is None:
        return
    for item in scene.items():
        menu = getattr(item, "ctrlMenu", None) if isinstance(item, pg.PlotItem) else None
        if menu is not None and menu.parent() is None:
            # setParent(parent) alone would drop the Popup flag and make it a child widget.
            menu.setParent(chart, menu.windowFlags())
