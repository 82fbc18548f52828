"""The tour's caption card: the narration, large, across the bottom of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.lecture.tour import Tour
from gui.panels import PANELS
from gui.stylesheet import set_style


# -- the caption card ------------------------------------------------------------------------
def _pillar_of(key: str) -> str:
    for spec in PANELS:
        if spec.key == key:
            return spec.pillar
    return ""


def _title_of(key: str) -> str:
    # The panel registry keeps English titles; the navigator's translations (context "Panels").
    for spec in PANELS:
        if spec.key == key:
            return translate("Panels", spec.title)
    return key


class TourCard(QFrame):
    """The narration, large, across the bottom of the window, with the tour's buttons.

    Compact on purpose (about 150 px at normal size): the panel above keeps its room.

    Signals:
        resetRequested()   the person pressed "Reset the demo"
    """

    resetRequested = Signal()

    def __init__(self, tour: Tour, parent: QWidget | None = None):
        super().__init__(parent)
        self.tour = tour
        self.setObjectName("tourCard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(14, 6, 14, 6)
        outer.setSpacing(14)

        left = self._left = QVBoxLayout()
        left.setSpacing(0)
        self.counter = QLabel()
        self.counter.setObjectName("tourCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setFont(theme.font(theme.HEADING_PT + 4, bold=True))
        self.where = QLabel()
        self.where.setObjectName("tourWhere")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setFont(theme.font(theme.SMALL_PT, bold=True))
        left.addStretch(1)
        left.addWidget(self.counter)
        left.addWidget(self.where)
        left.addStretch(1)
        outer.addLayout(left)

        text = self._text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("tourTitle")
        self.title.setFont(theme.font(theme.HEADING_PT, bold=True))
        self.narration = QLabel()
        self.narration.setObjectName("tourNarration")
        self.narration.setFont(theme.font(theme.BASE_PT + 2))
        self.narration.setWordWrap(True)
        self.narration.setTextFormat(Qt.TextFormat.PlainText)
        self.live = QLabel()
        self.live.setObjectName("tourStatus")
        self.live.setFont(theme.font(theme.SMALL_PT))
        self.live.setWordWrap(True)
        self.live.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.title, self.narration, self.live):
            w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            text.addWidget(w)
        outer.addLayout(text, 1)

        grid = self._grid = QGridLayout()
        grid.setSpacing(6)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setToolTip(self.tr("The step before (PageUp or ←)"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setProperty("primary", True)
        self.next_button.setToolTip(self.tr("The next step (PageDown, → or a presentation clicker)"))
        self.close_button = QPushButton("✕")
        self.close_button.setToolTip(self.tr("End the tour (the app stays as it is)"))
        self.close_button.setAccessibleName(self.tr("End the tour"))  # "✕" says nothing aloud
        self.auto_button = QPushButton(self.tr("▶▶ Auto"))
        self.auto_button.setCheckable(True)
        self.auto_button.setToolTip(self.tr("Auto-play: each step's demonstration runs to its end, "
                                            "its result stays up for the chosen time, then the next "
                                            "step"))
        self.seconds = QSpinBox()
        self.seconds.setRange(3, 300)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setValue(tour.seconds_per_step)
        self.seconds.setAccessibleName(self.tr("Seconds each step stays up on auto-play"))
        self.seconds.setToolTip(self.tr("How long each step's result stays up on auto-play, "
                                        "counted once its demonstration has finished"))
        self.reset_button = QPushButton(self.tr("↺ Reset the demo"))
        self.reset_button.setToolTip(self.tr("Back to the shipped models and their data, as when "
                                             "the app opened (Ctrl+Shift+R)"))
        grid.addWidget(self.back_button, 0, 0)
        grid.addWidget(self.next_button, 0, 1)
        grid.addWidget(self.close_button, 0, 2)
        grid.addWidget(self.auto_button, 1, 0)
        grid.addWidget(self.seconds, 1, 1)
        grid.addWidget(self.reset_button, 1, 2)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addLayout(grid)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        self.back_button.clicked.connect(tour.back)
        self.next_button.clicked.connect(tour.next)
        self.auto_button.toggled.connect(tour.set_autoplay)
        self.seconds.valueChanged.connect(tour.set_seconds_per_step)
        self.reset_button.clicked.connect(self.resetRequested)
        self.close_button.clicked.connect(tour.stop)
        tour.stepChanged.connect(self.show_step)
        tour.statusChanged.connect(self.show_status)
        tour.autoplayChanged.connect(self._on_autoplay)
        self.apply_theme()

    def show_step(self, index: int) -> None:
        step = self.tour.steps[index]
        pillar = _pillar_of(step.panel)
        self.counter.setText(f"{index + 1} / {len(self.tour.steps)}")
        set_style(self.counter, pillar=pillar)
        shown_pillar = translate("Panels", pillar)  # as the navigator names it
        self.where.setText(f"{shown_pillar}\n{_title_of(step.panel)}")
        set_style(self.where, pillar=pillar)
        self.title.setText(step.shown_title())
        self.narration.setText(step.shown_narration())
        self.live.setText("")
        self.back_button.setEnabled(index > 0)
        last = index + 1 >= len(self.tour.steps)
        self.next_button.setText(self.tr("Done ✓") if last else self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("End the tour; the last result stays on screen") if last
                                    else self.tr("The next step (PageDown, → or a presentation clicker)"))
        # At the end the offer to begin again is the button that stands out.
        set_style(self.reset_button, primary=last)
        self._fit_height()

    def show_status(self, text: str) -> None:
        self.live.setText(text)
        self._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped narration needs at this width.

        subtle: a main window's dock area ignores height-for-width, so the card works
        out its own height from the width its text column gets.
        """
        outer = self.layout()
        m = outer.contentsMargins()
        left_w = max(self.counter.sizeHint().width(), self.where.sizeHint().width())
        # Before the card is first shown its own width means nothing: it will span the window.
        width = self.width() if self.isVisible() else self.window().width()
        text_w = max(120, width - m.left() - m.right() - left_w
                     - self._grid.sizeHint().width() - 2 * outer.spacing())
        line = self.live.fontMetrics().lineSpacing()
        text_h = (self.title.sizeHint().height() + self.narration.heightForWidth(text_w)
                  + max(line, self.live.heightForWidth(text_w)) + 2 * self._text.spacing())
        left_h = self.counter.sizeHint().height() + self.where.sizeHint().height()
        height = m.top() + m.bottom() + max(text_h, left_h, self._grid.sizeHint().height())
        top = self.window()
        if top is not self and top.height() > 0:
            # Never more than 40 % of the window: the card must not push the window taller
            # (at 2x text on 1280x720 the end of a long narration is cut instead).
            height = min(height, max(self._grid.sizeHint().height() + m.top() + m.bottom(),
                                     int(0.4 * top.height())))
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    def _on_autoplay(self, on: bool) -> None:
        if self.auto_button.isChecked() != on:
            self.auto_button.setChecked(on)
        self.auto_button.setText(self.tr("❚❚ Pause") if on else self.tr("▶▶ Auto"))

    def apply_theme(self) -> None:
        """Fit the card again after a change of text scale (colours come from the style sheet)."""
        if self.tour.index >= 0:
            self.show_step(self.tour.index)
            self.live.setText(self.tour.status)


def add_tour_dock(window, tour: Tour) -> tuple[QDockWidget, TourCard]:
    """Put the card across the bottom of `window`, hidden until the tour starts."""
    card = TourCard(tour)
    dock = QDockWidget(window)
    dock.setObjectName("tourDock")
    dock.setWindowTitle(translate("TourCard", "Guided tour"))
    dock.setTitleBarWidget(QWidget())  # no title bar: the card says what it is
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.setWidget(card)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    tour.activeChanged.connect(dock.setVisible)
    return dock, card


__all__ = ["TourCard", "add_tour_dock"]
