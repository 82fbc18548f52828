"""Lecture tools: full screen, text scale, clicker keys, blank screen, the guided tour,
reset the demo, light/dark, remembered settings and "Export this view"."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from gui import theme
from gui.panels import PANELS

pytestmark = pytest.mark.gui


@pytest.fixture
def lecture(qtbot, themed, engine_controller, main_window):
    """The main window on the in-process engine with the lecture tools attached.

    The word map draws with an in-process projector (no UMAP worker process).
    """
    from gui.bridge.embedding_history import EmbeddingHistory
    from gui.bridge.projection_client import InProcessProjector
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import Presenter
    from gui.settings import AppSettings

    history = EmbeddingHistory.for_controller(engine_controller, InProcessProjector())
    presenter = Presenter(main_window, engine_controller, AppSettings(), Appearance.instance())
    main_window.activateWindow()
    main_window.navigator.setFocus()
    yield presenter
    presenter.shutdown()
    main_window.close()  # panels stop their timers
    history.shutdown()


def _labels_with_text(panel) -> list[QLabel]:
    return [w for w in panel.findChildren(QLabel) if w.text().strip() and w.font().pointSizeF() > 0]


def test_f11_toggles_full_screen_and_esc_leaves(qtbot, lecture):
    window = lecture.window
    assert not window.isFullScreen()
    with qtbot.waitSignal(lecture.fullScreenChanged, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen() and lecture.full_screen_action.isChecked()
    with qtbot.waitSignal(lecture.fullScreenChanged, timeout=3000):
        qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    lecture.toggle_full_screen(True)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)


def test_esc_in_a_normal_window_writes_no_traceback(qtbot, lecture, caplog):
    """Esc with nothing to leave goes to the focused widget once (it once bounced between
    the shortcut and the widget until Python's recursion limit)."""
    window = lecture.window
    field = QLineEdit("typed", window.panels[window.current_key()])
    field.show()
    for target in (window.navigator, field):
        target.setFocus()
        qtbot.waitUntil(target.hasFocus, timeout=2000)
        with qtbot.captureExceptions() as raised:
            qtbot.keyClick(target, Qt.Key.Key_Escape)
        assert not raised, raised[0][1] if raised else ""
        assert "Traceback" not in caplog.text and "RecursionError" not in caplog.text
    assert not window.isFullScreen()


def test_esc_and_f11_leave_full_screen_after_scaling(qtbot, lecture):
    window = lecture.window
    for leave_key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
        lecture.toggle_full_screen(True)
        qtbot.waitUntil(window.isFullScreen, timeout=3000)
        for _ in range(3):
            qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert theme.scale() > 1.2
        qtbot.wait(200)
        assert window.isFullScreen() and lecture.full_screen_action.isChecked()
        assert lecture.leave_full_screen_action.isEnabled()
        with qtbot.captureExceptions() as raised:
            qtbot.keyClick(window, leave_key)
        assert not raised
        qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
        assert not lecture.full_screen_action.isChecked(), leave_key
        lecture.appearance.reset_scale()


@pytest.mark.parametrize(("size", "scales"), [((1280, 720), (0.8, 1.3, 2.0)),
                                             ((1366, 768), (1.3,)), ((1920, 1080), (1.75, 2.0))])
def test_the_window_never_grows_at_any_text_scale(qtbot, lecture, size, scales):
    """At text scales from 0.8x to 2x (the extremes, and each screen's usual one), on every
    panel, the window keeps the size it was given and asks for no more than that screen:
    panels scroll, the status bar shortens, the tour card is capped."""
    from PySide6.QtCore import QSize

    window = lecture.window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size), timeout=3000)
    for spec in PANELS:
        window.show_panel(spec.key)
    for scale in scales:
        lecture.appearance.set_scale(scale)
        for spec in PANELS:
            window.show_panel(spec.key)
            QApplication.sendPostedEvents()
            QApplication.processEvents()
            assert window.size() == QSize(*size), (
                f"{spec.key} at {scale}x made the window {window.size().toTuple()}")
            need = window.minimumSizeHint()
            assert need.width() <= size[0] and need.height() <= size[1], (
                f"{spec.key} at {scale}x asks for {need.toTuple()} on {size}")
    lecture.tour.start(0)  # the tour's caption card too
    QApplication.processEvents()
    assert window.size() == QSize(*size)
    assert window.minimumSizeHint().height() <= size[1]
    lecture.tour.stop()


