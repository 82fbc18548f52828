"""The status bar fits its texts to the window without ever asking the window for more room.

Measuring a text by setting it on a label inside the bar asked the window for the room of
every text tried; in a real window (a window manager honours size hints) the window grew
by itself, tour step after tour step. The offscreen platform ignores those hints, so the
test checks the hints themselves.
"""

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

pytestmark = pytest.mark.gui


def _window(qtbot, width):
    from gui.status_bar import ModelStatusBar

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ModelStatusBar()
    window.setStatusBar(bar)
    window.setCentralWidget(QWidget())
    window.resize(width, 600)
    window.show()
    qtbot.waitExposed(window)
    return window, bar


def test_full_texts_when_they_fit_short_ones_when_not_and_no_growth(qtbot):
    from engine.session.core import ModelStatus

    status = ModelStatus("aligned", 1_311_872, 4.04, 14_336_000, "held-out answers, after 3 judgements")
    window, bar = _window(qtbot, 1900)
    bar.set_status(status)
    qtbot.wait(20)
    full = {label: pair[0] for label, pair in bar._texts.items()}
    short = {label: pair[1] for label, pair in bar._texts.items()}
    assert all(label.text() == full[label] for label in bar._labels)  # room: the full words
    wide_hint = window.minimumSizeHint().width()

    window.resize(700, 600)
    qtbot.waitUntil(lambda: bar.stage_label.text() == short[bar.stage_label], timeout=3000)
    # Whatever was measured on the way, the window asks for no more than before.
    assert window.minimumSizeHint().width() <= wide_hint
    for _ in range(5):  # refitting again and again changes nothing
        bar.set_status(status)
    assert window.minimumSizeHint().width() <= wide_hint
    assert window.width() == 700


@pytest.fixture
def styled(qapp):
    """The app's style sheet (its paddings are what is measured), undone after."""
    from PySide6.QtWidgets import QApplication

    from gui import theme

    saved = qapp.styleSheet()
    qapp.setStyleSheet(theme.stylesheet())
    yield
    qapp.setStyleSheet(saved)
    QApplication.sendPostedEvents()


def test_no_text_is_cut_at_any_width(qtbot, styled):
    """Whatever the width, each text shown gets its whole width: measured without the
    style sheet's padding, the full texts were chosen a little too early and 'aligned',
    'params' and 'tokens' lost their last letters (1280 px at 1.3x, a lecture's size)."""
    from engine.session.core import ModelStatus

    status = ModelStatus("aligned", 1_311_872, 5.57, 14_336_000, "held-out answers, after 1 judgement")
    window, bar = _window(qtbot, 1900)
    bar.set_status(status)
    for width in range(1900, 600, -23):
        window.resize(width, 600)
        # (the window may stop at its minimum width: the bar is as wide as the window)
        qtbot.waitUntil(lambda: bar.width() == window.width(), timeout=3000)
        qtbot.wait(5)
        for label in bar._labels:
            if label.isVisible():
                assert label.width() >= label.sizeHint().width(), (
                    f"at {width} px {label.text()!r} has {label.width()} of {label.sizeHint().width()} px")
