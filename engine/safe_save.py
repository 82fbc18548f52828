"""Saving over a previous save without ever losing it, and never over anyone else's file.

A save to NAME (a checkpoint folder or a session file) goes through named steps; at
every instant a complete save is at NAME or, for a moment, only at NAME.backup, where
the loaders look when NAME is missing (`existing_or_backup`):

  "target-checked"      NAME is free, or holds one of our own saves; anything else (a
                        person's folder of notes, a text file, a symlink) is refused and
                        left exactly as it was
  "temp-created"        an empty temp `.NAME.<pid>.<random>.tmp` exists next to NAME
  (the caller writes the new save into the temp)
  "temp-synced"         the temp's bytes are on disk (fsync)
  "temp-verified"       the temp reads back as a correct save (the caller's check)
  "backup-retired"      the backup of the save before last is renamed to a temp name
  "backup-removed"      ... and deleted
  "previous-backed-up"  the previous save is renamed NAME.backup (NAME is missing now)
  "new-in-place"        the temp is renamed NAME
  "folder-synced"       the folder's renames are on disk

Renames within a folder are atomic, so a process killed at any step leaves either the
previous save at NAME, or NAME missing and the previous save at NAME.backup. Temps of
our own naming left by killed saves are removed when the next save or load of NAME
starts (`remove_stale_temps`). Tests kill a real process at each step through
`step_hook`.
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

BACKUP_SUFFIX = ".backup"
TEMP_SUFFIX = ".tmp"
# A temp whose process is gone is stale at once; one whose process id is alive (or was
# reused) is stale after this long: no save takes ten minutes.
STALE_TEMP_S = 600
STEPS = (
    "target-checked", "temp-created", "temp-synced", "temp-verified", "backup-retired",
    "backup-removed", "previous-backed-up", "new-in-place", "folder-synced",
)

# Called with each step's name as it is reached. Tests set it to kill the process there;
# the app leaves it None.
step_hook: Callable[[str], None] | None = None

Kind = Literal["file", "dir"]


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def backup_path(path: Path) -> Path:
    """Where the previous save of `path` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def existing_or_backup(path: str | os.PathLike) -> Path:
    """`path`, or its backup when `path` is missing (a save was killed between renames)."""
    path = Path(path)
    backup = backup_path(path)
    if not os.path.lexists(path) and backup.exists():
        return backup
    return path


# Our temps: `.NAME.<pid>.<8 hex>.tmp`; earlier versions wrote `.NAME.<8 random>.tmp`
# (tempfile's naming). Nothing else is ever removed, whatever its age.
_OURS = re.compile(r"(?:(?P<pid>\d+)\.[0-9a-f]{8}|[a-z0-9_]{8})")


