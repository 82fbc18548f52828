"""What every part of the engine server shares: the session, the way out, the job runner.

The pillar parts (pretraining.py, finetuning.py, alignment.py, session_files.py) each
get this context and register handlers for their commands; core.py puts them together.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from workers.jobs import JobRunner, format_traceback
from workers.protocol import (
    Activity,
    Busy,
    EngineCommand,
    EngineEvent,
    Failed,
    JobStopped,
    ModelTokenizer,
    StatusReport,
    TokenizersReport,
)

Emit = Callable[[EngineEvent], None]

CHECKPOINT_ENV = "THREE_PILLARS_CHECKPOINT"

# Errors that carry a message written for the person (no traceback needed).
USER_ERRORS = frozenset({"UserTextError", "TokenizerError", "ProbeError", "CheckpointError",
                         "QAFileError", "QAEditError", "SessionFileError", "InsideError",
                         "JSONLimitError", "LibraryIntegrityError"})


def default_session():
    """The shipped default checkpoint (assets/checkpoints/base), or $THREE_PILLARS_CHECKPOINT."""
    from engine.session.core import Session

    path = os.environ.get(CHECKPOINT_ENV)
    return Session.from_checkpoint(path) if path else Session.from_default()


def session_from_file(path: str):
    """A saved session file as the session (what a restarted worker reloads)."""
    from engine.session.file import load_session

    return load_session(path)


def message_of(exc: BaseException) -> str:
    text = str(exc).strip()
    return text if text else type(exc).__name__


class ServerContext:
    """The session, the event callback and the job runner, with small shared helpers."""

    def __init__(self, session_factory: Callable[[], Any], emit: Emit):
        self.session_factory = session_factory
        self.emit = emit
        self.session: Any = None
        self.runner = JobRunner()
        self.sent_tokenizer: int | None = None  # id() of the model tokenizer last sent

    def error(self, title: str, exc: BaseException, command: EngineCommand | None,
              show_trace: bool | None = None) -> None:
        """Report `exc` as the failure of `command` (None: the model's loading)."""
        if show_trace is None:  # subclasses too (BinaryFileError is a UserTextError)
            show_trace = not any(c.__name__ in USER_ERRORS for c in type(exc).__mro__)
        self.emit(Failed(title, message_of(exc), format_traceback(exc) if show_trace else "",
                         command.kind if command is not None else "load",
                         command.id if command is not None else 0))

    def make_room(self, cmd: EngineCommand, keep: str | None = None) -> None:
        """Stop the model's job (unless it is called `keep`) because `cmd` needs the model,
        and say which job stopped and how far it had got: a job never ends unannounced
        because of another one (the GUI asks or queues first where it can)."""
        job = self.runner.job("model")
        if job is None or job.name == keep:
            return
        step, total = job.progress()
        paused = job.paused
        self.runner.stop("model")
        self.emit(JobStopped(job.name, int(step), total, cmd.kind, paused))

    def busy(self, what: Activity, busy: bool) -> None:
        self.emit(Busy(what, busy))

    def send_status(self) -> None:
        self.emit(StatusReport(self.session.status()))

    def tokenizer_changed(self) -> bool:
        return id(self.session.tokenizer) != self.sent_tokenizer

    def send_tokenizers(self) -> None:
        self.sent_tokenizer = id(self.session.tokenizer)
        toks = self.session.tokenizers()
        self.emit(TokenizersReport({name: tok.to_dict() for name, tok in toks.items()}))
        if "bpe" in toks:
            self.emit(ModelTokenizer(toks["bpe"].to_dict()))
