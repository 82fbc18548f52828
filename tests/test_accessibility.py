"""Keyboard and screen reader: every control has a spoken name and is reached by Tab.

The walk opens every panel of the real main window (offscreen, on the shipped model), each
tab of every tab widget, the tour card and the dialogs, and asks of each visible, enabled
interactive widget: does a screen reader have a name for it, and does Tab get there?
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QSlider,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

pytestmark = pytest.mark.gui

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
               QLineEdit, QPlainTextEdit, QTextEdit, QTabBar)


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `window`, in order (Qt's nextInFocusChain)."""
    seen: list[QWidget] = []
    w = window.nextInFocusChain()
    while w is not None and w is not window and w not in seen:
        seen.append(w)
        w = w.nextInFocusChain()
    return seen


def is_part_of_another(w: QWidget) -> bool:
    """Qt's own pieces of a bigger control: they are reached and named through it."""
    parent = w.parentWidget()
    return (isinstance(w, QScrollBar | QHeaderView) or w.objectName().startswith("qt_")
            or isinstance(parent, QAbstractSpinBox | QComboBox)
            or (isinstance(w, QToolButton) and isinstance(parent, QLineEdit | QTabBar)))


def spoken_name(w: QWidget, window: QWidget) -> str:
    """What a screen reader says the control is: its accessible name, a button's own text,
    or the text of a label that names it (QLabel.setBuddy)."""
    if w.accessibleName():
        return w.accessibleName()
    if isinstance(w, QAbstractButton):
        iface = QAccessible.queryAccessibleInterface(w)
        return iface.text(QAccessible.Text.Name) if iface is not None else w.text()
    for label in window.findChildren(QLabel):
        if label.buddy() is w and label.text().strip():
            return label.text()
    return ""


def controls(window: QWidget) -> list[QWidget]:
    """The visible, enabled interactive widgets of `window` (not of its dialogs)."""
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, INTERACTIVE) and w.window() is window and w.isVisible()
            and w.isEnabled() and not is_part_of_another(w)]


def accessibility_problems(window: QWidget, seen: set | None = None) -> list[str]:
    """One line per visible, enabled control that lacks a spoken name or is not reached by Tab.

    `seen`, if given, collects the controls checked (a walk that checks nothing passes).
    """
    chain = set(focus_chain(window))
    problems = []
    for w in controls(window):
        if seen is not None:
            seen.add(w)
        what = f"{type(w).__name__} {w.objectName() or ''} tip={w.toolTip()[:40]!r}".strip()
        if not spoken_name(w, window).strip():
            problems.append(f"no accessible name: {what}")
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or w not in chain:
            problems.append(f"not reached by Tab: {what}")
    return problems


def problems_on_every_tab(window: QWidget, root: QWidget, seen: set) -> list[str]:
    """The problems with each page of every tab widget under `root` shown in turn."""
    found = list(accessibility_problems(window, seen))
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        start = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            found += [f"tab {tabs.tabText(i)!r}: {p}" for p in accessibility_problems(window, seen)]
        tabs.setCurrentIndex(start)
    return sorted(set(found))


def test_the_walk_finds_an_unnamed_or_unreachable_control(qtbot):
    """The check can fail: a bare slider, a nameless icon button, a box Tab skips."""
    window = QWidget()
    layout = QVBoxLayout(window)
    slider = QSlider(Qt.Orientation.Horizontal)
    icon_only = QPushButton()
    skipped = QComboBox()
    skipped.setAccessibleName("a named box")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    named = QLineEdit()
    label = QLabel("Your word:")
    label.setBuddy(named)
    for w in (slider, icon_only, skipped, label, named):
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems = accessibility_problems(window)
    assert any("no accessible name: QSlider" in p for p in problems)
    assert any("no accessible name: QPushButton" in p for p in problems)
    assert any("not reached by Tab: QComboBox" in p for p in problems)
    assert not any("QLineEdit" in p for p in problems), "a buddy label names its field"
    assert len(problems) == 3


@pytest.fixture
def lecture_window(qtbot, main_window, engine_controller):
    """The main window with the lecture tools (menus, the tour card) attached."""
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import Presenter

    presenter = Presenter(main_window, engine_controller, None, Appearance.instance())
    yield main_window, presenter
    presenter.shutdown()
    main_window.close()


def _open(qtbot, window, key: str) -> QWidget:
    panel = window.show_panel(key)
    is_ready = getattr(panel, "is_ready", None)
    if callable(is_ready):
        qtbot.waitUntil(is_ready, timeout=60_000)
    qtbot.wait(50)
    return panel


