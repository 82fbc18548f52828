"""The guided tour: the story step by step, each step doing the real thing live.

`Tour` walks the steps of `gui/tour_script.py`. Each step opens its panel, shows its
narration on the `TourCard` (a caption bar across the bottom of the window, large enough
to read from the back of a room) and runs its demonstration through the controller (and
through the panel's own public methods where it has them, so the panel shows what is
happening). A demonstration whose controller methods are missing (a panel still being
built) says so on the card; the panel is shown all the same.

Steps go forward and back by hand (Next / Back, PageDown / PageUp, a presentation
clicker) or on their own (auto-play: each step stays up for the chosen number of seconds,
or longer when its demonstration needs it).

Signals of `Tour`:
    stepChanged(int)       the step now shown (0-based), after its panel opened
    statusChanged(str)     what the step's demonstration is doing or found, for people
    activeChanged(bool)    the tour started or ended
    autoplayChanged(bool)  auto-play turned on or off
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.panels import PANELS
from gui.lecture.tour_script import (
    BIASED_CLICKS,
    BIASED_WORD,
    STEPS,
    TOUR_QUESTION,
    TRAIN_SECONDS,
    TourStep,
)

log = logging.getLogger("three_pillars")


# -- one step's run ----------------------------------------------------------------------
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
            self.say(f"This demonstration stopped: {exc}")

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


# -- the demonstrations --------------------------------------------------------------------
@dataclass(frozen=True)
class TourAction:
    """A live demonstration: the controller methods it needs, and how to run it."""

    name: str
    needs: tuple[str, ...]  # Controller methods it calls; missing ones make it unavailable
    run: Callable[[StepRun], None]


def _words(n: int) -> str:
    return f"{n:,}"


def _load_default_mix(run: StepRun) -> None:
    from engine.corpus.mix import Mix

    def shown(summary) -> None:
        run.say(f"The default mix is loaded: {_words(summary.documents)} documents, "
                f"{_words(summary.words)} words, {_words(summary.tokens)} tokens to learn from.")

    run.once(run.controller.dataSummaryChanged, shown)
    run.say("Loading the default mix of sources…")
    run.controller.set_mix(Mix.default())


def _show_cleaning(run: StepRun) -> None:
    def shown(summary) -> None:
        reports = list(summary.reports)
        if not reports:
            run.say("The cleaning removed nothing from this mix.")
            return
        total = sum(r.removed for r in reports)
        biggest = max(range(len(reports)), key=lambda i: reports[i].removed)
        steps = getattr(run.panel, "steps", None)  # the Data panel's list of cleaning steps
        if steps is not None and hasattr(steps, "setCurrentRow") and biggest < steps.count():
            steps.setCurrentRow(biggest)
        run.say(f"The cleaning threw out {_words(total)} documents in all; the biggest cut, "
                f"“{reports[biggest].name}”, removed {_words(reports[biggest].removed)}.")

    if run.controller.data_summary is not None:
        shown(run.controller.data_summary)
    else:
        run.once(run.controller.dataSummaryChanged, shown)
        run.controller.request_data_summary()


def _split_headache(run: StepRun) -> None:
    text = "A headache and a stomachache"  # words inside a sentence: " head" + "ache"

    def show(tokenizers) -> None:
        set_text = getattr(run.panel, "set_text", None)
        if callable(set_text):
            set_text(text)
        bpe = tokenizers.get("bpe") if tokenizers else None
        if bpe is None:
            return
        pieces = [bpe.token_strings(bpe.encode(w)) for w in (" headache", " stomachache")]
        shown = ";  ".join(" + ".join(f"“{p.strip()}”" for p in ps) for ps in pieces)
        run.say(f"The word-piece tokenizer (BPE) cuts them as: {shown}.")

    if run.controller.tokenizers:
        show(run.controller.tokenizers)
    else:
        run.say("Preparing the three tokenizers…")
        run.once(run.controller.tokenizersChanged, show)
        run.controller.request_tokenizers()


def _cat_windows(run: StepRun) -> None:
    show = getattr(run.panel, "show_cat_sentence", None)

    def start() -> None:
        if callable(show):
            show()
            play = getattr(run.panel, "play_button", None)
            if play is not None and hasattr(play, "setChecked"):
                play.setChecked(True)
                run.on_leave(lambda: play.setChecked(False))
        from engine.pretraining.windows import sliding_windows
        from gui.panels.pretraining.windows_panel import CAT_SENTENCE

        k = 4
        n = len(sliding_windows(CAT_SENTENCE.split(" "), k))
        run.say(f"“{CAT_SENTENCE}” makes {n} windows of {k} words; the orange word is the "
                "one the model must guess each time.")

    if run.controller.model_tokenizer is None:
        run.once(run.controller.modelTokenizerChanged, lambda _t: start())
    else:
        start()


def _train_20s(run: StepRun) -> None:
    c = run.controller
    first = {"loss": None, "tokens": None}
    left = [TRAIN_SECONDS]

    def snapshot(snap) -> None:
        if first["loss"] is None and snap.train_loss == snap.train_loss:
            first["loss"], first["tokens"] = snap.train_loss, snap.tokens_seen

    def tick() -> None:
        left[0] -= 1
        snap = c.latest_snapshot
        loss = "" if snap is None else f" · mistakes (loss) {snap.train_loss:.2f}"
        rate = "" if snap is None else f" · {snap.tokens_per_s:,.0f} tokens a second"
        if left[0] > 0:
            run.say(f"Training: {left[0]} s to go{loss}{rate}")

    def stop() -> None:
        c.pause_training()
        snap = c.latest_snapshot
        if snap is not None and first["loss"] is not None:
            read = snap.tokens_seen - first["tokens"]
            run.say(f"Paused after {TRAIN_SECONDS} s. It read {_words(read)} tokens; its "
                    f"mistakes (loss) went from {first['loss']:.2f} to {snap.train_loss:.2f}.")
        else:
            run.say(f"Paused after {TRAIN_SECONDS} s.")

    started = [False]

    def state(s: str) -> None:
        # The clock starts when the model really trains, not when it was asked to.
        if s == "running" and not started[0]:
            started[0] = True
            run.every(1000, tick)
            run.after(TRAIN_SECONDS * 1000, stop)
            run.say(f"Training: {TRAIN_SECONDS} s to go")
        elif s == "diverged":
            run.finish_timers()
            snap = c.latest_snapshot
            run.say(snap.message if snap is not None and snap.message else
                    "Training stopped: its numbers blew up, and it went back to its last good state.")

    run.listen(c.trainingSnapshot, snapshot)
    run.listen(c.trainingStateChanged, state)
    run.on_leave(lambda: c.pause_training() if c.training_state == "running" else None)
    run.say("A new model starts from random numbers…")
    run.tour.trained_from_scratch = True  # the next step goes back to the shipped model
    c.start_training(from_scratch=True)


def _sea_neighbours(run: StepRun) -> None:
    c = run.controller
    if run.tour.trained_from_scratch:
        # The 20-second model is too young for a tidy map: back to the shipped one first.
        run.tour.trained_from_scratch = False
        run.once(c.demoReset, lambda: _sea_neighbours(run))
        run.say("Back to the model that came with the app…")
        c.reset_demo()
        return

    def found(word, neighbours, message) -> None:
        if word != "sea":
            return
        if message or not neighbours:
            run.say(message or "The model found no neighbours for “sea”.")
            return
        listed = ", ".join(f"“{n.token.strip()}” ({n.similarity:.2f})" for n in neighbours[:5])
        run.say(f"Nearest to “sea”, measured by cosine similarity: {listed}.")

    run.listen(c.neighboursReady, found)
    search = getattr(run.panel, "search", None)
    if callable(search):
        search("sea", zoom=True)
    c.request_neighbours("sea", 5)


def _ask_both(run: StepRun, after: bool) -> None:
    c = run.controller
    question = TOUR_QUESTION

    def answered(comparison) -> None:
        outputs = {o.stage: o for o in getattr(comparison, "outputs", ())}
        base = outputs.get("pre-trained")
        tuned = outputs.get("fine-tuned")

        def text(o) -> str:
            g = getattr(o, "generation", None)
            words = getattr(g, "text", "") if g is not None else getattr(o, "note", "")
            words = " ".join(str(words).split())
            return (words[:90] + "…") if len(words) > 90 else words

        if after and tuned is not None:
            run.say(f"Fine-tuned: “{text(tuned)}”")
        elif base is not None:
            run.say(f"Pre-trained, asked “{question}”: “{text(base)}”")

    def ask() -> None:
        run.once(c.comparisonReady, answered)
        ask_panel = getattr(run.panel, "ask", None)
        if callable(ask_panel):
            ask_panel(question)
        else:
            c.request_comparison(question)
        run.say(f"Asking “{question}”…")

    if after and getattr(c, "finetune_state", "") == "running":
        run.say("Waiting for fine-tuning to finish…")
        run.once(c.finetuneStateChanged, lambda _s: ask())
    else:
        ask()


def _finetune(run: StepRun) -> None:
    c = run.controller

    def progress(snap) -> None:
        total = (getattr(c, "sft_run", None) or {}).get("max_steps")
        of = f" of {total}" if total else ""
        run.say(f"Fine-tuning: lesson {snap.step}{of} · mistakes on answers (loss) {snap.train_loss:.2f}")

    def state(s: str) -> None:
        if s != "running":
            snap = c.latest_sft_snapshot
            loss = f" Its mistakes on answers (loss) ended at {snap.train_loss:.2f}." if snap else ""
            run.say(f"Fine-tuning {'finished' if s == 'done' else s}.{loss}")

    run.listen(c.finetuneSnapshot, progress)
    run.listen(c.finetuneStateChanged, state)
    start = getattr(run.panel, "start_finetune", None)
    if callable(start):
        start()
    else:
        c.start_finetune()
    run.say("Fine-tuning starts from the pre-trained model…")


def _two_answers(run: StepRun) -> None:
    c = run.controller

    def shown(candidates) -> None:
        answers = getattr(candidates, "answers", ())
        if len(answers) >= 2:
            run.say(f"A: “{_short(answers[0].text)}”   B: “{_short(answers[1].text)}”")

    run.once(c.candidatesReady, shown)
    box = getattr(run.panel, "question", None)
    ask = getattr(run.panel, "ask", None)
    if box is not None and hasattr(box, "setText") and callable(ask):
        box.setText(TOUR_QUESTION)
        ask()
    else:
        c.request_candidates(TOUR_QUESTION, n=2)
    run.say(f"The model writes two answers to “{TOUR_QUESTION}”…")


def _short(text: str, n: int = 60) -> str:
    words = " ".join(str(text).split())
    return (words[:n] + "…") if len(words) > n else words


def _give_feedback(run: StepRun) -> None:
    from engine.alignment.preference import PreferencePair

    c = run.controller

    def learned(snap) -> None:
        margin = getattr(snap, "margin", None)
        kl = getattr(snap, "kl", None)
        parts = []
        if margin is not None:
            parts.append(f"it now prefers the chosen answer by a margin of {margin:.2f}")
        if kl is not None:
            parts.append(f"it moved {kl:.3f} away from where it started (KL)")
        run.say("Learned from one click: " + (", and ".join(parts) or "the model changed") + ".")

    def judge(candidates) -> None:
        answers = getattr(candidates, "answers", ())
        if len(answers) < 2:
            run.say("The model did not write two answers this time.")
            return
        # The tour picks the answer that ended on its own (a finished reply) when only one
        # did, else the first one, and says so.
        pick = 1 if (answers[1].ended and not answers[0].ended) else 0
        run.once(c.alignmentSnapshot, learned)
        better = getattr(run.panel, "send_better", None)
        if callable(better) and getattr(run.panel, "candidates", None) is candidates:
            better(pick)
        else:
            ch, rj = answers[pick], answers[1 - pick]
            c.judge(PreferencePair(candidates.prompt, candidates.prompt_ids, ch, rj))
        run.say(f"We pick answer {'AB'[pick]} as the better one: “{_short(answers[pick].text)}”. Learning…")

    if getattr(c, "candidates", None) is not None:
        judge(c.candidates)
    else:
        run.once(c.candidatesReady, judge)
        c.request_candidates(TOUR_QUESTION, n=2)
        run.say("The model writes two answers first…")


def _show_tab(panel, words: str) -> None:
    """Bring forward the panel's tab whose title holds `words`, if it has one."""
    tabs = getattr(panel, "tabs", None)
    if tabs is None or not hasattr(tabs, "tabText"):
        return
    for i in range(tabs.count()):
        if words.lower() in tabs.tabText(i).lower():
            tabs.setCurrentIndex(i)
            return


