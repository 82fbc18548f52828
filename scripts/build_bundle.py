"""Build the self-contained app folder (no Python needed to run it) and pack it.

    .venv/bin/pip install pyinstaller==6.22.3
    .venv/bin/python scripts/build_bundle.py            # -> dist/three-pillars/ and the .tar.zst

Runs PyInstaller on packaging/three-pillars.spec (a one-folder build), then packs the
folder as dist/three-pillars-<os>-<arch>.tar.zst (Linux; a .zip elsewhere) and prints the
unpacked and packed sizes. `--no-pack` skips the archive. The same command works on
Windows and macOS (there it makes a folder and a .zip, and on macOS an .app bundle too).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "three-pillars.spec"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def archive_name() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"three-pillars-{system}-{platform.machine().lower()}"


def pack(folder: Path, dist: Path) -> Path:
    """tar + zstd on Linux (fast to unpack, ~3x smaller than the folder); zip elsewhere."""
    if sys.platform.startswith("linux") and shutil.which("zstd") and shutil.which("tar"):
        out = dist / f"{archive_name()}.tar.zst"
        subprocess.run(["tar", "--use-compress-program=zstd -T0 -10", "-cf", str(out),
                        "-C", str(folder.parent), folder.name], check=True)
        return out
    return Path(shutil.make_archive(str(dist / archive_name()), "zip", folder.parent, folder.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the build goes")
    parser.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller's work folder")
    parser.add_argument("--no-pack", action="store_true", help="build the folder only")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: run `.venv/bin/pip install pyinstaller==6.22.3` first",
              file=sys.stderr)
        return 2
    dist, t0 = Path(args.dist), time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", args.work, str(SPEC)], check=True)
    folder = dist / "three-pillars"
    built = time.perf_counter() - t0
    print(f"built {folder} in {built:.0f} s: {folder_size(folder) / 1e6:,.0f} MB unpacked")
    if not args.no_pack:
        t1 = time.perf_counter()
        archive = pack(folder, dist)
        print(f"packed {archive} in {time.perf_counter() - t1:.0f} s: "
              f"{archive.stat().st_size / 1e6:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
