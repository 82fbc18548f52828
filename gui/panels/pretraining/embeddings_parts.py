"""The Embeddings panel's parts: the map card, the neighbour side and the timeline bar.

Each part only lays out its widgets and draws what it is given; the panel
(embeddings_panel.py) decides what to show and when.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.pretraining.engine_texts import WORD_GROUPS, shown
from gui.panels.pretraining.neighbours import (
    OPENING_WORD,
    PARTNERS,
    PRESETS,
    NeighbourListing,
    quoted,
)
from gui.panels.pretraining.numbers import decimal
from gui.widgets.adaptive_row import AdaptiveRow
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.word_groups import group_colour
from gui.widgets.word_map import WordMap
from gui.widgets.wrap_label import WrapLabel

METHODS = (("umap", QT_TRANSLATE_NOOP("TimelineBar", "UMAP")),
           ("pca", QT_TRANSLATE_NOOP("TimelineBar", "PCA (quick)")))
SIDE_WIDTH = 340
SIDE_MAX_WIDTH = 440  # on a big screen the list gets a little more room
ROW_HEIGHT = 27
REPLAY_STEP_MS = 700  # one frame of the replay (the glide between frames takes 500 ms)


def add_heading(root: QVBoxLayout) -> QLabel:
    """The title, the badge saying which map style is shown (returned) and the intro."""
    top = AdaptiveRow(spacing=8)  # the badge under the title at 2x text on a laptop
    title = QLabel(translate("EmbeddingsPanel", "Embeddings: a map of meaning"))
    title.setFont(theme.font(theme.HEADING_PT, bold=True))
    title.setWordWrap(True)  # at large text it wraps instead of widening the page
    top.add(title, 1)
    badge = QLabel("")
    badge.setFont(theme.font(theme.SMALL_PT, bold=True))
    badge.setObjectName("methodBadge")
    top.add(badge, 0, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    root.addWidget(top)
    intro = QLabel(translate(
        "EmbeddingsPanel",
        "The model keeps a list of numbers for every word (its <b>embedding</b>). Words used "
        "in the same places get similar lists, so on this flat map of them (a projection "
        "to 2-D) they land close together."))
    intro.setWordWrap(True)
    root.addWidget(intro)
    return badge


class Legend(QLabel):
    """Where the colours come from, and the groups' colours and names (wrapping)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFont(theme.font(theme.SMALL_PT))
        self.groups: list[str] = []
        self.order: tuple[str, ...] = ()
        self.source = ""

    def set_groups(self, groups: list[str], order: tuple[str, ...] | None = None,
                   source: str | None = None) -> None:
        """`groups` shown (in `order`, the colour order); `source`: "library" or "made-up"."""
        self.groups = list(groups)
        self.order = tuple(order) if order is not None else self.order
        self.source = source if source is not None else self.source
        items = []
        for group in groups:
            name = self.tr("no group") if group == "other" else shown(WORD_GROUPS, group)
            items.append(f"<span style='color:{group_colour(group, self.order)}; "
                         f"font-size:{theme.BASE_PT + 4}pt'>●</span>&nbsp;"
                         f"{html.escape(name).replace(' ', '&nbsp;')}")
        if self.source == "library":
            lead = self.tr("Colours: words the books use alike, found by counting (no model):")
            self.setToolTip(self.tr(
                "Each colour is a group of words that occur among the same neighbouring words "
                "in the books, found by counting alone, not by "
                "the model. Where a colour stays together on the map, the model learned what "
                "the counts show; where it scatters, it did not."))
        elif self.source == "made-up":
            lead = self.tr("Colours: the made-up generator's groups (words it swaps in the same "
                           "sentences):")
            self.setToolTip(self.tr(
                "The made-up world is generated from templates whose slots are filled from these "
                "groups, so words of one group share their contexts by construction."))
        else:
            lead = ""
            self.setToolTip("")
        self.setText((f"{html.escape(lead)} " if lead else "") + " &nbsp; ".join(items))


