"""Does the engine worker's memory creep? The soak's engine work, headless, through the
worker's own loop.

    python bench/worker_memory.py [--cycles 8] [--trim worker|none]

Runs `workers.engine_main.serve` (the loop of the spawned engine worker, with its
MemoryTrimmer) in this process against the default session, fed by a script of the
commands bench/soak.py's cycle sends: train 20 steps, a word-map snapshot and the
neighbours of "sea", fine-tune 15 steps and compare the stages, two answers with a
choice and a thumb, save the session (every other cycle open it again). No GUI, so the
figures are the engine's alone and do not depend on the machine's load. Prints the
resident memory (VmRSS) after each cycle; --trim none gives the same loop a trimmer that
never trims (what the worker did when the GUI kept it from an idle spell). Goal: growth
under 10 % after cycle 1.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROMPTS = ("What makes the sea salty?", "Why is the wind cold?", "Who is the queen?",
           "What do apples taste like?", "Where do birds sleep?")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


class ScriptedInbox:
    """The worker's command queue, filled by a generator that can read the events so far.

    get_nowait() is always empty, so a job (training, fine-tuning) runs to its end before
    the next command, as the soak waits for each."""

    def __init__(self, script):
        self._script = script

    def get(self, timeout=None):
        return next(self._script)

    def get_nowait(self):
        raise queue.Empty


def script(events: list, cycles: int, folder: Path, report):
    from engine.alignment.preference import PreferencePair, Thumb
    from workers.protocol import commands as c

    def last(kind):
        return next(e for e in reversed(events) if type(e).__name__ == kind)

    for n in range(1, cycles + 1):
        t = time.perf_counter()
        yield c.Train(from_scratch=False, seed=n, max_steps=20)
        yield c.GetEmbeddingSnapshot()
        yield c.FindNeighbours(word="sea", k=8)
        yield c.FineTune(seed=n, max_steps=15)
        yield c.Compare(key="soak", question=PROMPTS[n % len(PROMPTS)])
        for k in range(2):
            yield c.WriteCandidates(key="soak", prompt=PROMPTS[(n + k) % len(PROMPTS)], n=2,
                                    seed=n * 10 + k)
            cand = last("CandidatesReport").candidates
            a, b = cand.answers[0], cand.answers[1]
            yield c.LearnFromFeedback(feedback=PreferencePair(cand.prompt, cand.prompt_ids, a, b)
                                      if k == 0 else Thumb(cand.prompt, cand.prompt_ids, b, up=False))
        path = folder / "soak.pillars"
        yield c.SaveSession(path=str(path))
        if n % 2 == 0:
            yield c.OpenSession(path=str(path))
        yield c.GetStatus()  # the cycle's last command: what came before has run
        report(n, time.perf_counter() - t)
    yield c.Shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=8)
    parser.add_argument("--trim", choices=("worker", "none"), default="worker")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)  # as the worker
    from workers.engine_main import MemoryTrimmer, serve
    from workers.server.core import EngineServer, default_session

    events: list = []
    failures: list = []

    def emit(event) -> None:
        if type(event).__name__ == "Failed":
            failures.append(event)
        events.append(event)
        if len(events) > 400:  # keep the newest only, as the GUI does
            del events[:200]

    server = EngineServer(default_session, emit)
    server.load()
    trimmer = MemoryTrimmer() if args.trim == "worker" else MemoryTrimmer(trim=lambda _pad: 0,
                                                                          collect=lambda: 0)
    first: list[float] = []

    def report(n: int, seconds: float) -> None:
        mb = rss_mb()
        if not first:
            first.append(mb)
        print(f"cycle {n:2d} ({seconds:5.1f} s): RSS {mb:7.1f} MB, growth since cycle 1 "
              f"{(mb / first[0] - 1) * 100:+5.1f} %"
              + (f", trims so far {trimmer.trims}" if args.trim == "worker" else ""), flush=True)

    folder = Path(tempfile.mkdtemp(prefix="three-pillars-worker-memory-"))
    serve(server, ScriptedInbox(script(events, args.cycles, folder, report)), trimmer)
    print(f"trim={args.trim}: {args.cycles} cycles; errors reported by the engine: {len(failures)}"
          f" (load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
