"""The Language menu: follow the system, or one of the languages the app is translated to.

The choice is remembered (gui/settings.py). The panels translate their texts when they
are made, so a new language shows from the next start: the menu says so, in the language
on screen and in the one chosen, and offers to restart now (the same command line,
without a --language that would override the choice).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QProcess, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from gui import i18n
from gui.menus import menu

log = logging.getLogger("three_pillars")


def without_language_option(argv: list[str]) -> list[str]:
    """The command-line arguments minus --language CODE / --language=CODE."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--language":
            skip = True
        elif not arg.startswith("--language="):
            kept.append(arg)
    return kept


def relaunch_command(argv: list[str]) -> tuple[str, list[str]]:
    """(program, arguments) that start this app again with the arguments `argv`."""
    if getattr(sys, "frozen", False):  # the bundle: the executable is the app
        return sys.executable, list(argv)
    return sys.executable, [sys.argv[0], *argv]


def _in_language(language: str, context: str, source: str) -> str:
    """`source` in `language` (loaded just for this), or "" if it has no translation."""
    for qm in sorted((i18n.HERE / language).glob("*.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            text = translator.translate(context, source)
            if text:
                return text
    return ""


class LanguageMenu(QObject):
    """The menu's actions and what happens when one is chosen.

    `choice` is what the person chose ("system" or a code), `in_use` the language the
    window is in now. `settings` None (screenshots, --forget-settings) remembers nothing.
    """

    def __init__(self, window: QMainWindow, settings, choice: str, in_use: str,
                 argv: list[str] | None = None):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.choice, self.in_use = choice, in_use
        self.argv = without_language_option(list(argv or []))
        self.menu = menu(window, "&Language")
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        system_name = i18n.native_name(i18n.resolve_language(i18n.SYSTEM))
        entries = [(i18n.SYSTEM, self.tr("Follow the system ({language})").format(language=system_name))]
        entries += sorted(((code, name) for code, name in i18n.available_languages().items()),
                          key=lambda entry: entry[1].casefold())
        for code, text in entries:
            action = QAction(text, window)
            action.setCheckable(True)
            action.setChecked(code == choice)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            if code == i18n.SYSTEM:
                self.menu.addSeparator()
            self.actions[code] = action
        self.restart_pending = False  # a language was chosen that shows after a restart

    def choose(self, code: str, ask: bool = True) -> None:
        """Remember `code`; if the window would change language, say when (and offer to
        restart when `ask`)."""
        self.choice = code
        if code in self.actions and not self.actions[code].isChecked():
            self.actions[code].setChecked(True)
        if self.settings is not None:
            self.settings.set_language_choice(code)
            self.settings.sync()
        target = i18n.resolve_language(code)
        self.restart_pending = target != self.in_use
        if self.restart_pending and ask:
            self._offer_restart(target)

    def message(self, target: str) -> str:
        """What the person reads after choosing `target`: in the language on screen, and
        again in the chosen one."""
        name = i18n.native_name(target)
        source = "The interface will be in {language} from the next start of the app."
        text = self.tr("The interface will be in {language} from the next start of the app.")
        lines = [text.format(language=name)]
        if target != i18n.SOURCE_LANGUAGE:
            other = _in_language(target, "LanguageMenu", source)
            if other and other != text:
                lines.append(other.format(language=name))
        elif self.in_use != i18n.SOURCE_LANGUAGE:
            lines.append(source.format(language=name))
        return "\n".join(lines)

    def _offer_restart(self, target: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), self.message(target),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr(
            "Restarting now starts the app again from the shipped models: save the session "
            "first (File > Save session…) to keep what was trained."))
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()

    def restart(self) -> bool:
        """Start the app again (same arguments, new language) and close this one."""
        program, arguments = relaunch_command(self.argv)
        if not QProcess.startDetached(program, arguments)[0]:
            log.warning("could not restart the app: %s %s", program, arguments)
            QMessageBox.warning(self.window, self.tr("Language"), self.tr(
                "The app could not start again by itself. Close it and start it again to "
                "see the new language."))
            return False
        self.window.close()
        QApplication.quit()
        return True


def install_language_menu(window: QMainWindow, settings, choice: str, in_use: str,
                          argv: list[str] | None = None) -> LanguageMenu:
    """Add the Language menu to `window` (kept alive as window.language_menu)."""
    window.language_menu = LanguageMenu(window, settings, choice, in_use, argv)
    return window.language_menu
