"""How a shipped model was made: its loss curve and frames of its word map, saved beside
the checkpoint so the Windows and Embeddings panels can show the training that made it.

Two files in a folder beside the checkpoint (``base`` -> ``base.history``; a checkpoint
folder holds only its own two files): ``history.json`` (the curve, the frame steps and
the map's words) and ``history.safetensors`` (one embedding matrix per frame). Never pickle.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file

CURVE_FILE = "history.json"
FRAMES_FILE = "history.safetensors"


@dataclass(frozen=True)
class CurvePoint:
    step: int
    tokens_seen: int
    train_loss: float
    heldout_loss: float | None  # only on evaluation steps


@dataclass(frozen=True)
class BuildHistory:
    """A build's loss curve and its map frames (the same words in every frame)."""

    curve: tuple[CurvePoint, ...]
    words: tuple[str, ...]
    token_ids: tuple[int, ...]
    frame_steps: tuple[int, ...]
    frames: tuple[np.ndarray, ...]  # each (len(words), n_embd) float32
    seconds: float = 0.0  # wall-clock time of the build


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a shipped file is readable by all
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def history_folder(checkpoint: str | os.PathLike) -> Path:
    """Where a checkpoint's build history lives: beside it, "<name>.history"."""
    checkpoint = Path(checkpoint)
    return checkpoint.with_name(checkpoint.name + ".history")


def save_history(checkpoint: str | os.PathLike, history: BuildHistory) -> None:
    folder = history_folder(checkpoint)
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"curve": [[p.step, p.tokens_seen, p.train_loss, p.heldout_loss] for p in history.curve],
           "words": list(history.words), "token_ids": list(history.token_ids),
           "frame_steps": list(history.frame_steps), "seconds": history.seconds}
    _atomic_write(folder / CURVE_FILE,
                  lambda tmp: Path(tmp).write_text(json.dumps(doc), encoding="utf-8"))
    tensors = {f"frame_{i:04d}": np.ascontiguousarray(f, dtype=np.float32)
               for i, f in enumerate(history.frames)}
    _atomic_write(folder / FRAMES_FILE, lambda tmp: save_file(tensors, tmp))


def load_history(checkpoint: str | os.PathLike) -> BuildHistory | None:
    """The build history of a checkpoint, or None if it has none (or it is damaged)."""
    folder = history_folder(checkpoint)
    try:
        doc = json.loads((folder / CURVE_FILE).read_text(encoding="utf-8"))
        tensors = load_file(str(folder / FRAMES_FILE))
        curve = tuple(CurvePoint(int(s), int(t), float(a), None if b is None else float(b))
                      for s, t, a, b in doc["curve"])
        frames = tuple(tensors[f"frame_{i:04d}"] for i in range(len(doc["frame_steps"])))
        return BuildHistory(curve, tuple(doc["words"]), tuple(int(i) for i in doc["token_ids"]),
                            tuple(int(s) for s in doc["frame_steps"]), frames,
                            float(doc.get("seconds", 0.0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None
