"""The six steps of the story, registered in one place.

To add a panel, write a factory below and add one line to `PANELS`: (pillar, step key,
title, factory). A factory takes the `Controller` and returns a QWidget.

A panel may also define (all optional):
    is_ready() -> bool      True once it shows real data (used by `main.py --screenshot`)
    set_active(bool)        it was shown / hidden: start or stop redraw timers
    shutdown()              the app is closing
    tour_part(name) -> list the widgets (or (widget, QRect) pairs) a tour step named `name`
                            is about, for the tour to scroll into view (gui/widgets/into_view.py)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

Factory = Callable[[object], QWidget]


class PanelSpec(NamedTuple):
    pillar: str  # "Pre-training" | "Fine-tuning" | "RLHF"
    key: str  # short id used by the navigator and `--panel`
    title: str  # what the navigator shows
    factory: Factory  # controller -> QWidget


# Each factory imports its panel inside the function: that keeps start-up fast (a panel and
# pyqtgraph load only when the step is first opened), and the import is still a plain
# `from ... import ...` statement that a bundler such as PyInstaller can see.
def _data(controller) -> QWidget:
    from gui.panels.pretraining.data_panel import DataPanel

    return DataPanel(controller)


def _tokens(controller) -> QWidget:
    from gui.panels.pretraining.tokens_panel import TokensPanel

    return TokensPanel(controller)


def _windows(controller) -> QWidget:
    from gui.panels.pretraining.windows_panel import WindowsPanel

    return WindowsPanel(controller)


def _embeddings(controller) -> QWidget:
    from gui.panels.pretraining.embeddings_panel import EmbeddingsPanel

    return EmbeddingsPanel(controller)


def _finetune(controller) -> QWidget:
    from gui.panels.finetuning.finetune_panel import FinetunePanel

    return FinetunePanel(controller)


def _chat(controller) -> QWidget:
    from gui.panels.alignment.chat_panel import ChatPanel

    return ChatPanel(controller)


PILLARS: tuple[str, ...] = ("Pre-training", "Fine-tuning", "RLHF")

PANELS: list[PanelSpec] = [
    PanelSpec("Pre-training", "data", "Data", _data),
    PanelSpec("Pre-training", "tokens", "Tokens", _tokens),
    PanelSpec("Pre-training", "windows", "Windows", _windows),
    PanelSpec("Pre-training", "embeddings", "Embeddings", _embeddings),
    PanelSpec("Fine-tuning", "finetune", "Fine-tune", _finetune),
    PanelSpec("RLHF", "chat", "Chat & feedback", _chat),
]


def panel_spec(key: str) -> PanelSpec:
    for spec in PANELS:
        if spec.key == key:
            return spec
    raise KeyError(f"no panel {key!r}; known: {', '.join(p.key for p in PANELS)}")