@pytest.mark.parametrize(("size", "scale"), [((1366, 768), 1.3), ((1280, 720), 2.0), ((1920, 1080), 1.0),
                                           ((1920, 1080), 1.75)])
def test_the_tour_card_shows_its_whole_narration(qtbot, lecture, size, scale):
    """A long narration is never cut: the buttons move under the text and the narration's
    type steps down before the card would pass 40 % of the window; on a large screen the
    buttons stay beside the text at full size."""
    from PySide6.QtCore import QSize

    from gui import theme

    window, card = lecture.window, lecture.tour_card
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size() == QSize(*size), timeout=3000)
    lecture.appearance.set_scale(scale)
    try:
        lecture.tour.start(0)
        for index in range(len(lecture.tour.steps)):
            card.show_step(index)  # the card's words and layout only (no step's demonstration)
            QApplication.sendPostedEvents()
            QApplication.processEvents()
            narration, area = card.narration, card.narration_area
            whole = narration.heightForWidth(narration.width())
            if size == (1280, 720) and scale == 2.0:  # the extreme: it may scroll, never cut unseen
                assert narration.height() >= whole and (
                    area.viewport().height() >= whole or area.verticalScrollBar().isVisible())
            else:
                assert area.viewport().height() >= whole, (
                    f"step {index + 1} at {scale}x on {size}: narration cut")
            title = card.title  # wrapped where it must be, never cut at the side
            assert title.height() >= title.heightForWidth(title.width()) > 0, (
                f"step {index + 1} at {scale}x on {size}: title cut")
            assert card.height() <= 0.4 * window.height() + 1
        if size == (1920, 1080) and scale == 1.0:
            assert not card.buttons_under
            assert card.narration.font().pointSize() == theme.BASE_PT + 2
        if size == (1366, 768):
            assert card.buttons_under
    finally:
        lecture.tour.stop()
        lecture.appearance.reset_scale()


def test_remembered_geometry_is_clamped_to_the_screen(qtbot, lecture):
    """A window remembered larger than this screen (or off its edge) comes back inside it."""
    from gui.settings import AppSettings

    window = lecture.window
    room = window.screen().availableGeometry()
    window.resize(room.width() + 900, room.height() + 600)
    window.move(room.right() + 400, room.bottom() + 300)
    settings = AppSettings()
    settings.set_geometry(window.saveGeometry())
    window.resize(640, 480)
    lecture.settings = settings
    lecture.restore_geometry()
    frame = window.frameGeometry()
    assert room.contains(frame), (frame.getRect(), room.getRect())
    assert window.width() <= room.width() and window.height() <= room.height()


def test_ctrl_equals_enlarges_text_in_every_panel(qtbot, lecture):
    window = lecture.window
    for spec in PANELS:  # build every panel
        window.show_panel(spec.key)
    window.show_panel("windows")
    before = {key: [(label, label.font().pointSizeF()) for label in _labels_with_text(panel)]
              for key, panel in window.panels.items()}
    assert all(before.values()), f"a panel without labels: {[k for k, v in before.items() if not v]}"
    axis = window.panels["windows"].loss_plot.getPlotItem().getAxis("left")
    tick_before = axis.style["tickFont"].pointSizeF()
    nav_item_before = window.navigator.item(1).font().pointSizeF()

    with qtbot.waitSignal(lecture.appearance.scaleChanged, timeout=3000) as changed:
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    ratio = changed.args[0]
    assert ratio > 1.0
    for key, labels in before.items():
        for label, size in labels:
            assert label.font().pointSizeF() == pytest.approx(size * ratio, abs=0.6), (
                f"{key}: “{label.text()[:40]}” stayed at {label.font().pointSizeF()} pt")
    assert axis.style["tickFont"].pointSizeF() > tick_before  # plots follow
    assert window.navigator.item(1).font().pointSizeF() > nav_item_before
    assert theme.DESIGN_PT["BASE_PT"] < theme.BASE_PT  # panels built from now on follow too

    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert theme.scale() == 1.0
    for key, labels in before.items():
        for label, size in labels:
            assert label.font().pointSizeF() == pytest.approx(size, abs=0.6), (
                f"{key}: “{label.text()[:40]}” {type(label.parentWidget()).__name__}")


