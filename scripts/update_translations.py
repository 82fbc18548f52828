"""Refresh the translation sources from the code and build what the app loads.

    python scripts/update_translations.py            # every language under gui/i18n/
    python scripts/update_translations.py --area lecture
    python scripts/update_translations.py --new es   # start a language

For each language folder gui/i18n/<code>/ and each area of gui.i18n.AREAS, runs
pyside6-lupdate over that area's code into <area>.ts (new strings are added as
unfinished, vanished ones marked obsolete, translations kept; no line numbers, so a
moved line changes nothing), then pyside6-lrelease into <area>.qm. Both tools ship with
PySide6. Prints how many strings each file has still untranslated.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gui.i18n import AREAS, HERE  # noqa: E402


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it ships with PySide6 (pip install PySide6)")
    return found


def _sources(area: str) -> list[str]:
    files: list[str] = []
    for entry in AREAS[area]:
        path = ROOT / entry
        files += [str(p) for p in sorted(path.rglob("*.py"))] if path.is_dir() else [str(path)]
    return files


def unfinished(ts: Path) -> int:
    text = ts.read_text(encoding="utf-8")
    return len(re.findall(r'type="unfinished"', text))


def update(language: str, area: str) -> None:
    folder = HERE / language
    folder.mkdir(exist_ok=True)
    ts = folder / f"{area}.ts"
    subprocess.run([_tool("pyside6-lupdate"), *_sources(area), "-locations", "none",
                    "-target-language", language, "-ts", str(ts)],
                   check=True, capture_output=True, text=True)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True, capture_output=True, text=True)
    print(f"{ts.relative_to(ROOT)}: {unfinished(ts)} untranslated", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--area", choices=sorted(AREAS), default=None)
    parser.add_argument("--new", metavar="CODE", default=None, help="start a new language")
    args = parser.parse_args(argv)
    languages = [args.new] if args.new else sorted(p.name for p in HERE.iterdir() if p.is_dir()
                                                   and not p.name.startswith("_"))
    for language in languages:
        for area in [args.area] if args.area else sorted(AREAS):
            update(language, area)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
