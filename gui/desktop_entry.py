"""Put Three Pillars in the Linux applications menu, so it starts with a double-click.

    python scripts/install_desktop_entry.py              # a source install, for this user
    python scripts/install_desktop_entry.py --uninstall  # take it out again
    ./three-pillars --install-desktop-entry              # the self-contained build

No Qt here: it runs before any window, and from the frozen build.

Writes ~/.local/share/applications/three-pillars.desktop (from assets/three-pillars.desktop,
with Exec pointing at this Python and this checkout's main.py, or at the frozen executable) and the icon to
~/.local/share/icons/hicolor/{256x256,scalable}/apps/. Run it with the Python of the
environment the app is installed in (for example .venv/bin/python). `--data-home DIR`
writes under DIR instead of ~/.local/share (the tests use it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from engine.paths import ASSETS, ROOT

NAME = "three-pillars"
FROZEN = bool(getattr(sys, "frozen", False))  # running from the PyInstaller build


def _quote(arg: str) -> str:
    """One Exec argument, quoted as the desktop entry specification asks."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def desktop_entry(python: str, main: Path | None) -> str:
    """The shipped entry with Exec and TryExec filled in for this machine.

    `main` is None for the frozen build, whose executable is the whole command."""
    command = (python,) if main is None else (python, str(main))
    lines = []
    for line in (ASSETS / f"{NAME}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            # %-signs are field codes in Exec: double them in paths.
            line = "Exec=" + " ".join(_quote(a).replace("%", "%%") for a in command)
        elif line.startswith("TryExec="):
            line = f"TryExec={python}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def data_home(given: str | None) -> Path:
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install(home: Path, python: str) -> list[Path]:
    apps = home / "applications"
    icons = home / "icons" / "hicolor"
    written = []
    for folder, source in ((icons / "256x256" / "apps", ASSETS / f"{NAME}.png"),
                           (icons / "scalable" / "apps", ASSETS / f"{NAME}.svg")):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / source.name
        shutil.copyfile(source, target)
        written.append(target)
    apps.mkdir(parents=True, exist_ok=True)
    entry = apps / f"{NAME}.desktop"
    main = None if FROZEN else ROOT / "main.py"
    entry.write_text(desktop_entry(python, main), encoding="utf-8")
    entry.chmod(0o755)  # some desktops only launch entries marked executable
    written.append(entry)
    if shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", str(apps)], check=False, capture_output=True)
    return written


def uninstall(home: Path) -> list[Path]:
    removed = []
    for path in (home / "applications" / f"{NAME}.desktop",
                 home / "icons" / "hicolor" / "256x256" / "apps" / f"{NAME}.png",
                 home / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable,
                        help="the Python that runs the app (default: this one; in the "
                             "self-contained build, its executable)")
    parser.add_argument("--data-home", default=None, help="instead of ~/.local/share")
    parser.add_argument("--uninstall", action="store_true", help="remove the entry and the icon")
    args = parser.parse_args(argv)
    home = data_home(args.data_home)
    if args.uninstall:
        for path in uninstall(home):
            print(f"removed {path}")
        return 0
    python = str(Path(args.python).absolute())
    for path in install(home, python):
        print(f"wrote {path}")
    print("Three Pillars is now in the applications menu (log out and in if it does not show).")
    return 0
