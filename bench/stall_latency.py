"""No visible stall: how late does the event loop run, at its worst, in each phase of a
lecture, and what was the GUI thread doing when it stalled?

    python bench/stall_latency.py [--train-seconds 10] [--stall-ms 50] [--json PATH] [--sampler]

A fresh app started as gui.app.run starts it (window on the Data step, the engine and
the UMAP worker started once the loop runs), then, phase after phase:
    launch         from the first event-loop turn until the model is ready, plus 2 s;
    open <step>    the first opening of each of the six steps, then 2 s on it;
    training       training from the Windows step for --train-seconds;
    projecting     training with the Embeddings step on screen (word maps, UMAP);
    generating     the fine-tuned and base models answering (Fine-tune's comparison)
                   and two answers written in the chat, three times each.
A 16 ms timer measures lateness (actual interval - 16 ms): p50, p99 and max per phase.
Goal (DESIGN.md, issue 13): max < 50 ms in every phase. Opening a step also reports how
long `show_panel` itself blocked (that block is part of the next tick's lateness).
Each stall also says how much CPU time the GUI thread used during it: near its length,
the app was working; far less, the thread was waiting (for the GIL, for a core the
workers held, or for a machine that stopped: `perf record -a -k CLOCK_MONOTONIC` beside
the run shows which; the stall's "monotonic" times are on that clock).

With --sampler, a thread reads the GUI thread's Python stack every 2 ms; each stall over
--stall-ms is printed with the frames seen most during it (file:line function), so the
culprit can be found without a profiler's overhead on every call. (It can only sample
when the GUI thread lets go of the GIL, so a stall inside one long C++ call is shown at
the Python line that made the call.) Off by default: it takes the GIL every 2 ms, so the
figures read a little worse, and CPython 3.11 crashes inside sys._current_frames() in
some runs (two of five, 2026-12-01).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TICK_MS = 16
STEPS = ("data", "tokens", "windows", "embeddings", "finetune", "chat")


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


class StackSampler:
    """Samples one thread's innermost frames of this repo (and pyqtgraph's) every period."""

    def __init__(self, thread_id: int, period: float = 0.002, other_threads: bool = False):
        self.thread_id = thread_id
        self.other_threads = other_threads
        self.period = period
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(1.0)

    def _run(self) -> None:
        root = str(ROOT)
        me = threading.get_ident()
        names = {}
        while not self._stop.wait(self.period):
            # subtle: CPython 3.11 segfaults inside this call in some runs (in this thread,
            # per faulthandler; pausing the garbage collector around it did not help):
            # it runs only when asked for (--sampler).
            frames = sys._current_frames()
            frame = frames.get(self.thread_id)
            where = []
            while frame is not None and len(where) < 4:
                name = frame.f_code.co_filename
                if name.startswith(root) and "/bench/" not in name or "pyqtgraph" in name:
                    short = name[len(root) + 1:] if name.startswith(root) else "pyqtgraph/" + name.rsplit("pyqtgraph/", 1)[-1]
                    where.append(f"{short}:{frame.f_lineno} {frame.f_code.co_name}")
                elif "importlib" in name and not where:
                    where.append("(importing)")
                frame = frame.f_back
            if not where:  # none of ours: the innermost frames, whoever's they are
                frame = frames.get(self.thread_id)
                while frame is not None and len(where) < 3:
                    where.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno} "
                                 f"{frame.f_code.co_name}")
                    frame = frame.f_back
            # The other threads' innermost frames: when the GUI thread waits for the GIL
            # (its stack shows only the event loop), the holder is among these.
            others = []
            for ident, frame in frames.items() if self.other_threads else ():
                if ident in (self.thread_id, me):
                    continue
                if ident not in names:
                    names[ident] = next((t.name for t in threading.enumerate()
                                         if t.ident == ident), str(ident))
                if frame is not None and "threading.py" not in frame.f_code.co_filename:
                    others.append(f"[{names[ident]}] {Path(frame.f_code.co_filename).name}:"
                                  f"{frame.f_lineno} {frame.f_code.co_name}")
            self.samples.append((time.perf_counter(), tuple(where), tuple(others)))

    def during(self, t0: float, t1: float, top: int = 3) -> list[tuple[str, int]]:
        counts = collections.Counter(w for t, w, _ in self.samples if t0 <= t <= t1 and w)
        return [(" <- ".join(w[:3]), n) for w, n in counts.most_common(top)]

    def others_during(self, t0: float, t1: float, top: int = 3) -> list[tuple[str, int]]:
        counts = collections.Counter(o for t, _, others in self.samples if t0 <= t <= t1
                                     for o in others)
        return counts.most_common(top)


def run(train_seconds: float, stall_ms: float, prepare: bool = True,
        other_threads: bool = False, sample: bool = False, open_only: bool = False) -> dict:
    from app_launch import launch
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    launched = launch(start_key="data", as_the_app=prepare)
    controller, window = launched.controller, launched.window
    built_s = launched.shown_after_s

    now = time.perf_counter
    phase = {"name": "launch"}
    lateness: dict[str, list[float]] = collections.defaultdict(list)
    # (start, end, phase, CPU time the GUI thread used in between) of each late tick
    ticks: list[tuple[float, float, str, float]] = []
    last = {"t": None, "cpu": 0.0}
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)

    phase_starts: dict[str, float] = {}

    def tick():
        t, cpu = now(), time.thread_time()  # a stall the GUI thread did not spend working
        # (its CPU time small) was a wait: for the GIL, a core, or a machine that stopped
        if phase["name"] and phase["name"] not in phase_starts:
            phase_starts[phase["name"]] = t
        if last["t"] is not None and phase["name"]:
            late = (t - last["t"]) * 1000 - TICK_MS
            lateness[phase["name"]].append(late)
            if late > stall_ms:
                ticks.append((last["t"], t, phase["name"], cpu - last["cpu"]))
        last["t"], last["cpu"] = t, cpu

    timer.timeout.connect(tick)
    timer.start()
    sampler = StackSampler(threading.get_ident(), other_threads=other_threads)
    if sample:
        sampler.start()

    def run_for(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def run_until(condition, timeout: float) -> bool:
        deadline = now() + timeout
        while not condition() and now() < deadline:
            run_for(0.02)
        return condition()

    run_until(lambda: controller.is_ready, 300)
    run_for(2.0)
    history = launched.history

    show_cost: dict[str, float] = {}
    for key in STEPS:
        phase["name"] = f"open {key}"
        t = now()
        panel = window.show_panel(key)
        show_cost[key] = (now() - t) * 1000
        ready = getattr(panel, "is_ready", None)
        run_until(lambda r=ready: r is None or r(), 60)
        run_for(2.0)

    if not open_only:  # the phases after the first openings
        phase["name"] = "training"
        window.show_panel("windows")
        controller.pretraining.start_training(from_scratch=False, seed=0)
        run_until(lambda: controller.pretraining.training_state == "running", 60)
        run_for(train_seconds)

        phase["name"] = "projecting"
        window.show_panel("embeddings")
        run_for(train_seconds)
        controller.pretraining.pause_training()
        run_until(lambda: controller.pretraining.training_state != "running", 30)

        phase["name"] = "generating"
        window.show_panel("finetune")
        questions = ("What makes the sea salty?", "Who is the queen?", "Why is the wind cold?")
        for q in questions:
            got = []
            controller.finetuning.comparisonReady.connect(lambda *a, g=got: g.append(a))
            controller.finetuning.request_comparison(q)
            run_until(lambda g=got: bool(g), 60)
            run_for(0.5)
        window.show_panel("chat")
        for i, q in enumerate(questions):
            got = []
            controller.alignment.candidatesReady.connect(lambda *a, g=got: g.append(a))
            controller.alignment.request_candidates(q, n=2, seed=i)
            run_until(lambda g=got: bool(g), 60)
            run_for(0.5)
    phase["name"] = ""
    timer.stop()
    sampler.stop()
    window.close()
    if history is not None:
        history.shutdown()
    controller.shutdown()
    stalls = sorted(ticks, key=lambda s: s[0] - s[1])[:12]
    return {
        "window_built_s": round(built_s, 2),
        "phases": {name: {"p50": round(percentile(v, 50), 1), "p99": round(percentile(v, 99), 1),
                          "max": round(max(v), 1), "ticks": len(v)} for name, v in lateness.items()},
        "show_panel_ms": {k: round(v) for k, v in show_cost.items()},
        "stalls": [{"phase": p, "ms": round((t1 - t0) * 1000 - TICK_MS),
                    "gui_thread_cpu_ms": round(cpu * 1000),
                    "into_phase_s": round(t0 - phase_starts.get(p, t0), 2),
                    "monotonic": [t0, t1],  # time.perf_counter(): CLOCK_MONOTONIC, as perf -k
                    "where": sampler.during(t0, t1),
                    "other_threads": sampler.others_during(t0, t1)} for t0, t1, p, cpu in stalls],
        "load_average": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-seconds", type=float, default=10.0)
    parser.add_argument("--stall-ms", type=float, default=50.0)
    parser.add_argument("--json", metavar="PATH")
    parser.add_argument("--lazy-panels", action="store_true",
                        help="the old start: window first, then the engine; each panel made "
                             "when first opened")
    parser.add_argument("--other-threads", action="store_true",
                        help="also sample the other threads (a GIL holder shows there)")
    parser.add_argument("--sampler", action="store_true",
                        help="also sample the GUI thread's Python stack during stalls (takes "
                             "the GIL every 2 ms; CPython 3.11 crashes in it in some runs)")
    parser.add_argument("--no-sampler", action="store_true",
                        help="lateness only: the default (kept for older command lines)")
    parser.add_argument("--open-only", action="store_true",
                        help="launch and the first openings only (a quicker run, to repeat)")
    args = parser.parse_args()
    r = run(args.train_seconds, args.stall_ms, prepare=not args.lazy_panels,
            other_threads=args.other_threads,
            sample=(args.sampler or args.other_threads) and not args.no_sampler,
            open_only=args.open_only)
    print(f"window built and shown {r['window_built_s']} s after launch; load average "
          f"{r['load_average']:.1f}")
    for name, p in r["phases"].items():
        extra = f", show_panel blocked {r['show_panel_ms'][name[5:]]} ms" if name.startswith("open ") else ""
        ok = "ok" if p["max"] < 50 else "OVER"
        print(f"  {name:16s} p50 {p['p50']:6.1f}  p99 {p['p99']:6.1f}  max {p['max']:7.1f} ms "
              f"[{ok}] ({p['ticks']} ticks{extra})")
    print(f"worst stalls over {args.stall_ms:.0f} ms:")
    for s in r["stalls"]:
        print(f"  {s['ms']:6d} ms while {s['phase']} ({s['into_phase_s']:.2f} s into it; the GUI "
              f"thread ran {s['gui_thread_cpu_ms']} ms of the {s['ms'] + TICK_MS} ms)")
        for where, n in s["where"]:
            print(f"        {n:4d} x {where}")
        for where, n in s["other_threads"]:
            print(f"        {n:4d} x   other thread {where}")
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1))


if __name__ == "__main__":
    main()
