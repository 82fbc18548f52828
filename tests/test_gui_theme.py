"""Styling comes from one style sheet template filled from the theme (gui/stylesheet.py).

No widget carries colours of its own, so light/dark and the text scale are one refill of
the application's style sheet, and every widget follows.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.stylesheet import TEMPLATE as TEMPLATE_TEXT

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


# A box rule (border, padding) on these widgets makes Qt draw their sub-controls itself:
# unless those are all styled too, the arrows come out as bare corner strokes.
SUB_CONTROLS = {
    "QSpinBox": ("::up-button", "::down-button", "::up-arrow", "::down-arrow"),
    "QDoubleSpinBox": ("::up-button", "::down-button", "::up-arrow", "::down-arrow"),
    "QComboBox": ("::drop-down", "::down-arrow"),
}


def _half_styled(template: str) -> list[str]:
    """Widgets given a box rule in `template` whose arrows are not all styled."""
    selectors = [sel.strip() for block in re.findall(r"([^{}]+)\{", template)
                 for sel in block.split(",")]
    selectors = [re.sub(r"/\*.*?\*/", "", sel, flags=re.S).strip() for sel in selectors]
    problems = []
    for widget, parts in SUB_CONTROLS.items():
        boxed = any(re.fullmatch(rf"{widget}(:\w+)*", sel) for sel in selectors)
        styled = all(any(sel.startswith(widget + part) for sel in selectors) for part in parts)
        if boxed and not styled:
            problems.append(widget)
    return problems


def test_spin_and_combo_boxes_keep_the_styles_arrows():
    assert _half_styled(TEMPLATE_TEXT) == []
    # The check can fail: the rule this app once had.
    assert _half_styled("QSpinBox, QComboBox, QLineEdit { padding: 3px; }") == ["QSpinBox", "QComboBox"]
    assert _half_styled("QComboBox { padding: 3px; } QComboBox::drop-down { width: 9px; } "
                        "QComboBox::down-arrow { image: none; }") == []


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


def _indicator(box: QCheckBox) -> QRect:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)


def _handle(slider: QSlider) -> QRect:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    return slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider)


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

    box = QCheckBox("Learn the questions too")
    layout.addWidget(box)
    box_side = _indicator(box).height()
    slider = QSlider(Qt.Orientation.Horizontal)
    layout.addWidget(slider)
    handle_side = _handle(slider).width()

    appearance.set_scale(1.5)
    assert button.sizeHint().height() > button_height * 1.2  # bigger type, bigger padding
    # The tick box grows with its label, not only the label (a 13-pixel box on a projector).
    assert _indicator(box).height() >= box_side * 1.3
    assert _handle(slider).width() >= handle_side * 1.3  # and the slider's handle
    appearance.set_theme_choice("light")
    assert _background(banner).name().lower() == light_banner.name().lower()
