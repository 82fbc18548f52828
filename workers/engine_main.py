"""The engine worker process: the live model, away from the GUI thread.

`worker_main` is what the spawned process runs (gui/bridge/backends.py spawns it through
workers/process.py). Between two steps of a running job it answers every command that
is waiting, so a probe or a click never waits for a training run to end.
"""

from __future__ import annotations

import gc
import queue
import sys
import time
from collections.abc import Callable
from typing import Any

from workers.process import start_parent_watch
from workers.protocol import Bye, Shutdown
from workers.server.core import EngineServer, default_session

# The worker's environment (set before it starts, as glibc reads it at its first malloc).
# Two heaps instead of up to 8 per core: the worker's few threads (the loop, the queue's
# sender, the parent watch) share them, so pages freed by one are reused by the next job
# instead of sitting in another thread's heap.
ENGINE_ENV = {"MALLOC_ARENA_MAX": "2"}

IDLE_S = 0.5  # no command for this long: an idle spell
# While commands keep coming (a panel asking every few hundred ms), trim anyway this
# often, so no idle spell is needed for the heap to shrink.
TRIM_AT_LEAST_EVERY_S = 10.0


def _libc_malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # only on Linux, where glibc has malloc_trim

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


class MemoryTrimmer:
    """Hands the heap that jobs freed back to the OS (glibc only).

    Measured with bench/soak.py and the same cycles run headless: the worker's Python
    objects and live tensors were the same after every cycle, yet its RSS crept up
    (593 -> 666 MB in 8 cycles; later 676 -> 1,105 MB in 31 cycles, when the GUI's
    requests kept the worker from ever being idle for 0.5 s) because glibc keeps freed
    pages. A session replaced by reset or open is not freed at once either: it sits in
    reference cycles (4,363 objects, ~45 MB) until Python's rare full collection, so
    every reset or open added to the heap until then. The worker trims when a job ends
    or pauses, after an idle spell, at least every TRIM_AT_LEAST_EVERY_S while it
    handles commands, and collects the old session then trims when the session is
    replaced; headless, the same cycles then stay flat. malloc_trim is a no-op outside
    glibc (macOS, Windows, musl).
    """

    def __init__(self, trim: Callable[[int], int] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 collect: Callable[[], int] = gc.collect) -> None:
        self._trim = trim if trim is not None else _libc_malloc_trim()
        self._clock = clock
        self._collect = collect
        self._dirty = False
        self._last = clock()
        self.trims = 0  # how many times memory was handed back (for tests and benches)

    def busy(self) -> None:
        self._dirty = True

    def trim(self) -> None:
        """Hand freed memory back now, if anything ran since the last time."""
        if self._dirty and self._trim is not None:
            self._dirty = False
            self._last = self._clock()
            self._trim(0)
            self.trims += 1

    def session_replaced(self) -> None:
        """The old session is garbage: collect its cycles now (a fraction of a second,
        once per reset or open), then hand its memory back."""
        self._collect()
        self._dirty = True
        self.trim()

    def trim_if_due(self) -> None:
        if self._clock() - self._last >= TRIM_AT_LEAST_EVERY_S:
            self.trim()


def serve(server, cmd_q, trimmer: MemoryTrimmer) -> None:
    """Answer commands and advance jobs until a Shutdown arrives.

    server: an EngineServer (handle, advance, flush, wants_to_run, session).
    """
    was_running = False
    session = server.session

    def notice_new_session() -> None:
        nonlocal session
        if server.session is not session:  # reset or open: the old model is garbage now
            session = server.session
            trimmer.session_replaced()

    def handle(command) -> None:
        trimmer.busy()
        server.handle(command)
        notice_new_session()

    while True:
        if server.wants_to_run:
            was_running = True
            trimmer.busy()
            # Between two steps: answer whatever is waiting, then advance one step.
            while True:
                try:
                    command = cmd_q.get_nowait()
                except queue.Empty:
                    break
                if isinstance(command, Shutdown):
                    return
                handle(command)
            if server.wants_to_run:
                server.advance()
                notice_new_session()  # an open swaps the session when its job ends
            continue
        server.flush()
        if was_running:  # a job ended or paused: give back what it freed before the next
            was_running = False
            trimmer.trim()
        try:
            command = cmd_q.get(timeout=IDLE_S)
        except queue.Empty:
            trimmer.trim()
            continue
        if isinstance(command, Shutdown):
            return
        handle(command)
        trimmer.trim_if_due()


def worker_main(cmd_q, res_q, parent_conn, parent_pid: int,
                session_factory: Callable[[], Any] = default_session) -> None:
    """Entry point of the spawned engine process."""
    start_parent_watch(parent_conn, parent_pid)
    import torch  # here, not at module level: the GUI imports this module too

    torch.set_num_threads(1)  # one core for the model, the other stays free for the GUI
    server = EngineServer(session_factory, res_q.put)
    server.load()
    try:
        serve(server, cmd_q, MemoryTrimmer())
    except KeyboardInterrupt:
        return
    finally:
        res_q.put(Bye())
        res_q.close()
        res_q.join_thread()
        sys.stdout.flush()
