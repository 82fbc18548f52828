"""Refresh the translation sources from the code and build what the app loads.

    python scripts/update_translations.py            # every language under gui/i18n/
    python scripts/update_translations.py --area lecture
    python scripts/update_translations.py --new es   # start a language
    python scripts/update_translations.py --check    # exit 1 if anything is out of date

For each language folder gui/i18n/<code>/ and each area of gui.i18n.AREAS, runs
pyside6-lupdate over that area's code into <area>.ts (new strings are added as
unfinished, vanished ones marked obsolete, translations kept; no line numbers, so a
moved line changes nothing), then pyside6-lrelease into <area>.qm. Both tools ship with
PySide6. Prints how many strings each file has still untranslated. gui/i18n/en/ holds
only the strings with a count (%n), with their English singular and plural forms, filled
in here from the source ("%n click(s)" -> "%n click" / "%n clicks"; edit one by hand if
that rule is wrong for it: a translation once written is kept).

--check changes nothing: it refreshes copies in a temporary folder and says which .ts
misses strings of the code (or keeps ones the code no longer has) and which .qm was not
rebuilt from its .ts.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gui.i18n import AREAS, HERE, SOURCE_LANGUAGE  # noqa: E402


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
        if path.is_dir():
            files += [str(p) for p in sorted(path.rglob("*.py"))]
        elif path.is_file():
            files.append(str(path))
    return files


def unfinished(ts: Path) -> int:
    text = ts.read_text(encoding="utf-8")
    return len(re.findall(r'type="unfinished"', text))


def messages(ts: Path) -> set[tuple[str, str, str, bool]]:
    """(context, source, comment, plural) of every message the code still has."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source", ""), message.findtext("comment", ""),
                       message.get("numerus") == "yes"))
    return found


def refresh(language: str, area: str, ts: Path) -> None:
    """pyside6-lupdate: the strings of `area`'s code into `ts` (translations kept). For
    English, the source language, only the strings with a count (%n): their English
    singular and plural are written there, as Qt does it."""
    plural_only = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
    subprocess.run([_tool("pyside6-lupdate"), *_sources(area), "-locations", "none", *plural_only,
                    "-target-language", language, "-ts", str(ts)],
                   check=True, capture_output=True, text=True)


def build(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                   check=True, capture_output=True, text=True)


# Within one message: never across </message>, and its source never past its own
# </source> (a lazy .*? there ran on into the next message when this one's translation
# was finished, and wrote that message's forms into a neighbour's: a broken .ts).
UNFINISHED_PLURAL = re.compile(
    r'(<message numerus="yes">\s*<source>(?P<source>(?:(?!</source>).)*)</source>'
    r'(?:(?!</message>).)*?)'
    r'<translation type="unfinished">.*?</translation>', re.S)


def english_forms(source: str) -> tuple[str, str]:
    """The English singular and plural of a counted source: "%n click(s)" -> "%n click",
    "%n clicks". A source without "(s)" is taken as it is for both."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill_english_plurals(ts: Path) -> None:
    """Write the English forms of every unfinished counted string (gui/i18n/en/)."""
    def forms(match: re.Match) -> str:
        one, many = english_forms(match.group("source"))
        return (f"{match.group(1)}<translation>\n            <numerusform>{one}</numerusform>"
                f"\n            <numerusform>{many}</numerusform>\n        </translation>")

    text = ts.read_text(encoding="utf-8")
    ts.write_text(UNFINISHED_PLURAL.sub(forms, text), encoding="utf-8")


def update(language: str, area: str) -> None:
    folder = HERE / language
    folder.mkdir(exist_ok=True)
    ts = folder / f"{area}.ts"
    refresh(language, area, ts)
    if language == SOURCE_LANGUAGE:
        fill_english_plurals(ts)
    build(ts, ts.with_suffix(".qm"))
    print(f"{ts.relative_to(ROOT)}: {unfinished(ts)} untranslated", flush=True)


def check_sources(language: str, area: str) -> list[str]:
    """Whether `area`'s .ts holds exactly the strings of its code (nothing changed on disk)."""
    ts = HERE / language / f"{area}.ts"
    if not ts.is_file():
        return [f"{ts.relative_to(ROOT)} is missing: run scripts/update_translations.py"]
    with tempfile.TemporaryDirectory(prefix="tp-i18n-") as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        refresh(language, area, fresh)
        added, gone = messages(fresh) - messages(ts), messages(ts) - messages(fresh)
    if not (added or gone):
        return []
    sample = "; ".join(f"{c}: {s!r}" for c, s, _, _ in sorted(added | gone)[:5])
    return [f"{ts.relative_to(ROOT)} is not up to date with the code ({len(added)} new, "
            f"{len(gone)} gone, e.g. {sample}): run scripts/update_translations.py"]


def check_built(language: str, area: str) -> list[str]:
    """Whether `area`'s .qm is what its .ts builds to (nothing changed on disk)."""
    ts = HERE / language / f"{area}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.is_file():
        return []
    with tempfile.TemporaryDirectory(prefix="tp-i18n-") as tmp:
        fresh = Path(tmp) / qm.name
        build(ts, fresh)
        same = qm.is_file() and qm.read_bytes() == fresh.read_bytes()
    return [] if same else [f"{qm.relative_to(ROOT)} was not rebuilt from {ts.name}: "
                            "run scripts/update_translations.py"]


def check(language: str, area: str) -> list[str]:
    """What is out of date for `area` in `language`: its .ts against the code, its .qm
    against its .ts."""
    return check_sources(language, area) + check_built(language, area)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--area", choices=sorted(AREAS), default=None)
    parser.add_argument("--new", metavar="CODE", default=None, help="start a new language")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a .ts or .qm is out of date")
    args = parser.parse_args(argv)
    if args.new is not None and not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", args.new):
        parser.error(f"--new takes a language code such as es or pt_BR, got {args.new!r}")
    languages = [args.new] if args.new else sorted(p.name for p in HERE.iterdir() if p.is_dir()
                                                   and not p.name.startswith("_"))
    areas = [args.area] if args.area else sorted(AREAS)
    if args.check:
        problems = [p for language in languages for area in areas for p in check(language, area)]
        for problem in problems:
            print(problem)
        print("translations up to date" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    for language in languages:
        for area in areas:
            update(language, area)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
