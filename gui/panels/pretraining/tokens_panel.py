"""Step 2 — Tokens: how text becomes the numbers a model reads.

Typed text is cut by three tokenizers side by side (characters, words, BPE subwords),
each shown as coloured chips with their ids, their count and the compression
(characters per token). Below, BPE training is replayed merge by merge on the same
text. Everything here runs on the GUI thread because it is small: the tokenizers come
from the controller (rebuilt from the worker's `to_dict()`), a typed text is short,
and the replay is capped to a short sample.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.panels.pretraining.numbers import decimal, english_singular
from gui.widgets.adaptive_row import fit_tabs
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.merge_replay import MergeReplayView
from gui.widgets.token_chips import TokenChips

MADE_UP_WORDS = QT_TRANSLATE_NOOP("TokensPanel", "made-up words")  # a label, translated where shown

# (button label, text): short texts that make one point each. A label is the example's own
# English words, except the two marked for translation (shown through translate()).
PRESETS: tuple[tuple[str, str], ...] = (
    ("headache", "I woke up with a headache."),  # " head" + "ache"
    ("stomachache", "First a headache, then a stomachache."),  # "ache" again, same id
    ("didn't", "I didn't see the cat."),  # "did" + "n't" for words; BPE cuts differently
    ("the cat", "The cat sat on a mat and enjoyed the wind"),  # the sliding-window sentence
    (MADE_UP_WORDS, "The zorblax quuxed a flibbertigibbet."),  # a closed vocabulary fails
)
DEFAULT_TEXT = "I have a headache and a stomachache."
SHARED_PIECES = QT_TRANSLATE_NOOP("TokensPanel", "shared pieces (books)")  # the library BPE's own examples, picked by a script


def _presets() -> tuple[tuple[str, str], ...]:
    """The presets, with words the library's BPE really splits into shared pieces first
    (engine/data/bpe_examples.json, found in its merges by scripts/pick_bpe_examples.py)."""
    from engine.corpus.showcase import bpe_example_words  # reads a small JSON file

    words = bpe_example_words()
    return ((SHARED_PIECES, " ".join(words)),) + PRESETS if words else PRESETS

# The order and the people's names of the three tokenizers (technical term beside),
# translated where they are shown.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("char", QT_TRANSLATE_NOOP("TokensPanel", "Letters"),
     QT_TRANSLATE_NOOP("TokensPanel", "character-level")),
    ("word", QT_TRANSLATE_NOOP("TokensPanel", "Whole words"),
     QT_TRANSLATE_NOOP("TokensPanel", "word-level")),
    ("bpe", QT_TRANSLATE_NOOP("TokensPanel", "Word pieces"),
     QT_TRANSLATE_NOOP("TokensPanel", "subwords, BPE: what our model reads")),
)
TYPING_DELAY_MS = 120  # re-tokenize shortly after the person stops typing


@dataclass(frozen=True)
class Tokenization:
    """One tokenizer's view of a text: chips to draw, and what it could not encode."""

    tokens: tuple[str, ...]
    ids: tuple[int | None, ...]  # None: a piece outside the vocabulary
    unknown: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.ids)


def tokenize_for_display(tokenizer: Any, text: str) -> Tokenization:
    """Encode `text`; if the vocabulary lacks some pieces, show the rest and name those.

    A closed vocabulary (words, characters) cannot encode everything; instead of
    failing, each piece is looked up on its own and the missing ones are marked.
    """
    from engine.tokenizers import SPECIAL_TOKENS, TokenizerError, split_specials, split_words

    try:
        ids = tokenizer.encode(text)
    except TokenizerError as err:
        unknown = tuple(err.unknown)
    else:
        return Tokenization(tuple(tokenizer.token_strings(ids)), tuple(ids), ())

    # Piece by piece, the way this tokenizer cuts text.
    kind = getattr(tokenizer, "name", "")
    tokens: list[str] = []
    ids_out: list[int | None] = []
    for part in split_specials(text):
        if part in SPECIAL_TOKENS:
            tokens.append(part)
            ids_out.append(SPECIAL_TOKENS.index(part))
            continue
        pieces = split_words(part) if kind == "word" else list(part)
        for piece in pieces:
            tid = tokenizer.token_to_id(piece)
            if tid is None:
                tokens.append(piece.lstrip(" ") or piece)
                ids_out.append(None)
            else:
                tokens.append(tokenizer.token_strings([tid])[0])
                ids_out.append(tid)
    return Tokenization(tuple(tokens), tuple(ids_out), unknown)


