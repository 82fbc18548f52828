"""How soon does the word map show UMAP, how fast does it follow training, and does the GUI
stay smooth meanwhile?

    python bench/projection_latency.py [--open-after 3 15] [--train-seconds 20] [--cold]

Each scenario is a fresh app in a fresh process, started as `main.py` starts it
(bench/app_launch.py): the engine worker, every panel, the window, and the projection
worker (which warms UMAP up at once). Then:

1. the Embeddings step is opened `open-after` seconds after launch; measured: seconds
   until a map is on screen (PCA) and until the UMAP map is (goal: UMAP within 5 s of
   opening, the warm-up having started at launch);
2. training runs for `train-seconds` with the Embeddings step on screen; measured: for
   every snapshot that got its own UMAP fit, seconds from the snapshot reaching the GUI
   to its UMAP map on screen (goal: within 2 s), and how many snapshots were folded
   into newer ones while a fit ran;
3. throughout, a 16 ms timer measures how late the event loop runs (goals: p99 < 20 ms,
   max < 50 ms).

--cold gives numba an empty disk cache: the first launch on a new machine, when UMAP's
code is compiled (about 20 s here); later launches load it from the cache.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TICK_MS = 16


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def lateness_summary(values) -> dict:
    return {"p50": percentile(values, 50), "p99": percentile(values, 99),
            "max": max(values) if values else float("nan"), "ticks": len(values)}


def scenario(open_after: float, train_seconds: float) -> dict:
    """One fresh app: launch, open the panel, train; returns the measurements."""
    t_launch = time.perf_counter()
    from app_launch import launch
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    launched = launch(start_key="data")
    controller, window = launched.controller, launched.window

    now = time.perf_counter
    marks: dict[str, float] = {}
    phase = {"name": "launch"}
    lateness: dict[str, list[float]] = {"launch": [], "open": [], "training": []}
    last_tick = {"t": None}
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)

    def tick():
        t = now()
        if last_tick["t"] is not None:
            lateness[phase["name"]].append((t - last_tick["t"]) * 1000 - TICK_MS)
        last_tick["t"] = t

    timer.timeout.connect(tick)
    timer.start()

    def run_for(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def run_until(condition, timeout: float) -> bool:
        deadline = now() + timeout
        while not condition() and now() < deadline:
            run_for(0.02)
        return condition()

    run_until(lambda: launched.history is not None, 10)
    history = launched.history
    history.projector.warmed.connect(lambda _s: marks.setdefault("umap_warm", now()))
    controller.modelReady.connect(lambda: marks.setdefault("model_ready", now()))

    run_for(max(0.0, open_after - (now() - t_launch)))
    phase["name"] = "open"
    marks["open"] = now()
    panel = window.show_panel("embeddings")
    open_cost = now() - marks["open"]
    panel.layoutShown.connect(lambda method, _i: marks.setdefault(f"shown_{method}", now()))
    if panel.shown_method is not None:
        marks.setdefault(f"shown_{panel.shown_method}", now())
    ok = run_until(lambda: "shown_umap" in marks or not history.projector.available, 300)
    run_until(lambda: not panel.map.animating, 5)

    # -- training with the map on screen
    phase["name"] = "training"
    arrived: dict[int, float] = {}
    fitted: dict[int, float] = {}
    history.frameAdded.connect(lambda i: arrived.setdefault(id(history.frames[i]), now()))

    def on_layout(i: int) -> None:
        fitted.setdefault(id(history.frames[i]), now())

    history.layoutUpdated.connect(on_layout)
    fit_seconds: list[float] = []
    history.projector.layoutReady.connect(lambda r: fit_seconds.append(r.seconds))
    controller.pretraining.start_training(from_scratch=False, seed=0)
    run_until(lambda: controller.pretraining.training_state == "running", 60)
    t_train = now()
    cpu0 = time.process_time()
    run_for(train_seconds)
    gui_cpu = (time.process_time() - cpu0) / train_seconds
    controller.pretraining.pause_training()
    run_until(lambda: controller.pretraining.training_state != "running", 30)
    run_for(4.0)  # the last snapshot's fit
    latencies = [fitted[k] - arrived[k] for k in fitted if k in arrived]
    n_new = len(arrived)
    steps = controller.pretraining.latest_snapshot.step if controller.pretraining.latest_snapshot else 0
    timer.stop()
    window.close()
    history.shutdown()
    controller.shutdown()
    t0 = t_launch
    return {
        "open_after": round(marks["open"] - t0, 2),
        "model_ready": round(marks.get("model_ready", float("nan")) - t0, 2),
        "umap_warm": round(marks.get("umap_warm", float("nan")) - t0, 2),
        "warm_up_itself": history.projector.warm_seconds,
        "first_map_after_open": round(
            min(marks.get("shown_pca", 1e9), marks.get("shown_umap", 1e9)) - marks["open"], 2),
        "umap_after_open": round(marks["shown_umap"] - marks["open"], 2) if ok else None,
        "umap_available": history.projector.available,
        "open_cost_ms": round(open_cost * 1000),
        "fit_seconds_p50": round(percentile(fit_seconds, 50), 2),
        "gui_cpu_share": round(gui_cpu, 3),
        "training_seconds": round(now() - t_train, 1),
        "training_steps": steps,
        "snapshots_while_training": n_new,
        "snapshots_with_own_umap": len(latencies),
        "umap_latency_p50": round(percentile(latencies, 50), 2),
        "umap_latency_max": round(max(latencies), 2) if latencies else None,
        "lateness": {k: lateness_summary(v) for k, v in lateness.items()},
    }


def run_scenario_process(open_after: float, train_seconds: float, cold: bool) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    tmp = None
    if cold:
        tmp = tempfile.TemporaryDirectory(prefix="numba-cold-")
        env["NUMBA_CACHE_DIR"] = tmp.name
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--scenario", str(open_after), str(train_seconds)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=900,
        )
    finally:
        if tmp is not None:
            tmp.cleanup()
    for line in reversed(out.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit(f"the scenario failed:\n{out.stderr[-3000:]}")


def report(r: dict, cold: bool) -> None:
    cache = "cold numba cache (first launch)" if cold else "warm numba cache"
    print(f"\n== panel opened {r['open_after']:.1f} s after launch, {cache} ==")
    print(f"  model ready {r['model_ready']:.1f} s after launch; UMAP warm "
          f"{r['umap_warm']:.1f} s after launch (warm-up itself {r['warm_up_itself'] or 0:.1f} s)")
    umap = r["umap_after_open"]
    print(f"  after opening the panel: a map in {r['first_map_after_open']:.2f} s, the UMAP map "
          f"in {umap if umap is None else f'{umap:.2f}'} s (goal < 5 s)")
    print(f"  opening the step (show_panel; the panel was made at launch): {r['open_cost_ms']} ms")
    print(f"  training {r['training_seconds']:.0f} s ({r['training_steps']} steps): "
          f"{r['snapshots_while_training']} snapshots, {r['snapshots_with_own_umap']} with their "
          f"own UMAP fit; snapshot -> UMAP on screen p50 {r['umap_latency_p50']:.2f} s, "
          f"max {r['umap_latency_max']} s (goal < 2 s); a fit itself takes "
          f"{r['fit_seconds_p50']:.2f} s (p50, in the worker)")
    print(f"  the GUI process used {100 * r['gui_cpu_share']:.0f} % of one core while training "
          "with the map on screen")
    for name, lat in r["lateness"].items():
        print(f"  event-loop lateness while {name:8s}: p50 {lat['p50']:5.1f} ms, "
              f"p99 {lat['p99']:5.1f} ms, max {lat['max']:6.1f} ms ({lat['ticks']} ticks; "
              f"goals p99 < 20 ms, max < 50 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open-after", type=float, nargs="+", default=[3.0, 15.0],
                        help="seconds after launch to open the Embeddings step (one app each)")
    parser.add_argument("--train-seconds", type=float, default=20.0)
    parser.add_argument("--cold", action="store_true", help="also run with an empty numba cache")
    parser.add_argument("--scenario", nargs=2, type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scenario:
        result = scenario(*args.scenario)
        print(json.dumps(result), flush=True)
        os._exit(0)  # the scenario's workers are gone; skip Qt's slow teardown
    print(f"machine: {os.cpu_count()} cores; load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    runs = [(t, False) for t in args.open_after]
    if args.cold:
        runs.insert(0, (args.open_after[0], True))
    for open_after, cold in runs:
        report(run_scenario_process(open_after, args.train_seconds, cold), cold)


if __name__ == "__main__":
    main()
