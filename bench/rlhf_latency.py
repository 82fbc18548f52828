"""How long from a thumbs click to redrawn charts, in the real app?

    python bench/rlhf_latency.py [--clicks 12] [--json]

The real main window runs offscreen on the Chat & feedback panel, with the engine in its
worker process (one torch thread, as in the app). Clicks alternate between "this one is
better" and a thumb up or down. For each click it records:

- click -> redraw: from the button press to the charts drawn with the new point (the
  panel's own `last_latency`), which includes the update, the measurements, the trip
  through the process queues and the next redraw tick;
- the engine's share: the optimiser steps (`update_seconds`) and the measurements
  (`measure_seconds`) reported in the snapshot;
- click -> new answers: until the next two answers, written by the updated model, are
  on screen.

It also reports the CPU time per click in a plain process (no GUI), to tell the work
from the waiting when the machine is busy with other things.
Goal (docs/DESIGN budgets): a thumbs click changes the model and redraws within 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def plain_cpu_per_click(clicks: int) -> dict:
    """The same judgements in this process without a GUI: wall and CPU seconds per click."""
    import torch

    torch.set_num_threads(1)
    from engine.alignment.preference import PreferencePair, Thumb
    from engine.session.core import Session

    session = Session.from_default("sft")
    walls, cpus = [], []
    for i in range(clicks):
        c = session.alignment.candidates("Where does the owl sleep at night?", n=2, seed=i)
        a, b = c.answers
        feedback = (PreferencePair(c.prompt, c.prompt_ids, a, b) if i % 2 == 0
                    else Thumb(c.prompt, c.prompt_ids, a, up=i % 4 == 1))
        t0, c0 = time.perf_counter(), time.process_time()
        session.alignment.learn_from_feedback(feedback)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return {"plain_wall_median_s": statistics.median(walls),
            "plain_cpu_median_s": statistics.median(cpus), "plain_cpu_max_s": max(cpus)}


def app_latency(clicks: int, timeout: float = 120.0) -> dict:
    from app_launch import launch
    from PySide6.QtCore import QEventLoop, QTimer

    launched = launch(start_key="chat")
    controller, window = launched.controller, launched.window
    panel = window.show_panel("chat")

    def wait_until(cond, limit: float) -> bool:
        end = time.perf_counter() + limit
        loop = QEventLoop()
        while not cond():
            if time.perf_counter() > end:
                return False
            QTimer.singleShot(5, loop.quit)
            loop.exec()
        return True

    if not wait_until(panel.is_ready, timeout):
        raise SystemExit("the Chat panel did not become ready")
    snaps: list = []
    controller.alignment.alignmentSnapshot.connect(snaps.append)
    redraw, to_answers, update_s, measure_s = [], [], [], []
    for i in range(clicks):
        version = panel.candidates.model_version
        if not wait_until(lambda: panel.cards[0].up_button.isEnabled(), timeout):
            raise SystemExit("the buttons never came back")
        same = len({a.text for a in panel.candidates.answers}) < 2
        button = (panel.cards[0].better_button if i % 2 == 0 and not same
                  else panel.cards[i % 2].up_button if i % 4 != 3 else panel.cards[1].down_button)
        n_snaps = len(snaps)
        t0 = time.perf_counter()
        button.click()
        if not wait_until(lambda: panel.last_latency is not None and not panel._awaiting_redraw,
                          timeout):
            raise SystemExit("no redraw after a click")
        redraw.append(panel.last_latency)
        wait_until(lambda v=version: panel.candidates.model_version > v, timeout)
        to_answers.append(time.perf_counter() - t0)
        new = [s for s in snaps[n_snaps:] if s.event in ("pair", "thumb")]
        if new:
            update_s.append(new[-1].update_seconds)
            measure_s.append(new[-1].measure_seconds)
    controller.shutdown()
    window.close()
    return {
        "clicks": clicks,
        "click_to_redraw_median_s": statistics.median(redraw),
        "click_to_redraw_max_s": max(redraw),
        "click_to_new_answers_median_s": statistics.median(to_answers),
        "engine_update_median_s": statistics.median(update_s) if update_s else None,
        "engine_measure_median_s": statistics.median(measure_s) if measure_s else None,
        "all_click_to_redraw_s": [round(x, 3) for x in redraw],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=12)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = {**app_latency(args.clicks), **plain_cpu_per_click(args.clicks)}
    result["load_average_1min"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(result))
    else:
        print(f"click -> charts redrawn: median {result['click_to_redraw_median_s']:.2f} s, "
              f"max {result['click_to_redraw_max_s']:.2f} s over {args.clicks} clicks (goal < 2 s)")
        print(f"click -> new answers on screen: median {result['click_to_new_answers_median_s']:.2f} s")
        print(f"in the engine: update {result['engine_update_median_s']:.2f} s + measure "
              f"{result['engine_measure_median_s']:.2f} s (median)")
        print(f"plain process, per click: {result['plain_wall_median_s']:.2f} s wall, "
              f"{result['plain_cpu_median_s']:.2f} s CPU (median), {result['plain_cpu_max_s']:.2f} s CPU max")
        print(f"machine load (1 min average): {result['load_average_1min']:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
