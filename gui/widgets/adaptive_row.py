"""A row of parts that stacks them one under another when the row is too narrow.

At 2x text (or in German, about a third longer) a header's title and buttons no longer fit
side by side; a plain QHBoxLayout then asks for their summed width and the page scrolls
sideways. `AdaptiveRow` asks only for its widest part: it lays the parts out side by side
when the width it is given holds them all, and one under another when it does not.

`fit_tabs` does the same for a tab bar: tabs elide their titles instead of scrolling (a
scrolling tab bar moves under the pointer when a tab is clicked); `short_tab_titles` gives
them short titles to show before it comes to that.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QLayout,
    QLayoutItem,
    QStyle,
    QTabWidget,
    QWidget,
)

from gui.widgets.flow_layout import FlowLayout


class AdaptiveRow(QWidget):
    """Parts side by side when they all fit, else stacked (each part keeps its own layout).

    `add(part, stretch, wants_chars, natural)`: `wants_chars` is the width, in average
    characters of the row's font, below which that part should not be squeezed side by
    side (a wrapped label's own minimum is one word, far too narrow to read); `natural`:
    the part is counted at its preferred width, and a stretching one goes side by side
    only if its share of the row (by stretch) holds that width: for a part whose labels
    or buttons would otherwise wrap (the Data step's sources, the Fine-tune buttons).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self._wants: list[int] = []  # per part, in characters
        self._stretch: list[int] = []
        self._natural: list[bool] = []

    def add(self, part: QWidget | QLayout, stretch: int = 0, wants_chars: int = 0,
            alignment: Qt.AlignmentFlag | None = None, natural: bool = False) -> None:
        if isinstance(part, QLayout):
            self.box.addLayout(part, stretch)
        elif alignment is None:
            self.box.addWidget(part, stretch)
        else:
            self.box.addWidget(part, stretch, alignment)
        self._wants.append(wants_chars)
        self._stretch.append(stretch)
        self._natural.append(natural)

    def is_stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def _items(self) -> list[QLayoutItem]:
        return [self.box.itemAt(i) for i in range(self.box.count())]

    @staticmethod
    def _preferred_width(item: QLayoutItem, natural: bool) -> int:
        """What a part asks for beside the others beyond its least width: a row within
        this one, its own parts side by side (this row stacks first); a row of buttons
        (FlowLayout) or a `natural` part, its size hint; else nothing."""
        inner = item.widget()
        if isinstance(inner, AdaptiveRow):
            return inner.side_by_side_width()
        if natural or isinstance(item.layout(), FlowLayout):
            return item.sizeHint().width()
        return 0

    def _parts(self) -> list[tuple[int, int, int]]:
        """(stretch, preferred width, width side by side) of each shown part (a hidden
        part takes no room, unless it keeps it: retainSizeWhenHidden)."""
        char = self.fontMetrics().averageCharWidth()
        out = []
        for item, wants, stretch, natural in zip(self._items(), self._wants, self._stretch,
                                                  self._natural, strict=True):
            if item.isEmpty():
                continue
            preferred = self._preferred_width(item, natural)
            out.append((stretch, preferred, max(item.minimumSize().width(), preferred, wants * char)))
        return out

    def side_by_side_width(self) -> int:
        widths = [w for *_, w in self._parts() if w > 0]
        m = self.box.contentsMargins()
        return sum(widths) + self.box.spacing() * max(0, len(widths) - 1) + m.left() + m.right()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # subtle: the widest part only, whichever way the row is laid out now; else the
        # side-by-side sum would be asked for, and the page would scroll sideways.
        m = self.box.contentsMargins()
        widest = max((item.minimumSize().width() for item in self._items()
                      if not item.isEmpty()), default=0)
        return QSize(widest + m.left() + m.right(), self.box.minimumSize().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.arrange(event.size().width())
        super().resizeEvent(event)

    def _shares_hold_preferred_widths(self, width: int) -> bool:
        """Whether each stretching part's share of `width` (by stretch, as the box layout
        shares it out side by side) holds its preferred width."""
        parts = self._parts()
        total = sum(stretch for stretch, _, _ in parts)
        if total == 0:
            return True
        m = self.box.contentsMargins()
        fixed = sum(w for stretch, _, w in parts if stretch == 0)
        free = width - m.left() - m.right() - self.box.spacing() * (len(parts) - 1) - fixed
        return all(free * stretch / total >= preferred for stretch, preferred, _ in parts if stretch > 0)

    def arrange(self, width: int) -> None:
        """Side by side if `width` holds every part, else one under another."""
        need = self.side_by_side_width()
        if self.is_stacked():
            # subtle: stacking makes the page taller, which may take a scroll bar's width
            # away (or give it back); without this margin the row would flip back and forth.
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 16
        stacked = width < need or not self._shares_hold_preferred_widths(width)
        wanted = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        if self.box.direction() == wanted:
            return
        self.box.setDirection(wanted)
        # Stacked, a part keeps its height: stretch only shares width side by side.
        for i, stretch in enumerate(self._stretch):
            self.box.setStretch(i, 0 if stacked else stretch)
        self.updateGeometry()


class TitledBox(QGroupBox):
    """A group box never narrower than its title: Qt's own minimum leaves out the style
    sheet's title offset and padding, so a long title was cut off at large text."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        fm = self.fontMetrics()
        title = fm.horizontalAdvance(self.title()) + 4 * fm.averageCharWidth()
        return QSize(max(hint.width(), title), hint.height())


def fit_tabs(tabs: QTabWidget) -> QTabWidget:
    """Tab titles share the bar's width, eliding when short of room, and never scroll."""
    tabs.setElideMode(Qt.TextElideMode.ElideRight)
    tabs.setUsesScrollButtons(False)
    tabs.tabBar().setExpanding(False)
    return tabs


class _ShortTitles(QObject):
    """Shows a tab widget's short titles while its full ones would not fit its width."""

    def __init__(self, tabs: QTabWidget, titles: list[tuple[str, str]]):
        super().__init__(tabs)
        self.tabs, self.titles = tabs, titles
        tabs.installEventFilter(self)
        tabs.tabBar().installEventFilter(self)
        self.fit()

    def needed(self, texts: list[str]) -> int:
        """The bar's width with these titles, unelided: each tab's padding (its size hint
        less its title now) plus the title's width in the bar's font."""
        bar = self.tabs.tabBar()
        fm = bar.fontMetrics()
        return sum(bar.tabSizeHint(i).width() - fm.horizontalAdvance(bar.tabText(i))
                   + fm.horizontalAdvance(text) for i, text in enumerate(texts))

    def fit(self) -> None:
        if self.tabs.count() != len(self.titles):
            return
        short = self.needed([full for full, _ in self.titles]) > self.tabs.width()
        for i, (full, brief) in enumerate(self.titles):
            text = brief if short else full
            if self.tabs.tabText(i) != text:
                self.tabs.setTabText(i, text)
            self.tabs.setTabToolTip(i, full.replace("&&", "&") if short else "")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False


def short_tab_titles(tabs: QTabWidget, shorts: list[str]) -> None:
    """Give each tab a short title, shown (with the full one as its tooltip) while the full
    titles would not fit across: at 1.3x on a laptop the fine-tune tabs read "Before…",
    "The examples (Q&…", "Learning curv…". Call after the tabs are added."""
    titles = [(tabs.tabText(i), short) for i, short in enumerate(shorts)]
    tabs._short_titles = _ShortTitles(tabs, titles)  # kept with the tabs


__all__ = ["AdaptiveRow", "TitledBox", "fit_tabs", "short_tab_titles"]
