"""The interface in the audience's language: Qt translations (.ts sources, .qm built).

Every visible string goes through Qt's translation: `self.tr("...")` inside QObject
subclasses, `translate("Context", "...")` (the alias below) elsewhere; counts use Qt's
plural forms, `self.tr("%n clicks", "", n)`. Dynamic parts are filled in after
translation with `.format(...)`, so the source text keeps its `{name}` fields and a
translator can move them.

The sources live in gui/i18n/<language>/<area>.ts, one file per area of the GUI (see
AREAS), so people translating different areas never edit the same file.
`python scripts/update_translations.py` refreshes the .ts files from the code (keeping
what is translated) and builds the .qm files the app loads.

The corpus and the model stay English: only the interface is translated.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger("three_pillars")

HERE = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "en"

# area -> the GUI folders and files whose strings it holds (paths relative to the repo root)
AREAS: dict[str, tuple[str, ...]] = {
    "app": ("gui/app.py", "gui/main_window.py", "gui/navigator.py", "gui/status_bar.py",
            "gui/session_actions.py", "gui/shots.py", "gui/settings.py", "gui/bridge",
            "gui/widgets"),
    "pretraining": ("gui/panels/__init__.py", "gui/panels/redraw.py", "gui/panels/pretraining"),
    "finetuning": ("gui/panels/finetuning",),
    "alignment": ("gui/panels/alignment",),
    "lecture": ("gui/lecture",),
}

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def available_languages() -> dict[str, str]:
    """code -> the language's own name, for every language with built translations."""
    found = {SOURCE_LANGUAGE: QLocale(SOURCE_LANGUAGE).nativeLanguageName().capitalize()}
    for folder in sorted(HERE.iterdir()):
        if folder.is_dir() and any(folder.glob("*.qm")):
            found[folder.name] = QLocale(folder.name).nativeLanguageName().capitalize()
    return found


def resolve_language(choice: str | None) -> str:
    """The language to use: `choice` if it is available, else the system's if available,
    else English. choice None or "system" means follow the system."""
    langs = available_languages()
    if choice and choice != "system":
        return choice if choice in langs else SOURCE_LANGUAGE
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in langs:
            return code
    return SOURCE_LANGUAGE


_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> str:
    """Load every area's translation of `language` into `app` (replacing any loaded
    before) and make it the default locale, so numbers follow it too. Returns the
    language in use ("en" if it has no translations)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != SOURCE_LANGUAGE:
        for qm in sorted((HERE / language).glob("*.qm")):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("could not load the translation %s", qm)
        if not _installed:
            language = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(language))
    return language
