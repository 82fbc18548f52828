"""Save a whole session as one file, and open it again, here or on another computer.

One session file holds everything a person made: the model of every stage (pre-trained,
fine-tuned, aligned, and the frozen reference the aligned one is measured against), the
tokenizer, the corpus mix and seed, the texts the person added (the texts themselves, so
the session opens where those files do not exist), their question/answer edits and every
judgement they gave in the chat, with the charts' history.

The format: ONE safetensors file. Tensors carry stage-prefixed names
("pre-trained/wte.weight", "aligned/blocks.0.attn.c_attn.weight", ...); the person's texts
are one uint8 tensor of UTF-8 bytes ("data/user_documents"); everything else is a JSON
document stored in the safetensors header's `__metadata__` under "three_pillars".

Why one safetensors file and not a zip of safetensors + JSON files:
- one parser, already trusted by the checkpoints: an 8-byte header length, a JSON
  header, then raw bytes whose offsets the header declares. Nothing is decompressed, so
  there is no zip bomb to defuse, no entry names to sanitise (zip-slip), no central
  directory that can disagree with the local headers;
- every claim is checked against the file size before anything large is allocated: the
  header length (MAX_HEADER_BYTES), each tensor's offsets against its dtype and shape,
  the offsets tiling the data exactly (a truncated file is named as such), and the model
  shapes against the saved config (on torch's "meta" device, which allocates nothing);
- it is never pickle: a pickle can run code when it is opened.
The cost is that the JSON must fit in the header; the only large text (the person's own
files, up to 50 MB) is therefore a tensor, and the header stays a few hundred kB.

    save_session(path, session)        crash-safe, the previous file kept as NAME.backup
    iter_save_session(path, session)   the same, yielding SaveProgress (cancel: close() it)
    load_session(path) -> Session      or SessionFileError with a message for the person
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save as safetensors_bytes

from engine.integrity import weights_sha256
from engine.safe_save import existing_or_backup, remove_stale_temps
from engine.session.core import Session
from engine.session.file_contents import build_session, collect
from engine.session.file_format import (  # noqa: F401 - SUFFIX, MAX_HEADER_BYTES: part of this module's API
    MAX_HEADER_BYTES,
    META_KEY,
    SUFFIX,
    SessionFileError,
    damaged,
    read_header,
)
from engine.session.safe_file import write_session_file

CHUNK_BYTES = 1 << 20  # written a megabyte at a time: progress to show, a place to cancel


@dataclass(frozen=True)
class SaveProgress:
    """How far a save has got (plain values, safe to send between processes)."""

    fraction: float  # 0..1
    written: int  # bytes written so far
    total: int  # bytes the file will have
    message: str  # for people: what is happening
    done: bool = False


# ----- saving ----------------------------------------------------------------------------


def save_session(path: str | os.PathLike, session: Session, progress: Callable[[SaveProgress], None] | None = None) -> Path:
    """Write the whole session to `path` atomically; returns the path.

    A save that fails or is killed half-way leaves the previous file at `path` intact.
    """
    for step in iter_save_session(path, session):
        if progress is not None:
            progress(step)
    return Path(path)


def iter_save_session(path: str | os.PathLike, session: Session) -> Iterator[SaveProgress]:
    """Save step by step, yielding progress. Closing the generator early cancels the save
    (the temp file is removed; the previous file at `path` is untouched)."""
    path = Path(path)
    name = path.name
    yield SaveProgress(0.0, 0, 0, f'Gathering the session for "{name}"…')
    data = pack_session(session)  # a consistent copy: the live model may train on meanwhile
    total = len(data)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SessionFileError(
            f'Could not save "{name}": the folder "{folder}" does not exist. Choose another folder.'
        )
    # engine/session/safe_file.py: never over a file that is not a session; the previous
    # session kept as NAME.backup; the new one read back before it replaces anything.
    try:
        for written in write_session_file(path, data, CHUNK_BYTES, _verify_saved, SessionFileError):
            yield SaveProgress(0.05 + 0.9 * written / total, written, total,
                               f'Saving "{name}": {written / 1e6:.1f} of {total / 1e6:.1f} MB')
    except OSError as err:
        raise _save_error(name, folder, err) from None
    yield SaveProgress(1.0, total, total, f'Saved the session to "{name}".', done=True)


def _save_error(name: str, folder: Path, err: OSError) -> SessionFileError:
    if isinstance(err, PermissionError):
        why = f'this computer does not allow writing in "{folder}" (permission denied)'
    elif err.errno == errno.ENOSPC:
        why = "the disk is full"
    else:
        why = err.strerror or str(err)
    return SessionFileError(
        f'Could not save "{name}": {why}. Choose another folder or free some space; '
        "any earlier file of that name is unchanged."
    )


def pack_session(session: Session) -> bytes:
    """The session as the bytes of one safetensors file (see the module docstring)."""
    doc, tensors = collect(session)
    doc["weights_sha256"] = weights_sha256(tensors)  # checked on opening: a flipped bit is refused
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_HEADER_BYTES // 2:
        raise SessionFileError(
            "This session has too much history to save in one file (the judgements and "
            "question/answer pairs alone are over 8 MB). Reset the chat feedback and try again."
        )
    return safetensors_bytes(tensors, metadata={META_KEY: text})


# ----- opening -----------------------------------------------------------------------------


def load_session(path: str | os.PathLike) -> Session:
    """Open a session file -> Session, or raise SessionFileError saying what is wrong.

    Nothing outside the new Session is touched, so a refused file changes nothing.
    """
    asked = Path(path)
    remove_stale_temps(asked)  # the remains of saves that were killed
    path = existing_or_backup(asked)  # a save killed between its renames left the backup
    doc, index, _ = read_header(path)
    tensors = _read_checked_tensors(path, doc, index)
    try:
        return build_session(path, doc, tensors)
    except SessionFileError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, UnicodeDecodeError) as e:
        raise damaged(path, f"its description is inconsistent ({type(e).__name__}: {e})") from None


def _read_checked_tensors(path: Path, doc: dict, index: dict[str, dict]) -> dict[str, torch.Tensor]:
    """The file's tensors, matching the checksum saved with them (when it has one: files
    saved before it existed open as before)."""
    try:
        with safe_open(str(path), framework="pt") as f:
            tensors = {name: f.get_tensor(name) for name in index}
    except (SafetensorError, OSError, RuntimeError, ValueError) as e:
        raise damaged(path, f"its numbers cannot be read ({e})") from None
    expected = doc.get("weights_sha256")
    if expected is not None and weights_sha256(tensors) != expected:
        raise damaged(path, "its numbers do not match the checksum saved with them (a changed "
                            "bit on the disk or in a copy)")
    return tensors


def _verify_saved(path: Path) -> None:
    """A just-written temp file reads back as a complete session file with its checksum."""
    doc, index, _ = read_header(path)
    _read_checked_tensors(path, doc, index)
