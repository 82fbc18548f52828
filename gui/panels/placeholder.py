"""An honest stand-in for a step that is not built yet: it says what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui import theme

# key -> (heading, one-line idea, what the finished step will show)
PLANNED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "data": (
        "Data: what the model reads",
        "A model only knows what is in its reading pile (training data).",
        (
            "the text sources side by side, each with its own style",
            "a mix control: how much of each source goes in",
            "the clean-up steps (curation) with what each one threw away",
            "add your own text files and train on them",
        ),
    ),
    "tokens": (
        "Tokens: how text becomes numbers",
        "Before a model can read, text is cut into pieces (tokens), each with a number (id).",
        (
            "your own text cut by letters, by words and by word pieces (BPE), side by side",
            "how many pieces each way needs (compression)",
            'word pieces being learned merge by merge: "head" + "ache"',
        ),
    ),
    "windows": (
        "Windows: guessing the next word",
        "The model reads a few tokens (a window) and guesses the one that comes next.",
        ("a sliding window over real text", "the model's guesses, live as it trains"),
    ),
    "embeddings": (
        "Embeddings: a map of meaning",
        "Each token gets a list of numbers (an embedding). Words used alike end up close together.",
        (
            "every word of the model placed on a map (projected to 2-D)",
            "search a word and see its nearest neighbours, with the numbers",
            "replay how the map formed during training",
        ),
    ),
    "finetune": (
        "Fine-tune: from text machine to assistant",
        "A pre-trained model only continues text. Training it on questions with answers "
        "(supervised fine-tuning) teaches it to reply.",
        (
            "the same question put to the model before and after fine-tuning",
            "the question-and-answer pairs it learns from, which you can edit",
            "which tokens it learns from (the answer) and which it only reads (the question)",
            "the training curve, live",
        ),
    ),
    "chat": (
        "Chat & feedback: learning from people",
        "People pick the better of two answers, and the model is nudged towards what they "
        "prefer (reinforcement learning from human feedback, RLHF).",
        (
            "a chat where the model writes two answers side by side",
            "thumbs up or down: each click updates the model at once",
            "live charts of how far the model moves from where it started",
            "a biased judge making a biased model",
        ),
    ),
}


class PlaceholderPanel(QWidget):
    """Says plainly that this step is still being built, and what it will show."""

    def __init__(self, controller, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.key = key
        heading, idea, planned = PLANNED.get(key, (key.title(), "", ()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(18)

        title = QLabel(heading)
        title.setFont(theme.font(theme.HEADING_PT + 4, bold=True))
        title.setWordWrap(True)
        layout.addWidget(title)

        if idea:
            idea_label = QLabel(idea)
            idea_label.setWordWrap(True)
            idea_label.setFont(theme.font(theme.BASE_PT + 2))
            layout.addWidget(idea_label)

        notice = QLabel("This step is still being built. When it is ready, you will see here:")
        notice.setObjectName("placeholderNotice")
        notice.setWordWrap(True)
        notice.setStyleSheet(
            f"background: {theme.PANEL_BACKGROUND}; border-left: 6px solid {theme.ORANGE};"
            "padding: 12px; font-weight: bold;"
        )
        layout.addWidget(notice)

        bullets = QLabel("".join(f"<p>• {item}</p>" for item in planned))
        bullets.setTextFormat(Qt.TextFormat.RichText)
        bullets.setWordWrap(True)
        bullets.setFont(theme.font(theme.BASE_PT + 1))
        layout.addWidget(bullets)
        layout.addStretch(1)

    def is_ready(self) -> bool:
        return True
