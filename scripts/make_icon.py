"""Render the app icon: assets/three-pillars.svg -> assets/three-pillars.png (256 x 256).

    python scripts/make_icon.py [--size 256]

It also writes assets/three-pillars.ico (the same picture, for a Windows shortcut).

Uses Qt's own SVG renderer (QSvgRenderer), so the PNG matches what the app draws from
the SVG. Runs without a screen (Qt's offscreen platform).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def render(svg: Path, png: Path, size: int = 256) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png), png.suffix.lstrip(".").upper() or "PNG"):
        raise SystemExit(f"could not write {png}")
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256, help="width and height in pixels")
    parser.add_argument("--svg", type=Path, default=ASSETS / "three-pillars.svg")
    parser.add_argument("--out", type=Path, default=ASSETS / "three-pillars.png")
    parser.add_argument("--ico", type=Path, default=ASSETS / "three-pillars.ico",
                        help="also write this Windows icon (\"\" to skip)")
    args = parser.parse_args(argv)
    print(render(args.svg, args.out, args.size))
    if str(args.ico):
        print(render(args.svg, args.ico, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
