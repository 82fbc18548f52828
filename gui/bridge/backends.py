"""Where the engine runs: in a spawned worker process (the app) or on the GUI thread (tests).

Both backends have the same interface: start(deliver), send(command), shutdown(), alive,
and restart(); `deliver(list_of_events)` is always called on the GUI thread.
"""

from __future__ import annotations

import functools
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workers.engine_main import ENGINE_ENV, worker_main
from workers.process import EventReader, WorkerProcess
from workers.protocol import Bye, EngineCommand, Shutdown, WorkerDied
from workers.server.context import session_from_file
from workers.server.core import EngineServer, default_session

Deliver = Callable[[list], None]


class _Relay(QObject):
    """Carries event batches from the reader thread to the GUI thread (queued signal)."""

    events = Signal(object)


def _preload_engine() -> None:
    """Import the engine's result types (and torch) so unpickling them later is instant."""
    import engine.pretraining.inside  # noqa: F401
    import engine.pretraining.probes  # noqa: F401
    import engine.pretraining.trainer  # noqa: F401
    import engine.session.core  # noqa: F401
    import engine.tokenizers  # noqa: F401


class ProcessBackend:
    """Runs the engine in a spawned worker process with one torch thread.

    reader: "thread" (a small thread blocks on the event queue and forwards batches with
    a queued signal) or "poll" (a 30 Hz QTimer drains the queue on the GUI thread).
    """

    def __init__(self, session_factory: Callable[[], Any] = default_session, reader: str = "thread"):
        if reader not in ("thread", "poll"):
            raise ValueError(f"reader must be 'thread' or 'poll', got {reader!r}")
        self._factory = session_factory
        self._reader_mode = reader
        self._worker: WorkerProcess | None = None
        self._reader: EventReader | None = None
        self._relay: _Relay | None = None
        self._poll_timer: QTimer | None = None
        self._deliver: Deliver | None = None
        self._died_reported = False

    @property
    def alive(self) -> bool:
        return self._worker is not None and self._worker.alive

    @property
    def pid(self) -> int | None:
        return None if self._worker is None else self._worker.pid

    def start(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._relay = _Relay()
        self._relay.events.connect(deliver)
        if self._reader_mode == "poll":
            threading.Thread(target=_preload_engine, name="engine-preload", daemon=True).start()
            self._poll_timer = QTimer()
            self._poll_timer.setInterval(33)
            self._poll_timer.timeout.connect(self._poll)
        self._spawn(self._factory)

    def _spawn(self, factory: Callable[[], Any]) -> None:
        self._died_reported = False
        self._worker = WorkerProcess(worker_main, (factory,), name="three-pillars-engine",
                                     env=ENGINE_ENV)
        self._worker.start()
        if self._reader_mode == "thread":
            self._reader = EventReader(self._worker, self._relay.events.emit, self._report_death,
                                       lambda e: isinstance(e, Bye), name="engine-reader")
            self._reader.start()
        else:
            self._poll_timer.start()

    def restart(self, session_file: str | None = None) -> None:
        """A new worker after the old one died: the session file if given, else the default."""
        self._stop_worker(grace=0.0)
        factory = functools.partial(session_from_file, session_file) if session_file else self._factory
        self._spawn(factory)

    def send(self, command: EngineCommand) -> None:
        if self._worker is not None:
            self._worker.send(command)

    def _report_death(self) -> None:
        if not self._died_reported:
            self._died_reported = True
            code = self._worker.exitcode if self._worker is not None else None
            self._relay.events.emit([WorkerDied(code)])

    def _poll(self) -> None:
        try:
            batch = self._worker.drain()
        except (EOFError, OSError):
            batch = []
        if batch:
            self._relay.events.emit(batch)
        elif not self._worker.alive:
            self._poll_timer.stop()
            self._report_death()

    def _stop_worker(self, grace: float) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
        if self._reader is not None:
            self._reader.stop()
            self._reader = None
        if self._worker is not None:
            self._worker.shutdown(Shutdown(), grace=grace)

    def shutdown(self, timeout: float = 3.0) -> None:
        if self._worker is None:
            return
        self._stop_worker(grace=timeout)


class InProcessBackend(QObject):
    """The same engine server on the GUI thread, one command or job step per tick.

    For tests: no process, no threads; a zero-interval QTimer advances the work, so the
    event loop (and qtbot.waitSignal) keeps running between steps.
    """

    def __init__(self, session_factory: Callable[[], Any] = default_session, parent=None):
        super().__init__(parent)
        self._factory = session_factory
        self._commands: deque = deque()
        self._events: list = []
        self._deliver: Deliver | None = None
        self._server: EngineServer | None = None
        self._loaded = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    @property
    def alive(self) -> bool:
        return self._server is not None

    @property
    def server(self) -> EngineServer | None:
        return self._server

    def start(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._server = EngineServer(self._factory, self._events.append)
        self._loaded = False
        self._timer.start()

    def restart(self, session_file: str | None = None) -> None:
        factory = functools.partial(session_from_file, session_file) if session_file else self._factory
        self._commands.clear()
        self._server = EngineServer(factory, self._events.append)
        self._loaded = False
        self._timer.start()

    def send(self, command: EngineCommand) -> None:
        self._commands.append(command)
        if self._server is not None:
            self._timer.start()

    def _tick(self) -> None:
        server = self._server
        if server is None:
            self._timer.stop()
            return
        if not self._loaded:
            self._loaded = True
            server.load()
        elif self._commands:
            command = self._commands.popleft()
            if not isinstance(command, Shutdown):
                server.handle(command)
        elif server.wants_to_run:
            server.advance()
        else:
            server.flush()
            self._timer.stop()
        if self._events:
            batch, self._events[:] = list(self._events), []
            self._deliver(batch)

    def shutdown(self, timeout: float = 0.0) -> None:
        self._timer.stop()
        self._server = None
