"""What the app remembers between runs: window, text scale, colours, language, last step, tour.

Stored with QSettings under the organisation and application name "three-pillars"
(on Linux ~/.config/three-pillars/three-pillars.conf; the registry on Windows; a plist
on macOS), in QSettings' default format, so a test can send it to a temporary folder with
`QSettings.setDefaultFormat(IniFormat)` and `QSettings.setPath(IniFormat, UserScope, tmp)`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "three-pillars"
APPLICATION = "three-pillars"


class AppSettings:
    """Typed access to the remembered values; every getter has a safe default."""

    GEOMETRY = "window/geometry"
    SCALE = "appearance/scale"
    THEME = "appearance/theme"  # "system" | "light" | "dark"
    CONTRAST = "appearance/contrast"  # "system" | "high" | "normal"
    LANGUAGE = "appearance/language"  # "system" | a code of gui.i18n.available_languages()
    LAST_PANEL = "navigation/last_panel"
    TOUR_STEP = "tour/step"  # 0-based index of the step shown last
    TOUR_SECONDS = "tour/seconds_per_step"

    def __init__(self, qsettings: QSettings | None = None):
        if qsettings is None:
            # The default format (native unless a test made it IniFormat), in the user's scope.
            qsettings = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                                  ORGANISATION, APPLICATION)
        self.q = qsettings

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self.q.value(key, default))
        except (TypeError, ValueError):
            return default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.q.value(key, default))
        except (TypeError, ValueError):
            return default

    def _str(self, key: str, default: str | None) -> str | None:
        value = self.q.value(key, default)
        return str(value) if value is not None else None

    # -- values -----------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value(self.GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self.q.setValue(self.GEOMETRY, geometry)

    def scale(self) -> float:
        return min(3.0, max(0.5, self._float(self.SCALE, 1.0)))

    def set_scale(self, value: float) -> None:
        self.q.setValue(self.SCALE, float(value))

    def theme_choice(self) -> str:
        value = self._str(self.THEME, "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme_choice(self, choice: str) -> None:
        self.q.setValue(self.THEME, choice)

    def contrast_choice(self) -> str:
        value = self._str(self.CONTRAST, "system")
        return value if value in ("system", "high", "normal") else "system"

    def set_contrast_choice(self, choice: str) -> None:
        self.q.setValue(self.CONTRAST, choice)

    def language_choice(self) -> str:
        """The interface language chosen in the Language menu ("system": follow the system)."""
        value = self._str(self.LANGUAGE, "system") or "system"
        return value if value == "system" or value.isalpha() and 2 <= len(value) <= 3 else "system"

    def set_language_choice(self, choice: str) -> None:
        self.q.setValue(self.LANGUAGE, choice)

    def last_panel(self) -> str | None:
        return self._str(self.LAST_PANEL, None)

    def set_last_panel(self, key: str) -> None:
        self.q.setValue(self.LAST_PANEL, key)

    def tour_step(self) -> int:
        return max(0, self._int(self.TOUR_STEP, 0))

    def set_tour_step(self, index: int) -> None:
        self.q.setValue(self.TOUR_STEP, int(index))

    def tour_seconds(self) -> int:
        return min(300, max(3, self._int(self.TOUR_SECONDS, 15)))

    def set_tour_seconds(self, seconds: int) -> None:
        self.q.setValue(self.TOUR_SECONDS, int(seconds))

    def sync(self) -> None:
        self.q.sync()
