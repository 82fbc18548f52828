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
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from gui import file_dialogs
from gui.bridge.embedding_history import EmbeddingHistory, MapFrame
from gui.panels.pretraining.embeddings_parts import (
    METHODS,
    MapCard,
    NeighbourSide,
    TimelineBar,
    add_heading,
)
from gui.panels.pretraining.embeddings_replay import EmbeddingsReplay
from gui.panels.pretraining.map_texts import (
    build_moment_text,
    build_umap_note,
    hover_text,
    map_notes,
    moment_text,
    notes_html,
)
from gui.panels.pretraining.neighbours import (
    OPENING_WORD,
    PRESETS,
    K,
    NeighbourListing,
    NeighbourRow,
    listing_from_model,
    listing_from_snapshot,
    verdict_for,
)
from gui.widgets.adaptive_row import AdaptiveRow
from gui.widgets.picture_export import save_widget_picture

FREQUENT_LABELS = 20  # besides the grouped words, label this many of the most frequent words
METHOD_BADGE = {"umap": QT_TRANSLATE_NOOP("EmbeddingsPanel", "Showing: UMAP"),
                "pca": QT_TRANSLATE_NOOP("EmbeddingsPanel", "Showing: PCA (quick)")}


class EmbeddingsPanel(EmbeddingsReplay, QWidget):
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

        self.method_badge = add_heading(root)

        # The measured list beside the map, or under it at 2x text on a laptop.
        body = AdaptiveRow(spacing=10)
        self.card = MapCard()  # legend, map, status line (exported as one picture)
        self.legend, self.map = self.card.legend, self.card.map
        self.map_status, self.whole_map_button = self.card.status, self.card.whole_map_button
        self.map.hover_text = self._hover_text
        body.add(self.card, 3)
        self.side = NeighbourSide()  # search, the article's examples, measured neighbours
        self.search_edit, self.search_button = self.side.search_edit, self.side.search_button
        self.preset_buttons, self.verdict = self.side.preset_buttons, self.side.verdict
        self.table_title, self.table = self.side.table_title, self.side.table
        body.add(self.side, 1)
        root.addWidget(body, 1)

        self.timeline = TimelineBar()
        t = self.timeline
        self.replay_button, self.slider, self.frame_label = t.replay_button, t.slider, t.frame_label
        self.live_button, self.method_combo, self.save_button = t.live_button, t.method_combo, t.save_button
        root.addWidget(self.timeline)

        self.replay_timer = t.replay_timer
        self._neighbour_refresh = QTimer(self)
        self._neighbour_refresh.setSingleShot(True)
        self._neighbour_refresh.setInterval(150)
        # What arrived while the step was hidden is drawn on the turn after it shows: the
        # map's points and first labels (30-60 ms) no longer share the turn that lays the
        # step out and paints it (bench/stall_latency.py, first opening).
        self._draw_stale = QTimer(self)
        self._draw_stale.setSingleShot(True)
        self._draw_stale.setInterval(0)

    def _connect(self) -> None:
        h, c = self.history, self.controller
        h.frameAdded.connect(self._on_frame_added)
        h.layoutUpdated.connect(self._on_layout_updated)
        h.framesReset.connect(self._on_frames_reset)
        # Bound methods only on these long-lived objects: Qt drops such connections when
        # this panel is deleted (a lambda would outlive it).
        h.umapStateChanged.connect(self._on_umap_state)
        h.problem.connect(self._on_problem)
        c.pretraining.neighboursReady.connect(self._on_neighbours)
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
        self.timeline.replayFinished.connect(self.go_live)
        self.method_combo.currentIndexChanged.connect(
            lambda i: self.set_method(METHODS[i][0]))
        self.save_button.clicked.connect(self._ask_export)
        self._neighbour_refresh.timeout.connect(self._refresh_neighbours)
        self._draw_stale.timeout.connect(self._catch_up)

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

    def export(self, path: str | Path) -> Path:
        """Save the map (legend, points, labels, status line) as .png or .svg."""
        self.map.place_labels(complete=True)  # every label the map has room for, made now
        return save_widget_picture(self.card, path, self.tr("Three Pillars: word map"),
                                   self.tr("A map of the model's word embeddings, from Three Pillars."))

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
        self.timeline.set_position(self.slider.maximum())
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
        # The presets' words and partners first (what the panel asks about), then the
        # grouped words and the most frequent others; rows are most frequent first.
        asked = {w for word, partners in PRESETS for w in (word, *partners)}
        presets = [i for i, w in enumerate(snap.words) if w in asked]
        grouped = [i for i, g in enumerate(snap.groups) if g != "other" and snap.words[i] not in asked]
        frequent = [i for i, g in enumerate(snap.groups)
                    if g == "other" and snap.words[i] not in asked][:FREQUENT_LABELS]
        self.map.set_words(snap.words, snap.groups, presets + grouped + frequent,
                           group_order=snap.group_names or None)
        order, present = self.map.group_order, set(snap.groups)
        self.legend.set_groups([g for g in order if g in present] + ["other"] * ("other" in present),
                               order, snap.group_source)

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
            self._draw_stale.start()

    def _catch_up(self) -> None:
        """Draw what arrived while the step was hidden (the turn after it showed)."""
        if self._stale and self.isVisible():
            self._stale = False
            if self.live:
                self._show_live()
            self._refresh_umap_state()
            self._neighbour_refresh.start()

    # -- neighbours ---------------------------------------------------------------------
    def _refresh_neighbours(self) -> None:
        word = self.search_word
        if not word:
            return
        if self.live:
            if self.controller.is_ready:
                self.controller.pretraining.request_neighbours(word, K)
            return
        frame = self._frame()
        if frame is None:
            return
        self._show_listing(listing_from_snapshot(frame.snapshot, word))

    def _on_neighbours(self, word: str, found: list, message: str) -> None:
        if word != self.search_word or not self.live:
            return  # an answer to an older question, or we are replaying the past
        self._show_listing(listing_from_model(word, found, message, set(self._token_index)))

    def _show_listing(self, listing: NeighbourListing) -> None:
        self.listing = listing
        self.side.show_listing(listing)
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
        self.method_badge.setText(self.tr(METHOD_BADGE[self.shown_method or "pca"]))
        frame = self._frame()
        if frame is not None:
            self.frame_label.setText(build_moment_text(frame.snapshot) if frame.from_build
                                     else moment_text(frame.snapshot, self.live))
        words_note = "" if frame is None else self.tr(
            "%Ln words · hover a point for its nearest words, click it to find it", "",
            len(frame.snapshot))
        notes = map_notes(self.history, self.method, self.shown_method or "pca", frame, words_note)
        building = build_umap_note(self.history, self.method)
        self.map_status.setText(notes_html(notes + ([building] if building else [])))

    def _hover_text(self, i: int) -> str:
        frame = self._frame()
        return "" if frame is None else hover_text(frame.snapshot, i)

    # -- export -------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the map"),
                                              file_dialogs.start_path("pictures", "word-map.png"),
                                              self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        file_dialogs.remember("pictures", path)
        try:
            self.export(path)
        except (OSError, ValueError) as exc:
            self.map_status.setText(self.tr("Could not save the picture: {reason}").format(
                reason=html.escape(str(exc))))

    # -- panel protocol -----------------------------------------------------------------
    def tour_part(self, name: str) -> list:
        """What a tour step is about: the map and the measured nearest words (the caption
        and the list; the legend above the map and the search above the list may go
        above the fold)."""
        side = self.side
        return [self.map, side.verdict, side.table_title, side.table] if name == "map" else []

    def view_sized(self) -> list:
        """The map, and the nearest-words list with its caption and title, each seen whole
        in the page's visible height (gui/widgets/view_height.py)."""
        side = self.side
        return [(self.map, []), (side.table, [side.verdict, side.table_title])]

    def forget_results(self) -> None:
        """The model the neighbours were measured on is gone (reset, another session): no
        old list or caption ("ocean" is neighbour #5 of "sea"); the word is measured again
        on the model now loaded (the map's frames are reset by the history itself)."""
        self.listing = None
        self.side.clear()
        self._apply_focus()
        if self.isVisible():
            self._neighbour_refresh.start()
        else:
            self._stale = True  # measured when the step is shown again (see showEvent)

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
            self.history.fill_build_umap()  # the shipped model's build frames, on demand
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
                             (c.pretraining.neighboursReady, self._on_neighbours)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        h.shutdown()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1000, 640)


__all__ = ["K", "EmbeddingsPanel", "NeighbourListing", "NeighbourRow", "PRESETS", "verdict_for"]
