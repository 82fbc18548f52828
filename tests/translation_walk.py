"""What a person reads in the window, gathered for the translation-coverage test.

`texts_of(root)` walks every widget under `root` that is shown (or every widget, for a
dialog not on screen) and returns what it says: text, tool tip, accessible name and
description, placeholder, window title, combo box items, list items, table headers, tab
titles, and pyqtgraph chart titles, axis labels and legend entries. `menu_texts(window)`
does the same for the menu bar. `looks_english(text)` decides whether a text a German
interface shows is still English (see ENGLISH_WORDS and the allowlist).

A widget that shows the corpus's or the model's own words (they stay English) says so
with `widget.setProperty("i18nData", True)`: its text and accessible description are not
checked (its tool tip and accessible name are).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

ROOT = Path(__file__).resolve().parent.parent

# Common English words that are not also German words (so "in", "an", "was", "will",
# "so", "also", "her", "see", "start", "text", "training", "normal", "tour", "chat",
# "pause", "token", "parameter", "system", "demo", "real", "last" are not here).
ENGLISH_WORDS = frozenset("""
the and of to is are were with for from this that these those it its it's by at be been
or not what which how when where who why you your can could would should has have had
more less each every into than then after before about only but if no yes any there
their they them we our he she his him my do does did done made make makes shows show
one two three first next back open save load close cancel later now restart
language follow colours colors light dark bigger smaller full screen guided
export view file session sessions held out mistakes read size step steps word words
answer answers question questions loss data chart window windows model model's models
merge merges learned learn learns learning guess guesses random chance waiting
ready clean cleaning cleaned book books library sources source sample samples own
add choose pick type write writes wrote written speed play jump drag end ends here
click clicks press pressed better worse higher lower surprised nearest neighbours
neighbour judge judgement judgements thumbs up down trained untrained pre fine tuned
aligned alignment embedding embeddings map tokens' while still yet again never always
reset shipped whole part parts numbers number count counts per many much
""".split())  # noqa: SIM905 - a paragraph of words reads better than a list

# Names and marks that stay as they are in every language.
ALLOWED = (
    "Three Pillars", "RLHF", "BPE", "UMAP", "PCA", "KL", "MLP", "SFT", "DPO", "GPT",
    "Query, Key, Value", "<end>", "Project Gutenberg", "Ctrl", "Shift", "PgUp", "PgDown",
    "nats", "Nats", "top-k", "logit", "Windows-",
)
# A quotation ends at its closing mark before a space, punctuation or the end: the model's
# words may hold quotation marks of their own („“I sat one“).
QUOTED = re.compile(r"„.*?“(?=[\s.,;:!?)\]-]|$)|“.*?”(?=[\s.,;:!?)\]-]|$)|\"[^\"]*\"|‘[^’]*’|«[^»]*»")
TAGS = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")  # whole words, umlauts included ("höhere")


def book_names() -> tuple[str, ...]:
    """The library's titles and authors (they are names: never translated)."""
    from engine.corpus.library.books import BOOKS

    return tuple(sorted({b.title for b in BOOKS} | {b.author for b in BOOKS}, key=len, reverse=True))


def unfinished_sources(language: str = "de") -> set[str]:
    """Source texts whose translation into `language` is not written yet, in any area."""
    found = set()
    for ts in sorted((ROOT / "gui" / "i18n" / language).glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                found.add(message.findtext("source", ""))
    return found


def plain(text: str) -> str:
    """Rich text as the reader sees it: no tags, entities decoded, one line."""
    return " ".join(html.unescape(TAGS.sub(" ", text.replace("&&", "&"))).split())


def looks_english(text: str, names: tuple[str, ...] = ()) -> bool:
    """True if `text` (plain) still has English words once names and quotes are removed."""
    rest = QUOTED.sub(" ", text)
    for name in (*names, *ALLOWED):
        rest = rest.replace(name, " ")
    return any(w.lower() in ENGLISH_WORDS for w in WORD.findall(rest))


@dataclass(frozen=True)
class Seen:
    """One text on screen: where it was met, the widget (class and object name), which
    property, the text, and the area of the GUI whose code made the widget."""

    where: str
    widget: str
    prop: str
    text: str
    area: str

    def line(self) -> str:
        return f"[{self.area}] {self.where}: {self.widget}.{self.prop}: {self.text!r}"


def area_of(obj) -> str:
    """The translation area (gui.i18n.AREAS) of the nearest object made by our own code."""
    from gui.i18n import AREAS

    if isinstance(obj, QDockWidget) and obj.widget() is not None:
        obj = obj.widget()  # a dock belongs to whoever made what it holds
    node = obj
    while node is not None:
        module = type(node).__module__
        if module.startswith("gui."):
            path = module.replace(".", "/") + ".py"
            for area, entries in AREAS.items():
                if any(path == e or path.startswith(e.rstrip("/") + "/") for e in entries):
                    return area
            return "app"
        node = node.parent() if hasattr(node, "parent") and callable(node.parent) else None
    return "?"


def _source_files() -> dict[str, str]:
    """gui/**/*.py (relative path) -> its text, for finding where a string is written."""
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "gui").rglob("*.py"))}


def area_of_text(text: str, files: dict[str, str]) -> str | None:
    """The area whose code holds `text` as written (its first words, for a long one)."""
    from gui.i18n import AREAS

    if len(text) < 12:
        return None  # a word or two is written in too many places to tell
    probe = text[:40]
    for path, code in files.items():
        if probe in code:
            for area, entries in AREAS.items():
                if any(path == e or path.startswith(e.rstrip("/") + "/") for e in entries):
                    return area
    return None


