"""Reading what a person hands us, within bounds: regular files, a byte limit, sane JSON.

- `open_regular_file`: opens without ever blocking (a FIFO would wait for a writer
  forever) and refuses anything that is not a regular file: FIFOs, devices (/dev/zero
  and /dev/urandom never end), sockets, folders;
- `read_regular_file`: reads at most `max_bytes`, counted WHILE reading, so a file that
  grows, or lies about its size, still stops there;
- `load_json`: JSON with bounded nesting and numbers (5000-digit integers, 1e400 and NaN
  are refused rather than becoming errors or infinities deep inside the app);
- `quote`: a person's input shortened for a message (a 100,000-character word must not
  come back as a 700 kB error line).
Every refusal raises the caller's own error type (`error=`) with a message naming the file.
"""

from __future__ import annotations

import io
import json
import math
import os
import stat
from pathlib import Path

READ_CHUNK = 1 << 20
MAX_JSON_DEPTH = 64  # our documents nest 6 levels at most
MAX_INT_DIGITS = 30  # ids, counts and seeds fit in 20 digits


def quote(text: object, limit: int = 60) -> str:
    """repr-like quoting of a person's input, cut to about `limit` characters."""
    s = str(text)
    if len(s) > limit:
        s = s[: limit - 1] + f"… ({len(s):,} characters)"
    return '"' + s.replace("\n", " ") + '"'


def _nonblocking(path: str, flags: int) -> int:
    # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer;
    # O_NOCTTY: a terminal device never becomes our controlling terminal.
    return os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular_file(path: str | os.PathLike, error: type[Exception] = ValueError) -> io.BufferedReader:
    """`path` opened for binary reading, if it is (or links to) a regular file."""
    path = Path(path)
    try:
        mode = path.stat().st_mode  # follows a link: what would be read
    except FileNotFoundError:
        raise error(f'"{path.name}" does not exist. Check the name and the folder.') from None
    except OSError as err:
        raise error(f'"{path.name}" could not be read ({err.strerror or err}).') from None
    if not stat.S_ISREG(mode):
        raise error(f'"{path.name}" is {_kind(mode)}, not a file that can be read. '
                    "Choose an ordinary file.")
    # subtle: `open` is looked up at call time so tests can make it refuse as the OS would.
    f = open(path, "rb", opener=_nonblocking)  # noqa: SIM115 - returned to the caller
    try:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped since the stat
            raise error(f'"{path.name}" changed while it was being opened. Try again.')
        os.set_blocking(f.fileno(), True)
    except BaseException:
        f.close()
        raise
    return f


def read_regular_file(path: str | os.PathLike, max_bytes: int, error: type[Exception] = ValueError,
                      too_large: Exception | None = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; the limit holds while reading.

    `too_large` is raised when the limit is passed (default: `error` with a generic message).
    """
    path = Path(path)
    try:
        with open_regular_file(path, error) as f:
            chunks, total = [], 0
            while chunk := f.read(min(READ_CHUNK, max_bytes + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:
                    raise too_large or error(
                        f'"{path.name}" is too large (over {max_bytes / 1e6:.1f} MB).')
    except PermissionError:
        raise error(f'This computer does not allow reading "{path.name}" (permission denied). '
                    "Copy it somewhere you own, or ask for access.") from None
    except OSError as err:
        raise error(f'"{path.name}" could not be read ({err.strerror or err}). Check that '
                    "the drive is still connected, or copy the file somewhere else.") from None
    return b"".join(chunks)


class JSONLimitError(ValueError):
    """JSON beyond our bounds (depth, digits, non-finite numbers)."""


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JSONLimitError(f"a number with {len(text.lstrip('-')):,} digits")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONLimitError(f"the number {text[:30]} is too large")
    return value


def _no_constant(name: str) -> float:
    raise JSONLimitError(f"{name} is not a number this app accepts")


def load_json(text: str | bytes, max_depth: int = MAX_JSON_DEPTH, allow_nan: bool = False):
    """json.loads with bounded nesting and numbers; raises json.JSONDecodeError for bad
    syntax and JSONLimitError (a ValueError) for the bounds.

    `allow_nan` accepts the NaN/Infinity words Python's json.dump writes (our own files
    hold NaN for "not measured yet"); a number literal too large for a float (1e400) and
    integers of more than MAX_INT_DIGITS digits are refused either way.
    """
    try:
        value = json.loads(text, parse_int=_bounded_int, parse_float=_finite_float,
                           parse_constant=float if allow_nan else _no_constant)
    except RecursionError:
        raise JSONLimitError("it nests deeper than any file of ours") from None
    _check_depth(value, max_depth)
    return value


def _check_depth(value, max_depth: int) -> None:
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, (dict, list)):
            if depth > max_depth:
                raise JSONLimitError(f"it nests {max_depth}+ levels deep (ours nest a few)")
            children = v.values() if isinstance(v, dict) else v
            stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
