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
    QScrollArea,
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

MIN_TEXT_W = 240  # px: a text column narrower than this beside the buttons is unreadable


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
        heightChanged()    the card grew or shrank (a longer status line): the page above
                           lost or gained room
    """

    resetRequested = Signal()
    heightChanged = Signal()

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
        # Wrapped, never cut: beside the buttons at 1.75x, "Learning from nothing, for 20
        # seconds" ended "for 20 secon".
        self.title.setWordWrap(True)
        self.narration = QLabel()
        self.narration.setObjectName("tourNarration")
        self.narration.setFont(theme.font(theme.BASE_PT + 2))
        self.narration.setWordWrap(True)
        self.narration.setTextFormat(Qt.TextFormat.PlainText)
        # Cut at the end if it ever must be, never in the middle of a line at the top.
        self.narration.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.live = QLabel()
        self.live.setObjectName("tourStatus")
        self.live.setFont(theme.font(theme.SMALL_PT))
        self.live.setWordWrap(True)
        self.live.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.title, self.narration, self.live):
            w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The narration scrolls only as the last resort (2x text on a 720p screen): then a
        # scroll bar says there is more, instead of a sentence cut off unseen.
        self.narration_area = QScrollArea()
        self.narration_area.setObjectName("tourNarrationArea")
        self.narration_area.setWidget(self.narration)
        self.narration_area.setWidgetResizable(True)
        self.narration_area.setFrameShape(QFrame.Shape.NoFrame)
        self.narration_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.narration_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.narration_area.viewport().setAutoFillBackground(False)
        self.narration.setAutoFillBackground(False)
        for w in (self.title, self.narration_area, self.live):
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
        self._buttons = (self.back_button, self.next_button, self.close_button,
                         self.auto_button, self.seconds, self.reset_button)
        self._side = QVBoxLayout()  # the buttons beside the text (two rows of three)...
        self._side.addStretch(1)
        self._side.addStretch(1)
        outer.addLayout(self._side)
        self._under = QHBoxLayout()  # ...or under it in one row, when beside it the text
        self._under.addStretch(1)  # would be cut (large text on a small screen)
        text.addLayout(self._under)
        self._last = False  # on the tour's last step ("Done ✓")
        self.compact = False  # the buttons show symbols only (set by _fit_height)
        self.buttons_mode = ""  # where the buttons are now: set by _place_buttons
        self._place_buttons("beside")

        self.back_button.clicked.connect(tour.back)
        self.next_button.clicked.connect(tour.next)
        self.auto_button.toggled.connect(tour.set_autoplay)
        self.seconds.valueChanged.connect(tour.set_seconds_per_step)
        self.reset_button.clicked.connect(self.resetRequested)
        self.close_button.clicked.connect(tour.stop)
        # A taller card leaves the page less room: the step's part could end under it
        # (the last step's answers, when its status line grew at the tour's end).
        self.heightChanged.connect(tour.keep_part_in_view)
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
        self._last = last
        self._set_words()
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

    def _set_words(self) -> None:
        """The buttons' words, or only their symbols when the card is short of room (2x
        text on a small screen); their accessible names always say it in words."""
        on = self.auto_button.isChecked()
        words = {
            self.back_button: (self.tr("◀ Back"), "◀"),
            self.next_button: (self.tr("Done ✓"), "✓") if self._last else (self.tr("Next ▶"), "▶"),
            self.auto_button: (self.tr("❚❚ Pause"), "❚❚") if on else (self.tr("▶▶ Auto"), "▶▶"),
            self.reset_button: (self.tr("↺ Reset the demo"), "↺"),
        }
        for button, (full, short) in words.items():
            button.setText(short if self.compact else full)
            button.setAccessibleName(full.strip("◀▶✓❚↺ "))

    @property
    def buttons_under(self) -> bool:
        return self.buttons_mode != "beside"

    def _place_buttons(self, mode: str) -> None:
        """The buttons beside the text in two rows of three ("beside"), or under it: in
        one row ("row") or two ("grid")."""
        if mode == self.buttons_mode:
            return
        self.buttons_mode = mode
        for w in self._buttons:
            self._grid.removeWidget(w)
        for i, w in enumerate(self._buttons):
            self._grid.addWidget(w, 0 if mode == "row" else i // 3, i if mode == "row" else i % 3)
        for holder in (self._side, self._under):
            holder.removeItem(self._grid)
        self._grid.setParent(None)  # a layout joins another only once it has no parent
        if self.buttons_under:
            self._under.addLayout(self._grid)
        else:
            self._side.insertLayout(1, self._grid)

    def _fit_height(self) -> None:
        """As tall as the wrapped narration needs at this width, within 40 % of the window.

        The buttons go beside the text; when the text would not fit there, under it (one
        row, or two when one does not fit across); then the narration's type steps down,
        to the small size; only then does the narration scroll.

        subtle: a main window's dock area ignores height-for-width, so the card works
        out its own height from the width its text column gets.
        """
        outer = self.layout()
        m = outer.contentsMargins()
        if self.compact:
            self.compact = False
            self._set_words()
        if self.narration.font().pointSize() != theme.BASE_PT + 2:
            self.narration.setFont(theme.font(theme.BASE_PT + 2))  # made smaller below if need be
        left_w = max(self.counter.sizeHint().width(), self.where.sizeHint().width())
        # Before the card is first shown its own width means nothing: it will span the window.
        width = self.width() if self.isVisible() else self.window().width()
        button = max(w.sizeHint().height() for w in self._buttons)
        gap = self._grid.spacing()
        widest = max(w.sizeHint().width() for w in self._buttons)
        side_w = 3 * widest + 2 * gap
        across = width - m.left() - m.right() - left_w - outer.spacing()  # the text column
        row_fits = sum(w.sizeHint().width() for w in self._buttons) + 5 * gap <= across
        if not row_fits and width > 0 and across - side_w - outer.spacing() < MIN_TEXT_W:
            # Neither beside the text nor across it in words: symbols, in one row.
            self.compact = True
            self._set_words()
            widest = max(w.sizeHint().width() for w in self._buttons)
            side_w = 3 * widest + 2 * gap
            row_fits = sum(w.sizeHint().width() for w in self._buttons) + 5 * gap <= across
        text_beside_too_narrow = across - side_w - outer.spacing() < MIN_TEXT_W
        left_h = self.counter.sizeHint().height() + self.where.sizeHint().height()
        line = self.live.fontMetrics().lineSpacing()
        slack = 4  # a wrapped label's last line: its descent is not in heightForWidth exactly

        def parts(mode: str) -> tuple[int, int]:
            """(the narration's height, everything else's) for a layout of the buttons."""
            text_w = max(120, across - (side_w + outer.spacing() if mode == "beside" else 0))
            narration = self.narration.heightForWidth(text_w) + slack
            rest = (self.title.heightForWidth(text_w) + slack + max(line, self.live.heightForWidth(text_w))
                    + 2 * self._text.spacing())
            if mode != "beside":
                rows = 1 if mode == "row" else 2
                rest += rows * button + (rows - 1) * gap + self._text.spacing()
            return narration, rest

        def total(mode: str) -> int:
            narration, rest = parts(mode)
            beside_h = 2 * button + gap if mode == "beside" else 0
            return m.top() + m.bottom() + max(narration + rest, left_h, beside_h)

        top = self.window()
        # Never more than 40 % of the window: the card must not push the window taller.
        cap = int(0.4 * top.height()) if top is not self and top.height() > 0 else None
        mode = "beside"
        if cap is not None and (total("beside") > cap or text_beside_too_narrow):
            under = "row" if row_fits else "grid"
            if total(under) < total("beside") or text_beside_too_narrow:
                mode = under
        self._place_buttons(mode)
        for size in range(theme.BASE_PT + 1, theme.SMALL_PT - 1, -1):
            if cap is None or total(mode) <= cap:
                break
            self.narration.setFont(theme.font(size))
        narration, rest = parts(mode)
        height = total(mode)
        if cap is not None and height > cap:  # the last resort: the narration scrolls
            height = cap
            room = max(line, cap - m.top() - m.bottom() - rest)
            per_line = self.narration.fontMetrics().lineSpacing()
            narration = max(per_line, room // per_line * per_line)  # whole lines, none cut in half
            height = min(cap, height - (room - narration))
        self.narration_area.setFixedHeight(narration)
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)
            self.heightChanged.emit()

    def _on_autoplay(self, on: bool) -> None:
        if self.auto_button.isChecked() != on:
            self.auto_button.setChecked(on)
        self._set_words()

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
