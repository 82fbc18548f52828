"""Why a question/answer file or a change to the pairs was refused, in the chosen language.

The engine (engine/finetuning/qa_data.py, qa_pairs.py, engine/bounded_input.py) words
these messages in English with a few facts in them (a file name, a line number, a
length). Each is listed here as a template whose `{fields}` are matched back out of the
English text and put into the translation; a message no template matches is shown as
the engine wrote it. File names and the people's own questions stay as written.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate

CONTEXT = "PairMessages"

# The engine's advice on file formats (qa_data._FORMAT_HELP), filled in as {help}.
FORMAT_HELP = QT_TRANSLATE_NOOP(
    "PairMessages",
    "Use one of: a .tsv/.txt file with one pair per line, question<TAB>answer (an optional "
    "third column 'held-out' keeps that question out of training, an optional fourth names its "
    "subject); 'Q: question' and 'A: answer' lines, a blank line between pairs; or a .jsonl "
    'file with one {"question": ..., "answer": ...} per line.')

# Most specific first: "{file}, line {line}: {reason}" (an edit error inside a file) is last.
TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PairMessages", "The question is empty: write a question."),
    QT_TRANSLATE_NOOP("PairMessages", "The answer is empty: write the answer the model should give."),
    QT_TRANSLATE_NOOP("PairMessages", "The question is {n} characters long; keep it under {limit} "
                      "(the model reads only about 60 tokens at a time)."),
    QT_TRANSLATE_NOOP("PairMessages", "The answer is {n} characters long; keep it under {limit} "
                      "(the model reads only about 60 tokens at a time)."),
    QT_TRANSLATE_NOOP("PairMessages", "The question contains {marker}, a marker the chat format "
                      "reserves for itself. Remove it."),
    QT_TRANSLATE_NOOP("PairMessages", "The answer contains {marker}, a marker the chat format "
                      "reserves for itself. Remove it."),
    QT_TRANSLATE_NOOP("PairMessages", 'The question "{question}" is there twice ({first} and '
                      '{second}); every question must be different.'),
    QT_TRANSLATE_NOOP("PairMessages", "There is no pair number {n} (there are {total})."),
    QT_TRANSLATE_NOOP("PairMessages", "This is the last training pair; the model needs at least one."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}: there is no such file."),
    QT_TRANSLATE_NOOP("PairMessages", "{file} is a folder; choose a question/answer file."),
    QT_TRANSLATE_NOOP("PairMessages", "{file} is {size} MB; a question/answer file should be under "
                      "{limit} MB."),
    QT_TRANSLATE_NOOP("PairMessages", "{file} is not a text file (it looks binary, like a picture "
                      "or a program)."),
    QT_TRANSLATE_NOOP("PairMessages", "{file} is not UTF-8 text (line {line} has bytes that are not "
                      "UTF-8). Save it as UTF-8 and try again."),
    QT_TRANSLATE_NOOP("PairMessages", "{file} is empty: it has no questions in it."),
    QT_TRANSLATE_NOOP("PairMessages", "{file} has no question/answer pairs in it. {help}"),
    QT_TRANSLATE_NOOP("PairMessages", "{file} marks every question as held-out; the model needs "
                      "some to train on."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: the third column must be 'held-out' or "
                      "'train', got {value}."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: expected a question, a TAB and an "
                      "answer, but there is no TAB: {text}. {help}"),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: too many TABs (at most 4 columns)."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: this question has no 'A:' answer."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: an answer with no 'Q:' question before "
                      "it."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: every line must start with 'Q:' or "
                      "'A:', got {text}."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: not valid JSON ({reason})."),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: not usable JSON ({reason})."),
    QT_TRANSLATE_NOOP("PairMessages", '{file}, line {line}: each line must be an object with '
                      '"question" and "answer" texts.'),
    QT_TRANSLATE_NOOP("PairMessages", '{file}, line {line}: "heldout" must be true or false.'),
    QT_TRANSLATE_NOOP("PairMessages", '{file}, line {line}: "subject" must be a text.'),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: this question is already on line "
                      "{other}; every question must be different."),
    QT_TRANSLATE_NOOP("PairMessages", 'This computer does not allow reading "{file}" (permission '
                      'denied). Copy it somewhere you own, or ask for access.'),
    QT_TRANSLATE_NOOP("PairMessages", '"{file}" is too large (over {size} MB).'),
    QT_TRANSLATE_NOOP("PairMessages", "{file}, line {line}: {reason}"),
)
SPLITS = {"train": QT_TRANSLATE_NOOP("PairMessages", "training"),
          "held-out": QT_TRANSLATE_NOOP("PairMessages", "held-out")}

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The English template as a regular expression with one named group per field."""
    pieces, last = [], 0
    for m in _FIELD.finditer(template):
        pieces.append(re.escape(template[last:m.start()]))
        pieces.append(f"(?P<{m.group(1)}>.+?)")
        last = m.end()
    pieces.append(re.escape(template[last:]))
    return re.compile("".join(pieces), re.DOTALL)


def pair_message(text: str) -> str:
    """The engine's message about the pairs in the chosen language (as written if unknown)."""
    text = str(text)
    english_help = FORMAT_HELP
    for template in TEMPLATES:
        if template == text:
            return translate(CONTEXT, template)
        match = _pattern(template).fullmatch(text) if "{" in template else None
        if match:
            fields = match.groupdict()
            if fields.get("help") == english_help:
                fields["help"] = translate(CONTEXT, FORMAT_HELP)
            if "reason" in fields and template.endswith("{reason}"):
                fields["reason"] = pair_message(fields["reason"])
            for key in ("first", "second"):
                if fields.get(key) in SPLITS:
                    fields[key] = translate(CONTEXT, SPLITS[fields[key]])
            return translate(CONTEXT, template).format(**fields)
    return text
