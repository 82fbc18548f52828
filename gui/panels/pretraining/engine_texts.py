"""The engine's fixed words, as the pre-training panels show them, in the chosen language.

engine/ never imports Qt, so its sentences (cleaning steps, source names, the held-out
split, parts of the model, head patterns) are written in English there. This table
repeats them with QT_TRANSLATE_NOOP so lupdate collects them, and `shown` translates an
engine text at the point of display. A sentence the engine fills with numbers is listed
as a template whose `{fields}` are matched back out of the English text; English
numbers in a field ("1,000") are written again in the chosen language. A text found in
no table is shown as the engine wrote it (English), never dropped.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.panels.pretraining.numbers import integer

# Contexts, one per kind of engine text.
CLEANING = "Cleaning"
SOURCES = "Sources"
HELD_OUT = "HeldOut"
MODEL_PARTS = "ModelParts"
ENGINE_MESSAGES = "EngineMessages"
WORD_GROUPS = "WordGroups"

TEXTS: dict[str, tuple[str, ...]] = {
    CLEANING: (
        # engine/corpus/curation.py (the made-up world)
        QT_TRANSLATE_NOOP("Cleaning", "Exact duplicates"),
        QT_TRANSLATE_NOOP("Cleaning", "The same text appearing more than once. Only the first "
                          "copy is kept, so the model does not learn it twice as hard."),
        QT_TRANSLATE_NOOP("Cleaning", "Near duplicates"),
        QT_TRANSLATE_NOOP("Cleaning", "Texts that repeat an earlier one with small changes (a "
                          "word added, different punctuation). Found by comparing three-word "
                          "phrases (MinHash)."),
        QT_TRANSLATE_NOOP("Cleaning", "Too short or too long"),
        QT_TRANSLATE_NOOP("Cleaning", 'Replies of fewer than {min} words ("lol", "+1") and '
                          'walls of more than {max} words.'),
        QT_TRANSLATE_NOOP("Cleaning", "Low quality"),
        QT_TRANSLATE_NOOP("Cleaning", 'Texts made mostly of symbols, mostly in CAPITALS '
                          '(shouting), or with stretched characters like "!!!!!!".'),
        QT_TRANSLATE_NOOP("Cleaning", "Blocklist"),
        QT_TRANSLATE_NOOP("Cleaning", "Texts containing insults from a list of words that "
                          "should not be learned (a blocklist)."),
        QT_TRANSLATE_NOOP("Cleaning", "Gibberish"),
        QT_TRANSLATE_NOOP("Cleaning", 'Keyboard mash such as "asdkjh qwpoeiru": words with no '
                          'vowels or letter combinations that English does not use.'),
        QT_TRANSLATE_NOOP("Cleaning", "Spam and links"),
        QT_TRANSLATE_NOOP("Cleaning", "Advertising and links to websites (http://, www.)."),
        # engine/corpus/library/cleaning.py (the library of books)
        QT_TRANSLATE_NOOP("Cleaning", "Byte-order marks and line ends"),
        QT_TRANSLATE_NOOP("Cleaning", '{files} files start with an invisible byte-order mark '
                          '(U+FEFF) and most end every line with a Windows carriage return '
                          '(CR LF). Both are removed so that "sea" at the start of a file or '
                          'the end of a line is the same token as anywhere else.'),
        QT_TRANSLATE_NOOP("Cleaning", "Project Gutenberg header, footer and licence"),
        QT_TRANSLATE_NOOP("Cleaning", "Every file carries Project Gutenberg's header, start and "
                          "end markers and licence, in three styles: {styles}. They are cut, "
                          "with the volunteers' credits inside the text, so the model never "
                          "reads a licence."),
        QT_TRANSLATE_NOOP("Cleaning", "Contents, title pages and cast lists"),
        QT_TRANSLATE_NOOP("Cleaning", 'Tables of contents, "by ..." lines and lists of '
                          'characters: lists, not prose.'),
        QT_TRANSLATE_NOOP("Cleaning", "Chapter, act and scene headings"),
        QT_TRANSLATE_NOOP("Cleaning", 'Headings such as "CHAPTER 1. Loomings." or "ACT I. '
                          'SCENE II." are not sentences. Each paragraph keeps the name of its '
                          'chapter, so whole chapters can be held out.'),
        QT_TRANSLATE_NOOP("Cleaning", "Illustrations and footnotes"),
        QT_TRANSLATE_NOOP("Cleaning", '"[Illustration]" placeholders for pictures that are not '
                          'there, footnotes and their marks ("[1]"), and the underscores that '
                          'mark _italics_ in plain text.'),
        QT_TRANSLATE_NOOP("Cleaning", "Hard line wraps joined"),
        QT_TRANSLATE_NOOP("Cleaning", "The files break lines at about 70 characters, "
                          "mid-sentence. Lines of one paragraph are joined (⏎ marks a removed "
                          "break), so a line break means a new paragraph."),
        QT_TRANSLATE_NOOP("Cleaning", "Paragraphs of {words} words or more that appear again "
                          "word for word; only the first copy is kept."),
        QT_TRANSLATE_NOOP("Cleaning", "Paragraphs that repeat an earlier one with small changes "
                          "(found by comparing three-word phrases, MinHash)."),
        QT_TRANSLATE_NOOP("Cleaning", "Not English, or not words"),
        QT_TRANSLATE_NOOP("Cleaning", 'Passages in another language or script (Hebrew and '
                          'Greek in Moby-Dick, German songs in Andersen) and lines with hardly '
                          'any letters ("* * * * *", tables of figures).'),
        QT_TRANSLATE_NOOP("Cleaning", "Blocklist: period slurs"),
        QT_TRANSLATE_NOOP("Cleaning", "These books use the racial slurs of their time. A model "
                          "repeats what it reads, so real pipelines drop every paragraph with a "
                          "word from a blocklist, at the price of also dropping passages that "
                          "discuss the people named. The words are masked here."),
        QT_TRANSLATE_NOOP("Cleaning", "Paragraphs are grouped into documents of up to about "
                          "{words} words within one chapter. A document of fewer than {min} "
                          "words (a stray line) or more than {max} is dropped."),
    ),
    SOURCES: (
        # engine/corpus/sources.py: the two corpora
        QT_TRANSLATE_NOOP("Sources", "A library of real books (18 public-domain books from "
                          "Project Gutenberg)"),
        QT_TRANSLATE_NOOP("Sources", "A made-up world (generated from templates; learns in 30 s)"),
        # engine/corpus/library/books.py: the library's sources (genres) and the licence
        QT_TRANSLATE_NOOP("Sources", "Sea and voyages"),
        QT_TRANSLATE_NOOP("Sources", "Novels of ships, whaling and islands: long descriptive "
                          "sentences, sailors' talk."),
        QT_TRANSLATE_NOOP("Sources", "Fables and fairy tales"),
        QT_TRANSLATE_NOOP("Sources", 'Fables, fairy tales and animal stories: kings, queens, '
                          'talking animals, "once upon a time".'),
        QT_TRANSLATE_NOOP("Sources", "Natural history"),
        QT_TRANSLATE_NOOP("Sources", "Darwin's travel journal and his book on evolution: "
                          "careful, factual, full of species and places."),
        QT_TRANSLATE_NOOP("Sources", "Shakespeare plays"),
        QT_TRANSLATE_NOOP("Sources", "Five plays: speeches headed by the speaker's name, verse, "
                          "old words (thee, thou)."),
        QT_TRANSLATE_NOOP("Sources", "The books are in the public domain in the USA and come "
                          "from Project Gutenberg (www.gutenberg.org). Each shipped file keeps "
                          "the Project Gutenberg licence it carries; the cleaning step strips "
                          "it, with every mention of Project Gutenberg, from the text the model "
                          "reads."),
        # engine/corpus/made_up/generator.py: the made-up world's sources
        QT_TRANSLATE_NOOP("Sources", "Encyclopedia"),
        QT_TRANSLATE_NOOP("Sources", "Formal, factual articles about places, weather, animals "
                          "and history. Long sentences, present tense, numbers and dates, no "
                          "chatter."),
        QT_TRANSLATE_NOOP("Sources", "Stories"),
        QT_TRANSLATE_NOOP("Sources", 'Short tales told in the past tense, with characters who '
                          'talk to each other ("I don\'t think so," said Mira).'),
        QT_TRANSLATE_NOOP("Sources", "News"),
        QT_TRANSLATE_NOOP("Sources", "Dated reports from towns along the coast, with quotes "
                          "from the people involved."),
        QT_TRANSLATE_NOOP("Sources", "Forum"),
        QT_TRANSLATE_NOOP("Sources", "Posts and replies from an online forum: typos, slang "
                          "(lol, tbh), the odd SHOUTED word, spam links, copied posts and "
                          "keyboard mash. Most of the noise is what cleaning (curation) is "
                          "there to remove."),
        QT_TRANSLATE_NOOP("Sources", "Quiz sheets"),
        QT_TRANSLATE_NOOP("Sources", "Lists of questions without their answers. A model that "
                          "learns only from text like this carries on a question with more "
                          "questions."),
    ),
    HELD_OUT: (
        # engine/corpus/heldout.py: describe_heldout (the longest template first)
        QT_TRANSLATE_NOOP("HeldOut", "Held out (never trained on): {chapters} whole chapters of "
                          "{books} books (about 1 in {share}, fixed), for example {examples}, "
                          "and every {every}th of the other documents."),
        QT_TRANSLATE_NOOP("HeldOut", "Held out (never trained on): {chapters} whole chapters of "
                          "{books} books (about 1 in {share}, fixed), for example {examples}."),
        QT_TRANSLATE_NOOP("HeldOut", "Held out (never trained on): every {every}th of the other "
                          "documents."),
        QT_TRANSLATE_NOOP("HeldOut", "Nothing is held out yet."),
    ),
    MODEL_PARTS: (
        # engine/pretraining/parameter_map.py: groups and plain words for each part
        QT_TRANSLATE_NOOP("ModelParts", "Embeddings"),
        QT_TRANSLATE_NOOP("ModelParts", "Block {number}"),
        QT_TRANSLATE_NOOP("ModelParts", "Output"),
        QT_TRANSLATE_NOOP("ModelParts", "Token table (embedding)"),
        QT_TRANSLATE_NOOP("ModelParts", "Position table"),
        QT_TRANSLATE_NOOP("ModelParts", "Norm before attention"),
        QT_TRANSLATE_NOOP("ModelParts", "Norm before attention, offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "Attention: query, key, value"),
        QT_TRANSLATE_NOOP("ModelParts", "Attention: q, k, v offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "Attention: output"),
        QT_TRANSLATE_NOOP("ModelParts", "Attention: output offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "Norm before the MLP"),
        QT_TRANSLATE_NOOP("ModelParts", "Norm before the MLP, offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "MLP: widen (feed-forward)"),
        QT_TRANSLATE_NOOP("ModelParts", "MLP: widen, offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "MLP: narrow back"),
        QT_TRANSLATE_NOOP("ModelParts", "MLP: narrow back, offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "Final norm"),
        QT_TRANSLATE_NOOP("ModelParts", "Final norm, offsets"),
        QT_TRANSLATE_NOOP("ModelParts", "Output head (scores every token)"),
        # engine/pretraining/head_patterns.py and inside.py
        QT_TRANSLATE_NOOP("ModelParts", "looks at the previous token"),
        QT_TRANSLATE_NOOP("ModelParts", "looks at the first token"),
        QT_TRANSLATE_NOOP("ModelParts", "looks at itself"),
        QT_TRANSLATE_NOOP("ModelParts", "this window"),
        QT_TRANSLATE_NOOP("ModelParts", "real text"),
    ),
    WORD_GROUPS: (
        # engine/corpus/lexicon.py: the made-up world's word groups, coloured on its map
        QT_TRANSLATE_NOOP("WordGroups", "sea & water"),
        QT_TRANSLATE_NOOP("WordGroups", "land"),
        QT_TRANSLATE_NOOP("WordGroups", "weather"),
        QT_TRANSLATE_NOOP("WordGroups", "royalty"),
        QT_TRANSLATE_NOOP("WordGroups", "fruit"),
        QT_TRANSLATE_NOOP("WordGroups", "animals"),
        QT_TRANSLATE_NOOP("WordGroups", "body & aches"),
        QT_TRANSLATE_NOOP("WordGroups", "people"),
    ),
    ENGINE_MESSAGES: (
        # engine/pretraining/trainer.py and probes.py: messages shown in the panels
        QT_TRANSLATE_NOOP("EngineMessages", "Training stopped: the loss stopped being a number "
                          "(it blew up to infinity or NaN), usually because the learning rate is "
                          "too high. The model was rolled back to its last good weights; lower "
                          "the learning rate and continue."),
        QT_TRANSLATE_NOOP("EngineMessages", '"{word}" is not a single token for this model: it '
                          'is split into {pieces}. Neighbours are measured between whole tokens, '
                          'so pick a more common word.'),
        QT_TRANSLATE_NOOP("EngineMessages", "Type a word first."),
    ),
}

_FIELD = re.compile(r"\{(\w+)\}")
_ENGLISH_NUMBER = re.compile(r"\d{1,3}(,\d{3})+|\d+")


@cache
def _pattern(template: str) -> re.Pattern[str] | None:
    """The English template as a regular expression with one named group per field."""
    if not _FIELD.search(template):
        return None
    pieces, last = [], 0
    for m in _FIELD.finditer(template):
        pieces.append(re.escape(template[last:m.start()]))
        pieces.append(f"(?P<{m.group(1)}>.+?)")
        last = m.end()
    pieces.append(re.escape(template[last:]))
    return re.compile("".join(pieces), re.DOTALL)


def _local_number(value: str) -> str:
    return integer(int(value.replace(",", ""))) if _ENGLISH_NUMBER.fullmatch(value) else value


def shown(context: str, text: str) -> str:
    """The engine's English `text` in the chosen language (or as it is, if no table has it)."""
    text = str(text)
    for template in TEXTS.get(context, ()):
        if template == text:
            return translate(context, template)
        pattern = _pattern(template)
        match = pattern.fullmatch(text) if pattern is not None else None
        if match:
            fields = {k: _local_number(v) for k, v in match.groupdict().items()}
            return translate(context, template).format(**fields)
    return text


__all__ = ["CLEANING", "ENGINE_MESSAGES", "HELD_OUT", "MODEL_PARTS", "SOURCES", "TEXTS",
           "WORD_GROUPS", "shown"]
