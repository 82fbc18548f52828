"""The interface in the audience's language: Qt translations (.ts sources, .qm built).

Every visible string goes through Qt's translation: `self.tr("...")` inside QObject
subclasses, `translate("Context", "...")` (the alias below) elsewhere; counts use Qt's
plural forms, `self.tr("%n click(s)", "", n)`, and English gets its singular and plural
from gui/i18n/en/ (plural strings only), as Qt recommends. Dynamic parts are filled in after
translation with `.format(...)`, so the source text keeps its `{name}` fields and a
translator can move them.

The sources live in gui/i18n/<language>/<area>.ts, one file per area of the GUI (see
AREAS), so people translating different areas never edit the same file.
`python scripts/update_translations.py` refreshes the .ts files from the code (keeping
what is translated) and builds the .qm files the app loads.

Two things lupdate and PySide do that are easy to miss:
- a count is seen as a plural only in `self.tr(text, "", n)` inside a class; lupdate
  files `translate(context, text, "", n)` without its plural forms (see
  gui/engine_messages.py `LossLabel` for a small class made for one counted string);
- PySide's `self.tr` looks the text up under the run-time class name, lupdate under
  the class that holds the call: in a subclass they differ. gui/i18n/fallback.py finds
  the translation by its source text when that happens.

`install(app, language)` runs once at start-up, before any window is built: the panels
translate their texts as they are made, so a language chosen later takes effect at the
next start (gui/language_menu.py says so and offers to restart).

The corpus and the model stay English: only the interface is translated.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("three_pillars")

HERE = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "en"
SYSTEM = "system"  # the choice "follow the system"

# area -> the GUI folders and files whose strings it holds (paths relative to the repo root)
AREAS: dict[str, tuple[str, ...]] = {
    "app": ("gui/app.py", "gui/main_window.py", "gui/navigator.py", "gui/status_bar.py",
            "gui/session_actions.py", "gui/shots.py", "gui/settings.py", "gui/menus.py",
            "gui/language_menu.py", "gui/engine_messages.py", "gui/startup.py", "gui/bridge",
            "gui/widgets"),
    "pretraining": ("gui/panels/__init__.py", "gui/panels/redraw.py", "gui/panels/pretraining"),
    "finetuning": ("gui/panels/finetuning",),
    "alignment": ("gui/panels/alignment",),
    "lecture": ("gui/lecture",),
}

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def language_folders() -> list[Path]:
    """gui/i18n/<code>/ for every language with built translations (.qm files)."""
    return [folder for folder in sorted(HERE.iterdir())
            if folder.is_dir() and not folder.name.startswith("_") and any(folder.glob("*.qm"))]


def native_name(code: str) -> str:
    """The language's name in itself: "Deutsch", "English", "Español"."""
    if code == SOURCE_LANGUAGE:
        return "English"  # Qt says "American English": the interface is plain English
    name = QLocale(code).nativeLanguageName()
    return (name[:1].upper() + name[1:]) if name else code


def available_languages() -> dict[str, str]:
    """code -> the language's own name, for every language with built translations."""
    found = {SOURCE_LANGUAGE: native_name(SOURCE_LANGUAGE)}
    for folder in language_folders():
        found[folder.name] = native_name(folder.name)
    return found


def resolve_language(choice: str | None) -> str:
    """The language to use: `choice` if it is available, else the system's if available,
    else English. choice None or "system" means follow the system."""
    langs = available_languages()
    if choice and choice != SYSTEM:
        return choice if choice in langs else SOURCE_LANGUAGE
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in langs:
            return code
    return SOURCE_LANGUAGE


_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE
_installed_app: QCoreApplication | None = None


def current_language() -> str:
    """The language `install` put in place ("en" before it ran)."""
    return _language


def installed_for(app: QCoreApplication) -> bool:
    """True once `install` ran for `app` (tests install English when it did not)."""
    return _installed_app is app


def _qt_own_translation(language: str) -> Path | None:
    """Qt's translation of its own dialogs and buttons (Cancel, Open, ...), if shipped."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qm = folder / f"qtbase_{language}.qm"
    return qm if qm.is_file() else None


def install(app: QCoreApplication, language: str) -> str:
    """Load every area's translation of `language` into `app` (replacing any loaded
    before) and make it the default locale, so numbers follow it too. Returns the
    language in use ("en" if it has no translations)."""
    global _language, _installed_app
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    files = sorted((HERE / language).glob("*.qm"))  # for English: its plural forms only
    if files and language != SOURCE_LANGUAGE:
        from gui.i18n.fallback import AnyContextTranslator  # only a translated interface needs it

        fallback = AnyContextTranslator(HERE / language, app)  # asked last: installed first
        if not fallback.isEmpty():
            app.installTranslator(fallback)
            _installed.append(fallback)
    if files:
        qt_own = _qt_own_translation(language) if language != SOURCE_LANGUAGE else None
        for qm in ([qt_own] if qt_own else []) + files:
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed.append(translator)
            elif qm.stat().st_size > 16:  # an area with nothing translated yet builds an empty file
                log.warning("could not load the translation %s", qm)
    if not any(t.filePath() and Path(t.filePath()).parent == HERE / language for t in _installed):
        language = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(language))
    _language, _installed_app = language, app
    log.info("interface language %s (%d translation files)", language, len(_installed))
    return language


def bundle_data() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for PyInstaller: every built .qm (and its .ts,
    which gui/i18n/fallback.py reads), at the same place relative to this package, plus
    Qt's own translation of each language."""
    package = HERE.relative_to(HERE.parent.parent).as_posix()  # "gui/i18n"
    data = []
    for folder in language_folders():
        data += [(str(f), f"{package}/{folder.name}") for f in sorted(folder.glob("*.[qt][ms]"))]
        qt_own = _qt_own_translation(folder.name)
        if qt_own is not None:
            data.append((str(qt_own), "PySide6/Qt/translations"))
    return data
