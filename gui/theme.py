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

import colorsys

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from gui.stylesheet import render

# Okabe-Ito, in its usual order. Read as theme.BLUE etc.: the high-contrast schemes use
# shades of the same hues (see HIGH_CONTRAST_MARKS), so these names are looked up live.
BASE_PALETTE: dict[str, str] = {
    "ORANGE": "#E69F00",
    "SKY_BLUE": "#56B4E9",
    "GREEN": "#009E73",
    "YELLOW": "#F0E442",
    "BLUE": "#0072B2",
    "VERMILLION": "#D55E00",
    "PURPLE": "#CC79A7",
    "GREY": "#999999",
}

# Roles: which palette colour means what on screen (theme.TARGET, ...).
ROLES: dict[str, str] = {
    "WINDOW": "SKY_BLUE",  # the tokens the model sees (the window)
    "TARGET": "ORANGE",  # the token it must guess
    "TRAIN_CURVE": "BLUE",  # loss on the training text
    "HELDOUT_CURVE": "VERMILLION",  # loss on text the model never trains on
    "GOOD": "GREEN",
    "WARNING": "VERMILLION",
}
PILLAR_ROLES: dict[str, str] = {"Pre-training": "BLUE", "Fine-tuning": "GREEN", "RLHF": "PURPLE"}
STAGE_ROLES: dict[str, str] = {"untrained": "GREY", "pre-trained": "BLUE", "fine-tuned": "GREEN",
                               "aligned": "PURPLE"}


# -- contrast (WCAG 2) and shades that keep a colour's hue ------------------------------
def relative_luminance(hex_code: str) -> float:
    """WCAG 2's relative luminance of a colour, 0 (black) to 1 (white)."""
    c = QColor(hex_code)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two colours: 1 (the same) to 21 (black on white)."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ink_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill` (a chip or a highlight)."""
    return "#000000" if contrast_ratio("#000000", fill) >= contrast_ratio("#FFFFFF", fill) else "#FFFFFF"


def shade_for_contrast(hex_code: str, background: str, target: float) -> str:
    """The colour with the same hue and saturation, made darker (on a light background) or
    lighter (on a dark one) just enough to reach `target` contrast against `background`.

    Keeping the hue keeps the palette colour-blind safe: only the lightness moves.
    """
    if contrast_ratio(hex_code, background) >= target:
        return hex_code
    c = QColor(hex_code)
    h, lightness, s = colorsys.rgb_to_hls(c.redF(), c.greenF(), c.blueF())
    towards = 0.0 if relative_luminance(background) > 0.18 else 1.0
    near, far = lightness, towards  # bisect between the colour and black (or white)
    for _ in range(30):
        mid = (near + far) / 2
        candidate = QColor.fromRgbF(*colorsys.hls_to_rgb(h, mid, s)).name()
        if contrast_ratio(candidate, background) >= target:
            far = mid
        else:
            near = mid
    return QColor.fromRgbF(*colorsys.hls_to_rgb(h, far, s)).name().upper()

# ===== Live appearance: text scale and colours (presenter mode; gui/lecture/appearance.py) ==
# Neutral colours per scheme. Light is the default: projectors wash out dark ones; dark
# follows a laptop set to dark; the high-contrast pair follows a system (or a person) asking
# for high contrast (gui/lecture/contrast.py).
_P = BASE_PALETTE
SCHEMES: dict[str, dict[str, str]] = {
    "light": {
        "BACKGROUND": "#FFFFFF",
        "PANEL_BACKGROUND": "#F4F4F2",
        "TEXT": "#1A1A1A",
        "MUTED_TEXT": "#555555",
        "BORDER": "#C8C8C8",
        "FIELD_BACKGROUND": "#FFFFFF",  # text fields and lists
        "PRESSED": "#E2E2DE",
        "PRIMARY": _P["BLUE"],  # the main button, the chosen step
        "PRIMARY_TEXT": "#FFFFFF",  # text on PRIMARY
        "PRIMARY_DISABLED": "#8FB5D3",
        "DISABLED_TEXT": _P["GREY"],
        "CHIP_BACKGROUND": "#EEEEEC",  # a token outside the window (gui/widgets/token_strip.py)
        "BANNER_BACKGROUND": "#FBE9DF",  # a message at the top of the window
        # Coloured text on the background: the palette's own colours where they read well.
        "WARNING_TEXT": _P["VERMILLION"],
        "GOOD_TEXT": _P["GREEN"],
        "ACCENT_TEXT": _P["BLUE"],
        "PRETRAINED_TEXT": _P["BLUE"],
        "FINETUNED_TEXT": _P["GREEN"],
        "ALIGNED_TEXT": _P["PURPLE"],
    },
    "dark": {
        "BACKGROUND": "#1E1F22",
        "PANEL_BACKGROUND": "#2A2B2F",
        "TEXT": "#EDEDED",
        "MUTED_TEXT": "#B0B0B0",
        "BORDER": "#55575D",
        "FIELD_BACKGROUND": "#26272B",
        "PRESSED": "#3A3B40",
        "PRIMARY": _P["BLUE"],
        "PRIMARY_TEXT": "#FFFFFF",
        "PRIMARY_DISABLED": "#2F5673",
        "DISABLED_TEXT": _P["GREY"],
        "CHIP_BACKGROUND": "#34353A",
        "BANNER_BACKGROUND": "#4A2A1F",  # light text on it: contrast about 10:1
        # Lighter shades of the palette's blue, green and vermillion: on the dark background
        # the originals fall under 4.5:1 contrast for small text (blue: about 3:1).
        "WARNING_TEXT": "#F07F3C",
        "GOOD_TEXT": "#3FBF8F",
        "ACCENT_TEXT": _P["SKY_BLUE"],
        "PRETRAINED_TEXT": _P["SKY_BLUE"],
        "FINETUNED_TEXT": "#3FBF8F",
        "ALIGNED_TEXT": _P["PURPLE"],
    },
}
TEXT_CONTRAST = 7.0  # high contrast: every text at least 7:1 (WCAG AAA), coloured text too
MARK_CONTRAST = 4.5  # high contrast: chart lines, bars and points at least 4.5:1


