"""The Data panel's cleaning column: the curation steps and what each one removed."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.panels.pretraining.cleaning_counts import CleaningCounts, unit_of
from gui.panels.pretraining.data_parts import heading, muted_label
from gui.panels.pretraining.engine_texts import CLEANING, shown
from gui.panels.pretraining.numbers import integer

if TYPE_CHECKING:  # a light engine value type, for hints only
    from engine.session.core import DataSummary

EXAMPLE_CHARS = 160  # a removed example is cut to this many characters


def struck_through_html(text: str, limit: int = EXAMPLE_CHARS) -> str:
    """A removed example as escaped rich text, struck through."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"<s>{html.escape(text)}</s>"


class CleaningView(QWidget):
    """The steps of the curation pipeline, one line each; a click shows what a step removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: DataSummary | None = None
        self.counts = CleaningCounts(self)  # "67 documents", "138,795 characters"
        right = QVBoxLayout(self)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(6)
        right.addWidget(heading(self.tr("Cleaning (curation)"), theme.BASE_PT + 3))
        self.pipeline_intro = muted_label()
        right.addWidget(self.pipeline_intro)

        self.steps = QListWidget()
        self.steps.setToolTip(self.tr("Click a step to see what it removed"))
        self.steps.setAccessibleName(self.tr("Cleaning steps"))
        # Fit the height to the steps; never ask for the width of the longest line.
        self.steps.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustIgnored)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.steps.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        right.addWidget(self.steps)

        self.step_detail = QLabel()
        self.step_detail.setObjectName("curationDetail")
        self.step_detail.setProperty("i18nData", True)  # its examples are the corpus's own words
        self.step_detail.setTextFormat(Qt.TextFormat.RichText)
        self.step_detail.setWordWrap(True)
        self.step_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.StyledPanel)
        detail_scroll.setWidget(self.step_detail)
        detail_scroll.setMinimumHeight(80)
        right.addWidget(detail_scroll, 1)

        self.steps.currentRowChanged.connect(self.show_step_detail)

    def show_pipeline(self, summary: DataSummary) -> None:
        """Draw the steps of a DataSummary's cleaning, keeping the chosen step."""
        self._summary = summary
        reports = list(summary.reports)
        removed_total = sum(int(r.removed) for r in reports if unit_of(r) == "documents")
        before = summary.documents + removed_total
        if any(unit_of(r) != "documents" for r in reports):  # the books: raw files to documents
            self.pipeline_intro.setText(
                self.tr("%n steps from raw book files to {documents} documents. "
                        "Click a step to see what it threw away.", "", len(reports)).format(
                    documents=integer(summary.documents))
            )
        else:
            self.pipeline_intro.setText(
                self.tr("{before} documents in, {kept} kept. Click a step to see what "
                        "it threw away.").format(before=integer(before),
                                                 kept=integer(summary.documents))
            )
        self.pipeline_intro.setToolTip(self.tr(
            "One cleaning step after another (a curation pipeline); each counts what it removed."
        ))
        previous = self.steps.currentRow()
        with QSignalBlocker(self.steps):
            self.steps.clear()
            for n, report in enumerate(reports, start=1):
                item = QListWidgetItem(self.tr("{number}. {step} — {count} removed").format(
                    number=n, step=shown(CLEANING, report.name), count=self.counts.removed(report)))
                item.setToolTip(shown(CLEANING, report.description))
                if int(report.removed) == 0:
                    item.setForeground(theme.qcolor(theme.MUTED_TEXT))
                self.steps.addItem(item)
        rows = max(self.steps.count(), 1)
        self.steps.setFixedHeight(
            self.steps.sizeHintForRow(0) * rows + 2 * self.steps.frameWidth() + 2
        )
        if not reports:
            self.step_detail.setText("")
            return
        if not 0 <= previous < len(reports):
            previous = next((i for i, r in enumerate(reports) if int(r.removed) > 0), 0)
        self.steps.setCurrentRow(previous)
        self.show_step_detail(previous)

    def show_step_detail(self, index: int) -> None:
        if self._summary is None or not 0 <= index < len(self._summary.reports):
            return
        report = self._summary.reports[index]
        removed = int(report.removed)
        colour = theme.WARNING_TEXT if removed else theme.GOOD_TEXT
        removed_text = self.tr("{count} removed").format(count=f"<b>{self.counts.removed(report)}</b>")
        parts = [
            f"<p><b>{html.escape(shown(CLEANING, report.name))}</b> — "
            f"<span style='color:{colour}'>{removed_text}</span>"
        ]
        d_in, d_out = getattr(report, "documents_in", 0), getattr(report, "documents_out", 0)
        if d_in and unit_of(report) == "documents":
            parts.append(self.tr(" ({before} documents in, {after} out)").format(
                before=integer(d_in), after=integer(d_out)))
        elif d_in and unit_of(report) == "paragraphs":
            parts.append(self.tr(" ({before} paragraphs in, {after} out)").format(
                before=integer(d_in), after=integer(d_out)))
        parts.append(f"</p><p>{html.escape(shown(CLEANING, report.description))}</p>")
        examples = list(dict.fromkeys(str(e) for e in report.examples))  # no twin examples
        if examples:
            for_example = self.tr("Removed, for example:")
            parts.append(f"<p style='color:{theme.MUTED_TEXT}'>{for_example}</p>")
            parts += [f"<p>{struck_through_html(e)}</p>" for e in examples[:5]]
        elif removed == 0:
            nothing = self.tr("Nothing to remove in this mix.")
            parts.append(f"<p style='color:{theme.MUTED_TEXT}'>{nothing}</p>")
        self.step_detail.setText("".join(parts))
