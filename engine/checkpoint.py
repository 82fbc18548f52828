"""Checkpoints: a folder with the weights as safetensors and everything else as JSON.

Never pickle: a pickle can run code when it is opened. Saving is atomic: the new
checkpoint is written next to the old one and swapped in with renames, so a save that
is killed half-way leaves the previous checkpoint intact.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from engine.model import GPTConfig, TinyGPT
from engine.tokenizers import Tokenizer

FORMAT = "three-pillars-checkpoint"
VERSION = 1
WEIGHTS = "model.safetensors"
META = "checkpoint.json"
STAGES = ("untrained", "pre-trained", "fine-tuned", "aligned")
# Our headers are a few kB; a huge declared header is a corrupt or hostile file.
MAX_HEADER_BYTES = 1 << 20
MAX_META_BYTES = 64 << 20


class CheckpointError(ValueError):
    """A checkpoint that cannot be used, with a message a person can act on."""


@dataclass
class Checkpoint:
    model: TinyGPT
    tokenizer: Tokenizer
    stage: str
    meta: dict = field(default_factory=dict)  # corpus settings, tokens seen, losses, ...


def save_checkpoint(
    path: str | os.PathLike,
    model: TinyGPT,
    tokenizer: Tokenizer,
    stage: str,
    meta: dict | None = None,
) -> Path:
    """Write model + tokenizer + stage + meta to the folder `path`, atomically."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of {STAGES}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; a checkpoint is an ordinary folder
    try:
        # Tied weights share storage; store the table once (the head is re-tied on load).
        tensors = {
            k: v.detach().cpu().contiguous().clone()
            for k, v in model.state_dict().items()
            if k != "lm_head.weight"
        }
        save_file(tensors, str(tmp / WEIGHTS), metadata={"format": FORMAT})
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "stage": stage,
            "config": model.config.to_dict(),
            "tokenizer": tokenizer.to_dict(),
            "meta": meta or {},
        }
        with open(tmp / META, "w", encoding="utf-8") as f:
            json.dump(doc, f)
            f.flush()
            os.fsync(f.fileno())
        old = path.with_name(path.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if path.exists():
            os.replace(path, old)
        os.replace(tmp, path)
        if old.exists():
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


def _check_safetensors_header(file: Path) -> None:
    size = file.stat().st_size
    with open(file, "rb") as f:
        head = f.read(8)
    if len(head) < 8:
        raise CheckpointError(f"{file} is cut short (truncated): it has no weights in it.")
    (header_len,) = struct.unpack("<Q", head)
    if header_len > MAX_HEADER_BYTES or header_len + 8 > size:
        raise CheckpointError(
            f"{file} is damaged or not a weights file: it claims a {header_len:,}-byte header "
            f"in a {size:,}-byte file."
        )


def load_checkpoint(path: str | os.PathLike) -> Checkpoint:
    """Read a checkpoint folder, refusing anything truncated, corrupted or foreign."""
    path = Path(path)
    old = path.with_name(path.name + ".old")
    if not path.exists() and old.exists():
        path = old  # a save was killed between its two renames: the previous one is here
    if not path.is_dir():
        raise CheckpointError(
            f"{path} is not a Three Pillars checkpoint: a checkpoint is a folder holding "
            f"{WEIGHTS} and {META}."
        )
    meta_file, weights_file = path / META, path / WEIGHTS
    for f in (meta_file, weights_file):
        if not f.is_file():
            raise CheckpointError(f"{path} is not a complete checkpoint: {f.name} is missing.")
    if meta_file.stat().st_size > MAX_META_BYTES:
        raise CheckpointError(f"{meta_file} is far too large to be a checkpoint description.")
    try:
        doc = json.loads(meta_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CheckpointError(f"{meta_file} is damaged (not valid JSON): {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CheckpointError(f"{path} was not written by Three Pillars (unknown format).")
    if doc.get("version") != VERSION:
        raise CheckpointError(
            f"{path} has checkpoint version {doc.get('version')!r}; this app reads version {VERSION}."
        )
    stage = doc.get("stage")
    if stage not in STAGES:
        raise CheckpointError(f"{path} names an unknown stage {stage!r}.")
    try:
        config = GPTConfig.from_dict(doc["config"])
        tokenizer = Tokenizer.from_dict(doc["tokenizer"])
    except (KeyError, TypeError, ValueError) as e:
        raise CheckpointError(f"{path} has a damaged description of the model: {e}") from None
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(
            f"{path} is inconsistent: its tokenizer has {tokenizer.vocab_size} tokens but the "
            f"model expects {config.vocab_size}."
        )
    _check_safetensors_header(weights_file)
    try:
        tensors = load_file(str(weights_file))
    except (SafetensorError, OSError, ValueError, RuntimeError) as e:
        raise CheckpointError(f"{weights_file} is damaged and cannot be read: {e}") from None
    model = TinyGPT(config)
    expected = {k: v.shape for k, v in model.state_dict().items() if k != "lm_head.weight"}
    if set(tensors) != set(expected):
        missing = sorted(set(expected) - set(tensors))[:3]
        extra = sorted(set(tensors) - set(expected))[:3]
        raise CheckpointError(
            f"{weights_file} does not match the model: missing {missing}, unexpected {extra}."
        )
    for k, shape in expected.items():
        if tensors[k].shape != shape:
            raise CheckpointError(
                f"{weights_file} does not match the model: {k} has shape "
                f"{tuple(tensors[k].shape)}, expected {tuple(shape)}."
            )
        if not torch.isfinite(tensors[k]).all():
            raise CheckpointError(f"{weights_file} is damaged: {k} contains NaN or infinity.")
    model.load_state_dict(tensors, strict=False)  # lm_head is tied to wte
    model.eval()
    return Checkpoint(model=model, tokenizer=tokenizer, stage=stage, meta=doc.get("meta") or {})
