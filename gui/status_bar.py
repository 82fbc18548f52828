"""The model status bar: stage, size, loss and tokens seen, always visible."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from engine.stages import ALIGNED, FINE_TUNING, FINETUNED, PRETRAINED, STAGES, TRAINING
from engine.stages import DOES as STAGE_DOES
from gui import theme
from gui.bridge.model_jobs import ShownStage
from gui.engine_messages import engine_text, loss_on, stage_does, stage_word
from gui.i18n import translate
from gui.stylesheet import set_style

STAGE_WORDS = {stage: f"{stage} ({STAGE_DOES[stage]})" for stage in STAGES}  # "fine-tuned (answers)"
# A job's stage is coloured as the stage it leads to.
HEADING_FOR = {TRAINING: PRETRAINED, FINE_TUNING: FINETUNED}
NOTICE_MS = 30_000  # long enough to be read out to a room

BUSY_WORDS = {
    "loading": QT_TRANSLATE_NOOP("ModelStatusBar", "Loading the model…"),
    "data": QT_TRANSLATE_NOOP("ModelStatusBar", "Preparing the training data…"),
    "training": QT_TRANSLATE_NOOP("ModelStatusBar", "Training…"),
    "aligning": QT_TRANSLATE_NOOP("ModelStatusBar", "Learning from feedback…"),  # Pillar III
}


LOSS_TIPS = {  # what the loss is measured on, by the status's loss_label
    "held-out text": QT_TRANSLATE_NOOP(
        "ModelStatusBar",
        "How surprised the model is by book text it has not trained on (held-out "
        "chapters): the mean loss per token, in nats. Lower is better. Measured on the "
        "same two batches of those chapters every time, so that it can be measured while "
        "training; over all of them the figure differs a little."),
    "held-out answers": QT_TRANSLATE_NOOP(
        "ModelStatusBar",
        "How surprised the model is by the answers to the held-out questions "
        "(their answer tokens and <end>, mean loss per token, in nats). Measured "
        "again after fine-tuning and after every judgement it learns from."),
    "": QT_TRANSLATE_NOOP(
        "ModelStatusBar",
        "How surprised the model is by text it has not trained on (held-out loss): lower is better"),
}


def stage_words(stage: str) -> str:
    """"pre-trained (continues text)", in the interface's language."""
    if stage not in STAGE_DOES:
        return stage
    return translate("ModelStatusBar", "{stage} ({does})").format(
        stage=stage_word(stage), does=stage_does(STAGE_DOES[stage]))


def human_count(n: float) -> str:
    """1234 -> '1,234'; 1_234_567 -> '1.23 million' (in the interface's language)."""
    locale = QLocale()
    if n >= 1e9:
        return translate("ModelStatusBar", "{n} billion").format(n=locale.toString(n / 1e9, "f", 1))
    if n >= 1e6:
        digits = 2 if n < 1e7 else 1
        return translate("ModelStatusBar", "{n} million").format(n=locale.toString(n / 1e6, "f", digits))
    return locale.toString(int(n))