def test_pagedown_and_arrows_step_through_panels(qtbot, lecture):
    window = lecture.window
    window.show_panel("data")
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_PageDown)
    assert window.current_key() == "tokens"
    qtbot.keyClick(window.navigator, Qt.Key.Key_Right)
    assert window.current_key() == "windows"
    qtbot.keyClick(window.navigator, Qt.Key.Key_PageUp)
    assert window.current_key() == "tokens"
    # In a text field the arrows move the cursor, not the story.
    field = QLineEdit("abc", window.panels["tokens"])
    field.show()
    field.setFocus()
    field.setCursorPosition(3)
    qtbot.keyClick(field, Qt.Key.Key_Left)
    assert field.cursorPosition() == 2
    assert window.current_key() == "tokens"


def test_pagedown_advances_the_tour(qtbot, lecture):
    tour = lecture.tour
    with qtbot.waitSignal(tour.stepChanged, timeout=3000):
        tour.start(0)
    assert lecture.tour_dock.isVisible()
    lecture.window.navigator.setFocus()
    with qtbot.waitSignal(tour.stepChanged, timeout=3000) as moved:
        qtbot.keyClick(lecture.window.navigator, Qt.Key.Key_PageDown)
    assert moved.args[0] == 1 and tour.index == 1
    assert lecture.window.current_key() == tour.steps[1].panel
    assert lecture.tour_card.narration.text() == tour.steps[1].narration
    qtbot.keyClick(lecture.window.navigator, Qt.Key.Key_PageUp)
    assert tour.index == 0
    assert lecture.settings.tour_step() == 0  # the tour position is remembered
    tour.stop()
    assert not lecture.tour_dock.isVisible()


def test_period_blanks_the_screen_and_any_key_brings_it_back(qtbot, lecture):
    window = lecture.window
    window.navigator.setFocus()
    with qtbot.waitSignal(lecture.blankChanged, timeout=3000) as blanked:
        qtbot.keyClick(window.navigator, ".")
    assert blanked.args == [True] and lecture.is_blank
    assert lecture.blank.geometry() == window.rect()
    image = lecture.blank.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
    key = window.current_key()
    with qtbot.waitSignal(lecture.blankChanged, timeout=3000) as back:
        qtbot.keyClick(lecture.blank, Qt.Key.Key_PageDown)  # any key, even a clicker's
    assert back.args == [False] and not lecture.is_blank
    assert window.current_key() == key  # that key only brought the screen back
    # A "." typed into text is text.
    field = QLineEdit("", window)
    field.show()
    field.setFocus()
    qtbot.keyClick(field, ".")
    assert field.text() == "." and not lecture.is_blank


def test_tour_steps_name_real_panels_and_actions():
    from gui.lecture.tour import ACTIONS
    from gui.lecture.tour_script import STEPS

    keys = {p.key for p in PANELS}
    assert len(STEPS) >= 10
    assert {s.panel for s in STEPS} == keys  # the story visits every panel
    for number, step in enumerate(STEPS, start=1):
        assert step.panel in keys, f"step {number} names no panel: {step.panel!r}"
        assert step.title.strip()
        sentences = re.findall(r"[.!?](?:[”)]?)(?:\s|$)", step.narration.strip())
        assert 2 <= len(sentences) <= 3, f"step {number}: {len(sentences)} sentences"
        if step.action:
            assert step.action in ACTIONS, f"step {number}: no action {step.action!r}"


def _in_view(parts, area, whole: bool = False) -> bool:
    """The parts, together, are on screen in the page's scroll area (their top at least,
    when together they are taller than it; all of them when `whole`)."""
    from PySide6.QtCore import QRect

    viewport = area.viewport()
    union = None
    for part in parts:
        widget, rect = part if isinstance(part, tuple) else (part, part.rect())
        if not widget.isVisible():
            continue  # an empty note, say
        r = QRect(widget.mapTo(viewport, rect.topLeft()), rect.size())
        union = r if union is None else union.united(r)
    fits = union.height() <= viewport.height()
    return union.top() >= 0 and (union.bottom() <= viewport.height() if fits else union.top() <= 10)


def _tour_without_demos(qtbot, lecture):
    """A 1280x720 window at 1.3x text (a 1366x768 screen's usual), its tour's steps with
    their panels as they are and no demonstration: (window, tour)."""
    from dataclasses import replace

    from PySide6.QtCore import QSize

    from gui.lecture.tour_script import STEPS

    window = lecture.window
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 720), timeout=3000)
    lecture.appearance.set_scale(1.3)
    tour = lecture.tour
    tour.steps = tuple(replace(s, action="") for s in STEPS)
    return window, tour


