"""The map-drawing worker's messages: jobs in, layouts (or failures) out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workers.protocol.base import ProjectionCommand, ProjectionEvent


# ===== the map-drawing worker ==========================================================
@dataclass(frozen=True, eq=False)
class ProjectionJob(ProjectionCommand):
    """Place `words` (rows of `vectors`) on a 2-D map, starting from a reference picture."""

    job_id: int
    words: tuple[str, ...]
    vectors: np.ndarray  # (N, C) float32
    ref_words: tuple[str, ...] = ()  # the picture to start from and align to
    ref_coords: np.ndarray | None = None  # (M, 2)
    seed: int = 0


@dataclass(frozen=True)
class StopWorker(ProjectionCommand):
    """End the map-drawing worker's loop -> ProjectionBye."""


@dataclass(frozen=True, eq=False)
class LayoutResult(ProjectionEvent):
    """Aligned coordinates for a job."""

    job_id: int
    coords: np.ndarray  # (N, 2), aligned to the job's reference
    seconds: float  # time the fit took in the worker
    method: str = "umap"


@dataclass(frozen=True)
class Warmed(ProjectionEvent):
    """UMAP is imported and compiled; seconds the warm-up took."""

    seconds: float


@dataclass(frozen=True)
class WarmFailed(ProjectionEvent):
    """UMAP could not start: PCA only from now."""

    message: str
    traceback: str


@dataclass(frozen=True)
class LayoutFailed(ProjectionEvent):
    """One job's fit failed (the next one may work)."""

    job_id: int
    message: str
    traceback: str


@dataclass(frozen=True)
class ProjectionBye(ProjectionEvent):
    """The map-drawing worker's last word before it exits."""


@dataclass(frozen=True)
class ProjectionDied(ProjectionEvent):
    """Made by the GUI side, not sent: the worker ended without saying bye."""

    why: str
