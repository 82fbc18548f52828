"""Step 4, Embeddings: the model's words on a map, where "sea" sits near "waters".

Each token's embedding is a list of n_embd numbers that the model learned. The map
squeezes those lists onto a flat picture (PCA at once, UMAP once the worker is warm),
coloured by word group. The search box rings a word and draws lines to its nearest
neighbours, measured by cosine similarity in the full space and listed as numbers: the
flat picture bends distances, the numbers do not. A timeline replays how the map formed
while the model trained.

Everything comes from the live model through the controller (snapshots and neighbour
lists) and from the app's `EmbeddingHistory` (the frames and their layouts).

Signals:
    layoutShown(str, int)      the map now shows frame int laid out by "pca" or "umap"
    neighboursShown(object)    the neighbour list now drawn: NeighbourListing
"""

from __future__ import annotations

import contextlib
import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.pretraining.projection import cosine_neighbours
from gui import theme
from gui.bridge.embedding_history import EmbeddingHistory, MapFrame
from gui.widgets.word_map import GROUP_ORDER, WordMap, group_colour

K = 8  # neighbours listed (and lines drawn)
FREQUENT_LABELS = 20  # besides the grouped words, label this many of the most frequent words
REPLAY_STEP_MS = 700  # one frame of the replay (the glide between frames takes 500 ms)

# The article's examples: a word and the partners it should sit near.
PRESETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sea", ("waters",)),
    ("climate", ("wind", "ice")),
    ("territory", ("area",)),
    ("king", ("queen",)),
    ("apples", ("oranges",)),
)
PARTNERS = dict(PRESETS)
OPENING_WORD = "sea"

METHODS = (("umap", "UMAP"), ("pca", "PCA (quick)"))
METHOD_BADGE = {"umap": "Showing: UMAP", "pca": "Showing: PCA (quick)"}
SIDE_WIDTH = 340
SIDE_MAX_WIDTH = 440  # on a big screen the list gets a little more room
ROW_HEIGHT = 27


@dataclass(frozen=True)
class NeighbourRow:
    rank: int
    word: str
    similarity: float
    on_map: bool


@dataclass(frozen=True)
class NeighbourListing:
    """What the neighbour list shows: whose neighbours, measured when and how."""

    word: str
    rows: tuple[NeighbourRow, ...]
    source: str  # "live" (the model now, full vocabulary) | "replay" (a past frame's map words)
    message: str = ""  # why there are no rows
    verdict: str = ""  # the sentence under the search box


def _q(word: str) -> str:
    return f"“{word}”"


def verdict_for(word: str, rows: tuple[NeighbourRow, ...], k: int = K) -> str:
    """One measured sentence: where the expected partners rank, or who is nearest."""
    if not rows:
        return ""
    rank = {r.word: r for r in rows}
    partners = PARTNERS.get(word, ())
    if partners:
        found = [rank[p] for p in partners if p in rank]
        missing = [p for p in partners if p not in rank]
        parts = [f"{_q(r.word)} is neighbour #{r.rank} of {_q(word)} (cosine {r.similarity:.2f})"
                 if n == 0 else f"{_q(r.word)} is #{r.rank} ({r.similarity:.2f})"
                 for n, r in enumerate(found)]
        text = " and ".join(parts)
        if missing:
            if len(missing) == 1:
                gap = f"{_q(missing[0])} is not among the {k} nearest words of {_q(word)}"
            else:
                gap = (f"neither {' nor '.join(map(_q, missing))} is among the {k} nearest "
                       f"words of {_q(word)}")
            text = f"{text}; {gap}" if text else gap[0].upper() + gap[1:]
        return text + "."
    first = rows[0]
    return f"The nearest word to {_q(word)} is {_q(first.word)} (cosine {first.similarity:.2f})."


