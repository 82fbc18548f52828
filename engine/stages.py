"""The stages a model goes through, named once for the whole app.

One set of ids is used everywhere a stage is stored or compared: the session, its
files, the checkpoints, the command line and the GUI. Words for people are mapped here
too, so a label is changed in one place.

    untrained -> pre-trained -> fine-tuned -> aligned

The shipped checkpoint folders keep their short names ("base", "sft"; see
`engine.paths`), and the command line still accepts those as another way to say
"pre-trained" and "fine-tuned" (`stage_id`).
"""

from __future__ import annotations

UNTRAINED = "untrained"
PRETRAINED = "pre-trained"
FINETUNED = "fine-tuned"
ALIGNED = "aligned"

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
