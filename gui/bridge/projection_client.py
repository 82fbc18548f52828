"""The Qt side of the map-drawing worker: start it, send it maps to fit, get signals back.

`ProjectionClient` spawns `workers.projection_worker.projection_main` (at app launch, so UMAP
is warm before anyone opens the Embeddings step). At most one fit runs at a time; while
it runs, a newer job replaces any job still waiting (only the newest picture matters).
`InProcessProjector` has the same interface but runs jobs on the GUI thread, one per
event-loop turn (tests; its default layout is instant and never imports umap).

Signals (both classes, delivered on the GUI thread):
    warmed(float)            the worker can fit now; seconds the warm-up took
    layoutReady(object)      LayoutResult: aligned coordinates for a job
    layoutFailed(int, str)   job id, a message for the person
    workerLost(str)          the worker could not warm up or has ended: PCA only from now
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import queue
import threading
import time
import traceback
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from workers.projection_worker import (
    WORKER_ENV,
    LayoutFunction,
    LayoutResult,
    ProjectionJob,
    _message,
    projection_main,
    run_job,
)

log = logging.getLogger("three_pillars")


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    """Set environment variables for the duration of the block (GUI thread only)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class _Relay(QObject):
    events = Signal(object)


class _ProjectorBase(QObject):
    """Coalescing and signals shared by both projectors."""

    warmed = Signal(float)
    layoutReady = Signal(object)
    layoutFailed = Signal(int, str)
    workerLost = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.is_warm = False
        self.warm_seconds: float | None = None
        self.lost: str | None = None  # why the worker is unavailable, if it is
        self._running: int | None = None  # job id being fitted
        self._pending: ProjectionJob | None = None
        self._next_id = 0
        self.started_at: float | None = None

    @property
    def available(self) -> bool:
        """False once the worker could not warm up or has died: PCA is all there is."""
        return self.lost is None

    @property
    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def submit(self, words: Sequence[str], vectors: np.ndarray, ref_words: Sequence[str] = (),
               ref_coords: np.ndarray | None = None, seed: int = 0) -> int:
        """Queue a map to fit; returns its job id. A job still waiting is replaced."""
        self._next_id += 1
        job = ProjectionJob(self._next_id, tuple(words), np.asarray(vectors, dtype=np.float32),
                            tuple(ref_words), None if ref_coords is None else np.asarray(ref_coords),
                            seed)
        if self._pending is not None:
            log.debug("projection job %d replaced by %d", self._pending.job_id, job.job_id)
        self._pending = job
        self._dispatch()
        return job.job_id

    def _dispatch(self) -> None:
        if self._running is None and self._pending is not None and self.is_warm:
            job, self._pending = self._pending, None
            self._running = job.job_id
            self._send(job)

    def _send(self, job: ProjectionJob) -> None:
        raise NotImplementedError

    def _on_event(self, event: tuple) -> None:
        kind = event[0]
        if kind == "warmed":
            self.is_warm = True
            self.warm_seconds = float(event[1])
            if self.started_at is not None:
                log.info("UMAP warm %.1f s after start (warm-up itself %.1f s)",
                         time.perf_counter() - self.started_at, event[1])
            self.warmed.emit(float(event[1]))
            self._dispatch()
        elif kind == "warm_failed":
            log.error("the map-drawing worker could not start UMAP: %s\n%s", event[1], event[2])
            self._lose(f"the UMAP worker could not start: {event[1]}")
        elif kind == "layout":
            result: LayoutResult = event[1]
            self._running = None
            self.layoutReady.emit(result)
            self._dispatch()
        elif kind == "failed":
            job_id, message, tb = event[1], event[2], event[3]
            log.error("map layout %d failed: %s\n%s", job_id, message, tb)
            self._running = None
            self.layoutFailed.emit(int(job_id), message)
            self._dispatch()
        elif kind == "died":
            self._lose(event[1])

    def _lose(self, why: str) -> None:
        if self.lost is None:
            self.lost = why
            self._running = None
            self._pending = None
            self.workerLost.emit(why)


