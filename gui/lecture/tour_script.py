"""The guided tour's script: the whole story as numbered steps, in the room's words.

Each step names the panel it shows, what the presenter says (two or three sentences for
people who have never trained a model: the plain word first, the field's term beside
it), and the live demonstration it runs (a key of `gui.lecture.tour.ACTIONS`, "" for none).
Auto-play holds a step until its demonstration has finished; `seconds` is the least
reading time of its result, for a step whose result takes longer to read.

Kept as data, apart from the code, so the story can be rewritten without touching Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    title: str  # a few plain words, shown large
    narration: str  # two or three sentences for the room
    action: str = ""  # a key of gui.lecture.tour.ACTIONS ("" : nothing to run)
    seconds: int = 0  # the least reading time of its result on auto-play (0: the chosen time)


STEPS: tuple[TourStep, ...] = (
    TourStep(
        "data",
        "A model is what it reads",
        "Everything this little model will ever know comes from the text we give it to read "
        "(the training data, or corpus). The app has two: a library of 18 real, public-domain "
        "books (sea stories, fairy tales, natural history, Shakespeare) and a small made-up "
        "world generated from templates, which the panel names as made up. We start with the "
        "text the app's own model learned from.",
        "load_default_mix",
    ),
    TourStep(
        "data",
        "Cleaning before reading",
        "Raw text is never ready to read: these books come wrapped in licences, contents "
        "pages, headings and broken lines, and they use slurs of their time, so they are "
        "cleaned before any training (data curation). Each step shows what it threw away, "
        "crossed out, with the count beside it.",
        "show_cleaning",
    ),
    TourStep(
        "tokens",
        "Cutting text into pieces",
        "A model never sees letters or whole words: it reads pieces of words (tokens), each "
        "with a number (its token id). The pieces are learned from the text itself: frequent "
        "words stay whole, rarer ones are cut into pieces the tokenizer has seen often. Here "
        "is how ours really cuts “headache” and “stomachache”.",
        "split_headache",
    ),
    TourStep(
        "windows",
        "A guessing game",
        "Training is one simple game played millions of times: read a few pieces (a window), "
        "then guess the piece that comes next (next-token prediction). No one has to label "
        "anything, because the text itself holds every answer (self-supervised learning).",
        "cat_windows",
    ),
    TourStep(
        "windows",
        f"Learning from nothing, for {TRAIN_SECONDS} seconds",
        "Now a brand-new model, with random numbers inside, plays that game for real on this "
        "laptop. Watch its mistakes (the loss) fall from pure guessing on the curve, and its "
        "guesses for the window grow more confident.",
        "train_20s",
    ),
    TourStep(
        "embeddings",
        "Words that keep company",
        f"{TRAIN_SECONDS} seconds is only a start, so we switch back to the model that came "
        "with the app, which has read far more. Inside it, every word is a long list of numbers (an "
        "embedding), and on a flat map words the books use alike land close. Here are the "
        "measured nearest words of “sea”, whatever they turn out to be.",
        "sea_neighbours",
    ),
    TourStep(
        "windows",
        "Looking inside",
        "Inside, the model reads in four layers (blocks); in each, small attention heads pick "
        "which earlier pieces to look at, drawn here as little squares. Reading its guess "
        "after every layer (the logit lens) shows the answer forming, and the map counts the "
        "million numbers (parameters) it is made of.",
        "look_inside",
    ),
    TourStep(
        "finetune",
        "It continues, it does not answer",
        "After all that reading, the model is a next-word machine (a pre-trained or base "
        "model). Ask it a question and see what it does: it learned to continue text, not "
        "to reply, so it may carry on or write another question. The checks under its "
        "answer are measured from what it wrote just now.",
        "ask_before",
    ),
    TourStep(
        "finetune",
        "Teaching it to answer",
        "So we show it a few hundred questions, each paired with a good answer "
        "(supervised fine-tuning). Only the answers count in its lessons: the question is "
        "read but never learned (the prompt is masked).",
        "finetune",
    ),
    TourStep(
        "finetune",
        "Now it replies",
        "The same question again, put to the model before and after those lessons, under "
        "the same rules. Under each answer: does it stop, ask nothing back, stay on topic, "
        "and is it correct (the reference answer's key words)? The table counts the same on "
        "questions about subjects it never trained on.",
        "ask_after",
    ),
    TourStep(
        "chat",
        "Two answers, one choice",
        "The last step learns from people (RLHF, reinforcement learning from human "
        "feedback). For one question the model writes two different answers, and a person "
        "picks the better one: click it now. If no one does, the tour picks by a fixed rule "
        "and says which.",
        "two_answers",
    ),
    TourStep(
        "chat",
        "One click changes the model",
        "That single choice updates the model on the spot (a preference update). The charts "
        "show whether it already agreed before learning, how much more it now favours the "
        "picked answer, how far it has moved from where it started, and what its answers "
        "cost in made-up words.",
        "give_feedback",
    ),
    TourStep(
        "chat",
        "Whoever judges, shapes it",
        f"Feedback can push a model anywhere. A judge who always rewards answers that "
        f"mention “{BIASED_WORD}” soon makes a model that mentions it more often: a biased "
        "judge makes a biased model. Watch the quality chart beside it: what the bias costs.",
        "biased_judge",
    ),
    TourStep(
        "chat",
        "Three pillars",
        "Reading gave it words, worked examples taught it to answer, and people's choices "
        "shaped how it answers: pre-training, fine-tuning and feedback. “Reset the demo” "
        "puts everything back the way it started.",
        "stage_strip",
    ),
)