def _biased_judge(run: StepRun) -> None:
    c = run.controller
    clicks = BIASED_CLICKS

    def progress(done: int, total: int) -> None:
        run.say(f"The one-sided judge has clicked {done} of {total} times, always for “{BIASED_WORD}”.")

    def state(s: str, info) -> None:
        if s == "running":
            return
        before, after = (info or {}).get("before"), (info or {}).get("after")
        if before is not None and after is not None and before.n and after.n:
            run.say(f"Answers mentioning “{BIASED_WORD}”: {100 * before.with_trait / before.n:.0f} % before, "
                    f"{100 * after.with_trait / after.n:.0f} % after {clicks} biased clicks.")
        else:
            run.say(f"The judge {'finished' if s == 'done' else 'stopped'}.")

    _show_tab(run.panel, "biased")
    word = getattr(run.panel, "word_edit", None)
    if word is not None and hasattr(word, "setText"):
        word.setText(BIASED_WORD)
    run.listen(c.rankerProgress, progress)
    run.listen(c.rankerStateChanged, state)
    run.on_leave(lambda: c.stop_ranker() if getattr(c, "ranker_state", "") == "running" else None)
    c.run_ranker(f"prefers-word:{BIASED_WORD}", clicks)
    run.say("Measuring the model before the judge starts…")


