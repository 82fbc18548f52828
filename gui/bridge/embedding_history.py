"""The word map's data over time: embedding snapshots and their PCA and UMAP layouts.

One `EmbeddingHistory` lives for the whole app (a child of the controller, made at
launch by `for_controller`), so it records how the map forms even while the person
watches the Windows step train. The Embeddings panel is a view of it.

What it does:
- asks the engine for an `EmbeddingSnapshot` when the model is loaded, every few seconds
  while training runs, when training stops, and when the model's status changes (a
  fine-tuning run, a judgement, a reset);
- lays each snapshot out with PCA at once (a few ms), aligned to the previous frame;
- sends it to the projection worker for UMAP, seeded with the latest UMAP picture and
  aligned to it (the worker fits one map at a time and keeps only the newest waiting);
- keeps the frames (a bounded number, thinned evenly) so the panel can replay them;
- while the model in use is the shipped one, puts the frames saved when it was built
  (`controller.shipped_build`) before its live frame, so the replay shows that map forming;
  their UMAP pictures are drawn only when asked (`fill_build_umap`), oldest first.

Signals:
    frameAdded(int)         a new frame (its index) with its PCA layout
    layoutUpdated(int)      frame i now has its UMAP layout
    framesReset()           a new training run began, or a reset: the old frames are gone
    umapStateChanged(str)   "warming" | "ready" | "unavailable"
    problem(str)            a message for the person (a fit failed; PCA stays on screen)
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from engine.pretraining.projection import (
    EmbeddingSnapshot,
    align_layout,
    pca_layout,
    procrustes_transform,
)

log = logging.getLogger("three_pillars")

SNAPSHOT_EVERY_MS = 2500  # while training: often enough to watch it move, cheap for the trainer
MAX_FRAMES = 80  # ~4 MB each at most; older frames are thinned evenly beyond this


@dataclass(eq=False)
class MapFrame:
    """One moment of the map: the vectors and the layouts made from them."""

    snapshot: EmbeddingSnapshot
    pca: np.ndarray  # (N, 2), aligned to the previous frame's PCA
    umap: np.ndarray | None = None  # (N, 2), aligned to the previous UMAP picture
    job_id: int | None = None
    from_build: bool = False  # saved while the shipped model was built (not this session)

    def layout(self, method: str) -> np.ndarray | None:
        return self.umap if method == "umap" else self.pca


_blas_control = None


def blas_control():
    """threadpoolctl's view of the process's thread pools (BLAS, OpenMP), made once.

    `threadpool_limits(1)` looks the pools up again on every call, walking every library
    the process has loaded (torch, Qt, numpy): 1-4 ms on the GUI thread at each new word
    map in the app's process. gui/startup.py makes this behind the splash; every later
    limit only sets the pools' thread counts."""
    global _blas_control
    if _blas_control is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:  # pragma: no cover - comes with scikit-learn, which umap needs
            return None
        _blas_control = ThreadpoolController()
    return _blas_control


def _one_blas_thread():
    """Run numpy's linear algebra on one thread for a moment (on the GUI thread).

    subtle: measured here with both cores busy, a 1,000 x 128 SVD took 2-3 s with
    OpenBLAS's two threads (they wait for each other) and 0.07 s with one.
    """
    control = blas_control()
    return control.limit(limits=1) if control is not None else contextlib.nullcontext()


