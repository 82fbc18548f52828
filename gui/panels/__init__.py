"""The six steps of the story, registered in one place.

To add a panel, add one line to `PANELS`: (pillar, step key, title, factory). A factory
takes the `Controller` and returns a QWidget. `lazy("module:Class")` imports the module
only when the step is first opened (so start-up stays fast) and falls back to an honest
placeholder if the module is not there yet.

A panel may also define (all optional):
    is_ready() -> bool      True once it shows real data (used by `main.py --screenshot`)
    set_active(bool)        it was shown / hidden: start or stop redraw timers
    shutdown()              the app is closing
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

log = logging.getLogger("three_pillars")

Factory = Callable[[object], QWidget]


class PanelSpec(NamedTuple):
    pillar: str  # "Pre-training" | "Fine-tuning" | "RLHF"
    key: str  # short id used by the navigator and `--panel`
    title: str  # what the navigator shows
    factory: Factory  # controller -> QWidget


def lazy(target: str) -> Factory:
    """A factory that imports "package.module:Class" on first use."""
    module_name, _, class_name = target.partition(":")

    def make(controller) -> QWidget:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            log.warning("panel module %s is not there yet; showing a placeholder", module_name)
            from gui.panels.placeholder import PlaceholderPanel

            return PlaceholderPanel(
                controller, module_name.rsplit(".", 1)[-1].removesuffix("_panel")
            )
        return getattr(module, class_name)(controller)

    make.__qualname__ = f"lazy({target!r})"
    return make


def placeholder(key: str) -> Factory:
    def make(controller) -> QWidget:
        from gui.panels.placeholder import PlaceholderPanel

        return PlaceholderPanel(controller, key)

    return make


PILLARS: tuple[str, ...] = ("Pre-training", "Fine-tuning", "RLHF")

PANELS: list[PanelSpec] = [
    PanelSpec("Pre-training", "data", "Data", lazy("gui.panels.data_panel:DataPanel")),
    PanelSpec("Pre-training", "tokens", "Tokens", lazy("gui.panels.tokens_panel:TokensPanel")),
    PanelSpec("Pre-training", "windows", "Windows", lazy("gui.panels.windows_panel:WindowsPanel")),
    PanelSpec("Pre-training", "embeddings", "Embeddings", lazy("gui.panels.embeddings_panel:EmbeddingsPanel")),
    PanelSpec("Fine-tuning", "finetune", "Fine-tune", lazy("gui.panels.finetune_panel:FinetunePanel")),
    PanelSpec("RLHF", "chat", "Chat & feedback", lazy("gui.panels.chat_panel:ChatPanel")),
]


def panel_spec(key: str) -> PanelSpec:
    for spec in PANELS:
        if spec.key == key:
            return spec
    raise KeyError(f"no panel {key!r}; known: {', '.join(p.key for p in PANELS)}")
