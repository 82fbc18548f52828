"""Where the app's shipped files live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from engine.stages import ALIASES, ALIGNED, FINETUNED, PRETRAINED

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
CHECKPOINTS = ASSETS / "checkpoints"

# The folder of each shipped stage checkpoint (the folders keep their short names).
STAGE_DIRS = {PRETRAINED: "base", FINETUNED: "sft", ALIGNED: "aligned"}


def stage_checkpoint(stage: str = PRETRAINED) -> Path:
    """The folder of a shipped stage checkpoint: a stage id ("pre-trained", "fine-tuned",
    "aligned") or its short name ("base", "sft")."""
    sid = ALIASES.get(stage, stage)
    if sid not in STAGE_DIRS:
        raise ValueError(f"unknown stage {stage!r}; choose one of {[*STAGE_DIRS, *ALIASES]}")
    return CHECKPOINTS / STAGE_DIRS[sid]


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
