"""The library of real books: sha256 checks, every cleaning step on real excerpts of each
Project Gutenberg style, the held-out split by whole chapters, and the end-of-text token."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from engine.corpus.document import Document
from engine.corpus.heldout import HELDOUT_EVERY, chapter_is_heldout, split_documents
from engine.corpus.library import cache
from engine.corpus.library.boilerplate import is_credit, strip_gutenberg
from engine.corpus.library.books import (
    BOOKS,
    BOOKS_BY_SLUG,
    LIBRARY_DIR,
    LibraryIntegrityError,
    read_raw,
)
from engine.corpus.library.cleaning import clean_library
from engine.corpus.library.layout import read_layout
from engine.corpus.library.screening import (
    blocked_excerpt,
    contains_blocked,
    mask_blocked,
    not_english_or_words,
)
from engine.corpus.mix import END_OF_TEXT, Mix, bpe_vocab_for, pretraining_texts


def _text(slug: str) -> str:
    raw = read_raw(BOOKS_BY_SLUG[slug]).decode("utf-8")
    return raw.removeprefix("\ufeff").replace("\r\n", "\n")


# ----- the shipped files ------------------------------------------------------------------
def test_every_book_is_shipped_and_matches_its_sha256():
    assert len(BOOKS) == 18 and (LIBRARY_DIR / "SOURCES.md").exists()
    for book in BOOKS:
        assert read_raw(book)  # raises if the bytes differ from SOURCES.md
        assert book.sha256 in (LIBRARY_DIR / "SOURCES.md").read_text(encoding="utf-8")


def test_a_changed_or_missing_book_is_named(tmp_path):
    book = BOOKS_BY_SLUG["macbeth"]
    shutil.copy(LIBRARY_DIR / book.file, tmp_path / book.file)
    data = bytearray((tmp_path / book.file).read_bytes())
    data[5000] ^= 1  # one bit of the play flipped
    (tmp_path / book.file).write_bytes(bytes(data))
    with pytest.raises(LibraryIntegrityError, match="plays--macbeth.txt is not the shipped"):
        read_raw(book, tmp_path)
    with pytest.raises(LibraryIntegrityError, match="plays--hamlet.txt is missing"):
        read_raw(BOOKS_BY_SLUG["hamlet"], tmp_path)


# ----- Project Gutenberg's header, footer and licence, in each style --------------------------
@pytest.mark.parametrize("slug, style, first_words, last_words", [
    ("moby-dick", "2004-2018 markers", "MOBY-DICK;", "another orphan."),
    ("treasure-island", "2022 markers", "TREASURE ISLAND", "Pieces of eight!”"),
    ("robinson-crusoe", "2022 markers", "Transcribed from the 1919", "Part of my Story."),
    ("macbeth", "1998 Small Print", "This etext was prepared", "[Flourish. Exeunt.]"),
])
def test_gutenberg_boilerplate_is_cut_in_every_style(slug, style, first_words, last_words):
    parts = strip_gutenberg(_text(slug))
    body = parts.body.strip()
    assert parts.style == style
    assert body.startswith(first_words) or first_words in body[:400]
    assert body.endswith(last_words)
    for mark in ("START OF THIS", "START OF THE", "END OF THIS", "END OF THE PROJECT",
                 "SMALL PRINT", "End of Project Gutenberg", "End of the Project Gutenberg"):
        assert mark not in body
    assert "LICENSE" in (parts.header + parts.footer).upper()


def test_a_marker_wrapped_onto_two_lines_is_found_whole():
    # Robinson Crusoe's marker, as in the file: no space after the asterisks, two lines.
    text = ("header\n***START OF THE PROJECT GUTENBERG EBOOK THE LIFE AND ADVENTURES OF\n"
            "ROBINSON CRUSOE***\n\nI was born in the year 1632.\n\n"
            "***END OF THE PROJECT GUTENBERG EBOOK THE LIFE AND ADVENTURES OF ROBINSON\n"
            "CRUSOE***\n licence")
    assert strip_gutenberg(text).body.strip() == "I was born in the year 1632."


def test_an_unknown_file_is_refused_not_learned():
    with pytest.raises(ValueError, match="No Project Gutenberg start marker"):
        strip_gutenberg("Just a text with no markers.\n")


def test_volunteer_credits_inside_the_body_are_credits():
    assert is_credit("Produced by Daniel Lazarus, Jonesey, and David Widger")
    assert is_credit("Transcribed from the 1919 Seeley, Service & Co. edition by David Price")
    assert is_credit("This etext was prepared by the PG Shakespeare Team,\na team of volunteers.")
    assert is_credit("  The Internet Wiretap Online Edition\n  of THE VOYAGE OF THE BEAGLE BY")
    assert not is_credit("Call me Ishmael. Some years ago--never mind how long precisely")


# ----- layout: contents, headings, markers, wrapping (excerpts from the books) ------------------
_MOBY = """CONTENTS

CHAPTER 1. Loomings.
CHAPTER 2. The Carpet-Bag.
CHAPTER 3. The Spouter-Inn.

