"""The guess forming layer by layer (logit lens): a table of the top guesses after each block."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from gui import theme
from gui.i18n import translate
from gui.widgets.token_strip import display_token

LENS_TOOLTIP = QT_TRANSLATE_NOOP(
    "LayerGuessesTable",
    "After each block, the model's running sum of numbers (the residual stream) is read out "
    "with the final norm and output head, as if the model stopped there (the logit lens). "
    "The last row is the model's real answer. Earlier rows are read with a head trained for "
    "the last layer only, so they are an approximation of what those layers “think”."
)


def percent(p: float) -> str:
    """A probability as people read it: 97%, 4.2%, 0.3%, <0.1% (4,2% in German)."""
    pct = 100 * float(p)
    locale = QLocale()
    if pct >= 9.95:
        return f"{locale.toString(pct, 'f', 0)}%"
    return f"{locale.toString(pct, 'f', 1)}%" if pct >= 0.05 else f"<{locale.toString(0.1, 'f', 1)}%"


def lens_tooltip() -> str:
    """LENS_TOOLTIP in the interface's language."""
    return translate("LayerGuessesTable", LENS_TOOLTIP)


class LayerGuessesTable(QTableWidget):
    """Rows: "after block 1" .. "after block L"; columns: the top-k guesses, then the real token.

    Cells are made once per shape and only their text changes. The real next token is
    marked wherever it appears among the guesses.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setToolTip(lens_tooltip())
        self.setAccessibleName(self.tr("The guess after each block (logit lens)"))
        self.horizontalHeader().setToolTip(lens_tooltip())
        self.setFont(theme.font(theme.SMALL_PT))
        self.horizontalHeader().setFont(theme.font(theme.SMALL_PT))
        self.verticalHeader().setFont(theme.font(theme.SMALL_PT))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._shape = (0, 0)

    def _ensure_shape(self, n_layer: int, k: int) -> None:
        if self._shape == (n_layer, k):
            return
        self._shape = (n_layer, k)
        self.setRowCount(n_layer)
        self.setColumnCount(k + 1)
        self.setHorizontalHeaderLabels([self.tr("guess {n}").format(n=i + 1) for i in range(k)]
                                       + [self.tr("real next")])
        self.setVerticalHeaderLabels([self.tr("block {n}").format(n=i + 1) for i in range(n_layer)])
        self.verticalHeader().setToolTip(self.tr("After block 1, after block 2, …: {lens}").format(
            lens=lens_tooltip()))
        for row in range(n_layer):
            for col in range(k + 1):
                self.setItem(row, col, QTableWidgetItem(""))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()
        # Tall enough for every layer: the table never scrolls.
        rows = sum(self.rowHeight(r) for r in range(n_layer))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth())

    def show_guesses(self, token_ids: np.ndarray, probs: np.ndarray, target_prob: np.ndarray,
                     token_text: dict[int, str], target_id: int | None) -> None:
        """token_ids/probs (L, k) at one position; target_prob (L,) for the real next token."""
        n_layer, k = token_ids.shape
        self._ensure_shape(n_layer, k)
        marked = QBrush(theme.qcolor(theme.TARGET, 150))
        plain = QBrush()
        real = display_token(token_text.get(target_id, "?"))[0] if target_id is not None else "—"
        for row in range(n_layer):
            for col in range(k):
                tid = int(token_ids[row, col])
                item = self.item(row, col)
                item.setText(f"{display_token(token_text.get(tid, str(tid)))[0]}  {percent(probs[row, col])}")
                item.setBackground(marked if tid == target_id else plain)
            p = float(target_prob[row])
            self.item(row, k).setText(f"{real}  {percent(p)}" if np.isfinite(p) else real)

    def cell_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and the tour)."""
        return [[self.item(r, c).text() for c in range(self.columnCount())]
                for r in range(self.rowCount())]
