"""Project Gutenberg's own text around a book: header, start/end markers, licence, credits.

Three generations of Project Gutenberg files are in the library, and each marks the
book's body differently:

- 2004-2018: ``*** START OF THIS PROJECT GUTENBERG EBOOK MOBY DICK ***`` ... ``*** END
  OF THIS PROJECT GUTENBERG EBOOK ... ***``, the full licence after the end marker;
- 2022: ``*** START OF THE PROJECT GUTENBERG EBOOK TREASURE ISLAND ***``; one edition
  writes it with no space after the asterisks and wraps it onto two lines;
- 1998 "Etext": no markers at all. The old "Small Print" licence sits at the top and
  ends with ``*END*THE SMALL PRINT! ...*END*``; the text ends with ``End of Project
  Gutenberg Etext of ...``.

Project Gutenberg's terms ask that a redistributed text either keep all of this or
drop every mention of Project Gutenberg; the model's text drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# subtle: "(?:[^*]|\*(?!\*\*))*?" lets a title run over a line break (the wrapped
# 2022 marker) while still stopping at the closing "***".
_START = re.compile(
    r"\*{3}\s*START OF (?:THIS|THE) PROJECT GUTENBERG E-?BOOK(?:[^*]|\*(?!\*\*))*?\*{3}[^\n]*\n",
    re.IGNORECASE)
_END = re.compile(
    r"\*{3}\s*END OF (?:THIS|THE) PROJECT GUTENBERG E-?BOOK", re.IGNORECASE)
_SMALL_PRINT_END = re.compile(r"^\*END\*THE SMALL PRINT![^\n]*\n", re.MULTILINE)
_ETEXT_END = re.compile(r"^End of (?:the )?Project Gutenberg", re.MULTILINE | re.IGNORECASE)
# Credits and notes Project Gutenberg's volunteers put inside the body.
_CREDIT = re.compile(
    r"project gutenberg|\betext\b|^produced by|^transcribed from|^this e-?text was prepared|wiretap|"
    r"^about the online edition", re.IGNORECASE)


@dataclass(frozen=True)
class Unwrapped:
    """A book's body and what was cut from around it."""

    body: str
    style: str  # "2004-2018 markers" | "2022 markers" | "1998 Small Print"
    header: str
    footer: str


def strip_gutenberg(text: str) -> Unwrapped:
    """The body between Project Gutenberg's header and its footer.

    ``text`` must already have LF line ends. Raises ValueError if no known style fits,
    so a new kind of file is noticed instead of being learned licence and all.
    """
    start = _START.search(text)
    if start is not None:
        end = _END.search(text, start.end())
        if end is None:
            raise ValueError("The file has a Project Gutenberg start marker but no end marker.")
        body = text[start.end():end.start()]
        # The line "End of the Project Gutenberg EBook of ..." sits just before the marker.
        closing = _ETEXT_END.search(body)
        cut = closing.start() if closing is not None else len(body)
        style = "2004-2018 markers" if "START OF THIS" in start.group(0).upper() else "2022 markers"
        return Unwrapped(body[:cut], style, text[:start.end()], body[cut:] + text[end.start():])
    small_print = _SMALL_PRINT_END.search(text)
    if small_print is not None:
        closing = _ETEXT_END.search(text, small_print.end())
        cut = closing.start() if closing is not None else len(text)
        return Unwrapped(text[small_print.end():cut], "1998 Small Print",
                         text[:small_print.end()], text[cut:])
    raise ValueError("No Project Gutenberg start marker or Small Print licence was found.")


def is_credit(paragraph: str) -> bool:
    """A paragraph of Project Gutenberg credits inside the body ("Produced by ...")."""
    return _CREDIT.search(paragraph) is not None
