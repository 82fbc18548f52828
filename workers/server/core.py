"""The engine server: executes the GUI's commands against one Session.

No Qt here (this runs inside the spawned engine worker, which never loads Qt). Both
backends of the controller drive the same server: `workers.engine_main.worker_main` in
a spawned process (the app), and gui/bridge/backends.py's `InProcessBackend` on the GUI
thread from a timer (tests). Everything it says goes out through one `emit(event)`
callback as a `workers.protocol` event; the long jobs run in one `JobRunner`.

The commands are handled by one part per pillar (pretraining.py, finetuning.py,
alignment.py) and one for session files; this core loads the model, dispatches, and
swaps the whole session (reset the demo, open a file).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from workers.protocol import (
    Activity,
    AlignmentHistoryReport,
    DataSummaryReport,
    DemoReset,
    EngineCommand,
    Failed,
    GetStatus,
    LoadFailed,
    ModelTokenizer,
    QASetReport,
    Ready,
    ResetDemo,
    RunState,
    SessionFileDone,
    SessionOpened,
    TrainingState,
)
from workers.server.alignment import AlignmentCommands
from workers.server.context import Emit, ServerContext, default_session, message_of
from workers.server.finetuning import FinetuningCommands
from workers.server.inside import InsideCommands
from workers.server.pretraining import TRAINING, PretrainingCommands
from workers.server.session_files import SessionFileCommands

__all__ = ["EngineServer", "default_session"]


class EngineServer(ServerContext):
    """Executes controller commands against one Session; advances its jobs."""

    def __init__(self, session_factory: Callable[[], Any], emit: Emit):
        super().__init__(session_factory, emit)
        self.pretraining = PretrainingCommands(self)
        self.inside = InsideCommands(self)
        self.finetuning = FinetuningCommands(self)
        self.alignment = AlignmentCommands(self)
        self.session_files = SessionFileCommands(self, self._open_swap)
        self._handlers: dict[type, Callable[[Any], None]] = {
            GetStatus: lambda _cmd: self.send_status(), ResetDemo: self._reset_demo,
            **self.pretraining.handlers(), **self.inside.handlers(), **self.finetuning.handlers(),
            **self.alignment.handlers(), **self.session_files.handlers(),
        }

    # -- life cycle ----------------------------------------------------------------------
    def load(self) -> bool:
        """Build the session (imports torch, loads the model); report progress."""
        self.busy(Activity.LOADING, True)
        try:
            self.session = self.session_factory()
            self.emit(Ready(self.session.status()))
            # The model's own tokenizer first (instant, from the checkpoint); the three
            # side by side need the corpus, which takes a moment to build.
            self.emit(ModelTokenizer(self.session.ensure_tokenizer().to_dict()))
        except Exception as exc:  # noqa: BLE001 - reported to the person, never silent
            self.error("Could not load the model", exc, None)
            self.emit(LoadFailed(message_of(exc)))
            return False
        finally:
            self.busy(Activity.LOADING, False)
        self.busy(Activity.DATA, True)
        try:
            self.send_tokenizers()
        except Exception as exc:  # noqa: BLE001
            self.error("Could not prepare the tokenizers", exc, None)
        finally:
            self.busy(Activity.DATA, False)
        return True

    @property
    def wants_to_run(self) -> bool:
        """True while a job (training, fine-tuning, a ranker, a save) should be advanced."""
        return self.runner.wants_to_run

    def advance(self) -> None:
        """One item of each running job."""
        self.runner.advance()

    def flush(self) -> None:
        """Send what the jobs gathered (the worker calls it when idle)."""
        self.runner.flush_all()

    # -- commands ------------------------------------------------------------------------
    def handle(self, command: EngineCommand) -> None:
        """Execute one quick command; an exception becomes a Failed event naming it."""
        handler = self._handlers.get(type(command))
        if handler is None:
            self.emit(Failed("Unknown request", f"The engine has no command {command.kind!r}.",
                             "", command.kind, command.id))
            return
        if self.session is None:
            self.emit(Failed("The model is not loaded", "The model could not be loaded, so this "
                             "request cannot run. See the earlier message.", "",
                             command.kind, command.id))
            return
        try:
            handler(command)
        except Exception as exc:  # noqa: BLE001
            self.error(command.failure, exc, command)

    # -- a whole new session ---------------------------------------------------------------
    def _swap(self, new, cmd: EngineCommand) -> None:
        """Stop every job of the model (announced), put `new` in place, reuse the data built."""
        had_training = self.runner.running(TRAINING) is not None
        self.make_room(cmd)
        if not had_training:
            self.emit(TrainingState(RunState.STOPPED))
        old, self.session = self.session, new
        new.reuse_built_data(old)  # the corpus of the same seed is not rebuilt
        self.pretraining.forget()

    def _reset_demo(self, cmd: ResetDemo) -> None:
        """Everything back to what the app ships: every model job stopped, the shipped
        model, the default mix, the bundled question/answer pairs.

        The shipped checkpoint is read again (a fraction of a second with one torch
        thread); the corpus and the encoded data already built are kept when they belong
        to it, so nothing slow is rebuilt. The status goes out first.
        """
        self.busy(Activity.LOADING, True)
        try:
            new = self.session_factory()
        finally:
            self.busy(Activity.LOADING, False)
        self._swap(new, cmd)
        self.emit(DemoReset(self.session.status()))
        self.send_tokenizers()
        self.emit(QASetReport(self.session.finetuning.qa_set()))
        self.emit(DataSummaryReport(self.session.data_summary()))

    def _open_swap(self, new, path: str, cmd: EngineCommand) -> None:
        self._swap(new, cmd)
        self.sent_tokenizer = None
        self.emit(SessionOpened(path))
        self.emit(Ready(new.status()))
        self.emit(SessionFileDone("open", True, path,
                                  f'Opened the session "{os.path.basename(path)}".'))
        self.busy(Activity.DATA, True)
        try:
            self.emit(ModelTokenizer(new.ensure_tokenizer().to_dict()))
            self.emit(QASetReport(new.finetuning.qa_set()))
            if new.alignment.run is not None:
                self.emit(AlignmentHistoryReport(tuple(new.alignment.history())))
            self.send_tokenizers()
            self.emit(DataSummaryReport(new.data_summary()))
        finally:
            self.busy(Activity.DATA, False)