def _stage_strip(run: StepRun) -> None:
    c = run.controller

    def shown(views) -> None:
        answered = [v for v in views if getattr(v, "answer", None) is not None]
        run.say(f"One question to the three stages side by side: pre-trained, fine-tuned and "
                f"aligned ({len(answered)} of {len(views)} answered).")

    run.once(c.stageStripReady, shown)
    _show_tab(run.panel, "stages")
    box = getattr(run.panel, "question", None)
    compare = getattr(run.panel, "compare_stages", None)
    if box is not None and hasattr(box, "setText") and callable(compare):
        box.setText(TOUR_QUESTION)
        compare()
    else:
        c.request_stage_strip(TOUR_QUESTION)


ACTIONS: dict[str, TourAction] = {
    a.name: a
    for a in (
        TourAction("load_default_mix", ("set_mix",), _load_default_mix),
        TourAction("show_cleaning", ("request_data_summary",), _show_cleaning),
        TourAction("split_headache", ("request_tokenizers",), _split_headache),
        TourAction("cat_windows", ("request_next_token",), _cat_windows),
        TourAction("train_20s", ("start_training", "pause_training"), _train_20s),
        TourAction("sea_neighbours", ("request_neighbours", "reset_demo"), _sea_neighbours),
        TourAction("ask_before", ("request_comparison",), lambda run: _ask_both(run, after=False)),
        TourAction("finetune", ("start_finetune",), _finetune),
        TourAction("ask_after", ("request_comparison",), lambda run: _ask_both(run, after=True)),
        TourAction("two_answers", ("request_candidates",), _two_answers),
        TourAction("give_feedback", ("request_candidates", "judge"), _give_feedback),
        TourAction("biased_judge", ("run_ranker", "stop_ranker"), _biased_judge),
        TourAction("stage_strip", ("request_stage_strip",), _stage_strip),
    )
}