class EmbeddingsPanel(QWidget):
    """The word map, the search with its measured neighbours, and the replay timeline."""

    layoutShown = Signal(str, int)
    neighboursShown = Signal(object)

    def __init__(self, controller, history: EmbeddingHistory | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.history = history or EmbeddingHistory.for_controller(controller)
        self.method = "umap"
        self.shown_frame: int | None = None  # index into history.frames
        self.shown_method: str | None = None
        self.live = True  # follow the newest frame; False while replaying or scrubbed back
        self.search_word = OPENING_WORD
        self.listing: NeighbourListing | None = None
        self._zoom_pending = False
        self._shown_obj: MapFrame | None = None
        self._stale = False  # frames arrived while hidden
        self._words_key: tuple[str, ...] | None = None
        self._index: dict[str, int] = {}
        self._token_index: dict[int, int] = {}
        self._build()
        self._connect()
        self.history.start()  # no-op when the app already started it at launch
        self._refresh_umap_state()
        if self.history.frames:
            self._show_live()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(8)
        title = QLabel("Embeddings: a map of meaning")
        title.setFont(theme.font(theme.HEADING_PT, bold=True))
        top.addWidget(title)
        top.addStretch(1)
        self.method_badge = QLabel("")
        self.method_badge.setFont(theme.font(theme.SMALL_PT, bold=True))
        self.method_badge.setStyleSheet(
            f"padding: 3px 10px; border-radius: 10px; background: {theme.PANEL_BACKGROUND};"
            f"border: 1px solid {theme.BORDER};")
        top.addWidget(self.method_badge)
        root.addLayout(top)

        intro = QLabel(
            "The model keeps a list of numbers for every word (its <b>embedding</b>). Words used "
            "in the same places get similar lists, so on this flat map of them (a projection "
            "to 2-D) they land close together.")
        intro.setWordWrap(True)
        root.addWidget(intro)

        body = QHBoxLayout()
        body.setSpacing(10)

        # -- the map card: legend, map, status line (exported as one picture)
        self.card = QFrame()
        self.card.setObjectName("mapCard")
        self.card.setStyleSheet("#mapCard { background: white; border: 1px solid "
                                f"{theme.BORDER}; border-radius: 6px; }}")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(8, 6, 8, 6)
        card_layout.setSpacing(4)
        self.legend = _Legend()
        card_layout.addWidget(self.legend)
        self.map = WordMap()
        self.map.hover_text = self._hover_text
        card_layout.addWidget(self.map, 1)
        self.map_status = QLabel("Waiting for the model…")
        self.map_status.setFont(theme.font(theme.SMALL_PT))
        self.map_status.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.map_status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.map_status, 1)
        self.whole_map_button = QPushButton("Whole map")
        self.whole_map_button.setToolTip("Zoom out to every word again")
        self.whole_map_button.setFont(theme.font(theme.SMALL_PT))
        self.whole_map_button.hide()
        status_row.addWidget(self.whole_map_button, 0, Qt.AlignmentFlag.AlignBottom)
        card_layout.addLayout(status_row)
        body.addWidget(self.card, 3)

        # -- the side: search, the article's examples, measured neighbours
        side_widget = QWidget()
        side_widget.setMinimumWidth(SIDE_WIDTH)
        side_widget.setMaximumWidth(SIDE_MAX_WIDTH)
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search_edit = QLineEdit(OPENING_WORD)
        self.search_edit.setPlaceholderText("find a word, e.g. king")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip("Type a word and press Enter: it is ringed on the map, "
                                    "with lines to its nearest words")
        row.addWidget(self.search_edit, 1)
        self.search_button = QPushButton("Find")
        self.search_button.setProperty("primary", True)
        row.addWidget(self.search_button)
        side.addLayout(row)
        presets = QGridLayout()
        presets.setSpacing(4)
        self.preset_buttons: dict[str, QPushButton] = {}
        for n, (word, partners) in enumerate(PRESETS):
            button = QPushButton(word)
            button.setToolTip(f"The article's example: {_q(word)} and "
                              f"{' and '.join(map(_q, partners))}")
            button.setFont(theme.font(theme.SMALL_PT))
            button.setStyleSheet("padding: 3px 4px;")
            presets.addWidget(button, n // 3, n % 3)
            self.preset_buttons[word] = button
        side.addLayout(presets)

        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        self.verdict.setFont(theme.font(theme.BASE_PT, bold=True))
        self.verdict.setStyleSheet(f"border-left: 5px solid {theme.VERMILLION}; padding: 2px 8px;")
        self.verdict.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        side.addWidget(self.verdict)

        self.table_title = QLabel("Nearest words")
        self.table_title.setFont(theme.font(theme.SMALL_PT, bold=True))
        side.addWidget(self.table_title)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["#", "word", "likeness (cosine)"])
        self.table.horizontalHeaderItem(2).setToolTip(
            "Cosine similarity: how nearly two words' number lists point the same way")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setFont(theme.font(theme.SMALL_PT + 1))
        header = self.table.horizontalHeader()
        header.setFont(theme.font(theme.SMALL_PT))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumHeight(ROW_HEIGHT * 4 + 30)
        side.addWidget(self.table, 1)
        note = QLabel("Measured with all of each word's numbers, not on the flat map: "
                      "1.00 = alike, 0 = unrelated.")
        note.setWordWrap(True)
        note.setFont(theme.font(theme.SMALL_PT))
        note.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        side.addWidget(note)
        body.addWidget(side_widget, 1)
        root.addLayout(body, 1)

        # -- the timeline
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.replay_button = QPushButton("▶ Replay training")
        self.replay_button.setCheckable(True)
        self.replay_button.setToolTip("Watch the map form, from the first snapshot to now")
        bottom.addWidget(self.replay_button)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setToolTip("Drag to see the map at an earlier moment of training")
        bottom.addWidget(self.slider, 1)
        self.frame_label = QLabel("")
        self.frame_label.setFont(theme.font(theme.SMALL_PT))
        bottom.addWidget(self.frame_label)
        self.live_button = QPushButton("Now")
        self.live_button.setToolTip("Back to the model as it is now")
        bottom.addWidget(self.live_button)
        bottom.addSpacing(12)
        self.method_combo = QComboBox()
        for _key, text in METHODS:
            self.method_combo.addItem(f"Map style: {text}")
        self.method_combo.setToolTip(
            "UMAP keeps each word's closest words close on the map (it takes a moment to "
            "draw). PCA is a straight view from the angle that shows the most spread "
            "(instant).")
        bottom.addWidget(self.method_combo)
        self.save_button = QPushButton("Save picture…")
        self.save_button.setToolTip("Save the map as a PNG image or an SVG drawing")
        bottom.addWidget(self.save_button)
        root.addLayout(bottom)

        self.replay_timer = QTimer(self)
        self.replay_timer.setInterval(REPLAY_STEP_MS)
        self._neighbour_refresh = QTimer(self)
        self._neighbour_refresh.setSingleShot(True)
        self._neighbour_refresh.setInterval(150)

    def _connect(self) -> None:
        h, c = self.history, self.controller
        h.frameAdded.connect(self._on_frame_added)
        h.layoutUpdated.connect(self._on_layout_updated)
        h.framesReset.connect(self._on_frames_reset)
        # Bound methods only on these long-lived objects: Qt drops such connections when
        # this panel is deleted (a lambda would outlive it).
        h.umapStateChanged.connect(self._on_umap_state)
        h.problem.connect(self._on_problem)
        c.neighboursReady.connect(self._on_neighbours)
        self.search_button.clicked.connect(lambda: self.search(self.search_edit.text(), zoom=True))
        self.search_edit.returnPressed.connect(
            lambda: self.search(self.search_edit.text(), zoom=True))
        for word, button in self.preset_buttons.items():
            button.clicked.connect(lambda _=False, w=word: self.search(w, zoom=True))
        self.map.wordClicked.connect(lambda i: self.search(self.map.words[i]))
        self.map.zoomChanged.connect(self.whole_map_button.setVisible)
        self.whole_map_button.clicked.connect(self.map.fit_view)
        self.slider.valueChanged.connect(self._on_slider)
        self.live_button.clicked.connect(self.go_live)
        self.replay_button.toggled.connect(self._on_replay_toggled)
        self.replay_timer.timeout.connect(self._replay_tick)
        self.method_combo.currentIndexChanged.connect(
            lambda i: self.set_method(METHODS[i][0]))
        self.save_button.clicked.connect(self._ask_export)
        self._neighbour_refresh.timeout.connect(self._refresh_neighbours)

    # -- public actions -----------------------------------------------------------------
    def search(self, word: str, zoom: bool = False) -> None:
        """Ring `word` on the map and list its nearest neighbours, measured.

        With zoom, the view closes in on the word and its neighbours once they are known.
        """
        word = word.strip()
        if not word:
            return
        self._zoom_pending = zoom
        frame = self._frame()
        if frame is not None and frame.snapshot.index_of(word) is not None:
            word = frame.snapshot.words[frame.snapshot.index_of(word)]
        self.search_word = word
        if self.search_edit.text().strip() != word:
            self.search_edit.setText(word)
        self._apply_focus()
        self._refresh_neighbours()

    def set_method(self, method: str) -> None:
        """"umap" or "pca": how the map is drawn."""
        if method not in METHOD_BADGE:
            raise ValueError(f"unknown map style {method!r}")
        self.method = method
        index = [m for m, _ in METHODS].index(method)
        if self.method_combo.currentIndex() != index:
            self.method_combo.setCurrentIndex(index)
        self._sync_slider()
        if self.live:
            self._show_live()
        else:
            self._show_frame(self._frame_at_slider())

    def go_live(self) -> None:
        """Follow the model as it is now."""
        self.replay_button.setChecked(False)
        self.live = True
        self._show_live()
        self._refresh_neighbours()

    def show_frame(self, index: int) -> None:
        """Show frame `index` of the history (a past moment); stops following live."""
        frames = self._replay_indices()
        if index not in frames:
            raise IndexError(f"frame {index} has no {self.method} layout")
        self.live = index == frames[-1]
        self._set_slider(frames.index(index))
        self._show_frame(index)
        self._refresh_neighbours()

    def export(self, path: str | Path) -> Path:
        """Save the map (legend, points, labels, status line) as .png or .svg."""
        path = Path(path)
        if path.suffix.lower() == ".svg":
            _save_svg(self.card, path, title="Three Pillars: word map")
        elif path.suffix.lower() == ".png":
            if not self.card.grab().save(str(path), "PNG"):
                raise OSError(f"Could not write {path}")
        else:
            raise ValueError("Save the picture as .png or .svg")
        return path

    # -- frames -------------------------------------------------------------------------
    def _replay_indices(self) -> list[int]:
        return self.history.frames_with(self.method)

    def _frame(self) -> MapFrame | None:
        return self._shown_obj

    def _effective_method(self) -> str:
        """UMAP when chosen and available for some frame; PCA otherwise."""
        if self.method == "umap" and self.history.frames_with("umap"):
            return "umap"
        return "pca"

    def _show_live(self) -> None:
        method = self._effective_method()
        index = self.history.live_frame(method)
        if index is None:
            return
        self._sync_slider()
        self._set_slider(self.slider.maximum())
        self._show_frame(index, method)

    def _show_frame(self, index: int | None, method: str | None = None) -> None:
        if index is None:
            return
        method = method or self._effective_method()
        frame = self.history.frames[index]
        coords = frame.layout(method)
        if coords is None:
            method, coords = "pca", frame.pca
        snap = frame.snapshot
        same_words = self._words_key == snap.words
        if same_words and frame is self._shown_obj and method == self.shown_method:
            self._update_texts()  # already on screen (a newer frame awaits its UMAP)
            return
        if not same_words:
            self._set_words(frame)
        self.shown_frame, self.shown_method, self._shown_obj = index, method, frame
        self.map.show_layout(coords, animate=same_words and self.isVisible())
        self._apply_focus()
        self._update_texts()
        self.layoutShown.emit(method, index)

    def _set_words(self, frame: MapFrame) -> None:
        snap = frame.snapshot
        self._words_key = snap.words
        self._index = {w: i for i, w in reversed(list(enumerate(snap.words)))}
        self._token_index = {t: i for i, t in enumerate(snap.token_ids)}
        grouped = [i for i, g in enumerate(snap.groups) if g != "other"]
        frequent = [i for i, g in enumerate(snap.groups) if g == "other"][:FREQUENT_LABELS]
        # Rows are most frequent first, so both lists keep that order.
        self.map.set_words(snap.words, snap.groups, grouped + frequent)
        self.legend.set_groups([g for g in GROUP_ORDER if g in set(snap.groups)])

    def _apply_focus(self) -> None:
        frame = self._frame()
        if frame is None:
            return
        focus = self._index.get(self.search_word)
        neighbours: list[int] = []
        if self.listing is not None and self.listing.word == self.search_word:
            neighbours = [self._index[r.word] for r in self.listing.rows if r.word in self._index]
        self.map.set_focus(focus, neighbours)

    def _on_frame_added(self, index: int) -> None:
        if self._shown_obj is not None:  # old frames may have been thinned out
            frames = self.history.frames
            self.shown_frame = frames.index(self._shown_obj) if self._shown_obj in frames else None
        self._sync_slider()
        if not self.isVisible():
            self._stale = True  # drawn when the step is shown again (see showEvent)
        elif self.live:
            self._show_live()
            self._neighbour_refresh.start()

    def _on_layout_updated(self, index: int) -> None:
        self._sync_slider()
        if not self.isVisible():
            self._stale = True
            return
        if self.live and self.method == "umap":
            self._show_live()
        self._refresh_umap_state()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            if self.live:
                self._show_live()
            self._refresh_umap_state()
            self._neighbour_refresh.start()

    def _on_frames_reset(self) -> None:
        self.replay_button.setChecked(False)
        self.shown_frame, self._shown_obj = None, None
        self.live = True
        self._sync_slider()

    def _sync_slider(self) -> None:
        n = len(self._replay_indices())
        at_end = self.slider.value() >= self.slider.maximum()
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(0, n - 1))
            if self.live or at_end:
                self.slider.setValue(self.slider.maximum())
        self.slider.setEnabled(n > 1)
        self.replay_button.setEnabled(n > 1)

    def _set_slider(self, value: int) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(value)

    def _frame_at_slider(self) -> int | None:
        frames = self._replay_indices()
        if not frames:
            return None
        return frames[min(self.slider.value(), len(frames) - 1)]

    def _on_slider(self, value: int) -> None:
        frames = self._replay_indices()
        if not frames:
            return
        self.live = value >= len(frames) - 1
        self._show_frame(frames[min(value, len(frames) - 1)], self._effective_method())
        self._neighbour_refresh.start()

    def _on_replay_toggled(self, playing: bool) -> None:
        self.replay_button.setText("❚❚ Pause replay" if playing else "▶ Replay training")
        if playing:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self.live = False
            self.replay_timer.start()
        else:
            self.replay_timer.stop()

    def _replay_tick(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.replay_button.setChecked(False)
            self.go_live()
            return
        self.slider.setValue(self.slider.value() + 1)

    # -- neighbours ---------------------------------------------------------------------
    def _refresh_neighbours(self) -> None:
        word = self.search_word
        if not word:
            return
        if self.live:
            if self.controller.is_ready:
                self.controller.request_neighbours(word, K)
            return
        frame = self._frame()
        if frame is None:
            return
        snap = frame.snapshot
        found = cosine_neighbours(snap, word, K)
        if snap.index_of(word) is None:
            self._show_listing(NeighbourListing(
                word, (), "replay", f"{_q(word)} is not on the map at this moment."))
            return
        rows = tuple(NeighbourRow(r + 1, snap.words[j], s, True) for r, (j, s) in enumerate(found))
        self._show_listing(NeighbourListing(word, rows, "replay", verdict=verdict_for(word, rows)))

    def _on_neighbours(self, word: str, found: list, message: str) -> None:
        if word != self.search_word or not self.live:
            return  # an answer to an older question, or we are replaying the past
        rows = tuple(NeighbourRow(n.rank, n.token, float(n.similarity),
                                  n.token_id in self._token_index) for n in found)
        self._show_listing(NeighbourListing(word, rows, "live", message,
                                            verdict_for(word, rows) if rows else ""))

    def _show_listing(self, listing: NeighbourListing) -> None:
        self.listing = listing
        self.table.setRowCount(len(listing.rows))
        muted = QColor(theme.MUTED_TEXT)
        partners = PARTNERS.get(listing.word, ())
        align = (Qt.AlignmentFlag.AlignCenter, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for r, row in enumerate(listing.rows):
            texts = (str(row.rank), row.word if row.on_map else f"{row.word} (off the map)",
                     f"{row.similarity:.2f}")
            for c, text in enumerate(texts):
                item = self.table.item(r, c)
                if item is None:  # made once, then only their texts change
                    item = QTableWidgetItem()
                    item.setTextAlignment(align[c])
                    self.table.setItem(r, c, item)
                item.setText(text)
                # The palette's ink unless muted, so a change to dark colours reaches it.
                item.setData(Qt.ItemDataRole.ForegroundRole, None if row.on_map else muted)
                font = item.font()
                if font.bold() != (row.word in partners):
                    font.setBold(row.word in partners)
                    item.setFont(font)
        when = "now" if listing.source == "live" else "back then"
        self.table_title.setText(f"Nearest words to {_q(listing.word)} ({when})")
        self.verdict.setText(html.escape(listing.message or listing.verdict))
        self.verdict.setVisible(bool(listing.message or listing.verdict))
        self._apply_focus()
        if self._zoom_pending and listing.word == self.search_word:
            self._zoom_pending = False
            focus = self._index.get(listing.word)
            if focus is not None:
                self.map.zoom_to([focus, *self.map.neighbours])
        self.neighboursShown.emit(listing)

    # -- texts --------------------------------------------------------------------------
    def _on_umap_state(self, _state: str) -> None:
        self._refresh_umap_state()

    def _refresh_umap_state(self) -> None:
        self._update_texts()
        if self.live and self.history.frames:
            method = self._effective_method()
            if method != self.shown_method:
                self._show_live()

    def _on_problem(self, message: str) -> None:
        self._update_texts()

    def _update_texts(self) -> None:
        method = self.shown_method or "pca"
        self.method_badge.setText(METHOD_BADGE[method])
        frame = self._frame()
        notes = []
        state = self.history.umap_state
        if self.method == "umap" and method == "pca":
            if state == "warming":
                notes.append("The detailed map (UMAP) is getting ready; this is the quick one "
                             "(PCA) meanwhile.")
            elif state == "unavailable" or self.history.last_problem:
                notes.append(self.history.last_problem or "The detailed map (UMAP) is not "
                             "available; this is the quick one (PCA).")
            else:
                notes.append("Drawing the detailed map (UMAP)…")
        elif self.history.last_problem and self.method == "umap":
            latest = self.history.latest()
            if latest is not None and latest.umap is None:
                notes.append(self.history.last_problem)
        if frame is not None:
            n = len(frame.snapshot)
            notes.insert(0, f"{n:,} words · hover a point for its nearest words, click it to "
                            "find it")
            snap = frame.snapshot
            text = f"{'Now' if self.live else 'Back then'}: {snap.tokens_seen / 1000:,.0f} k tokens read"
            if snap.step:
                text += f" · step {snap.step:,}"
            self.frame_label.setText(text)
        self.map_status.setText("  ·  ".join(notes[:1]) + ("<br>" + "<br>".join(notes[1:])
                                                           if len(notes) > 1 else ""))

    def _hover_text(self, i: int) -> str:
        frame = self._frame()
        if frame is None:
            return ""
        snap = frame.snapshot
        found = cosine_neighbours(snap, snap.words[i], 5)
        near = ", ".join(f"{snap.words[j]} {s:.2f}" for j, s in found)
        group = snap.groups[i]
        kind = "no group" if group == "other" else f"group: {group}"
        return (f"<b style='font-size:{theme.BASE_PT}pt'>{html.escape(snap.words[i])}</b> "
                f"({kind})<br>nearest (cosine): {html.escape(near)}")

    # -- export -------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the map", "word-map.png",
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if not path:
            return
        try:
            self.export(path)
        except (OSError, ValueError) as exc:
            self.map_status.setText(f"Could not save the picture: {html.escape(str(exc))}")

    # -- panel protocol -----------------------------------------------------------------
    def is_ready(self) -> bool:
        """True once the map and the opening word's measured neighbours are drawn (and the
        detailed UMAP map, unless it is not available)."""
        if self.shown_frame is None or self.listing is None or not self.listing.rows:
            return False
        if self.map.animating:
            return False
        return self.shown_method == "umap" or self.history.umap_state == "unavailable"

    def apply_theme(self) -> None:
        """The text scale or colours changed (gui/appearance.py): redo what was read once."""
        self.legend.set_groups(self.legend.groups)
        if self.listing is not None:
            self._show_listing(self.listing)
        self._update_texts()

    def set_active(self, active: bool) -> None:
        if active:
            self.history.start()
            self._neighbour_refresh.start()
        else:
            self.replay_button.setChecked(False)

    def shutdown(self) -> None:
        """The window is closing, so the app is ending: stop the timers and the UMAP worker."""
        self.replay_timer.stop()
        self._neighbour_refresh.stop()
        self.map.stop()
        h, c = self.history, self.controller
        for signal, slot in ((h.frameAdded, self._on_frame_added),
                             (h.layoutUpdated, self._on_layout_updated),
                             (h.framesReset, self._on_frames_reset),
                             (h.umapStateChanged, self._on_umap_state),
                             (h.problem, self._on_problem),
                             (c.neighboursReady, self._on_neighbours)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        h.shutdown()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1000, 640)


class _Legend(QLabel):
    """The groups' colours and names, wrapping onto a second line when narrow."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFont(theme.font(theme.SMALL_PT))
        self.groups: list[str] = []

    def set_groups(self, groups: list[str]) -> None:
        self.groups = list(groups)
        items = []
        for group in groups:
            name = "no group" if group == "other" else group
            items.append(f"<span style='color:{group_colour(group)}; font-size:{theme.BASE_PT + 4}pt'>"
                         f"●</span>&nbsp;{html.escape(name).replace(' ', '&nbsp;')}")
        self.setText(" &nbsp; ".join(items))


def _save_svg(widget: QWidget, path: Path, title: str) -> None:
    """Render a widget into an SVG file as vector shapes and text (QtSvg)."""
    from PySide6.QtSvg import QSvgGenerator

    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("A map of the model's word embeddings, from Three Pillars.")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"Could not write {path}")
    try:
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()


__all__ = ["EmbeddingsPanel", "NeighbourListing", "NeighbourRow", "PRESETS", "verdict_for"]
