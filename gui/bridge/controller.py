"""The controller: the only bridge between the GUI and the engine.

The live model runs in an engine worker (workers/engine_main.py). The controller sends
it `workers.protocol` commands and turns the events that come back into Qt signals on
the GUI thread. Panels call its methods and connect to its signals; they never touch
the engine themselves. The controller is a small core plus one part per pillar:
`controller.pretraining` (gui/bridge/pretraining.py), `controller.finetuning`
(finetuning.py) and `controller.alignment` (alignment.py), each with its own signals,
requests and latest values.

Signals of the core (all delivered on the GUI thread):
    statusChanged(object)          ModelStatus: stage, n_params, loss, tokens_seen
    modelReady()                   the model is loaded: requests can be answered from now on
                                   (again after the engine came back)
    modelTokenizerChanged(object)  Tokenizer: the BPE the model reads (right after modelReady)
    busyChanged(str, bool)         what ("loading", "data", "training", ...), busy or not
    jobFailed(str, str)            title, message: something went wrong (logged, shown)
    commandFailed(object)          the same as a protocol `Failed`: which command failed
    loadFailed(str)                the model could not be loaded (a message)
    workerRestarted(str)           the engine worker died and came back: what was lost
    demoReset()                    everything is back to the shipped defaults (`reset_demo()`)
    resultsReset(str)              "demo" | "session" | "alignment": the models on screen are
                                   gone, every panel drops what it derived from them (the one
                                   reset path: MainWindow.forget_results)
    sessionFileDone(str, bool, str, str)  "save" | "open", ok, path, a message for the person
    sessionOpened(str)             another session is live (path); the histories were emptied
    jobProgress(str, float, str)   what ("saving"), fraction 0..1 (-1: finished), text
    jobStopped(object)             JobStopped: a model job was stopped for another command

`controller.jobs` (gui/bridge/model_jobs.py) says which job holds the model and what the
model is called meanwhile; `controller.gate` (job_gate.py) asks or queues before an action
stops a running job, and says what was stopped.

Backends (gui/bridge/backends.py): `ProcessBackend` (default) spawns the worker process;
`InProcessBackend` runs the same `EngineServer` on the GUI thread (tests).
"""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from engine.tokenizers import Tokenizer
from gui.bridge.alignment import AlignmentBridge
from gui.bridge.backends import InProcessBackend, ProcessBackend
from gui.bridge.finetuning import FinetuningBridge
from gui.bridge.job_gate import JobGate
from gui.bridge.model_jobs import ModelJobs
from gui.bridge.pretraining import PretrainingBridge
from gui.bridge.restart import RestartPolicy, what_was_lost
from gui.bridge.shipped_build import ShippedBuild
from gui.engine_messages import engine_text, failure_title
from workers.protocol import (
    AlignmentReset,
    Busy,
    CancelSave,
    DemoReset,
    EngineCommand,
    Failed,
    GetDataSummary,
    GetQASet,
    GetStatus,
    JobProgress,
    JobStopped,
    LoadFailed,
    ModelTokenizer,
    OpenSession,
    Ready,
    ResetDemo,
    SaveSession,
    SessionFileDone,
    SessionOpened,
    StatusReport,
    TrainingSnapshots,
    WorkerDied,
)

log = logging.getLogger("three_pillars")

__all__ = ["Controller", "InProcessBackend", "ProcessBackend"]


EVENT_SLICE_S = 0.025  # events handled in one event-loop turn, at most this long (then a repaint)


