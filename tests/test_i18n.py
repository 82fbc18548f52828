"""Translations (issue 18): the language option and menu, up-to-date .qm files, the bundle,
plural forms and numbers in the chosen language."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMainWindow

from gui import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def german(qapp):
    """German installed for one test, English again afterwards."""
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


def test_committed_translations_are_built_from_their_sources():
    # Every .qm rebuilt from its .ts into a temporary folder must be byte for byte the
    # committed one (`update_translations.py --check` also compares each .ts with the code).
    sys.path.insert(0, str(ROOT / "scripts"))
    import update_translations

    problems = [p for folder in sorted((ROOT / "gui" / "i18n").iterdir()) if folder.is_dir()
                and not folder.name.startswith("_")
                for area in i18n.AREAS for p in update_translations.check_built(folder.name, area)]
    assert problems == []


def test_language_option_accepts_known_codes_and_rejects_others(capsys):
    from gui.app import parse_args

    assert parse_args(["--language", "DE"]).language == "de"
    assert parse_args(["--language", "system"]).language == "system"
    assert parse_args([]).language is None
    with pytest.raises(SystemExit):
        parse_args(["--language", "xx"])
    assert "--language must be one of system, en, de" in capsys.readouterr().err


def test_resolving_a_choice():
    assert i18n.resolve_language("de") == "de"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("xx") == "en"  # not translated: the source language
    assert i18n.resolve_language("system") in i18n.available_languages()
    assert i18n.available_languages()["de"] == "Deutsch"


def test_install_loads_german_and_sets_the_locale(qapp, german):
    assert i18n.current_language() == "de"
    assert QLocale().language() == QLocale.Language.German
    assert QCoreApplication.translate("Menus", "&File") == "&Datei"
    # Qt's own buttons too (qtbase_de.qm)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    i18n.install(qapp, "en")
    assert QCoreApplication.translate("Menus", "&File") == "&File"
    assert QLocale().toString(1234.5, "f", 2) == "1,234.50"


def test_plural_forms_and_decimal_comma_in_german(qapp, german):
    from gui.status_bar import ModelStatusBar, human_count
    from gui.widgets.locale_axis import LocaleAxis

    bar = ModelStatusBar()
    assert bar.tr("{count} token(s)", "", 1).format(count=1) == "1 Token"
    assert bar.tr("{count} token(s)", "", 3).format(count=3) == "3 Tokens"
    assert QLocale().toString(2.41, "f", 2) == "2,41"
    assert human_count(1234567) == "1,23 Mio."
    assert human_count(4321) == "4.321"
    assert LocaleAxis("left").tickStrings([0.0, 2.5], 1.0, 0.5) == ["0,0", "2,5"]


def test_plural_forms_in_english(qapp):
    from gui.status_bar import ModelStatusBar

    i18n.install(qapp, "en")  # the app does this at start-up: English's plural forms
    bar = ModelStatusBar()
    assert bar.tr("{count} token(s)", "", 1).format(count=1) == "1 token"
    assert bar.tr("{count} token(s)", "", 3).format(count=3) == "3 tokens"
    assert bar.tr("Read: {count} token(s)", "", 0) == "Read: {count} tokens"


def test_every_english_plural_string_has_its_forms():
    # gui/i18n/en/<area>.ts holds the strings with a count (%n): each needs its English
    # singular and plural, else English shows "1 token(s)".
    for ts in sorted((ROOT / "gui" / "i18n" / "en").glob("*.ts")):
        text = ts.read_text(encoding="utf-8")
        assert 'type="unfinished"' not in text, (
            f"{ts.relative_to(ROOT)} has plural strings without their English forms: fill in "
            "<numerusform>singular</numerusform><numerusform>plural</numerusform>, then run "
            "scripts/update_translations.py")


def test_english_plurals_are_filled_into_their_own_message_only(tmp_path):
    # A finished counted message before an unfinished one: the filling once ran from the
    # first one's source into the second's translation and broke the file.
    sys.path.insert(0, str(ROOT / "scripts"))
    import update_translations

    done = ('<message numerus="yes">\n        <source>Judge: %n click(s)</source>\n'
            '        <translation>\n            <numerusform>Judge: %n click</numerusform>\n'
            '            <numerusform>Judge: %n clicks</numerusform>\n        </translation>\n'
            '    </message>\n')
    todo = ('<message numerus="yes">\n        <source>%n answer(s) read</source>\n'
            '        <translation type="unfinished"></translation>\n    </message>\n')
    ts = tmp_path / "area.ts"
    ts.write_text(f"<TS><context>{done}    {todo}</context></TS>", encoding="utf-8")
    update_translations.fill_english_plurals(ts)
    text = ts.read_text(encoding="utf-8")
    assert text.count("<source>") == 2 and text.count("</source>") == 2
    assert done in text  # the finished one untouched
    assert ("<numerusform>%n answer read</numerusform>" in text
            and "<numerusform>%n answers read</numerusform>" in text)
    assert 'type="unfinished"' not in text


def test_every_failure_title_the_engine_sends_is_translatable():
    import re

    import workers.protocol.commands as commands
    from gui.engine_messages import FAILURE_TITLES
    from workers.protocol.base import EngineCommand

    titles = {c.failure for c in vars(commands).values()
              if isinstance(c, type) and issubclass(c, EngineCommand)}
    for path in sorted((ROOT / "workers" / "server").glob("*.py")):
        titles |= set(re.findall(r'(?:\.error|Failed)\(\s*"([^"]+)"', path.read_text()))
    assert titles - set(FAILURE_TITLES) == set()


def test_engine_messages_in_german(qapp, german):
    from gui.engine_messages import engine_text, failure_title, loss_on, stage_word

    assert failure_title("Could not save the session") == "Die Sitzung konnte nicht gespeichert werden"
    assert failure_title("Something new") == "Something new"  # unknown: as the engine wrote it
    assert engine_text('Saving "a.pillars": 1.5 of 12.0 MB') == "Speichere „a.pillars“: 1,5 von 12,0 MB"
    assert engine_text("No such file: x") == "No such file: x"
    assert loss_on("held-out answers, after 1 judgement") == "zurückgehaltenen Antworten, nach 1 Urteil"
    assert loss_on("held-out answers, after 3 judgements") == "zurückgehaltenen Antworten, nach 3 Urteilen"
    assert stage_word("fine-tuned") == "feinabgestimmt"


def test_a_translation_is_found_from_a_subclass(qapp, german):
    # PySide's self.tr looks under the run-time class name; lupdate files the text under
    # the class that holds the call. gui/i18n/fallback.py bridges the two.
    from gui.widgets.banner import MessageBanner

    class SomePanelsBanner(MessageBanner):
        pass

    assert SomePanelsBanner().close_button.text() == "Schließen"


def test_a_text_no_translation_knows_stays_as_written(qapp, german):
    """The any-context fallback must not answer "" for a text it does not know: Qt would
    take it for the translation and show nothing (a blank button in German)."""
    assert QCoreApplication.translate("NoSuchContext", "headache") == "headache"
    assert QCoreApplication.translate("NoSuchContext", "%n clicks", "", 3) == "3 clicks"


def test_the_german_status_bar_is_not_cut_off_at_1280(qtbot, qapp, german):
    from PySide6.QtWidgets import QWidget

    from engine.session.core import ModelStatus
    from gui.status_bar import ModelStatusBar

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ModelStatusBar()
    window.setStatusBar(bar)
    window.setCentralWidget(QWidget())
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    for status in (ModelStatus("pre-trained", 1_060_000, 0.97, 921_600, "held-out text"),
                   ModelStatus("fine-tuned", 1_060_000, 8.48, 921_600, "held-out answers"),
                   ModelStatus("aligned", 1_060_000, 8.48, 921_600, "held-out answers, after 3 judgements")):
        bar.set_status(status)
        qtbot.wait(20)
        shown = [label for label in bar._labels if label.isVisible()]
        assert bar.stage_label in shown and bar.loss_label in shown
        for label in shown:
            assert label.width() >= label.sizeHint().width(), label.text()
            assert label.geometry().right() <= bar.width(), label.text()


def test_language_setting_is_remembered(tmp_path):
    from gui.settings import AppSettings

    settings = AppSettings()
    assert settings.language_choice() == "system"
    settings.set_language_choice("de")
    assert AppSettings().language_choice() == "de"
    settings.set_language_choice("../../etc")
    assert AppSettings().language_choice() == "system"  # nonsense falls back


def test_restart_drops_the_language_option():
    from gui.language_menu import relaunch_command, without_language_option

    assert without_language_option(["--panel", "chat", "--language", "de", "--scale", "2"]) == \
        ["--panel", "chat", "--scale", "2"]
    assert without_language_option(["--language=de", "--full-screen"]) == ["--full-screen"]
    program, arguments = relaunch_command(["--panel", "chat"])
    assert program == sys.executable and arguments[-2:] == ["--panel", "chat"]


def test_language_menu_remembers_the_choice_and_says_when_it_shows(qtbot, qapp, german):
    from gui.language_menu import install_language_menu
    from gui.menus import menu
    from gui.settings import AppSettings

    window = QMainWindow()
    qtbot.addWidget(window)
    menu(window, "&File")
    settings = AppSettings()
    languages = install_language_menu(window, settings, "system", "de")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Datei", "&Sprache"]
    texts = [a.text() for a in languages.menu.actions() if not a.isSeparator()]
    assert texts[0].startswith("Wie das System (")
    assert texts[1:] == ["Deutsch", "English"]  # each in its own language
    assert languages.actions["system"].isChecked()
    languages.choose("en", ask=False)
    assert settings.language_choice() == "en"
    assert languages.restart_pending and languages.actions["en"].isChecked()
    message = languages.message("en")
    assert "English" in message and "nächsten Start" in message and "next start" in message
    languages.choose("de", ask=False)
    assert not languages.restart_pending  # already on screen: nothing to wait for


def test_one_file_menu_whatever_the_language(qtbot, qapp, german, main_window, engine_controller):
    from gui.lecture.appearance import Appearance
    from gui.lecture.presenter import Presenter

    Presenter(main_window, engine_controller, None, Appearance.instance())
    names = [a.menu().objectName() for a in main_window.menuBar().actions() if a.menu()]
    assert names == ["fileMenu", "viewMenu", "tourMenu"]
    assert main_window.menuBar().actions()[0].text() == "&Datei"


def test_the_bundle_carries_every_translation():
    data = i18n.bundle_data()
    for qm in sorted((ROOT / "gui" / "i18n").glob("*/*.qm")):
        assert (str(qm), f"gui/i18n/{qm.parent.name}") in data
    assert any(Path(src).name == "qtbase_de.qm" for src, _ in data)
    spec = (ROOT / "packaging" / "three-pillars.spec").read_text()
    assert "*TRANSLATIONS" in spec and "bundle_data" in spec  # the spec lists them, and keeps them