def test_every_control_of_every_panel_is_named_and_reached_by_tab(qtbot, lecture_window):
    window, presenter = lecture_window
    presenter.tour_dock.show()  # the tour card's buttons count too
    problems = []
    checked: dict[str, set] = {}
    for key in list(window.navigator.keys()):
        panel = _open(qtbot, window, key)
        checked[key] = set()
        problems += [f"{key}: {p}" for p in problems_on_every_tab(window, panel, checked[key])]
    assert not problems, "\n".join(problems)
    # Every panel has its own controls besides the navigator and the tour card's six.
    counts = {key: len(seen) for key, seen in checked.items()}
    assert all(n >= 10 for n in counts.values()), counts
    assert presenter.tour_card.next_button in checked["data"]


CHART_CLASSES = ("LossPlot", "FinetuneCurve", "ProbabilityBars", "GuessBars", "MergeCurve", "WordMap",
                 "AlignmentCharts", "TokenStrip", "TokenChips", "AttentionGrid", "AttentionStrip",
                 "WeightHeatmap")


def test_every_chart_on_screen_has_a_summary_and_is_reached_by_tab(qtbot, lecture_window):
    """A screen reader user tabs onto a chart and hears what it shows now."""
    window, _presenter = lecture_window
    found: dict[str, list[str]] = {}
    problems = []
    for key in list(window.navigator.keys()):
        _open(qtbot, window, key)
        chain = set(focus_chain(window))
        charts = [w for w in window.findChildren(QWidget)
                  if type(w).__name__ in CHART_CLASSES and w.isVisible()]
        found[key] = [type(w).__name__ for w in charts]
        for w in charts:
            if not w.accessibleName() or not w.accessibleDescription():
                problems.append(f"{key}: {type(w).__name__} says nothing")
            if w not in chain:
                problems.append(f"{key}: {type(w).__name__} not reached by Tab")
    assert not problems, "\n".join(problems)
    assert "LossPlot" in found["windows"] and "WordMap" in found["embeddings"], found
    assert "AlignmentCharts" in found["chat"] and "TokenChips" in found["tokens"], found


def test_tab_follows_the_data_panels_rows_of_sources(qtbot, lecture_window):
    """The source rows are built after the widgets under them; Tab still goes down the page."""
    window, _presenter = lecture_window
    panel = _open(qtbot, window, "data")
    chain = focus_chain(window)
    sliders = [chain.index(row.slider) for row in panel._rows.values()]
    assert chain.index(panel.preset_combo) < min(sliders)
    assert sliders == sorted(sliders)
    assert max(sliders) < chain.index(panel.add_button) < chain.index(panel.retrain_button)


def test_the_dialogs_are_named_and_reached_by_tab(qtbot, lecture_window):
    from gui.panels.finetuning.pairs_tab import PairDialog
    from gui.panels.pretraining.data_corpus import about_books_dialog

    window, _presenter = lecture_window
    windows_panel = _open(qtbot, window, "windows")
    inside = windows_panel.open_look_inside()
    qtbot.waitExposed(inside)
    problems = [f"Look inside: {p}" for p in accessibility_problems(inside)]
    inside.close()
    for dialog in (PairDialog(window), about_books_dialog(window)):
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{dialog.windowTitle()}: {p}" for p in accessibility_problems(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def test_the_arrow_keys_choose_an_attention_head_even_with_arrow_shortcuts(qtbot):
    """Look inside's grid was click-only; the arrows move the frame, and the window's own
    ← → (next step, gui/lecture/presenter.py) give way while the grid has focus."""
    import numpy as np
    from PySide6.QtGui import QAction, QKeySequence

    from gui.widgets.attention_grid import AttentionGrid

    host = QWidget()
    layout = QVBoxLayout(host)
    grid = AttentionGrid()
    layout.addWidget(grid)
    stepped = []
    next_step = QAction(host)
    next_step.setShortcut(QKeySequence("Right"))
    next_step.triggered.connect(lambda: stepped.append(True))
    host.addAction(next_step)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    grid.show_attention(np.full((2, 3, 4, 4), 0.25), query=3, chosen=(0, 0))
    grid.sigHeadClicked.connect(lambda layer, head: grid.set_query(3, (layer, head)))
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    with qtbot.waitSignal(grid.sigHeadClicked, check_params_cb=lambda *a: a == (0, 1)):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    with qtbot.waitSignal(grid.sigHeadClicked, check_params_cb=lambda *a: a == (1, 1)):
        qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert not stepped
    assert "chosen: layer 2, head 2" in grid.accessibleDescription()
