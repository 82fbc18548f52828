"""The message base classes and the two enums every message shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, ClassVar


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Message:
    """Base of every message; `kind` is the snake-case class name."""

    kind: ClassVar[str] = ""
    doc: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.kind = _snake(cls.__name__)
        cls.doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""


@dataclass(frozen=True)
class EngineCommand(Message):
    """A request from the GUI to the engine worker."""

    failure: ClassVar[str] = "Something went wrong"  # the title if it fails
    id: int = field(default=0, kw_only=True)  # set by the controller; a failure names it

    def with_id(self, command_id: int) -> EngineCommand:
        return replace(self, id=command_id)


@dataclass(frozen=True)
class EngineEvent(Message):
    """Something the engine worker tells the GUI."""


class RunState(StrEnum):
    """Where a long job is: the training, fine-tuning and ranker runs share these words."""

    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"
    DONE = "done"
    DIVERGED = "diverged"


class Activity(StrEnum):
    """What the engine is busy with (the status bar's busy line)."""

    LOADING = "loading"
    DATA = "data"
    TRAINING = "training"
    FINE_TUNING = "fine-tuning"
    MEASURING = "measuring"
    ALIGNING = "aligning"
    SAVING = "saving"
    OPENING = "opening"


@dataclass(frozen=True)
class ProjectionCommand(Message):
    """A request from the GUI to the map-drawing worker."""


@dataclass(frozen=True)
class ProjectionEvent(Message):
    """Something the map-drawing worker tells the GUI."""
