"""Questions and answers: the examples that turn a next-word machine into an assistant.

Fine-tuning needs pairs of a question and the answer a helpful person would give. The
bundled set (`engine/data/qa.jsonl`, one JSON object per line) is written by hand, by
the project, about the world of the bundled books (the sea and ships, whales and other
animals, kings and queens, weather, plants, islands), in simple words those books use,
so every answer is made of words the pre-trained model has read. Each pair names its
*subject* (an animal, a place, a kind of weather). Whole subjects are held out: the
model never trains on any question about the owl, the seal or fog, say; those
questions only measure whether it learned to answer something it was not shown.
A held-out question is never a near copy of a training one (`word_edit_distance`).

A person can view, edit, add, remove, load and save pairs (`QASet`, in
`engine.finetuning.qa_pairs`, re-exported here). Files are read by `load_qa_file`
(three simple formats, see its docstring) and bad files raise `QAFileError` with a message a person can act on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from engine.bounded_input import JSONLimitError, load_json, read_regular_file

# The pair and set types live in qa_pairs; they are re-exported here so that callers
# import everything about question/answer data from this one module.
from engine.finetuning.qa_pairs import (
    HELDOUT,
    MAX_FIELD_CHARS,
    TRAIN,
    QAEditError,
    QAPair,
    QASet,
    _question_key,
    check_pair,
)

__all__ = ["HELDOUT", "HELDOUT_SHARE", "MAX_FIELD_CHARS", "MAX_FILE_BYTES", "TRAIN", "QAEditError",
           "QAFileError", "QAPair", "QASet", "bundled_qa", "check_pair", "load_qa_file",
           "nearest_training_question", "save_qa_file", "split_pairs", "word_edit_distance"]

HELDOUT_SHARE = 1 / 6  # about 17 % of the questions are held out (never trained on)
MAX_FILE_BYTES = 5_000_000  # a question/answer file is text; 5 MB is already ~50 k pairs
_WORD = re.compile(r"[a-z']+")


class QAFileError(ValueError):
    """A question/answer file that cannot be used, with a message a person can act on.

    `line` is the 1-based line number of the problem when there is one.
    """

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def _stable_fraction(text: str) -> float:
    """A number in [0, 1) fixed by the text alone (not by Python's salted hash)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_pairs(
    pairs: Iterable[QAPair], heldout_share: float = HELDOUT_SHARE, name: str = "bundled"
) -> QASet:
    """A QASet with about `heldout_share` of the pairs held out, chosen by their text.

    Pairs that name a subject are held out subject by subject (all questions about a
    subject go the same way); the others question by question. The choice depends only
    on the text, so it is the same on every machine and does not move when other pairs
    are added or removed. Repeated questions are kept once.
    """
    train: list[QAPair] = []
    held: list[QAPair] = []
    seen: set[str] = set()
    for p in pairs:
        key = _question_key(p.question)
        if key in seen:
            continue
        seen.add(key)
        chooser = f"subject:{p.subject}" if p.subject else key
        (held if _stable_fraction(chooser) < heldout_share else train).append(p)
    if not train and held:
        train.append(held.pop())
    return QASet(tuple(train), tuple(held), name)


# ----------------------------------------------------------------------------------
# The bundled pairs: hand-written, in engine/data/qa.jsonl

BUNDLED_FILE = Path(__file__).resolve().parent.parent / "data" / "qa.jsonl"


def bundled_qa() -> QASet:
    """The bundled question/answer set, with its held-out subjects as the file marks them."""
    qa = load_qa_file(BUNDLED_FILE)
    return QASet(qa.train, qa.heldout, name="bundled")


def word_edit_distance(a: str, b: str) -> int:
    """How many words must be inserted, deleted or replaced to turn question `a` into `b`.

    Words are lower-cased letter runs, so punctuation and case do not count:
    "Where does the fox live?" and "Where does the wolf live?" are 1 apart.
    """
    x, y = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    previous = list(range(len(y) + 1))
    for i, wx in enumerate(x, start=1):
        current = [i]
        for j, wy in enumerate(y, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (wx != wy)))
        previous = current
    return previous[-1]