class EmbeddingHistory(QObject):
    """Frames of the word map over training; see the module docstring for the signals."""

    frameAdded = Signal(int)
    layoutUpdated = Signal(int)
    framesReset = Signal()
    umapStateChanged = Signal(str)
    problem = Signal(str)

    def __init__(self, controller, projector, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.projector = projector
        self.frames: list[MapFrame] = []
        self.generation = 0  # bumps when the frames are reset
        self.last_problem: str | None = None
        # The newest UMAP picture of this run: the next fit starts from it.
        self._umap_ref: tuple[tuple[str, ...], np.ndarray] | None = None
        self._started = False
        self._fill_wanted = False  # draw the build frames' UMAP pictures (the panel asked)
        self._build_job: int | None = None  # the build frame's UMAP being drawn
        self._timer = QTimer(self)
        self._timer.setInterval(SNAPSHOT_EVERY_MS)
        self._timer.timeout.connect(self.request_snapshot)
        controller.modelReady.connect(self.request_snapshot)
        controller.statusChanged.connect(self._on_status)
        controller.pretraining.trainingStateChanged.connect(self._on_training_state)
        controller.pretraining.embeddingSnapshotReady.connect(self.add_snapshot)
        controller.resultsReset.connect(self._on_results_reset)
        projector.warmed.connect(lambda _s: self.umapStateChanged.emit("ready"))
        projector.layoutReady.connect(self._on_layout)
        projector.layoutFailed.connect(self._on_layout_failed)
        projector.workerLost.connect(self._on_worker_lost)
        projector.workerRestarted.connect(self._on_worker_restarted)
        self.build = getattr(controller, "shipped_build", None)
        if self.build is not None:
            self.build.activeChanged.connect(self._add_build_frames)
            self.build.framesReady.connect(self._add_build_frames)

    # -- one per app ------------------------------------------------------------------
    @classmethod
    def for_controller(cls, controller, projector=None) -> EmbeddingHistory:
        """The app's history (a child of the controller), made with a projection worker
        process the first time it is asked for."""
        existing = controller.findChild(cls)
        if existing is not None:
            return existing
        if projector is None:
            from gui.bridge.projection_client import ProjectionClient

            projector = ProjectionClient()
        history = cls(controller, projector, parent=controller)
        projector.setParent(history)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(history.shutdown)
        return history

    def start(self) -> None:
        """Start the projection worker (it warms UMAP up at once) and take a first frame."""
        if self._started:
            return
        self._started = True
        self.projector.start()
        if self.build is not None:
            self.build.prepare_frames()  # the shipped model's build frames, laid out on a thread
        if self.controller.is_ready:
            self.request_snapshot()
        self._on_training_state(self.controller.pretraining.training_state)

    def shutdown(self) -> None:
        self._timer.stop()
        self.projector.shutdown()

    # -- state ------------------------------------------------------------------------
    @property
    def umap_state(self) -> str:
        if not self.projector.available:
            return "unavailable"
        return "ready" if self.projector.is_warm else "warming"

    def latest(self) -> MapFrame | None:
        return self.frames[-1] if self.frames else None

    def frames_with(self, method: str) -> list[int]:
        """Indices of the frames that have a layout of this method ("pca" or "umap")."""
        return [i for i, f in enumerate(self.frames) if f.layout(method) is not None]

    def live_frame(self, method: str) -> int | None:
        """The frame to show live: the newest that has a layout of `method`."""
        indices = self.frames_with(method)
        return indices[-1] if indices else None

    # -- from the engine --------------------------------------------------------------
    def request_snapshot(self) -> None:
        if self.controller.is_ready:
            self.controller.pretraining.request_embedding_snapshot()

    def _on_status(self, _status) -> None:
        # The model may have changed outside pre-training (fine-tuning, a judgement, a
        # reset): look again. Unchanged vectors make no new frame (see add_snapshot).
        if self._started and self.controller.pretraining.training_state != "running":
            self.request_snapshot()

    def _on_training_state(self, state: str) -> None:
        if state == "running":
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            self.request_snapshot()  # the state it stopped in

    def add_snapshot(self, snapshot: EmbeddingSnapshot) -> int | None:
        """Make a frame of `snapshot` (PCA now, UMAP requested); returns its index."""
        last = self.latest()
        if last is not None:
            prev = last.snapshot
            if snapshot.tokens_seen < prev.tokens_seen:
                self._reset()  # a new run from scratch: its map forms from nothing
                last = None
            elif (snapshot.words == prev.words and snapshot.vectors.shape == prev.vectors.shape
                  and np.array_equal(snapshot.vectors, prev.vectors)):
                return None  # nothing moved
        with _one_blas_thread():
            pca = pca_layout(snapshot.vectors)
            if last is not None:
                pca = align_layout(snapshot.words, pca, last.snapshot.words, last.pca)
        frame = MapFrame(snapshot, pca)
        self.frames.append(frame)
        self._thin()
        index = len(self.frames) - 1  # the newest is always kept
        self.frameAdded.emit(index)
        self._request_umap(frame)
        self._add_build_frames()
        return index

    def _request_umap(self, frame: MapFrame) -> None:
        if not self.projector.available or len(frame.snapshot) < 4:
            return
        if self._umap_ref is not None:
            ref_words, ref_coords = self._umap_ref
        else:  # the first UMAP of a run starts from the PCA picture on screen
            ref_words, ref_coords = frame.snapshot.words, frame.pca
        frame.job_id = self.projector.submit(frame.snapshot.words, frame.snapshot.vectors,
                                             ref_words, ref_coords)

    def _on_layout(self, result) -> None:
        if self.projector.available:
            self.last_problem = None  # a fit worked again
        for i, frame in enumerate(self.frames):
            if frame.job_id == result.job_id:
                frame.umap = result.coords
                if not frame.from_build:  # the next live fit starts from the live picture
                    self._umap_ref = (frame.snapshot.words, result.coords)
                self.layoutUpdated.emit(i)
                break
        # (Else its frame was thinned away or reset: nothing to show.)
        if self._build_job is not None and result.job_id >= self._build_job:
            self._build_job = None  # done, or replaced by a newer job while it waited
        self._next_build_umap()

    def _on_layout_failed(self, job_id: int, message: str) -> None:
        self._fill_wanted, self._build_job = False, None  # no retry loop over the build frames
        text = self.tr("The detailed map (UMAP) could not be drawn this time, so the quick map "
                       "(PCA) stays on screen. (Details: {details})").format(details=message)
        self.last_problem = text
        self.problem.emit(text)

    def _on_worker_lost(self, why: str) -> None:
        self.last_problem = self.tr("The detailed map (UMAP) is not available right now, so the "
                                    "quick map (PCA) is shown instead. (Details: {details})").format(details=why)
        self.umapStateChanged.emit("unavailable")
        self.problem.emit(self.last_problem)

    def _on_worker_restarted(self, why: str) -> None:
        self.last_problem = self.tr("The detailed map (UMAP) stopped and is starting again; the "
                                    "quick map (PCA) is shown meanwhile. (Details: {details})").format(details=why)
        self.umapStateChanged.emit("warming")
        self.problem.emit(self.last_problem)

    # -- the shipped model's build ------------------------------------------------------------
    def build_umap_progress(self) -> tuple[int, int]:
        """(build frames with a UMAP picture, build frames) kept now."""
        built = [f for f in self.frames if f.from_build]
        return sum(f.umap is not None for f in built), len(built)

    def fill_build_umap(self) -> None:
        """Draw the UMAP pictures of the build frames, one at a time, oldest first, each
        starting from the one before (as a live run's do). Asked for when the panel opens,
        never at launch: it is a minute of the projection worker's time."""
        self._fill_wanted = True
        self._next_build_umap()

    def _next_build_umap(self) -> None:
        if not self._fill_wanted or self._build_job is not None or not self.projector.available:
            return
        latest = self.latest()
        if latest is not None and latest.umap is None and latest.job_id is not None:
            return  # the live picture first (a build job would replace its waiting one)
        pending = next((i for i, f in enumerate(self.frames) if f.from_build and f.umap is None), None)
        if pending is None:
            return
        frame = self.frames[pending]
        before = self.frames[pending - 1] if pending > 0 else None
        if before is not None and before.umap is not None:
            ref_words, ref_coords = before.snapshot.words, before.umap
        else:  # the first picture starts from the PCA one
            ref_words, ref_coords = frame.snapshot.words, frame.pca
        frame.job_id = self._build_job = self.projector.submit(
            frame.snapshot.words, frame.snapshot.vectors, ref_words, ref_coords)

    def _add_build_frames(self) -> None:
        """Put the build's frames before the live one, when the live model is the shipped
        model and its map is the build's last frame (else nothing: live frames only)."""
        build, live = self.build, self.latest()
        if build is None or not build.active or live is None or not build.frame_pca:
            return
        if any(f.from_build for f in self.frames):
            return
        history, snap = build.history, live.snapshot
        if (tuple(history.token_ids) != tuple(snap.token_ids) or not history.frames
                or len(history.frames) != len(build.frame_pca)
                or history.frames[-1].shape != snap.vectors.shape
                or not np.allclose(history.frames[-1], snap.vectors, atol=1e-5)):
            log.info("the build history's map is not the live model's: not shown")
            return
        # The build's PCA pictures (made and chained when the history was read) turned as
        # one onto the picture on screen: the replay ends exactly where the live map is.
        onto_live = procrustes_transform(build.frame_pca[-1], live.pca)
        built = [MapFrame(dataclasses.replace(snap, vectors=vectors, step=int(step),
                                              tokens_seen=build.tokens_at(int(step))),
                          onto_live.apply(pca), from_build=True)
                 for step, vectors, pca in zip(history.frame_steps[:-1], history.frames[:-1],
                                               build.frame_pca[:-1], strict=True)]
        # The live frame is the build's last moment: say its step.
        live.snapshot = dataclasses.replace(snap, step=int(history.frame_steps[-1]))
        self.frames[:] = [*built, live]
        self._thin()
        self.framesReset.emit()
        self.frameAdded.emit(len(self.frames) - 1)
        self._next_build_umap()

    def _on_results_reset(self, kind: str) -> None:
        """A reset of the demo or another session: the replay must not show the old
        model's map forming (the tokens read need not go down, so add_snapshot cannot
        tell). Back to the fine-tuned model changes no pre-training: frames stay."""
        if kind in ("demo", "session"):
            self._reset()
            self.request_snapshot()

    def _reset(self) -> None:
        self._build_job = None
        self.frames.clear()
        self._umap_ref = None
        self.generation += 1
        self.framesReset.emit()

    def _thin(self) -> None:
        """Keep at most MAX_FRAMES (plus the build's frames, which the replay shows in full:
        the shipped build saves ~80): drop every other frame, never the first or the last."""
        if len(self.frames) <= MAX_FRAMES + sum(f.from_build for f in self.frames):
            return
        middle = self.frames[1:-1]
        self.frames[:] = [self.frames[0], *middle[1::2], self.frames[-1]]
