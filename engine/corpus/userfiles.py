"""The person's own text: .txt and .md files, or a folder of them.

Every problem becomes one ``UserTextError`` whose message says, in plain words,
which file is the trouble and what to do about it. Loading is all or nothing:
the loader builds new documents and returns them, so when it raises, whatever
the caller had loaded before is untouched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from engine.bounded_input import read_regular_file
from engine.corpus.document import Document

USER_SOURCE = "yours"
TEXT_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MB: far more text than a tiny model can learn in a session
MAX_TOTAL_BYTES = 50 * 1024 * 1024  # 50 MB for everything loaded at once
PARAGRAPH_MIN_WORDS = 20  # shorter paragraphs (headings, list items) join the next one
PARAGRAPH_MAX_WORDS = 150  # longer ones are cut at sentence ends


class UserTextError(Exception):
    """A file or folder that cannot be used, with a message meant for the person."""


class NotFoundError(UserTextError):
    """The path does not exist."""


class NotSupportedError(UserTextError):
    """Not a .txt or .md file."""


class NoTextFilesError(UserTextError):
    """A folder without any .txt or .md file in it."""


class BinaryFileError(UserTextError):
    """The file holds binary data (a picture, a program, a word-processor file...)."""


class EncodingError(UserTextError):
    """The file is text, but not saved as UTF-8."""


class EmptyInputError(UserTextError):
    """The file is empty or holds only blank space."""


class TooLargeError(UserTextError):
    """The file, or all files together, are over the size limit."""


class UnreadableError(UserTextError):
    """The computer would not let us read the file (permissions, a device error...), or it
    is not a regular file (a pipe, a device, a link leading out of a chosen folder)."""


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _collect(path: Path) -> list[Path]:
    """The text files a path stands for: the file itself, or a folder's files sorted."""
    if not path.exists():
        raise NotFoundError(f"Could not find \"{path}\". Check that the file or folder still exists.")
    if path.is_dir():
        found = sorted(
            p for p in path.rglob("*")
            if p.suffix.lower() in TEXT_SUFFIXES and not p.is_dir()
        )
        inside = path.resolve()
        for p in found:
            # A link to /etc/hostname in the folder would put that file into the training
            # text (and into a saved session): only files really inside the folder count.
            if not p.resolve().is_relative_to(inside):
                raise UnreadableError(
                    f"\"{p.name}\" in the folder \"{path.name}\" is a link to a file outside "
                    "that folder, which is not read. Copy the file into the folder instead.")
        if not found:
            raise NoTextFilesError(
                f"The folder \"{path}\" has no .txt or .md files in it (subfolders included). "
                "Add some plain text files and try again."
            )
        return found
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise NotSupportedError(
            f"\"{path.name}\" is not a plain text file. Only .txt and .md files can be added; "
            "for a Word or PDF document, save it as plain text (.txt) first."
        )
    return [path]


def _looks_like_utf16(data: bytes) -> bool:
    # UTF-16 text without a byte order mark: English letters leave a zero byte in
    # every other position.
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0) / len(sample[0::2])
    zeros_odd = sample[1::2].count(0) / len(sample[1::2])
    return max(zeros_even, zeros_odd) > 0.3 and min(zeros_even, zeros_odd) < 0.05


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # UTF-16 with a byte order mark says what it is: accept it
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\0" in data:
        if _looks_like_utf16(data):
            raise EncodingError(
                f"\"{path.name}\" seems to be saved as UTF-16, which this app cannot read. "
                "Open it in a text editor and save it again as UTF-8."
            )
        raise BinaryFileError(
            f"\"{path.name}\" is not text: it contains binary data (like a picture or a "
            "program). Choose a plain .txt or .md file."
        )
    try:
        return data.decode("utf-8-sig")  # -sig: a UTF-8 byte order mark is dropped
    except UnicodeDecodeError as err:
        raise EncodingError(
            f"\"{path.name}\" is not saved as UTF-8 text (at byte {err.start} there is a "
            "character in another encoding, such as Latin-1 or Windows-1252). Open it in a "
            "text editor and save it again as UTF-8."
        ) from None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)", re.MULTILINE)


