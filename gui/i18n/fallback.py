"""A last-resort translator: the translation of the same source text in any context.

PySide's `self.tr("...")` looks the text up under the class name of the object at run
time, while lupdate files it under the class whose code holds the call. In a subclass
(a panel built on a widget of gui/widgets, say) the two differ and Qt finds nothing.
This translator is asked last, only when every real one missed, and answers with the
translation the same source has in any context of the language's .ts files (a word
translated two ways in two contexts gets the first; the coverage test,
tests/test_translation_coverage.py, still finds strings that are not translated at all).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator


def finished_translations(ts: Path) -> dict[str, list[str]]:
    """source -> its translation's forms (one, or the plural forms) for finished messages."""
    found: dict[str, list[str]] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if any(forms):
            found.setdefault(message.findtext("source", ""), forms)
    return found


class AnyContextTranslator(QTranslator):
    """Translates by source text alone, from every .ts of one language folder."""

    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.table: dict[str, list[str]] = {}
        for ts in sorted(folder.glob("*.ts")):
            for source, forms in finished_translations(ts).items():
                self.table.setdefault(source, forms)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.table

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's signature
        forms = self.table.get(source)
        if not forms:
            # None, not "": Qt takes an empty string for a translation and would show
            # nothing; None (a null QString) lets the source text through.
            return None
        # Plural forms of a two-form language (German, English, Spanish): one, other.
        text = forms[0] if n == 1 or len(forms) == 1 else forms[min(1, len(forms) - 1)]
        return text  # Qt fills %n / %Ln in after a translator answers
