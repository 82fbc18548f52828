"""Chart axes whose tick numbers follow the interface's language (2,5 in German, 2.5 in English).

pyqtgraph writes tick labels with Python's "%f", which knows one decimal point. These axes
write them with QLocale (set to the chosen language by gui.i18n.install), choosing as many
decimals as pyqtgraph would.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGraphicsItem


class LocaleAxis(pg.AxisItem):
    """A linear axis with tick labels in the default QLocale's number format.

    Drawn into a pixmap that is only redrawn when the axis changes: replaying pyqtgraph's
    recorded axis picture re-lays out its texts at every paint (0.3-1.6 ms an axis), and
    the Chat step's eight charts repaint their sixteen axes whenever a curve moves.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        if self.logMode or not values:
            return super().tickStrings(values, scale, spacing)
        step = spacing * scale
        places = max(0, math.ceil(-math.log10(step))) if step > 0 else 0
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)  # short, like pyqtgraph's
        return [locale.toString(float(v) * scale, "f", places) for v in values]


def locale_axes(*sides: str) -> dict[str, LocaleAxis]:
    """axisItems for a PlotWidget / addPlot: these sides (default left and bottom) localised."""
    return {side: LocaleAxis(orientation=side) for side in (sides or ("left", "bottom"))}
