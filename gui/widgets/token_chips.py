"""Coloured token chips in a wrapping (flow) layout, each chip showing a token and its id.

One widget paints every chip itself instead of holding one QLabel per token: a long
sample or a merge replay running at hundreds of merges per second re-sets the chips
many times a second, and painting a list of rectangles is far cheaper than creating
and laying out hundreds of child widgets.

Reused by the Tokens panel (three tokenizers side by side, the merge replay) and free
for the Windows panel (a token strip with the window and the target highlighted).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.i18n import translate
from gui.widgets.chart_summary import describe_chart, listing, number

# Okabe-Ito: colour-blind safe, the one palette of the app.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#999999",  # grey
)

HIGHLIGHT_BORDER = "#000000"
UNKNOWN_BACKGROUND = "#FFFFFF"  # a token outside the vocabulary: no id, no colour
UNKNOWN_ID_TEXT = "?"

# Whitespace is invisible on a chip, so each kind gets a visible stand-in.
_VISIBLE_WHITESPACE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍"}


def _relative_luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def readable_text_color(background: str | QColor) -> QColor:
    """Black or white, whichever has the higher WCAG contrast on this background."""
    lum = _relative_luminance(QColor(background))
    contrast_black = (lum + 0.05) / 0.05
    contrast_white = 1.05 / (lum + 0.05)
    return QColor("#000000") if contrast_black >= contrast_white else QColor("#FFFFFF")


def chip_color(token_id: int) -> str:
    """The chip colour of a token id: the same token is the same colour everywhere.

    The id is scrambled first (Fibonacci hashing): BPE ids of frequent tokens fall into
    regular patterns, and a plain id % 8 painted most of a sentence the same colour.
    """
    scrambled = (token_id * 0x9E3779B1) & 0xFFFFFFFF
    return OKABE_ITO[(scrambled >> 29) % len(OKABE_ITO)]


def visible_token_text(token: str) -> str:
    """The token as a person can read it on a chip: whitespace made visible."""
    if not token:
        return "∅"
    return "".join(_VISIBLE_WHITESPACE.get(ch, ch) for ch in token)


@dataclass(frozen=True)
class Chip:
    """One chip as drawn: the token's text, its id, and where it sits."""

    text: str
    token_id: int | None  # None: outside the vocabulary
    rect: QRectF