class MapCard(QFrame):
    """Legend, map and status line: the part saved as one picture."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.legend = Legend()
        layout.addWidget(self.legend)
        self.map = WordMap()
        layout.addWidget(self.map, 1)
        self.status = QLabel(self.tr("Waiting for the model…"))
        self.status.setFont(theme.font(theme.SMALL_PT))
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        self.whole_map_button = QPushButton(self.tr("Whole map"))
        self.whole_map_button.setToolTip(self.tr("Zoom out to every word again"))
        self.whole_map_button.setFont(theme.font(theme.SMALL_PT))
        self.whole_map_button.hide()
        status_row.addWidget(self.whole_map_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(status_row)


class NeighbourSide(QWidget):
    """The search box, the article's examples, the verdict and the measured neighbours."""

    def apply_theme(self) -> None:
        """Its width grows with the text scale (gui/lecture/appearance.py calls this), so the
        words in the table are not cut to "w…" by a column of numbers at large text."""
        # (the least width grows less: at 2x on a small screen the map needs its room too;
        # narrower still, the list goes under the map)
        self.setMinimumWidth(round(SIDE_WIDTH * min(theme.scale(), 1.3)))
        self.setMaximumWidth(round(SIDE_MAX_WIDTH * theme.scale()))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.apply_theme()
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search_edit = QLineEdit(OPENING_WORD)
        self.search_edit.setPlaceholderText(self.tr("find a word, e.g. king"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(self.tr("Type a word and press Enter: it is ringed on the "
                                            "map, with lines to its nearest words"))
        # The keyboard's way into the map: a word found here is ringed there (no clicking).
        self.search_edit.setAccessibleName(self.tr("Find a word on the map"))
        row.addWidget(self.search_edit, 1)
        self.search_button = QPushButton(self.tr("Find"))
        self.search_button.setProperty("primary", True)
        row.addWidget(self.search_button)
        side.addLayout(row)
        presets = QGridLayout()
        presets.setSpacing(4)
        self.preset_buttons: dict[str, QPushButton] = {}
        for n, (word, partners) in enumerate(PRESETS):
            button = QPushButton(word)
            button.setProperty("i18nData", True)  # the model's own word: it stays English
            button.setToolTip(self.tr("The article's example: {word} and {partners}").format(
                word=quoted(word), partners=self.tr(" and ").join(map(quoted, partners))))
            button.setFont(theme.font(theme.SMALL_PT))
            button.setProperty("compact", True)
            presets.addWidget(button, n // 3, n % 3)
            self.preset_buttons[word] = button
        side.addLayout(presets)

        self.verdict = QLabel("")
        # Plain text: a message quoting the engine's words ("volcano" -> 'v' + 'ol') shows
        # as written; escaped HTML in an auto-detected label came out as &quot; and &#x27;.
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        self.verdict.setFont(theme.font(theme.BASE_PT, bold=True))
        self.verdict.setObjectName("neighbourVerdict")
        self.verdict.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        side.addWidget(self.verdict)

        self.table_title = QLabel(self.tr("Nearest words"))
        self.table_title.setFont(theme.font(theme.SMALL_PT, bold=True))
        self.table_title.setWordWrap(True)
        side.addWidget(self.table_title)
        self.table = QTableWidget(0, 3)
        # The cosine column is sized to its contents, header included: its header on two
        # lines leaves the words their room at large text (they were cut to "fi…" at 1.75x).
        likeness = self.tr("likeness (cosine)").replace(" (", "\n(", 1)
        self.table.setHorizontalHeaderLabels(["#", self.tr("word"), likeness])
        self.table.horizontalHeaderItem(2).setToolTip(
            self.tr("Cosine similarity: how nearly two words' number lists point the same way"))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Reached by Tab only (a click on a row selects nothing), so a screen reader can read it.
        self.table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.table.setAccessibleName(self.tr("Nearest words"))
        self.table.setFont(theme.font(theme.SMALL_PT + 1))
        header = self.table.horizontalHeader()
        header.setFont(theme.font(theme.SMALL_PT))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setMinimumHeight(ROW_HEIGHT * 4 + 30)
        side.addWidget(self.table, 1)
        note = QLabel(self.tr("Measured with all of each word's numbers, not on the flat map: "
                              "{alike} = alike, 0 = unrelated.").format(alike=decimal(1, 2)))
        note.setWordWrap(True)
        note.setFont(theme.font(theme.SMALL_PT))
        note.setProperty("role", "muted")
        side.addWidget(note)
        # The list stops growing at the page's visible height (EmbeddingsPanel.view_sized):
        # the room left over goes under the note, not between the caption and the list.
        side.addStretch()

    def clear(self) -> None:
        """No neighbours measured on the model now loaded: an empty table, no verdict."""
        self.table.setRowCount(0)
        self.table_title.setText(self.tr("Nearest words"))
        self.verdict.setText("")
        self.verdict.setVisible(False)

    def show_listing(self, listing: NeighbourListing) -> None:
        """Fill the table and the verdict from `listing`."""
        self.table.setRowCount(len(listing.rows))
        muted = QColor(theme.MUTED_TEXT)
        partners = PARTNERS.get(listing.word, ())
        align = (Qt.AlignmentFlag.AlignCenter, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for r, row in enumerate(listing.rows):
            word = row.word if row.on_map else self.tr("{word} (off the map)").format(word=row.word)
            texts = (str(row.rank), word, decimal(row.similarity, 2))
            for c, text in enumerate(texts):
                item = self.table.item(r, c)
                if item is None:  # made once, then only their texts change
                    item = QTableWidgetItem()
                    item.setTextAlignment(align[c])
                    self.table.setItem(r, c, item)
                item.setText(text)
                # The palette's ink unless muted, so a change to dark colours reaches it.
                item.setData(Qt.ItemDataRole.ForegroundRole, None if row.on_map else muted)
                font = item.font()
                if font.bold() != (row.word in partners):
                    font.setBold(row.word in partners)
                    item.setFont(font)
        if listing.source == "live":
            title = self.tr("Nearest words to {word} (now)")
        else:
            title = self.tr("Nearest words to {word} (back then)")
        self.table_title.setText(title.format(word=quoted(listing.word)))
        self.verdict.setText(listing.message or listing.verdict)
        self.verdict.setVisible(bool(listing.message or listing.verdict))


class TimelineBar(QWidget):
    """Replay, the moment slider, back to now, the map style and saving a picture.

    Signals:
        replayFinished()   the replay reached the newest moment (and stopped)
    """

    replayFinished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The timeline and the map's options side by side, or stacked at large text.
        row = AdaptiveRow(spacing=12)
        outer.addWidget(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.replay_button = QPushButton(self.tr("▶ Replay training"))
        self.replay_button.setCheckable(True)
        self.replay_button.setToolTip(self.tr("Watch the map form, from the first snapshot to now"))
        bottom.addWidget(self.replay_button)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setToolTip(self.tr("Drag to see the map at an earlier moment of training"))
        self.slider.setAccessibleName(self.tr("Moment of training shown on the map"))
        bottom.addWidget(self.slider, 1)
        self.frame_label = WrapLabel("")  # two lines rather than a page scrolled sideways
        self.frame_label.setFont(theme.font(theme.SMALL_PT))
        bottom.addWidget(self.frame_label)
        self.live_button = QPushButton(self.tr("Now"))
        self.live_button.setToolTip(self.tr("Back to the model as it is now"))
        bottom.addWidget(self.live_button)
        row.add(bottom, 1, wants_chars=40)
        options = FlowLayout(spacing=8, one_row_hint=True)
        self.method_combo = QComboBox()
        for _key, text in METHODS:
            self.method_combo.addItem(self.tr("Map style: {style}").format(style=self.tr(text)))
        self.method_combo.setToolTip(self.tr(
            "UMAP keeps each word's closest words close on the map (it takes a moment to "
            "draw). PCA is a straight view from the angle that shows the most spread "
            "(instant)."))
        self.method_combo.setAccessibleName(self.tr("Map style"))
        options.addWidget(self.method_combo)
        self.save_button = QPushButton(self.tr("Save picture…"))
        self.save_button.setToolTip(self.tr("Save the map as a PNG image or an SVG drawing"))
        options.addWidget(self.save_button)
        row.add(options)
        self.replay_timer = QTimer(self)
        self.replay_timer.setInterval(REPLAY_STEP_MS)
        self.replay_button.toggled.connect(self._on_replay_toggled)
        self.replay_timer.timeout.connect(self._replay_tick)

    def at_end(self) -> bool:
        return self.slider.value() >= self.slider.maximum()

    def sync(self, moments: int, follow: bool) -> None:
        """`moments` frames to slide over; with `follow` (or already at the end) stay at the end."""
        at_end = self.at_end()
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(0, moments - 1))
            if follow or at_end:
                self.slider.setValue(self.slider.maximum())
        self.slider.setEnabled(moments > 1)
        self.replay_button.setEnabled(moments > 1)

    def set_position(self, value: int) -> None:
        """Move the slider without announcing it (the panel already shows that moment)."""
        with QSignalBlocker(self.slider):
            self.slider.setValue(value)

    def _on_replay_toggled(self, playing: bool) -> None:
        self.replay_button.setText(self.tr("❚❚ Pause replay") if playing else self.tr("▶ Replay training"))
        if playing:
            if self.at_end():
                self.slider.setValue(0)
            self.replay_timer.start()
        else:
            self.replay_timer.stop()

    def _replay_tick(self) -> None:
        if self.at_end():
            self.replay_button.setChecked(False)
            self.replayFinished.emit()
            return
        self.slider.setValue(self.slider.value() + 1)
