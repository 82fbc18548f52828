"""The word map's geometry: the view to fit, and where labels go (most important first,
never two overlapping).

Pure geometry in screen pixels with numpy (a few ms for ~100 candidate labels): each
label tries eight spots around its point and takes the first free one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Where a label sits for each of the eight spots tried: the TextItem anchor, and the
# direction of its offset from the point (times the gap).
ANCHORS = ((0, 0.5), (1, 0.5), (0.5, 1), (0.5, 0), (0, 1), (0, 0), (1, 1), (1, 0))
OFFSETS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))


@dataclass(frozen=True)
class LabelSpot:
    candidate: int  # index into the candidates given
    spot: int  # which of the eight spots (index into ANCHORS / OFFSETS)
    step: float  # the offset from the point, in pixels, along OFFSETS[spot]


def overlaps(rects: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each of `rects` (K, 4: x0, y0, x1, y1), whether it overlaps any of `others`."""
    if len(others) == 0:
        return np.zeros(len(rects), dtype=bool)
    a, b = rects[:, None, :], others[None, :, :]
    hit = (a[..., 0] < b[..., 2]) & (b[..., 0] < a[..., 2]) & (a[..., 1] < b[..., 3]) & (b[..., 1] < a[..., 3])
    return hit.any(axis=1)


def choose_spots(xy: np.ndarray, sizes: np.ndarray, emphasis: np.ndarray, points: np.ndarray,
                 view: tuple[float, float, float, float], cap: int) -> list[LabelSpot]:
    """Spots for candidates in order of importance.

    xy (C, 2) and sizes (C, 2): each candidate's point and label size in pixels;
    emphasis (C,): must-show labels (they may cover a point when nothing else is free);
    points (P, 4): point boxes an ordinary label must not hide; view: x0, y0, x1, y1;
    cap: at most this many ordinary labels.
    """
    vx0, vy0, vx1, vy1 = view
    w, h = sizes[:, 0:1], sizes[:, 1:2]  # (C, 1)
    x, y = xy[:, 0:1], xy[:, 1:2]
    gap = np.where(emphasis, 12.0, 5.0)[:, None]
    d = gap * 0.7
    # Right, left, above, below, then the diagonals, so a tight cluster can carry more names.
    left = np.hstack([x + gap, x - gap - w, x - w / 2, x - w / 2, x + d, x + d, x - d - w, x - d - w])
    top = np.hstack([y - h / 2, y - h / 2, y - gap - h, y + gap, y - d - h, y + d, y - d - h, y + d])
    # The fill has a few pixels of margin: let neighbours' margins touch.
    rects = np.stack([left + 3, top + 3, left + w - 3, top + h - 3], axis=-1)  # (C, 8, 4)
    in_view = ((rects[..., 0] >= vx0) & (rects[..., 2] <= vx1)
               & (rects[..., 1] >= vy0) & (rects[..., 3] <= vy1))  # (C, 8)
    on_point = overlaps(rects.reshape(-1, 4), points).reshape(rects.shape[:2])
    placed = np.zeros((0, 4))  # (x0, y0, x1, y1) of labels placed so far
    spots: list[LabelSpot] = []
    ordinary = 0
    for c in range(len(xy)):
        must = bool(emphasis[c])
        if not must and ordinary >= cap:
            break
        fits = in_view[c] & ~overlaps(rects[c], placed)
        free = fits & ~on_point[c]
        choice = np.flatnonzero(free if free.any() or not must else fits)
        if len(choice) == 0:
            continue
        k = int(choice[0])
        spots.append(LabelSpot(c, k, float(gap[c, 0] if k < 4 else d[c, 0])))
        placed = np.vstack([placed, rects[c, k]])
        ordinary += 0 if must else 1
    return spots


def fit_rect(coords: np.ndarray, zoomed_on: list[int], zoom_span: float) -> tuple[float, float, float, float]:
    """The view (x, y, width, height) that shows all of `coords` (N, 2), or the words
    `zoomed_on` with at least `zoom_span` of the whole map across."""
    lo, hi = coords.min(axis=0), coords.max(axis=0)
    span = np.maximum(hi - lo, 1e-6)
    if zoomed_on:
        part = coords[zoomed_on]
        centre = (part.min(axis=0) + part.max(axis=0)) / 2
        # At least zoom_span of the map across: near-identical words would otherwise
        # zoom to a blur, and the clusters around them give the context.
        half = np.maximum((part.max(axis=0) - part.min(axis=0)) * 0.65, zoom_span * span.max() / 2)
        return (float(centre[0] - half[0]), float(centre[1] - half[1]), float(2 * half[0]), float(2 * half[1]))
    # Room on the right for the labels of the right-most words.
    return (float(lo[0] - 0.03 * span[0]), float(lo[1] - 0.04 * span[1]),
            float(span[0] * 1.14), float(span[1] * 1.08))
