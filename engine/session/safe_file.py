"""Session files saved through engine/safe_save.py: never over a file that is not a session,
the previous one kept as NAME.backup, the new one read back before it replaces anything.

Kept apart from the format (engine/session/file_format.py) and the contents: this is
only about where the bytes go. It imports neither, so the error to raise is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from engine.bounded_input import open_regular_file
from engine.safe_save import SafeSave, SaveRefused, backup_path

# What our files start with after the 8-byte header length (safetensors writes the
# metadata first), and the format name within the first few kB.
_START = b'{"__metadata__":{"'
_FORMAT_MARK = b"three-pillars-session"


def is_session_file(path: Path) -> bool:
    """A file written by save_session (even one cut short): safe to replace or keep as
    a backup. A person's document, a foreign safetensors file, a link: never."""
    with open_regular_file(path) as f:
        head = f.read(4096)
    return head[8:8 + len(_START)] == _START and _FORMAT_MARK in head


def write_session_file(
    path: Path,
    data: bytes,
    chunk_bytes: int,
    verify: Callable[[Path], None],
    error: Callable[[str], Exception],
) -> Iterator[int]:
    """Write `data` to `path` crash-safely, yielding the bytes written so far.

    Closing the generator early cancels (the temp file goes; `path` is untouched).
    OSError propagates for the caller to word; a refused target raises `error(message)`.
    """
    try:
        save = SafeSave(path, "file", is_session_file)
    except SaveRefused as refused:
        raise error(_refusal(path, str(refused))) from None
    with save:
        total = len(data)
        view = memoryview(data)
        with open(save.temp, "wb") as f:
            for start in range(0, total, chunk_bytes):
                f.write(view[start:start + chunk_bytes])
                yield min(total, start + chunk_bytes)
        try:
            save.commit(verify)
        except SaveRefused as refused:  # something foreign appeared there meanwhile
            raise error(_refusal(path, str(refused))) from None


def _refusal(path: Path, what: str) -> str:
    if what == "backup":
        backup = backup_path(path)
        return (f'Could not save "{path.name}": "{backup.name}" is there and is not a Three '
                "Pillars session, so the previous session cannot be kept under that name. "
                f'Nothing was written. Move "{backup.name}" away or choose another name.')
    return (f'Could not save "{path.name}": a file or folder of that name is there and is not a '
            "Three Pillars session, so it was left as it is and nothing was written. "
            "Choose another name.")
