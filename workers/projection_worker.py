"""UMAP away from the GUI: a process of its own, warmed up at start, one fit at a time.

Why a process: umap-learn takes 3-5 s to import and its first fit in a new process
compiles numba code for ~20 s (later fits of 1,000 words take 1-3 s). Run on the GUI
thread, or even in a QThread (the GIL), that would freeze the window in front of the
audience. So the app starts this worker at launch; it imports umap and fits a tiny map
at once (the warm-up), so by the time someone opens the Embeddings step the compiling
is done. The worker runs at low priority with one numba thread: it never slows training
or the window down.

No Qt here: this module is what the spawned process imports. `projection_main` reads
`ProjectionJob`s from a queue and answers `Warmed` once (or `WarmFailed`), then a
`LayoutResult` or a `LayoutFailed` per job (workers/protocol/projection.py). The Qt side
that starts it and turns answers into signals is gui/bridge/projection_client.py.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import traceback
from collections.abc import Callable

import numpy as np

from engine.paths import user_cache_dir
from workers.process import start_parent_watch
from workers.protocol import (
    LayoutFailed,
    LayoutResult,
    ProjectionBye,
    ProjectionJob,
    StopWorker,
    Warmed,
    WarmFailed,
)

# One numba thread: the other core belongs to the GUI (the engine worker trains on one).
WORKER_ENV = {"NUMBA_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
              "MKL_NUM_THREADS": "1"}
WORKER_NICENESS = 10  # below the GUI and the trainer: a fit waits, the lecture does not


LayoutFunction = Callable[..., np.ndarray]  # (vectors, init=..., seed=...) -> (N, 2)


def run_job(job: ProjectionJob, layout: LayoutFunction | None = None) -> LayoutResult:
    """Fit one map: start from the reference picture, lay out, align back onto it."""
    from engine.pretraining.projection import (
        align_layout,
        pca_layout,
        procrustes_align,
        seed_layout,
        umap_layout,
    )

    layout = layout or umap_layout
    t0 = time.perf_counter()
    pca = pca_layout(job.vectors)
    has_ref = job.ref_coords is not None and len(job.ref_words) > 0
    init = seed_layout(job.words, pca, job.ref_words, job.ref_coords) if has_ref else pca
    coords = np.asarray(layout(job.vectors, init=init, seed=job.seed), dtype=np.float64)
    if coords.shape != (len(job.words), 2) or not np.isfinite(coords).all():
        raise ValueError("the layout came back with missing or broken coordinates")
    if has_ref:
        coords = align_layout(job.words, coords, job.ref_words, job.ref_coords)
    else:
        coords = procrustes_align(coords, init)
    return LayoutResult(job.job_id, coords, time.perf_counter() - t0)


def warm_up(layout: LayoutFunction | None = None) -> float:
    """Import umap and fit a tiny map, so that numba compiles now and not in front of people.

    The tiny job goes through `run_job` exactly as real jobs do, so every compiled
    function a real fit needs is compiled here (same code path, same array types).
    """
    t0 = time.perf_counter()
    rng = np.random.default_rng(0)
    words = tuple(f"w{i}" for i in range(40))
    vectors = rng.normal(size=(40, 16)).astype(np.float32)
    ref = rng.normal(size=(40, 2))
    job = ProjectionJob(-1, words, vectors, words, ref)
    if layout is None:
        from engine.pretraining.projection import umap_layout

        def layout(v, init=None, seed=0):
            return umap_layout(v, init=init, seed=seed, n_epochs=10)
    run_job(job, layout)
    return time.perf_counter() - t0


def _enable_numba_disk_cache() -> None:
    """Keep numba's compiled code on disk, so the next launch skips most of the compile.

    subtle: umap-learn declares most of its numba functions without cache=True, so every
    new process recompiles them (~20 s here). Defaulting cache=True while umap is
    imported stores them in the user's cache folder; a function numba cannot cache is
    simply compiled as before (numba warns, nothing breaks).
    """
    # The per-user cache, never the install folder: in the self-contained build that is
    # read-only for many users, and it must stay as shipped.
    os.environ.setdefault("NUMBA_CACHE_DIR", str(user_cache_dir() / "numba"))
    import numba

    if getattr(numba.njit, "_three_pillars_cached", False):
        return
    original = numba.njit

    def njit(*args, **kwargs):
        kwargs.setdefault("cache", True)
        return original(*args, **kwargs)

    njit._three_pillars_cached = True  # type: ignore[attr-defined]
    numba.njit = njit


def _resolve(target: str | None) -> LayoutFunction | None:
    """"package.module:function" -> the function (None: the real UMAP)."""
    if not target:
        return None
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def projection_main(job_q, result_q, parent_conn, parent_pid: int, layout_target: str | None = None,
                    disk_cache: bool = True) -> None:
    """Entry point of the spawned projection process."""
    os.environ.update(WORKER_ENV)  # before numba or numpy's BLAS read them
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICENESS)
    start_parent_watch(parent_conn, parent_pid)
    import warnings

    warnings.filterwarnings("ignore")  # numba/umap chatter; failures are reported below
    try:
        if disk_cache and not layout_target:
            _enable_numba_disk_cache()
        layout = _resolve(layout_target)
        result_q.put(Warmed(warm_up(layout)))
    except Exception as exc:  # noqa: BLE001 - reported, the app keeps showing PCA
        result_q.put(WarmFailed(message_of(exc), traceback.format_exc()))
        layout = None
    try:
        while True:
            job = job_q.get()
            if isinstance(job, StopWorker):
                return
            try:
                result_q.put(run_job(job, layout))
            except Exception as exc:  # noqa: BLE001
                result_q.put(LayoutFailed(job.job_id, message_of(exc), traceback.format_exc()))
    except (KeyboardInterrupt, EOFError, OSError):
        return
    finally:
        result_q.put(ProjectionBye())
        sys.stdout.flush()


def message_of(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