class ProjectionClient(_ProjectorBase):
    """Runs UMAP fits in a spawned worker process (started by `start()`, at app launch).

    layout_target: "module:function" to use instead of UMAP in the worker (tests, bench).
    """

    def __init__(self, layout_target: str | None = None, disk_cache: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._layout_target = layout_target
        self._disk_cache = disk_cache
        self._ctx = mp.get_context("spawn")
        self._proc = None
        self._job_q = None
        self._result_q = None
        self._lifeline = None
        self._relay = _Relay()
        self._relay.events.connect(self._on_events)
        self._stopping = threading.Event()
        self._reader: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._proc is not None

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    def start(self) -> None:
        """Spawn the worker; it warms up at once (watch `warmed`). Safe to call twice."""
        if self._proc is not None:
            return
        self.started_at = time.perf_counter()
        self._job_q = self._ctx.Queue()
        self._result_q = self._ctx.Queue()
        child_end, self._lifeline = self._ctx.Pipe(duplex=False)
        self._proc = self._ctx.Process(
            target=projection_main,
            args=(self._job_q, self._result_q, child_end, os.getpid(), self._layout_target,
                  self._disk_cache),
            name="three-pillars-projection",
            daemon=True,
        )
        try:
            # subtle: numpy sizes its BLAS thread pool when the worker imports it, before
            # projection_main runs, so the one-thread settings must be in the environment
            # the process is born with.
            with _environment(WORKER_ENV):
                self._proc.start()
        except Exception as exc:  # noqa: BLE001
            self._proc = None
            self._lose(f"the UMAP worker could not start: {exc}")
            return
        child_end.close()
        self._reader = threading.Thread(target=self._read_loop, name="projection-reader",
                                        daemon=True)
        self._reader.start()

    def _send(self, job: ProjectionJob) -> None:
        self._job_q.put(job)

    def _read_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                event = self._result_q.get(timeout=0.25)
            except queue.Empty:
                proc = self._proc
                if proc is not None and not proc.is_alive() and not self._stopping.is_set():
                    self._relay.events.emit([("died", "the map-drawing process stopped "
                                              f"(exit code {proc.exitcode})")])
                    return
                continue
            except (EOFError, OSError, ValueError):
                return
            if event[0] == "bye":
                return
            self._relay.events.emit([event])

    def _on_events(self, events: list) -> None:
        for event in events:
            self._on_event(event)

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the worker (safe to call twice)."""
        if self._proc is None:
            return
        self._stopping.set()
        with contextlib.suppress(ValueError, OSError):
            self._job_q.put(None)
        # A fit in progress is not worth waiting for.
        self._proc.join(0.3)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(1.0)
        if self._reader is not None:
            self._reader.join(1.0)
        for q in (self._job_q, self._result_q):
            q.cancel_join_thread()
            q.close()
        self._lifeline.close()
        self._proc = None


class InProcessProjector(_ProjectorBase):
    """The same jobs on the GUI thread, one per event-loop turn (tests; no UMAP by default).

    layout: the layout function (vectors, init=..., seed=...) -> (N, 2); the default
    returns the starting picture unchanged, which is instant.
    """

    def __init__(self, layout: LayoutFunction | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._layout = layout or _keep_init
        self._queue: list[ProjectionJob] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            self.started_at = time.perf_counter()
            QTimer.singleShot(0, lambda: self._on_event(("warmed", 0.0)))

    def _send(self, job: ProjectionJob) -> None:
        self._queue.append(job)
        self._timer.start()

    def _tick(self) -> None:
        if not self._queue:
            return
        job = self._queue.pop(0)
        try:
            self._on_event(("layout", run_job(job, self._layout)))
        except Exception as exc:  # noqa: BLE001
            self._on_event(("failed", job.job_id, _message(exc), traceback.format_exc()))

    def shutdown(self) -> None:
        self._timer.stop()
        self._queue.clear()


def _keep_init(vectors: np.ndarray, init: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    from engine.pretraining.projection import pca_layout

    return np.asarray(init if init is not None else pca_layout(vectors), dtype=np.float64)
