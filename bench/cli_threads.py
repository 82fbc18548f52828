"""How long `python -m engine sample` takes with 1 and with 2 torch threads, on this machine.

    python bench/cli_threads.py [--max-tokens 2000] [--repeat 2]

Runs the real command (a new process each time, so the start-up is counted as a person
sees it) and prints the wall time of each thread count, best of --repeat, and their
ratio. The CLI defaults to one thread (--threads) because on a busy 2-core machine two
threads fight the other processes for the cores: sampling is one token at a time, with
matrices too small to share out.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(threads: int, max_tokens: int, timeout: float) -> float:
    """Wall seconds of one run; `timeout` (counted as the time) when it is stopped there."""
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.pop(var, None)  # the --threads option alone decides
    start = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-m", "engine", "sample", "--prompt", "The sea", "--max-tokens",
                        str(max_tokens), "--threads", str(threads), "--json"],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return timeout
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-tokens", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=600, help="stop a run after this long")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}")
    best = {}
    for threads in (1, 2):
        times = []
        for _ in range(args.repeat):
            times.append(run(threads, args.max_tokens, args.timeout))
            stopped = " (stopped: timeout)" if times[-1] >= args.timeout else ""
            print(f"{threads} thread(s): {times[-1]:.1f} s{stopped}", flush=True)
        best[threads] = min(times)
    print(f"2 threads / 1 thread: {best[2] / best[1]:.2f}x the time (at least, if a run was stopped)")


if __name__ == "__main__":
    main()
