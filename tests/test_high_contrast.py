"""High contrast: every text at least 7:1 (WCAG AAA) against what it sits on, the charts'
colours in stronger shades of the same hues, chosen in the View menu or by the system."""

from __future__ import annotations

import colorsys

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from gui import theme
from gui.theme import contrast_ratio

pytestmark = pytest.mark.gui

HIGH = ("high-contrast-light", "high-contrast-dark")
TEXTS = ("TEXT", "MUTED_TEXT", "WARNING_TEXT", "GOOD_TEXT", "ACCENT_TEXT", "PRETRAINED_TEXT",
         "FINETUNED_TEXT", "ALIGNED_TEXT")
GROUNDS = ("BACKGROUND", "PANEL_BACKGROUND", "FIELD_BACKGROUND")


def _worst_text_contrast(scheme: str) -> float:
    s = theme.SCHEMES[scheme]
    return min(contrast_ratio(s[t], s[g]) for t in TEXTS for g in GROUNDS)


def _hue(hex_code: str) -> float:
    c = QColor(hex_code)
    return colorsys.rgb_to_hls(c.redF(), c.greenF(), c.blueF())[0] * 360


def test_the_contrast_ratio_matches_wcag():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # WCAG's own example
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


def test_high_contrast_raises_every_text_above_7_to_1():
    for normal, high in (("light", HIGH[0]), ("dark", HIGH[1])):
        # The measure can fail: the normal schemes have texts under 7:1 (grey, coloured).
        assert _worst_text_contrast(normal) < 7.0
        assert _worst_text_contrast(high) >= 7.0 > _worst_text_contrast(normal)
        s = theme.SCHEMES[high]
        assert contrast_ratio(s["PRIMARY_TEXT"], s["PRIMARY"]) >= 7.0  # the main buttons
        assert contrast_ratio(s["TEXT"], s["BANNER_BACKGROUND"]) >= 7.0
        assert contrast_ratio(s["TEXT"], s["CHIP_BACKGROUND"]) >= 7.0


def test_every_scheme_names_the_same_colours():
    """A change of scheme maps each colour to the same role's colour in the other."""
    keys = {name: set(colours) for name, colours in theme.SCHEMES.items()}
    assert all(k == keys["light"] for k in keys.values()), keys


def test_high_contrast_keeps_the_palettes_hues_and_raises_their_contrast():
    for scheme in HIGH:
        background = theme.SCHEMES[scheme]["BACKGROUND"]
        marks = theme.HIGH_CONTRAST_MARKS[scheme]
        assert len(set(marks.values())) == len(marks)  # still eight different colours
        for name, base in theme.BASE_PALETTE.items():
            assert contrast_ratio(marks[name], background) >= theme.MARK_CONTRAST - 0.01, name
            assert contrast_ratio(marks[name], background) >= contrast_ratio(base, background)
            if name != "GREY":
                hue_shift = abs(_hue(marks[name]) - _hue(base))
                assert min(hue_shift, 360 - hue_shift) < 3.0, (scheme, name)
        for darker, lighter in theme.LIKE_HUES:  # told apart by lightness: keep them apart
            assert contrast_ratio(marks[darker], marks[lighter]) >= 1.5, (scheme, darker, lighter)
    # Yellow on white was the worst offender (about 1.3:1).
    assert contrast_ratio(theme.BASE_PALETTE["YELLOW"], "#FFFFFF") < 1.5


@pytest.fixture
def appearance(qapp):
    from gui.lecture.appearance import Appearance

    saved = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    theme.apply(qapp)
    appearance = Appearance.instance(qapp)
    appearance.set_contrast_choice("normal")
    appearance.set_theme_choice("light")
    yield appearance
    appearance.set_contrast_choice("normal")
    appearance.set_theme_choice("light")
    appearance.set_contrast_choice("system")
    qapp.setStyleSheet(saved[2])
    qapp.setStyle(saved[3])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[0])
    QApplication.sendPostedEvents()


def _ink_on_window(widget: QWidget) -> float:
    pal = widget.palette()
    return contrast_ratio(pal.color(QPalette.ColorRole.WindowText).name(),
                          pal.color(QPalette.ColorRole.Window).name())


def test_choosing_high_contrast_restyles_the_widgets_on_screen(qtbot, appearance):
    host = QWidget()
    layout = QVBoxLayout(host)
    plain, muted = QLabel("text"), QLabel("secondary")
    muted.setProperty("role", "muted")
    layout.addWidget(plain)
    layout.addWidget(muted)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    before = _ink_on_window(muted)  # light: grey on white, about 7.5:1 (6.8:1 on the panels)

    for base in ("light", "dark"):
        appearance.set_theme_choice(base)
        appearance.set_contrast_choice("high")
        assert appearance.high_contrast and theme.scheme() == theme.HIGH_CONTRAST[base]
        assert _ink_on_window(plain) >= 7.0 and _ink_on_window(muted) >= 7.0
        assert _ink_on_window(muted) > before + 5
        app_palette = QApplication.instance().palette()
        assert contrast_ratio(app_palette.color(QPalette.ColorRole.Text).name(),
                              app_palette.color(QPalette.ColorRole.Base).name()) >= 7.0
        assert theme.HIGH_CONTRAST_MARKS[theme.scheme()]["BLUE"] == theme.BLUE
        appearance.set_contrast_choice("normal")
        assert theme.scheme() == base and theme.BASE_PALETTE["BLUE"] == theme.BLUE


def test_high_contrast_follows_the_systems_preference(appearance, monkeypatch):
    from gui.lecture import contrast

    monkeypatch.setattr(contrast, "system_wants_high_contrast", lambda: True)
    appearance.set_contrast_choice("system")
    assert theme.scheme() == "high-contrast-light"
    monkeypatch.setattr(contrast, "system_wants_high_contrast", lambda: False)
    appearance._on_system_scheme(None)  # what Qt's contrastPreferenceChanged calls
    assert theme.scheme() == "light"
    appearance.set_contrast_choice("high")  # a choice made in the app wins over the system
    appearance._on_system_scheme(None)
    assert theme.scheme() == "high-contrast-light"
    with pytest.raises(ValueError):
        appearance.set_contrast_choice("loud")


def test_the_view_menu_turns_high_contrast_on_and_remembers_it(qtbot, appearance, main_window,
                                                                engine_controller):
    from gui.lecture.presenter import Presenter
    from gui.settings import AppSettings

    settings = AppSettings()
    presenter = Presenter(main_window, engine_controller, settings, appearance)
    try:
        panel = main_window.show_panel("windows")
        qtbot.waitUntil(panel.is_ready, timeout=30_000)
        view_menu = presenter.contrast_action.associatedObjects()
        assert any(getattr(m, "title", lambda: "")().replace("&", "") == "View" for m in view_menu)
        heldout = panel.loss_plot.heldout_curve
        assert heldout.opts["pen"].color().name().lower() == theme.BASE_PALETTE["VERMILLION"].lower()

        presenter.contrast_action.trigger()
        assert presenter.contrast_action.isChecked() and appearance.high_contrast
        assert settings.contrast_choice() == "high"
        # The plot already on screen takes the stronger shade of the same colour.
        shade = theme.HIGH_CONTRAST_MARKS["high-contrast-light"]["VERMILLION"]
        assert heldout.opts["pen"].color().name().lower() == shade.lower()

        presenter.contrast_action.trigger()
        assert not appearance.high_contrast and settings.contrast_choice() == "normal"
        assert heldout.opts["pen"].color().name().lower() == theme.BASE_PALETTE["VERMILLION"].lower()
    finally:
        presenter.shutdown()
        main_window.close()
