"""Step 6, Chat & feedback: people judge the model's answers and the model changes at once.

The person asks a question; the live model writes two answers side by side; a thumb up
or down on one, or "this one is better", is sent to the engine, which updates the model
right there (a few optimiser steps of DPO or KTO against the frozen fine-tuned model)
and measures it again. The charts gain a point, and the next answers come from the
changed model. A scripted judge with a bias shows where this leads; a strip compares
the three stages on one prompt. Everything comes from the engine through the controller.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.bridge.alignment import ALIGNMENT_COMMANDS
from gui.i18n import translate
from gui.panels.alignment.chat_tabs import (
    JUDGES,
    HistoryTab,
    JudgeTab,
    LowerTabs,
    StageColumn,
    StripTab,
    short,
)
from gui.panels.alignment.feedback_card import FeedbackCard
from gui.panels.alignment.judge_words import JudgeWords
from gui.panels.finetuning.engine_words import engine_text
from gui.panels.finetuning.numbers import number, plural
from gui.panels.redraw import RedrawWhileShown
from gui.widgets.adaptive_row import AdaptiveRow, fit_tabs
from gui.widgets.alignment_charts import AlignmentCharts
from gui.widgets.answer_card import small_label
from gui.widgets.flow_layout import FlowLayout
from workers.protocol import WriteCandidates

REDRAW_MS = 33  # ~30 Hz: charts from the latest history
DEFAULT_QUESTION = "Where does the owl sleep at night?"
SUGGESTIONS = (  # held-out questions of the bundled pairs (engine/data/qa.jsonl): never trained on
    "Where does the owl sleep at night?",
    "What food does a seal like best?",
    "In which land does the tiger hunt?",
    "Why is fog dangerous for ships?",
    "Tell me what falls in a hail storm.",
    "Tell me what comes out of a volcano.",
)


class ChatPanel(RedrawWhileShown, QWidget):
    """Chat with the model, judge its answers, watch it change.

    Signals:
        candidatesShown(object): the Candidates now on screen.
        judgementSent(object): the PreferencePair or Thumb just sent to the engine.
    """

    candidatesShown = Signal(object)
    judgementSent = Signal(object)

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.candidates = None  # the Candidates on screen
        self._seed = 0
        self._suggestion = 0
        self._sent_at: float | None = None  # when the last judgement left (for the latency)
        self.last_latency: float | None = None  # click -> charts redrawn, seconds
        self._awaiting_redraw = False
        self._history_seen = False
        self._ranker_running = False
        self._writing = False  # new answers requested, not here yet
        self._measured_word = ""
        self._reset_pending = False  # "Reset to the fine-tuned model" sent, not answered yet
        self._build()
        self._connect()
        self.redraw_timer.start()

    def first_opened(self) -> None:
        # Ask for what the charts need (measuring the judge's word), and a first pair of
        # answers; while training or fine-tuning runs, once it is paused or finished
        # (opening a panel never stops a job: controller.gate).
        self.controller.gate.request("open-chat", self._first_requests, policy="queue")

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 6, 12, 6)
        root.setSpacing(6)

        title = QLabel(self.tr("Chat & feedback: the model learns what people prefer"))
        title.setFont(theme.font(theme.HEADING_PT, bold=True))
        title.setWordWrap(True)  # a longer translation wraps instead of widening the window
        root.addWidget(title)
        intro = small_label(self.tr("Each judgement changes the model at once: learning from human "
                                    "feedback (RLHF)."))
        root.addWidget(intro)

        # The question and its buttons side by side, or stacked when the text is large.
        ask_row = AdaptiveRow(spacing=6)
        question_row = QHBoxLayout()
        self.question = QLineEdit(DEFAULT_QUESTION)
        self.question.setCursorPosition(0)
        self.question.setPlaceholderText(self.tr("Ask the model a question…"))
        self.question.setToolTip(self.tr("The model was fine-tuned on questions about the sea, the "
                                         "weather, animals, fruit, kings and queens, aches and "
                                         "people's work. It answers in English."))
        self.question.setAccessibleName(self.tr("Your question to the model"))
        question_row.addWidget(self.question, 1)
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.setProperty("primary", True)
        self.ask_button.setToolTip(self.tr("Two new answers from the model as it is now"))
        question_row.addWidget(self.ask_button)
        ask_row.add(question_row, 1, wants_chars=30)
        other_buttons = FlowLayout(spacing=6, one_row_hint=True)  # wrapped at 1.75x on a laptop
        self.suggest_button = QPushButton(self.tr("Other question"))
        self.suggest_button.setToolTip(self.tr("Pick one of a few questions the model can handle"))
        other_buttons.addWidget(self.suggest_button)
        self.reset_button = QPushButton(self.tr("↺ Reset to the fine-tuned model"))
        self.reset_button.setToolTip(self.tr("Forget every judgement: the model goes back to how "
                                             "it was after fine-tuning (the reference model)"))
        other_buttons.addWidget(self.reset_button)
        ask_row.add(other_buttons)
        root.addWidget(ask_row)

        # Answers and charts side by side, or the charts under the answers when narrow.
        middle = AdaptiveRow(spacing=10)
        left = QVBoxLayout()
        left.setSpacing(4)
        # Side by side, to compare; one under the other only when they cannot both be read
        # (2x text on a laptop).
        cards = AdaptiveRow(spacing=8)
        self.cards = [FeedbackCard(0), FeedbackCard(1)]
        for card in self.cards:
            cards.add(card, 1)
        left.addWidget(cards, 1)
        status_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: no percentage, it is over in a moment
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status_row.addWidget(self.progress)
        self.status = small_label("")
        status_row.addWidget(self.status, 1)
        left.addLayout(status_row)
        middle.add(left, 1, wants_chars=40)

        # The config is only read for its stated KL budget (a torch-free module: the
        # panel is made before the window appears, and importing torch takes 1-2 s).
        from engine.alignment.preference_config import PreferenceConfig

        config = PreferenceConfig()
        self.charts = AlignmentCharts(kl_budget=config.kl_budget, beta=config.beta)
        middle.add(self.charts, 1, natural=True)
        root.addWidget(middle, 5)

        self.history_tab, self.judge_tab, self.strip_tab = HistoryTab(), JudgeTab(), StripTab()
        self.history = self.history_tab.history
        j = self.judge_tab
        self.judge_combo, self.word_edit, self.clicks_spin = j.judge_combo, j.word_edit, j.clicks_spin
        self.run_button, self.stop_button, self.judge_result = j.run_button, j.stop_button, j.judge_result
        self.strip_button, self.columns = self.strip_tab.strip_button, self.strip_tab.columns
        self.tabs = fit_tabs(LowerTabs())
        self.tabs.setFont(theme.font(theme.SMALL_PT))
        self.tabs.addTab(self.history_tab, self.tr("Your judgements"))
        self.tabs.addTab(self.judge_tab, self.tr("A biased judge"))
        self.tabs.addTab(self.strip_tab, self.tr("Compare the three stages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Judgements, the biased judge and the three stages"))
        root.addWidget(self.tabs, 3)

        self._make_redraw_timer(REDRAW_MS)

    def _connect(self) -> None:
        c = self.controller
        c.alignment.candidatesReady.connect(self._on_candidates)
        c.alignment.alignmentSnapshot.connect(self._on_snapshot)
        c.alignment.alignmentProgress.connect(self._on_progress)
        c.alignment.rankerStateChanged.connect(self._on_ranker_state)
        c.alignment.rankerProgress.connect(self._on_ranker_progress)
        c.alignment.stageStripReady.connect(self._on_strip)
        c.commandFailed.connect(self._on_failed)
        self.ask_button.clicked.connect(lambda: self.ask())
        self.question.returnPressed.connect(lambda: self.ask())
        self.suggest_button.clicked.connect(self.suggest)
        self.reset_button.clicked.connect(self.reset)
        for card in self.cards:
            card.thumb.connect(self.send_thumb)
            card.better.connect(self.send_better)
        self.run_button.clicked.connect(self.run_judge)
        self.stop_button.clicked.connect(c.alignment.stop_ranker)
        self.word_edit.editingFinished.connect(self._measure_word)
        self.strip_button.clicked.connect(lambda: self.compare_stages())
        self.redraw_timer.timeout.connect(self._redraw)

    def _first_requests(self) -> None:
        self.controller.alignment.request_alignment_history()
        self._measure_word()
        self.ask()

    # -- the person's actions -----------------------------------------------------------
    def ask(self, question: str | None = None) -> None:
        """Ask the live model for two new answers to `question` (default: the one in the box)."""
        if question is not None:
            self.question.setText(question)
            self.question.setCursorPosition(0)
        text = self.question.text().strip()
        if not text:
            self.status.setText(self.tr("Type a question first."))
            return
        # Behind a fine-tune these wait for it; during training the person is asked.
        if self.controller.gate.request("answers", lambda: self._ask_now(text),
                                        policy="wait-or-ask") == "queued":
            for card in self.cards:
                card.show_message(self.tr("waiting for the running job to finish…"))

    def _ask_now(self, text: str) -> None:
        self._seed += 1
        self._writing = True
        for card in self.cards:
            card.show_message(self.tr("writing…"))
        self._update_buttons()
        self.controller.alignment.request_candidates(text, n=len(self.cards), seed=self._seed)

    def suggest(self) -> None:
        self._suggestion = (self._suggestion + 1) % len(SUGGESTIONS)
        self.question.setText(SUGGESTIONS[self._suggestion])
        self.question.setCursorPosition(0)
        self.ask()

    def send_thumb(self, index: int, up: bool) -> None:
        from engine.alignment.preference import Thumb

        c = self.candidates
        if c is None or self._busy():
            return
        answer = c.answers[index]
        said = self.tr("▲ Good: “{answer}”") if up else self.tr("▼ Bad: “{answer}”")
        self.controller.gate.request("thumb-up" if up else "thumb-down", lambda: self._send(
            Thumb(c.prompt, c.prompt_ids, answer, up=up), said.format(answer=short(answer.text))))

    def send_better(self, index: int) -> None:
        from engine.alignment.preference import PreferencePair

        c = self.candidates
        if c is None or self._busy():
            return
        chosen, rejected = c.answers[index], c.answers[1 - index]
        self.controller.gate.request("better", lambda: self._send(
            PreferencePair(c.prompt, c.prompt_ids, chosen, rejected),
            self.tr("Better: “{chosen}” over “{rejected}”").format(
                chosen=short(chosen.text, 40), rejected=short(rejected.text, 40))))

    def _send(self, feedback, description: str) -> None:
        self._sent_at = time.perf_counter()
        self._awaiting_redraw = True
        self._update_buttons()
        self._add_history(description)
        self.judgementSent.emit(feedback)
        self.controller.alignment.learn(feedback)

    def reset(self) -> None:
        """Back to the fine-tuned model (asking first if a job runs). The engine's answer
        goes through the app's one reset path (controller.resultsReset -> forget_results)."""
        self.controller.gate.request("reset-alignment", self._reset_now)

    def _reset_now(self) -> None:
        self._reset_pending = True
        self.controller.alignment.reset_alignment()
        self.ask()

    def run_judge(self) -> None:
        label, spec, needs_word = JUDGES[self.judge_combo.currentIndex()]
        word = self.word_edit.text().strip()
        if needs_word:
            if not word or " " in word:
                self.judge_result.setText(self.tr("Type one word for the judge, for example “sea”."))
                return
            spec = spec.format(word=word)
        self.controller.gate.request("judge", lambda: self._run_judge_now(label, spec, needs_word, word))

    def _run_judge_now(self, label: str, spec: str, needs_word: bool, word: str) -> None:
        self.judge_result.setText(self.tr("Measuring the model before the judge starts…"))
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        if needs_word:
            self._measured_word = word  # the judge measures its own word
        self.controller.alignment.run_ranker(spec, self.clicks_spin.value(), seed=self._seed)
        judge = translate("JudgeTab", label) + (f" “{word}”" if needs_word else "")
        n = self.clicks_spin.value()
        self._add_history(plural(self.tr("Automatic judge ({judge}): %n click(s)", "", n), n).format(
            judge=judge))

    def _measure_word(self) -> None:
        """Chart the share of answers that mention the judge's word (the trait to watch)."""
        word = self.word_edit.text().strip()
        if word and " " not in word and word != self._measured_word:
            self._measured_word = word
            self.controller.gate.request(
                "measure-word", lambda: self.controller.alignment.set_alignment_trait(f"word:{word}"),
                policy="queue")

    def show_biased_judge(self, word: str) -> None:
        """Bring forward the biased judge's tab, set to be biased for `word`."""
        self.tabs.setCurrentWidget(self.judge_tab)
        self.word_edit.setText(word)

    def compare_stages(self, question: str | None = None) -> None:
        """Put `question` (default: the one in the box) to the model at each stage."""
        self.tabs.setCurrentWidget(self.strip_tab)
        if question is not None:
            self.question.setText(question)
            self.question.setCursorPosition(0)
        text = self.question.text().strip()
        if text:
            for col in self.columns.values():
                col.bars.set_message(self.tr("asking…"))
            seed = self._seed
            self.controller.gate.request(
                "compare", lambda: self.controller.alignment.request_stage_strip(text, seed=seed),
                policy="wait-or-ask")

    # -- from the engine -------------------------------------------------------------------
    def _busy(self) -> bool:
        return self._awaiting_redraw or self._ranker_running or self._writing

    def _answers_differ(self) -> bool:
        c = self.candidates
        return c is not None and len({" ".join(a.text.split()).lower() for a in c.answers}) == len(c.answers)

    def _update_buttons(self) -> None:
        """Judging is possible when answers are on screen and nothing is in flight."""
        ok = self.candidates is not None and not self._busy()
        for card in self.cards:
            card.set_enabled(ok)
            card.better_button.setEnabled(ok and self._answers_differ())

    def _on_candidates(self, c) -> None:
        if self._writing and c.seed != self._seed:
            # An older ask's answers (the step's first opening asked too): the newer ones are
            # on their way, and what is shown must be what was asked last (the tour says it).
            return
        self.candidates = c
        self._writing = False
        for card, answer in zip(self.cards, c.answers, strict=False):
            card.show_answer(answer)
        self._update_buttons()
        if not self._awaiting_redraw:
            text = (self.tr("These answers come from the fine-tuned model (no judgements yet).")
                    if c.model_version == 0 else
                    plural(self.tr("These answers come from the model after %n update(s).", "",
                                    c.model_version), c.model_version))
            if not self._answers_differ():
                text += " " + self.tr("Both say the same: the model is sure here. Judge it with a "
                                      "thumb, or ask another question.")
            self.status.setText(text)
        self.candidatesShown.emit(c)

    def _on_progress(self, phase: str) -> None:
        self.progress.setVisible(bool(phase))
        if phase == "learning":
            self.status.setText(self.tr("The model is learning from your choice…"))

    def _on_snapshot(self, snap) -> None:
        self._history_seen = True
        if snap.event in ("pair", "thumb", "mixed", "rolled back") and self._sent_at is not None:
            if snap.event == "rolled back":
                self.status.setText(engine_text(snap.message) or self.tr("The update failed and was undone."))
            # The next answers come from the changed model: ask again at once.
            if not self._ranker_running:
                self.ask()

    def _on_failed(self, failure) -> None:
        if not failure.is_about(*ALIGNMENT_COMMANDS):
            return  # another step's problem
        message = engine_text(failure.message)
        self.progress.hide()
        self._awaiting_redraw = False
        self.status.setText(message)
        if self.candidates is None or failure.is_about(WriteCandidates):
            self._writing = False
            self.candidates = None
            for card in self.cards:
                card.show_message(self.tr("No answers: {message}").format(message=message))
        self._update_buttons()

    def _redraw(self) -> None:
        history = self.controller.alignment.alignment_history
        if not self.charts.update_from(history):
            return
        if self._awaiting_redraw and self._sent_at is not None and history.snapshots:
            last = history.snapshots[-1]
            if last.event in ("pair", "thumb", "mixed", "rolled back"):
                self._awaiting_redraw = False
                self.last_latency = time.perf_counter() - self._sent_at
                self.progress.hide()
                if last.event != "rolled back":
                    self.status.setText(self.tr(
                        "Learned in {seconds} s (update {version}). The next answers come from "
                        "the changed model.").format(seconds=number(self.last_latency, 1),
                                                     version=last.version))
                self._update_buttons()

    def _on_ranker_state(self, state: str, info) -> None:
        self._ranker_running = state == "running"
        self.progress.setVisible(self._ranker_running)
        self._update_buttons()
        info = info or {}
        self.judge_tab.show_ranker_state(state, info)
        if state == "running":
            judge = JudgeWords().ranker(info.get("ranker", ""), info.get("description", ""))
            self.status.setText(self.tr("The automatic judge {judge}.").format(judge=judge))
        else:
            self.status.setText(self.tr("The judge stopped.") if state == "stopped"
                                else self.tr("The judge is done."))
            self.ask()

    def _on_ranker_progress(self, done: int, total: int) -> None:
        self.status.setText(self.tr("The automatic judge: click {done} of {total}…").format(
            done=done, total=total))

    def _on_strip(self, views) -> None:
        self.strip_tab.show_views(views)

    def _add_history(self, text: str) -> None:
        self.history_tab.add(text)

    # -- panel protocol --------------------------------------------------------------------
    def forget_results(self) -> None:
        """The models on screen are gone (a reset of any kind, another session): no old
        answers, comparison, judge's result, judgements or captions."""
        for column in self.columns.values():
            column.clear()
        self.candidates = None
        if not self._writing:  # new answers may be on their way already (reset, then ask)
            for card in self.cards:
                card.show_message("")
        self._awaiting_redraw, self._sent_at = False, None
        self.progress.hide()
        self.status.setText("")
        self.judge_result.setText("")
        self.judge_result.setToolTip("")
        self.history.clear()
        if self._reset_pending:
            self._reset_pending = False
            self._add_history(self.tr("↺ Back to the fine-tuned model: every judgement forgotten"))
        self._update_buttons()

    def tour_part(self, name: str) -> list:
        """What a tour step is about: the two answers, the charts, the rewarded trait's
        chart with the made-up words' beside it, the tabs (the judge), or the three
        stages' columns."""
        if name == "trait":
            return [(self.charts, self.charts.rect_of(p)) for p in (self.charts.trait, self.charts.nonwords)]
        if name == "stages":
            if self.tabs.currentWidget() is not self.strip_tab:
                return [self.tabs]
            # The three columns' guesses and answers (the tab's intro may go above the fold).
            return [w for col in self.strip_tab.columns.values() for w in (col.heading, col.sample)]
        return {"answers": list(self.cards), "charts": [self.charts], "tabs": [self.tabs]}.get(name, [])

    def is_ready(self) -> bool:
        return self.candidates is not None and self._history_seen and self.charts.point_count() > 0


__all__ = ["JUDGES", "ChatPanel", "FeedbackCard", "StageColumn"]