def test_each_tour_step_brings_what_it_is_about_into_view(qtbot, lecture):
    """At 1366x768's usual 1.3x text in a 1280x720 window, with the tour's caption across
    the bottom, most steps' subject (the loss curve, the answers, the charts) starts below
    the fold: each step scrolls its part of the panel into view."""
    window, tour = _tour_without_demos(qtbot, lecture)
    area = window.page_scroller
    checked, cut = 0, []
    try:
        for index, step in enumerate(tour.steps):
            tour.start(index)
            if not step.shows:
                continue
            parts = window.current_panel().tour_part(step.shows)
            assert parts, f"step {index + 1}: the {step.panel} panel has no part {step.shows!r}"
            qtbot.waitUntil(lambda p=parts: _in_view(p, area), timeout=3000)
            if not _in_view(parts, area, whole=True):
                cut.append(index + 1)
            checked += 1
            if step.shows_after:  # its result is elsewhere: shown once the step is done
                after = window.current_panel().tour_part(step.shows_after)
                assert after, f"step {index + 1}: no part {step.shows_after!r}"
                tour._run.done()
                qtbot.waitUntil(lambda p=after: _in_view(p, area), timeout=3000)
    finally:
        tour.stop()
    assert checked >= 12
    # Seen whole, not only begun: charts and lists are never taller than the view
    # (gui/widgets/view_height.py), and each step's part leaves out what may go above
    # the fold (a legend, a card's heading).
    assert cut == [], f"steps whose part is cut at the bottom: {cut}"


def test_a_part_that_moves_as_its_panel_settles_is_brought_back_into_view(qtbot, lecture):
    """A panel opened for the first time (or an answer that just arrived) lays itself out
    over several turns: the part the step is about can move after the first scroll. The
    tour scrolls again once the layout has settled, and only while the step is on."""
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    window, tour = _tour_without_demos(qtbot, lecture)
    index = next(i for i, s in enumerate(tour.steps) if s.shows == "loss curve")
    area = window.page_scroller
    panel = window.show_panel("windows")
    parts, above, moved = panel.tour_part("loss curve"), panel.strip, []

    def grow() -> None:
        # Something above the chart grows just after the step's first scroll (the same
        # turn, so however slow the machine, before the settling scrolls are due).
        above.setMinimumHeight(above.height() + 2 * area.height())
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        moved.append(not _in_view(parts, area))

    try:
        tour.start(index)  # its first scroll is queued for the next turn; `grow` after it
        QTimer.singleShot(0, grow)
        qtbot.waitUntil(lambda: bool(moved), timeout=3000)
        assert moved == [True]  # pushed below the fold by the late layout
        qtbot.waitUntil(lambda: _in_view(parts, area), timeout=3000)
    finally:
        tour.stop()
        above.setMinimumHeight(0)


def test_the_readme_counts_the_tours_steps():
    from pathlib import Path

    from gui.lecture.tour_script import STEPS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"the whole story in {len(STEPS)} steps" in readme


