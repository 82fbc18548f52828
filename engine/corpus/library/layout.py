"""A book's layout, read from its blocks of lines: contents lists, headings, markers, wrapping.

A Project Gutenberg body is blocks of lines separated by blank lines. A block is a
paragraph of prose, a speech in a play, a chapter or act heading, a line of a table
of contents, an ``[Illustration]`` placeholder or a footnote. This module tells them
apart with a few plain rules about their shape, and turns each prose block into one
paragraph (the hard line wraps at ~70 columns joined).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = r"[IVXLC]+"
# A heading starts with one of these words, or is a number / roman numeral on its own.
_HEADING_WORD = re.compile(
    rf"^(?:CHAPTER|Chapter|BOOK|Book|PART|Part|ACT|Act|SCENE|Scene|STAVE)\b|^{_ROMAN}\.?$|^\d+\.?$"
    rf"|^{_ROMAN}\.\s|^\d+\.\s")
_SCENE = re.compile(r"^(?:SCENE|Scene)\b")
_ACT = re.compile(r"^(?:ACT|Act)\b")
_FRONT_MATTER = re.compile(
    r"^(?:contents|table of contents|list of illustrations|illustrations|index)\s*[.:]?$",
    re.IGNORECASE)
_CAST_LIST = re.compile(r"^(?:dramatis person|persons represented)", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|BY|By)\s+[A-Z][^.!?]*$")
_PAGE_NUMBER = re.compile(r"(?:\.\s*){2,}\s*\d+\s*$|\s{2,}\d+\s*$")
_SCENE_LIST = re.compile(r"\bScene [IVX]+\b")
_ILLUSTRATION = re.compile(r"\[Illustration[^\]]*\]", re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"\s?\[\d{1,3}\]")
_FOOTNOTE_TEXT = re.compile(r"^\[\d{1,3}\]\s")
_ITALICS = re.compile(r"_([^_]+)_")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def blocks(body: str) -> list[list[str]]:
    """The body's blocks, each a list of its lines with trailing spaces removed."""
    out = []
    for chunk in _BLANK_LINES.split(body):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if lines:
            out.append(lines)
    return out


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def is_heading(lines: list[str]) -> bool:
    """A chapter, act, scene or story heading: one to three short lines, no prose."""
    text = " ".join(s.strip() for s in lines)
    if len(lines) > 3 or len(text) > 120 or not any(c.isalnum() for c in text):
        return False
    first = lines[0].strip()
    if first[:1] in "\"“‘'[(":
        return False  # a shouted line of dialogue or a stage direction, not a title
    if _HEADING_WORD.search(first):
        return True
    return not _has_lower(text)  # THE GOLDEN BIRD, NED LAND, STRUGGLE FOR EXISTENCE.


def starts_chapter(lines: list[str]) -> bool:
    """A heading that opens a new unit of the book (the held-out split works on these)."""
    first = lines[0].strip()
    return bool(_HEADING_WORD.search(first)) or not _has_lower(first)


def _entry_like(line: str) -> bool:
    s = line.strip()
    return (bool(_HEADING_WORD.search(s)) or not _has_lower(s) or bool(_PAGE_NUMBER.search(s))
            or bool(_SCENE_LIST.search(s)) or (len(s) < 50 and s[-1:] not in ".!?”’\""))


def is_list(lines: list[str]) -> bool:
    """A block that reads as a list of titles: most lines are headings or page entries."""
    return sum(_entry_like(s) for s in lines) >= 0.6 * len(lines)


@dataclass
class Paragraph:
    """A paragraph of a book with the chapter (or act and scene) it belongs to."""

    text: str
    chapter: str
    lines: int  # how many lines it had before unwrapping


@dataclass
class LayoutCounts:
    """What reading the layout removed, with the removed text for examples."""

    front_matter: list[str]
    headings: list[str]
    markers: list[str]
    joined: list[str]  # wrapped blocks, with their line breaks shown
    credits: list[str]
    line_breaks: int = 0


def unwrap(lines: list[str]) -> str:
    """One paragraph from hard-wrapped lines: the line breaks become spaces."""
    return " ".join(" ".join(s.split()) for s in lines)


def strip_markers(text: str, removed: list[str]) -> str:
    """Remove [Illustration] placeholders, footnote marks "[12]" and _italics_ underscores."""
    for pattern in (_ILLUSTRATION, _FOOTNOTE_MARK):
        removed.extend(m.group(0).strip() for m in pattern.finditer(text))
        text = pattern.sub("", text)
    if "_" in text:
        removed.extend(m.group(0) for m in _ITALICS.finditer(text))
        text = text.replace("_", "")  # the books use underscores for italics only
    return text


def is_subtitle(lines: list[str]) -> bool:
    """The title line under a bare chapter number ("1" / "The Old Sea-dog at the Admiral
    Benbow"): one short line that does not end a sentence."""
    s = lines[0].strip()
    return len(lines) == 1 and len(s) <= 60 and s[-1:] not in ".!?:;,”’\"'" and s[:1].isupper()


def read_layout(body: str, is_credit) -> tuple[list[Paragraph], LayoutCounts]:
    """Paragraphs of prose with their chapter, and what was taken out on the way."""
    counts = LayoutCounts([], [], [], [], [])
    paragraphs: list[Paragraph] = []
    chapter, act = "", ""
    in_front_matter = in_cast_list = after_number = False
    all_blocks = blocks(body)
    for i, lines in enumerate(all_blocks):
        first = lines[0].strip()
        following = all_blocks[i + 1] if i + 1 < len(all_blocks) else None
        whole = "\n".join(lines)
        if is_credit(whole):
            counts.credits.append(whole)
            continue
        if _FRONT_MATTER.match(first) or _BYLINE.match(first) and len(lines) == 1:
            counts.front_matter.append(whole)
            in_front_matter = bool(_FRONT_MATTER.match(first))
            continue
        if _CAST_LIST.match(first):
            counts.front_matter.append(whole)
            in_cast_list = True
            continue
        # A contents list ends where a heading is followed by prose: the book has begun.
        opens_text = (is_heading(lines) and following is not None
                      and not is_heading(following) and not is_list(following))
        if in_front_matter and is_list(lines) and not opens_text:
            counts.front_matter.append(whole)
            continue
        in_front_matter = False
        if after_number and is_subtitle(lines):
            counts.headings.append(whole)
            chapter = f"{chapter} {first}"[:60]
            after_number = False
            continue
        after_number = False
        if is_heading(lines):
            counts.headings.append(whole)
            in_cast_list = False
            if starts_chapter(lines):
                title = " ".join(s.strip() for s in lines)[:60]
                if _ACT.match(first):
                    act, chapter = title, title
                elif _SCENE.match(first):
                    chapter = f"{act} {title}".strip()
                else:
                    chapter = title
                after_number = not any(c.isalpha() for c in title)
            continue
        if in_cast_list:
            counts.front_matter.append(whole)
            continue
        if _FOOTNOTE_TEXT.match(first) or _ILLUSTRATION.fullmatch(whole.strip()):
            counts.markers.append(whole)
            continue
        text = strip_markers(whole, counts.markers)
        kept = [s for s in text.split("\n") if s.strip()]
        if not kept:
            continue
        if len(kept) > 1:
            counts.line_breaks += len(kept) - 1
            if len(counts.joined) < 40:
                counts.joined.append(" ⏎ ".join(s.strip() for s in kept[:3]))
        paragraphs.append(Paragraph(unwrap(kept), chapter, len(kept)))
    return paragraphs, counts
