"""Numbers for people, in the chosen language's way (QLocale): 1.234,5 in German.

gui.i18n.install makes the chosen language the default QLocale, so `QLocale()` here is
the language the interface speaks. Used by the fine-tune and chat panels and the tour.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

from gui.i18n import translate


def locale() -> QLocale:
    """The interface's locale; the bare "C" locale (no language chosen, e.g. LANG=C in a
    test) counts as English, so 12,345 keeps its separator as the English text always had."""
    chosen = QLocale()
    if chosen.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return chosen


def number(value: float, decimals: int = 2) -> str:
    """`value` with `decimals` digits after the point; "—" when it is not a number."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return locale().toString(float(value), "f", decimals)


def count(n: int) -> str:
    """A whole number with the language's thousands separator (12,345 / 12.345)."""
    return locale().toString(int(n))


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.42) as a percentage the language's way ("42%" / "42 %")."""
    if share is None or not math.isfinite(float(share)):
        return "—"
    return translate("Numbers", "{value}%").format(value=number(100 * float(share), decimals))


def p_value(p: float) -> str:
    """A p-value with two significant digits (0.0031, 0.42), the language's decimal mark."""
    if p is None or not math.isfinite(float(p)):
        return "—"
    return locale().toString(float(p), "g", 2)


def plural(text: str, n: int) -> str:
    """Make an English source text with Qt's "%n thing(s)" read right when no translation
    is loaded (English): Qt then shows the source as written, "(s)" and all. A
    translation's own plural forms have no "(s)" and pass unchanged."""
    return text.replace("(s)", "" if n == 1 else "s")
