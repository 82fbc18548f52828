"""Three Pillars: watch a tiny language model being made, live.

`python main.py` opens the app on the shipped model. `python main.py --help` lists the
options (for example `--screenshot PATH --panel windows`). The installed command
`three-pillars` runs `run()`.

Only the standard library is imported at the top: the engine worker is started with
multiprocessing's 'spawn', which re-imports this file in the worker process.
"""

import sys
import time

START = time.perf_counter()


def run(argv: list[str] | None = None) -> int:
    from gui.app import run as run_app

    return run_app(sys.argv[1:] if argv is None else argv, start_time=START)


if __name__ == "__main__":
    sys.exit(run())
