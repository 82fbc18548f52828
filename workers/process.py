"""A worker process, written once: spawn, lifeline, parent watch, shutdown.

Both workers (the engine and the map-drawing one) are spawned children with one queue in
and one queue out. The parent keeps the only write end of a pipe (the lifeline); the
child watches the read end and exits when it closes, which the OS does however the
parent dies, even by SIGKILL. No Qt here: the GUI side wraps `WorkerProcess` in a reader
thread and a queued signal (gui/bridge/backends.py, gui/bridge/projection_client.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any


# -- the child's side ----------------------------------------------------------------------
def watch_parent(conn, parent_pid: int) -> None:
    """Exit this process as soon as the parent is gone, even if it crashed.

    The parent holds the only write end of `conn`; when it dies the OS closes it and
    recv() raises EOFError. The pid check covers platforms where that is not enough.
    """
    while True:
        try:
            if conn.poll(1.0):
                conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if os.getppid() != parent_pid:
            os._exit(0)


def start_parent_watch(conn, parent_pid: int) -> None:
    """Run `watch_parent` on a daemon thread of the child (first thing in its main)."""
    threading.Thread(target=watch_parent, args=(conn, parent_pid), daemon=True,
                     name="parent-watchdog").start()


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of the block (the parent's main thread)."""
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


# -- the parent's side ---------------------------------------------------------------------
class WorkerProcess:
    """One spawned child: `target(inbox, outbox, lifeline_end, parent_pid, *args)`.

    env: variables the child must be born with (numpy sizes its BLAS pool on import,
    before the target runs).
    """

    def __init__(self, target: Callable[..., None], args: tuple = (), name: str = "worker",
                 env: dict[str, str] | None = None):
        self._target = target
        self._args = args
        self._name = name
        self._env = env or {}
        self._ctx = mp.get_context("spawn")
        self._proc = None
        self.inbox = None  # commands to the child
        self.outbox = None  # events from the child
        self._lifeline = None

    @property
    def started(self) -> bool:
        return self._proc is not None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    @property
    def exitcode(self) -> int | None:
        return None if self._proc is None else self._proc.exitcode

    def start(self) -> None:
        self.inbox = self._ctx.Queue()
        self.outbox = self._ctx.Queue()
        # The child's watchdog reads `child_end`; we keep the only write end.
        child_end, self._lifeline = self._ctx.Pipe(duplex=False)
        self._proc = self._ctx.Process(
            target=self._target,
            args=(self.inbox, self.outbox, child_end, os.getpid(), *self._args),
            name=self._name, daemon=True,
        )
        try:
            with environment(self._env):
                self._proc.start()
        except BaseException:
            self._proc = None
            raise
        finally:
            child_end.close()

    def send(self, message: Any) -> None:
        if self.inbox is not None:
            self.inbox.put(message)

    def get(self, timeout: float) -> Any:
        """The next event, or raises queue.Empty after `timeout` seconds."""
        return self.outbox.get(timeout=timeout)

    def drain(self, first: Any = None, limit: int = 500) -> list:
        """`first` and whatever else is waiting, without blocking."""
        batch = [] if first is None else [first]
        while len(batch) < limit:
            try:
                batch.append(self.outbox.get_nowait())
            except queue.Empty:
                break
        return batch

    def shutdown(self, stop_message: Any, grace: float = 3.0) -> None:
        """Ask the child to stop, wait `grace` s, then terminate, then kill. Safe twice."""
        if self._proc is None:
            return
        with contextlib.suppress(ValueError, OSError):
            self.send(stop_message)
        self._proc.join(grace)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(2.0)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(1.0)
        for q in (self.inbox, self.outbox):
            q.cancel_join_thread()
            q.close()
        self._lifeline.close()
        self._proc = None


class EventReader:
    """A daemon thread that forwards a worker's events in batches and notices its death.

    on_batch(list) gets every batch (the last one holds the worker's bye); on_died()
    is called once if the process ends without one. Both run on the reader thread:
    the GUI side hands them to a queued signal.
    """

    def __init__(self, worker: WorkerProcess, on_batch: Callable[[list], None],
                 on_died: Callable[[], None], is_bye: Callable[[Any], bool], name: str):
        self._worker = worker
        self._on_batch = on_batch
        self._on_died = on_died
        self._is_bye = is_bye
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(1.0)

    def _loop(self) -> None:
        try:
            self._read()
        except RuntimeError as err:
            # subtle: the Qt object the events go to was deleted (an app torn down without
            # stopping its readers first): nobody is left to tell, so no traceback either.
            if "deleted" not in str(err):
                raise

    def _read(self) -> None:
        worker = self._worker
        while not self._stopping.is_set():
            try:
                first = worker.get(timeout=0.25)
            except queue.Empty:
                if not worker.alive and not self._stopping.is_set():
                    self._on_died()
                    return
                continue
            except (EOFError, OSError, ValueError, AttributeError):
                return
            batch = worker.drain(first)
            self._on_batch(batch)
            if any(self._is_bye(e) for e in batch):
                return