class _TokenizerRow:
    """One tokenizer: a header line (name, count, compression), then its chips."""

    def __init__(self, kind: str, title: str, term: str) -> None:
        self.kind = kind
        self.title = translate("TokensPanel", title)
        self.term = translate("TokensPanel", term)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setProperty("role", "warning")
        self.note.hide()
        self.chips = TokenChips(point_size=theme.TOKEN_PT)
        self.chips.setObjectName(f"chips_{kind}")
        self.chips.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.chips.set_placeholder(translate("TokensPanel", "(waiting for the tokenizers…)"))
        self.result: Tokenization | None = None
        self._numbers: tuple[str | None, str] = (None, "")
        self.set_numbers(None)

    def set_numbers(self, numbers: str | None, vocabulary: str = "") -> None:
        """The count line beside the name, and `vocabulary`: the header's tooltip."""
        self._numbers = (numbers, vocabulary)
        head = (
            f"<span style='font-size:{theme.BASE_PT + 2}pt'><b>{html.escape(self.title)}</b></span>"
            f" <i>({html.escape(self.term)})</i>"
        )
        self.header.setText(head + (f" — {numbers}" if numbers else ""))
        self.header.setToolTip(vocabulary)


    def redraw_header(self) -> None:
        """Again, at the text size now (after a change of text scale)."""
        self.set_numbers(*self._numbers)


