"""The Data panel's corpus chooser: the library of real books or the made-up world,
with a view of the made-up world's generator and an About box crediting the books.

Both views read light, pure-Python engine tables (the book list, the templates and
slot tables), never the corpus itself, which lives in the engine worker.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engine.corpus.library.books import BOOKS, LICENCE_NOTE
from engine.corpus.sources import CORPUS_TITLES, LIBRARY, MADE_UP, corpora_in_use
from gui import theme
from gui.i18n import translate
from gui.panels.pretraining.engine_texts import HELD_OUT, SOURCES, shown
from gui.widgets.adaptive_row import AdaptiveRow

# Slot tables shown in the generator view: the one behind "sea"/"waters" first.
SHOWN_SLOTS = ("sea", "sea_was", "ruler", "animal", "weather")
TEMPLATES_PER_SOURCE = 2


def corpus_in_use(weights: Mapping[str, float]) -> str:
    """"library" or "made-up": the corpus a mix draws on (the library if it draws on both)."""
    used = corpora_in_use(weights)
    return used[0] if used else LIBRARY


def corpus_mix_weights(corpus: str) -> dict[str, float]:
    """The default mix of a corpus, as slider weights."""
    from engine.corpus.mix import Mix  # a light value type

    mix = Mix.default() if corpus == LIBRARY else Mix.made_up()
    return dict(mix.weights)


def generator_html() -> str:
    """A few of the made-up world's templates and the slot tables that fill them."""
    from engine.corpus.made_up.templates import SLOTS, TEMPLATES  # tables only, no generation

    parts = [
        translate("CorpusChooser",
                  "<p><b>This corpus is made up.</b> A small program writes it from sentence "
                  "templates with slots. Each slot is filled at random from a table of words, so "
                  "every word of a table turns up in exactly the same places. A model trained on "
                  "it puts those words close together: <i>words that fill the same slots end up "
                  "close</i>. That is a true lesson about this generator, not a discovery about "
                  "English; the library of real books is where the model has to find such things "
                  "for itself.</p>"),
        translate("CorpusChooser", "<p><b>Some templates</b> (a word in braces is a slot):</p>") + "<ul>",
    ]
    for source, templates in TEMPLATES.items():
        for t in templates[:TEMPLATES_PER_SOURCE]:
            parts.append(f"<li><i>{html.escape(source)}</i>: {html.escape(t)}</li>")
    parts.append("</ul>" + translate("CorpusChooser", "<p><b>Slot tables</b> (how often each word is "
                                             "drawn):</p>") + "<ul>")
    for slot in SHOWN_SLOTS:
        words = SLOTS[slot]
        counts = {w: words.count(w) for w in dict.fromkeys(words)}
        shown = ", ".join(f"{html.escape(w)} ×{n}" for w, n in counts.items())
        parts.append(f"<li><b>{{{html.escape(slot)}}}</b>: {shown}</li>")
    parts.append("</ul>" + translate("CorpusChooser", "<p>“sea” and “waters” are drawn from the same "
                                             "table at the same rate: that, and nothing the model "
                                             "discovered, is why they end up side by side.</p>"))
    return "".join(parts)


def books_html() -> str:
    """The library's credits: title, author, year, Project Gutenberg ebook number."""
    rows = "".join(
        f"<tr><td>{html.escape(b.title)}</td><td>{html.escape(b.author)}</td>"
        f"<td>{html.escape(b.year)}</td><td>#{b.ebook}</td></tr>" for b in BOOKS)
    intro = translate("CorpusChooser", "<p><b>The library</b>: 18 public-domain books from Project "
                      "Gutenberg (www.gutenberg.org), shipped as Project Gutenberg distributes "
                      "them.</p>")
    heads = "".join(f"<th align='left'>{h}</th>" for h in (
        translate("CorpusChooser", "Title"), translate("CorpusChooser", "Author"), translate("CorpusChooser", "Year"),
        translate("CorpusChooser", "Ebook")))
    return (
        f"{intro}<table cellspacing='0' cellpadding='3'><tr>{heads}</tr>"
        f"{rows}</table><p>{html.escape(shown(SOURCES, LICENCE_NOTE))}</p>"
    )


