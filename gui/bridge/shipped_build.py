"""How the shipped model was made, shown only while the model in use is that model.

scripts/build_assets.py keeps the build's loss curve and frames of its word map beside
the shipped checkpoint (engine/pretraining/build_history.py). `ShippedBuild` reads them
(on a thread, once the model is loaded, so the window paints first; the map frames are
laid out only when the word map starts, `prepare_frames`) and says whether they describe
the live model:

- shipped: the engine loaded the shipped checkpoint (at start, after a reset, or a
  restarted worker with no saved session) and nothing has trained it since;
- matching: the live model is pre-trained and has read exactly the tokens the build's
  curve ends with (a history left beside some other checkpoint is never shown).

A missing or damaged history leaves everything as before (`history` stays None).

Signals:
    loaded()          the history was read (or found missing/damaged: `history` is None)
    framesReady()     `frame_pca` holds the map frames' PCA layouts (`prepare_frames()`)
    activeChanged()   `active` changed: the panels redraw
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import paths
from engine.pretraining.build_history import BuildHistory, load_history
from engine.pretraining.projection import pca_layout, procrustes_align
from engine.stages import PRETRAINED
from gui.bridge.histories import LossHistory
from workers.server.context import CHECKPOINT_ENV

log = logging.getLogger("three_pillars")


def shipped_checkpoint() -> Path:
    """The checkpoint folder the engine worker starts from and resets to."""
    chosen = os.environ.get(CHECKPOINT_ENV)
    return Path(chosen) if chosen else paths.stage_checkpoint("base")


class _Relay(QObject):
    """Carries the reader thread's result to the GUI thread (a queued signal)."""

    done = Signal(object)


class ShippedBuild(QObject):
    """The shipped model's build history and whether the live model is that model."""

    loaded = Signal()
    activeChanged = Signal()
    framesReady = Signal()

    def __init__(self, controller, checkpoint: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.checkpoint = checkpoint  # None: shipped_checkpoint() when read
        self.history: BuildHistory | None = None
        self.curve = LossHistory()  # the build's curve, in the live chart's form
        # Each map frame's PCA layout (N, 2), turned to match the next frame's.
        self.frame_pca: tuple[np.ndarray, ...] = ()
        self.is_loaded = False
        self._shipped = False  # the engine holds the shipped model, untrained since
        self._was_active = False
        self._reading = False
        self._frames_wanted = False  # the word map asked for the frames' layouts
        self._laying_out = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_read)
        self._layouts_relay = _Relay(self)
        self._layouts_relay.done.connect(self._on_layouts)
        controller.modelReady.connect(self._on_model_ready)
        controller.demoReset.connect(self._on_demo_reset)
        controller.sessionOpened.connect(self._on_other_model)
        controller.statusChanged.connect(self._on_status)
        controller.pretraining.trainingStateChanged.connect(self._on_training_state)
        controller.pretraining.trainingSnapshot.connect(self._on_other_model)
        if controller.is_ready:
            self._on_model_ready()

    @classmethod
    def for_controller(cls, controller) -> ShippedBuild:
        """The app's one ShippedBuild (a child of the controller)."""
        existing = controller.findChild(cls)
        return existing if existing is not None else cls(controller, parent=controller)

    # -- what the panels ask ----------------------------------------------------------
    @property
    def active(self) -> bool:
        """True when the build history describes the model in use now."""
        status = self.controller.status
        return (self._shipped and self.history is not None and bool(self.history.curve)
                and status is not None and status.stage == PRETRAINED
                and int(status.tokens_seen) == self.final_tokens)

    @property
    def final_tokens(self) -> int:
        return self.history.curve[-1].tokens_seen if self.history and self.history.curve else 0

    @property
    def final_step(self) -> int:
        return self.history.curve[-1].step if self.history and self.history.curve else 0

    @property
    def final_heldout_loss(self) -> float | None:
        if self.history is None:
            return None
        return next((p.heldout_loss for p in reversed(self.history.curve)
                     if p.heldout_loss is not None), None)

    def tokens_at(self, step: int) -> int:
        """Tokens the build had read at `step` (from its curve; 0 before the first point)."""
        tokens = 0
        for point in self.history.curve if self.history else ():
            if point.step > step:
                break
            tokens = point.tokens_seen
        return tokens

    # -- reading ----------------------------------------------------------------------
    def read(self, wait: bool = False) -> None:
        """Read the history on a thread (once); `loaded` follows on the GUI thread.

        `wait`: read on this thread (tests, and a caller that needs it now).
        """
        if self.is_loaded or self._reading:
            return
        self._reading = True
        checkpoint = self.checkpoint or shipped_checkpoint()
        if wait:
            self._on_read(_read(checkpoint))
            return
        threading.Thread(target=lambda: _deliver(self._relay, _read(checkpoint)),
                         name="build-history", daemon=True).start()

    def prepare_frames(self) -> None:
        """Lay the map frames out with PCA on a thread (once; seconds of one core for ~80
        frames, so only when the word map is wanted); `framesReady` follows."""
        self._frames_wanted = True
        if self.history is None or self.frame_pca or self._laying_out:
            return
        self._laying_out = True
        history = self.history
        threading.Thread(target=lambda: _deliver(self._layouts_relay, _frame_layouts(history)),
                         name="build-history-layouts", daemon=True).start()

    def _on_read(self, history: BuildHistory | None) -> None:
        self._reading = False
        self.is_loaded = True
        self.history = history
        self.curve.clear()
        if history is not None:
            self.curve.extend(list(history.curve))  # CurvePoint has the fields extend reads
        self.loaded.emit()
        self._update()
        if self._frames_wanted:
            self.prepare_frames()

    def _on_layouts(self, layouts: tuple[np.ndarray, ...] | None) -> None:
        self._laying_out = False
        if layouts:
            self.frame_pca = layouts
            self.framesReady.emit()

    # -- what the engine says ----------------------------------------------------------
    def _update(self) -> None:
        active = self.active
        if active != self._was_active:
            self._was_active = active
            self.activeChanged.emit()

    def _set_shipped(self, shipped: bool) -> None:
        self._shipped = shipped
        self._update()

    def _on_model_ready(self) -> None:
        # A worker restarted on a saved session holds that session's model, not ours.
        restarted_on_file = (self.controller.restarts.pending_refresh
                             and self.controller.session_path is not None)
        self._set_shipped(not restarted_on_file)
        self.read()

    def _on_demo_reset(self) -> None:
        self._set_shipped(True)
        self.read()

    def _on_other_model(self, *_args) -> None:
        self._set_shipped(False)

    def _on_training_state(self, state: str) -> None:
        if state == "running":
            self._set_shipped(False)

    def _on_status(self, _status) -> None:
        self._update()  # `active` compares the status with the build


