"""Checkpoints: a folder with the weights as safetensors and everything else as JSON.

Never pickle: a pickle can run code when it is opened. Saving goes through
`engine.safe_save`: the new checkpoint is written and read back in a temp folder, the
previous one is kept as NAME.backup, and a folder that is not a checkpoint of ours is
never replaced. Loading checks the description (types, sizes) before allocating, the
weights against a SHA-256 stored beside them, and every number for NaN or absurd size.
"""

from __future__ import annotations

import errno
import json
import math
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from engine import integrity
from engine.bounded_input import JSONLimitError, load_json, open_regular_file, read_regular_file
from engine.model import TinyGPT
from engine.safe_save import (
    SafeSave,
    SaveRefused,
    backup_path,
    check_target,
    existing_or_backup,
    remove_stale_temps,
)
from engine.stages import STAGES
from engine.tokenizers import Tokenizer, TokenizerError

FORMAT = "three-pillars-checkpoint"
VERSION = 1
WEIGHTS = "model.safetensors"
META = "checkpoint.json"
OWNED = frozenset({WEIGHTS, META})  # all a checkpoint folder of ours ever holds
# Our headers are a few kB; a huge declared header is a corrupt or hostile file.
MAX_HEADER_BYTES = 1 << 20
MAX_META_BYTES = 64 << 20
# What json.dump writes first; enough to recognise our own folder before replacing it.
_META_START = b'{"format": "' + FORMAT.encode() + b'"'


class CheckpointError(ValueError):
    """A checkpoint that cannot be used, with a message a person can act on."""


@dataclass
class Checkpoint:
    model: TinyGPT
    tokenizer: Tokenizer
    stage: str
    meta: dict = field(default_factory=dict)  # corpus settings, tokens seen, losses, ...
    source: Path | None = None  # the folder read: the asked one, or its backup


def is_checkpoint_folder(path: Path) -> bool:
    """A folder written by save_checkpoint (even a damaged one), and nothing else in it."""
    if path.is_symlink() or not path.is_dir():
        return False
    names = set(os.listdir(path))
    if not names <= OWNED or META not in names or (path / META).is_symlink():
        return False
    with open_regular_file(path / META) as f:
        return f.read(len(_META_START)) == _META_START


def check_save_target(path: str | os.PathLike) -> Path:
    """`path` if a checkpoint may be saved there (free, or a checkpoint of ours), else
    CheckpointError: commands check before training, not after."""
    path = Path(path)
    try:
        check_target(path, "dir", is_checkpoint_folder)
    except SaveRefused as refused:
        raise _refusal(path, str(refused)) from None
    return path