def test_auto_play_holds_each_step_until_its_result_has_been_read(qtbot, lecture, engine_controller,
                                                                  monkeypatch):
    """Auto-play leaves a step only after its demonstration finished and its result was on
    screen for the reading time; at the end it stops with the result shown, and Done
    closes the tour. Training here (2 s) outlasts the reading time (0.4 s), so a tour
    that advanced on a clock alone would leave that step before its result."""
    import time

    import gui.lecture.tour_actions
    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import STEPS

    monkeypatch.setattr(gui.lecture.tour_actions, "TRAIN_SECONDS", 2)
    wanted = ("split_headache", "cat_windows", "train_20s", "sea_neighbours")
    steps = tuple(next(s for s in STEPS if s.action == a) for a in wanted)
    tour = Tour(lecture.window, engine_controller, steps)
    tour.seconds_per_step = 0.4
    shown: dict[int, float] = {}
    results: dict[int, str] = {}
    left: dict[int, float] = {}

    def done(index: int) -> None:
        shown[index] = time.monotonic()
        results[index] = tour.status

    tour.stepDone.connect(done)
    tour.stepChanged.connect(lambda index: left.setdefault(index - 1, time.monotonic()))
    tour.start(0)
    with qtbot.waitSignal(tour.autoplayChanged, timeout=90_000,
                          check_params_cb=lambda on: not on):
        tour.set_autoplay(True)
    assert tour.active and tour.index == len(steps) - 1  # stopped at the end, not closed
    for index in range(len(steps) - 1):
        assert index in shown, f"step {index + 1} was left before its result"
        assert left[index] - shown[index] >= 0.4 - 0.05, f"step {index + 1}'s result was not read"
    assert set(shown) == set(range(len(steps)))
    # The shipped tokenizer's own pieces, whatever they are (on the books: head + ac + he)
    tok = engine_controller.backend.server.session.ensure_tokenizer()
    pieces = " + ".join(f"“{p.strip()}”" for p in tok.token_strings(tok.encode(" headache")))
    assert pieces in results[0]
    # 10 words make 7 windows of 4; only 6 have a next word to guess (the last ends the text)
    assert "makes 7 windows of 4 words: in 6 of them" in results[1]
    assert "Paused after 2 s" in results[2]  # training ran for its time, then paused
    assert "Nearest to “sea”" in results[3]
    card = lecture.tour_card
    card.tour = tour  # the lecture card shows the presenter's tour; here, ours
    card.show_step(tour.index)
    assert card.next_button.text() == "Done ✓"
    assert card.reset_button.text() == "↺ Reset the demo" and card.reset_button.property("primary")
    with qtbot.waitSignal(tour.ended, timeout=3000):
        tour.next()  # Done: the tour closes cleanly, the last result stays on the panel
    assert not tour.active


def test_a_missing_demonstration_says_so_and_still_shows_its_panel(qtbot, main_window, engine_controller):
    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import TourStep

    steps = (TourStep("tokens", "Somewhere", "One. Two.", "no_such_demo"),
             TourStep("windows", "Elsewhere", "One. Two.", "train_20s"))
    tour = Tour(main_window, engine_controller, steps)
    tour.start(0)
    assert main_window.current_key() == "tokens"
    assert "not in this version" in tour.status
    tour.stop()


def test_each_demonstration_calls_only_public_methods_its_panel_has():
    """The tour drives a panel through its public methods (no reaching into its widgets):
    every `run.panel.name(...)` a step's demonstration calls is a method of that step's
    panel class, and none starts with an underscore."""
    import inspect

    import gui.lecture.tour_actions as actions
    from gui.lecture.tour import ACTIONS
    from gui.lecture.tour_script import STEPS
    from gui.panels.alignment.chat_panel import ChatPanel
    from gui.panels.finetuning.finetune_panel import FinetunePanel
    from gui.panels.pretraining.data_panel import DataPanel
    from gui.panels.pretraining.embeddings_panel import EmbeddingsPanel
    from gui.panels.pretraining.tokens_panel import TokensPanel
    from gui.panels.pretraining.windows_panel import WindowsPanel

    classes = {"data": DataPanel, "tokens": TokensPanel, "windows": WindowsPanel,
               "embeddings": EmbeddingsPanel, "finetune": FinetunePanel, "chat": ChatPanel}
    assert set(classes) == {p.key for p in PANELS}
    assert "getattr(run.panel" not in inspect.getsource(actions)

    def source(fn) -> str:
        text = inspect.getsource(fn)
        if fn.__name__ == "<lambda>":  # lambda run: _ask_both(run, after=True)
            text += "".join(inspect.getsource(getattr(actions, name))
                            for name in re.findall(r"\b(_[a-z_0-9]+)\(run", text))
        return text

    calls = 0
    for step in STEPS:
        if not step.action:
            continue
        for name in re.findall(r"run\.panel\.(\w+)\(", source(ACTIONS[step.action].run)):
            calls += 1
            assert not name.startswith("_"), f"{step.action} calls a private {name}"
            assert callable(getattr(classes[step.panel], name, None)), \
                f"{step.action} calls {name}(), which {classes[step.panel].__name__} lacks"
    assert calls >= 10


