"""One tour step's run: what a demonstration may use, all undone when the step ends."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from gui.i18n import translate
from gui.lecture.tour_script import TourStep

if TYPE_CHECKING:  # the Tour makes StepRuns; only its type is needed here
    from gui.lecture.tour import Tour

log = logging.getLogger("three_pillars")


class StepRun:
    """What a running demonstration may use; everything it starts ends with the step.

    Timers made with `after`, connections made with `once`/`listen` and handlers given to
    `on_leave` are all undone when the tour leaves the step, so a demonstration never
    acts on a step that is no longer shown.
    """

    def __init__(self, tour: Tour, step: TourStep, panel: QWidget | None):
        self.tour, self.step, self.panel = tour, step, panel
        self.window, self.controller = tour.window, tour.controller
        self._timers: list[QTimer] = []
        self._connections: list[tuple] = []
        self._leave: list[Callable[[], None]] = []
        self.finished = False
        # Whether the demonstration's result is on screen (auto-play waits for it); a step
        # with nothing to run is done at once.
        self.is_done = not step.action

    def done(self) -> None:
        """The demonstration has finished and its result is on screen: auto-play may
        count the step's reading time from now. Calling it again changes nothing."""
        if self.finished or self.is_done:
            return
        self.is_done = True
        self.tour._step_done(self)

    def say(self, text: str) -> None:
        if not self.finished:
            self.tour._set_status(text)

    def after(self, ms: int, fn: Callable[[], None]) -> QTimer:
        timer = QTimer(self.tour)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: None if self.finished else self._guard(fn))
        timer.start(int(ms))
        self._timers.append(timer)
        return timer

    def every(self, ms: int, fn: Callable[[], None]) -> QTimer:
        timer = QTimer(self.tour)
        timer.timeout.connect(lambda: None if self.finished else self._guard(fn))
        timer.start(int(ms))
        self._timers.append(timer)
        return timer

    def listen(self, signal, fn: Callable) -> None:
        """Call fn on every emission of `signal` while the step is shown."""

        def slot(*args):
            if not self.finished:
                self._guard(lambda: fn(*args))

        signal.connect(slot)
        self._connections.append((signal, slot))

    def once(self, signal, fn: Callable) -> None:
        """Call fn on the next emission of `signal` (while the step is shown)."""
        fired = [False]

        def slot(*args):
            if fired[0] or self.finished:
                return
            fired[0] = True
            self._guard(lambda: fn(*args))

        signal.connect(slot)
        self._connections.append((signal, slot))

    def on_leave(self, fn: Callable[[], None]) -> None:
        self._leave.append(fn)

    def finish_timers(self) -> None:
        """Stop this step's timers now (its connections stay)."""
        for timer in self._timers:
            timer.stop()

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - a demonstration must never break the tour
            log.exception("tour step %r failed", self.step.title)
            # The exception's own words stay as they are (English, for the log too).
            self.say(translate("StepRun", "This demonstration stopped: {reason}").format(reason=exc))
            self.done()  # nothing more will come: auto-play must not wait for it

    def finish(self) -> None:
        if self.finished:
            return
        for fn in self._leave:
            try:
                fn()
            except Exception:  # noqa: BLE001
                log.exception("tour step %r could not clean up", self.step.title)
        self.finished = True
        for timer in self._timers:
            timer.stop()
            timer.deleteLater()
        for signal, slot in self._connections:
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self._timers.clear()
        self._connections.clear()
