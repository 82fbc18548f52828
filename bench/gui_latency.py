"""Does the GUI stay responsive while the model trains, and does training keep its speed?

    python bench/gui_latency.py [--seconds 20] [--reader thread|poll|both] [--look-inside]
    python bench/gui_latency.py --with-and-without [--rounds 4] [--why]

1. Plain: the engine alone in a spawned process with one torch thread (as the app's
   worker), training the default checkpoint for the same time: tokens/s.
2. App: the real main window offscreen on the Windows panel, training from its Train
   button through the worker process, while a 16 ms QTimer measures how late the event
   loop runs (lateness = actual interval - 16 ms): p50/p99/max, and tokens/s.

With --look-inside the "Look inside" window is open over the panel the whole time
(attention heatmaps, layer-by-layer guesses and a part's weights, redrawn live).
With --with-and-without one app trains the whole time while the Look inside window is
closed and open in turn (--rounds times each, seconds/(2 rounds) a turn), so both figures
come from the same minutes of a busy machine. Each run also reports the GUI thread's CPU
time per second of wall time (time.thread_time), which the machine's load hardly changes:
what the view costs the GUI thread, whatever else runs.

Throughput is measured the same way in both: tokens trained between the first snapshot
after a 2 s warm-up and the last one, over the training time between them.
Goals (docs/DESIGN budgets): p99 lateness < 20 ms, app throughput >= 0.9 of plain.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WARMUP_S = 2.0
TICK_MS = 16


def steady_tokens_per_s(snapshots) -> float:
    """Tokens/s between the first snapshot after the warm-up and the last one."""
    running = [s for s in snapshots if s.status == "running"]
    after = [s for s in running if s.elapsed >= WARMUP_S]
    if len(after) < 2:
        after = running
    if len(after) < 2:
        return float("nan")
    first, last = after[0], after[-1]
    return (last.tokens_seen - first.tokens_seen) / max(1e-9, last.elapsed - first.elapsed)


def _plain_worker(seconds: float, out) -> None:
    import torch

    torch.set_num_threads(1)
    from engine.pretraining.trainer import TrainConfig
    from workers.server.core import default_session

    session = default_session()
    if hasattr(session, "_ids"):
        session.token_ids()  # build the training data before the clock starts (the app has too)
    snaps = []
    gen = session.pretraining.train(TrainConfig(), from_scratch=False)
    for snap in gen:
        snaps.append(snap)
        if snap.elapsed >= seconds:
            break
    out.put(steady_tokens_per_s(snaps))


def plain_throughput(seconds: float) -> float:
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=_plain_worker, args=(seconds, out))
    proc.start()
    value = out.get(timeout=seconds + 300)
    proc.join(30)
    return value


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def app_run(seconds: float, reader: str, look_inside: bool = False, rounds: int = 0,
            why: bool = False) -> dict:
    """One app training from its Windows panel for `seconds`; lateness while measuring.

    rounds > 0: the Look inside window is closed, then open, `rounds` times each, and
    the figures are reported per state ("without", "with"). why: print what the GUI
    thread was doing during the ten worst ticks over 20 ms (bench/stall_latency's sampler)."""
    from app_launch import launch
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from gui.bridge.controller import ProcessBackend

    launched = launch(start_key="windows", backend=ProcessBackend(reader=reader))
    app, controller, window = launched.app, launched.controller, launched.window
    panel = window.show_panel("windows")
    snapshots: list = []

    def wait(condition, timeout):
        deadline = time.perf_counter() + timeout
        while not condition() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)
        if not condition():
            raise SystemExit(f"timed out waiting ({reader})")

    wait(panel.is_ready, 180)
    if look_inside or rounds:
        dialog = panel.open_look_inside()
        view = dialog.view
        wait(lambda: view.drawn is not None, 60)
        if rounds:
            dialog.hide()
    # All snapshots (not only the latest) for the throughput figure.
    original = controller.pretraining.publish_snapshots

    def keep_all(batch):
        snapshots.extend(batch)
        original(batch)

    controller.pretraining.publish_snapshots = keep_all

    lateness: dict[str, list[float]] = {"without": [], "with": []}
    cpu = {"without": 0.0, "with": 0.0}
    drawn = {"without": 0, "with": 0}  # Look inside views drawn while measuring
    wall = {"without": 0.0, "with": 0.0}
    state = {"last": None, "measuring": False, "label": "with" if look_inside else "without"}
    if look_inside or rounds:
        def count_view(_view) -> None:
            if state["measuring"]:
                drawn[state["label"]] += 1

        view.viewShown.connect(count_view)
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)

    late_ticks: list[tuple[float, float, str]] = []  # ticks over 20 ms: (start, end, state)

    def tick():
        now = time.perf_counter()
        if state["last"] is not None and state["measuring"]:
            late = (now - state["last"]) * 1000 - TICK_MS
            lateness[state["label"]].append(late)
            if late > 20:
                late_ticks.append((state["last"], now, state["label"]))
        state["last"] = now

    timer.timeout.connect(tick)
    timer.start()
    sampler = None
    if why:
        import threading

        from stall_latency import StackSampler

        sampler = StackSampler(threading.get_ident())
        sampler.start()
    panel.continue_button.click()  # train from the GUI, as a person would
    wait(lambda: bool(snapshots), 120)
    turns = [(state["label"], seconds)] if not rounds else \
        [(label, seconds / (2 * rounds)) for _ in range(rounds) for label in ("without", "with")]
    for label, turn_seconds in turns:
        if rounds:
            dialog.setVisible(label == "with")
            settle = QEventLoop()  # the first redraw after opening is not the steady cost
            QTimer.singleShot(500, settle.quit)
            settle.exec()
        state["label"], state["last"], state["measuring"] = label, None, True
        t0, c0 = time.perf_counter(), time.thread_time()
        loop = QEventLoop()
        QTimer.singleShot(int(turn_seconds * 1000), loop.quit)
        loop.exec()  # the real event loop: panels redraw, results arrive, the timer ticks
        state["measuring"] = False
        cpu[label] += time.thread_time() - c0
        wall[label] += time.perf_counter() - t0
    panel.pause_button.click()
    wait(lambda: controller.pretraining.training_state == "paused", 30)
    timer.stop()
    if sampler is not None:
        sampler.stop()
        for t0, t1, label in sorted(late_ticks, key=lambda s: s[0] - s[1])[:10]:
            print(f"  {(t1 - t0) * 1000 - TICK_MS:5.0f} ms late ({label} Look inside):")
            for where, n in sampler.during(t0, t1):
                print(f"        {n:3d} x {where}")
    window.close()
    controller.shutdown()
    figures = {label: {
        "p50": percentile(values, 50),
        "p99": percentile(values, 99),
        "max": max(values) if values else float("nan"),
        "ticks": len(values),
        "gui_cpu_ms_per_s": 1000 * cpu[label] / wall[label] if wall[label] else float("nan"),
        "views_drawn": drawn[label],
    } for label, values in lateness.items() if values}
    return {
        **figures.get(state["label"], {}),
        "states": figures,
        "tokens_per_s": steady_tokens_per_s(snapshots),
        "steps": snapshots[-1].step if snapshots else 0,
        "load_average": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--reader", choices=("thread", "poll", "both"), default="thread")
    parser.add_argument("--look-inside", action="store_true", help="with the Look inside window open")
    parser.add_argument("--with-and-without", action="store_true",
                        help="Look inside closed and open in turn, in one app")
    parser.add_argument("--rounds", type=int, default=4, help="turns of each (--with-and-without)")
    parser.add_argument("--why", action="store_true",
                        help="print what the GUI thread did during the worst late ticks")
    args = parser.parse_args()
    readers = ("thread", "poll") if args.reader == "both" else (args.reader,)

    print(f"plain engine, one torch thread, {args.seconds:.0f} s ...", flush=True)
    plain = plain_throughput(args.seconds)
    print(f"  {plain:,.0f} tokens/s")
    for reader in readers:
        extra = " + Look inside" if args.look_inside else ""
        if args.with_and_without:
            extra = f" with Look inside closed and open in turn ({args.rounds} rounds)"
        print(f"app offscreen, Windows panel{extra}, training from the GUI ({reader} reader), "
              f"{args.seconds:.0f} s ...", flush=True)
        r = app_run(args.seconds, reader, args.look_inside,
                    args.rounds if args.with_and_without else 0, why=args.why)
        ratio = r["tokens_per_s"] / plain if plain == plain and plain > 0 else float("nan")
        for label, f in r["states"].items():
            print(f"  Look inside {label:7s}: event-loop lateness (16 ms timer, {f['ticks']} ticks): "
                  f"p50 {f['p50']:.1f} ms, p99 {f['p99']:.1f} ms, max {f['max']:.1f} ms "
                  f"(goal p99 < 20 ms, max < 50 ms); GUI thread busy {f['gui_cpu_ms_per_s']:.0f} ms/s, {f['views_drawn']} views drawn")
        print(f"  load average {r['load_average']:.1f}")
        print(f"  training in the app: {r['tokens_per_s']:,.0f} tokens/s = {ratio:.2f} of plain "
              f"(goal >= 0.90), {r['steps']} steps")


if __name__ == "__main__":
    main()