def test_the_first_tour_steps_do_the_real_thing(qtbot, lecture, engine_controller, monkeypatch):
    import gui.lecture.tour_actions
    from engine.corpus.mix import Mix
    from gui.lecture.shipped import shipped_mix
    from gui.lecture.tour_script import STEPS

    c = engine_controller
    tour = lecture.tour
    forum = Mix.only("forum")
    assert shipped_mix() != forum
    with qtbot.waitSignal(c.pretraining.dataSummaryChanged, timeout=30_000,
                          check_params_cb=lambda summary: summary.mix == forum):
        c.pretraining.set_mix(forum)  # something else first, so the step has work to do
    # 1: load the text the shipped model learned from (what the later steps stand on)
    with qtbot.waitSignal(c.pretraining.dataSummaryChanged, timeout=30_000,
                          check_params_cb=lambda summary: summary.mix == shipped_mix()) as loaded:
        tour.start(0)
    assert c.pretraining.data_summary.mix == shipped_mix()
    qtbot.waitUntil(lambda: "documents" in tour.status, timeout=5000)
    assert f"{loaded.args[0].documents:,}" in tour.status
    # 2: the cleaning step selects the filter that dropped the largest share of its texts
    # (counts in other units, characters or lines, are not compared: tests/test_cleaning_units.py)
    tour.next()
    reports = c.pretraining.data_summary.reports
    shares = {i: r.removed / r.documents_in for i, r in enumerate(reports)
              if r.unit in ("paragraphs", "documents")}
    assert lecture.window.panels["data"].steps.currentRow() == max(shares, key=shares.get)
    # 3: "headache" on the Tokens panel, in the model's own pieces
    tour.next()
    assert lecture.window.panels["tokens"].text() == "A headache and a stomachache"
    assert "“head” + “" in tour.status  # the model's own pieces, whatever they are
    # 4: the article's sentence in windows of four
    tour.next()
    assert lecture.window.panels["windows"].word_mode
    # 5: training for real (3 s here instead of 20)
    monkeypatch.setattr(gui.lecture.tour_actions, "TRAIN_SECONDS", 3)
    seen = c.status.tokens_seen
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=15_000,
                          check_params_cb=lambda s: s == "paused"):
        tour.next()
    assert STEPS[tour.index].action == "train_20s"
    assert 0 < c.status.tokens_seen < seen  # a new model, from random numbers
    assert c.pretraining.loss_history.train_loss[0] > 0.6 * math.log(c.model_tokenizer.vocab_size)  # guessing
    qtbot.waitUntil(lambda: "Paused" in tour.status, timeout=5000)
    # what it says it read is what the status bar counts for the new model, the last step too
    qtbot.waitUntil(lambda: f"read {c.status.tokens_seen:,} tokens" in tour.status, timeout=5000)
    # 6: back to the shipped model, then "sea" and its measured neighbours
    with qtbot.waitSignal(c.pretraining.neighboursReady, timeout=30_000,
                          check_params_cb=lambda word, found, message: word == "sea" and bool(found)):
        tour.next()
    assert c.status.tokens_seen == seen
    # The status lists the shipped model's measured nearest words of "sea", whatever they are.
    first = c.backend.server.session.pretraining.neighbours("sea", 1)[0].token.strip()
    qtbot.waitUntil(lambda: "Nearest to “sea”" in tour.status and first in tour.status,
                    timeout=5000)


def test_reset_demo_brings_back_the_shipped_model_within_2_s(qtbot, engine_controller):
    from engine import paths
    from engine.checkpoint import load_checkpoint
    from engine.corpus.mix import Mix

    c = engine_controller
    shipped = load_checkpoint(paths.stage_checkpoint("base"))
    shipped_mix = Mix(shipped.meta["mix"])  # reset brings back the model with its own data
    other = Mix({"encyclopedia": 1.0, "stories": 0.5})
    assert other != shipped_mix
    with qtbot.waitSignal(c.pretraining.dataSummaryChanged, timeout=30_000):
        c.pretraining.set_mix(other)
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s in ("stopped", "paused")):
        c.pretraining.start_training(from_scratch=True, max_steps=3)
    assert c.status.tokens_seen != shipped.meta["tokens_seen"]
    assert c.pretraining.loss_history.tokens
    with qtbot.waitSignal(c.demoReset, timeout=2000):  # the budget: under 2 s
        c.reset_demo()
    assert (c.status.stage, c.status.tokens_seen) == (shipped.stage, shipped.meta["tokens_seen"])
    assert not c.pretraining.loss_history.tokens and c.pretraining.latest_snapshot is None
    qtbot.waitUntil(lambda: c.pretraining.data_summary.mix == shipped_mix, timeout=30_000)
    assert c.model_tokenizer.to_dict() == shipped.tokenizer.to_dict()


