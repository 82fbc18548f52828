"""Soak: the app offscreen, cycling through the whole story for N minutes. Does memory creep?

    python bench/soak.py [--minutes 30] [--train-seconds 8] [--finetune-steps 15]

The real main window, the real engine worker process and the real UMAP worker process,
driven through the GUI's controller as a person would, cycle after cycle:
    1. train (the Windows panel's Train button) for a few seconds, then pause;
    2. project: an embedding snapshot (PCA at once, UMAP in its own process) and the
       nearest neighbours of "sea";
    3. fine-tune for a few steps, and put a question to both stages;
    4. chat feedback: two answers, the person picks one (and a thumb on another);
    5. save the whole session to one file (every other cycle also open it again).
After each cycle it prints the resident memory now (VmRSS) and at its peak (VmHWM) of
the GUI process, the engine worker and the UMAP worker (from /proc/PID/status), and every
error the app reported. Goal: RSS growth under 10 % after the first cycle.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROMPTS = ("What makes the sea salty?", "Why is the wind cold?", "Who is the queen?",
           "What do apples taste like?", "Where do birds sleep?")


def memory_mb(pid: int | None) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB; NaN when it is gone."""
    if pid is None:
        return float("nan"), float("nan")
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) / 1024
    except OSError:
        return float("nan"), float("nan")
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


