"""Numbers as people read them in the chosen language: 1,234.5 in English, 1.234,5 in German.

gui.i18n.install makes the chosen language the default QLocale. Without a chosen
language (the C locale, as in tests and scripts) numbers are written the English way,
which is the language of the source texts.
"""

from __future__ import annotations

# One locale rule for the whole interface: the fine-tuning panels' (the C locale counts
# as English there too); these are its names as the pre-training panels call them.
from gui.panels.finetuning.numbers import count as integer
from gui.panels.finetuning.numbers import locale, number


def decimal(x: float, places: int = 2) -> str:
    """3.14159, 2 -> "3.14" (English) or "3,14" (German)."""
    return number(x, places)


def english_singular(shown: str, n: int, many: str, one: str) -> str:
    """`shown` (Qt's translate(context, many, "", n)) with English's singular when n == 1.

    Qt's plural forms come from a translation file; with none loaded the English source,
    written in the plural ("%Ln tokens"), is shown as it is: "1 tokens". When nothing
    translated it, this gives `one` ("%Ln token") instead.
    """
    def filled(text: str) -> str:
        return text.replace("%Ln", "1").replace("%n", "1")

    return filled(one) if n == 1 and shown == filled(many) else shown


__all__ = ["decimal", "english_singular", "integer", "locale"]