def _name(widget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}({name})" if name else type(widget).__name__


def _widget_texts(w: QWidget) -> list[tuple[str, str]]:
    """(property, text) pairs a widget shows."""
    out = [("toolTip", w.toolTip()), ("accessibleName", w.accessibleName()),
           ("accessibleDescription", w.accessibleDescription()), ("statusTip", w.statusTip())]
    data = bool(w.property("i18nData"))
    if w.isWindow():
        out.append(("windowTitle", w.windowTitle()))
    if data:  # the words shown (and the description that lists them) are the model's
        return [(prop, text) for prop, text in out if prop != "accessibleDescription"]
    if isinstance(w, QLabel | QAbstractButton):
        out.append(("text", w.text()))
    elif isinstance(w, QGroupBox):
        out.append(("title", w.title()))
    elif isinstance(w, QDockWidget):
        out.append(("windowTitle", w.windowTitle()))
    if isinstance(w, QLineEdit):
        out.append(("placeholderText", w.placeholderText()))
    if isinstance(w, QTextEdit | QPlainTextEdit):
        out.append(("placeholderText", w.placeholderText()))
        if isinstance(w, QTextEdit) and w.isReadOnly():  # read-only rich text is interface
            out.append(("text", w.toPlainText()))
    if isinstance(w, QAbstractSpinBox):
        out += [("prefix", getattr(w, "prefix", lambda: "")()), ("suffix", getattr(w, "suffix", lambda: "")()),
                ("specialValueText", w.specialValueText())]
    if isinstance(w, QComboBox):
        out += [("item", w.itemText(i)) for i in range(w.count())]
        out += [("itemToolTip", str(w.itemData(i, 3) or "")) for i in range(w.count())]  # ToolTipRole
    if isinstance(w, QTabWidget):
        out += [("tab", w.tabText(i)) for i in range(w.count())]
        out += [("tabToolTip", w.tabToolTip(i)) for i in range(w.count())]
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            out += [("item", w.item(i).text()), ("itemToolTip", w.item(i).toolTip())]
    if isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            item = w.horizontalHeaderItem(c)
            if item is not None:
                out += [("header", item.text()), ("headerToolTip", item.toolTip())]
    if isinstance(w, QTreeWidget):
        header = w.headerItem()
        out += [("header", header.text(c)) for c in range(w.columnCount())]
    out += _chart_texts(w)
    return out


def _chart_texts(w: QWidget) -> list[tuple[str, str]]:
    """Titles, axis labels and legend entries of pyqtgraph charts."""
    try:
        import pyqtgraph as pg
    except ImportError:  # pragma: no cover - a dependency
        return []
    if not isinstance(w, pg.GraphicsView):
        return []
    out = []
    for item in w.scene().items() if w.scene() is not None else []:
        if isinstance(item, pg.AxisItem) and item.isVisible() and item.labelText:
            out.append(("axisLabel", item.labelText))
        elif isinstance(item, pg.PlotItem) and item.titleLabel.isVisible():
            out.append(("chartTitle", item.titleLabel.text))
        elif isinstance(item, pg.LegendItem):
            out += [("legend", label.text) for _sample, label in item.items]
        elif isinstance(item, pg.TextItem | pg.LabelItem) and item.isVisible():
            text = item.toPlainText() if hasattr(item, "toPlainText") else getattr(item, "text", "")
            if isinstance(text, str):
                out.append(("chartText", text))
    return out


def texts_of(root: QWidget, where: str, shown_only: bool = True) -> list[Seen]:
    """Every text under `root` (itself included) that a person can read there."""
    window = root.window()
    seen = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QHeaderView | QMenu):
            continue  # headers are read from their table; menus by menu_texts
        if shown_only and not (w.isVisibleTo(window) or w is window):
            continue
        for prop, text in _widget_texts(w):
            text = plain(text or "")
            if text:
                seen.append(Seen(where, _name(w), prop, text, area_of(w)))
    return seen


def menu_texts(window: QMainWindow) -> list[Seen]:
    """The menu bar's titles and each action's text, tool tip and status tip."""
    seen = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            area = area_of(action.parent()) if action.parent() is not None else "?"
            for prop, text in (("text", action.text()), ("toolTip", action.toolTip()),
                               ("statusTip", action.statusTip())):
                text = plain(text.replace("&", "") if prop == "text" else text)
                if text:
                    seen.append(Seen(where, f"QAction({action.objectName()})", prop, text, area))
            if action.menu() is not None:
                walk(action.menu(), f"{where} > {plain(action.text().replace('&', ''))}")

    for action in window.menuBar().actions():
        title = plain(action.text().replace("&", ""))
        seen.append(Seen("menu bar", f"QMenu({action.menu().objectName()})", "title", title, "app"))
        walk(action.menu(), f"menu {title}")
    return seen


def untranslated(seen: list[Seen], names: tuple[str, ...], unfinished: set[str]) -> list[Seen]:
    """The texts that are still the English source: a source marked unfinished, or a text
    with English words once names and quotes are set aside. One entry per text."""
    bad: dict[tuple[str, str], Seen] = {}
    files = _source_files()
    for s in seen:
        english = s.text in unfinished or s.text.replace("&", "") in unfinished or looks_english(s.text, names)
        if english and (s.widget, s.text) not in bad:
            # Attributed to the area whose code writes the text, when it is written as is.
            area = area_of_text(s.text, files) or s.area
            bad[(s.widget, s.text)] = Seen(s.where, s.widget, s.prop, s.text, area)
    return sorted(bad.values(), key=lambda s: (s.area, s.where, s.widget, s.text))
