"""Step 1 — Data: where the text comes from, how much of each, and what cleaning removed.

The panel shows the controller's latest DataSummary and forwards the person's
actions (a new mix, their own files, "retrain"). Moving a slider only updates the
shares shown here; the engine hears about a new mix when a slider is released (or
moved by a key) or a ready-made mix is picked, so dragging never floods the worker.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs, theme
from gui.panels.pretraining.data_cleaning import EXAMPLE_CHARS, CleaningView, struck_through_html
from gui.panels.pretraining.data_corpus import CorpusChooser, corpus_in_use
from gui.panels.pretraining.data_mix import DataMixControls
from gui.panels.pretraining.data_parts import (
    SourceRow,
    TrainingSetBar,
    heading,
    muted_label,
    weights_of,
)
from gui.panels.pretraining.engine_texts import SOURCES, shown
from gui.panels.pretraining.numbers import integer
from gui.widgets.adaptive_row import AdaptiveRow

if TYPE_CHECKING:  # light engine value types, for hints only
    from engine.session.core import DataSummary


class DataPanel(DataMixControls, QWidget):
    """Panel 1: the bundled sources, the mix, the cleaning pipeline and the training set.

    Talks only to the controller: `request_data_summary`, `set_mix`, `add_user_texts`,
    `retrain_from_scratch`; redraws from `dataSummaryChanged`.
    """

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DataPanel")
        self._controller = controller
        self._summary: DataSummary | None = None
        self._rows: dict[str, SourceRow] = {}
        self._sample_source: str | None = None
        self._sample_turns: dict[str, int] = {}  # source -> which of its passages is shown
        # Paths sent with add_user_texts and not yet in a DataSummary: while any is
        # pending, a jobFailed answers the person's own files and is shown as a dialog.
        self._pending_user_files: list[str] = []
        self._pending_ids: set[int] = set()  # their commands: a failure names its command
        self._requested = False
        self.last_error: tuple[str, str] | None = None  # the last error shown in a dialog

        self._build()
        self._connect()
        existing = controller.pretraining.data_summary
        if existing is not None:
            self.show_summary(existing)

    # ---- building -----------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # only scrolls on a window smaller than the layout needs
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        root = QVBoxLayout(body)
        root.setContentsMargins(16, 8, 16, 8)
        root.setSpacing(6)

        root.addWidget(
            heading(self.tr("Data — what the model reads (the training corpus)"), theme.HEADING_PT)
        )
        root.addWidget(
            QLabel(self.tr(
                "A model knows only what it reads: choose how much of each kind of text goes in."
            ))
        )
        root.itemAt(root.count() - 1).widget().setWordWrap(True)

        # The sources and the cleaning side by side, or the cleaning under the sources when
        # the page is too narrow for both (large text on a small screen): never sideways.
        self.columns = AdaptiveRow(spacing=24)
        root.addWidget(self.columns, 1)
        # Beside the cleaning only with room for each source's name and share on one line.
        self.columns.add(self._build_sources(), 11, wants_chars=48, natural=True)
        self.cleaning = CleaningView()
        self.steps, self.step_detail = self.cleaning.steps, self.cleaning.step_detail
        self.columns.add(self.cleaning, 10, wants_chars=36)

        self.training_set = TrainingSetBar()
        t = self.training_set
        self.documents_value, self.words_value, self.tokens_value = t.documents_value, t.words_value, t.tokens_value
        self.retrain_button, self.status_label = t.retrain_button, t.status_label
        root.addWidget(self.training_set)
        self._set_enabled(False)
        self.status_label.setText(self.tr("Reading the sources…"))

    def _build_sources(self) -> QVBoxLayout:
        left = QVBoxLayout()
        left.setSpacing(6)
        self.corpus_chooser = CorpusChooser(self._controller)  # real books or the made-up world
        left.addWidget(self.corpus_chooser)
        head = AdaptiveRow(spacing=8)  # the mixes' list under the title at 1.75x on a laptop
        title = heading(self.tr("Sources and mix"), theme.BASE_PT + 3)
        title.setWordWrap(False)
        head.add(title, 1)
        self.preset_combo = QComboBox()
        self.preset_combo.setToolTip(self.tr("Ready-made mixes: pick one and it is applied at once"))
        self.preset_combo.setAccessibleName(self.tr("Ready-made mixes"))
        self.preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        head.add(self.preset_combo, 0, alignment=Qt.AlignmentFlag.AlignLeft)
        left.addWidget(head)

        grid_host = QWidget()
        self._grid = QGridLayout(grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        left.addWidget(grid_host)
        self._sample_group = QButtonGroup(self)
        self._sample_group.setExclusive(True)

        self.mix_note = QLabel()
        self.mix_note.setWordWrap(True)
        self.mix_note.setProperty("role", "warning")
        self.mix_note.hide()
        left.addWidget(self.mix_note)

        yours = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add your own text…"))
        self.add_button.setToolTip(self.tr("Load .txt or .md files (or a whole folder) into the corpus"))
        menu = QMenu(self.add_button)
        self._add_files_action = menu.addAction(self.tr("Choose files (.txt, .md)…"))
        self._add_folder_action = menu.addAction(self.tr("Choose a folder…"))
        self.add_button.setMenu(menu)
        yours.addWidget(self.add_button)
        self.user_files_label = muted_label()
        self.user_files_label.setFont(theme.font(theme.SMALL_PT))
        yours.addWidget(self.user_files_label, 1)
        left.addLayout(yours)

        # The chosen source: its style in plain words, then a sample of its text.
        self.sample_view = QTextBrowser()
        self.sample_view.setProperty("i18nData", True)  # a sample of the (English) corpus
        self.sample_view.setOpenLinks(False)
        self.sample_view.setMinimumHeight(70)
        self.sample_view.setPlaceholderText(self.tr("Press “Read” beside a source to see a sample of it."))
        self.sample_view.setAccessibleName(self.tr("Sample of the chosen source"))
        left.addWidget(self.sample_view, 1)
        return left

    def _connect(self) -> None:
        c = self._controller
        c.pretraining.dataSummaryChanged.connect(self.show_summary)
        c.commandFailed.connect(self._on_command_failed)
        c.busyChanged.connect(self._on_busy)
        self.preset_combo.activated.connect(self._on_preset)
        self._sample_group.buttonClicked.connect(self._on_sample_clicked)
        self._add_files_action.triggered.connect(self._choose_files)
        self._add_folder_action.triggered.connect(self._choose_folder)
        self.retrain_button.clicked.connect(self.apply_and_retrain)

    # ---- life cycle ----------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._summary is None and not self._requested:
            self.request_summary()

    def apply_theme(self) -> None:
        """Colours or text size changed (gui/lecture/appearance.py): redraw the rich text."""
        summary = self._summary
        if summary is None:
            return
        for src in summary.sources:
            self._rows[src.info.name].set_source(src.info.title, src.info.style, src.documents, src.words)
        self._update_shares()
        self._show_sample()
        self.cleaning.show_pipeline(summary)

    def tour_part(self, name: str) -> list:
        """What a tour step is about (gui/lecture/tour_script.py): the sources, or the cleaning."""
        return {"sources": [self.corpus_chooser], "cleaning": [self.cleaning]}.get(name, [])

    def is_ready(self) -> bool:
        """True once a DataSummary is shown (used by `main.py --screenshot`)."""
        return self._summary is not None

    def request_summary(self) -> None:
        """Ask the controller for the data summary (it answers with dataSummaryChanged)."""
        self._requested = True
        self._controller.pretraining.request_data_summary()

    # ---- from the controller -----------------------------------------------------
    def show_summary(self, summary: DataSummary) -> None:
        """Redraw everything from a DataSummary."""
        loaded = set(summary.user_files)
        self._pending_user_files = [p for p in self._pending_user_files if p not in loaded]
        self._summary = summary
        self._ensure_rows(summary)
        weights = weights_of(summary.mix)
        self.corpus_chooser.show_corpus(corpus_in_use(weights), getattr(summary, "heldout", ""))
        for src in summary.sources:
            row = self._rows[src.info.name]
            row.set_source(src.info.title, src.info.style, src.documents, src.words)
            with QSignalBlocker(row.slider):
                row.slider.setValue(round(100 * weights.get(src.info.name, src.weight)))
        self._update_shares()
        self._show_sample()
        self.cleaning.show_pipeline(summary)
        self.documents_value.setText(integer(summary.documents))
        self.words_value.setText(integer(summary.words))
        self.tokens_value.setText(integer(summary.tokens))
        files = tuple(summary.user_files)
        if files:
            names = ", ".join(_path_name(p) for p in files[:4])
            if len(files) > 4:
                added = self.tr("Added: {names} and %n more", "", len(files) - 4)
            else:
                added = self.tr("Added: {names}")
            self.user_files_label.setText(added.format(names=names))
        else:
            self.user_files_label.setText(self.tr(".txt or .md files, or a folder"))
        self._fill_presets(summary)
        self.status_label.setText("")
        self._set_enabled(True)

    def _on_command_failed(self, failure) -> None:
        if failure.command_id not in self._pending_ids:
            return  # not about the person's files: the main window's banner reports it
        title, message = failure.title, failure.message
        self._pending_user_files, self._pending_ids = [], set()
        self._set_enabled(self._summary is not None)
        self.status_label.setText("")
        self.last_error = (title, message)
        QMessageBox.warning(
            self,
            title or self.tr("Your text could not be added"),
            self.tr("{message}\n\nNothing was changed: the training data is as it was.").format(
                message=message),
        )

    def _on_busy(self, what: str, busy: bool) -> None:
        if what != "data":
            return
        if busy:
            self.status_label.setText(self.tr("Preparing the data… (mixing and cleaning)"))
        elif self._summary is not None and not self._pending_user_files:
            self.status_label.setText("")

    # ---- the person's own text -------------------------------------------------------
    def add_user_texts(self, path: str | Sequence[str]) -> None:
        """Load the person's own files (or a folder) into the corpus.

        A bad file comes back as a failure of its command and is shown in a dialog; the data
        stays as it was.
        """
        paths = [str(path)] if isinstance(path, str) else [str(p) for p in path]
        self.status_label.setText(self.tr("Reading your text…"))
        # subtle: the controller sends str(path), so a list would arrive as "['a', 'b']";
        # one file per command instead.
        for p in paths:
            self._pending_user_files.append(p)
            self._pending_ids.add(self._controller.pretraining.add_user_texts(p))

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add your own text"), file_dialogs.start_folder("texts"),
            self.tr("Text files (*.txt *.md);;All files (*)")
        )
        if paths:
            file_dialogs.remember("texts", paths[0])
            self.add_user_texts(paths)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of .txt and .md files"),
                                                file_dialogs.start_folder("texts"))
        if path:
            file_dialogs.remember("texts", str(Path(path).parent))
            self.add_user_texts(path)

    # ---- samples ------------------------------------------------------------------------
    def _on_sample_clicked(self, button: QAbstractButton) -> None:
        for name, row in self._rows.items():
            if row.sample_button is button:
                # "Read" again: the next passage of the same source (from across it).
                turn = self._sample_turns.get(name, -1) + 1 if self._sample_source == name else 0
                self._sample_turns[name] = turn
                self._sample_source = name
        self._show_sample()

    def _show_sample(self) -> None:
        if self._summary is None or self._sample_source is None:
            return
        for src in self._summary.sources:
            if src.info.name == self._sample_source:
                passages = src.samples or ((src.sample, src.sample_credit),)
                text, credit = passages[self._sample_turns.get(src.info.name, 0) % len(passages)]
                paragraphs = "".join(
                    f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip()
                )
                if credit:  # a real book: say which (title, author, year, chapter)
                    paragraphs += f"<p><i>— {html.escape(credit)}</i></p>"
                title = self.tr("A sample of {source}").format(
                    source=html.escape(shown(SOURCES, src.info.title)))
                self.sample_view.setHtml(
                    f"<p><b>{title}</b> — "
                    f"<i style='color:{theme.MUTED_TEXT}'>{html.escape(shown(SOURCES, src.info.style))}</i></p>"
                    f"{paragraphs}"
                )
                return

    # ---- the pipeline -----------------------------------------------------------------------
    def select_cleaning_step(self, index: int) -> None:
        """Show what cleaning step `index` removed (the tour points at the biggest cut)."""
        if 0 <= index < self.steps.count():
            self.steps.setCurrentRow(index)

    def removed_examples_html(self, index: int) -> str:
        """The detail text of one step (its struck-through examples), for tests."""
        self.steps.setCurrentRow(index)
        return self.step_detail.text()

    # ---- state -----------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for row in self._rows.values():
            row.slider.setEnabled(enabled)
        self.preset_combo.setEnabled(enabled)
        self.add_button.setEnabled(enabled)
        self.retrain_button.setEnabled(enabled and sum(self.current_weights().values()) > 0)


__all__ = ["EXAMPLE_CHARS", "DataPanel", "struck_through_html"]


def _path_name(path: str) -> str:
    return str(path).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
