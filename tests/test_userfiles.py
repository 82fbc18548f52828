"""The person's own files: good text becomes paragraph documents, every kind of bad
input becomes one clear UserTextError that names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import bounded_input
from engine.corpus import userfiles
from engine.corpus.sources import Document
from engine.corpus.userfiles import (
    BinaryFileError,
    EmptyInputError,
    EncodingError,
    NoTextFilesError,
    NotFoundError,
    NotSupportedError,
    TooLargeError,
    UnreadableError,
    UserTextError,
    load_user_texts,
)

PARAGRAPH = (
    "The harbour at Greyport was busy that spring. Boats came in from the cold waters "
    "every evening, and the fishermen sold their catch on the quay before dark."
)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_a_text_file_becomes_paragraph_documents(tmp_path):
    text = "\n\n".join([PARAGRAPH, "A heading", PARAGRAPH.replace("spring", "autumn")])
    docs = load_user_texts(write(tmp_path / "notes.txt", text))
    assert all(isinstance(d, Document) and d.source == "yours" for d in docs)
    assert docs[0].text == PARAGRAPH
    # The short heading joins the next paragraph instead of standing alone.
    assert docs[1].text.startswith("A heading The harbour")
    assert len(docs) == 2


def test_long_text_is_cut_at_sentence_ends(tmp_path):
    sentence = "The waves rolled in from the sea and broke on the rocks below the town. "
    docs = load_user_texts(write(tmp_path / "long.txt", sentence * 200))
    assert len(docs) > 10
    for d in docs:
        assert 20 <= len(d.text.split()) <= 150
        assert d.text.endswith(".")
    # No full stops at all: cut by words, still nothing lost.
    words = "waves " * 1000
    docs = load_user_texts(write(tmp_path / "nostop.txt", words))
    assert sum(len(d.text.split()) for d in docs) == 1000


def test_markdown_marks_are_dropped(tmp_path):
    md = "# The sea\n\n> " + PARAGRAPH + "\n\n- apples and oranges\n- pears\n"
    docs = load_user_texts(write(tmp_path / "notes.md", md))
    joined = " ".join(d.text for d in docs)
    assert "#" not in joined and ">" not in joined and "- " not in joined
    assert "The sea" in joined and "apples and oranges" in joined


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", "second " + PARAGRAPH)
    write(tmp_path / "a.md", "first " + PARAGRAPH)
    write(tmp_path / "sub" / "c.TXT", "third " + PARAGRAPH)
    write(tmp_path / "picture.png", b"\x89PNG\r\n\x1a\n\0\0\0")  # not text: skipped
    write(tmp_path / "notes.docx", b"PK\x03\x04")  # skipped
    docs = load_user_texts(tmp_path)
    assert [d.text.split()[0] for d in docs] == ["first", "second", "third"]
    # Several paths at once, in the order given.
    docs = load_user_texts([tmp_path / "b.txt", str(tmp_path / "a.md")])
    assert [d.text.split()[0] for d in docs] == ["second", "first"]


def test_utf8_with_bom_and_utf16_with_bom_are_accepted(tmp_path):
    text = PARAGRAPH.replace("harbour", "harbour café")
    assert load_user_texts(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + text.encode()))[0].text == text
    assert load_user_texts(write(tmp_path / "u16.txt", text.encode("utf-16")))[0].text == text


def assert_error(cls: type[UserTextError], path, name: str, *words: str, **kwargs) -> str:
    with pytest.raises(cls) as info:
        load_user_texts(path, **kwargs)
    message = str(info.value)
    assert isinstance(info.value, UserTextError)
    assert name in message, message
    for w in words:
        assert w in message, message
    return message


def test_binary_file(tmp_path):
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\xfe")
    assert_error(BinaryFileError, path, "photo.txt", "not text")


def test_latin1_file(tmp_path):
    path = write(tmp_path / "latin.txt", "Caf\u00e9 by the sea, cr\u00e8me br\u00fbl\u00e9e".encode("latin-1"))
    assert_error(EncodingError, path, "latin.txt", "UTF-8")


def test_utf16_without_bom(tmp_path):
    path = write(tmp_path / "wide.txt", PARAGRAPH.encode("utf-16-le"))
    assert_error(EncodingError, path, "wide.txt", "UTF-16", "UTF-8")


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n"])
def test_empty_or_blank_file(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    assert_error(EmptyInputError, path, "empty.txt", "empty")


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "big.txt", PARAGRAPH * 10)
    read = []
    monkeypatch.setattr(userfiles, "_read", lambda p: read.append(p) or b"")
    assert_error(TooLargeError, path, "big.txt", "too large", max_file_bytes=100)
    assert read == []  # the size was checked before a single byte was read
    # The default limit is 20 MB per file: a sparse 21 MB file is refused without reading.
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(21 * 1024 * 1024)
    assert_error(TooLargeError, huge, "huge.txt", "20.0 MB")
    assert read == []


def test_too_much_altogether(tmp_path):
    for i in range(3):
        write(tmp_path / f"part{i}.txt", PARAGRAPH * 3)
    size = (tmp_path / "part0.txt").stat().st_size
    message = assert_error(TooLargeError, tmp_path, "part2.txt", "Together",
                           max_total_bytes=2 * size + 10)
    assert "fewer or smaller" in message


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", PARAGRAPH)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Tests run as root, who may read anything: the refusal is simulated.
    monkeypatch.setattr(bounded_input, "open", refuse, raising=False)
    assert_error(UnreadableError, path, "secret.txt", "permission")


def test_device_error_while_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "flaky.txt", PARAGRAPH)

    def fail(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(bounded_input, "open", fail, raising=False)
    assert_error(UnreadableError, path, "flaky.txt", "could not be read")


def test_missing_path(tmp_path):
    assert_error(NotFoundError, tmp_path / "nowhere.txt", "nowhere.txt", "Could not find")


def test_wrong_kind_of_file(tmp_path):
    path = write(tmp_path / "report.pdf", b"%PDF-1.4")
    assert_error(NotSupportedError, path, "report.pdf", ".txt")


def test_folder_without_text_files(tmp_path):
    write(tmp_path / "pics" / "a.png", b"\x89PNG")
    (tmp_path / "pics" / "fake.txt").mkdir()  # a folder named like a text file is no file
    assert_error(NoTextFilesError, tmp_path / "pics", "pics", ".txt")


def test_nothing_chosen():
    with pytest.raises(EmptyInputError):
        load_user_texts([])


def test_a_failure_loses_nothing_already_loaded(tmp_path):
    good = write(tmp_path / "good.txt", PARAGRAPH)
    bad = write(tmp_path / "bad.txt", b"\xff\xfe\xfa\x00\x00binary")
    loaded = load_user_texts(good)
    before = list(loaded)
    with pytest.raises(UserTextError):
        load_user_texts([good, bad])  # all or nothing: no half-loaded list comes back
    assert loaded == before
