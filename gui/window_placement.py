"""Where a top-level window goes: inside the screen's free area, its frame included.

The window manager puts its frame (title bar, borders) around a window only after show(),
so before that Qt knows the window's size but not the frame's: a window placed before
show() is placed as if it had no frame, and a 720-pixel window centred on a 768-pixel
screen lost its bottom rows under the title bar's 25. `place_once_framed` places it again
the first time the frame is known, and only then (a window the person moved stays where
they put it).

Used for the main window (gui/lecture/presenter.py: centred on a first launch, a remembered
place kept on the screen) and the Look inside window (gui/panels/pretraining/inside_view.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication, QWidget


def free_area(window: QWidget) -> QRect | None:
    """The window's screen without its panels and docks (availableGeometry); None without
    a screen."""
    screen = window.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_into(window: QWidget, area: QRect, centre: bool = False) -> None:
    """Size and move the top-level `window` so that its frame lies in `area`: shrunk when
    it is larger, moved back in where it sticks out, or centred in it when `centre`."""
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    # subtle: a minimum size larger than the area wins over resize(); then the top left
    # (title bar, menus) stays on the screen.
    outer_w, outer_h = window.width() + extra_w, window.height() + extra_h
    if centre:
        x = area.left() + (area.width() - outer_w) // 2
        y = area.top() + (area.height() - outer_h) // 2
    else:
        x = min(frame.x(), area.right() + 1 - outer_w)
        y = min(frame.y(), area.bottom() + 1 - outer_h)
    x, y = max(x, area.left()), max(y, area.top())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)  # a top-level's move() places its frame's top left


def _sized_by_the_system(window: QWidget) -> bool:
    return window.isFullScreen() or window.isMaximized()


def clamp_to_screen(window: QWidget) -> None:
    """Keep `window` within its screen's available area: a size remembered on a larger
    screen (or grown by an older version) is shrunk and moved back, never off the screen."""
    area = free_area(window)
    if area is not None and not _sized_by_the_system(window):
        fit_into(window, area)


def centre_on_screen(window: QWidget) -> None:
    """Put `window`, frame included, in the middle of its screen's available area (shrunk
    to fit it if it is larger)."""
    area = free_area(window)
    if area is not None and not _sized_by_the_system(window):
        fit_into(window, area, centre=True)


def frame_known(window: QWidget) -> bool:
    """True once the window manager's frame is around `window` (a window without a
    frame, with no window manager or on Wayland, never has one)."""
    return window.frameGeometry().size() != window.size()


class _WhenFramed(QObject):
    """Calls `place` at the first show, move or resize of `window` that finds its frame
    known, then goes."""

    def __init__(self, window: QWidget, place: Callable[[], None]):
        super().__init__(window)
        self.window, self.place = window, place
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if (obj is self.window and event.type() in (QEvent.Type.Show, QEvent.Type.Move,
                                                    QEvent.Type.Resize)
                and self.window.isVisible() and frame_known(self.window)):
            self.window.removeEventFilter(self)
            self.deleteLater()
            self.place()
        return False


def place_once_framed(window: QWidget, place: Callable[[], None]) -> None:
    """Call `place()` now (with the frame as far as it is known), and once more as soon as
    the window manager's frame is known, if it is not yet."""
    place()
    if not frame_known(window):
        _WhenFramed(window, place)


__all__ = ["centre_on_screen", "clamp_to_screen", "fit_into", "frame_known", "free_area",
           "place_once_framed"]