def nearest_training_question(qa: QASet, question: str) -> tuple[str, int]:
    """The training question closest to `question` in words, and how many words apart."""
    if not qa.train:
        return "", len(_WORD.findall(question.lower()))
    best = min(qa.train, key=lambda p: word_edit_distance(question, p.question))
    return best.question, word_edit_distance(question, best.question)


# ----------------------------------------------------------------------------------
# Files

_FORMAT_HELP = (
    "Use one of: a .tsv/.txt file with one pair per line, question<TAB>answer "
    "(an optional third column 'held-out' keeps that question out of training, an optional "
    "fourth names its subject); "
    "'Q: question' and 'A: answer' lines, a blank line between pairs; "
    'or a .jsonl file with one {"question": ..., "answer": ...} per line.'
)


def _read_text(path: Path) -> str:
    if not path.exists():
        raise QAFileError(f"{path.name}: there is no such file.")
    if path.is_dir():
        raise QAFileError(f"{path.name} is a folder; choose a question/answer file.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise QAFileError(
            f"{path.name} is {size / 1e6:.1f} MB; a question/answer file should be under "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB."
        )
    # a regular file only (a FIFO would hang), the limit counted while reading
    data = read_regular_file(path, MAX_FILE_BYTES, QAFileError)
    if b"\x00" in data[:8192]:
        raise QAFileError(f"{path.name} is not a text file (it looks binary, like a picture or a program).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise QAFileError(
            f"{path.name} is not UTF-8 text (line {line} has bytes that are not UTF-8). "
            "Save it as UTF-8 and try again.",
            line,
        ) from None
    if not text.strip():
        raise QAFileError(f"{path.name} is empty: it has no questions in it.")
    return text


def _is_heldout_mark(value: str, path: Path, line: int) -> bool:
    mark = value.strip().lower()
    if mark in ("", "train", "training"):
        return False
    if mark in ("held-out", "heldout", "held out", "test"):
        return True
    raise QAFileError(
        f"{path.name}, line {line}: the third column must be 'held-out' or 'train', got {value!r}.",
        line,
    )


def _pair_at(q: str, a: str, path: Path, line: int, subject: str = "") -> QAPair:
    try:
        return check_pair(QAPair(q, a, subject))
    except QAEditError as e:
        raise QAFileError(f"{path.name}, line {line}: {e}", line) from None


