"""Where save and open dialogs start: the last folder used for that kind of file, else
the person's Documents (or Pictures, for pictures) folder; never the folder the app was
installed in (the working directory of a double-clicked app).

Kinds: "session", "texts" (the person's own text), "pairs" (questions and answers) start
in Documents; "pictures" (exported views and maps) in Pictures. The last folder of each
kind is remembered between launches (QSettings).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

PICTURE_KINDS = frozenset({"pictures"})
KEY = "dialogs/last_folder/{kind}"


def default_folder(kind: str) -> str:
    """The person's Pictures folder for pictures, else Documents (else home)."""
    location = (QStandardPaths.StandardLocation.PicturesLocation if kind in PICTURE_KINDS
                else QStandardPaths.StandardLocation.DocumentsLocation)
    return QStandardPaths.writableLocation(location) or os.path.expanduser("~")


def start_folder(kind: str) -> str:
    """The folder a dialog for `kind` opens in: the last one used (if it still exists)."""
    last = QSettings().value(KEY.format(kind=kind), "", type=str)
    if last and Path(last).is_dir():
        return last
    return default_folder(kind)


def start_path(kind: str, file_name: str) -> str:
    """A proposed file: `file_name` in the start folder of `kind`."""
    return str(Path(start_folder(kind)) / file_name)


def remember(kind: str, path: str | os.PathLike) -> None:
    """`path` (a file, or a folder) was chosen: its folder is where `kind` starts next time."""
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    QSettings().setValue(KEY.format(kind=kind), str(folder))