def _high_contrast(background: str, panel: str, ink: str, muted: str, fixed: dict[str, str]) -> dict[str, str]:
    """A high-contrast scheme: pure ink on pure paper, black (or white) borders, and the
    palette's hues in shades dark (or light) enough for TEXT_CONTRAST against the panels."""

    def text(name: str) -> str:
        return shade_for_contrast(_P[name], panel, TEXT_CONTRAST)

    return {
        "BACKGROUND": background, "PANEL_BACKGROUND": panel, "TEXT": ink, "MUTED_TEXT": muted,
        "BORDER": ink, "FIELD_BACKGROUND": background, **fixed,
        "PRIMARY": text("BLUE"), "DISABLED_TEXT": shade_for_contrast(_P["GREY"], panel, 4.5),
        "WARNING_TEXT": text("VERMILLION"), "GOOD_TEXT": text("GREEN"), "ACCENT_TEXT": text("BLUE"),
        "PRETRAINED_TEXT": text("BLUE"), "FINETUNED_TEXT": text("GREEN"), "ALIGNED_TEXT": text("PURPLE"),
    }


SCHEMES["high-contrast-light"] = _high_contrast(
    "#FFFFFF", "#F2F2F2", "#000000", "#262626",
    {"PRESSED": "#CCCCCC", "PRIMARY_TEXT": "#FFFFFF", "PRIMARY_DISABLED": "#767676",
     "CHIP_BACKGROUND": "#E6E6E6", "BANNER_BACKGROUND": "#FFE4D1"})
SCHEMES["high-contrast-dark"] = _high_contrast(
    "#000000", "#121212", "#FFFFFF", "#E0E0E0",
    {"PRESSED": "#3A3A3A", "PRIMARY_TEXT": "#000000", "PRIMARY_DISABLED": "#5A5A5A",
     "CHIP_BACKGROUND": "#2A2A2A", "BANNER_BACKGROUND": "#3D1A00"})
HIGH_CONTRAST: dict[str, str] = {"light": "high-contrast-light", "dark": "high-contrast-dark"}

# Okabe-Ito has two pairs of like hues told apart by lightness alone: blue / sky blue and
# orange / yellow. Pulled towards the same contrast they would meet; in high contrast the
# member nearer the background's ink goes further (to TEXT_CONTRAST), so each pair stays apart.
LIKE_HUES: tuple[tuple[str, str], ...] = (("BLUE", "SKY_BLUE"), ("ORANGE", "YELLOW"))


def _marks(background: str) -> dict[str, str]:
    dark_ground = relative_luminance(background) < 0.18
    further = {light if dark_ground else dark for dark, light in LIKE_HUES}
    return {k: shade_for_contrast(v, background, TEXT_CONTRAST if k in further else MARK_CONTRAST)
            for k, v in _P.items()}


# The palette as the charts draw it in each scheme: the original colours, or in high
# contrast the same hues at MARK_CONTRAST (or more) against the background (yellow on white,
# about 1.3:1, becomes a dark olive; its hue stays, so it still differs from orange and green).
HIGH_CONTRAST_MARKS: dict[str, dict[str, str]] = {
    name: _marks(SCHEMES[name]["BACKGROUND"]) for name in HIGH_CONTRAST.values()
}


def palette_colour(name: str) -> str:
    """A palette colour ("BLUE", ...) as the current scheme draws it."""
    return HIGH_CONTRAST_MARKS.get(_live["scheme"], BASE_PALETTE)[name]


def is_high_contrast() -> bool:
    return _live["scheme"] in HIGH_CONTRAST_MARKS


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
    """"light", "dark", "high-contrast-light" or "high-contrast-dark"."""
    return _live["scheme"]


def set_scheme(name: str) -> None:
    if name not in SCHEMES:
        raise ValueError(f"unknown colour scheme {name!r}; known: {', '.join(SCHEMES)}")
    _live["scheme"] = name


def scaled(pt: float) -> int:
    """A design size in points at the current text scale."""
    return max(6, round(pt * _live["scale"]))


def __getattr__(name: str):
    """Sizes, colours and the style sheet, as they are now (see the docstring)."""
    if name in DESIGN_PT:
        return scaled(DESIGN_PT[name])
    colours = SCHEMES[_live["scheme"]]
    if name in colours:
        return colours[name]
    if name in BASE_PALETTE:
        return palette_colour(name)
    if name in ROLES:
        return palette_colour(ROLES[name])
    if name == "PALETTE":
        return tuple(palette_colour(n) for n in BASE_PALETTE)
    if name == "PILLAR_COLOURS":
        return {pillar: palette_colour(n) for pillar, n in PILLAR_ROLES.items()}
    if name == "STAGE_COLOURS":
        return {stage: palette_colour(n) for stage, n in STAGE_ROLES.items()}
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
    palette = {name: palette_colour(name) for name in BASE_PALETTE}
    roles = {"WARNING": palette_colour(ROLES["WARNING"]), "GOOD": palette_colour(ROLES["GOOD"])}
    sizes = {name: scaled(pt) for name, pt in DESIGN_PT.items()}
    return {**palette, **roles, **SCHEMES[_live["scheme"]], **sizes}


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
        (QPalette.ColorRole.Highlight, c["PRIMARY"]),
        (QPalette.ColorRole.HighlightedText, c["PRIMARY_TEXT"]),
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
