"""Session files in the engine worker (File > Save session… / Open session…).

A save is a job in the runner's file slot, one chunk per item, so its progress is
reported and CancelSave is answered between chunks; the session is copied at its first
chunk, which runs at once, so training may go on meanwhile. Opening reads and checks
the whole file into a new Session first and only then swaps it in: a refused file
changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from workers.jobs import Job
from workers.protocol import (
    Activity,
    CancelSave,
    JobProgress,
    OpenSession,
    RunState,
    SaveSession,
    SessionFileDone,
)
from workers.server.context import ServerContext, message_of

SAVING = "saving"


class SessionFileCommands:
    """Handlers for saving and opening session files.

    swap(new_session, path, cmd): stop what runs on the old session and put `new_session` in its
    place (core.py), then this part says what the new one holds.
    """

    def __init__(self, ctx: ServerContext, swap: Callable[[Any, str, Any], None]):
        self.ctx = ctx
        self._swap = swap
        self._path = ""
        self._last_step: Any = None
        self._failed_save = False

    def handlers(self) -> dict[type, Any]:
        return {SaveSession: self.save, CancelSave: self.cancel, OpenSession: self.open}

    # -- saving --------------------------------------------------------------------------
    def save(self, cmd: SaveSession) -> None:
        from engine.session.file import iter_save_session  # loaded with the session

        ctx = self.ctx
        ctx.runner.stop("file", announce=False)  # a newer save replaces it quietly
        self._path, self._last_step, self._failed_save = str(cmd.path), None, False
        job = Job(SAVING, iter(iter_save_session(cmd.path, ctx.session)), cmd,
                  on_items=self._progress, on_end=self._ended, on_error=self._failed,
                  state_of=lambda step: RunState.DONE if step.done else None,
                  slot="file", flush_every=0.0, drain_on_stop=False)
        ctx.runner.start(job)
        ctx.busy(Activity.SAVING, True)
        ctx.runner.step(job)  # the first chunk copies the session now

    def cancel(self, _cmd: CancelSave | None) -> None:
        self.ctx.runner.stop("file")

    def _progress(self, steps: list) -> None:
        for step in steps:
            self._last_step = step
            if not step.done:
                self.ctx.emit(JobProgress(Activity.SAVING, step.fraction, step.message))

    def _failed(self, exc: BaseException, cmd: SaveSession) -> None:
        self._failed_save = True
        self.ctx.emit(SessionFileDone("save", False, self._path, message_of(exc)))
        self.ctx.emit(JobProgress(Activity.SAVING, -1.0, ""))
        self.ctx.busy(Activity.SAVING, False)
        self.ctx.error(cmd.failure, exc, cmd)

    def _ended(self, state: RunState | None) -> None:
        # close() has run: a cancelled save removed its temp file, the previous file stands
        ctx = self.ctx
        if self._failed_save:
            return  # _failed said it all
        if state == RunState.DONE:
            ctx.emit(JobProgress(Activity.SAVING, -1.0, ""))
            ctx.busy(Activity.SAVING, False)
            step = self._last_step
            ctx.emit(SessionFileDone("save", True, self._path,
                                     step.message if step is not None and step.done
                                     else "Saved."))
            return
        if state is not None:
            name = os.path.basename(self._path)
            ctx.emit(SessionFileDone("save", False, self._path,
                                     f'Saving was cancelled. Any earlier "{name}" is unchanged.'))
        ctx.emit(JobProgress(Activity.SAVING, -1.0, ""))
        ctx.busy(Activity.SAVING, False)

    # -- opening -------------------------------------------------------------------------
    def open(self, cmd: OpenSession) -> None:
        from engine.session.file import SessionFileError, load_session  # loaded with the session

        ctx = self.ctx
        path = str(cmd.path)
        ctx.busy(Activity.OPENING, True)
        try:
            new = load_session(path)  # raises before anything here changes
        except Exception as exc:
            ctx.emit(SessionFileDone("open", False, path, message_of(exc)))
            if isinstance(exc, SessionFileError):
                ctx.error(cmd.failure, exc, cmd, show_trace=False)
                return
            raise
        finally:
            ctx.busy(Activity.OPENING, False)
        ctx.runner.stop("file", announce=False)  # the file is good: a save of the old goes
        self._swap(new, path, cmd)
