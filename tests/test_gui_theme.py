"""Styling comes from one style sheet template filled from the theme (gui/stylesheet.py).

No widget carries colours of its own, so light/dark and the text scale are one refill of
the application's style sheet, and every widget follows.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import theme

GUI = Path(__file__).resolve().parents[1] / "gui"
TEMPLATE_MODULE = GUI / "stylesheet.py"
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
RGB = re.compile(r"\b(?:rgba?|hsla?)\s*\(", re.IGNORECASE)
CSS_COLOUR = re.compile(r"(?:color|background|border[\w-]*)\s*:", re.IGNORECASE)


def _style_sheet_calls(path: Path) -> list[tuple[int, str]]:
    """(line, source of the argument) of every setStyleSheet(...) call in a module."""
    text = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(text)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setStyleSheet"):
            found.append((node.lineno, "".join(ast.get_source_segment(text, a) or "" for a in node.args)))
    return found


def test_no_widget_sets_a_style_sheet_with_colours_of_its_own():
    named = {n.lower() for n in QColor.colorNames()}
    problems = []
    for path in sorted(GUI.rglob("*.py")):
        if path == TEMPLATE_MODULE:
            continue
        for line, arg in _style_sheet_calls(path):
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", arg)}
            literal = HEX.search(arg) or RGB.search(arg) or (words & named and CSS_COLOUR.search(arg))
            # Colours read from the theme into an inline sheet are the same mistake: the
            # sheet would keep them after a change of scheme.
            from_theme = "theme." in arg and CSS_COLOUR.search(arg)
            if literal or from_theme:
                problems.append(f"{path.relative_to(GUI.parent)}:{line}: setStyleSheet({arg})")
    assert not problems, "colours outside the style sheet template:\n" + "\n".join(problems)


def test_the_check_above_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('w.setStyleSheet("QFrame { background: white; }")\n'
                   'w.setStyleSheet(f"color: {theme.MUTED_TEXT};")\n'
                   'w.setStyleSheet("border: 1px solid #C8C8C8")\n')
    calls = _style_sheet_calls(bad)
    assert len(calls) == 3
    named = {n.lower() for n in QColor.colorNames()}
    assert "white" in named and CSS_COLOUR.search(calls[0][1])
    assert "theme." in calls[1][1] and HEX.search(calls[2][1])


def test_the_template_names_only_tokens_the_theme_has():
    for scheme in theme.SCHEMES:
        theme.set_scheme(scheme)
        try:
            sheet = theme.stylesheet()
        finally:
            theme.set_scheme("light")
        assert "{{" not in sheet and "}}" not in sheet
        assert theme.SCHEMES[scheme]["BANNER_BACKGROUND"] in sheet


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def appearance(qapp):
    from gui.lecture.appearance import Appearance

    saved = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    theme.apply(qapp)
    appearance = Appearance.instance(qapp)
    appearance.set_theme_choice("light")
    yield appearance
    appearance.set_theme_choice("light")
    appearance.reset_scale()
    qapp.setStyleSheet(saved[2])
    qapp.setStyle(saved[3])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[0])
    QApplication.sendPostedEvents()


def _background(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 6, image.height() // 2)  # inside, off the text


def test_light_dark_and_text_scale_restyle_existing_widgets(qtbot, appearance):
    from gui.widgets.banner import MessageBanner

    host = QWidget()
    layout = QVBoxLayout(host)
    banner = MessageBanner()
    banner.show_message("The question is too long", "Ask it in fewer words.")
    muted = QLabel("secondary")
    muted.setProperty("role", "muted")
    button = QPushButton("Press")
    for w in (banner, muted, button):
        layout.addWidget(w)
    qtbot.addWidget(host)
    host.resize(600, 200)
    host.show()
    qtbot.waitExposed(host)

    light_banner = _background(banner)
    assert light_banner.name().lower() == theme.SCHEMES["light"]["BANNER_BACKGROUND"].lower()
    light_muted = muted.palette().windowText().color().name().lower()
    assert light_muted == theme.SCHEMES["light"]["MUTED_TEXT"].lower()
    button_height = button.sizeHint().height()

    appearance.set_theme_choice("dark")
    dark_banner = _background(banner)
    assert dark_banner.name().lower() == theme.SCHEMES["dark"]["BANNER_BACKGROUND"].lower()
    assert dark_banner != light_banner
    # The banner's words stay readable on it (WCAG AA: at least 4.5:1).
    ink = banner.text.palette().windowText().color()
    assert ink.name().lower() == theme.SCHEMES["dark"]["TEXT"].lower()
    assert _contrast(ink, dark_banner) >= 4.5
    assert muted.palette().windowText().color().name().lower() == theme.SCHEMES["dark"]["MUTED_TEXT"].lower()

    appearance.set_scale(1.5)
    assert button.sizeHint().height() > button_height * 1.2  # bigger type, bigger padding
    appearance.set_theme_choice("light")
    assert _background(banner).name().lower() == light_banner.name().lower()
