"""The tour's "Looking inside" demonstration: open the Look inside window on the Windows panel
and say, from the live model's numbers, how its guess formed layer by layer.

Kept apart from the tour's other demonstrations (gui/lecture/tour_actions.py lists it) so
the view and its tour step change together. Drives the Windows panel through its public
open_look_inside() only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QDockWidget, QWidget

from gui.i18n import translate
from gui.lecture import tour_words
from gui.panels.finetuning.numbers import count
from gui.widgets.layer_guesses import percent
from gui.widgets.token_strip import display_token
from gui.window_placement import free_area


def describe_view(view) -> str:
    """A sentence or two about an InsideView: the guess after the first and last block,
    the sharp heads, and where most of the numbers are."""
    g, q = view.guesses, len(view.ids) - 1
    word = lambda tid: display_token(view.token_text.get(int(tid), "?"))[0]  # noqa: E731
    first, last = g.token_ids[0, q, 0], g.token_ids[-1, q, 0]
    # The guessed words are the model's (English); the sentences around them are translated.
    text = translate("LookInsideStep", "After block 1 its best guess is “{first}” ({first_p}); "
                     "after block {n}, “{last}” ({last_p}).").format(
        first=word(first), first_p=percent(g.probs[0, q, 0]), n=view.n_layer, last=word(last),
        last_p=percent(g.probs[-1, q, 0]))
    sharp = [h for h in view.heads if h.label]
    if sharp:
        h = sharp[0]
        text += " " + translate("LookInsideStep", "Sharp heads: {sharp} of {heads}; layer {layer}, "
                                "head {head} {what}.").format(
            sharp=len(sharp), heads=len(view.heads), layer=h.layer + 1, head=h.head + 1,
            what=tour_words.head_pattern(h.words))
    if view.parts:
        total = sum(p.count for p in view.parts)
        biggest = max(view.parts, key=lambda p: p.count)
        # "the largest part", not "this part": the table's highlighted row is another one.
        text += " " + translate("LookInsideStep", "Of its {total} numbers, {count} sit in its "
                                "largest part: {part}.").format(
            total=count(total), count=count(biggest.count),
            part=tour_words.model_part(biggest.label))
    return text


def area_above_card(window: QWidget) -> QRect:
    """The main window's part of the screen above the tour's caption card (global pixels).

    The card is the QDockWidget named "tourDock" (gui/lecture/tour_card.py)."""
    area = window.frameGeometry()
    room = free_area(window)
    if room is not None:
        area = area.intersected(room)
    card = window.findChild(QDockWidget, "tourDock")
    if card is not None and card.isVisible():
        area.setBottom(min(area.bottom(), card.mapToGlobal(QPoint(0, 0)).y() - 1))
    return area


class CardFollower(QObject):
    """Keeps a window inside `area_above_card` while the card and the main window move or
    change size (the card settles its height after the step opens, and grows with what the
    step says)."""

    def __init__(self, window: QWidget, dialog):
        super().__init__(dialog)
        self.window, self.dialog = window, dialog
        self.watched = [w for w in (window, window.findChild(QDockWidget, "tourDock")) if w]
        for widget in self.watched:
            widget.installEventFilter(self)
        dialog.keep_within(area_above_card(window))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                            QEvent.Type.Hide) and self.dialog.isVisible():
            self.dialog.keep_within(area_above_card(self.window))
        return False

    def stop(self) -> None:
        for widget in self.watched:
            widget.removeEventFilter(self)
        self.deleteLater()


def look_inside(run) -> None:
    """Open the Look inside window for the current window; close it when the step ends."""
    run.say(translate("LookInsideStep", "Reading the model's attention and its guesses after "
                      "each block…"))
    dialog = run.panel.open_look_inside()
    # Over the main window, above the caption card, not over the whole screen: the room
    # reads the card (what the squares and rows mean, the numbers said below) while it
    # looks at the model, and the projected picture stays the app's. The card says what
    # the window's grey notes say, so they go: at 1366x768 and 1.3x text the card leaves
    # it ~370 pixels, and the squares need them. What still does not fit scrolls.
    dialog.set_narrated(True)
    follow = CardFollower(run.window, dialog)
    run.on_leave(follow.stop)
    run.on_leave(dialog.close)
    # Every redraw while the step is shown (it may train meanwhile) retells the numbers.
    def told(view) -> None:
        run.say(describe_view(view))
        run.done()  # the first telling is the result auto-play waits for

    run.listen(dialog.view.viewShown, told)
    if dialog.view.drawn is not None:
        told(dialog.view.drawn)
