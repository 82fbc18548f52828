"""The application's one style sheet: a Qt style sheet template filled from the theme.

Every colour and size a widget is styled with lives here, as a `{{ TOKEN }}` in
`TEMPLATE`, filled by `render` from the current scheme's colours, the Okabe-Ito palette
and the text scale (gui/theme.py). Widgets do not call `setStyleSheet` with colours of
their own: they say what they are, with an object name (`QFrame#answerCard`) or a
dynamic property (`role="muted"`, `stage="fine-tuned"`), and the rules below style
them. A change of light/dark or of the text scale is then one `app.setStyleSheet(...)`
with the template filled again: nothing is rewritten in place (as napari does with its
`_qt/qt_resources` template).

Tokens: `{{ NAME }}` is a colour of the scheme (BACKGROUND, TEXT, ...), a palette colour
(BLUE, ...) or a size in points (BASE_PT, SMALL_PT, ...); `{{ px(N) }}` is a padding of N
pixels at scale 1, grown with the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

TEMPLATE = """
QWidget { color: {{ TEXT }}; }
QMainWindow, QStackedWidget { background: {{ BACKGROUND }}; }
QPushButton {
    padding: {{ px(6) }}px {{ px(14) }}px; border: 1px solid {{ BORDER }}; border-radius: 6px;
    background: {{ PANEL_BACKGROUND }};
}
QPushButton:hover { border-color: {{ BLUE }}; }
QPushButton:pressed { background: {{ PRESSED }}; }
QPushButton:disabled { color: {{ DISABLED_TEXT }}; }
QPushButton[primary="true"] { background: {{ PRIMARY }}; color: {{ PRIMARY_TEXT }}; border-color: {{ PRIMARY }}; }
QPushButton[primary="true"]:disabled { background: {{ PRIMARY_DISABLED }}; }
QPushButton[compact="true"] { padding: {{ px(3) }}px {{ px(4) }}px; }
QLineEdit {
    padding: {{ px(3) }}px {{ px(6) }}px; border: 1px solid {{ BORDER }}; border-radius: 4px;
    background: {{ FIELD_BACKGROUND }};
}
/* subtle: spin boxes and combo boxes are left to the style. A border or padding given to
   them here makes Qt draw their arrows itself, as bare corner strokes ("4 ┘"), unless
   every button and arrow is styled too; the style draws real arrows in the palette. */
/* Sliders: a groove and a round handle that grow with the text (the style's 10-pixel
   handle is hard to see, and to grab, on a projector); a focused handle is filled. */
QSlider:horizontal { min-height: {{ px(22) }}px; }
QSlider::groove:horizontal { height: {{ px(4) }}px; background: {{ BORDER }}; border-radius: 2px; }
QSlider::sub-page:horizontal { background: {{ PRIMARY }}; border-radius: 2px; }
QSlider::sub-page:horizontal:disabled { background: {{ DISABLED_TEXT }}; }
QSlider::handle:horizontal {
    width: {{ px(14) }}px; margin: -{{ px(7) }}px 0; border-radius: {{ px(8) }}px;
    background: {{ FIELD_BACKGROUND }}; border: {{ px(2) }}px solid {{ PRIMARY }};
}
QSlider::handle:horizontal:disabled { border-color: {{ DISABLED_TEXT }}; }
QSlider::handle:horizontal:focus { background: {{ PRIMARY }}; }
/* subtle: a size alone keeps the style's own drawing of the box; without it the box
   stays 14 px while its label grows with the text (tiny on a projector at 1.75x). */
QCheckBox::indicator, QRadioButton::indicator { width: {{ px(14) }}px; height: {{ px(14) }}px; }
QGroupBox {
    font-weight: bold; border: 1px solid {{ BORDER }}; border-radius: 8px;
    margin-top: {{ px(14) }}px; padding: {{ px(10) }}px {{ px(8) }}px {{ px(8) }}px {{ px(8) }}px;
}
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QStatusBar { background: {{ PANEL_BACKGROUND }}; border-top: 1px solid {{ BORDER }}; }
QStatusBar::item { border: none; }
QLabel[statusItem="true"] { padding: 4px 8px; }
QListWidget { border: 1px solid {{ BORDER }}; border-radius: 6px; background: {{ FIELD_BACKGROUND }}; }
QToolTip { font-size: {{ SMALL_PT }}pt; }