def split_paragraphs(text: str, markdown: bool = False) -> list[str]:
    """Cut a text into paragraph documents of roughly 20 to 150 words.

    Blank lines separate paragraphs; short ones (headings, list items) join the
    next, long ones are cut at sentence ends. Line breaks inside a paragraph
    become spaces.
    """
    if markdown:
        text = _MARKDOWN_PREFIX.sub("", text)
    out: list[str] = []
    pending: list[str] = []
    pending_words = 0
    for block in re.split(r"\n\s*\n", text):
        words = block.split()
        if not words:
            continue
        if len(words) > PARAGRAPH_MAX_WORDS:
            chunk: list[str] = []
            chunk_words = 0
            for sentence in _SENTENCE_END.split(" ".join(words)):
                chunk.append(sentence)
                chunk_words += sentence.count(" ") + 1
                if chunk_words >= PARAGRAPH_MAX_WORDS * 2 // 3:
                    out.append(" ".join(chunk))
                    chunk, chunk_words = [], 0
            if chunk:
                out.append(" ".join(chunk))
            continue
        pending.append(" ".join(words))
        pending_words += len(words)
        if pending_words >= PARAGRAPH_MIN_WORDS:
            out.append(" ".join(pending))
            pending, pending_words = [], 0
    if pending:
        out.append(" ".join(pending))
    # A sentence with no end in sight (no full stops at all) is cut by words.
    final: list[str] = []
    for para in out:
        words = para.split()
        for i in range(0, len(words), PARAGRAPH_MAX_WORDS * 2):
            final.append(" ".join(words[i:i + PARAGRAPH_MAX_WORDS * 2]))
    return final


def _read(path: Path, max_bytes: int) -> bytes:
    """The file's bytes: a regular file only (a FIFO would hang, /dev/zero never ends), at
    most `max_bytes` counted while reading (its size on disk may lie or grow)."""
    return read_regular_file(
        path, max_bytes, UnreadableError,
        too_large=TooLargeError(
            f"\"{path.name}\" is too large (over {_megabytes(max_bytes)}, the limit per file). "
            "A smaller part of it is plenty for a model this small."))


def load_user_texts(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    max_file_bytes: int = MAX_FILE_BYTES,
    max_total_bytes: int = MAX_TOTAL_BYTES,
) -> list[Document]:
    """Paragraph documents (source "yours") from .txt/.md files or folders of them.

    Folders are searched with their subfolders, files taken in sorted order. Any
    problem raises a ``UserTextError`` naming the file, and nothing is returned, so
    the caller's documents stay as they were.
    """
    if isinstance(path_or_paths, (str, os.PathLike)):
        paths = [Path(path_or_paths)]
    else:
        paths = [Path(p) for p in path_or_paths]
    if not paths:
        raise EmptyInputError("No file or folder was chosen.")
    files = [f for p in paths for f in _collect(p)]
    # Sizes are checked before anything is read, so a huge file costs nothing.
    total = 0
    for f in files:
        try:
            size = f.stat().st_size
        except OSError as err:
            raise UnreadableError(f"\"{f.name}\" could not be read ({err.strerror or err}).") from None
        if size > max_file_bytes:
            raise TooLargeError(
                f"\"{f.name}\" is too large ({_megabytes(size)}; the limit is "
                f"{_megabytes(max_file_bytes)} per file). A smaller part of it is plenty "
                "for a model this small."
            )
        total += size
        if total > max_total_bytes:
            raise TooLargeError(
                f"Together the files are too large: adding \"{f.name}\" goes over the limit "
                f"of {_megabytes(max_total_bytes)}. Choose fewer or smaller files."
            )
    docs: list[Document] = []
    total = 0
    for f in files:
        data = _read(f, max_file_bytes)
        total += len(data)
        if total > max_total_bytes:  # the files grew since their sizes were checked
            raise TooLargeError(
                f"Together the files are too large: \"{f.name}\" goes over the limit of "
                f"{_megabytes(max_total_bytes)}. Choose fewer or smaller files.")
        text = _decode(f, data)
        paragraphs = split_paragraphs(text, markdown=f.suffix.lower() == ".md")
        if not paragraphs:
            raise EmptyInputError(f"\"{f.name}\" is empty: there is no text in it to learn from.")
        docs.extend(Document(USER_SOURCE, p) for p in paragraphs)
    return docs
