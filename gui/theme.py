"""Colours, fonts and sizes: one place, tuned to be read from the back of a lecture hall.

The palette is Okabe-Ito (colour-blind safe). Roles are named after what they mean on
screen, so a panel asks for `theme.TARGET` rather than a hex code.

Live appearance (presenter mode, light/dark): the point sizes (`BASE_PT`, `SMALL_PT`,
`HEADING_PT`, `TOKEN_PT`), the neutral colours (`BACKGROUND`, `PANEL_BACKGROUND`, `TEXT`,
`MUTED_TEXT`, `BORDER`, ...) and `STYLESHEET` are read at the moment they are used: sizes are
the design size times the text scale, colours those of the light or dark scheme. Read
them when building or painting (`theme.font(theme.SMALL_PT)`, an f-string in a paint or
an update); do not copy them into module constants. Widgets are styled by the one style
sheet template in `gui/stylesheet.py` (by object name or a property such as
role="muted"), never with colours of their own. `gui/lecture/appearance.py` changes the
scale and the scheme, fills the template again and carries font sizes to the widgets
that already exist; a widget that draws colours or rich text of its own defines
`apply_theme()`, which is called after every change, and redraws there.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from gui.stylesheet import render

# Okabe-Ito, in its usual order.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"
PALETTE: tuple[str, ...] = (ORANGE, SKY_BLUE, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, GREY)

# Roles.
WINDOW = SKY_BLUE  # the tokens the model sees (the window)
TARGET = ORANGE  # the token it must guess
TRAIN_CURVE = BLUE  # loss on the training text
HELDOUT_CURVE = VERMILLION  # loss on text the model never trains on
GOOD = GREEN
WARNING = VERMILLION
PILLAR_COLOURS: dict[str, str] = {
    "Pre-training": BLUE,
    "Fine-tuning": GREEN,
    "RLHF": PURPLE,
}
STAGE_COLOURS: dict[str, str] = {
    "untrained": GREY,
    "pre-trained": BLUE,
    "fine-tuned": GREEN,
    "aligned": PURPLE,
}

# ===== Live appearance: text scale and light/dark (presenter mode; gui/appearance.py) ====
# Neutral colours per scheme. Light is the default: projectors wash out dark ones; dark
# follows a laptop set to dark.
SCHEMES: dict[str, dict[str, str]] = {
    "light": {
        "BACKGROUND": "#FFFFFF",
        "PANEL_BACKGROUND": "#F4F4F2",
        "TEXT": "#1A1A1A",
        "MUTED_TEXT": "#555555",
        "BORDER": "#C8C8C8",
        "FIELD_BACKGROUND": "#FFFFFF",  # text fields and lists
        "PRESSED": "#E2E2DE",
        "PRIMARY_DISABLED": "#8FB5D3",
        "CHIP_BACKGROUND": "#EEEEEC",  # a token outside the window (gui/widgets/token_strip.py)
        "BANNER_BACKGROUND": "#FBE9DF",  # a message at the top of the window
        # Coloured text on the background: the palette's own colours where they read well.
        "WARNING_TEXT": VERMILLION,
        "GOOD_TEXT": GREEN,
        "ACCENT_TEXT": BLUE,
        "PRETRAINED_TEXT": BLUE,
        "FINETUNED_TEXT": GREEN,
        "ALIGNED_TEXT": PURPLE,
    },
    "dark": {
        "BACKGROUND": "#1E1F22",
        "PANEL_BACKGROUND": "#2A2B2F",
        "TEXT": "#EDEDED",
        "MUTED_TEXT": "#B0B0B0",
        "BORDER": "#55575D",
        "FIELD_BACKGROUND": "#26272B",
        "PRESSED": "#3A3B40",
        "PRIMARY_DISABLED": "#2F5673",
        "CHIP_BACKGROUND": "#34353A",
        "BANNER_BACKGROUND": "#4A2A1F",  # light text on it: contrast about 10:1
        # Lighter shades of the palette's blue, green and vermillion: on the dark background
        # the originals fall under 4.5:1 contrast for small text (blue: about 3:1).
        "WARNING_TEXT": "#F07F3C",
        "GOOD_TEXT": "#3FBF8F",
        "ACCENT_TEXT": SKY_BLUE,
        "PRETRAINED_TEXT": SKY_BLUE,
        "FINETUNED_TEXT": "#3FBF8F",
        "ALIGNED_TEXT": PURPLE,
    },
}

# Design sizes in points, at text scale 1. 14 pt is about 19 px at 96 dpi: readable at
# 10 m on a projector. Read through the module (theme.BASE_PT): the scale is applied.
DESIGN_PT: dict[str, int] = {"BASE_PT": 14, "SMALL_PT": 12, "HEADING_PT": 20, "TOKEN_PT": 18}

_live = {"scale": 1.0, "scheme": "light"}


def scale() -> float:
    """The text scale now (1.0 = design sizes)."""
    return _live["scale"]


def set_scale(value: float) -> None:
    """Set the text scale (0.5–3). Existing widgets follow through gui/appearance.py."""
    _live["scale"] = min(3.0, max(0.5, float(value)))


def scheme() -> str:
    """"light" or "dark"."""
    return _live["scheme"]


def set_scheme(name: str) -> None:
    if name not in SCHEMES:
        raise ValueError(f"unknown colour scheme {name!r}; known: {', '.join(SCHEMES)}")
    _live["scheme"] = name


def scaled(pt: float) -> int:
    """A design size in points at the current text scale."""
    return max(6, round(pt * _live["scale"]))


def __getattr__(name: str):
    """Sizes, neutral colours and the style sheet, as they are now (see the docstring)."""
    if name in DESIGN_PT:
        return scaled(DESIGN_PT[name])
    colours = SCHEMES[_live["scheme"]]
    if name in colours:
        return colours[name]
    if name == "STYLESHEET":
        return stylesheet()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def stage_text(stage: str) -> str:
    """The colour for text naming a model stage, readable on this scheme's background."""
    key = {"pre-trained": "PRETRAINED_TEXT", "fine-tuned": "FINETUNED_TEXT",
           "aligned": "ALIGNED_TEXT"}.get(stage)
    return SCHEMES[_live["scheme"]][key] if key else SCHEMES[_live["scheme"]]["MUTED_TEXT"]


