"""The real app in a real window (X11 under Xvfb): every panel opens and draws something.

Starts `python main.py --screenshot-all DIR` under `xvfb-run` with Qt's xcb platform
(not the offscreen one the other GUI tests use), with the engine in its own worker
process as in a lecture, and checks each panel's picture: the right size, and a real
picture (many distinct colours, no single colour covering nearly all of it), both for
the whole window and for the panel area alone.

Skipped only when xvfb-run is not installed (`.ci/run` installs it). Under Xvfb, Qt's xcb
plugin also needs libxcb-icccm4 and libxcb-keysyms1; without them the app cannot start
and this test fails with Qt's message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from gui.panels import PANELS

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1280, 720
NAVIGATOR_WIDTH = 250  # the left column; the panel is to its right

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("xvfb-run") is None,
                       reason="xvfb-run is not installed (apt-get install xvfb)"),
]


def _colour_stats(image, left: int = 0) -> tuple[int, float]:
    """(distinct colours, share of the commonest one) over a grid of sampled pixels."""
    counts: Counter = Counter()
    for x in range(left, image.width(), 3):
        for y in range(0, image.height(), 3):
            counts[image.pixel(x, y)] += 1
    total = sum(counts.values())
    return len(counts), counts.most_common(1)[0][1] / total


def test_every_panel_draws_in_a_real_window(tmp_path, qapp):
    from PySide6.QtGui import QImage

    out = tmp_path / "shots"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "xcb"  # a real X11 window, not conftest's offscreen
    env.pop("THREE_PILLARS_CHECKPOINT", None)
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24",
           sys.executable, str(ROOT / "main.py"), "--screenshot-all", str(out),
           "--size", f"{WIDTH}x{HEIGHT}", "--timeout", "25"]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=400)
    log = (result.stdout + result.stderr)[-4000:]
    assert result.returncode == 0, log
    shots = sorted(out.glob("*.png"))
    assert [p.stem.split("-", 1)[1] for p in shots] == [p.key for p in PANELS], log
    for path in shots:
        image = QImage(str(path))
        assert not image.isNull(), path.name
        assert image.width() >= WIDTH * 0.9 and image.height() >= HEIGHT * 0.9, (
            f"{path.name} is {image.width()}x{image.height()}")
        colours, commonest = _colour_stats(image)
        assert colours >= 40 and commonest < 0.9, f"{path.name} looks blank: {colours} colours, {commonest:.0%}"
        colours, commonest = _colour_stats(image, left=NAVIGATOR_WIDTH + 10)
        assert colours >= 30 and commonest < 0.92, (
            f"{path.name}: the panel area looks blank: {colours} colours, {commonest:.0%}")