class Controller(QObject):
    """The GUI's single bridge to the engine. See the module docstring for the signals."""

    statusChanged = Signal(object)
    modelReady = Signal()
    modelTokenizerChanged = Signal(object)
    busyChanged = Signal(str, bool)
    jobFailed = Signal(str, str)
    commandFailed = Signal(object)
    loadFailed = Signal(str)
    workerRestarted = Signal(str)
    demoReset = Signal()
    resultsReset = Signal(str)
    sessionFileDone = Signal(str, bool, str, str)
    sessionOpened = Signal(str)
    jobProgress = Signal(str, float, str)
    jobStopped = Signal(object)

    def __init__(self, backend=None, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend if backend is not None else ProcessBackend()
        self.status = None
        self.model_tokenizer = None
        self.is_ready = False
        self.load_error: str | None = None
        self.session_path: str | None = None  # the file last saved or opened
        self.restarts = RestartPolicy()
        self.pretraining = PretrainingBridge(self.send, self)
        self.finetuning = FinetuningBridge(self.send, lambda: self.model_tokenizer, self)
        self.alignment = AlignmentBridge(self.send, self)
        self._pillars = (self.pretraining, self.finetuning, self.alignment)
        # How the shipped model was made, while it is the model in use (shipped_build.py).
        self.shipped_build = ShippedBuild(self, parent=self)
        self.jobs = ModelJobs(self, self)
        self.gate = JobGate(self, self.jobs, self)
        self._started = False
        self._shut_down = False
        self._next_id = 0
        self._handlers: dict[type, object] = {
            Ready: self._on_ready, StatusReport: self._on_status, Busy: self._on_busy,
            ModelTokenizer: self._on_model_tokenizer, Failed: self._on_failed,
            LoadFailed: self._on_load_failed, WorkerDied: self._on_worker_died,
            DemoReset: self._on_demo_reset, SessionFileDone: self._on_session_file,
            SessionOpened: self._on_session_opened, JobProgress: self._on_progress,
            JobStopped: self.jobStopped.emit, AlignmentReset: self._on_alignment_reset,
        }
        for pillar in self._pillars:
            self._handlers.update(pillar.handlers())
        # Events waiting for their turn: a batch is handled in slices of EVENT_SLICE_S, so
        # the model's arrival (status, tokenizers, data summary, Q&A set: every panel
        # updates) does not hold the event loop for a few hundred ms in one go.
        self._pending: deque = deque()
        self._draining = False
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)

    # -- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        """Start the engine (spawns the worker). Returns at once; watch busyChanged/modelReady."""
        if self._started:
            return
        self._started, self._shut_down = True, False
        self.busyChanged.emit("loading", True)
        self.backend.start(self._on_events)

    def shutdown(self) -> None:
        """Stop the engine and its worker process (safe to call twice)."""
        if self._started:
            self._started = False
            self.backend.shutdown()
        self._shut_down = True

    def send(self, command: EngineCommand) -> int:
        """Send `command` with a fresh id (a failure names it); returns the id."""
        if self._shut_down:
            # A late request (a timer of a panel that outlived the window) must not start
            # a new engine after the app shut down.
            log.debug("dropped %s after shutdown", command.kind)
            return 0
        if not self._started:
            self.start()
        self._next_id += 1
        self.backend.send(command.with_id(self._next_id))
        return self._next_id

    # -- requests of the engine as a whole ------------------------------------------------
    def request_status(self) -> None:
        self.send(GetStatus())

    def reset_demo(self) -> None:
        """Back to what the app ships, in well under 2 s: every job stopped, the shipped
        model, the default mix, the bundled question/answer pairs.

        demoReset follows (after statusChanged), then the tokenizers, the Q&A set and the
        data summary as usual. The GUI-side histories are emptied here; a panel that keeps
        results of its own can listen to demoReset.
        """
        self.send(ResetDemo())

    def save_session(self, path) -> None:
        """Save the whole session to one file; jobProgress("saving", ...) then
        sessionFileDone("save", ok, path, message) follow."""
        self.send(SaveSession(str(path)))

    def cancel_save(self) -> None:
        """Stop a save in progress: the temp file goes, any earlier file stays as it was."""
        self.send(CancelSave())

    def open_session(self, path) -> None:
        """Open a session file; sessionFileDone("open", ok, path, message) follows. A file
        that is refused leaves the current session as it is."""
        self.send(OpenSession(str(path)))

    # -- events from the engine -------------------------------------------------------
    def _on_events(self, batch: list) -> None:
        self._pending.extend(batch)
        if not self._draining:
            self._drain()

    def _drain(self) -> None:
        """Handle waiting events in order, for at most EVENT_SLICE_S; the rest next turn."""
        self._draining = True
        deadline = time.perf_counter() + EVENT_SLICE_S
        snapshots: list = []
        try:
            while self._pending:
                event = self._pending.popleft()
                if isinstance(event, TrainingSnapshots):
                    snapshots.extend(event.snapshots)
                    continue
                if snapshots:  # keep order: snapshots before what followed them
                    self.pretraining.publish_snapshots(snapshots)
                    snapshots = []
                handler = self._handlers.get(type(event))
                if handler is not None:
                    handler(event)
                if self._pending and time.perf_counter() > deadline:
                    break
            if snapshots:
                self.pretraining.publish_snapshots(snapshots)
        finally:
            # A handler that raised still leaves the queue moving (else every later event
            # would wait behind a drain that never ends).
            if self._pending:
                self._drain_timer.start()  # after the event loop has had its turn
            else:
                self._draining = False

    def _on_ready(self, event: Ready) -> None:
        self.is_ready = True
        self.load_error = None
        self._on_status(event)
        self.modelReady.emit()
        if self.restarts.pending_refresh:
            # A worker that came back holds the data of its session: show it.
            self.restarts.pending_refresh = False
            self.send(GetDataSummary())
            self.send(GetQASet())

    def _on_status(self, event: Ready | StatusReport) -> None:
        self.status = event.status
        self.statusChanged.emit(event.status)

    def _on_busy(self, event: Busy) -> None:
        self.busyChanged.emit(str(event.what), event.busy)

    def _on_model_tokenizer(self, event: ModelTokenizer) -> None:
        self.model_tokenizer = Tokenizer.from_dict(event.tokenizer)
        self.modelTokenizerChanged.emit(self.model_tokenizer)

    def _on_failed(self, failure: Failed) -> None:
        if failure.traceback:
            log.error("%s: %s\n%s", failure.title, failure.message, failure.traceback)
        else:
            log.warning("%s: %s", failure.title, failure.message)
        self.pretraining.on_failed(failure)
        self.commandFailed.emit(failure)
        # For people, in their language: the title of a known failure translated, the
        # engine's detail translated if it has a known shape, else as the engine wrote it.
        self.jobFailed.emit(failure_title(failure.title), engine_text(failure.message))

    def _on_load_failed(self, event: LoadFailed) -> None:
        self.load_error = event.message
        self.loadFailed.emit(event.message)

    def _on_demo_reset(self, event: DemoReset) -> None:
        self._forget_runs()
        self._on_status(event)
        self.demoReset.emit()
        self.resultsReset.emit("demo")

    def _on_alignment_reset(self, event: AlignmentReset) -> None:
        self.alignment.forget_answers()
        self._on_status(event)
        self.resultsReset.emit("alignment")

    def _on_session_file(self, event: SessionFileDone) -> None:
        if event.ok:
            self.session_path = event.path
        self.sessionFileDone.emit(event.action, event.ok, event.path, event.message)

    def _on_session_opened(self, event: SessionOpened) -> None:
        self._forget_runs()  # the GUI-side histories belong to the old session
        self.sessionOpened.emit(event.path)
        self.resultsReset.emit("session")

    def _on_progress(self, event: JobProgress) -> None:
        self.jobProgress.emit(str(event.what), event.fraction, event.text)

    def _forget_runs(self) -> None:
        for pillar in self._pillars:
            pillar.forget_run()

    # -- a worker that died comes back ------------------------------------------------------
    def _on_worker_died(self, event: WorkerDied) -> None:
        """Say so, start a new worker on the last saved session (or the shipped model),
        and say what was lost: at most the work since the last step it reported."""
        self.is_ready = False
        lost = what_was_lost(self)
        for pillar in self._pillars:
            pillar.on_worker_died()
        self.busyChanged.emit("training", False)
        if not self._started or not self.restarts.allow(time.monotonic()):
            self._report(self.tr("The engine stopped unexpectedly"), self.tr(
                "The process that runs the model ended suddenly (exit code {code}) and keeps "
                "ending. Restart the app to continue.").format(code=event.exit_code))
            return
        if self.session_path:
            message = self.tr("The process that runs the model ended suddenly (exit code {code}). "
                              "It is starting again with the session last saved in “{path}”.")
        else:
            message = self.tr("The process that runs the model ended suddenly (exit code {code}). "
                              "It is starting again with the model the app ships with.")
        message = message.format(code=event.exit_code, path=self.session_path) + " " + lost
        self._report(self.tr("The engine stopped unexpectedly and is starting again"), message)
        self._forget_runs()
        self.restarts.pending_refresh = True
        self.busyChanged.emit("loading", True)
        self.backend.restart(self.session_path)
        self.workerRestarted.emit(lost)

    def _report(self, title: str, message: str) -> None:
        log.error("%s: %s", title, message)
        self.jobFailed.emit(title, message)
