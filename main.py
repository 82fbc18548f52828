"""Three Pillars: watch a tiny language model being made, live.

`python main.py` opens the app on the shipped model. `python main.py --help` lists the
options (for example `--screenshot PATH --panel windows`). The installed command
`three-pillars` runs `run()`.

Only the standard library is imported at the top: the engine worker is started with
multiprocessing's 'spawn', which re-imports this file in the worker process.
"""

import os
import sys
import time

START = time.perf_counter()

# Two cores: one for the engine worker, one for the GUI. numpy's BLAS must not grab both
# for a small matrix on the GUI thread (it turned a 0.07 s SVD into 2-3 s under load).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def run(argv: list[str] | None = None) -> int:
    from gui.app import run as run_app

    return run_app(sys.argv[1:] if argv is None else argv, start_time=START)


if __name__ == "__main__":
    sys.exit(run())
