"""Files the engine keeps in the person's cache folder to open quickly: where they go, how
a result is keyed to the code that made it, and how one is written so that a reader never
sees half a file. A cache is only ever a shortcut: a missing, damaged or unwritable one
means the work is done again, never an error."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import IO

from engine.paths import user_cache_dir

CACHE_ENV = "THREE_PILLARS_CACHE_DIR"


def cache_dir() -> Path:
    """The per-user cache folder (``THREE_PILLARS_CACHE_DIR`` overrides it)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return user_cache_dir()


def code_fingerprint(modules: Iterable[ModuleType]) -> str:
    """A hash of these modules' source: editing one of them invalidates what they made."""
    h = hashlib.sha256()
    for module in modules:
        source = Path(module.__file__)
        if source.suffix == ".py" and source.is_file():
            h.update(source.read_bytes())
        else:
            # The self-contained build ships compiled code only; it changes only with a new
            # build, and a new build is a new executable.
            stat = Path(sys.executable).stat()
            h.update(f"{sys.executable}:{stat.st_size}:{stat.st_mtime_ns}".encode())
            break
    return h.hexdigest()


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> bool:
    """Write `path` through a temporary file in its folder, then rename it into place;
    False (and nothing left behind) if the folder cannot be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False  # a read-only home: the app still works, it just does the work again


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the `keep` most recently used files matching `pattern`."""
    try:
        found = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[keep:]:
            old.unlink()
    except OSError:
        pass  # another process got there first, or a read-only folder


__all__ = ["CACHE_ENV", "cache_dir", "code_fingerprint", "keep_newest", "write_atomically"]
