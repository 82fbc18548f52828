"""Lecture-hall controls for the main window: full screen, bigger type, a clicker, the tour.

`Presenter` is attached to a `MainWindow` after it is built (gui/app.py does it) and
adds, without the window owning any of it:

- View menu: full screen (F11; Esc leaves it), bigger / smaller / normal text
  (Ctrl+= or Ctrl++, Ctrl+-, Ctrl+0), colours (follow the system, light, dark), blank
  the screen (".", or "B" as PowerPoint has it; any key or click brings it back);
- Tour menu: start the guided tour (F5), continue where it was left (Shift+F5), next /
  previous step (PageDown / PageUp, or → / ←: what presentation clickers send),
  auto-play, reset the demo (Ctrl+Shift+R);
- File menu: "Export this view…" (Ctrl+E) saves the current panel as PNG or SVG;
- the settings kept between runs (gui/settings.py): window geometry, text scale,
  colours, last step, tour position.

Next and previous move the tour when it runs, else the navigator to the next panel. The
arrow keys and "." stay with text fields, sliders, spin boxes and lists that use them.

Signals:
    blankChanged(bool)        the screen was blanked (True) or brought back
    fullScreenChanged(bool)   full screen on or off
    exported(str)             a picture of the view was saved there
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from gui import file_dialogs
from gui.i18n import translate
from gui.lecture.appearance import Appearance
from gui.lecture.blank_screen import BlankScreen
from gui.lecture.presenter_screen import PresenterScreen
from gui.lecture.tour import Tour
from gui.lecture.tour_card import add_tour_dock
from gui.menus import add_action, menu
from gui.widgets.picture_export import save_widget_picture
from gui.window_placement import centre_on_screen, clamp_to_screen, place_once_framed

log = logging.getLogger("three_pillars")

EXPORT_FILTERS = QT_TRANSLATE_NOOP(
    "Presenter", "Picture (*.png);;Drawing that stays sharp at any size (*.svg)")


def _wants_arrows(widget: QWidget | None, navigator) -> bool:
    """True when the focused widget uses ← → itself (typing, sliding, choosing)."""
    if widget is None or widget is navigator:
        return False
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox | QAbstractSlider
                  | QComboBox):
        return True
    return isinstance(widget, QAbstractItemView)


def _types_text(widget: QWidget | None) -> bool:
    """True when a "." typed now would go into text."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not getattr(widget, "isReadOnly", lambda: False)()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


def find_or_add_menu(window: QMainWindow, title: str) -> QMenu:
    """The menu bar's menu called `title` (with or without its & mnemonic), made if missing."""
    return menu(window, title)  # found by object name: a translated title is the same menu


def apply_remembered_appearance(app, settings=None, scale: float | None = None,
                                theme: str | None = None, contrast: str | None = None) -> Appearance:
    """Set the text scale and colours before the window is built (then nothing is redone).

    `scale`, `theme` and `contrast` (from the command line) win over what `settings` remembers.
    """
    appearance = Appearance.instance(app)
    appearance.set_contrast_choice(
        contrast or (settings.contrast_choice() if settings is not None else "system"))
    choice = theme or (settings.theme_choice() if settings is not None else "system")
    appearance.set_theme_choice(choice)
    wanted = scale if scale is not None else (settings.scale() if settings is not None else 1.0)
    appearance.set_scale(wanted)
    return appearance


