"""Presenter text scale and light/dark colours, changed while the app runs.

`Appearance` (one per application) owns the two settings a lecturer changes on stage:
how big everything is (the text scale, Ctrl+= / Ctrl+- / Ctrl+0) and which colours are
used (follow the operating system, or always light / always dark; and high contrast, from
the system or chosen: gui/lecture/contrast.py). A change goes through
`gui/theme.py` (the sizes and colours every panel reads) and is then carried to the
widgets that already exist, so every panel follows without being rebuilt:

- the application font and palette are set again, and the one style sheet
  (gui/stylesheet.py) is filled again from the new colours and sizes: every widget is
  styled by it (by object name or property), so nothing is rewritten in place;
- a widget with a font of its own (a heading made with `theme.font(...)`) has its point
  size multiplied by the same ratio, and so do list and table items, private QFont
  attributes of custom-painted widgets, fixed widths and heights (sized for the old
  text), and pyqtgraph axes, titles, legends and text items;
- on a colour change, plots get the new background and ink;
- finally `apply_theme()` is called on every widget that defines it: a widget that
  draws rich text or colours read from `theme` draws them again.

Signals:
    scaleChanged(float)   the text scale now (1.0 = design sizes)
    schemeChanged(str)    "light", "dark" or their high-contrast versions
    changed()             either of them changed (after the widgets were updated)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QTableView,
    QTableWidget,
    QWidget,
)

from gui import theme
from gui.lecture import contrast
from gui.lecture.recolour import all_widgets as _all_widgets
from gui.lecture.recolour import graphics_views as _graphics_views
from gui.lecture.recolour import recolour_widgets
from gui.lecture.recolour import visit_plot_items as _visit_plot_items

log = logging.getLogger("three_pillars")

# The steps of Ctrl+= and Ctrl+-: even steps to the eye, from a small laptop screen to a
# big hall.
SCALE_STEPS: tuple[float, ...] = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
THEME_CHOICES: tuple[str, ...] = ("system", "light", "dark")

_SIZE_RESOLVED = 0x0002  # QFont::SizeResolved: the font sets its own size
# subtle: with an application style sheet, Qt keeps each widget's font as it was when the
# sheet first polished it (in this dynamic property) and puts it back whenever the sheet
# is set again; a font set later is lost then. We keep the property equal to the font.
_SHEET_FONT = "_q_styleSheetWidgetFont"
_QWIDGETSIZE_MAX = (1 << 24) - 1


def scale_size_text(size: str, ratio: float) -> str:
    """A CSS size such as "12pt" or "14px" (as pyqtgraph keeps them), times `ratio`."""
    size = size.strip()
    unit = size[-2:].lower()
    if unit not in ("pt", "px"):
        return size
    try:
        value = float(size[:-2])
    except ValueError:
        return size
    return f"{value * ratio:.1f}".rstrip("0").rstrip(".") + unit


def scaled_font(font: QFont, ratio: float) -> QFont:
    f = QFont(font)
    if f.pointSizeF() > 0:
        f.setPointSizeF(max(4.0, round(f.pointSizeF() * ratio, 1)))
    elif f.pixelSize() > 0:
        f.setPixelSize(max(4, round(f.pixelSize() * ratio)))
    return f


def _own_size(w: QWidget) -> bool:
    """True when the widget's font sets its own size (not inherited from its parent)."""
    return w.testAttribute(Qt.WidgetAttribute.WA_SetFont) and bool(int(w.font().resolveMask()) & _SIZE_RESOLVED)


def _set_font(w: QWidget, font: QFont) -> None:
    w.setFont(font)
    if w.property(_SHEET_FONT) is not None:
        w.setProperty(_SHEET_FONT, w.font())


def pin_fonts(root: QWidget) -> None:
    """Make the style sheet keep every widget's font as it is now (see _SHEET_FONT)."""
    for w in _all_widgets(root):
        if _own_size(w) and w.property(_SHEET_FONT) is not None:
            w.setProperty(_SHEET_FONT, w.font())


