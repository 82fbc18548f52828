"""Where the app's shipped files live."""

from __future__ import annotations

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