def _temp_owner(temp: Path, name: str) -> int | None | bool:
    """The process id in a temp's name, None for the earlier naming, False when the name
    is not one of our temps' at all."""
    match = _OURS.fullmatch(temp.name[len(name) + 2: -len(TEMP_SUFFIX)])
    if match is None:
        return False
    return int(match["pid"]) if match["pid"] else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def remove_stale_temps(path: str | os.PathLike, owned_names: frozenset[str] = frozenset()) -> None:
    """Remove `.NAME.*.tmp` left by saves of `path` that were killed.

    A temp folder is removed only when every entry in it is one of `owned_names` (the
    files our saves write), so a folder of someone else's that happens to match the
    naming is never touched.
    """
    path = Path(path)
    folder = path.parent
    if not path.name or path.name in (".", ".."):
        return  # no name to match temps against
    try:
        candidates = list(folder.glob(f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return
    now = time.time()
    for temp in candidates:
        try:
            info = temp.lstat()
            pid = _temp_owner(temp, path.name)
            if pid is False:
                continue  # a person's file that merely looks like a temp of ours
            gone = pid is not None and pid != os.getpid() and not _alive(pid)
            if not gone and now - info.st_mtime <= STALE_TEMP_S:
                continue  # a save in progress
            if temp.is_symlink():
                continue
            if temp.is_dir():
                if set(os.listdir(temp)) <= owned_names:
                    shutil.rmtree(temp)
            else:
                temp.unlink()
        except OSError:
            pass  # another process cleaned it, or we may not: it is only disk space


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # folders cannot be synced on every system; the files themselves are
    finally:
        os.close(fd)


class SaveRefused(Exception):
    """The target ("target") or its backup name ("backup") holds something that is not
    ours; callers turn it into their own error."""


def _free(p: Path, kind: Kind) -> bool:
    """Nothing of value at `p`: missing, or (for a folder save) an empty folder."""
    if not os.path.lexists(p):
        return True
    return kind == "dir" and p.is_dir() and not p.is_symlink() and not any(os.scandir(p))


def _ours(p: Path, kind: Kind, is_ours: Callable[[Path], bool]) -> bool:
    if p.is_symlink():
        return False  # replacing a link would leave its target unchanged: not a save
    if not (p.is_dir() if kind == "dir" else p.is_file()):
        return False
    try:
        return bool(is_ours(p))
    except (OSError, ValueError):
        return False


def check_target(path: str | os.PathLike, kind: Kind, is_ours: Callable[[Path], bool]) -> None:
    """Raise SaveRefused unless `path` and its backup name are free or saves of ours.

    Commands call it before long work, so a refused --out costs no training time.
    """
    path = Path(path)
    for p, what in ((path, "target"), (backup_path(path), "backup")):
        if not _free(p, kind) and not _ours(p, kind, is_ours):
            raise SaveRefused(what)


class SafeSave:
    """One crash-safe save to `path`: create it, write into `temp`, then `commit` (or `abort`).

    `is_ours(p)` says whether the existing `p` is a save of ours (only those are replaced
    or kept as backups); `owned_names` are the file names a save folder holds (for
    `kind="dir"`), used to recognise our own stale temp folders.
    """

    def __init__(self, path: str | os.PathLike, kind: Kind, is_ours: Callable[[Path], bool],
                 owned_names: frozenset[str] = frozenset()):
        self.path = Path(path)
        self.kind = kind
        self.backup = backup_path(self.path)
        self._is_ours = is_ours
        self._owned = owned_names
        self._check_target()
        _step("target-checked")
        remove_stale_temps(self.path, owned_names)
        self.temp = self.path.with_name(
            f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        if kind == "dir":
            self.temp.mkdir(mode=0o755)
        else:
            self.temp.touch(mode=0o644)
        self.committed = False
        _step("temp-created")

    # -- the target ----------------------------------------------------------------------

    def _free(self, p: Path) -> bool:
        return _free(p, self.kind)

    def _check_target(self) -> None:
        check_target(self.path, self.kind, self._is_ours)

    # -- finishing -----------------------------------------------------------------------

    def commit(self, verify: Callable[[Path], None] | None = None) -> Path:
        """Sync and verify the temp, keep the previous save as the backup, put the new
        one in place. Raises what `verify` raises (the temp is then removed)."""
        try:
            self._check_target()  # nothing foreign appeared meanwhile
            self._sync_temp()
            _step("temp-synced")
            if verify is not None:
                verify(self.temp)
            _step("temp-verified")
            if not self._free(self.path):
                if os.path.lexists(self.backup):
                    retired = self.path.with_name(
                        f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
                    os.replace(self.backup, retired)
                    _step("backup-retired")
                    if retired.is_dir():
                        shutil.rmtree(retired)
                    else:
                        retired.unlink()
                    _step("backup-removed")
                os.replace(self.path, self.backup)
                _step("previous-backed-up")
            # When a killed save left NAME missing and the previous save at NAME.backup,
            # that backup is kept as it is. An empty folder at NAME is replaced (POSIX
            # rename allows that): a person may make the folder before saving into it.
            os.replace(self.temp, self.path)
            self.committed = True
            _step("new-in-place")
            _fsync(self.path.parent if str(self.path.parent) else Path("."))
            _step("folder-synced")
        finally:
            if not self.committed:
                self.abort()
        return self.path

    def _sync_temp(self) -> None:
        if self.kind == "dir":
            for entry in os.scandir(self.temp):
                if entry.is_file(follow_symlinks=False):
                    _fsync(Path(entry.path))
        _fsync(self.temp)

    def abort(self) -> None:
        """Remove the temp; the previous save is untouched."""
        if self.committed:
            return
        try:
            if self.temp.is_dir():
                shutil.rmtree(self.temp, ignore_errors=True)
            else:
                self.temp.unlink(missing_ok=True)
        except OSError:
            pass

    def __enter__(self) -> SafeSave:
        return self

    def __exit__(self, *exc) -> None:
        if not self.committed:
            self.abort()
