"""The engine worker hands freed memory back when a job ends, not only after an idle spell.

bench/soak.py showed the worker's RSS growing ~16 MB a cycle while the GUI kept it busy
with requests (no 0.5 s idle spell, so no trim). These tests drive the worker's loop
(`serve`) with a scripted server and count the trims; no clock is read.
"""

import queue

from workers.engine_main import ENGINE_ENV, MemoryTrimmer, serve
from workers.protocol import GetStatus, ResetDemo, Shutdown


class ScriptedServer:
    """Runs a job of `steps` items when asked; a ResetDemo replaces the session."""

    def __init__(self, steps: int, log: list):
        self.session = object()
        self.left = 0
        self.steps = steps
        self.log = log

    @property
    def wants_to_run(self) -> bool:
        return self.left > 0

    def handle(self, command) -> None:
        self.log.append(type(command).__name__)
        if isinstance(command, GetStatus):
            self.left = self.steps  # "start a job"
        if isinstance(command, ResetDemo):
            self.session = object()

    def advance(self) -> None:
        self.left -= 1
        self.log.append("step")

    def flush(self) -> None:
        pass


class NeverIdleQueue:
    """Hands out the scripted commands at once; get() never times out before the end."""

    def __init__(self, commands):
        self.commands = list(commands)

    def get(self, timeout=None):
        return self.commands.pop(0)

    def get_nowait(self):
        raise queue.Empty


def _trimmer(log, clock=lambda: 0.0):
    return MemoryTrimmer(trim=lambda _pad: log.append("trim") or 1, clock=clock,
                         collect=lambda: log.append("collect") or 0)


def _run(commands, steps=3):
    log: list = []
    trimmer = _trimmer(log)
    serve(ScriptedServer(steps, log), NeverIdleQueue(commands), trimmer)
    return log, trimmer


def test_trims_when_a_job_ends_without_waiting_for_an_idle_spell():
    log, trimmer = _run([GetStatus(), GetStatus(), Shutdown()])
    # Each job's steps, then a trim before the next command is even read.
    assert log == ["GetStatus", "step", "step", "step", "trim",
                   "GetStatus", "step", "step", "step", "trim"]
    assert trimmer.trims == 2


def test_collects_the_old_session_and_trims_when_the_session_is_replaced():
    log, _ = _run([ResetDemo(), Shutdown()])
    assert log == ["ResetDemo", "collect", "trim"]


def test_a_quick_command_alone_does_not_trim():
    log, _ = _run([ResetDemo(), ResetDemo(), Shutdown()], steps=0)
    assert log.count("trim") == 2 and log.count("collect") == 2  # the two resets
    log, _ = _run([Shutdown()])
    assert "trim" not in log


def test_trims_after_an_idle_spell_only_if_something_ran():
    class IdleThenStop(NeverIdleQueue):
        def get(self, timeout=None):
            if self.commands and self.commands[0] == "idle":
                self.commands.pop(0)
                raise queue.Empty
            return super().get(timeout)

    log: list = []
    server = ScriptedServer(0, log)
    serve(server, IdleThenStop(["idle", GetStatus(), "idle", "idle", Shutdown()]), _trimmer(log))
    assert log == ["GetStatus", "trim"]  # the idle spells after it find nothing new


def test_trims_while_commands_keep_coming_once_it_is_due():
    now = [0.0]
    log: list = []
    trimmer = _trimmer(log, clock=lambda: now[0])

    class Ticking(NeverIdleQueue):
        def get(self, timeout=None):
            now[0] += 3.0  # a request every 3 s: never idle for 0.5 s... in this script
            return super().get(timeout)

    server = ScriptedServer(0, log)
    serve(server, Ticking([GetStatus()] * 4 + [Shutdown()]), trimmer)
    assert log.count("trim") == 1  # at 12 s, the first time 10 s had passed


def test_the_worker_is_born_with_two_malloc_arenas():
    assert ENGINE_ENV["MALLOC_ARENA_MAX"] == "2"