# -- carrying a scale change to existing widgets ---------------------------------------
def rescale_widgets(root: QWidget, ratio: float) -> None:
    """Multiply every size of text under `root` by `ratio` (see the module docstring)."""
    if abs(ratio - 1.0) < 1e-9:
        return
    for w in _all_widgets(root):
        if _own_size(w):
            _set_font(w, scaled_font(w.font(), ratio))
        if isinstance(w, QAbstractItemView):
            _rescale_items(w, ratio)
        _rescale_private_fonts(w, ratio)
        _rescale_fixed_size(w, ratio)
    _rescale_plots(root, ratio)


def _rescale_items(view: QAbstractItemView, ratio: float) -> None:
    if isinstance(view, QListWidget):
        items = [view.item(i) for i in range(view.count())]
    elif isinstance(view, QTableWidget):
        items = [view.item(r, c) for r in range(view.rowCount()) for c in range(view.columnCount())]
    else:
        items = []
    for item in items:
        if item is None:
            continue
        f = item.data(Qt.ItemDataRole.FontRole)
        if isinstance(f, QFont):
            item.setFont(scaled_font(f, ratio))
        hint = item.sizeHint()
        if hint.isValid() and hint.height() > 0:
            item.setSizeHint(QSize(hint.width(), max(1, round(hint.height() * ratio))))
    if isinstance(view, QTableView):
        header = view.verticalHeader()
        header.setDefaultSectionSize(max(8, round(header.defaultSectionSize() * ratio)))
    view.doItemsLayout()


def _rescale_private_fonts(w: QWidget, ratio: float) -> None:
    """Custom-painted widgets keep their fonts in attributes (self._font): scale those."""
    changed = False
    for name, value in list(getattr(w, "__dict__", {}).items()):
        if isinstance(value, QFont):
            setattr(w, name, scaled_font(value, ratio))
            changed = True
    if changed:
        w.updateGeometry()
        w.update()


def _rescale_fixed_size(w: QWidget, ratio: float) -> None:
    """A fixed width or height was chosen for the old text size: grow it with the text."""
    if w.isWindow():
        return
    if 0 < w.minimumWidth() == w.maximumWidth() < _QWIDGETSIZE_MAX:
        w.setFixedWidth(max(1, round(w.minimumWidth() * ratio)))
    if 0 < w.minimumHeight() == w.maximumHeight() < _QWIDGETSIZE_MAX:
        w.setFixedHeight(max(1, round(w.minimumHeight() * ratio)))


def _rescale_plots(root: QWidget, ratio: float) -> None:
    views = _graphics_views(root)
    if not views:
        return
    import pyqtgraph as pg

    def rescale(item) -> None:
        if isinstance(item, pg.AxisItem):
            tick_font = item.style.get("tickFont")
            if isinstance(tick_font, QFont):
                item.setStyle(tickFont=scaled_font(tick_font, ratio))
            if "font-size" in item.labelStyle:
                item.labelStyle["font-size"] = scale_size_text(item.labelStyle["font-size"], ratio)
                item._updateLabel()  # pyqtgraph's own refresh (no public one)
        elif isinstance(item, pg.LegendItem):
            size = item.opts.get("labelTextSize")
            if size:
                item.opts["labelTextSize"] = scale_size_text(size, ratio)
        elif isinstance(item, pg.LabelItem):
            size = item.opts.get("size")
            if size:
                item.setText(item.text, size=scale_size_text(size, ratio))
        elif isinstance(item, pg.TextItem):
            item.setFont(scaled_font(item.textItem.font(), ratio))

    _visit_plot_items(views, rescale, "rescale")


