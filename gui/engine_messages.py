"""The engine's words, as the GUI shows them in the chosen language.

The engine (no Qt) speaks English: stage names, what the loss is measured on, the title of
a failed command, a few messages about files and probes. The GUI translates them where it
shows them:

- words from a closed set (stages, loss labels, the `failure` title of every command and
  the few titles the server sets itself) are looked up here: each is marked below for
  the translation files, and tests/test_i18n.py fails if the engine gains one that is
  not;
- free text from the engine (an exception's message: a file that cannot be read, a word
  that is not one token) is matched against the small table of known templates below and
  translated with its parts filled in; anything else is shown as the engine wrote it,
  in English, under a translated title. A translated title says what failed; the
  engine's detail stays exact rather than half-translated.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject

from gui.i18n import translate

STAGE_WORDS = {  # engine.stages.STAGES and LABELS
    "untrained": QT_TRANSLATE_NOOP("Stage", "untrained"),
    "pre-trained": QT_TRANSLATE_NOOP("Stage", "pre-trained"),
    "fine-tuned": QT_TRANSLATE_NOOP("Stage", "fine-tuned"),
    "aligned": QT_TRANSLATE_NOOP("Stage", "aligned"),
    "Untrained": QT_TRANSLATE_NOOP("Stage", "Untrained"),
    "Pre-trained": QT_TRANSLATE_NOOP("Stage", "Pre-trained"),
    "Fine-tuned": QT_TRANSLATE_NOOP("Stage", "Fine-tuned"),
    "Aligned": QT_TRANSLATE_NOOP("Stage", "Aligned"),
}
STAGE_DOES = {  # engine.stages.DOES
    "guesses at random": QT_TRANSLATE_NOOP("Stage", "guesses at random"),
    "continues text": QT_TRANSLATE_NOOP("Stage", "continues text"),
    "answers": QT_TRANSLATE_NOOP("Stage", "answers"),
    "follows feedback": QT_TRANSLATE_NOOP("Stage", "follows feedback"),
}
LOSS_LABELS = (  # engine.session.core.Session.loss_label (the counted one is a template below)
    QT_TRANSLATE_NOOP("LossLabel", "held-out text"),
    QT_TRANSLATE_NOOP("LossLabel", "held-out answers"),
    QT_TRANSLATE_NOOP("LossLabel", "held-out answers, after feedback"),
)
FAILURE_TITLES = (  # every command's `failure` (workers/protocol/commands.py) and the server's own
    QT_TRANSLATE_NOOP("EngineFailure", "Something went wrong"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not add your text"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not change the mix"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not compare the three stages"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not find the nearest words"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not go back to the fine-tuned model"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not look inside the model"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not measure that"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not measure the answers"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not open the session"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not pick a passage"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not read the training data"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not read the word map"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not reset the demo"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not run a training step"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not save the session"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not start fine-tuning"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not start the automatic judge"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not start training"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not use these questions and answers"),
    QT_TRANSLATE_NOOP("EngineFailure", "The chat needs a fine-tuned model"),
    QT_TRANSLATE_NOOP("EngineFailure", "The model could not learn from your choice"),
    QT_TRANSLATE_NOOP("EngineFailure", "The model could not make its guesses"),
    QT_TRANSLATE_NOOP("EngineFailure", "The model could not write its answers"),
    QT_TRANSLATE_NOOP("EngineFailure", "The models could not answer"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not measure what the automatic judge changed"),
    QT_TRANSLATE_NOOP("EngineFailure", "The automatic judge stopped with an error"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not load the model"),
    QT_TRANSLATE_NOOP("EngineFailure", "Could not prepare the tokenizers"),
    QT_TRANSLATE_NOOP("EngineFailure", "Fine-tuning stopped with an error"),
    QT_TRANSLATE_NOOP("EngineFailure", "Training stopped with an error"),
    QT_TRANSLATE_NOOP("EngineFailure", "Unknown request"),
    QT_TRANSLATE_NOOP("EngineFailure", "The model is not loaded"),
)


def _megabytes(text: str) -> str:
    return QLocale().toString(float(text), "f", 1)


# Free text the engine sends in known shapes: (pattern of the English, translatable
# template with the same {names}, how to show each part). Order: most specific first.
TEMPLATES: tuple[tuple[re.Pattern[str], str, dict], ...] = (
    (re.compile(r'Saving "(?P<name>.*)": (?P<done>[\d.]+) of (?P<total>[\d.]+) MB'),
     QT_TRANSLATE_NOOP("EngineMessage", "Saving “{name}”: {done} of {total} MB"),
     {"done": _megabytes, "total": _megabytes}),
    (re.compile(r'Gathering the session for "(?P<name>.*)"…'),
     QT_TRANSLATE_NOOP("EngineMessage", "Gathering the session for “{name}”…"), {}),
    (re.compile(r'Saved the session to "(?P<name>.*)"\.'),
     QT_TRANSLATE_NOOP("EngineMessage", "Saved the session to “{name}”."), {}),
    (re.compile(r'Opened the session "(?P<name>.*)"\.'),
     QT_TRANSLATE_NOOP("EngineMessage", "Opened the session “{name}”."), {}),
    (re.compile(r'Saving was cancelled\. Any earlier "(?P<name>.*)" is unchanged\.'),
     QT_TRANSLATE_NOOP("EngineMessage", "Saving was cancelled. Any earlier “{name}” is unchanged."), {}),
    (re.compile(r"Saved\."), QT_TRANSLATE_NOOP("EngineMessage", "Saved."), {}),
    (re.compile(r"The model could not answer this time\."),
     QT_TRANSLATE_NOOP("EngineMessage", "The model could not answer this time."), {}),
    (re.compile(r"Type a word first\."), QT_TRANSLATE_NOOP("EngineMessage", "Type a word first."), {}),
    (re.compile(r'"(?P<word>.*)" is not a single token for this model: it is split into '
                r"(?P<pieces>.*)\. Neighbours are measured between whole tokens, so pick a "
                r"more common word\."),
     QT_TRANSLATE_NOOP("EngineMessage", "“{word}” is not a single token for this model: it is "
                       "split into {pieces}. Neighbours are measured between whole tokens, so "
                       "pick a more common word."), {}),
    (re.compile(r"The model could not be loaded, so this request cannot run\. See the earlier "
                r"message\."),
     QT_TRANSLATE_NOOP("EngineMessage", "The model could not be loaded, so this request cannot "
                       "run. See the earlier message."), {}),
)
# The rewarded trait's words (engine/alignment/metrics.py Trait.title and .label).
TEMPLATES += (
    (re.compile(r'Mentions "(?P<word>.*)"'), QT_TRANSLATE_NOOP("EngineMessage", "Mentions “{word}”"), {}),
    (re.compile(r"Short answers"), QT_TRANSLATE_NOOP("EngineMessage", "Short answers"), {}),
    (re.compile(r"Long answers"), QT_TRANSLATE_NOOP("EngineMessage", "Long answers"), {}),
    (re.compile(r'answers that mention "(?P<word>.*)"'),
     QT_TRANSLATE_NOOP("EngineMessage", "answers that mention “{word}”"), {}),
    (re.compile(r"answers of (?P<n>\d+) tokens or fewer"),
     QT_TRANSLATE_NOOP("EngineMessage", "answers of {n} tokens or fewer"), {}),
    (re.compile(r"answers longer than (?P<n>\d+) tokens"),
     QT_TRANSLATE_NOOP("EngineMessage", "answers longer than {n} tokens"), {}),
)
JUDGEMENTS = re.compile(r"held-out answers, after (?P<n>\d+) judgements?")


class LossLabel(QObject):
    """Holds the one counted loss label: lupdate files a plural form (%n) only from
    `self.tr(text, "", n)` inside a class, never from `translate(...)`."""

    def after_judgements(self, n: int) -> str:
        return self.tr("held-out answers, after %n judgement(s)", "", n)


def stage_word(stage: str) -> str:
    """"pre-trained" -> "vortrainiert" (any stage id or label; unknown ones as they are)."""
    return translate("Stage", STAGE_WORDS[stage]) if stage in STAGE_WORDS else stage


def stage_does(words: str) -> str:
    """What a stage does ("continues text"), translated."""
    return translate("Stage", STAGE_DOES[words]) if words in STAGE_DOES else words


def loss_on(label: str) -> str:
    """What the loss is measured on ("held-out text"), translated; counts in plural forms."""
    counted = JUDGEMENTS.fullmatch(label)
    if counted:
        return LossLabel().after_judgements(int(counted.group("n")))
    return translate("LossLabel", label) if label in LOSS_LABELS else label


def failure_title(title: str) -> str:
    """A failed command's title (Failed.title), translated if it is one the engine sends."""
    return translate("EngineFailure", title) if title in FAILURE_TITLES else title


def engine_text(text: str) -> str:
    """A message from the engine: translated if it has a known shape, else as it is."""
    stripped = text.strip()
    for pattern, template, show in TEMPLATES:
        match = pattern.fullmatch(stripped)
        if match:
            parts = {k: show.get(k, str)(v) for k, v in match.groupdict().items()}
            return translate("EngineMessage", template).format(**parts)
    return text
