"""What a cleaning step's count counts, in words: "67 documents", "138,795 characters".

Each step reports one number, `removed`, in its own unit (`FilterReport.unit`):

- curation of made-up and own documents (engine/corpus/curation.py): whole documents;
- the library (engine/corpus/library/cleaning.py), from raw book files to documents:
  byte-order marks and carriage returns ("characters"), licence and header "lines",
  contents and cast-list "blocks", "headings", illustration and footnote "markers",
  joined "line breaks", then whole "paragraphs" dropped (duplicates, not English,
  blocklist) and at last whole "documents" (too short or too long).

Counts of different units are never added up: 138,795 characters and 67 documents are
not 138,862 of anything. The Data panel and the tour both say each count with its unit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from gui.panels.pretraining.numbers import english_singular, integer

# Steps counted in these units drop whole texts (the texts they were given: documents_in);
# the others cut smaller pieces out of the text and keep every text.
WHOLE_TEXTS = ("paragraphs", "documents")


def unit_of(report) -> str:
    """What `report.removed` counts (a report without a unit counts documents)."""
    return str(getattr(report, "unit", "documents"))


def drops_whole_texts(report) -> bool:
    """True when the step dropped whole paragraphs or documents (not pieces of text)."""
    return unit_of(report) in WHOLE_TEXTS and int(getattr(report, "documents_in", 0)) > 0


def biggest_cut(reports: Sequence) -> int | None:
    """The step that dropped the largest share of the texts it was given (a share, so a
    step counting paragraphs and one counting documents compare fairly); None when no
    step dropped a whole text."""
    shares = {i: int(r.removed) / int(r.documents_in) for i, r in enumerate(reports)
              if drops_whole_texts(r) and int(r.removed) > 0}
    return max(shares, key=shares.get) if shares else None


def dropped_by_unit(reports: Sequence) -> dict[str, int]:
    """Whole texts dropped, totalled per unit ({"paragraphs": 195, "documents": 67}),
    in the order the steps ran."""
    totals: dict[str, int] = {}
    for r in reports:
        if drops_whole_texts(r) and int(r.removed) > 0:
            totals[unit_of(r)] = totals.get(unit_of(r), 0) + int(r.removed)
    return totals


def cuts_pieces(reports: Sequence) -> bool:
    """True when some step cut pieces out of the text (line ends, licences, headings)."""
    return any(not drops_whole_texts(r) and int(r.removed) > 0 for r in reports)


class CleaningCounts(QObject):
    """A count with its unit in the chosen language and its plural: "1 heading",
    "105,431 line breaks". (A class: lupdate files plural forms only from `self.tr`.)"""

    def removed(self, report) -> str:
        """The step's `removed` count with what it counts."""
        return self.of(unit_of(report), int(report.removed))

    def of(self, unit: str, n: int) -> str:
        """`n` things of the engine's `unit`."""
        if unit == "documents":
            return english_singular(self.tr("%Ln documents", "", n), n, "%Ln documents", "%Ln document")
        if unit == "paragraphs":
            return english_singular(self.tr("%Ln paragraphs", "", n), n, "%Ln paragraphs", "%Ln paragraph")
        if unit == "characters":
            return english_singular(self.tr("%Ln characters", "", n), n, "%Ln characters", "%Ln character")
        if unit == "lines":
            return english_singular(self.tr("%Ln lines", "", n), n, "%Ln lines", "%Ln line")
        if unit == "blocks":
            return english_singular(self.tr("%Ln blocks", "", n), n, "%Ln blocks", "%Ln block")
        if unit == "headings":
            return english_singular(self.tr("%Ln headings", "", n), n, "%Ln headings", "%Ln heading")
        if unit == "markers":
            return english_singular(self.tr("%Ln markers", "", n), n, "%Ln markers", "%Ln marker")
        if unit == "line breaks":
            return english_singular(self.tr("%Ln line breaks", "", n), n, "%Ln line breaks", "%Ln line break")
        return f"{integer(n)} {unit}"  # a unit this table does not know yet: the engine's word

    def listed(self, totals: dict[str, int]) -> str:
        """Counts of several units as one phrase: "195 paragraphs and 67 documents"."""
        parts = [self.of(unit, n) for unit, n in totals.items()]
        if len(parts) <= 1:
            return "".join(parts)
        return self.tr("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])
