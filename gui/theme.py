"""Colours, fonts and sizes: one place, tuned to be read from the back of a lecture hall.

The palette is Okabe-Ito (colour-blind safe). Roles are named after what they mean on
screen, so a panel asks for `theme.TARGET` rather than a hex code.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

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

# Neutral colours (a light theme: projectors wash out dark ones).
BACKGROUND = "#FFFFFF"
PANEL_BACKGROUND = "#F4F4F2"
TEXT = "#1A1A1A"
MUTED_TEXT = "#555555"
BORDER = "#C8C8C8"

# Sizes in points. 14 pt is about 19 px at 96 dpi: readable at 10 m on a projector.
FONT_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"
BASE_PT = 14
SMALL_PT = 12
HEADING_PT = 20
TOKEN_PT = 18
SPACING = 10


def font(pt: int = BASE_PT, *, bold: bool = False, mono: bool = False) -> QFont:
    """A font of the app's family at `pt` points."""
    f = QFont(MONO_FAMILY if mono else FONT_FAMILY)
    f.setPointSize(pt)
    f.setBold(bold)
    return f


def qcolor(hex_code: str, alpha: int = 255) -> QColor:
    c = QColor(hex_code)
    c.setAlpha(alpha)
    return c


STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QStackedWidget {{ background: {BACKGROUND}; }}
QPushButton {{
    padding: 6px 14px; border: 1px solid {BORDER}; border-radius: 6px;
    background: {PANEL_BACKGROUND};
}}
QPushButton:hover {{ border-color: {BLUE}; }}
QPushButton:pressed {{ background: #E2E2DE; }}
QPushButton:disabled {{ color: {GREY}; }}
QPushButton[primary="true"] {{ background: {BLUE}; color: white; border-color: {BLUE}; }}
QPushButton[primary="true"]:disabled {{ background: #8FB5D3; }}
QSpinBox, QDoubleSpinBox, QComboBox, QLineEdit {{
    padding: 3px 6px; border: 1px solid {BORDER}; border-radius: 4px; background: white;
}}
QGroupBox {{
    font-weight: bold; border: 1px solid {BORDER}; border-radius: 8px;
    margin-top: 14px; padding: 10px 8px 8px 8px;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QStatusBar {{ background: {PANEL_BACKGROUND}; border-top: 1px solid {BORDER}; }}
QStatusBar::item {{ border: none; }}
QListWidget {{ border: 1px solid {BORDER}; border-radius: 6px; background: white; }}
QToolTip {{ font-size: {SMALL_PT}pt; }}
"""


def apply(app: QApplication) -> None:
    """Give the whole application the house font, palette and style sheet."""
    app.setStyle("Fusion")
    app.setFont(font(BASE_PT))
    pal = app.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    pal.setColor(QPalette.ColorRole.Base, QColor("white"))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(BLUE))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    app.setPalette(pal)
    app.setStyleSheet(STYLESHEET)


def configure_pyqtgraph() -> None:
    """Light plots with antialiasing; call once before making plots."""
    import pyqtgraph as pg

    pg.setConfigOptions(background=BACKGROUND, foreground=TEXT, antialias=True)