def test_the_tour_reads_the_shipped_models_own_mix(monkeypatch, tmp_path):
    """The tour's first step loads the mix saved with the shipped model (what "Reset the
    demo" brings back), read from the checkpoint's description; another checkpoint chosen
    for the engine ($THREE_PILLARS_CHECKPOINT) is followed."""
    import json
    import shutil

    from engine import paths
    from engine.checkpoint import load_checkpoint
    from engine.corpus.mix import Mix
    from gui.lecture.shipped import shipped_mix
    from workers.server.context import CHECKPOINT_ENV

    monkeypatch.delenv(CHECKPOINT_ENV, raising=False)
    assert shipped_mix() == Mix(load_checkpoint(paths.stage_checkpoint("base")).meta["mix"])
    other = tmp_path / "other"
    shutil.copytree(paths.stage_checkpoint("base"), other)
    doc = json.loads((other / "checkpoint.json").read_text(encoding="utf-8"))
    doc["meta"]["mix"] = {"plays": 1.0}
    (other / "checkpoint.json").write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv(CHECKPOINT_ENV, str(other))
    assert shipped_mix() == Mix.only("plays")


def test_reset_leaves_no_stale_caption(qtbot, lecture, engine_controller):
    """After "Reset the demo" no panel shows numbers or answers of the models that are gone:
    the training caption, the two answers, the measurements and the three-stage strip."""
    c, window = engine_controller, lecture.window
    windows = window.show_panel("windows")
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s in ("stopped", "paused")):
        c.pretraining.start_training(from_scratch=True, max_steps=3)
    qtbot.waitUntil(lambda: "step" in windows.train_box.train_stats.text(), timeout=5000)
    finetune = window.show_panel("finetune")
    with qtbot.waitSignal(finetune.comparisonShown, timeout=30_000):
        finetune.ask("Where does the owl sleep at night?")
    answers = {stage: card.text.text() for stage, card in finetune.cards.items()}
    chat = window.show_panel("chat")
    with qtbot.waitSignal(c.alignment.stageStripReady, timeout=60_000):
        chat.compare_stages("Where does the owl sleep at night?")
    assert any(col.sample.text() for col in chat.columns.values())

    with qtbot.waitSignal(c.demoReset, timeout=5000):
        lecture.reset_demo()
    qtbot.wait(300)  # a few redraw ticks
    caption = windows.train_box.train_stats.text()
    # No numbers of the run that is gone (how the shipped model was built may be shown).
    assert "step" not in caption or caption.startswith("<b>How the shipped model was trained")
    assert finetune.progress.text() == ""
    for stage, card in finetune.cards.items():
        assert card.text.text() != answers[stage] and "Ask both" in card.text.text()
    assert finetune.comparison is None and finetune.rates is None
    assert not any(col.sample.text() for col in chat.columns.values())


def test_after_pause_the_sidebar_no_longer_says_training(qtbot, lecture, engine_controller):
    c, window = engine_controller, lecture.window
    indicator = window.job_indicator
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=60_000,
                          check_params_cb=lambda s: s == "running"):
        c.pretraining.start_training()
    qtbot.waitUntil(lambda: "training" in indicator.jobs, timeout=10_000)
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=30_000,
                          check_params_cb=lambda s: s == "paused"):
        c.pretraining.pause_training()
    qtbot.wait(200)
    assert "training" not in indicator.jobs
    assert "Training" not in indicator.label.text() or not indicator.isVisible()
    busy = window.status_bar.busy_label
    assert "Training" not in busy.text() or not busy.isVisible()