def missing_needs(action: TourAction, controller) -> list[str]:
    """The controller methods this demonstration needs that are not there."""
    return [name for name in action.needs if not callable(getattr(controller, name, None))]


# -- the tour ------------------------------------------------------------------------------
class Tour(QObject):
    """Steps through `STEPS` on a MainWindow; see the module docstring for the signals."""

    stepChanged = Signal(int)
    statusChanged = Signal(str)
    activeChanged = Signal(bool)
    autoplayChanged = Signal(bool)

    def __init__(self, window, controller, steps: tuple[TourStep, ...] = STEPS, settings=None,
                 parent: QObject | None = None):
        super().__init__(parent if parent is not None else window)
        self.window, self.controller, self.steps = window, controller, steps
        self.settings = settings
        self.index = -1
        self.active = False
        self.status = ""
        self.seconds_per_step = settings.tour_seconds() if settings is not None else 15
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
            self.set_autoplay(False)
            self._set_status("That was the last step. Press “Reset the demo” to begin again.")
            return False
        self.go_to(self.index + 1)
        return True

    def back(self) -> bool:
        if not self.active or self.index <= 0:
            return False
        self.go_to(self.index - 1)
        return True

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
        self._run = StepRun(self, step, panel)
        self._start_action(self._run)
        self._arm_autoplay()

    def _start_action(self, run: StepRun) -> None:
        step = run.step
        if not step.action:
            return
        action = ACTIONS.get(step.action)
        if action is None:
            run.say("This step's live demonstration is not in this version; the panel is shown.")
            return
        missing = missing_needs(action, self.controller)
        if missing:
            run.say("This step's live demonstration is not available yet "
                    f"(the app has no {', '.join(missing)}); the panel is shown.")
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

    def step_seconds(self, index: int | None = None) -> int:
        """How long step `index` stays up on auto-play."""
        step = self.steps[self.index if index is None else index]
        return max(self.seconds_per_step, step.seconds)

    def _arm_autoplay(self) -> None:
        if self._autoplay_on and self.active:
            self._auto.start(self.step_seconds() * 1000)

    def _auto_next(self) -> None:
        if not self.next():
            self.set_autoplay(False)


