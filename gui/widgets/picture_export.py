"""Save what a widget shows as a picture: .png (pixels) or .svg (shapes and text)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from gui.i18n import translate
from gui.widgets.staggered_paint import paint_charts_now


def save_widget_picture(widget: QWidget, path: str | Path, title: str = "Three Pillars",
                        description: str = "A view of Three Pillars, exported from the app.") -> Path:
    """Save `widget` to `path`; the ending (.png or .svg) decides the kind of picture."""
    path = Path(path)
    suffix = path.suffix.lower()
    paint_charts_now(widget)
    if suffix == ".png":
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(_could_not_write(path))
    elif suffix == ".svg":
        _save_svg(widget, path, title, description)
    else:
        if suffix:  # the message is shown to the person (gui/lecture/presenter.py)
            raise ValueError(translate("PictureExport", "Save the picture as .png or .svg, not {ending}.")
                             .format(ending=suffix))
        raise ValueError(translate("PictureExport", "Save the picture as .png or .svg: the name has no ending."))
    return path


def _save_svg(widget: QWidget, path: Path, title: str, description: str) -> None:
    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(_could_not_write(path))
    # Items cached as pixmaps (the word map's labels) would land in the SVG as pictures
    # of text; drawn uncached for the export, they are text and lines an editor can change.
    cached = [(item, item.cacheMode()) for view in widget.findChildren(QGraphicsView)
              if view.scene() is not None for item in view.scene().items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    try:
        for item, _ in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
        for item, mode in cached:
            item.setCacheMode(mode)


def _could_not_write(path: Path) -> str:
    return translate("PictureExport", "Could not write {path}").format(path=path)
