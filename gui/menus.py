"""The menu bar's menus, found by what they are, whatever language their titles are in.

Several modules add actions to the same menus (File: gui/session_actions.py and the
presenter's export; View and Tour: gui/lecture/presenter.py; Language:
gui/language_menu.py). Each asks `menu(window, "&File")` with the English title; the menu
is made once, with its title translated, and found again by its object name ("fileMenu"),
so a translated title never makes a second File menu. `add_action` keeps File > Quit last.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.i18n import translate

# The titles, for the translation files (each keeps its & mnemonic in the translation).
TITLES = (
    QT_TRANSLATE_NOOP("Menus", "&File"),
    QT_TRANSLATE_NOOP("Menus", "&View"),
    QT_TRANSLATE_NOOP("Menus", "&Tour"),
    QT_TRANSLATE_NOOP("Menus", "&Language"),
)


# Marks the separator above a menu's closing section (File > Quit, which stays last).
CLOSING_SECTION = "closingSection"


def object_name(title: str) -> str:
    """"&File" -> "fileMenu"."""
    return title.replace("&", "").strip().lower().replace(" ", "_") + "Menu"


def menu(window: QMainWindow, title: str) -> QMenu:
    """The menu bar's menu called `title` (English, with or without its & mnemonic),
    made and translated if it is missing."""
    name = object_name(title)
    for action in window.menuBar().actions():
        found = action.menu()
        if found is not None and found.objectName() == name:
            return found
    made = window.menuBar().addMenu(translate("Menus", title))
    made.setObjectName(name)
    return made


def add_action(menu: QMenu, action: QAction) -> None:
    """Add `action` to `menu`, above its closing section if it has one (File > Quit stays
    the last item, whichever module adds its items later)."""
    closing = next((a for a in menu.actions() if a.property(CLOSING_SECTION)), None)
    menu.insertAction(closing, action)  # None: at the end


def add_closing_action(menu: QMenu, action: QAction) -> None:
    """Put `action` last in `menu`, under a separator, where `add_action` leaves it."""
    separator = menu.addSeparator()
    separator.setProperty(CLOSING_SECTION, True)
    menu.addAction(action)