def save_checkpoint(
    path: str | os.PathLike,
    model: TinyGPT,
    tokenizer: Tokenizer,
    stage: str,
    meta: dict | None = None,
) -> Path:
    """Write model + tokenizer + stage + meta to the folder `path`, crash-safely.

    Refuses (CheckpointError) when `path` holds anything but a checkpoint of ours.
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of {STAGES}")
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save = SafeSave(path, "dir", is_checkpoint_folder, OWNED)
    except SaveRefused as refused:
        raise _refusal(path, str(refused)) from None
    except OSError as err:
        raise _save_error(path, err) from None
    with save:
        try:
            # Tied weights share storage; store the table once (the head is re-tied on load).
            tensors = {
                k: v.detach().cpu().contiguous().clone()
                for k, v in model.state_dict().items()
                if k != "lm_head.weight"
            }
            save_file(tensors, str(save.temp / WEIGHTS), metadata={"format": FORMAT})
            doc = {
                "format": FORMAT,
                "version": VERSION,
                "stage": stage,
                "config": model.config.to_dict(),
                "tokenizer": tokenizer.to_dict(),
                "meta": meta or {},
                "weights_sha256": integrity.weights_sha256(tensors),
            }
            with open(save.temp / META, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            save.commit(verify=_read)
        except OSError as err:
            raise _save_error(path, err) from None
        except SaveRefused as refused:
            raise _refusal(path, str(refused)) from None
    return path


def _refusal(path: Path, what: str) -> CheckpointError:
    if what == "backup":
        backup = backup_path(path)
        return CheckpointError(
            f'"{backup}" exists and is not a Three Pillars checkpoint, so the previous '
            f'checkpoint cannot be kept there. Nothing was written. Move "{backup.name}" away '
            "or choose another folder name.")
    return CheckpointError(
        f'"{path}" already exists and is not a Three Pillars checkpoint. Nothing was written '
        "and it was left as it is. Choose a new folder name (a checkpoint is a folder of its own).")


def _save_error(path: Path, err: OSError) -> CheckpointError:
    why = ("permission denied" if isinstance(err, PermissionError)
           else "the disk is full" if err.errno == errno.ENOSPC else err.strerror or str(err))
    return CheckpointError(f'Could not save the checkpoint "{path}": {why}. Any earlier '
                           "checkpoint there is unchanged.")


def load_checkpoint(path: str | os.PathLike) -> Checkpoint:
    """Read a checkpoint folder (or its backup, when a save was killed between renames),
    refusing anything truncated, corrupted or foreign."""
    asked = Path(path)
    remove_stale_temps(asked, OWNED)
    path = existing_or_backup(asked)
    try:
        return _read(path)
    except CheckpointError as err:
        backup = backup_path(asked)
        if path == asked and backup.is_dir():
            raise CheckpointError(f'{err} The previous save is kept in "{backup}".') from None
        raise


def _read(path: Path) -> Checkpoint:
    if not path.is_dir():
        raise CheckpointError(
            f"{path} is not a Three Pillars checkpoint: a checkpoint is a folder holding "
            f"{WEIGHTS} and {META}."
        )
    meta_file, weights_file = path / META, path / WEIGHTS
    for f in (meta_file, weights_file):
        if not f.exists():
            raise CheckpointError(f"{path} is not a complete checkpoint: {f.name} is missing.")
    data = read_regular_file(meta_file, MAX_META_BYTES, CheckpointError, CheckpointError(
        f"{meta_file} is far too large to be a checkpoint description."))
    try:
        doc = load_json(data.decode("utf-8"), allow_nan=True)  # NaN: a loss not measured
    except UnicodeDecodeError:
        raise CheckpointError(f"{meta_file} is damaged (not UTF-8 text).") from None
    except json.JSONDecodeError as e:
        raise CheckpointError(f"{meta_file} is damaged (not valid JSON): {e}") from None
    except JSONLimitError as e:
        raise CheckpointError(f"{meta_file} is damaged: {e}.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CheckpointError(f"{path} was not written by Three Pillars (unknown format).")
    if doc.get("version") != VERSION:
        raise CheckpointError(
            f"{path} has checkpoint version {_short(doc.get('version'))}; this app reads version {VERSION}."
        )
    stage = doc.get("stage")
    if stage not in STAGES:
        raise CheckpointError(f"{path} names an unknown stage {_short(stage)}.")
    try:
        config = integrity.model_config(doc.get("config"))
        tokenizer = Tokenizer.from_dict(doc.get("tokenizer"))
    except (TokenizerError, ValueError) as e:
        raise CheckpointError(f"{path} has a damaged description of the model: {e}") from None
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(
            f"{path} is inconsistent: its tokenizer has {tokenizer.vocab_size} tokens but the "
            f"model expects {config.vocab_size}."
        )
    meta = _checked_meta(path, doc.get("meta"))
    checksum = doc.get("weights_sha256")  # absent in checkpoints saved before it existed
    if checksum is not None and not isinstance(checksum, str):
        raise CheckpointError(f"{meta_file} is damaged: its weights checksum is not text.")
    tensors = _read_weights(weights_file)
    with torch.device("meta"):  # the expected shapes, without allocating a single weight
        expected = {k: v.shape for k, v in TinyGPT(config).state_dict().items() if k != "lm_head.weight"}
    if set(tensors) != set(expected):
        missing = sorted(set(expected) - set(tensors))[:3]
        extra = sorted(set(tensors) - set(expected))[:3]
        raise CheckpointError(
            f"{weights_file} does not match the model: missing {missing}, unexpected {_short(extra)}."
        )
    for k, shape in expected.items():
        if tensors[k].shape != shape:
            raise CheckpointError(
                f"{weights_file} does not match the model: {k} has shape "
                f"{tuple(tensors[k].shape)}, expected {tuple(shape)}."
            )
    if checksum is not None and integrity.weights_sha256(tensors) != checksum:
        raise CheckpointError(
            f"{weights_file} is damaged: its numbers do not match the checksum saved with "
            "them (a changed bit on the disk or in a copy). Use another copy of the checkpoint.")
    for k in expected:
        problem = integrity.weights_problem(tensors[k])
        if problem is not None:
            raise CheckpointError(f"{weights_file} is damaged: {k} {problem}.")
    model = TinyGPT(config)
    model.load_state_dict(tensors, strict=False)  # lm_head is tied to wte
    model.eval()
    return Checkpoint(model=model, tokenizer=tokenizer, stage=stage, meta=meta, source=path)


def _read_weights(file: Path) -> dict[str, torch.Tensor]:
    with open_regular_file(file, CheckpointError) as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(8)
    if len(head) < 8:
        raise CheckpointError(f"{file} is cut short (truncated): it has no weights in it.")
    (header_len,) = struct.unpack("<Q", head)
    if header_len > MAX_HEADER_BYTES or header_len + 8 > size:
        raise CheckpointError(
            f"{file} is damaged or not a weights file: it claims a {header_len:,}-byte header "
            f"in a {size:,}-byte file."
        )
    try:
        tensors = load_file(str(file))
    except (SafetensorError, OSError, ValueError, RuntimeError) as e:
        raise CheckpointError(f"{file} is damaged and cannot be read: {_short(e, 200)}") from None
    for k, t in tensors.items():
        if t.dtype != torch.float32:
            raise CheckpointError(f"{file} is damaged: {_short(k)} holds {t.dtype} numbers, not float32.")
    return tensors


# The meta fields the app reads back (Session.from_checkpoint), with their types; other
# fields (a ranker's name, measurements) are kept as they are.
_META_TYPES = {"seed": (int,), "tokens_seen": (int,), "heldout_loss": (int, float, type(None)),
               "mix": (dict,), "user_files": (list,), "judgements": (int,)}


def _checked_meta(path: Path, meta: object) -> dict:
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise CheckpointError(f"{path} has a damaged description: its meta is not an object.")
    for key, types in _META_TYPES.items():
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, bool) or not isinstance(value, types):
            raise CheckpointError(f"{path} has a damaged description: meta {key} is {_short(value)}.")
    if meta.get("seed", 0) < 0 or meta.get("tokens_seen", 0) < 0:
        raise CheckpointError(f"{path} has a damaged description: a negative seed or token count.")
    mix = meta.get("mix", {})
    if not all(isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)
               and math.isfinite(v) and 0 <= v <= 1 for k, v in mix.items()) or (
            mix and not any(v > 0 for v in mix.values())):
        raise CheckpointError(f"{path} has a damaged description: its corpus mix is not shares 0 to 1.")
    if not all(isinstance(f, str) for f in meta.get("user_files", [])):
        raise CheckpointError(f"{path} has a damaged description: its list of files is not names.")
    return meta


def _short(value: object, limit: int = 60) -> str:
    text = str(value) if isinstance(value, Exception) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
