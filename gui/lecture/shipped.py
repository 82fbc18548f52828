"""What the app ships: the mix of text its model was trained on.

The tour's first step shows the data the shipped model read, so that its later steps
(a new model trained from scratch on that data, then back to the shipped model) all
stand on the same text and the same tokenizer. "Reset the demo" brings back the same
mix, since the engine reloads the shipped checkpoint with the mix saved in it.

Only the checkpoint's small JSON description is read here (no weights, no torch).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from engine import paths
from engine.corpus.mix import Mix
from workers.server.context import CHECKPOINT_ENV

log = logging.getLogger("three_pillars")


def shipped_checkpoint() -> Path:
    """The checkpoint folder the engine worker starts from (and resets to)."""
    chosen = os.environ.get(CHECKPOINT_ENV)
    return Path(chosen) if chosen else paths.stage_checkpoint("base")


def shipped_mix() -> Mix:
    """The mix saved with the shipped model; the default mix if it names none."""
    description = shipped_checkpoint() / "checkpoint.json"
    try:
        meta = json.loads(description.read_text(encoding="utf-8")).get("meta") or {}
        return Mix(dict(meta["mix"]))
    except KeyError:
        return Mix.default()
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        # The worker reports a damaged checkpoint itself; the tour falls back quietly.
        log.warning("could not read the shipped model's mix from %s: %s", description, exc)
        return Mix.default()