def system_scheme() -> str:
    """"dark" when the operating system asks for dark colours, else "light"."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


class Appearance(QObject):
    """The app's text scale and colour scheme; see the module docstring for the signals."""

    scaleChanged = Signal(float)
    schemeChanged = Signal(str)
    changed = Signal()

    def __init__(self, app: QApplication, parent: QObject | None = None):
        super().__init__(parent if parent is not None else app)
        self.setObjectName("appearance")
        self.app = app
        self._choice = "system"
        self._contrast = "system"
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_scheme)
        contrast.watch_system_contrast(lambda: self._on_system_scheme(None))

    @classmethod
    def instance(cls, app: QApplication | None = None) -> Appearance:
        """The application's Appearance (made on first use)."""
        app = app or QApplication.instance()
        existing = app.findChild(cls, "appearance")
        return existing if existing is not None else cls(app)

    # -- the text scale ---------------------------------------------------------------
    @property
    def scale(self) -> float:
        return theme.scale()

    def set_scale(self, value: float) -> None:
        old = theme.scale()
        theme.set_scale(value)
        new = theme.scale()
        if abs(new - old) < 1e-9:
            return
        self._apply(ratio=new / old, old_scheme=theme.scheme())
        self.scaleChanged.emit(new)
        self.changed.emit()

    def bigger(self) -> None:
        """One step up the ladder (Ctrl+=)."""
        up = [s for s in SCALE_STEPS if s > self.scale + 1e-6]
        if up:
            self.set_scale(up[0])

    def smaller(self) -> None:
        """One step down (Ctrl+-)."""
        down = [s for s in SCALE_STEPS if s < self.scale - 1e-6]
        if down:
            self.set_scale(down[-1])

    def reset_scale(self) -> None:
        """Back to the design sizes (Ctrl+0)."""
        self.set_scale(1.0)

    # -- light / dark, and high contrast ----------------------------------------------
    @property
    def theme_choice(self) -> str:
        """"system" (follow the operating system), "light" or "dark"."""
        return self._choice

    @property
    def contrast_choice(self) -> str:
        """"system" (follow the operating system), "high" or "normal" (gui/lecture/contrast.py)."""
        return self._contrast

    @property
    def scheme(self) -> str:
        return theme.scheme()

    @property
    def high_contrast(self) -> bool:
        return theme.is_high_contrast()

    def set_theme_choice(self, choice: str) -> None:
        if choice not in THEME_CHOICES:
            raise ValueError(f"theme must be one of {THEME_CHOICES}, got {choice!r}")
        self._choice = choice
        self._set_scheme(self._wanted_scheme())

    def set_contrast_choice(self, choice: str) -> None:
        contrast.wants_high_contrast(choice)  # checks the choice
        self._contrast = choice
        self._set_scheme(self._wanted_scheme())

    def _wanted_scheme(self) -> str:
        base = system_scheme() if self._choice == "system" else self._choice
        return contrast.scheme_for(base, contrast.wants_high_contrast(self._contrast))

    def _on_system_scheme(self, _scheme) -> None:
        if "system" in (self._choice, self._contrast):
            self._set_scheme(self._wanted_scheme())

    def _set_scheme(self, name: str) -> None:
        old = theme.scheme()
        if name == old:
            return
        theme.set_scheme(name)
        self._apply(ratio=1.0, old_scheme=old)
        self.schemeChanged.emit(name)
        self.changed.emit()

    # -- applying ---------------------------------------------------------------------
    def _apply(self, ratio: float, old_scheme: str) -> None:
        # subtle: a dialog with a parent (Look inside) is a top-level window AND one of its
        # parent's children; walked from both, its text grew by the ratio twice. Each tree
        # is walked from its root only.
        tops = [top for top in self.app.topLevelWidgets() if top.parentWidget() is None]
        for top in tops:
            pin_fonts(top)
        theme.apply(self.app)
        theme.configure_pyqtgraph()
        for top in tops:
            rescale_widgets(top, ratio)
            recolour_widgets(top, old_scheme, theme.scheme())
            for w in _all_widgets(top):
                hook = getattr(w, "apply_theme", None)
                if callable(hook):
                    try:
                        hook()
                    except Exception:  # noqa: BLE001 - a panel's hook must not stop the rest
                        log.exception("apply_theme failed on %r", w)
