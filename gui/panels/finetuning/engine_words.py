"""The engine's words for people, in the interface's language, at the point of display.

engine/ stays free of Qt (a test checks it), so it writes its fixed sentences in
English: stage names, where a model came from, why there is none. The GUI keeps this
table of them (marked with QT_TRANSLATE_NOOP, so lupdate collects them) and translates
on display; sentences with numbers in them are rebuilt here from their numbers, so the
translation can put the numbers where its grammar wants them. Anything the table does
not know is shown as the engine wrote it (English, never lost).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from gui.i18n import translate
from gui.panels.finetuning.numbers import plural

CONTEXT = "EngineWords"

# The stages, as the engine names them.
STAGE_NAMES = {
    "pre-trained": QT_TRANSLATE_NOOP("EngineWords", "pre-trained"),
    "fine-tuned": QT_TRANSLATE_NOOP("EngineWords", "fine-tuned"),
    "aligned": QT_TRANSLATE_NOOP("EngineWords", "aligned"),
}

# Fixed sentences of the engine (engine/session/stage_models.py, core.py, alignment.py,
# finetuning.py; engine/*/trainer.py).
FIXED = frozenset({
    QT_TRANSLATE_NOOP("EngineWords", "kept from this session"),
    QT_TRANSLATE_NOOP("EngineWords", "this session's model"),
    QT_TRANSLATE_NOOP("EngineWords", "shipped with the app"),
    QT_TRANSLATE_NOOP("EngineWords", "the reference the judgements start from"),
    QT_TRANSLATE_NOOP("EngineWords", "There is no fine-tuned model yet: fine-tune the pre-trained one."),
    QT_TRANSLATE_NOOP("EngineWords", "There is no pre-trained model in this session: pre-train one first."),
    QT_TRANSLATE_NOOP("EngineWords", "There is no model yet: train one first."),
    QT_TRANSLATE_NOOP("EngineWords", "Type a question first."),
    QT_TRANSLATE_NOOP("EngineWords",
                      "Fine-tuning stopped: the loss stopped being a number (it blew up to "
                      "infinity or NaN), usually because the learning rate is too high. The "
                      "model was rolled back to its last good weights."),
    QT_TRANSLATE_NOOP("EngineWords",
                      "Training stopped: the loss stopped being a number (it blew up to infinity "
                      "or NaN), usually because the learning rate is too high. The model was "
                      "rolled back to its last good weights; lower the learning rate and continue."),
})

_SESSION_JUDGEMENTS = re.compile(r"^this session: (\d+) judgements?$")
_SHIPPED_CLICKS = re.compile(r"^shipped: (\d+) clicks of an automatic judge \((.+)\)$")
_UPDATE_UNDONE = re.compile(r"^Update undone: (.+)\.$")
_NO_STAGE_MODEL = re.compile(r"^There is no (\S+) model in this session\.$")


class EngineWords(QObject):
    """The engine's sentences with a count in them, rebuilt for people.

    subtle: pyside6-lupdate collects plural forms only from `self.tr(..., "", n)`, not
    from translate(); hence a QObject whose class name is the context.
    """

    def session_judgements(self, n: int) -> str:
        return plural(self.tr("this session: %n judgement(s)", "", n), n)

    def shipped_clicks(self, n: int) -> str:
        return plural(self.tr("shipped: %n click(s) of an automatic judge ({judge})", "", n), n)


def stage_name(stage: str) -> str:
    """"pre-trained" / "fine-tuned" / "aligned" in the interface's language."""
    return translate(CONTEXT, STAGE_NAMES[stage]) if stage in STAGE_NAMES else stage


def engine_text(text: str) -> str:
    """One of the engine's sentences in the interface's language (as written if unknown)."""
    if not text:
        return text
    if text in FIXED:
        return translate(CONTEXT, text)
    if m := _SESSION_JUDGEMENTS.match(text):
        return EngineWords().session_judgements(int(m.group(1)))
    if m := _SHIPPED_CLICKS.match(text):
        return EngineWords().shipped_clicks(int(m.group(1))).format(judge=m.group(2))
    if m := _UPDATE_UNDONE.match(text):  # the reason is the exception's own (English) words
        return translate("EngineWords", "Update undone: {reason}.").format(reason=m.group(1))
    if m := _NO_STAGE_MODEL.match(text):
        return translate("EngineWords", "There is no {stage} model in this session.").format(
            stage=stage_name(m.group(1)))
    return text