def test_dark_colours_reach_existing_panels_and_plots(qtbot, lecture, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    import gui.lecture.appearance as appearance_module

    window = lecture.window
    plot = window.show_panel("windows").loss_plot
    light_bg = plot.backgroundBrush().color().name()
    # The operating system switches to dark: the app follows (theme choice "system").
    lecture.set_theme_choice("system")
    monkeypatch.setattr(appearance_module, "system_scheme", lambda: "dark")
    with qtbot.waitSignal(lecture.appearance.schemeChanged, timeout=3000):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    dark = theme.SCHEMES["dark"]
    assert theme.scheme() == "dark"
    assert QApplication.instance().palette().window().color().name().lower() == dark["BACKGROUND"].lower()
    assert plot.backgroundBrush().color().name().lower() == dark["BACKGROUND"].lower() != light_bg
    # The navigator is styled by the one application style sheet (gui/stylesheet.py): its
    # rule now carries the dark panel colour, and the navigator is painted with it.
    assert dark["PANEL_BACKGROUND"].lower() in QApplication.instance().styleSheet().lower()
    corner = window.navigator.grab().toImage().pixelColor(4, window.navigator.height() - 4)
    assert corner.name().lower() == dark["PANEL_BACKGROUND"].lower()
    lecture.set_theme_choice("light")
    assert plot.backgroundBrush().color().name().lower() == theme.SCHEMES["light"]["BACKGROUND"].lower()


def test_settings_round_trip(qtbot, themed, _settings_in_tmp):
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import apply_remembered_appearance
    from gui.settings import AppSettings

    settings = AppSettings()
    assert settings.q.format() == QSettings.Format.IniFormat
    assert settings.q.fileName().startswith(str(_settings_in_tmp))  # never the real home
    settings.set_scale(1.3)
    settings.set_last_panel("windows")
    settings.set_theme_choice("dark")
    settings.set_tour_step(4)
    settings.sync()
    again = AppSettings()
    assert again.scale() == pytest.approx(1.3)
    assert again.last_panel() == "windows"
    assert again.theme_choice() == "dark"
    assert again.tour_step() == 4
    appearance = apply_remembered_appearance(QApplication.instance(), again)
    assert theme.scale() == pytest.approx(1.3) and theme.scheme() == "dark"
    assert appearance is Appearance.instance()


def test_closing_the_window_remembers_scale_and_panel(qtbot, lecture):
    from gui.settings import AppSettings

    lecture.window.show_panel("tokens")
    lecture.appearance.bigger()
    lecture.window.close()
    remembered = AppSettings()
    assert remembered.last_panel() == "tokens"
    assert remembered.scale() == pytest.approx(lecture.appearance.scale)
    assert remembered.geometry() is not None


def test_export_this_view_writes_png_and_svg(qtbot, lecture, tmp_path):
    lecture.window.show_panel("windows")
    panel = lecture.window.current_panel()
    with qtbot.waitSignal(lecture.exported, timeout=5000):
        png = lecture.export_view(tmp_path / "windows.png")
    image = QImage(str(png))
    assert not image.isNull() and (image.width(), image.height()) == (
        round(panel.width() * panel.devicePixelRatioF()), round(panel.height() * panel.devicePixelRatioF()))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a real picture, not a flat fill
    svg = lecture.export_view(tmp_path / "windows.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert sum(1 for _ in root.iter()) > 50  # shapes and text, not an empty drawing
    text = svg.read_text(encoding="utf-8")
    assert "Windows" in text  # the panel's words are text in the drawing
    with pytest.raises(ValueError):
        lecture.export_view(tmp_path / "windows.bmp")


@pytest.mark.parametrize("part", ["stages", "word pieces"])
def test_the_steps_part_stays_in_view_when_the_caption_grows(qtbot, lecture, part):
    """A longer status line makes the caption taller and the page shorter: at the tour's
    end, the last step's answers ("stages") were left with their last line under the
    caption (seen at 1.75x in a real window). The Chat step has charts as tall as the view
    above its part, the Tokens step nothing of the kind."""
    window, tour = _tour_without_demos(qtbot, lecture)
    index = next(i for i, s in enumerate(tour.steps) if s.shows == part)
    area = window.page_scroller
    try:
        tour.start(index)
        parts = window.current_panel().tour_part(part)
        qtbot.waitUntil(lambda: _in_view(parts, area, whole=True), timeout=3000)
        qtbot.wait(1000)  # the settling scrolls are done: nothing else moves the page
        # The part's last line just above the fold, as a scroll from below leaves it.
        viewport, bar = area.viewport(), area.verticalScrollBar()
        bottom = max(w.mapTo(viewport, r.bottomLeft()).y() for w, r in
                     ((p, p.rect()) if not isinstance(p, tuple) else p for p in parts))
        bar.setValue(bar.value() + bottom - viewport.height() + 2)
        assert _in_view(parts, area, whole=True)
        card = lecture.tour_card
        before = card.height()
        tour.statusChanged.emit(" ".join(["A status line that goes on and on."] * 12))
        room = viewport.height()
        qtbot.waitUntil(lambda: card.height() > before, timeout=3000)
        # subtle: checked at once, the page had not yet given the caption its room, and the
        # part was still "in view" with or without the tour following the caption.
        qtbot.waitUntil(lambda: viewport.height() < room, timeout=3000)
        qtbot.waitUntil(lambda: _in_view(parts, area, whole=True), timeout=3000)
    finally:
        tour.stop()