def _deliver(relay: _Relay, result) -> None:
    with contextlib.suppress(RuntimeError):  # the app closed while it was being made
        relay.done.emit(result)


def _read(checkpoint: Path) -> BuildHistory | None:
    """The history, checked (a fraction of a second: run on a thread), or None."""
    try:
        history = load_history(checkpoint)
        if history is None:
            log.info("no build history beside %s: the panels show live runs only", checkpoint)
            return None
        if not history.frames or len(history.frames) != len(history.frame_steps) or any(
                f.shape != (len(history.words), history.frames[0].shape[1]) for f in history.frames):
            raise ValueError("its map frames do not match its words")
        return history
    except Exception as exc:  # noqa: BLE001 - a damaged file of any kind: show live runs only
        log.warning("could not read the build history beside %s: %s", checkpoint, exc)
        return None


def _frame_layouts(history: BuildHistory) -> tuple[np.ndarray, ...] | None:
    """Each frame's PCA layout, turned to match the next one's (the same words in every
    frame), so a replay ends on the last; the GUI turns the chain onto the live map."""
    # subtle: numpy's BLAS on one thread, as embedding_history does for its PCA (two
    # threads wait for each other on a busy machine: seconds instead of milliseconds).
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - comes with scikit-learn, which umap needs
        threadpool_limits = None
    try:
        with threadpool_limits(1) if threadpool_limits else contextlib.nullcontext():
            layouts = [pca_layout(f) for f in history.frames]
            for i in range(len(layouts) - 2, -1, -1):
                layouts[i] = procrustes_align(layouts[i], layouts[i + 1])
        return tuple(layouts)
    except Exception as exc:  # noqa: BLE001 - bad numbers in a frame: the map shows live frames
        log.warning("could not lay out the build history's map frames: %s", exc)
        return None