class TokensPanel(QWidget):
    """Panel 2: text as tokens under three tokenizers, and BPE training replayed.

    Listens to `controller.pretraining.tokenizersChanged`; asks for nothing heavy.
    """

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TokensPanel")
        self._controller = controller
        self._tokenizers: dict[str, Any] = {}
        self._rows: dict[str, _TokenizerRow] = {}
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_DELAY_MS)
        self._typing_timer.timeout.connect(self.retokenize)
        self._build()

        controller.pretraining.tokenizersChanged.connect(self.set_tokenizers)
        # A panel made after the tokenizers arrived draws them at once.
        existing = controller.pretraining.tokenizers
        if isinstance(existing, Mapping) and existing:
            self.set_tokenizers(existing)

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(8)

        title = QLabel(self.tr("Tokens — how text becomes numbers (tokenization)"))
        title.setFont(theme.font(theme.HEADING_PT, bold=True))
        title.setWordWrap(True)
        root.addWidget(title)
        intro = QLabel(self.tr(
            "A model never sees letters: text is cut into pieces (tokens), each with a number (id)."
        ))
        intro.setWordWrap(True)
        root.addWidget(intro)

        # The examples wrap to more rows at large text instead of widening the page.
        presets_box = QWidget()
        presets = FlowLayout(presets_box, spacing=6)
        presets.addWidget(QLabel(self.tr("Try:")))
        self.preset_buttons: dict[str, QPushButton] = {}
        for label, text in _presets():
            # The example's own English words stay as they are (never looked up).
            translated = label in (SHARED_PIECES, MADE_UP_WORDS)
            button = QPushButton(self.tr(label) if translated else label)
            button.setToolTip(self.tr("Example: “{text}”").format(text=text))
            if not translated:
                button.setProperty("i18nData", True)
            button.clicked.connect(lambda _=False, t=text: self.set_text(t))
            presets.addWidget(button)
            self.preset_buttons[label] = button
        root.addWidget(presets_box)

        self.editor = QPlainTextEdit()
        self.editor.setFont(theme.font(theme.TOKEN_PT))
        self.editor.setPlaceholderText(self.tr("Type or paste any text here…"))
        self.editor.setAccessibleName(self.tr("Text to cut into tokens"))
        self.editor.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the app
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setFixedHeight(int(line * 2.2) + 12)
        self.editor.setPlainText(DEFAULT_TEXT)
        self.editor.textChanged.connect(self._typing_timer.start)
        root.addWidget(self.editor)

        # Two views of the same text: the three tokenizers, and BPE being learned.
        self.tabs = fit_tabs(QTabWidget())
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(theme.font(theme.BASE_PT + 1, bold=True))
        self.tabs.tabBar().setAccessibleName(self.tr("Views of the text"))
        root.addWidget(self.tabs, 1)

        compare, compare_layout = _scroll_page()
        for kind, name, term in KINDS:
            row = _TokenizerRow(kind, name, term)
            compare_layout.addWidget(row.header)
            compare_layout.addWidget(row.chips)
            compare_layout.addWidget(row.note)
            self._rows[kind] = row
        compare_layout.addStretch(1)
        self.tabs.addTab(compare, self.tr("Three ways to cut it (letters, words, word pieces)"))

        learn, learn_layout = _scroll_page()
        replay_intro = QLabel(self.tr(
            "BPE starts from single letters (bytes) and keeps gluing the most frequent pair of "
            "the training text into one new token (a merge). Our tokenizer's real merges, in "
            "order, on your text:"
        ))
        replay_intro.setWordWrap(True)
        replay_intro.setProperty("role", "muted")
        learn_layout.addWidget(replay_intro)
        self.replay = MergeReplayView()
        learn_layout.addWidget(self.replay)
        learn_layout.addStretch(1)
        self.tabs.addTab(learn, self.tr("Watch BPE learn its pieces (merge by merge)"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is not self.tabs.widget(1):
            self.replay.pause()  # no animation running out of sight

    def show_replay(self) -> None:
        """Switch to the merge-by-merge view."""
        self.tabs.setCurrentIndex(1)

    def set_active(self, active: bool) -> None:
        """Called by the main window when the panel is shown or hidden."""
        if not active:
            self.replay.pause()

    def tour_part(self, name: str) -> list:
        """What a tour step is about: the word-piece tokenizer's row (its name, chips, note)."""
        if name != "word pieces" or "bpe" not in self._rows:
            return []
        row = self._rows["bpe"]
        return [row.header, row.chips, row.note]

    def is_ready(self) -> bool:
        """True once the tokenizers have arrived and the chips are drawn."""
        return bool(self._tokenizers)

    # ---- inputs -----------------------------------------------------------------------------
    def apply_theme(self) -> None:
        """The text scale or colours changed (gui/lecture/appearance.py): redraw rich text."""
        for row in self._rows.values():
            row.redraw_header()

    def set_tokenizers(self, tokenizers: Mapping[str, Any]) -> None:
        """New tokenizers from the controller (after start, a new mix, your own text)."""
        self._tokenizers = dict(tokenizers)
        self.replay.set_tokenizer(self._tokenizers.get("bpe"))
        self.retokenize()

    def set_text(self, text: str) -> None:
        """Put a text in the box and tokenize it at once."""
        self.editor.setPlainText(text)
        self._typing_timer.stop()
        self.retokenize()

    def text(self) -> str:
        return self.editor.toPlainText()

    # ---- tokenizing ---------------------------------------------------------------------------
    def retokenize(self) -> None:
        """Cut the current text with each tokenizer and redraw the chips and numbers."""
        text = self.text()
        for kind, row in self._rows.items():
            tok = self._tokenizers.get(kind)
            if tok is None:
                row.result = None
                row.chips.clear()
                row.set_numbers(None)
                row.note.hide()
                continue
            result = tokenize_for_display(tok, text)
            row.result = result
            row.chips.set_tokens(result.tokens, result.ids)
            row.chips.set_placeholder(self.tr("(type some text above)"))
            row.set_numbers(self._numbers_html(text, result), self.tr(
                "This tokenizer knows %Ln different tokens (its vocabulary).", "", tok.vocab_size))
            if result.unknown:
                row.note.setText(self._unknown_text(kind, result.unknown))
                row.note.show()
            else:
                row.note.hide()
        self.replay.set_sample(text)

    def _unknown_text(self, kind: str, unknown: tuple[str, ...]) -> str:
        """Why some chips have no id: the pieces a closed vocabulary has never seen."""
        shown = ", ".join(f"“{html.escape(u)}”" for u in unknown[:5])
        if len(unknown) > 5:
            shown = self.tr("{pieces} and %n more", "", len(unknown) - 5).format(pieces=shown)
        if kind == "word":
            return self.tr("Never seen in the training text: {pieces}. A word tokenizer only "
                           "knows the words it was built from (a closed vocabulary), so these "
                           "dashed chips have no id (“?”, unknown).").format(pieces=shown)
        return self.tr("Never seen in the training text: {pieces}. A character tokenizer only "
                       "knows the characters it was built from (a closed vocabulary), so these "
                       "dashed chips have no id (“?”, unknown).").format(pieces=shown)

    def _numbers_html(self, text: str, result: Tokenization) -> str:
        n = result.count
        ratio = len(text) / n if n else 0.0
        many = "<b>%Ln</b> tokens · <b>{ratio}</b> characters per token"
        text = self.tr("<b>%Ln</b> tokens · <b>{ratio}</b> characters per token", "", n)
        text = english_singular(text, n, many, "<b>%Ln</b> token · <b>{ratio}</b> characters per token")
        return text.format(ratio=decimal(ratio, 1))

    # ---- for tests and other panels ----------------------------------------------------------------
    def chips_for(self, kind: str) -> TokenChips:
        return self._rows[kind].chips

    def tokenization(self, kind: str) -> Tokenization | None:
        return self._rows[kind].result

    def unknown_note(self, kind: str) -> str:
        row = self._rows[kind]
        return row.note.text() if not row.note.isHidden() else ""


def _scroll_page() -> tuple[QScrollArea, QVBoxLayout]:
    """A tab page that scrolls when the window is too small, so nothing is cut off."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    scroll.setWidget(body)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.setSpacing(6)
    return scroll, layout
