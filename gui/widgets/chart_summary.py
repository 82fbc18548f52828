"""One line of text saying what a chart shows now: for screen readers, and as a tooltip.

A chart is a picture; someone who cannot see it (or sits too far from the screen) gets the
same facts as a sentence. Each chart builds its sentence from the very numbers it has just
drawn, in the method that feeds its plot items, and hands it to `describe_chart`: the
widget's accessible name says what the chart is, its accessible description what it shows
now ("held-out loss 2.41, falling"). Qt tells a running screen reader when either changes.

The sentences are built here, from plain numbers and words, so they can be tested without
drawing anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QWidget

CONTEXT = "ChartSummary"
MAX_LISTED = 5  # words or guesses named in one sentence: enough to get the idea, short to hear


# _tr() takes a variable, which lupdate cannot read: the texts are marked here for it.
_MARKED = (
    QT_TRANSLATE_NOOP("ChartSummary", "{value} %"),
    QT_TRANSLATE_NOOP("ChartSummary", "“{word}”"),
    QT_TRANSLATE_NOOP("ChartSummary", "falling"),
    QT_TRANSLATE_NOOP("ChartSummary", "rising"),
    QT_TRANSLATE_NOOP("ChartSummary", "flat"),
    QT_TRANSLATE_NOOP("ChartSummary", "held-out loss {value}"),
    QT_TRANSLATE_NOOP("ChartSummary", "training loss {value}"),
    QT_TRANSLATE_NOOP("ChartSummary", "no loss measured yet"),
    QT_TRANSLATE_NOOP("ChartSummary", "no guesses yet"),
    QT_TRANSLATE_NOOP("ChartSummary", "{token} {share}"),
    QT_TRANSLATE_NOOP("ChartSummary", "guesses: {guesses}"),
    QT_TRANSLATE_NOOP("ChartSummary", "the real next token {token} gets {share}"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def number(value: float, decimals: int = 2) -> str:
    """`value` written the way the chosen language writes numbers."""
    return QLocale().toString(float(value), "f", decimals)


def percent(share: float, decimals: int = 0) -> str:
    """A share (0..1) as a percentage, "13 %"."""
    return _tr("{value} %").format(value=number(100.0 * share, decimals))


def quoted(word: str) -> str:
    return _tr("“{word}”").format(word=word)


def listing(words: Sequence[str], limit: int = MAX_LISTED) -> str:
    """ "waters, ship, boat, …": the first `limit` words, with an ellipsis when some are left out."""
    shown = ", ".join(words[:limit])
    return shown + (", …" if len(words) > limit else "")


def trend(values: Sequence[float], tolerance: float = 0.01, window: int = 3) -> str:
    """ "falling", "rising" or "flat": the newest value against the mean of the `window` before it.

    A relative change under `tolerance` is flat. Empty with fewer than two values.
    """
    values = [float(v) for v in values if v == v]  # NaN: a step with no measurement
    if len(values) < 2:
        return ""
    before = values[-1 - window:-1]
    reference = sum(before) / len(before)
    change = (values[-1] - reference) / max(abs(reference), 1e-9)
    if change < -tolerance:
        return _tr("falling")
    if change > tolerance:
        return _tr("rising")
    return _tr("flat")


def loss_summary(train_loss: Sequence[float], heldout_loss: Sequence[float]) -> str:
    """ "held-out loss 2.41, falling; training loss 2.30, falling" (what a loss chart shows)."""
    parts = []
    # Held-out loss is measured now and then on the same text: its last step is the trend.
    # Training loss jumps from batch to batch: the newest against the mean of three.
    for values, what, window in ((heldout_loss, _tr("held-out loss {value}"), 1),
                                 (train_loss, _tr("training loss {value}"), 3)):
        # The newest few points only: a long run's history is not copied at every redraw.
        finite = [float(v) for v in list(values[-8:]) if v == v]
        if not finite:
            continue
        text = what.format(value=number(finite[-1]))
        direction = trend(finite, window=window)
        parts.append(f"{text}, {direction}" if direction else text)
    return "; ".join(parts) if parts else _tr("no loss measured yet")


def guesses_summary(rows: Sequence[tuple[str, float, bool]], note: str = "") -> str:
    """The model's next-token guesses, best first, and where the real next token is."""
    if not rows:
        return note or _tr("no guesses yet")
    named = [_tr("{token} {share}").format(token=quoted(t), share=percent(p, 1))
             for t, p, _ in rows[:MAX_LISTED]]
    text = _tr("guesses: {guesses}").format(guesses=listing(named, len(named)))
    real = [(t, p) for t, p, is_real in rows if is_real]
    if real:
        text += "; " + _tr("the real next token {token} gets {share}").format(
            token=quoted(real[0][0]), share=percent(real[0][1], 1))
    elif note:
        text += "; " + note
    return text


def describe_chart(widget: QWidget, name: str, summary: str, tooltip: bool = False) -> None:
    """Give `widget` its name (what it is) and its summary (what it shows now).

    The chart is put in the Tab chain (Tab only: a click on it moves no focus), so a screen
    reader user can reach it and hear the summary. With `tooltip`, the summary is also the
    tooltip, for anyone who hovers over it.
    """
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)
    if widget.accessibleDescription() != summary:
        widget.setAccessibleDescription(summary)
    if tooltip and widget.toolTip() != summary:
        widget.setToolTip(summary)