class ModelStatusBar(QStatusBar):
    """Shows the `ModelStatus` of the live model; `busy_label` says what the engine is doing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.busy_label = QLabel(self.tr("Starting…"))
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setWordWrap(True)
        self.stage_label = QLabel()
        self.size_label = QLabel()
        self.loss_label = QLabel()
        self.tokens_label = QLabel()
        self._labels = (self.stage_label, self.size_label, self.loss_label, self.tokens_label)
        # Measures texts; never shown, in no layout (see _fit). Parented, so it goes with
        # the bar (a parentless label outlived its window).
        self._probe = QLabel(self)
        self._probe.setProperty("statusItem", True)  # padded by the style sheet as they are
        self._probe.hide()
        # Each label's (full, short) text: the short one is shown when the full ones do not
        # fit the window's width, so the status bar never makes the window wider.
        self._texts: dict[QLabel, tuple[str, str]] = {}
        for label in self._labels:
            label.setProperty("statusItem", True)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # busy_label is placed by the main window (under the navigator, where there is room).
        self.addWidget(QWidget(), 1)
        for label in (self.stage_label, self.size_label, self.loss_label, self.tokens_label):
            self.addPermanentWidget(label)
        self._busy: dict[str, bool] = {}
        self._load_failed = False
        self.status = None  # the ModelStatus shown
        self.shown: ShownStage | None = None  # what the model is called (set_stage), from facts
        # What a click stopped, or what waits (the job gate's notices), or where a file
        # went; the main window places it under the navigator, beside the busy words.
        self.notice_label = QLabel()
        self.notice_label.setObjectName("jobNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setProperty("role", "muted")
        self.notice_label.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(lambda: self.show_notice(""))
        self.set_status(None)
        self.stage_label.setToolTip(self.stage_tip())
        self.size_label.setToolTip(self.tr(
            "How many numbers the model can adjust while it learns (parameters)"))
        self.tokens_label.setToolTip(self.tr(
            "How many pieces of text it has learned from (tokens seen)"))

    def stage_tip(self) -> str:
        return self.tr("Where the model is on its way: pre-training, fine-tuning, RLHF")

    def set_status(self, status) -> None:
        """Show a ModelStatus (or None while the model is loading)."""
        self.status = status
        if status is None:
            self._show({self.stage_label: (self.tr("Model: —"), "—"),
                        self.size_label: (self.tr("Size: —"), "—"),
                        self.loss_label: (self.tr("Mistakes (loss): —"), self.tr("loss —")),
                        self.tokens_label: (self.tr("Read: —"), "—")})
            return
        shown = self.shown if self.shown is not None else ShownStage(status.stage)
        colour = theme.stage_text(HEADING_FOR.get(shown.stage, shown.stage))
        words = self.stage_words(shown)
        short = self.stage_words(shown, short=True)
        loss = "<b>{}</b>".format("—" if status.loss is None else QLocale().toString(status.loss, "f", 2))
        on_english = getattr(status, "loss_label", "")
        on = loss_on(on_english)
        count = f"<b>{human_count(status.tokens_seen)}</b>"
        params = f"<b>{human_count(status.n_params)}</b>"
        n = min(int(status.tokens_seen), 2**31 - 1)  # Qt's plural count is a C int
        if on:  # says what the loss is measured on, in both forms
            loss_texts = (self.tr("Mistakes (loss, {on}): {loss}").format(on=on, loss=loss),
                          self.tr("loss, {on}: {loss}").format(on=on, loss=loss))
        else:
            loss_texts = (self.tr("Mistakes (loss): {loss}").format(loss=loss),
                          self.tr("loss: {loss}").format(loss=loss))
        self._show({
            self.stage_label: (self.tr("Model: {stage}").format(
                                   stage=f"<b style='color:{colour}'>{words}</b>"),
                               f"<b style='color:{colour}'>{short}</b>"),
            self.size_label: (self.tr("Size: {count} parameters").format(count=params),
                              self.tr("{count} params").format(count=params)),
            self.loss_label: loss_texts,
            self.tokens_label: (self.tr("Read: {count} token(s)", "", n).format(count=count),
                                self.tr("{count} token(s)", "", n).format(count=count)),
        })
        tip = LOSS_TIPS.get(on_english.split(",")[0], LOSS_TIPS[""])
        self.loss_label.setToolTip(translate("ModelStatusBar", tip))
        # The short form drops what the stage does ("continues text"): keep it in reach.
        self.stage_label.setToolTip(self.tr("The model is {stage}. {tip}").format(
            stage=words, tip=self.stage_tip()))

    def set_stage(self, shown: ShownStage) -> None:
        """What to call the model now (controller.jobs.stage()): "training…" while a new
        model's first run goes on, "fine-tuning…" while a fine-tune runs, and so on."""
        if shown != self.shown:
            self.shown = shown
            self.set_status(self.status)

    def stage_words(self, shown: ShownStage, short: bool = False) -> str:
        """The stage for people, with what a model at that stage does: "pre-trained
        (continues text)", "training… (paused)", "aligned (12 judgements)"; `short`: the
        stage alone ("pre-trained", "training…", "paused")."""
        stage = shown.stage
        if stage == TRAINING:
            if shown.paused:  # short too: "training…" beside a paused run was not true
                return self.tr("paused") if short else self.tr("training… (paused)")
            return self.tr("training…")
        if stage == FINE_TUNING:
            return self.tr("fine-tuning…")
        if short:
            return stage_word(stage) if stage in STAGE_DOES else stage
        if stage == ALIGNED and shown.judgements is not None:
            if shown.judgements == 1:  # English has no plural forms without a translator
                return self.tr("aligned (1 judgement)")
            return self.tr("aligned (%n judgements)", "", shown.judgements)
        return stage_words(stage)

    def show_notice(self, text: str, tooltip: str = "") -> None:
        """Say what a click stopped, what waits, or where a file went (word-wrapped under
        the navigator, never cut off; `tooltip` for more, e.g. a full path); NOTICE_MS."""
        self.notice_label.setText(text)
        self.notice_label.setToolTip(tooltip or text)
        self.notice_label.setVisible(bool(text))
        if text:
            self._notice_timer.start()

    def _show(self, texts: dict[QLabel, tuple[str, str]]) -> None:
        self._texts = texts
        self._fit()

    def _fit(self) -> None:
        """The full texts when they fit the bar's width, else the short ones."""
        if not self._texts:
            return

        def width(label: QLabel, html: str) -> int:
            # Measured as drawn (bold parts too, in any language), plus the bar's spacing,
            # on a label outside the bar: setting the text of one inside it would ask the
            # window for the room of every text tried, and in a real window it grows.
            self._probe.setFont(label.font())
            self._probe.setText(html)
            return self._probe.sizeHint().width() + 12

        room = self.width() - 24
        use = 0 if sum(width(lb, pair[0]) for lb, pair in self._texts.items()) <= room else 1
        # Narrower still (2x text on a small screen): the stage and the loss only.
        keep = set(self._texts)
        if use and sum(width(lb, pair[1]) for lb, pair in self._texts.items()) > room:
            keep = {self.stage_label, self.loss_label}
        for label, pair in self._texts.items():
            # subtle: a minimum only for the stage and the loss, in their short words, also
            # while the full texts show, or the window could never be made narrower.
            essential = label in (self.stage_label, self.loss_label)
            label.setMinimumWidth(width(label, pair[1]) if essential else 1)  # 0 means "unset"
            label.setText(pair[use])
            label.setVisible(label in keep)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def apply_theme(self) -> None:
        """The colours changed: the stage's name again, in the new scheme's colour."""
        self.set_status(self.status)

    def set_busy(self, what: str, busy: bool) -> None:
        self._busy[what] = busy
        self._refresh_busy()

    def set_load_failed(self, message: str) -> None:
        self._load_failed = True
        self.busy_label.setText(self.tr("The model could not be loaded: {message}").format(
            message=engine_text(message)))
        set_style(self.busy_label, role="warning")

    def _refresh_busy(self) -> None:
        if self._load_failed:
            return
        active = [translate("ModelStatusBar", BUSY_WORDS[w]) if w in BUSY_WORDS else f"{w}…"
                  for w, b in self._busy.items() if b]
        self.busy_label.setText("  ".join(active))  # nothing when idle: the numbers speak