def _parse_tsv(text: str, path: Path) -> list[tuple[QAPair, bool | None, int]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise QAFileError(
                f"{path.name}, line {n}: expected a question, a TAB and an answer, but there is "
                f"no TAB: {line.strip()[:60]!r}. {_FORMAT_HELP}",
                n,
            )
        if len(cols) > 4:
            raise QAFileError(f"{path.name}, line {n}: too many TABs (at most 4 columns).", n)
        held = _is_heldout_mark(cols[2], path, n) if len(cols) >= 3 else None
        subject = cols[3] if len(cols) == 4 else ""
        out.append((_pair_at(cols[0], cols[1], path, n, subject), held, n))
    return out


def _parse_blocks(text: str, path: Path) -> list[tuple[QAPair, bool | None, int]]:
    out = []
    q: str | None = None
    q_line = 0
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        head = s[:2].upper()
        if head == "Q:":
            if q is not None:
                raise QAFileError(f"{path.name}, line {q_line}: this question has no 'A:' answer.", q_line)
            q, q_line = s[2:].strip(), n
        elif head == "A:":
            if q is None:
                raise QAFileError(f"{path.name}, line {n}: an answer with no 'Q:' question before it.", n)
            out.append((_pair_at(q, s[2:].strip(), path, n), None, q_line))
            q = None
        else:
            raise QAFileError(
                f"{path.name}, line {n}: every line must start with 'Q:' or 'A:', "
                f"got {s[:60]!r}.",
                n,
            )
    if q is not None:
        raise QAFileError(f"{path.name}, line {q_line}: this question has no 'A:' answer.", q_line)
    return out


def _parse_jsonl(text: str, path: Path) -> list[tuple[QAPair, bool | None, int]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = load_json(line)  # bounded: deep nesting, 5000-digit numbers, 1e400
        except json.JSONDecodeError as e:
            raise QAFileError(f"{path.name}, line {n}: not valid JSON ({e.msg}).", n) from None
        except JSONLimitError as e:
            raise QAFileError(f"{path.name}, line {n}: not usable JSON ({e}).", n) from None
        if not isinstance(obj, dict) or not isinstance(obj.get("question"), str) or not isinstance(
            obj.get("answer"), str
        ):
            raise QAFileError(
                f'{path.name}, line {n}: each line must be an object with "question" and '
                '"answer" texts.',
                n,
            )
        held = obj.get("heldout")
        if held is not None and not isinstance(held, bool):
            raise QAFileError(f'{path.name}, line {n}: "heldout" must be true or false.', n)
        subject = obj.get("subject", "")
        if not isinstance(subject, str):
            raise QAFileError(f'{path.name}, line {n}: "subject" must be a text.', n)
        out.append((_pair_at(obj["question"], obj["answer"], path, n, subject), held, n))
    return out


def _detect_format(text: str, path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if not line.startswith("#")), lines[0])
    if first.startswith("{"):
        return "jsonl"
    if first[:2].upper() == "Q:":
        return "blocks"
    return "tsv"


def load_qa_file(path: str | os.PathLike, heldout_share: float = HELDOUT_SHARE) -> QASet:
    """Read question/answer pairs from a file; raise QAFileError on anything wrong.

    Formats (detected from the extension, else from the first line):
    - TSV (.tsv, .txt): `question<TAB>answer[<TAB>held-out|train[<TAB>subject]]` per line;
    - blocks: `Q: question` then `A: answer` lines; blank lines and `#` comments ignored;
    - JSON lines (.jsonl): `{"question": ..., "answer": ..., "heldout": false}` per line,
      with an optional `"subject": "owl"` (what the question is about).
    If the file marks no pair as held-out (or train), about `heldout_share` of them are
    held out, chosen by their text (see `split_pairs`). Repeated questions are an error.
    """
    path = Path(path)
    text = _read_text(path)
    fmt = _detect_format(text, path)
    parse = {"tsv": _parse_tsv, "blocks": _parse_blocks, "jsonl": _parse_jsonl}[fmt]
    rows = parse(text, path)
    if not rows:
        raise QAFileError(f"{path.name} has no question/answer pairs in it. {_FORMAT_HELP}")
    first_line: dict[str, int] = {}
    for pair, _, n in rows:
        key = _question_key(pair.question)
        if key in first_line:
            raise QAFileError(
                f"{path.name}, line {n}: this question is already on line {first_line[key]}; "
                "every question must be different.",
                n,
            )
        first_line[key] = n
    if any(held is not None for _, held, _ in rows):
        train = tuple(p for p, held, _ in rows if not held)
        heldout = tuple(p for p, held, _ in rows if held)
        if not train:
            raise QAFileError(f"{path.name} marks every question as held-out; the model needs "
                              "some to train on.")
        return QASet(train, heldout, name=path.name)
    return split_pairs([p for p, _, _ in rows], heldout_share, name=path.name)


def save_qa_file(path: str | os.PathLike, qa: QASet) -> Path:
    """Write the set to `path` (JSON lines for .jsonl/.json, else TSV), atomically."""
    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        lines = [
            json.dumps({"question": p.question, "answer": p.answer, "heldout": split == HELDOUT}
                       | ({"subject": p.subject} if p.subject else {}))
            for split, p in qa.rows()
        ]
    else:
        lines = [f"{p.question}\t{p.answer}\t{split}" + (f"\t{p.subject}" if p.subject else "")
                 for split, p in qa.rows()]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