CHAPTER 1. Loomings.

Call me Ishmael. Some years ago—never mind how long precisely—having
little or no money in my purse, and nothing particular to interest me
on shore, I thought I would sail about a little and see the watery part
of the world.
"""

_AESOP = """THE HARE AND THE TORTOISE

A Hare was one day making fun of a Tortoise for being so slow upon his
feet. "Wait a bit," said the Tortoise; "I'll run a race with you."

[Illustration: THE HARE AND THE TORTOISE]
"""

_BEAGLE = """CHAPTER I

Both to Captain Fitz Roy and to all the Officers of the Beagle [1] I
shall ever feel most _thankful_ for the undeviating kindness.

[1] I must take this opportunity of returning my sincere thanks to Mr.
Bynoe, the surgeon of the Beagle.
"""

_MACBETH = """ACT I.

SCENE I. An open Place. Thunder and Lightning.

[Enter three Witches.]

FIRST WITCH.
When shall we three meet again?
In thunder, lightning, or in rain?
"""


def test_contents_and_headings_go_and_name_the_chapter():
    paragraphs, counts = read_layout(_MOBY, is_credit)
    assert [p.text for p in paragraphs] == [
        "Call me Ishmael. Some years ago—never mind how long precisely—having little or no "
        "money in my purse, and nothing particular to interest me on shore, I thought I "
        "would sail about a little and see the watery part of the world."]
    assert paragraphs[0].chapter == "CHAPTER 1. Loomings."
    assert len(counts.front_matter) == 2 and counts.headings == ["CHAPTER 1. Loomings."]
    assert counts.line_breaks == 3 and "⏎" in counts.joined[0]


def test_illustrations_footnotes_and_italics_marks_go():
    paragraphs, counts = read_layout(_AESOP, is_credit)
    assert all("Illustration" not in p.text for p in paragraphs)
    assert paragraphs[0].chapter == "THE HARE AND THE TORTOISE"
    assert "[Illustration: THE HARE AND THE TORTOISE]" in counts.markers
    paragraphs, counts = read_layout(_BEAGLE, is_credit)
    assert [p.text for p in paragraphs] == [
        "Both to Captain Fitz Roy and to all the Officers of the Beagle I shall ever feel most "
        "thankful for the undeviating kindness."]
    assert "[1]" in counts.markers and "_thankful_" in counts.markers
    assert any(m.startswith("[1] I must take") for m in counts.markers)


def test_acts_and_scenes_name_the_chapter_of_a_speech():
    paragraphs, counts = read_layout(_MACBETH, is_credit)
    speech = paragraphs[-1]
    assert speech.text == ("FIRST WITCH. When shall we three meet again? In thunder, "
                           "lightning, or in rain?")
    assert speech.chapter == "ACT I. SCENE I. An open Place. Thunder and Lightning."
    assert counts.headings[:2] == ["ACT I.", "SCENE I. An open Place. Thunder and Lightning."]


# ----- screens ----------------------------------------------------------------------------
def test_other_scripts_languages_and_symbol_lines_are_not_english():
    assert not_english_or_words("חו, Hebrew. ϰητος, Greek. CETUS, Latin. WHŒL, Anglo-Saxon.")
    assert not_english_or_words("“Ach! du lieber Augustin, Alles ist weg, weg, weg!”"
                                " Alles ist weg, weg, weg, du lieber Augustin!")
    assert not_english_or_words("* * * * * * *")
    assert not not_english_or_words("Call me Ishmael. Some years ago I thought I would sail.")
    assert not not_english_or_words("DUNCAN. O valiant cousin! worthy gentleman!")


def test_blocklist_finds_whole_words_and_masks_them():
    line = "To the northward of the Rio Negro, between it and the inhabited country"
    assert contains_blocked(line)
    assert mask_blocked(line) == line.replace("Negro", "N****")
    assert not contains_blocked("the scratch and squawk of a half-waked bird")
    long = "word " * 40 + "the Negroes were free" + " word" * 40
    assert "N******" in blocked_excerpt(long) and "Negro" not in blocked_excerpt(long)


# ----- the whole pipeline on two real books, and on the full library ---------------------------
@pytest.fixture(scope="module")
def two_books():
    return clean_library([BOOKS_BY_SLUG["alice-in-wonderland"], BOOKS_BY_SLUG["macbeth"]])


def test_each_step_reports_a_count_and_examples(two_books):
    by_name = {r.name: r for r in two_books.reports}
    bom = by_name["Byte-order marks and line ends"]
    assert bom.removed > 3000 and bom.unit == "characters"  # Alice: a BOM; both: CR LF
    assert any("byte-order mark" in e for e in bom.examples)
    licence = by_name["Project Gutenberg header, footer and licence"]
    assert licence.removed > 500 and any("1998 Small Print" in e for e in licence.examples)
    assert by_name["Chapter, act and scene headings"].removed >= 12 + 5 + 20
    assert by_name["Hard line wraps joined"].removed > 1000
    for r in two_books.reports:
        assert r.description and r.removed >= 0 and len(r.examples) <= 5


def test_two_books_become_clean_tagged_documents(two_books):
    docs = two_books.documents
    assert {d.book for d in docs} == {"alice-in-wonderland", "macbeth"}
    assert {d.source for d in docs} == {"fables", "plays"}
    assert all(d.chapter for d in docs if d.book == "macbeth")
    text = "\n".join(d.text for d in docs)
    assert "\r" not in text and "\ufeff" not in text and "Gutenberg" not in text
    assert "Down the Rabbit-Hole" not in text  # a heading, not a sentence
    assert any("When shall we three meet again?" in d.text for d in docs)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv(cache.CACHE_ENV, str(tmp_path_factory.mktemp("cache")))
    cache.cleaned_library.cache_clear()
    result = cache.cleaned_library()
    yield result
    cache.cleaned_library.cache_clear()
    mp.undo()


def test_the_cleaned_library_has_no_licence_markers_cr_or_slurs(library):
    text = "\n".join(d.text for d in library.documents)
    for bad in ("Gutenberg", "GUTENBERG", "[Illustration", "\r", "\ufeff", "SMALL PRINT"):
        assert bad not in text, bad
    assert not contains_blocked(text)
    assert len({d.book for d in library.documents}) == 18
    assert sum(len(d.text.split()) for d in library.documents) > 1_200_000
    slurs = next(r for r in library.reports if r.name.startswith("Blocklist"))
    assert slurs.removed > 40 and all("*" in e for e in slurs.examples)
    assert not any(contains_blocked(e) for r in library.reports for e in r.examples)


def test_the_cache_gives_back_the_same_result(library, tmp_path):
    path = tmp_path / "library.json"
    cache._save(path, library)
    assert cache._load(path) == library
    path.write_text("{ damaged", encoding="utf-8")
    assert cache._load(path) is None  # a damaged cache is cleaned again, not trusted


# ----- held-out split ------------------------------------------------------------------------
def test_whole_chapters_are_held_out_never_parts_of_one(library):
    train, held = split_documents(list(library.documents))
    train_chapters = {(d.book, d.chapter) for d in train}
    held_chapters = {(d.book, d.chapter) for d in held}
    assert held_chapters and not train_chapters & held_chapters
    share = sum(len(d.text) for d in held) / sum(len(d.text) for d in library.documents)
    assert 0.03 < share < 0.2
    assert all(chapter_is_heldout(b, c) for b, c in held_chapters)
    assert split_documents(list(reversed(library.documents)))[1] == list(reversed(held))


def test_documents_without_chapters_hold_out_every_20th():
    docs = [Document("news", f"report number {i}") for i in range(100)]
    train, held = split_documents(docs)
    assert len(held) == 100 // HELDOUT_EVERY and held[0].text == "report number 19"


# ----- end-of-text token and the mix ---------------------------------------------------------
def test_every_document_ends_with_the_end_of_text_token():
    from engine.session.data import encode_documents
    from engine.tokenizers import END, BPETokenizer

    docs = [Document("sea", "The sea was calm."), Document("plays", "Exeunt.")]
    assert pretraining_texts(docs) == ["The sea was calm.<end>", "Exeunt.<end>"]
    assert END_OF_TEXT == "<end>"
    tok = BPETokenizer.train(["The sea was calm. Exeunt."] * 20, vocab_size=300)
    ids = encode_documents(tok, docs)
    first = len(tok.encode("The sea was calm."))
    assert list(np.flatnonzero(ids == END)) == [first, len(ids) - 1]


def test_the_library_is_the_default_mix_with_a_bigger_vocabulary():
    assert bpe_vocab_for(Mix.default()) == 4096
    assert bpe_vocab_for(Mix.made_up()) == 2048


# ----- the library BPE -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def library_bpe(library):
    from engine.tokenizers import BPETokenizer

    return BPETokenizer.train([d.text for d in library.documents], vocab_size=4096)


def test_the_words_of_the_word_map_are_single_tokens(library_bpe):
    words = ["sea", "waters", "ocean", "water", "queen", "king", "dog", "cat", "whale", "ship", "shore", "wind", "ice", "river", "father", "mother"]
    assert [w for w in words if library_bpe.word_token(w) is None] == []


def test_the_shipped_bpe_examples_are_the_tokenizers_real_splits(library_bpe):
    import json

    from engine.corpus.showcase import BPE_EXAMPLES, bpe_example_words

    data = json.loads(BPE_EXAMPLES.read_text(encoding="utf-8"))
    shown = [w for fam in data["families"] for w in fam["words"]] + data["compounds"]
    for example in shown:
        assert library_bpe.describe_split(example["word"]) == example["pieces"], example
    for fam in data["families"]:  # each family really shares its ending
        assert {tuple(w["pieces"])[-1] for w in fam["words"]} == {fam["shared_piece"]}
    assert len(bpe_example_words()) >= 6
