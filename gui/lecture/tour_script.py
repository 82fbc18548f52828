"""The guided tour's script: the whole story as numbered steps, in the room's words.

Each step names the panel it shows, what the presenter says (two or three sentences for
people who have never trained a model: the plain word first, the field's term beside
it), and the live demonstration it runs (a key of `gui.lecture.tour.ACTIONS`, "" for none).
Auto-play holds a step until its demonstration has finished; `seconds` is the least
reading time of its result, for a step whose result takes longer to read.

Kept as data, apart from the code, so the story can be rewritten without touching Qt.
The texts are the English sources, marked for translation (QT_TRANSLATE_NOOP, context
"TourScript"); people see them through `TourStep.shown_title()` / `shown_narration()`,
in the chosen language, with `{seconds}` and `{word}` filled in from the constants below.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate

# The question asked across the fine-tuning and feedback steps: about the model's little
# world, and held out from the fine-tuning pairs (the model never learned its answer).
TOUR_QUESTION = "Where does the owl sleep at night?"
# The word the one-sided judge in the feedback steps keeps rewarding, and how many times.
BIASED_WORD = "sea"
BIASED_CLICKS = 30  # enough for a measurable change (tests/test_alignment.py uses the same)
TRAIN_SECONDS = 20


@dataclass(frozen=True)
class TourStep:
    """One step of the guided tour."""

    panel: str  # a key of gui.panels.PANELS
    title: str  # a few plain words, shown large (the English source: see shown_title)
    narration: str  # two or three sentences for the room (the English source)
    action: str = ""  # a key of gui.lecture.tour.ACTIONS ("" : nothing to run)
    # The part of the panel the step is about (its panel's `tour_part(shows)`), scrolled
    # into view as the step opens and again when its result is in: at a lecture's text
    # size, under the tour's caption, it is often below the fold. "" : the panel as it is.
    shows: str = ""
    # Where to look once its result is in, when that is another part ("": `shows` again):
    # the feedback step asks the room to click an answer, then its result is the charts.
    shows_after: str = ""
    seconds: int = 0  # the least reading time of its result on auto-play (0: the chosen time)

    def shown_title(self) -> str:
        """The title as people read it: in the chosen language, its fields filled in."""
        return _fill(translate("TourScript", self.title))

    def shown_narration(self) -> str:
        """The narration as people hear it: in the chosen language, its fields filled in."""
        return _fill(translate("TourScript", self.narration))


def _fill(text: str) -> str:
    return text.replace("{seconds}", str(TRAIN_SECONDS)).replace("{word}", BIASED_WORD)


STEPS: tuple[TourStep, ...] = (
    TourStep(
        "data",
        QT_TRANSLATE_NOOP("TourScript", "A model is what it reads"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Everything this little model will ever know comes from the text we give it to read "
            "(the training data, or corpus). The app has two: a library of 18 real, public-domain"
            " books (sea stories, fairy tales, natural history, Shakespeare) and a small made-up "
            "world generated from templates, which the panel names as made up. We start with the "
            "text the app's own model learned from."),
        "load_default_mix",
        shows="sources",
    ),
    TourStep(
        "data",
        QT_TRANSLATE_NOOP("TourScript", "Cleaning before reading"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Raw text is never ready to read: these books come wrapped in licences, contents "
            "pages, headings and broken lines, and they use slurs of their time, so they are "
            "cleaned before any training (data curation). Each step shows what it threw away, "
            "crossed out, with the count beside it."),
        "show_cleaning",
        shows="cleaning",
    ),
    TourStep(
        "tokens",
        QT_TRANSLATE_NOOP("TourScript", "Cutting text into pieces"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "A model never sees letters or whole words: it reads pieces of words (tokens), each "
            "with a number (its token id). The pieces are learned from the text itself: frequent "
            "words stay whole, rarer ones are cut into pieces the tokenizer has seen often. Here "
            "is how ours really cuts “headache” and “stomachache”."),
        "split_headache",
        shows="word pieces",
    ),
    TourStep(
        "windows",
        QT_TRANSLATE_NOOP("TourScript", "A guessing game"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Training is one simple game played millions of times: read a few pieces (a window), "
            "then guess the piece that comes next (next-token prediction). No one has to label "
            "anything, because the text itself holds every answer (self-supervised learning)."),
        "cat_windows",
        shows="windows",
    ),
    TourStep(
        "windows",
        QT_TRANSLATE_NOOP("TourScript", "Learning from nothing, for {seconds} seconds"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Now a brand-new model, with random numbers inside, plays that game for real on this "
            "laptop. Watch its mistakes (the loss) fall from pure guessing on the curve, and its "
            "guesses for the window grow more confident."),
        "train_20s",
        shows="loss curve",
    ),
    TourStep(
        "embeddings",
        QT_TRANSLATE_NOOP("TourScript", "Words that keep company"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "{seconds} seconds is only a start, so we switch back to the model that came with the"
            " app, which has read far more. Inside it, every word is a long list of numbers (an "
            "embedding), and on a flat map words the books use alike land close. Here are the "
            "measured nearest words of “sea”, whatever they turn out to be."),
        "sea_neighbours",
        shows="map",
    ),
    TourStep(
        "windows",
        QT_TRANSLATE_NOOP("TourScript", "Looking inside"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Inside, the model reads in four layers (blocks); in each, small attention heads pick"
            " which earlier pieces to look at, drawn here as little squares. Reading its guess "
            "after every layer (the logit lens) shows the answer forming, and the map counts the "
            "million numbers (parameters) it is made of."),
        "look_inside",
    ),
    TourStep(
        "finetune",
        QT_TRANSLATE_NOOP("TourScript", "It continues, it does not answer"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "After all that reading, the model is a next-word machine (a pre-trained or base "
            "model). Ask it a question and see what it does: it learned to continue text, not to "
            "reply, so it may carry on or write another question. The checks under its answer are"
            " measured from what it wrote just now."),
        "ask_before",
        shows="answers",
    ),
    TourStep(
        "finetune",
        QT_TRANSLATE_NOOP("TourScript", "Teaching it to answer"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "So we show it a few hundred questions, each paired with a good answer (supervised "
            "fine-tuning). Only the answers count in its lessons: the question is read but never "
            "learned (the prompt is masked)."),
        "finetune",
        shows="tabs",
    ),
    TourStep(
        "finetune",
        QT_TRANSLATE_NOOP("TourScript", "Now it replies"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "The same question again, put to the model before and after those lessons, under the "
            "same rules. Under each answer: does it stop, ask nothing back, stay on topic, and is"
            " it correct (the reference answer's key words)? The table counts the same on "
            "questions about subjects it never trained on."),
        "ask_after",
        shows="answers",
    ),
    TourStep(
        "chat",
        QT_TRANSLATE_NOOP("TourScript", "Two answers, one choice"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "The last step learns from people (RLHF, reinforcement learning from human feedback)."
            " For one question the model writes two different answers, and a person picks the "
            "better one: click it now. If no one does, the tour picks by a fixed rule and says "
            "which."),
        "two_answers",
        shows="answers",
    ),
    TourStep(
        "chat",
        QT_TRANSLATE_NOOP("TourScript", "One click changes the model"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "That single choice updates the model on the spot (a preference update). The charts "
            "show whether it already agreed before learning, how much more it now favours the "
            "picked answer, how far it has moved from where it started, and what its answers cost"
            " in made-up words."),
        "give_feedback",
        shows="answers",
        shows_after="charts",
    ),
    TourStep(
        "chat",
        QT_TRANSLATE_NOOP("TourScript", "Whoever judges, shapes it"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Feedback can push a model anywhere. A judge who always rewards answers that mention "
            "“{word}” soon makes a model that mentions it more often: a biased judge makes a "
            "biased model. Watch the quality chart beside it: what the bias costs."),
        "biased_judge",
        shows="trait",
    ),
    TourStep(
        "chat",
        QT_TRANSLATE_NOOP("TourScript", "Three pillars"),
        QT_TRANSLATE_NOOP(
            "TourScript",
            "Reading gave it words, worked examples taught it to answer, and people's choices "
            "shaped how it answers: pre-training, fine-tuning and feedback. “Reset the demo” puts"
            " everything back the way it started."),
        "stage_strip",
        shows="stages",
    ),
)
