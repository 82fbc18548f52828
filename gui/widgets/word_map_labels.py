"""The word map's labels: which words get a name on the map, and where it goes.

Only as many ordinary labels as the map's area allows; the focus word and its
neighbours always get one, and no two labels overlap.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from gui import theme
from gui.widgets.map_layout import ANCHORS, OFFSETS, choose_spots
from gui.widgets.word_groups import OTHER

POINT_SIZE = 11  # pixels, words of a group
PIXELS_PER_LABEL = 7000  # at most one ordinary label per this many square pixels of map
# New label items made per placement pass: a first map wanting 60 labels made them all in
# one go and froze the window 60-110 ms (bench/stall_latency.py); in passes of 8 on
# consecutive event-loop turns they appear within a few frames, most important first
# (the searched word at once, then its neighbours, then the rest). The count is per turn,
# not per call: a first map is laid out and then ringed in one turn, two placements.
NEW_LABELS_PER_PASS = 8


def label_font(emphasis: bool):
    """The searched word and its neighbours: bigger and bold. Read when used, so a change
    of text scale (presenter mode) reaches new labels too."""
    return theme.font(theme.BASE_PT if emphasis else theme.SMALL_PT, bold=emphasis)


def label_fill():
    """A veil of the background behind each label, so it reads over the points."""
    return pg.mkBrush(theme.qcolor(theme.BACKGROUND, 200))


class WordMapLabels:
    """The label part of `WordMap` (a mixin: it uses the map's words, coordinates and view)."""

    # -- labels -------------------------------------------------------------------------
    def _label(self, i: int, emphasis: bool) -> pg.TextItem:
        label = self._labels.get(i)
        if label is None:
            label = pg.TextItem(self.words[i], color=theme.TEXT, fill=label_fill(),
                                anchor=(0, 0.5))
            # Drawn once into a pixmap and then only blitted: a repaint of the map (25 a
            # second while points glide) no longer lays out and paints 60 texts.
            cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
            label.setCacheMode(cache)
            label.textItem.setCacheMode(cache)
            label.hide()
            self.addItem(label)
            self._labels[i] = label
            self._label_emphasis[i] = None
            self._label_state[i] = None
        if self._label_emphasis.get(i) != emphasis:
            label.setFont(label_font(emphasis))
            label.setZValue(31 if emphasis else 30)
            self._label_emphasis[i] = emphasis
            self._label_state[i] = None  # its anchor point moved with the new size
        return label

    def _grouped_points(self) -> list[int]:
        return [int(i) for g, idx in self._members.items() if g != OTHER for i in idx]

    def _label_pos(self, i: int, coords: np.ndarray) -> tuple[float, float]:
        dx, dy = self._label_offsets.get(i, (0.0, 0.0))
        px = self.vb.viewPixelSize()
        return float(coords[i, 0] + dx * px[0]), float(coords[i, 1] - dy * px[1])

    def _to_scene(self, coords: np.ndarray) -> np.ndarray:
        """View coordinates (N, 2) -> scene pixels (N, 2), in one affine map."""
        o = self.vb.mapViewToScene(QPointF(0.0, 0.0))
        ex = self.vb.mapViewToScene(QPointF(1.0, 0.0))
        ey = self.vb.mapViewToScene(QPointF(0.0, 1.0))
        a = np.array([[ex.x() - o.x(), ey.x() - o.x()], [ex.y() - o.y(), ey.y() - o.y()]])
        return coords @ a.T + np.array([o.x(), o.y()])

    def _label_size(self, i: int, emphasis: bool) -> tuple[float, float]:
        """A label's size in pixels, from the font (no text item is made for it yet)."""
        key = (i, emphasis)
        size = self._label_sizes.get(key)
        if size is None:
            fm = self._metrics[emphasis]
            # QGraphicsTextItem keeps a 4 px document margin on every side.
            size = self._label_sizes[key] = (fm.horizontalAdvance(self.words[i]) + 8.0,
                                             fm.height() + 8.0)
        return size

    def place_labels(self, complete: bool = False) -> None:
        """Choose which labels show: most important first, never two overlapping
        (gui/widgets/label_layout.py).

        At most NEW_LABELS_PER_PASS label items are made per call; the rest come on the
        next event-loop turns (`labels_pending`). `complete`: all of them now (a picture)."""
        n = len(self.words)
        view = self.vb.sceneBoundingRect()
        if n == 0 or view.width() < 10 or view.height() < 10:
            return
        must = ([self.focus] if self.focus is not None else []) + list(self.neighbours)
        must = list(dict.fromkeys(i for i in must if i < n))
        must_set = set(must)
        cap = max(8, int(view.width() * view.height() / PIXELS_PER_LABEL))
        order = must + [i for i in self._label_order if i not in must_set]
        scene = self._to_scene(self.coords)
        vx0, vy0, vx1, vy1 = view.left(), view.top(), view.right(), view.bottom()
        inside = ((scene[:, 0] >= vx0) & (scene[:, 0] <= vx1)
                  & (scene[:, 1] >= vy0) & (scene[:, 1] <= vy1))
        # Coloured points are obstacles too: an ordinary label never hides a grouped
        # word's point (the searched word and its neighbours may, when nothing else is free).
        r = POINT_SIZE / 2
        pts = scene[[i for i in dict.fromkeys(self._grouped_points() + must) if inside[i]]]
        points = np.column_stack([pts[:, 0] - r, pts[:, 1] - r, pts[:, 0] + r, pts[:, 1] + r])
        cand = np.array([i for i in order if inside[i]], dtype=int)
        if len(cand) == 0:
            for i in self._shown_labels:
                self._labels[i].hide()
            self._shown_labels = set()
            return
        emph = np.array([i in must_set for i in cand])
        sizes = np.array([self._label_size(int(i), bool(e)) for i, e in zip(cand, emph, strict=True)])
        shown: set[int] = set()
        made, deferred = self._labels_made_in_turn, False
        for spot in choose_spots(scene[cand], sizes, emph, points, (vx0, vy0, vx1, vy1), cap):
            i, k = int(cand[spot.candidate]), spot.spot
            if i not in self._labels and not complete and i != self.focus:
                if made >= NEW_LABELS_PER_PASS:
                    deferred = True  # its spot stays free until the next pass makes it
                    continue
                made += 1
            label = self._label(i, bool(emph[spot.candidate]))
            self._label_offsets[i] = (OFFSETS[k][0] * spot.step, OFFSETS[k][1] * spot.step)
            pos = self._label_pos(i, self.coords)
            if self._label_state.get(i) != (k, pos):  # Qt calls only for what changed
                self._label_state[i] = (k, pos)
                label.setAnchor(ANCHORS[k])
                label.setPos(*pos)
            if i not in self._shown_labels:
                label.show()
            shown.add(i)
        for i in self._shown_labels - shown:
            self._labels[i].hide()
        self._shown_labels = shown
        if made > self._labels_made_in_turn:
            self._labels_made_in_turn = made
            self._turn_over.start()
        if deferred:
            self._more_labels.start()
        else:
            self._more_labels.stop()

    def _new_turn(self) -> None:
        self._labels_made_in_turn = 0

    def _next_label_pass(self) -> None:
        self._new_turn()  # a later turn by construction (a zero-interval timer)
        self.place_labels()

    @property
    def labels_pending(self) -> bool:
        """Labels chosen but not made yet (they come on the next event-loop turns)."""
        return self._more_labels.isActive()
