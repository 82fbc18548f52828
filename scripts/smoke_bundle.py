"""Smoke-test the self-contained build the way a person meets it: a fresh home folder, a
real (virtual) screen, the built executable and nothing else.

    .venv/bin/python scripts/smoke_bundle.py [dist/three-pillars]

Starts the executable under Xvfb (xvfb-run) with an empty HOME and with no Python of ours on
PATH or PYTHONPATH, lets it take a picture of every panel with its own --screenshot-all
(the Embeddings picture waits for UMAP, so numba compiles and caches), then checks:
every picture exists and is not blank; the log holds no traceback; numba's cache was
written to the per-user cache folder and nothing was written inside the bundle. Then it
starts the app a second time on the warm cache and reports both launch times, and a third
time with --self-check in German (--language de: the bundled translations must load): it
trains, fine-tunes, writes answers and learns from a judgement.
Exit 0 when all holds; else each failure on its own line and exit 1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PANELS = ("data", "tokens", "windows", "embeddings", "finetune", "chat")


def snapshot(folder: Path) -> set[tuple[str, int]]:
    return {(str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*") if p.is_file()}


def non_blank(png: Path) -> bool:
    """More than a handful of distinct colours in a grid of samples: a drawn window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(png))
    if image.isNull() or image.width() < 200:
        return False
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    return len(colours) > 20


def launch(exe: Path, home: Path, shots: Path | None, log: Path,
           extra: tuple[str, ...] = ()) -> tuple[int, float]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "XDG_", "NUMBA_"))}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")
    t0 = time.perf_counter()
    with log.open("w") as out:
        code = subprocess.run(
            ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", str(exe),
             *(["--screenshot-all", str(shots)] if shots else ["--self-check"]),
             "--size", "1280x720", "--timeout", "240", *extra],
            env=env, stdout=out, stderr=subprocess.STDOUT, timeout=900, cwd=home).returncode
    return code, time.perf_counter() - t0


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else ROOT / "dist" / "three-pillars").resolve()
    exe = folder / ("three-pillars.exe" if sys.platform == "win32" else "three-pillars")
    if not exe.is_file():
        print(f"no built app at {exe}: run scripts/build_bundle.py first", file=sys.stderr)
        return 1
    if shutil.which("xvfb-run") is None:
        print("xvfb-run is not installed (apt-get install xvfb)", file=sys.stderr)
        return 1
    failures: list[str] = []
    before = snapshot(folder)
    with tempfile.TemporaryDirectory(prefix="tp-smoke-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        timings = []
        for run in ("first", "warm"):
            shots, log = Path(tmp) / f"shots-{run}", Path(tmp) / f"{run}.log"
            code, seconds = launch(exe, home, shots, log)
            text = log.read_text(errors="replace")
            paint = re.search(r"first paint ([0-9.]+) s after launch", text)
            timings.append((seconds, float(paint.group(1)) if paint else float("nan")))
            if code != 0:
                failures.append(f"{run} launch exited with {code}; log tail: {text[-800:]!r}")
            if "Traceback" in text:
                failures.append(f"{run} launch logged a traceback: {text[text.index('Traceback'):][:800]!r}")
            for i, key in enumerate(PANELS, 1):
                png = shots / f"{i:02d}-{key}.png"
                if not png.is_file():
                    failures.append(f"{run} launch: no picture of the {key} panel ({png.name})")
                elif not non_blank(png):
                    failures.append(f"{run} launch: the {key} panel's picture is blank")
            if run == "first":
                cache = home / ".cache" / "three-pillars" / "numba"
                cached = list(cache.rglob("*.nbi")) if cache.is_dir() else []
                if not cached:
                    failures.append(f"numba wrote no cache under {cache}")
                keep = Path(os.environ.get("SMOKE_SHOTS", "")) if os.environ.get("SMOKE_SHOTS") else None
                if keep:
                    shutil.copytree(shots, keep, dirs_exist_ok=True)
        # In German: the bundle must carry the translations (gui/i18n/de/*.qm) and load them.
        code, seconds = launch(exe, home, None, Path(tmp) / "self-check.log", ("--language", "de"))
        text = (Path(tmp) / "self-check.log").read_text(errors="replace")
        loaded = re.search(r"interface language de \((\d+) translation files\)", text)
        if not loaded or int(loaded.group(1)) < 2:
            failures.append("--language de did not load the bundled German translations")
        if code != 0 or "self-check passed" not in text or "Traceback" in text:
            failures.append(f"--self-check did not pass: {text[-1200:]!r}")
        else:
            print(text[text.index("self-check:"):].strip())
        if snapshot(folder) != before:
            failures.append("the app wrote inside its own folder (it must write only to the user's folders)")
    # strict=False: a launch that failed left no timing (its failure is listed below)
    for name, (whole, paint) in zip(("first launch (cold numba cache)", "warm launch"), timings, strict=False):
        print(f"{name}: window painted {paint:.1f} s after start; all six panels shot in {whole:.0f} s")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("bundle smoke test: " + ("passed" if not failures else f"{len(failures)} failure(s)"))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
