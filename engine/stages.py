"""The stages a model goes through, named once for the whole app.

One set of ids is used everywhere a stage is stored or compared: the session, its
files, the checkpoints, the command line and the GUI. Words for people are mapped here
too, so a label is changed in one place.

    untrained -> pre-trained -> fine-tuned -> aligned

What the app calls the live model at a moment (`shown_stage`) also says when a job is
making it: "training" while a pre-training run is under way, "fine-tuning" while a
fine-tuning run is. A model is called pre-trained only once it finished a pre-training
run or was loaded as one: a brand-new model at step 14 is still "training".

The shipped checkpoint folders keep their short names ("base", "sft"; see
`engine.paths`), and the command line still accepts those as another way to say
"pre-trained" and "fine-tuned" (`stage_id`).
"""

from __future__ import annotations

UNTRAINED = "untrained"
PRETRAINED = "pre-trained"
FINETUNED = "fine-tuned"
ALIGNED = "aligned"

# Shown while a job makes the model (never stored: a checkpoint has one of STAGES).
TRAINING = "training"
FINE_TUNING = "fine-tuning"

STAGES = (UNTRAINED, PRETRAINED, FINETUNED, ALIGNED)  # in the order a model goes through them
TRAINED_STAGES = (PRETRAINED, FINETUNED, ALIGNED)  # the stages a checkpoint is shipped for

# Short names: the shipped folders' and the first command line's ("base", "sft").
ALIASES = {"base": PRETRAINED, "sft": FINETUNED}

# For people: a short label, and what a model at that stage does.
LABELS = {UNTRAINED: "Untrained", PRETRAINED: "Pre-trained", FINETUNED: "Fine-tuned", ALIGNED: "Aligned"}
DOES = {
    UNTRAINED: "guesses at random",
    PRETRAINED: "continues text",
    FINETUNED: "answers",
    ALIGNED: "follows feedback",
}


def stage_id(name: str) -> str:
    """The stage id for `name` (an id or a short name such as "base"), else ValueError."""
    key = str(name).strip().lower()
    key = ALIASES.get(key, key)
    if key not in STAGES:
        known = ", ".join([*STAGES, *ALIASES])
        raise ValueError(f"Unknown stage {name!r}: use one of {known}.")
    return key


def stage_label(stage: str) -> str:
    """A stage's label for people, e.g. "Pre-trained"."""
    return LABELS[stage_id(stage)]


def shown_stage(stage: str, job: str | None = None, paused: bool = False,
                began_untrained: bool = False) -> str:
    """What to call the live model now, from facts: `stage` is what it finished or was
    loaded as (the engine's), `job` the model job holding it ("training", "fine-tuning",
    "ranker" or None), `began_untrained` whether that training run started from a new
    model (from scratch, or with no model at all).

    A running pre-training run is "training"; a paused one too while its model has never
    finished a run (a new model paused at step 14 is not pre-trained yet). A running
    fine-tune is "fine-tuning". Otherwise the stage itself.
    """
    if job == TRAINING and (not paused or began_untrained):
        return TRAINING
    if job == FINE_TUNING and not paused:
        return FINE_TUNING
    return stage_id(stage)
