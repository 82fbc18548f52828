"""Keep only the map frames that scripts/build_assets.py keeps now (`frame_due`).

    python scripts/thin_build_history.py [assets/checkpoints/base]

A history written with denser frames becomes the one the build script writes today,
without training again: the kept frames are the same steps of the same build.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import paths  # noqa: E402
from engine.pretraining.build_history import load_history, save_history  # noqa: E402
from scripts.build_assets import frame_due  # noqa: E402


def main(argv: list[str]) -> int:
    checkpoint = Path(argv[0]) if argv else paths.stage_checkpoint("base")
    history = load_history(checkpoint)
    if history is None:
        raise SystemExit(f"{checkpoint}: no readable build history beside it")
    last = len(history.frame_steps) - 1
    keep = [i for i, step in enumerate(history.frame_steps) if frame_due(step) or i == last]
    save_history(checkpoint, replace(history, frame_steps=tuple(history.frame_steps[i] for i in keep),
                                     frames=tuple(history.frames[i] for i in keep)))
    print(f"{checkpoint}: {len(history.frame_steps)} -> {len(keep)} map frames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
