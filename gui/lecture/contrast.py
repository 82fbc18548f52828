"""High contrast: what the operating system asks for, and the colour scheme that answers it.

What Qt offers (checked on PySide6 6.11.3, the version this app ships with):

- Qt 6.5+: `QGuiApplication.styleHints().colorScheme()` and `colorSchemeChanged`: light or
  dark only (gui/lecture/appearance.py follows it);
- Qt 6.10+: `QGuiApplication.styleHints().accessibility()` gives `QAccessibilityHints`, whose
  `contrastPreference()` is `Qt.ContrastPreference.HighContrast` or `NoPreference`, with a
  `contrastPreferenceChanged` signal. Qt fills it in where its platform plugin can read the
  setting (Windows' high-contrast mode, macOS' "Increase contrast", a Linux desktop through
  the XDG desktop portal); elsewhere (and offscreen) it says NoPreference.

With an older Qt neither exists: the app then never guesses, and "High contrast" in the View
menu is the way to ask for it.

The choice is "system" (follow that preference), "high" or "normal"; high contrast is then
applied to whichever of light or dark is in use (gui/theme.py HIGH_CONTRAST).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui import theme

CONTRAST_CHOICES: tuple[str, ...] = ("system", "high", "normal")
# subtle: PySide6 6.11 invalidates the QAccessibilityHints wrapper when the last Python
# reference to its QStyleHints goes ("Internal C++ object already deleted"): keep one.
_style_hints: list = []


def _accessibility_hints():
    """Qt's accessibility hints (Qt 6.10+), or None with an older Qt or no application."""
    hints = QGuiApplication.styleHints()
    if hints is None or not hasattr(hints, "accessibility"):
        return None
    if not _style_hints or _style_hints[0] is not hints:
        _style_hints[:] = [hints]
    return hints.accessibility()


def system_wants_high_contrast() -> bool:
    """True when the operating system asks for high contrast (and Qt can tell)."""
    hints = _accessibility_hints()
    if hints is None or not hasattr(Qt, "ContrastPreference"):
        return False
    return hints.contrastPreference() == Qt.ContrastPreference.HighContrast


def watch_system_contrast(callback: Callable[[], None]) -> bool:
    """Call `callback()` whenever the system's contrast preference changes.

    Returns False when this Qt cannot tell (then nothing is connected).
    """
    hints = _accessibility_hints()
    if hints is None or not hasattr(hints, "contrastPreferenceChanged"):
        return False
    hints.contrastPreferenceChanged.connect(lambda *_: callback())
    return True


def scheme_for(base: str, high_contrast: bool) -> str:
    """The scheme to use: "light"/"dark", or its high-contrast version."""
    return theme.HIGH_CONTRAST[base] if high_contrast else base


def wants_high_contrast(choice: str) -> bool:
    """What the contrast choice ("system", "high", "normal") means right now."""
    if choice not in CONTRAST_CHOICES:
        raise ValueError(f"contrast must be one of {CONTRAST_CHOICES}, got {choice!r}")
    return system_wants_high_contrast() if choice == "system" else choice == "high"