# -- the caption card ------------------------------------------------------------------------
def _pillar_of(key: str) -> str:
    for spec in PANELS:
        if spec.key == key:
            return spec.pillar
    return ""


def _title_of(key: str) -> str:
    for spec in PANELS:
        if spec.key == key:
            return spec.title
    return key


class TourCard(QFrame):
    """The narration, large, across the bottom of the window, with the tour's buttons.

    Compact on purpose (about 150 px at normal size): the panel above keeps its room.

    Signals:
        resetRequested()   the person pressed "Reset the demo"
    """

    resetRequested = Signal()

    def __init__(self, tour: Tour, parent: QWidget | None = None):
        super().__init__(parent)
        self.tour = tour
        self.setObjectName("tourCard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(14, 6, 14, 6)
        outer.setSpacing(14)

        left = self._left = QVBoxLayout()
        left.setSpacing(0)
        self.counter = QLabel()
        self.counter.setObjectName("tourCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setFont(theme.font(theme.HEADING_PT + 4, bold=True))
        self.where = QLabel()
        self.where.setObjectName("tourWhere")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setFont(theme.font(theme.SMALL_PT, bold=True))
        left.addStretch(1)
        left.addWidget(self.counter)
        left.addWidget(self.where)
        left.addStretch(1)
        outer.addLayout(left)

        text = self._text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("tourTitle")
        self.title.setFont(theme.font(theme.HEADING_PT, bold=True))
        self.narration = QLabel()
        self.narration.setObjectName("tourNarration")
        self.narration.setFont(theme.font(theme.BASE_PT + 2))
        self.narration.setWordWrap(True)
        self.narration.setTextFormat(Qt.TextFormat.PlainText)
        self.live = QLabel()
        self.live.setObjectName("tourStatus")
        self.live.setFont(theme.font(theme.SMALL_PT))
        self.live.setWordWrap(True)
        self.live.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.title, self.narration, self.live):
            w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            text.addWidget(w)
        outer.addLayout(text, 1)

        grid = self._grid = QGridLayout()
        grid.setSpacing(6)
        self.back_button = QPushButton("◀ Back")
        self.back_button.setToolTip("The step before (PageUp or ←)")
        self.next_button = QPushButton("Next ▶")
        self.next_button.setProperty("primary", True)
        self.next_button.setToolTip("The next step (PageDown, → or a presentation clicker)")
        self.close_button = QPushButton("✕")
        self.close_button.setToolTip("End the tour (the app stays as it is)")
        self.auto_button = QPushButton("▶▶ Auto")
        self.auto_button.setCheckable(True)
        self.auto_button.setToolTip("Auto-play: go on by itself, one step every few seconds")
        self.seconds = QSpinBox()
        self.seconds.setRange(3, 300)
        self.seconds.setSuffix(" s")
        self.seconds.setValue(tour.seconds_per_step)
        self.seconds.setToolTip("How long each step stays up on auto-play "
                                "(steps that train stay up until they are done)")
        self.reset_button = QPushButton("↺ Reset")
        self.reset_button.setToolTip("Reset the demo: back to the shipped models and the default "
                                     "data, as when the app opened")
        grid.addWidget(self.back_button, 0, 0)
        grid.addWidget(self.next_button, 0, 1)
        grid.addWidget(self.close_button, 0, 2)
        grid.addWidget(self.auto_button, 1, 0)
        grid.addWidget(self.seconds, 1, 1)
        grid.addWidget(self.reset_button, 1, 2)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addLayout(grid)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        self.back_button.clicked.connect(tour.back)
        self.next_button.clicked.connect(tour.next)
        self.auto_button.toggled.connect(tour.set_autoplay)
        self.seconds.valueChanged.connect(tour.set_seconds_per_step)
        self.reset_button.clicked.connect(self.resetRequested)
        self.close_button.clicked.connect(tour.stop)
        tour.stepChanged.connect(self.show_step)
        tour.statusChanged.connect(self.show_status)
        tour.autoplayChanged.connect(self._on_autoplay)
        self.apply_theme()

    def show_step(self, index: int) -> None:
        step = self.tour.steps[index]
        pillar = _pillar_of(step.panel)
        colour = theme.PILLAR_COLOURS.get(pillar, theme.BLUE)
        self.counter.setText(f"{index + 1} / {len(self.tour.steps)}")
        self.counter.setStyleSheet(f"color: {colour};")
        self.where.setText(f"{pillar}\n{_title_of(step.panel)}")
        self.where.setStyleSheet(f"color: {colour};")
        self.title.setText(step.title)
        self.narration.setText(step.narration)
        self.live.setText("")
        self.back_button.setEnabled(index > 0)
        last = index + 1 >= len(self.tour.steps)
        self.next_button.setText("Done ✓" if last else "Next ▶")
        self._fit_height()

    def show_status(self, text: str) -> None:
        self.live.setText(text)
        self._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped narration needs at this width.

        subtle: a main window's dock area ignores height-for-width, so the card works
        out its own height from the width its text column gets.
        """
        outer = self.layout()
        m = outer.contentsMargins()
        left_w = max(self.counter.sizeHint().width(), self.where.sizeHint().width())
        text_w = max(120, self.width() - m.left() - m.right() - left_w
                     - self._grid.sizeHint().width() - 2 * outer.spacing())
        line = self.live.fontMetrics().lineSpacing()
        text_h = (self.title.sizeHint().height() + self.narration.heightForWidth(text_w)
                  + max(line, self.live.heightForWidth(text_w)) + 2 * self._text.spacing())
        left_h = self.counter.sizeHint().height() + self.where.sizeHint().height()
        height = m.top() + m.bottom() + max(text_h, left_h, self._grid.sizeHint().height())
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    def _on_autoplay(self, on: bool) -> None:
        if self.auto_button.isChecked() != on:
            self.auto_button.setChecked(on)
        self.auto_button.setText("❚❚ Pause" if on else "▶▶ Auto")

    def apply_theme(self) -> None:
        """Colours from the theme (called again after a light/dark change)."""
        self.setStyleSheet(
            f"QFrame#tourCard {{ background: {theme.PANEL_BACKGROUND};"
            f" border-top: 3px solid {theme.BLUE}; }}"
            f"QLabel#tourStatus {{ color: {theme.MUTED_TEXT}; }}"
        )
        if self.tour.index >= 0:
            self.show_step(self.tour.index)
            self.live.setText(self.tour.status)


def add_tour_dock(window, tour: Tour) -> tuple[QDockWidget, TourCard]:
    """Put the card across the bottom of `window`, hidden until the tour starts."""
    card = TourCard(tour)
    dock = QDockWidget(window)
    dock.setObjectName("tourDock")
    dock.setWindowTitle("Guided tour")
    dock.setTitleBarWidget(QWidget())  # no title bar: the card says what it is
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.setWidget(card)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    tour.activeChanged.connect(dock.setVisible)
    return dock, card


__all__ = ["ACTIONS", "StepRun", "Tour", "TourAction", "TourCard", "add_tour_dock", "missing_needs"]
