"""The model of each stage besides the live one: kept from this session, or shipped.

A session keeps the model an earlier stage made (the pre-trained one, when fine-tuning
begins) so the same question can be put to both. When the session has none, the
checkpoint shipped with the app stands in, but only if it reads the session's tokens.
"""

from __future__ import annotations

from typing import NamedTuple

from engine import paths
from engine.checkpoint import Checkpoint, CheckpointError, load_checkpoint
from engine.model import TinyGPT
from engine.tokenizers import Tokenizer

KEPT = "kept from this session"
LIVE = "this session's model"
SHIPPED = "shipped with the app"


class StageModel(NamedTuple):
    """A stage's model, the tokenizer it reads, and where it came from (for people)."""

    model: TinyGPT
    tokenizer: Tokenizer
    origin: str


class ShippedModels:
    """The app's shipped stage checkpoints, each read from disk at most once."""

    def __init__(self) -> None:
        self._loaded: dict[str, Checkpoint | None] = {}  # None: missing or unusable
        # stage -> (the tokenizer last checked, whether the checkpoint reads its tokens)
        self._fits: dict[str, tuple[Tokenizer, bool]] = {}

    def get(self, stage: str, tok: Tokenizer) -> Checkpoint | None:
        """The shipped checkpoint of `stage` if it reads the same tokens as `tok`, else None."""
        if stage not in self._loaded:
            path = paths.stage_checkpoint(stage)
            try:
                self._loaded[stage] = load_checkpoint(path) if path.exists() else None
            except CheckpointError:
                self._loaded[stage] = None
        ckpt = self._loaded[stage]
        if ckpt is None:
            return None
        checked = self._fits.get(stage)
        if checked is None or checked[0] is not tok:
            checked = self._fits[stage] = (tok, ckpt.tokenizer.to_dict() == tok.to_dict())
        return ckpt if checked[1] else None