/* Text by what it says: muted (secondary), a warning, good news, a pointer to act. */
QLabel[role="muted"] { color: {{ MUTED_TEXT }}; }
QLabel[role="warning"] { color: {{ WARNING_TEXT }}; }
QLabel[role="good"] { color: {{ GOOD_TEXT }}; }
QLabel[role="accent"] { color: {{ ACCENT_TEXT }}; }
/* Text in the colour of a pillar of the story, or of a model's stage. */
QLabel[pillar="Pre-training"], QLabel[stage="pre-trained"] { color: {{ PRETRAINED_TEXT }}; }
QLabel[pillar="Fine-tuning"], QLabel[stage="fine-tuned"] { color: {{ FINETUNED_TEXT }}; }
QLabel[pillar="RLHF"], QLabel[stage="aligned"] { color: {{ ALIGNED_TEXT }}; }
QLabel[stage="untrained"] { color: {{ MUTED_TEXT }}; }

/* The window's frame: navigator, the column under it, messages, the blank screen. */
QWidget#leftColumn { background: {{ PANEL_BACKGROUND }}; }
QListWidget#navigator {
    background: {{ PANEL_BACKGROUND }}; border: none; border-right: 1px solid {{ BORDER }};
    padding: 8px 0;
}
QListWidget#navigator::item { padding: 6px 10px; border-radius: 6px; margin: 1px 8px; }
QListWidget#navigator::item:selected { background: {{ PRIMARY }}; color: {{ PRIMARY_TEXT }}; }
QLabel#busyLabel { color: {{ MUTED_TEXT }}; padding: 8px 16px; }
QLabel#busyLabel[role="warning"] { color: {{ WARNING_TEXT }}; }
QFrame#messageBanner {
    background: {{ BANNER_BACKGROUND }}; border-left: 8px solid {{ WARNING }}; border-radius: 4px;
}
QWidget#blankScreen { background: black; }

/* The guided tour's caption card. */
QFrame#tourCard { background: {{ PANEL_BACKGROUND }}; border-top: 3px solid {{ BLUE }}; }
QLabel#tourStatus { color: {{ MUTED_TEXT }}; }

/* Cards holding a model's answer; the frame takes the stage's colour. */
QFrame#answerCard {
    border: 2px solid {{ BORDER }}; border-radius: 8px; background: {{ FIELD_BACKGROUND }};
}
QFrame#answerCard[stage="pre-trained"] { border-color: {{ BLUE }}; }
QFrame#answerCard[stage="fine-tuned"] { border-color: {{ GREEN }}; }
QFrame#answerCard[stage="aligned"] { border-color: {{ PURPLE }}; }

/* Data: the training-set bar. Embeddings: the map card, its badge, the verdict. */
QFrame#trainingSetBar {
    background: {{ PANEL_BACKGROUND }}; border: 1px solid {{ BORDER }}; border-radius: 8px;
}
QFrame#mapCard { background: {{ BACKGROUND }}; border: 1px solid {{ BORDER }}; border-radius: 6px; }
QLabel#methodBadge {
    padding: {{ px(3) }}px {{ px(10) }}px; border-radius: 10px; background: {{ PANEL_BACKGROUND }};
    border: 1px solid {{ BORDER }};
}
/* subtle: "border-left: 5px solid" alone draws nothing on a QLabel (Qt 6); spelled out it does. */
QLabel#neighbourVerdict {
    border-width: 0 0 0 5px; border-style: solid; border-color: {{ VERMILLION }}; padding: 2px 8px;
}
"""

_TOKEN = re.compile(r"\{\{\s*(\w+)(?:\((\d+(?:\.\d+)?)\))?\s*\}\}")


def render(tokens: Mapping[str, object], scale: float = 1.0, template: str = TEMPLATE) -> str:
    """The template with every `{{ NAME }}` and `{{ px(N) }}` filled in.

    An unknown token is an error (a typo must not silently leave a rule without colour).
    """

    def fill(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        if arg is not None:
            if name != "px":
                raise KeyError(f"unknown style sheet function {name!r}")
            # Paddings grow with the text, a little less than it does.
            return str(max(1, round(float(arg) * (1 + (scale - 1) * 0.75))))
        if name not in tokens:
            raise KeyError(f"the style sheet template names {name!r}, which the theme lacks")
        return str(tokens[name])

    return _TOKEN.sub(fill, template)


def set_style(widget: QWidget, **properties: str | bool | None) -> None:
    """Say what `widget` is (role="muted", stage="fine-tuned", ...) so the sheet styles it.

    Qt applies a style sheet's property selectors when a widget is polished: a property
    changed later needs the widget polished again, which this does.
    """
    for name, value in properties.items():
        widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