class Soak:
    def __init__(self, args):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler

        previous = None

        def quiet(kind, context, message):  # the offscreen platform's one harmless complaint
            if "propagateSizeHints" not in message and previous is not None:
                previous(kind, context, message)
            elif "propagateSizeHints" not in message:
                print(message, file=sys.stderr)

        previous = qInstallMessageHandler(quiet)

        from app_launch import launch

        from gui.bridge.embedding_history import EmbeddingHistory

        self.args = args
        self.QEventLoop, self.QTimer = QEventLoop, QTimer
        launched = launch(start_key="windows")
        self.app, self.controller, self.window = launched.app, launched.controller, launched.window
        # The history the loop's first turn starts (as the app's), made here to hold on to.
        self.history = EmbeddingHistory.for_controller(self.controller)
        self.errors: list[str] = []
        self.controller.jobFailed.connect(lambda title, msg: self.errors.append(f"{title}: {msg}"))
        self.folder = Path(tempfile.mkdtemp(prefix="three-pillars-soak-"))

    # -- waiting on the real event loop ----------------------------------------------------
    def run_for(self, seconds: float) -> None:
        loop = self.QEventLoop()
        self.QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait(self, what: str, condition, timeout: float = 120.0) -> bool:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                self.errors.append(f"soak: timed out after {timeout:.0f} s waiting for {what}")
                return False
            self.run_for(0.02)
        return True

    def wait_signal(self, what: str, signal, start, accept=lambda *a: True, timeout: float = 120.0):
        """Connect to `signal`, call `start()`, and wait until an emission passes `accept`."""
        got: list = []

        def slot(*args):
            if not got and accept(*args):
                got.append(args)

        signal.connect(slot)
        try:
            start()
            self.wait(what, lambda: bool(got), timeout)
        finally:
            signal.disconnect(slot)
        return got[0] if got else None

    # -- one cycle -------------------------------------------------------------------------
    def cycle(self, n: int) -> dict:
        c, t0 = self.controller, time.perf_counter()
        timings = {}
        panel = self.window.show_panel("windows")
        # 1. train from the Windows panel's button
        self.wait_signal("training to start", c.pretraining.trainingStateChanged, panel.continue_button.click,
                         lambda s: s == "running")
        self.run_for(self.args.train_seconds)
        self.wait_signal("training to pause", c.pretraining.trainingStateChanged, c.pretraining.pause_training,
                         lambda s: s == "paused")
        timings["train"] = time.perf_counter() - t0
        # 2. project: a snapshot (PCA now, UMAP in its worker) and neighbours
        t = time.perf_counter()
        self.window.show_panel("embeddings")
        self.wait_signal("an embedding snapshot", c.pretraining.embeddingSnapshotReady, c.pretraining.request_embedding_snapshot)
        self.wait_signal("neighbours of sea", c.pretraining.neighboursReady, lambda: c.pretraining.request_neighbours("sea", 8))
        if self.history.projector.available and self.history.projector.is_warm:
            latest = self.history.latest
            self.wait("the UMAP layout of the newest map", lambda: latest() is not None
                      and latest().umap is not None, timeout=90)
        timings["project"] = time.perf_counter() - t
        # 3. fine-tune a few steps, then compare the stages on one question
        t = time.perf_counter()
        self.window.show_panel("finetune")
        self.wait_signal("fine-tuning to end", c.finetuning.finetuneStateChanged,
                         lambda: c.finetuning.start_finetune(seed=n, max_steps=self.args.finetune_steps),
                         lambda s: s in ("done", "stopped", "diverged"), timeout=300)
        self.wait_signal("a comparison", c.finetuning.comparisonReady,
                         lambda: c.finetuning.request_comparison(PROMPTS[n % len(PROMPTS)]))
        timings["finetune"] = time.perf_counter() - t
        # 4. chat feedback: pick the better of two answers, and a thumb down on the other
        t = time.perf_counter()
        from engine.alignment.preference import PreferencePair, Thumb

        self.window.show_panel("chat")
        for k in range(2):
            got = self.wait_signal("two answers", c.alignment.candidatesReady,
                                   lambda k=k: c.alignment.request_candidates(PROMPTS[(n + k) % len(PROMPTS)],
                                                                    n=2, seed=n * 10 + k))
            if got is None:
                break
            cand = got[0]
            a, b = cand.answers[0], cand.answers[1]
            feedback = (PreferencePair(cand.prompt, cand.prompt_ids, a, b) if k == 0
                        else Thumb(cand.prompt, cand.prompt_ids, b, up=False))
            self.wait_signal("a judgement to be learned", c.alignment.alignmentSnapshot,
                             lambda f=feedback: c.alignment.learn(f), timeout=60)
        timings["chat"] = time.perf_counter() - t
        # 5. save the whole session; every other cycle, open it again
        t = time.perf_counter()
        path = self.folder / "soak.pillars"
        done = self.wait_signal("the save", c.sessionFileDone, lambda: c.save_session(path))
        if done is not None and not done[1]:
            self.errors.append(f"save failed: {done[3]}")
        if n % 2 == 0:
            done = self.wait_signal("the open", c.sessionFileDone, lambda: c.open_session(path))
            if done is not None and not done[1]:
                self.errors.append(f"open failed: {done[3]}")
            self.wait("the data after opening", lambda: not self.window.job_indicator.jobs, 120)
        timings["files"] = time.perf_counter() - t
        timings["cycle"] = time.perf_counter() - t0
        return timings

    def pids(self) -> dict[str, int | None]:
        return {"gui": os.getpid(), "engine": self.controller.backend.pid,
                "umap": getattr(self.history.projector, "pid", None)}

    def close(self) -> None:
        self.window.close()
        self.history.shutdown()
        self.controller.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--train-seconds", type=float, default=8.0)
    parser.add_argument("--finetune-steps", type=int, default=15)
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()

    soak = Soak(args)
    start = time.perf_counter()
    ok = soak.wait("the model to load", lambda: soak.controller.is_ready, 180)
    ok = ok and soak.wait("the Windows panel", lambda: soak.window.show_panel("windows").is_ready(), 180)
    if not ok:
        print("the app did not become ready:", soak.errors, flush=True)
        soak.close()
        raise SystemExit(2)
    print(f"ready after {time.perf_counter() - start:.1f} s; soaking for {args.minutes:g} min "
          f"(pids {soak.pids()})", flush=True)
    rows, first, n, reported = [], None, 0, 0
    while time.perf_counter() - start < args.minutes * 60 or n == 0:
        n += 1
        timings = soak.cycle(n)
        mem = {name: memory_mb(pid) for name, pid in soak.pids().items()}
        if first is None:
            first = mem
        growth = {name: (mem[name][0] / first[name][0] - 1) * 100 for name in mem}
        row = {"cycle": n, "minutes": (time.perf_counter() - start) / 60, "timings": timings,
               "rss_mb": {k: v[0] for k, v in mem.items()}, "hwm_mb": {k: v[1] for k, v in mem.items()},
               "rss_growth_pct": growth, "errors": soak.errors[reported:],
               "map_frames": len(soak.history.frames),
               "umap_frames": len(soak.history.frames_with("umap"))}
        rows.append(row)
        print(f"cycle {n:3d} at {row['minutes']:5.1f} min ({timings['cycle']:5.1f} s: train "
              f"{timings['train']:.1f}, project {timings['project']:.1f}, fine-tune "
              f"{timings['finetune']:.1f}, chat {timings['chat']:.1f}, files {timings['files']:.1f}); "
              f"word-map frames kept {row['map_frames']} ({row['umap_frames']} with UMAP, "
              f"UMAP {soak.history.umap_state})", flush=True)
        for name in mem:
            print(f"    {name:6s} RSS {mem[name][0]:7.1f} MB  peak {mem[name][1]:7.1f} MB  "
                  f"growth since cycle 1 {growth[name]:+5.1f} %", flush=True)
        for e in soak.errors[reported:]:
            print(f"    ERROR {e}", flush=True)
        reported = len(soak.errors)
    soak.close()
    last = rows[-1]
    worst = max((g for g in last["rss_growth_pct"].values() if g == g), default=float("nan"))
    print(f"\n{n} cycles in {last['minutes']:.1f} min; RSS growth after cycle 1: "
          + ", ".join(f"{k} {v:+.1f} %" for k, v in last["rss_growth_pct"].items())
          + f" (goal < 10 %: {'met' if worst < 10 else 'NOT met'}); errors: {len(soak.errors)}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
