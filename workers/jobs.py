"""One job runner for every long job of the engine worker.

A job is an engine generator (training, fine-tuning, a scripted ranker's run, a session
save) that the worker advances one item at a time, answering quick commands between
items. The runner holds two slots: "model" (jobs that change the live model: one at a
time, so starting one ends the other) and "file" (a save, which copies the session at
its first chunk and may run beside training). Each job says what to do with its items
(`on_items`, called at most every `flush_every` seconds), how it ends (`on_end`) and how
to ask the engine to stop (`request_stop`); the runner does advance / flush / stop /
finish, pausing and single steps the same way for all.
"""

from __future__ import annotations

import math
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from workers.protocol import EngineCommand, RunState

Slot = Literal["model", "file"]

# Items go out in small batches: one message per ~50 ms instead of one per step keeps the
# queue traffic (and the pickling in the worker) negligible next to training.
FLUSH_EVERY_S = 0.05


@dataclass(eq=False)
class Job:
    """A generator and what to do with what it yields."""

    name: str  # for messages: "training", "fine-tuning", ...
    steps: Iterator
    command: EngineCommand  # what started it: a failure names it
    on_items: Callable[[list], None]  # send the items gathered since the last flush
    on_end: Callable[[RunState | None], None]  # after the last flush: how it ended (None:
    # replaced by a job of its own kind, nothing to announce)
    on_error: Callable[[BaseException, EngineCommand], None]
    request_stop: Callable[[], None] = lambda: None  # the engine's stop flag
    state_of: Callable[[Any], RunState | None] = lambda item: None  # a final item's state
    exhausted: RunState = RunState.DONE  # the state when the generator simply ends
    slot: Slot = "model"
    flush_every: float = FLUSH_EVERY_S
    drain_on_stop: bool = True  # forward the items a stopped generator still yields
    on_paused: Callable[[], None] = lambda: None  # a single step is done
    # How far it got, (step, total or None), for the message when another job stops it.
    progress: Callable[[], tuple[int, int | None]] = lambda: (0, None)
    paused: bool = False
    steps_left: int | None = None  # a single step: run this many, then pause
    _batch: list = field(default_factory=list)
    _last_flush: float = -math.inf  # the first flush is due at once (perf_counter may be small)


class JobRunner:
    """Advance / flush / stop / finish for the jobs in the two slots."""

    def __init__(self) -> None:
        self.slots: dict[str, Job | None] = {"model": None, "file": None}

    def job(self, slot: Slot) -> Job | None:
        return self.slots[slot]

    def running(self, name: str) -> Job | None:
        """The job called `name`, if it holds a slot now."""
        return next((j for j in self.slots.values() if j is not None and j.name == name), None)

    @property
    def wants_to_run(self) -> bool:
        return any(j is not None and not j.paused for j in self.slots.values())

    def start(self, job: Job) -> None:
        """Put `job` in its slot, stopping the one there (one model job at a time)."""
        self.stop(job.slot)
        self.slots[job.slot] = job

    def advance(self) -> None:
        """One item of each running job: the file slot first (a save chunk is short)."""
        for slot in ("file", "model"):
            job = self.slots[slot]
            if job is not None and not job.paused:
                self.step(job)

    def step(self, job: Job) -> None:
        """Advance `job` by one item (a save's first chunk runs at once, see session_files)."""
        try:
            item = next(job.steps)
        except StopIteration:
            self.finish(job, job.exhausted)
            return
        except Exception as exc:  # noqa: BLE001 - reported to the person, never silent
            job.on_error(exc, job.command)
            self.finish(job, RunState.STOPPED)
            return
        job._batch.append(item)
        state = job.state_of(item)
        if state is not None:
            self.finish(job, state)
            return
        if job.steps_left is not None:
            job.steps_left -= 1
            if job.steps_left <= 0:
                job.steps_left = None
                self.flush(job, force=True)
                job.paused = True
                job.on_paused()
                return
        self.flush(job)

    def flush(self, job: Job, force: bool = False) -> None:
        now = time.perf_counter()
        if not job._batch or (not force and now - job._last_flush < job.flush_every):
            return
        batch, job._batch = job._batch, []
        job._last_flush = now
        job.on_items(batch)

    def flush_all(self) -> None:
        for job in self.slots.values():
            if job is not None:
                self.flush(job, force=True)

    def pause(self, slot: Slot = "model") -> Job | None:
        job = self.slots[slot]
        if job is not None and not job.paused:
            job.steps_left = None
            self.flush(job, force=True)
            job.paused = True
        return job

    def resume(self, slot: Slot = "model", steps: int | None = None) -> None:
        job = self.slots[slot]
        if job is not None:
            job.paused = False
            job.steps_left = steps

    def stop(self, slot: Slot, announce: bool = True) -> None:
        """End the job in `slot` now (what it still yields on stopping is forwarded)."""
        job = self.slots[slot]
        if job is None:
            return
        try:
            job.request_stop()
            if job.drain_on_stop:
                for item in job.steps:  # ends at once: the flag is checked before a step
                    job._batch.append(item)
        except Exception as exc:  # noqa: BLE001
            job.on_error(exc, job.command)
        self.finish(job, RunState.STOPPED, announce)

    def stop_all(self) -> None:
        for slot in ("file", "model"):
            self.stop(slot)  # type: ignore[arg-type]

    def finish(self, job: Job, state: RunState, announce: bool = True) -> None:
        if self.slots[job.slot] is job:
            self.slots[job.slot] = None
        close = getattr(job.steps, "close", None)
        if close is not None:
            close()
        job.steps_left = None
        self.flush(job, force=True)
        job.on_end(state if announce else None)


def format_traceback(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))
