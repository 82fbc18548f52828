"""Time to generate a 60-token answer with the shipped default model. Goal: < 200 ms.

    python bench/generate_latency.py [--runs 20] [--threads 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from engine.session.core import Session  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--stage", default="base")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    session = Session.from_default(args.stage)
    session.generate("The sea", max_new_tokens=10)  # warm-up
    times = []
    for i in range(args.runs):
        start = time.perf_counter()
        g = session.generate("The king and the queen", max_new_tokens=60, seed=i, chat=False)
        times.append((time.perf_counter() - start) * 1000)
        assert len(g.token_ids) == 60
    t = np.array(times)
    print(f"60-token generation over {args.runs} runs: median {np.median(t):.0f} ms, "
          f"p90 {np.percentile(t, 90):.0f} ms, max {t.max():.0f} ms (goal < 200 ms), "
          f"threads {args.threads}")


if __name__ == "__main__":
    main()
