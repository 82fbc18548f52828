"""The engine worker process: the live model, away from the GUI thread.

`worker_main` is what the spawned process runs (gui/bridge/backends.py spawns it through
workers/process.py). Between two steps of a running job it answers every command that
is waiting, so a probe or a click never waits for a training run to end.
"""

from __future__ import annotations

import queue
import sys
from collections.abc import Callable
from typing import Any

from workers.process import start_parent_watch
from workers.protocol import Bye, Shutdown
from workers.server.core import EngineServer, default_session


class MemoryTrimmer:
    """Hands the heap that jobs freed back to the OS, once per idle spell (glibc only).

    Measured with bench/soak.py and the same cycles run headless: the worker's Python
    objects and live tensors were the same after every cycle, yet its RSS crept up
    (593 -> 666 MB in 8 cycles) because glibc keeps freed pages; with malloc_trim(0)
    when idle it stayed flat (380-425 MB). Elsewhere (macOS, Windows, musl) a no-op.
    """

    def __init__(self) -> None:
        self._trim = None
        self._dirty = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes  # only on Linux, where glibc has malloc_trim

                self._trim = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):
                self._trim = None

    def busy(self) -> None:
        self._dirty = True

    def idle(self) -> None:
        if self._dirty and self._trim is not None:
            self._dirty = False
            self._trim(0)


def worker_main(cmd_q, res_q, parent_conn, parent_pid: int,
                session_factory: Callable[[], Any] = default_session) -> None:
    """Entry point of the spawned engine process."""
    start_parent_watch(parent_conn, parent_pid)
    import torch  # here, not at module level: the GUI imports this module too

    torch.set_num_threads(1)  # one core for the model, the other stays free for the GUI
    server = EngineServer(session_factory, res_q.put)
    server.load()
    trimmer = MemoryTrimmer()  # soak: freed memory goes back to the OS when idle
    try:
        while True:
            if server.wants_to_run:
                trimmer.busy()
                # Between two steps: answer whatever is waiting, then advance one step.
                while True:
                    try:
                        command = cmd_q.get_nowait()
                    except queue.Empty:
                        break
                    if isinstance(command, Shutdown):
                        return
                    server.handle(command)
                if server.wants_to_run:
                    server.advance()
            else:
                server.flush()
                try:
                    command = cmd_q.get(timeout=0.5)
                except queue.Empty:
                    trimmer.idle()
                    continue
                if isinstance(command, Shutdown):
                    return
                trimmer.busy()
                server.handle(command)
    except KeyboardInterrupt:
        return
    finally:
        res_q.put(Bye())
        res_q.close()
        res_q.join_thread()
        sys.stdout.flush()