def _text_dialog(parent: QWidget | None, title: str, body: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.setHtml(body)
    view.setAccessibleName(title)
    layout.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(720, 520)
    return dialog


def about_books_dialog(parent: QWidget | None = None) -> QDialog:
    """The About box crediting the books (title, author, year, licence)."""
    return _text_dialog(parent, translate("CorpusChooser", "About the books"), books_html())


def generator_dialog(parent: QWidget | None = None) -> QDialog:
    """How the made-up world is generated: templates and slot tables."""
    return _text_dialog(parent, translate("CorpusChooser", "How the made-up world is generated"),
                        generator_html())


class CorpusChooser(QWidget):
    """Which corpus the model reads, said plainly, with the way to switch.

    Signals:
        corpusChosen(str): the person picked "library" or "made-up".
    """

    corpusChosen = Signal(str)

    def __init__(self, controller=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller  # gets the chosen corpus's mix (set_mix)
        self._corpus = LIBRARY
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # The choice and its two buttons in a row, or the buttons under it at 2x text.
        row = AdaptiveRow(spacing=6)
        choice = QHBoxLayout()
        corpus_label = QLabel(self.tr("Corpus:"))
        choice.addWidget(corpus_label)
        self.combo = QComboBox()
        corpus_label.setBuddy(self.combo)  # a screen reader names the list by its label
        # A long corpus name (more so in translation) is cut short here, in full in the list.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        for name in (LIBRARY, MADE_UP):
            self.combo.addItem(shown(SOURCES, CORPUS_TITLES[name]), name)
        self.combo.setToolTip(self.tr("The text the model learns from: real books, or a small "
                                      "made-up world generated from templates"))
        # subtle: a combo box is as wide as its longest choice by default; at large text
        # that scrolled the page sideways. It shortens (eliding) instead.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(10)  # beside "About the books" at 1x on a laptop
        choice.addWidget(self.combo, 1)
        row.add(choice, 1)
        self.about_button = QPushButton(self.tr("About the books"))
        self.generator_button = QPushButton(self.tr("How it is made…"))
        self.generator_button.setToolTip(
            self.tr("The templates and word tables that write the made-up world"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.about_button)
        buttons.addWidget(self.generator_button)
        row.add(buttons)
        layout.addWidget(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setFont(theme.font(theme.SMALL_PT))
        self.note.setProperty("role", "muted")
        layout.addWidget(self.note)
        self.combo.activated.connect(self._on_activated)
        self.about_button.clicked.connect(lambda: about_books_dialog(self).exec())
        self.generator_button.clicked.connect(lambda: generator_dialog(self).exec())
        self.show_corpus(LIBRARY)

    def corpus(self) -> str:
        return self._corpus

    def show_corpus(self, corpus: str, heldout: str = "") -> None:
        """Show which corpus is in use (and what is held out), without emitting."""
        self._corpus = corpus
        self.combo.setCurrentIndex(max(self.combo.findData(corpus), 0))
        self.generator_button.setVisible(corpus == MADE_UP)
        self.about_button.setVisible(corpus == LIBRARY)
        if corpus == LIBRARY:
            made = self.tr("Real books, cleaned below step by step.")
        else:
            made = self.tr("Generated from templates: every word's neighbours come from the "
                           "tables that write it (see “How it is made”).")
        self.note.setText(f"{made} {shown(HELD_OUT, heldout)}" if heldout else made)

    def _on_activated(self, index: int) -> None:
        corpus = self.combo.itemData(index)
        if corpus == self._corpus:
            return
        self.corpusChosen.emit(corpus)
        if self._controller is not None:
            from engine.corpus.mix import Mix  # a light value type

            self.note.setText(self.tr("Loading and cleaning the corpus…"))
            self._controller.pretraining.set_mix(Mix(corpus_mix_weights(corpus)))


__all__ = ["CorpusChooser", "about_books_dialog", "books_html", "corpus_in_use",
           "corpus_mix_weights", "generator_dialog", "generator_html"]
