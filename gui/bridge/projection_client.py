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
    workerLost(str)          the worker could not warm up, or kept dying: PCA only from now
    workerRestarted(str)     (ProjectionClient) the worker died and a new one is warming up
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from gui.bridge.restart import RestartPolicy
from workers.process import EventReader, WorkerProcess
from workers.projection_worker import (
    WORKER_ENV,
    LayoutFunction,
    message_of,
    projection_main,
    run_job,
)
from workers.protocol import (
    LayoutFailed,
    LayoutResult,
    ProjectionBye,
    ProjectionDied,
    ProjectionEvent,
    ProjectionJob,
    StopWorker,
    Warmed,
    WarmFailed,
)

log = logging.getLogger("three_pillars")


class _Relay(QObject):
    events = Signal(object)


class _ProjectorBase(QObject):
    """Coalescing and signals shared by both projectors."""

    warmed = Signal(float)
    layoutReady = Signal(object)
    layoutFailed = Signal(int, str)
    workerLost = Signal(str)
    workerRestarted = Signal(str)  # the real worker only: it died and a new one warms up

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.is_warm = False
        self.warm_seconds: float | None = None
        self.lost: str | None = None  # why the worker is unavailable, if it is
        self._running: ProjectionJob | None = None  # the job being fitted
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
            self._running = job
            self._send(job)

    def _send(self, job: ProjectionJob) -> None:
        raise NotImplementedError

    def _on_event(self, event: ProjectionEvent) -> None:
        if isinstance(event, Warmed):
            self.is_warm = True
            self.warm_seconds = float(event.seconds)
            if self.started_at is not None:
                log.info("UMAP warm %.1f s after start (warm-up itself %.1f s)",
                         time.perf_counter() - self.started_at, event.seconds)
            self.warmed.emit(float(event.seconds))
            self._dispatch()
        elif isinstance(event, WarmFailed):
            log.error("the map-drawing worker could not start UMAP: %s\n%s", event.message,
                      event.traceback)
            self._lose(f"the UMAP worker could not start: {event.message}")
        elif isinstance(event, LayoutResult):
            self._running = None
            self.layoutReady.emit(event)
            self._dispatch()
        elif isinstance(event, LayoutFailed):
            log.error("map layout %d failed: %s\n%s", event.job_id, event.message, event.traceback)
            self._running = None
            self.layoutFailed.emit(int(event.job_id), event.message)
            self._dispatch()
        elif isinstance(event, ProjectionDied):
            self._died(event.why)

    def _died(self, why: str) -> None:
        self._lose(why)

    def _lose(self, why: str) -> None:
        if self.lost is None:
            self.lost = why
            self._running = None
            self._pending = None
            self.workerLost.emit(why)


class ProjectionClient(_ProjectorBase):
    """Runs UMAP fits in a spawned worker process (started by `start()`, at app launch).

    If the worker dies, a new one is started (and warmed up), and the fit that was
    running is sent again; a worker that keeps dying is given up: PCA only.
    layout_target: "module:function" to use instead of UMAP in the worker (tests, bench).
    """

    def __init__(self, layout_target: str | None = None, disk_cache: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._layout_target = layout_target
        self._disk_cache = disk_cache
        self._worker: WorkerProcess | None = None
        self._reader: EventReader | None = None
        self._relay = _Relay()
        self._relay.events.connect(self._on_events)
        self.restarts = RestartPolicy()

    @property
    def started(self) -> bool:
        return self._worker is not None

    @property
    def pid(self) -> int | None:
        return None if self._worker is None else self._worker.pid

    def start(self) -> None:
        """Spawn the worker; it warms up at once (watch `warmed`). Safe to call twice."""
        if self._worker is not None:
            return
        self.started_at = time.perf_counter()
        # subtle: numpy sizes its BLAS thread pool when the worker imports it, before
        # projection_main runs, so the one-thread settings must be in the environment
        # the process is born with.
        worker = WorkerProcess(projection_main, (self._layout_target, self._disk_cache),
                               name="three-pillars-projection", env=WORKER_ENV)
        try:
            worker.start()
        except Exception as exc:  # noqa: BLE001
            self._lose(f"the UMAP worker could not start: {exc}")
            return
        self._worker = worker
        self._reader = EventReader(worker, self._relay.events.emit, self._report_death,
                                   lambda e: isinstance(e, ProjectionBye), name="projection-reader")
        self._reader.start()

    def _report_death(self) -> None:
        code = self._worker.exitcode if self._worker is not None else None
        self._relay.events.emit([ProjectionDied(f"the map-drawing process stopped (exit code {code})")])

    def _send(self, job: ProjectionJob) -> None:
        if self._worker is None:  # shut down while a snapshot was still on its way
            self._running = None
            return
        self._worker.send(job)

    def _on_events(self, events: list) -> None:
        for event in events:
            if not isinstance(event, ProjectionBye):
                self._on_event(event)

    def _died(self, why: str) -> None:
        """Start a new worker and fit again what was being fitted (or give up: PCA only)."""
        if self._worker is None or not self.restarts.allow(time.monotonic()):
            self._lose(why)
            return
        log.error("%s: starting a new one", why)
        if self._running is not None and self._pending is None:
            self._pending = self._running  # UMAP again once the new worker is warm
        self._running = None
        self.is_warm = False
        self._stop_worker(grace=0.0)
        self.start()
        self.workerRestarted.emit(why)

    def _stop_worker(self, grace: float) -> None:
        if self._reader is not None:
            self._reader.stop()
            self._reader = None
        if self._worker is not None:
            self._worker.shutdown(StopWorker(), grace=grace)
            self._worker = None

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the worker (safe to call twice). A fit in progress is not worth waiting for.

        Afterwards the client is unavailable, quietly: a word-map snapshot that arrives
        while the window closes falls back to PCA instead of reaching a dead pipe.
        """
        self._stop_worker(grace=0.3)
        self.lost = self.lost or "the app is closing"
        self._running = None
        self._pending = None


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
            QTimer.singleShot(0, lambda: self._on_event(Warmed(0.0)))

    def _send(self, job: ProjectionJob) -> None:
        self._queue.append(job)
        self._timer.start()

    def _tick(self) -> None:
        if not self._queue:
            return
        job = self._queue.pop(0)
        try:
            self._on_event(run_job(job, self._layout))
        except Exception as exc:  # noqa: BLE001
            self._on_event(LayoutFailed(job.job_id, message_of(exc), traceback.format_exc()))

    def shutdown(self) -> None:
        self._timer.stop()
        self._queue.clear()


def _keep_init(vectors: np.ndarray, init: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    from engine.pretraining.projection import pca_layout

    return np.asarray(init if init is not None else pca_layout(vectors), dtype=np.float64)
