"""Bounded input (engine/bounded_input.py) through the readers that use it.

Regular files only (a FIFO used to hang, a .txt link to /dev/zero was read without end),
a byte limit counted while reading (not only by stat), JSON with bounded nesting and
numbers; each refusal is the reader's own error naming the file.
"""

import os
from pathlib import Path

import pytest

from engine.bounded_input import JSONLimitError, load_json, quote, read_regular_file
from engine.corpus.userfiles import TooLargeError, load_user_texts
from engine.finetuning.qa_data import QAFileError, load_qa_file


def test_the_limit_holds_while_reading_a_file_whose_size_lies(tmp_path):
    link = tmp_path / "status.txt"
    link.symlink_to("/proc/self/status")  # a regular file whose size says 0 bytes
    assert link.stat().st_size == 0 and len(Path("/proc/self/status").read_bytes()) > 200
    with pytest.raises(TooLargeError, match="status.txt"):
        load_user_texts(link, max_file_bytes=100)
    assert len(read_regular_file(link, 100_000)) > 200  # within the limit, it is read


QA_BAD = {  # kind -> words of the message
    "fifo": "a pipe (FIFO)",
    "dev-zero": "a device",
    "dev-urandom": "a device",
    "too-large": "should be under 5 MB",
    "deep-json": "nests deeper",
    "nested-json": "levels deep",
    "digits": "5,000 digits",
    "1e400": "too large",
    "nan": "NaN",
}


def write_qa(kind: str, folder: Path) -> Path:
    pair = '{"question": "Why is the sea salty?", "answer": "Rivers carry salt into it."'
    if kind == "fifo":
        path = folder / "pipe.tsv"
        os.mkfifo(path)
    elif kind in ("dev-zero", "dev-urandom"):
        path = folder / "device.tsv"
        path.symlink_to("/dev/" + kind[4:])
    elif kind == "too-large":  # sparse: 6 MB that take no disk
        path = folder / "big.tsv"
        with open(path, "wb") as f:
            f.truncate(6_000_000)
    else:
        path = folder / f"{kind}.jsonl"
        extra = {"deep-json": "[" * 100_000 + "]" * 100_000, "nested-json": "[" * 200 + "]" * 200,
                 "digits": "9" * 5000, "1e400": "1e400", "nan": "NaN"}[kind]
        path.write_text(pair + ', "extra": ' + extra + "}\n")
    return path


@pytest.mark.parametrize("kind", list(QA_BAD))
def test_a_bad_qa_file_is_refused_naming_it(kind, tmp_path):
    path = write_qa(kind, tmp_path)
    with pytest.raises(QAFileError) as err:
        load_qa_file(path)
    message = str(err.value)
    assert path.name in message and QA_BAD[kind] in message, message
    assert len(message) < 400


def test_json_bounds():
    assert load_json('{"a": [1, 2.5, {"b": -3}], "c": 12345678901234567890}') == {
        "a": [1, 2.5, {"b": -3}], "c": 12345678901234567890}
    for text in ("[" * 65 + "]" * 65, "-" + "1" * 31, "1e400", "-Infinity", "NaN"):
        with pytest.raises(JSONLimitError):
            load_json(text)


def test_quote_shortens_long_input():
    assert quote("sea") == '"sea"'
    q = quote("x" * 100_000)
    assert len(q) < 100 and "100,000 characters" in q
