"""Where the app's shipped files live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
CHECKPOINTS = ASSETS / "checkpoints"

# Shipped stage checkpoints, by the name the command line uses.
STAGE_DIRS = {"base": "base", "sft": "sft", "aligned": "aligned"}


def stage_checkpoint(stage: str = "base") -> Path:
    """The folder of a shipped stage checkpoint ("base", "sft" or "aligned")."""
    if stage not in STAGE_DIRS:
        raise ValueError(f"unknown stage {stage!r}; choose one of {sorted(STAGE_DIRS)}")
    return CHECKPOINTS / STAGE_DIRS[stage]


def user_cache_dir() -> Path:
    """This user's cache folder for the app (never inside the install or the bundle).

    The same place Qt's QStandardPaths.CacheLocation names, without importing Qt (the
    worker processes have none): ~/.cache/three-pillars on Linux (or $XDG_CACHE_HOME),
    ~/Library/Caches/three-pillars on macOS, %LOCALAPPDATA%\\three-pillars\\cache on Windows.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "three-pillars" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "three-pillars"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "three-pillars"
