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

    save_session(path, session)        atomic: a temp file, fsync, os.replace
    iter_save_session(path, session)   the same, yielding SaveProgress (cancel: close() it)
    load_session(path) -> Session      or SessionFileError with a message for the person
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from safetensors import SafetensorError, safe_open
from safetensors.torch import save as safetensors_bytes

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

CHUNK_BYTES = 1 << 20  # written a megabyte at a time: progress to show, a place to cancel
STALE_TEMP_S = 600  # a temp file untouched this long is the remains of a killed save


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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise _save_error(name, folder, err) from None
    tmp = Path(tmp_name)
    finished = False
    try:
        with os.fdopen(fd, "wb") as f:
            view = memoryview(data)
            for start in range(0, total, CHUNK_BYTES):
                f.write(view[start:start + CHUNK_BYTES])
                written = min(total, start + CHUNK_BYTES)
                yield SaveProgress(0.05 + 0.9 * written / total, written, total,
                                   f'Saving "{name}": {written / 1e6:.1f} of {total / 1e6:.1f} MB')
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a session is an ordinary document
        os.replace(tmp, path)
        finished = True
        _fsync_folder(folder)
    except OSError as err:
        raise _save_error(name, folder, err) from None
    finally:
        if not finished:  # an error, or the generator closed: cancelled
            tmp.unlink(missing_ok=True)
    _remove_stale_temps(path)
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


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every system; the file itself is already synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Remove the remains of saves that were killed long ago (never a save in progress)."""
    now = time.time()
    for p in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if now - p.stat().st_mtime > STALE_TEMP_S:
                p.unlink()
        except OSError:
            pass


def pack_session(session: Session) -> bytes:
    """The session as the bytes of one safetensors file (see the module docstring)."""
    doc, tensors = collect(session)
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
    path = Path(path)
    doc, index, _ = read_header(path)
    try:
        with safe_open(str(path), framework="pt") as f:
            tensors = {name: f.get_tensor(name) for name in index}
    except (SafetensorError, OSError, RuntimeError, ValueError) as e:
        raise damaged(path, f"its numbers cannot be read ({e})") from None
    try:
        return build_session(path, doc, tensors)
    except SessionFileError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, UnicodeDecodeError) as e:
        raise damaged(path, f"its description is inconsistent ({type(e).__name__}: {e})") from None