class TokenChips(QWidget):
    """A wrapping row of token chips (token text above, id below).

    Signals:
        chipClicked(int): the index of the chip the person clicked.
    """

    chipClicked = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        point_size: float | None = None,
        show_ids: bool = True,
        max_chips: int = 800,
    ) -> None:
        super().__init__(parent)
        self.setProperty("i18nData", True)  # shows the model's own words: they stay English
        self._tokens: list[str] = []
        self._ids: list[int | None] = []
        self._colors: list[str | None] = []
        self._highlight: set[int] = set()
        self._placeholder = ""
        self._show_ids = show_ids
        self._max_chips = max_chips
        self._layout_cache: tuple[int, list[Chip], int] | None = None
        # Each chip's text and size: measuring the texts is the dear part of a layout and
        # does not depend on the width, which Qt asks about many times as a step opens.
        self._sizes: list[tuple[str, QSize]] | None = None

        self._text_font = QFont(self.font())
        if point_size is not None:
            self._text_font.setPointSizeF(point_size)
        else:
            self._text_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) * 1.35)
        self._id_font = QFont(self._text_font)
        self._id_font.setPointSizeF(self._text_font.pointSizeF() * 0.62)

        self._pad_x = 8
        self._pad_y = 4
        self._gap = 6
        self.setMouseTracking(True)
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    # ---- data -----------------------------------------------------------------
    def set_tokens(
        self,
        tokens: Sequence[str],
        ids: Sequence[int | None],
        highlight: Iterable[int] = (),
        colors: Sequence[str | None] | None = None,
    ) -> None:
        """Show these tokens (their text) with these ids (None: not in the vocabulary).

        highlight: chip indices drawn with a thick dark border (the newest merge, the target).
        colors: optional per-chip background colours (None keeps the id's colour).
        """
        if len(tokens) != len(ids):
            raise ValueError(f"{len(tokens)} tokens but {len(ids)} ids")
        self._tokens = list(tokens)
        self._ids = [None if i is None else int(i) for i in ids]
        self._colors = list(colors) if colors is not None else [None] * len(self._tokens)
        self._highlight = set(highlight)
        self._relayout()
        self.describe()

    def describe(self) -> None:
        """Say in words which tokens are shown (screen readers)."""
        if self._tokens:
            words = [visible_token_text(t) for t in self._tokens]
            summary = self.tr("{count} tokens: {tokens}").format(
                count=number(len(words), 0), tokens=listing(words, 12))
        else:
            summary = getattr(self, "_placeholder", "") or self.tr("no tokens")
        describe_chart(self, self.tr("Tokens"), summary)

    def clear(self) -> None:
        self.set_tokens([], [])

    def set_placeholder(self, text: str) -> None:
        """A line shown in grey when there are no chips."""
        self._placeholder = text
        self._relayout()

    def tokens(self) -> list[str]:
        return list(self._tokens)

    def ids(self) -> list[int | None]:
        return list(self._ids)

    def highlighted(self) -> set[int]:
        return set(self._highlight)

    def chips(self) -> list[Chip]:
        """The chips as laid out at the current width (drawn ones only)."""
        return list(self._layout(max(self.width(), 1))[1])

    # ---- geometry -------------------------------------------------------------
    def apply_theme(self) -> None:
        """The text scale changed (gui/appearance.py scaled the fonts): lay out again."""
        self._relayout()

    def _relayout(self) -> None:
        self._layout_cache = None
        self._sizes = None
        if self.width() > 0:  # shrink or grow at once, not only at the next resize
            self.setMinimumHeight(self.heightForWidth(self.width()))
        self.updateGeometry()
        self.update()

    def _chip_size(
        self, text: str, tfm: QFontMetrics, ifm: QFontMetrics, token_id: int | None
    ) -> QSize:
        w = tfm.horizontalAdvance(text)
        h = tfm.height()
        if self._show_ids:
            w = max(w, ifm.horizontalAdvance(_id_text(token_id)))
            h += ifm.height()
        return QSize(w + 2 * self._pad_x, h + 2 * self._pad_y)

    def _layout(self, width: int) -> tuple[int, list[Chip], int]:
        """(width, chips, height) for a given width; cached for the current width."""
        if self._layout_cache is not None and self._layout_cache[0] == width:
            return self._layout_cache
        tfm = QFontMetrics(self._text_font)
        n = min(len(self._tokens), self._max_chips)
        if self._sizes is None:
            ifm = QFontMetrics(self._id_font)
            texts = [visible_token_text(self._tokens[i]) for i in range(n)]
            self._sizes = [(text, self._chip_size(text, tfm, ifm, self._ids[i]))
                           for i, text in enumerate(texts)]
        chips: list[Chip] = []
        x = y = 0
        row_h = 0
        for i, (text, size) in enumerate(self._sizes):
            if x > 0 and x + size.width() > width:
                x = 0
                y += row_h + self._gap
                row_h = 0
            chips.append(Chip(text, self._ids[i], QRectF(x, y, size.width(), size.height())))
            x += size.width() + self._gap
            row_h = max(row_h, size.height())
        more = len(self._tokens) - n
        if more > 0:
            # the "+N more" marker sits on its own row
            y += row_h + self._gap
            row_h = tfm.height()
        if not chips and not more:
            row_h = tfm.height() + 2 * self._pad_y if self._placeholder else 0
        height = y + row_h + 2
        self._layout_cache = (width, chips, height)
        return self._layout_cache

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._layout(max(width, 1))[2]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        w = max(self.width(), 300)
        return QSize(w, self.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        tfm = QFontMetrics(self._text_font)
        return QSize(tfm.horizontalAdvance("M") * 4, tfm.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # Outside a layout that honours height-for-width, ask for enough height.
        needed = self.heightForWidth(self.width())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    # ---- painting -------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        _, chips, _ = self._layout(max(self.width(), 1))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tfm = QFontMetrics(self._text_font)
        if not chips and not self._tokens:
            if self._placeholder:
                painter.setFont(self._text_font)
                painter.setPen(QColor("#666666"))
                painter.drawText(
                    QRectF(0, 0, self.width(), tfm.height() + 2 * self._pad_y),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    self._placeholder,
                )
            painter.end()
            return
        clip = QRectF(event.rect())
        for i, chip in enumerate(chips):
            if not chip.rect.intersects(clip):
                continue
            unknown = chip.token_id is None
            if self._colors[i]:
                bg = QColor(self._colors[i])
            elif unknown:
                bg = QColor(UNKNOWN_BACKGROUND)
            else:
                bg = QColor(chip_color(chip.token_id))
            fg = readable_text_color(bg)
            highlighted = i in self._highlight
            rect = chip.rect.adjusted(1.5, 1.5, -1.5, -1.5)
            painter.setBrush(bg)
            if highlighted:
                painter.setPen(QPen(QColor(HIGHLIGHT_BORDER), 3.0))
            elif unknown:
                painter.setPen(QPen(QColor("#555555"), 1.5, Qt.PenStyle.DashLine))
            else:
                painter.setPen(QPen(bg.darker(130), 1.0))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(fg)
            painter.setFont(self._text_font)
            text_rect = QRectF(rect.x(), rect.y() + self._pad_y - 1.5, rect.width(), tfm.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, chip.text)
            if self._show_ids:
                painter.setFont(self._id_font)
                id_rect = QRectF(
                    rect.x(), text_rect.bottom(), rect.width(), rect.bottom() - text_rect.bottom()
                )
                painter.drawText(id_rect, Qt.AlignmentFlag.AlignCenter, _id_text(chip.token_id))
        more = len(self._tokens) - len(chips)
        if more > 0:
            painter.setFont(self._text_font)
            painter.setPen(QColor("#444444"))
            y = (chips[-1].rect.bottom() + self._gap) if chips else 0
            painter.drawText(
                QRectF(0, y, self.width(), tfm.height()),
                Qt.AlignmentFlag.AlignLeft,
                self.tr("… and %Ln more token(s)", "", more),
            )
        painter.end()

    # ---- interaction ------------------------------------------------------------
    def _chip_at(self, pos: QPoint) -> int | None:
        for i, chip in enumerate(self._layout(max(self.width(), 1))[1]):
            if chip.rect.contains(pos.toPointF() if hasattr(pos, "toPointF") else pos):
                return i
        return None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        i = self._chip_at(event.position().toPoint())
        if i is None:
            QToolTip.hideText()
        else:
            raw = self._tokens[i]
            QToolTip.showText(
                event.globalPosition().toPoint(),
                _tooltip(visible_token_text(raw), self._ids[i]),
                self,
            )
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        i = self._chip_at(event.position().toPoint())
        if i is not None:
            self.chipClicked.emit(i)
        super().mousePressEvent(event)


def _id_text(token_id: int | None) -> str:
    return UNKNOWN_ID_TEXT if token_id is None else str(token_id)


def _tooltip(text: str, token_id: int | None) -> str:
    if token_id is None:
        return translate("TokenChips", "“{text}” is not in this tokenizer's vocabulary: it has no "
                         "id (unknown token)").format(text=text)
    return translate("TokenChips", "token “{text}” — its number (id) is {id}").format(text=text, id=token_id)