# ===== end of live appearance ============================================================

FONT_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"
SPACING = 10


def font(pt: float | None = None, *, bold: bool = False, mono: bool = False) -> QFont:
    """A font of the app's family at `pt` points (default: BASE_PT at the current scale).

    `pt` is taken as given: pass the theme's sizes (theme.SMALL_PT, ...), which are
    already scaled.
    """
    f = QFont(MONO_FAMILY if mono else FONT_FAMILY)
    f.setPointSizeF(float(scaled(DESIGN_PT["BASE_PT"]) if pt is None else pt))
    f.setBold(bold)
    return f


def qcolor(hex_code: str, alpha: int = 255) -> QColor:
    c = QColor(hex_code)
    c.setAlpha(alpha)
    return c


def tokens() -> dict[str, object]:
    """What the style sheet template is filled with: scheme colours, palette, sizes."""
    palette = {"ORANGE": ORANGE, "SKY_BLUE": SKY_BLUE, "GREEN": GREEN, "YELLOW": YELLOW,
               "BLUE": BLUE, "VERMILLION": VERMILLION, "PURPLE": PURPLE, "GREY": GREY}
    sizes = {name: scaled(pt) for name, pt in DESIGN_PT.items()}
    return {**palette, "WARNING": WARNING, "GOOD": GOOD, **SCHEMES[_live["scheme"]], **sizes}


def stylesheet() -> str:
    """The application style sheet at the current scale and colour scheme (gui/stylesheet.py)."""
    return render(tokens(), _live["scale"])


def apply(app: QApplication) -> None:
    """Give the whole application the house font, palette and style sheet (as they are now)."""
    c = SCHEMES[_live["scheme"]]
    app.setStyle("Fusion")
    app.setFont(font(scaled(DESIGN_PT["BASE_PT"])))
    # Button and window colours first: Qt derives the bevel shades (light, mid, dark) from them.
    pal = QPalette(QColor(c["PANEL_BACKGROUND"]), QColor(c["BACKGROUND"]))
    for role, colour in (
        (QPalette.ColorRole.Window, c["BACKGROUND"]),
        (QPalette.ColorRole.Base, c["FIELD_BACKGROUND"]),
        (QPalette.ColorRole.AlternateBase, c["PANEL_BACKGROUND"]),
        (QPalette.ColorRole.Button, c["PANEL_BACKGROUND"]),
        (QPalette.ColorRole.Text, c["TEXT"]),
        (QPalette.ColorRole.WindowText, c["TEXT"]),
        (QPalette.ColorRole.ButtonText, c["TEXT"]),
        (QPalette.ColorRole.ToolTipBase, c["PANEL_BACKGROUND"]),
        (QPalette.ColorRole.ToolTipText, c["TEXT"]),
        (QPalette.ColorRole.PlaceholderText, c["MUTED_TEXT"]),
        (QPalette.ColorRole.Highlight, BLUE),
        (QPalette.ColorRole.HighlightedText, "#FFFFFF"),
    ):
        pal.setColor(role, QColor(colour))
    app.setPalette(pal)
    # subtle: the font change reaches existing widgets through posted events; a style sheet
    # set before they are delivered pins the old font (measured with Qt 6.11).
    QApplication.sendPostedEvents()
    app.setStyleSheet(stylesheet())


def configure_pyqtgraph() -> None:
    """Plots in the current scheme with antialiasing; call before making plots."""
    import pyqtgraph as pg

    c = SCHEMES[_live["scheme"]]
    pg.setConfigOptions(background=c["BACKGROUND"], foreground=c["TEXT"], antialias=True)
