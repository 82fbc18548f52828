"""The list of the six steps, grouped under the three pillars."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from gui import theme
from gui.i18n import translate

KEY_ROLE = Qt.ItemDataRole.UserRole

# The pillars' and steps' names as gui/panels PANELS gives them (English), marked here for
# the translation files: the navigator is where they are shown.
NAMES = (
    QT_TRANSLATE_NOOP("Navigator", "Pre-training"), QT_TRANSLATE_NOOP("Navigator", "Fine-tuning"),
    QT_TRANSLATE_NOOP("Navigator", "RLHF"), QT_TRANSLATE_NOOP("Navigator", "Data"),
    QT_TRANSLATE_NOOP("Navigator", "Tokens"), QT_TRANSLATE_NOOP("Navigator", "Windows"),
    QT_TRANSLATE_NOOP("Navigator", "Embeddings"), QT_TRANSLATE_NOOP("Navigator", "Fine-tune"),
    QT_TRANSLATE_NOOP("Navigator", "Chat & feedback"),
)


def shown_name(name: str) -> str:
    """A pillar's or step's name (English, from PANELS) as the navigator shows it."""
    return translate("Navigator", name)


class Navigator(QListWidget):
    """Pillar headings (not clickable) with their numbered steps under them.

    Signals:
        stepSelected(str): the person chose a step (its key, e.g. "windows").
    """

    stepSelected = Signal(str)

    PILLAR_NUMERALS = {"Pre-training": "I", "Fine-tuning": "II", "RLHF": "III"}

    def __init__(self, panels, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Steps of the story"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rows: dict[str, int] = {}
        self._heads: dict[str, QListWidgetItem] = {}
        pillar = None
        for number, spec in enumerate(panels, start=1):
            if spec.pillar != pillar:
                pillar = spec.pillar
                numeral = self.PILLAR_NUMERALS.get(pillar, "")
                head = QListWidgetItem(f"{numeral}  {shown_name(pillar)}".strip())
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setFont(theme.font(theme.SMALL_PT, bold=True))
                self._heads[pillar] = head  # coloured by apply_theme()
                head.setSizeHint(QSize(10, theme.scaled(44 if number > 1 else 34)))
                head.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
                self.addItem(head)
            item = QListWidgetItem(f"{number}   {shown_name(spec.title)}")
            item.setData(KEY_ROLE, spec.key)
            item.setFont(theme.font(theme.BASE_PT))
            item.setSizeHint(QSize(10, theme.scaled(42)))
            self.addItem(item)
            self._rows[spec.key] = self.row(item)
        self.apply_theme()
        self.currentItemChanged.connect(self._on_current_changed)
        self.setFixedWidth(theme.scaled(250))  # grows with the text scale (presenter mode)

    def apply_theme(self) -> None:
        """Pillar headings in their pillar's text colour, readable on this scheme (and 7:1 in
        high contrast); called again after every change of colours (gui/lecture/appearance.py)."""
        stage = {"Pre-training": "pre-trained", "Fine-tuning": "fine-tuned", "RLHF": "aligned"}
        for pillar, head in self._heads.items():
            colour = theme.stage_text(stage[pillar]) if pillar in stage else theme.TEXT
            head.setForeground(QBrush(QColor(colour)))

    def keys(self) -> list[str]:
        return list(self._rows)

    def select(self, key: str) -> None:
        """Make `key` the current step (emits stepSelected if it changes)."""
        self.setCurrentRow(self._rows[key])

    def keep_current_in_view(self) -> None:
        """Scroll so that the current step shows, with its pillar's heading above it when
        both fit: when the list is shorter than its steps (the tour's caption across the
        window at a lecture's text size), the step on screen was often scrolled away."""
        item = self.currentItem()
        if item is None:
            return
        row = self.row(item)
        head = next((r for r in range(row, -1, -1) if not self.item(r).data(KEY_ROLE)), None)
        if head is not None:
            self.scrollToItem(self.item(head), QAbstractItemView.ScrollHint.EnsureVisible)
        self.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.keep_current_in_view()

    def current_key(self) -> str | None:
        item = self.currentItem()
        return None if item is None else item.data(KEY_ROLE)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None and current.data(KEY_ROLE):
            self.keep_current_in_view()
            self.stepSelected.emit(current.data(KEY_ROLE))
