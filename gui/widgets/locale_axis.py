"""Chart axes whose tick numbers follow the interface's language (2,5 in German, 2.5 in English).

pyqtgraph writes tick labels with Python's "%f", which knows one decimal point. These axes
write them with QLocale (set to the chosen language by gui.i18n.install), choosing as many
decimals as pyqtgraph would.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QLocale


class LocaleAxis(pg.AxisItem):
    """A linear axis with tick labels in the default QLocale's number format."""

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
