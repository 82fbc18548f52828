"""The Data panel's parts: one source's row in the mix, the training-set bar, small labels."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.pretraining.engine_texts import SOURCES, shown
from gui.panels.pretraining.numbers import decimal, integer
from gui.widgets.adaptive_row import AdaptiveRow
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.wrap_label import WrapLabel


def short_count(n: int) -> str:
    """1234567 -> "1.2 M", 290064 -> "290 k": sizes read at a glance."""
    if n >= 1_000_000:
        return translate("SourceRow", "{millions} M").format(millions=decimal(n / 1_000_000, 1))
    if n >= 10_000:
        return translate("SourceRow", "{thousands} k").format(thousands=decimal(n / 1000, 0))
    return integer(n)


def heading(text: str, pt: int) -> QLabel:
    label = QLabel(text)
    label.setFont(theme.font(pt, bold=True))
    label.setWordWrap(True)
    return label


def muted_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    return label


def weights_of(mix: Any) -> dict[str, float]:
    """A Mix's weights (or a plain mapping's) as floats; {} when there are none."""
    weights = getattr(mix, "weights", mix)
    return {k: float(v) for k, v in weights.items()} if isinstance(weights, Mapping) else {}


def preset_mixes(summary) -> list[tuple[str, dict[str, float]]]:
    """The ready-made mixes offered for a DataSummary's sources (the first is the prompt)."""
    names = [s.info.name for s in summary.sources]
    presets: list[tuple[str, dict[str, float]]] = [
        (translate("DataPanel", "Ready-made mixes…"), {})]
    try:
        from engine.corpus.mix import Mix  # a light value type

        # The usual mix of the corpus on view (the books, or the made-up world).
        made_up = any(getattr(s.info, "corpus", "") == "made-up" for s in summary.sources)
        usual = Mix.made_up() if made_up else Mix.default()
        presets.append((translate("DataPanel", "The usual mix (default)"), weights_of(usual)))
    except (ImportError, AttributeError):
        pass
    presets.append((translate("DataPanel", "Everything equally"), dict.fromkeys(names, 1.0)))
    presets += [(translate("DataPanel", "Only {source}").format(source=shown(SOURCES, s.info.title)),
                 {s.info.name: 1.0}) for s in summary.sources]
    return presets


def share_number(share: float) -> str:
    """A source's part of the text in percent, never "0" for a source that is in it: a few
    pages beside 1.4 million words of books are "0.2", and less than that "< 0.1"."""
    if share <= 0:
        return "0"
    if share < 0.001:
        return "< " + decimal(0.1, 1)
    return decimal(100 * share, 1 if share < 0.01 else 0)


class SourceRow:
    """The widgets of one source in the mix grid: name, slider, share, size, sample."""

    def __init__(self, name: str) -> None:
        self.name = name
        # One line while there is room; "Fables and / fairy tales" at 2x text on a laptop.
        self.title = WrapLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(10)
        self.slider.setMinimumWidth(100)
        # One valueChanged per release, key press or wheel step: the engine hears about
        # a new mix only then (sliderMoved updates the shares while dragging).
        self.slider.setTracking(False)
        self.slider.setAccessibleName(
            translate("SourceRow", "share of {source} in the mix").format(source=name))
        self.share = WrapLabel()
        self.share.setTextFormat(Qt.TextFormat.RichText)
        # As wide as its widest share, so the column does not jump while a slider moves;
        # the small second line wraps when the page is narrow (2x text on a laptop).
        self.share.setMinimumWidth(
            QFontMetrics(theme.font(theme.BASE_PT, bold=True)).horizontalAdvance(
                translate("SourceRow", "<b>{weight} %</b> of it").format(weight=100)
                .replace("<b>", "").replace("</b>", "")) + 8
        )
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.sample_button = QPushButton(translate("SourceRow", "Read"))
        self.sample_button.setCheckable(True)
        self.sample_button.setToolTip(translate("SourceRow", "Show a sample of this source"))
        # Every row's button says "Read": the spoken name says which source it reads.
        self.sample_button.setAccessibleName(
            translate("SourceRow", "Read a sample of {source}").format(source=name))

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.title, self.slider, self.share, self.sample_button)

    def set_source(self, title: str, style: str, documents: int, words: int) -> None:
        size = translate("SourceRow", "{count} words").format(count=short_count(words))
        self.title.setText(
            f"<b>{html.escape(shown(SOURCES, title))}</b><br><span style='font-size:{theme.SMALL_PT}pt;"
            f" color:{theme.MUTED_TEXT}'>{size}</span>"
        )
        self.title.setToolTip(
            shown(SOURCES, style) + "\n\n"
            + translate("SourceRow", "{documents} documents, {words} words.").format(
                documents=integer(documents), words=integer(words)))

    def show_share(self, weight: float, share: float) -> None:
        """`weight`: the part of this source that goes in; `share`: its part of all the text."""
        of_it = translate("SourceRow", "<b>{weight} %</b> of it").format(weight=decimal(100 * weight, 0))
        of_text = translate("SourceRow", "= {share} % of the text").format(share=share_number(share))
        self.share.setText(
            f"{of_it}<br>"
            f"<span style='font-size:{theme.SMALL_PT}pt; color:{theme.MUTED_TEXT}'>{of_text}</span>"
        )
        self.share.setToolTip(
            translate("SourceRow", "{weight} % of this source goes in (its weight in the mix); "
                      "that is {share} % of all the training text (in words).").format(
                weight=decimal(100 * weight, 0), share=decimal(100 * share, 1))
        )


class TrainingSetBar(QFrame):
    """The training set's size in big numbers, with "Apply mix and retrain" and a status line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSetBar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        # The figures and the button side by side, or stacked when the text is large.
        row = AdaptiveRow(spacing=14)
        outer.addWidget(row)
        bar = FlowLayout(spacing=14, one_row_hint=True)  # the figures wrap at 1.5x on a laptop
        caption = QLabel(self.tr("Training set\n(what it will read):"))
        caption.setFont(theme.font(theme.SMALL_PT))
        bar.addWidget(caption)
        big = theme.font(theme.HEADING_PT, bold=True)
        self.documents_value = self._total(bar, self.tr("documents"), big)
        self.words_value = self._total(bar, self.tr("words"), big)
        self.tokens_value = self._total(bar, self.tr("tokens (BPE)"), big)
        row.add(bar, 1)

        actions = QVBoxLayout()
        actions.setSpacing(4)
        buttons = QHBoxLayout()
        self.retrain_button = QPushButton(self.tr("Apply mix and retrain"))
        self.retrain_button.setProperty("primary", True)
        self.retrain_button.setFont(theme.font(theme.BASE_PT, bold=True))
        self.retrain_button.setToolTip(
            self.tr("Use this mix and train a new model from scratch (pre-training starts over)")
        )
        buttons.addWidget(self.retrain_button)
        actions.addLayout(buttons)
        self.status_label = QLabel()
        self.status_label.setFont(theme.font(theme.SMALL_PT))
        self.status_label.setProperty("role", "accent")
        self.status_label.setWordWrap(True)
        actions.addWidget(self.status_label)
        row.add(actions)

    @staticmethod
    def _total(layout: FlowLayout, unit: str, font) -> QLabel:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        value = QLabel("—")
        value.setFont(font)
        box.addWidget(value)
        box.addWidget(QLabel(unit))
        layout.addWidget(holder)
        return value

