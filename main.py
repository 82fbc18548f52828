"""Three Pillars: watch a tiny language model being made, live.

`python main.py` opens the app on the shipped model. `python main.py --help` lists the
options (for example `--screenshot PATH --panel windows`). The installed command
`three-pillars` runs `run()`. The self-contained build (packaging/three-pillars.spec) runs
this same file; `three-pillars --install-desktop-entry` puts it in the applications menu.

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
    argv = sys.argv[1:] if argv is None else argv
    if "--install-desktop-entry" in argv or "--uninstall-desktop-entry" in argv:
        # Before any Qt import: a menu entry needs no display.
        from gui.desktop_entry import main as desktop_entry_main

        return desktop_entry_main(["--uninstall"] if "--uninstall-desktop-entry" in argv else [])
    from gui.app import run as run_app

    return run_app(argv, start_time=START)


if __name__ == "__main__":
    # A frozen app (PyInstaller) starts its 'spawn' worker processes by running this same
    # executable: freeze_support() turns those runs into workers instead of new windows.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(run())