class Presenter(PresenterScreen, QObject):
    """Lecture controls attached to one MainWindow; see the module docstring."""

    blankChanged = Signal(bool)
    fullScreenChanged = Signal(bool)
    exported = Signal(str)

    def __init__(self, window, controller, settings=None, appearance: Appearance | None = None):
        super().__init__(window)
        self.window, self.controller, self.settings = window, controller, settings
        self.appearance = appearance or Appearance.instance()
        self.tour = Tour(window, controller, settings=settings, parent=self)
        self.tour_dock, self.tour_card = add_tour_dock(window, self.tour)
        self.tour_card.resetRequested.connect(self.reset_demo)
        self.blank = BlankScreen(window, self.unblank)
        self._was_maximized = False
        self._reset_started: float | None = None
        self._build_actions()
        self._build_menus()
        window.navigator.stepSelected.connect(self._remember_panel)
        self.appearance.scaleChanged.connect(self._on_scale)
        self.appearance.schemeChanged.connect(self._sync_theme_actions)
        window.installEventFilter(self)
        self._sync_escape()
        self._on_scale(self.appearance.scale)

    # -- actions and menus ------------------------------------------------------------
    def _action(self, text: str, shortcuts, slot, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work with the menu bar hidden too
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.full_screen_action = a(self.tr("Full screen (presenter mode)"), ["F11"],
                                    self.toggle_full_screen,
                                    self.tr("Fill the screen with the app; Esc or F11 brings the "
                                            "window back"),
                                    checkable=True)
        self.leave_full_screen_action = a(self.tr("Leave full screen"), ["Esc"], self._escape)
        self.bigger_action = a(self.tr("Bigger text"), ["Ctrl+=", "Ctrl++"], self.appearance.bigger,
                               self.tr("Make all text and plots larger (for the back of the room)"))
        self.smaller_action = a(self.tr("Smaller text"), ["Ctrl+-"], self.appearance.smaller)
        self.normal_size_action = a(self.tr("Normal text size"), ["Ctrl+0"], self.appearance.reset_scale)
        K = Qt.Key
        self.blank_action = a(self.tr("Blank the screen"), ["."],
                              lambda: self._key_action(K.Key_Period, self.blank_screen),
                              self.tr("Black out the screen; any key or click brings it back"))
        self.next_action = a(self.tr("Next step"), ["PgDown"],
                             lambda: self._key_action(K.Key_PageDown, self.next_step),
                             self.tr("The tour's next step, or the next panel (PageDown, →, a "
                                     "clicker)"))
        self.previous_action = a(self.tr("Previous step"), ["PgUp"],
                                 lambda: self._key_action(K.Key_PageUp, self.previous_step))
        # The same, on the keys clickers also send; not in the menus (one entry each is enough).
        a(self.tr("Blank the screen (B)"), ["B"], lambda: self._key_action(K.Key_B, self.blank_screen))
        a(self.tr("Next step (→)"), ["Right"], lambda: self._key_action(K.Key_Right, self.next_step))
        a(self.tr("Previous step (←)"), ["Left"],
          lambda: self._key_action(K.Key_Left, self.previous_step))
        self.start_tour_action = a(self.tr("Start the guided tour"), ["F5"], lambda: self.tour.start(0),
                                   self.tr("The whole story, step by step, from the beginning"))
        self.resume_tour_action = a(self.tr("Continue the tour where it was left"), ["Shift+F5"],
                                    self.tour.resume)
        self.autoplay_action = a(self.tr("Auto-play the tour"), [], self.tour.set_autoplay,
                                 checkable=True)
        self.tour.autoplayChanged.connect(self.autoplay_action.setChecked)
        self.end_tour_action = a(self.tr("End the tour"), [], self.tour.stop)
        self.reset_action = a(self.tr("Reset the demo"), ["Ctrl+Shift+R"], self.reset_demo,
                              self.tr("Back to the shipped models and the default data, in a moment"))
        self.export_action = a(self.tr("Export this view…"), ["Ctrl+E"], self.ask_export,
                               self.tr("Save the panel on screen as a picture (PNG) or a drawing (SVG)"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for choice, text in (("system", self.tr("Colours: follow the system")),
                             ("light", self.tr("Colours: always light")),
                             ("dark", self.tr("Colours: always dark"))):
            action = a(text, [], lambda _=False, c=choice: self.set_theme_choice(c), checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[choice] = action
        self.contrast_action = a(self.tr("High contrast"), ["Ctrl+Shift+H"], self.set_high_contrast,
                                 self.tr("Black on white (or white on black), the charts' colours in "
                                         "stronger shades; \"Colours: follow the system\" follows "
                                         "the system's contrast setting too"), checkable=True)
        self._sync_theme_actions()

    def _build_menus(self) -> None:
        file_menu = find_or_add_menu(self.window, "&File")
        add_action(file_menu, self.export_action)  # above File > Quit
        view = find_or_add_menu(self.window, "&View")
        for action in (self.full_screen_action, None, self.bigger_action, self.smaller_action,
                       self.normal_size_action, None, *self.theme_actions.values(),
                       self.contrast_action, None, self.blank_action):
            if action is None:
                view.addSeparator()
            else:
                view.addAction(action)
        tour = find_or_add_menu(self.window, "&Tour")
        for action in (self.start_tour_action, self.resume_tour_action, None, self.next_action,
                       self.previous_action, self.autoplay_action, self.end_tour_action, None,
                       self.reset_action):
            if action is None:
                tour.addSeparator()
            else:
                tour.addAction(action)

    # -- keys -------------------------------------------------------------------------
    def _key_action(self, key: Qt.Key, fn) -> None:
        """A clicker key: act, unless the focused widget uses the key (then it gets it)."""
        if self.blank.isVisible():
            self.unblank()
            return
        focus = QApplication.focusWidget()
        if key in (Qt.Key.Key_Period, Qt.Key.Key_B):
            forward = _types_text(focus)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            forward = _wants_arrows(focus, self.window.navigator)
        else:
            forward = False
        if forward and focus is not None:
            self._forward_key(focus, key)
            return
        fn()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        et = event.type()
        if et == QEvent.Type.WindowStateChange and obj is self.window:
            full = bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)
            if self.full_screen_action.isChecked() != full:
                self.full_screen_action.setChecked(full)
            self._sync_escape()
            self.fullScreenChanged.emit(full)
        elif et == QEvent.Type.Close and obj is self.window:
            self.save_settings()
        return False

    @staticmethod
    def _forward_key(widget: QWidget, key: Qt.Key) -> None:
        text = {Qt.Key.Key_Period: ".", Qt.Key.Key_B: "b"}.get(key, "")
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    # -- the story --------------------------------------------------------------------
    def next_step(self) -> None:
        """The tour's next step when it runs, else the next panel."""
        if self.tour.active:
            self.tour.next()
            return
        keys = self.window.navigator.keys()
        current = self.window.current_key()
        i = keys.index(current) if current in keys else -1
        if i + 1 < len(keys):
            self.window.show_panel(keys[i + 1])

    def previous_step(self) -> None:
        if self.tour.active:
            self.tour.back()
            return
        keys = self.window.navigator.keys()
        current = self.window.current_key()
        i = keys.index(current) if current in keys else len(keys)
        if i > 0:
            self.window.show_panel(keys[i - 1])

    def reset_demo(self) -> None:
        """Everything back to the shipped defaults; the tour goes back to its start."""
        was_active = self.tour.active
        self.tour.stop()
        self.controller.reset_demo()
        self.window.show_panel(self.window.navigator.keys()[0])
        if self.settings is not None:
            self.settings.set_tour_step(0)
        if was_active:
            self.tour.start(0)

    # -- appearance -------------------------------------------------------------------
    def set_theme_choice(self, choice: str) -> None:
        if choice == "system":  # following the system means its contrast setting too
            self.set_contrast_choice("system")
        self.appearance.set_theme_choice(choice)
        self._sync_theme_actions()
        if self.settings is not None:
            self.settings.set_theme_choice(choice)

    def set_high_contrast(self, on: bool) -> None:
        """High contrast on or off (View > High contrast, Ctrl+Shift+H)."""
        self.set_contrast_choice("high" if on else "normal")

    def set_contrast_choice(self, choice: str) -> None:
        self.appearance.set_contrast_choice(choice)
        self._sync_theme_actions()
        if self.settings is not None:
            self.settings.set_contrast_choice(choice)

    def _sync_theme_actions(self, *_args) -> None:
        action = self.theme_actions.get(self.appearance.theme_choice)
        if action is not None and not action.isChecked():
            action.setChecked(True)
        if self.contrast_action.isChecked() != self.appearance.high_contrast:
            self.contrast_action.setChecked(self.appearance.high_contrast)

    def _on_scale(self, scale: float) -> None:
        if self.settings is not None:
            self.settings.set_scale(scale)

    # -- export -----------------------------------------------------------------------
    def export_view(self, path: str | Path) -> Path:
        """Save the panel on screen as .png or .svg (the ending decides)."""
        panel = self.window.current_panel()
        if panel is None:
            raise ValueError(self.tr("There is no panel on screen to save."))
        key = self.window.current_key() or "view"
        title = (self.tr("Three Pillars: {panel}").format(
            panel=translate("Panels", self.window.specs[key].title))
                 if key in self.window.specs else "Three Pillars")
        saved = save_widget_picture(panel, path, title)
        self.exported.emit(str(saved))
        return saved

    def ask_export(self) -> None:
        key = self.window.current_key() or "view"
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export this view"), file_dialogs.start_path("pictures", f"three-pillars-{key}.png"),
            translate("Presenter", EXPORT_FILTERS))
        if not path:
            return
        file_dialogs.remember("pictures", path)
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        try:
            saved = self.export_view(path)
        except (OSError, ValueError) as exc:
            self.window.show_error(self.tr("Could not export the view"), str(exc))
            return
        # The short name in words that wrap, the full path on hover (never cut off).
        self.window.status_bar.show_notice(
            self.tr("Saved the picture “{name}”.").format(name=Path(saved).name), str(saved))

    # -- settings ---------------------------------------------------------------------
    def _remember_panel(self, key: str) -> None:
        if self.settings is not None:
            self.settings.set_last_panel(key)

    def restore_geometry(self) -> None:
        """Put the window where it was last time (call before show())."""
        geometry = self.settings.geometry() if self.settings is not None else None
        if geometry is not None:
            self.window.restoreGeometry(geometry)
            place_once_framed(self.window, lambda: clamp_to_screen(self.window))
        else:
            # Nothing remembered: the middle of the screen, frame included. Left to the
            # window manager, a 1280x720 window went to y=51 on a 768-pixel screen, its
            # status bar below the bottom edge.
            place_once_framed(self.window, lambda: centre_on_screen(self.window))

    def save_settings(self) -> None:
        if self.settings is None:
            return
        self.settings.set_geometry(self.window.saveGeometry())
        self.settings.set_scale(self.appearance.scale)
        self.settings.set_theme_choice(self.appearance.theme_choice)
        self.settings.set_contrast_choice(self.appearance.contrast_choice)
        key = self.window.current_key()
        if key:
            self.settings.set_last_panel(key)
        if self.tour.index >= 0:
            self.settings.set_tour_step(self.tour.index)
        self.settings.sync()

    def shutdown(self) -> None:
        self.tour.stop()
