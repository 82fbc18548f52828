"""One model's output for the fine-tune panel's question: what it read, wrote, and the verdict."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QWidget

from gui import theme
from gui.i18n import translate
from gui.panels.finetuning.engine_words import engine_text
from gui.panels.finetuning.numbers import count
from gui.stylesheet import set_style
from gui.widgets.answer_card import AnswerCard, small_label

MASKED_CHIP = "#DDDDDD"  # prompt tokens: read, not learned
TRAINED_CHIP = theme.GREEN  # answer tokens and <end>: learned

# stage -> (title, what it is); English data, translated where shown (context "StageCard").
STAGE_TITLES = {
    "pre-trained": (QT_TRANSLATE_NOOP("StageCard", "Pre-trained model"),
                    QT_TRANSLATE_NOOP("StageCard", "a next-word machine")),
    "fine-tuned": (QT_TRANSLATE_NOOP("StageCard", "Fine-tuned model"),
                   QT_TRANSLATE_NOOP("StageCard", "an assistant")),
}


class StageCard(AnswerCard):
    """The answer of the model of one stage ("pre-trained" or "fine-tuned")."""

    def __init__(self, stage: str, parent: QWidget | None = None):
        self.stage = stage
        heading = QLabel()
        heading.setWordWrap(True)
        super().__init__(heading, stage=stage, parent=parent)
        self._draw_heading()
        self.output = None  # the StageOutput drawn now
        self.text.setText(self.tr("Waiting for the model…"))
        self.text.setProperty("i18nData", True)  # the model's own words (English), in a frame
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setFont(theme.font(theme.BASE_PT + 1))
        self.text.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing())  # three lines
        self.verdict = QLabel("")
        self.verdict.setFont(theme.font(theme.BASE_PT, bold=True))
        self.verdict.setWordWrap(True)
        self.layout().addWidget(self.verdict)
        self.origin = small_label("")
        self.layout().addWidget(self.origin)
        self.output_text: str | None = None  # exactly what the model wrote (for tests)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # Big screens (a projector at 1920x1080) get bigger words; small ones fit more.
        pt = theme.BASE_PT + (7 if self.height() > 300 else 1)
        if self.text.font().pointSize() != pt:
            self.text.setFont(theme.font(pt))
            self.text.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing())

    def _draw_heading(self) -> None:
        title, subtitle = (translate("StageCard", t) for t in STAGE_TITLES[self.stage])
        self.title.setText(f"<b style='color:{theme.stage_text(self.stage)}'>{title}</b> "
                           f"<span style='color:{theme.MUTED_TEXT}'>— {subtitle}</span>")

    def apply_theme(self) -> None:
        """The colours changed: heading and answer again, in the new scheme's colours."""
        self._draw_heading()
        if self._note is None and self.output is not None:
            self.show_output(self.output)
        else:
            super().apply_theme()

    def _on_topic_reason(self, check) -> str:
        """What decided "on topic": the words the answer shares with the question, else a
        group of related words both use (hand-written lists, not learned), else nothing."""
        if check.shared_words:
            return self.tr("On topic: shares {words} with the question.").format(
                words=", ".join(check.shared_words))
        if check.shared_groups:
            return self.tr("On topic: no word shared, but both use a word of the group "
                           "“{groups}” (a hand-written list of related words).").format(
                groups="”, “".join(check.shared_groups))
        return self.tr("Not on topic: no word shared with the question, and none from the "
                       "same hand-written group of related words.")

    def show_note(self, text: str) -> None:
        """A note in place of an answer ("Writing…", "Press “Ask both”…", why there is
        none): the verdict, its tooltip and the origin line described the answer, so they
        go with it."""
        super().show_note(text)
        self.output = None
        self.output_text = None
        self.verdict.setText("")
        self.verdict.setToolTip("")
        self.origin.setText("")

    def show_output(self, output) -> None:
        """Draw a StageOutput: the prompt as the model read it, then its words."""
        if output.generation is None:
            self.show_note(html.escape(engine_text(output.note)))
            self.output = output
            return
        self.output = output
        g = output.generation
        self._note = None
        self.output_text = g.text
        muted = theme.MUTED_TEXT
        if output.chat:
            asked = (f"<span style='color:{muted}'>&lt;user&gt; {html.escape(g.prompt)} "
                     f"&lt;assistant&gt;</span>")
        else:
            asked = f"<span style='color:{muted}'>{html.escape(g.prompt)}</span>"
        written = html.escape(g.text).replace("\n", "<br>")
        colour = theme.stage_text(self.stage)
        cut_off = self.tr("(still going when cut off)")
        end = (f" <span style='background:{TRAINED_CHIP}; color:white'>&nbsp;&lt;end&gt;&nbsp;</span>"
               if g.ended else f" <span style='color:{muted}'>… {cut_off}</span>")
        self.text.setText(f"{asked}<b style='color:{colour}'>{written}</b>{end}")
        check = output.check
        marks = [(check.stops, self.tr("stops")), (check.asks_nothing_back, self.tr("asks nothing back")),
                 (check.on_topic, self.tr("on topic"))]
        if check.correct is not None:
            marks.append((check.correct, self.tr("correct")))
        line = "  ".join(f"{'✔' if ok else '✘'} {label}" for ok, label in marks)
        if check.words_checked:
            line += "  · " + self.tr("made-up words: {count} of {total}").format(
                count=count(len(check.non_words)), total=count(check.word_count))
        self.verdict.setText(line)
        # The key words and made-up words are the model's (English) words, as written.
        if check.correct is None:
            tip = self.tr("Computed from what this model wrote just now. Correct: not checked "
                          "(the question is not one of the pairs).")
        else:
            tip = self.tr("Computed from what this model wrote just now. Correct: key words "
                          "{key_words}; found {found}.").format(
                key_words=", ".join(check.key_words),
                found=", ".join(check.found_key_words) or self.tr("none"))
        tip += " " + self._on_topic_reason(check)
        if check.non_words:
            tip += " " + self.tr("Made-up: {words}.").format(words=", ".join(check.non_words))
        self.verdict.setToolTip(tip)
        good = all(ok for ok, _ in marks)
        set_style(self.verdict, role="good" if good else "warning")
        how = self.tr("asked in the chat format") if output.chat else self.tr("given the bare question")
        origin = engine_text(output.origin)
        self.origin.setText(self.tr("{origin}; {how}.").format(origin=origin[:1].upper() + origin[1:],
                                                               how=how))
