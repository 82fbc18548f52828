"""The guided tour: the story step by step, each step doing the real thing live.

`Tour` walks the steps of `gui/tour_script.py`. Each step opens its panel, shows its
narration on the `TourCard` (a caption bar across the bottom of the window, large enough
to read from the back of a room) and runs its demonstration through the controller (and
through the panel's own public methods where it has them, so the panel shows what is
happening). The part of the panel the step is about (`TourStep.shows`: the loss curve,
the two answers, ...) is scrolled into view as the step opens and again once its result
is in, so that a large text size and the caption below never hide it.

Steps go forward and back by hand (Next / Back, PageDown / PageUp, a presentation
clicker) or on their own. Auto-play holds each step until its demonstration has finished
(training for its time, the fine-tune, the judge's run, the answers) and its result has
then been on screen for the chosen reading time; the presenter can still skip ahead. At
the last step auto-play stops with the result on screen and offers "Reset the demo";
"Done" closes the tour.

Signals of `Tour`:
    stepChanged(int)       the step now shown (0-based), after its panel opened
    statusChanged(str)     what the step's demonstration is doing or found, for people
    activeChanged(bool)    the tour started or ended
    autoplayChanged(bool)  auto-play turned on or off
    stepDone(int)          step (0-based) has finished its demonstration; its result is shown
    ended()                the last step's result has been read (auto-play) or Done was pressed
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from gui.lecture.step_run import StepRun
from gui.lecture.tour_actions import ACTIONS, TourAction
from gui.lecture.tour_script import STEPS, TourStep
from gui.widgets.into_view import bring_into_view

SETTLE_MS = (250, 900)  # the part scrolled into view again, once the layout has settled


def _part_to_show(run: StepRun) -> str:
    """The part of its panel a step is about now: `shows_after` once its result is in (if
    it has one), else `shows` ("": none)."""
    return (run.step.shows_after or run.step.shows) if run.is_done else run.step.shows


class Tour(QObject):
    """Steps through `STEPS` on a MainWindow; see the module docstring for the signals."""

    stepChanged = Signal(int)
    statusChanged = Signal(str)
    activeChanged = Signal(bool)
    autoplayChanged = Signal(bool)
    stepDone = Signal(int)
    ended = Signal()

    def __init__(self, window, controller, steps: tuple[TourStep, ...] = STEPS, settings=None,
                 parent: QObject | None = None):
        super().__init__(parent if parent is not None else window)
        self.window, self.controller, self.steps = window, controller, steps
        self.settings = settings
        self.index = -1
        self.active = False
        self.status = ""
        # The reading time: how long a step's result stays up on auto-play once shown.
        self.seconds_per_step: float = settings.tour_seconds() if settings is not None else 15
        self._run: StepRun | None = None
        self._autoplay_on = False
        self.trained_from_scratch = False  # the tour's training step made a new model
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.timeout.connect(self._auto_next)

    # -- moving -----------------------------------------------------------------------
    @property
    def step(self) -> TourStep | None:
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    @property
    def autoplay(self) -> bool:
        return self._autoplay_on

    def start(self, index: int = 0) -> None:
        """Begin (or jump) at step `index`."""
        if not self.active:
            self.active = True
            self.activeChanged.emit(True)
        self.go_to(index)

    def resume(self) -> None:
        """Start at the step shown last time (remembered between runs)."""
        remembered = self.settings.tour_step() if self.settings is not None else 0
        self.start(min(max(0, remembered), len(self.steps) - 1))

    def stop(self) -> None:
        """End the tour (the panel stays where it is)."""
        self._end_run()
        self.set_autoplay(False)
        if self.active:
            self.active = False
            self.activeChanged.emit(False)

    def next(self) -> bool:
        """The next step; False (and auto-play stops) at the last one."""
        if not self.active:
            self.start(0)
            return True
        if self.index + 1 >= len(self.steps):
            self.finish()
            return False
        self.go_to(self.index + 1)
        return True

    def back(self) -> bool:
        if not self.active or self.index <= 0:
            return False
        self.go_to(self.index - 1)
        return True

    def finish(self) -> None:
        """The end of the story: the tour closes cleanly (its card goes, the panel and its
        last result stay) and `ended` lets the window offer "Reset the demo"."""
        self.stop()
        self.ended.emit()

    def go_to(self, index: int) -> None:
        index = min(max(0, index), len(self.steps) - 1)
        self._end_run()
        self.index = index
        step = self.steps[index]
        if self.settings is not None:
            self.settings.set_tour_step(index)
        panel = self.window.show_panel(step.panel)
        self.status = ""
        self.stepChanged.emit(index)
        run = self._run = StepRun(self, step, panel)
        # A job that fails during the step ends its demonstration: auto-play goes on.
        run.listen(self.controller.jobFailed, lambda _title, _message: run.done())
        self._start_action(run)
        self._arm_autoplay()
        # On the next turn: the panel just opened lays itself out first.
        QTimer.singleShot(0, self, lambda: self._show_part(run))

    def _show_part(self, run: StepRun) -> None:
        """Scroll the part of the panel the step is about into view (`TourStep.shows`, or
        `shows_after` once its result is in); again a moment later, in case it moved.

        subtle: a panel opened for the first time, or a tab shown for the first time, is
        laid out over several turns (wrapped text measures itself at its final width),
        and an answer that just arrived grows its card on the next turns: the first
        scroll can aim at where the part was. The later ones scroll only if it moved."""
        part = _part_to_show(run)
        if run is not self._run or not part:
            return
        self._bring(run, part)
        for delay in SETTLE_MS:
            QTimer.singleShot(delay, self, lambda p=part: self._bring(run, p))

    def keep_part_in_view(self) -> None:
        """The room for the page changed (the caption grew): scroll the step's part into
        view again, once the window has laid itself out for it."""
        run = self._run
        if run is not None:
            QTimer.singleShot(0, self, lambda: self._show_part(run))

    def _bring(self, run: StepRun, part: str) -> None:
        if run is not self._run or part != _part_to_show(run):
            return  # another step, or the step's result moved the view elsewhere since
        tour_part = getattr(run.panel, "tour_part", None)
        if tour_part is not None:
            bring_into_view(tour_part(part))

    def _start_action(self, run: StepRun) -> None:
        step = run.step
        if not step.action:
            return
        action = ACTIONS.get(step.action)
        if action is None:
            run.say(self.tr("This step's live demonstration is not in this version; the panel is "
                            "shown."))
            return
        run._guard(lambda: action.run(run))

    def _end_run(self) -> None:
        self._auto.stop()
        if self._run is not None:
            self._run.finish()
            self._run = None

    def _set_status(self, text: str) -> None:
        self.status = text
        self.statusChanged.emit(text)

    # -- auto-play --------------------------------------------------------------------
    def set_autoplay(self, on: bool) -> None:
        if on == self._autoplay_on:
            return
        self._autoplay_on = on
        if on:
            if not self.active:
                self.start(max(0, self.index))
            self._arm_autoplay()
        else:
            self._auto.stop()
        self.autoplayChanged.emit(on)

    def set_seconds_per_step(self, seconds: int) -> None:
        self.seconds_per_step = max(3, int(seconds))
        if self.settings is not None:
            self.settings.set_tour_seconds(self.seconds_per_step)
        self._arm_autoplay()

    def step_seconds(self, index: int | None = None) -> float:
        """How long step `index`'s result stays up on auto-play once it is shown."""
        step = self.steps[self.index if index is None else index]
        return max(self.seconds_per_step, step.seconds)

    @property
    def step_is_done(self) -> bool:
        return self._run is not None and self._run.is_done

    def _step_done(self, run: StepRun) -> None:
        if run is self._run:
            self._show_part(run)  # the result may have moved it (an answer, a new tab)
            self.stepDone.emit(self.index)
            self._arm_autoplay()

    def _arm_autoplay(self) -> None:
        """Count the reading time once the step's result is on screen (not before)."""
        self._auto.stop()
        if self._autoplay_on and self.active and self.step_is_done:
            self._auto.start(round(self.step_seconds() * 1000))

    def _auto_next(self) -> None:
        if self.index + 1 >= len(self.steps):
            # The last result stays on screen; the card offers "Reset the demo".
            self.set_autoplay(False)
            end = self.tr("The end: “Reset the demo” begins again.")
            self._set_status(f"{self.status}  ·  {end}" if self.status else end)
            return
        self.next()


__all__ = ["ACTIONS", "StepRun", "Tour", "TourAction"]
