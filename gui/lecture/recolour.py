"""Carrying a change of colour scheme to widgets and plots that already exist.

Widgets need nothing: the application's style sheet and palette already hold the new
colours (gui/theme.py, gui/stylesheet.py). Plot items keep colours of their own: each one
equal to a colour of the old scheme (a neutral colour, or the palette as that scheme draws
it) takes the same role's colour in the new scheme. Used by gui/lecture/appearance.py.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gui import theme

log = logging.getLogger("three_pillars")


def all_widgets(root: QWidget) -> list[QWidget]:
    return [root, *root.findChildren(QWidget)]


def graphics_views(root: QWidget) -> list:
    try:
        import pyqtgraph as pg
    except ImportError:  # pragma: no cover - a dependency
        return []
    return [w for w in all_widgets(root) if isinstance(w, pg.GraphicsView)]


def visit_plot_items(views: list, visit, verb: str, before=None) -> None:
    """Call `visit` on every item of every plot view (after `before(view)`, if given)."""
    for view in views:
        if before is not None:
            before(view)
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            try:
                visit(item)
            except Exception:  # noqa: BLE001 - one odd plot item must not stop the rest
                log.debug("could not %s %r", verb, item, exc_info=True)
        view.update()


# -- carrying a colour change to existing widgets --------------------------------------
def recolour_widgets(root: QWidget, old: str, new: str) -> None:
    """Carry a change from scheme `old` to scheme `new` to the plots under `root`.

    Widgets need nothing: the style sheet and the palette already hold the new colours.
    Plot items keep colours of their own; those equal to an old scheme colour take the
    new one. Call it after theme.set_scheme(new).
    """
    if old == new:
        return
    before, after = theme.SCHEMES[old], theme.SCHEMES[new]
    # White stays white (white text on a coloured mark); backgrounds are set directly.
    mapping = {before[k]: after[k] for k in before
               if before[k].lower() != after[k].lower() and before[k].lower() not in ("#ffffff", "#fff")}
    # Curves, bars and points: the palette as the old scheme drew it, to the new shades
    # (the same hues; only the high-contrast schemes change them). Plots draw the palette
    # far more often than a neutral colour of the same hex, so it wins a tie.
    marks_before = theme.HIGH_CONTRAST_MARKS.get(old, theme.BASE_PALETTE)
    marks_after = theme.HIGH_CONTRAST_MARKS.get(new, theme.BASE_PALETTE)
    mapping.update({marks_before[k]: marks_after[k] for k in marks_before
                    if marks_before[k].lower() != marks_after[k].lower()})
    for w in all_widgets(root):
        w.update()
    _recolour_plots(root, mapping)


def _recolour_plots(root: QWidget, mapping: dict[str, str]) -> None:
    views = graphics_views(root)
    if not views:
        return
    import pyqtgraph as pg

    lower = {k.lower(): v for k, v in mapping.items()}

    def swap(colour) -> str | None:
        name = pg.mkColor(colour).name().lower()
        return lower.get(name)

    def recolour(item) -> None:
        if isinstance(item, pg.AxisItem):
            item.setPen(swap(item.pen().color()) or item.pen())
            item.setTextPen(swap(item.textPen().color()) or item.textPen())
            item.labelStyle["color"] = swap(item.labelStyle.get("color", theme.TEXT)) or theme.TEXT
            item._updateLabel()
        elif isinstance(item, pg.LabelItem):
            colour = item.opts.get("color")
            item.setText(item.text, color=(swap(colour) or colour) if colour is not None else theme.TEXT)
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(theme.TEXT)
            item.setBrush(theme.qcolor(theme.BACKGROUND, 200))
            for _sample, label in item.items:
                label.setText(label.text, color=theme.TEXT)
        elif isinstance(item, pg.TextItem):
            new = swap(item.color)
            if new is not None:
                item.setColor(new)
        elif isinstance(item, pg.PlotDataItem):
            _recolour_curve(item, swap)
        elif isinstance(item, pg.InfiniteLine):
            new = swap(item.pen.color())
            if new is not None:
                item.setPen(_with_colour(item.pen, new))

    visit_plot_items(views, recolour, "recolour",
                      before=lambda view: view.setBackground(theme.BACKGROUND))


def _with_colour(pen, colour: str):
    """A copy of `pen` (width, dashes kept) in another colour."""
    import pyqtgraph as pg

    new = pg.mkPen(pen)
    new.setColor(QColor(colour))
    return new


def _recolour_curve(item, swap) -> None:
    """A curve's line and its points' fill, in the new scheme's shades."""
    import pyqtgraph as pg

    pen = item.opts.get("pen")
    if pen is not None:
        new = swap(pg.mkPen(pen).color())
        if new is not None:
            item.setPen(_with_colour(pen, new))
    brush = item.opts.get("symbolBrush")
    if brush is not None:
        new = swap(pg.mkBrush(brush).color())
        if new is not None:
            item.setSymbolBrush(new)
