"""What every `python -m engine` subcommand shares: the one-line parser, the output, the model.

A refusal is one line (exit code 2); `Output` prints human lines or one JSON object per line.
"""

from __future__ import annotations

import argparse
import json

# Each command imports the engine parts it needs inside it: `--help` and a refused
# argument answer without loading the session, corpus and alignment modules (about
# 0.25 s of CPU of the ~1.9 s start measured here; torch is most of the rest).
from engine.stages import PRETRAINED, TRAINED_STAGES, stage_id

EXIT_BAD_INPUT = 2
MAX_MESSAGE_CHARS = 400  # one line a person reads, not a dump of their input


class OneLineParser(argparse.ArgumentParser):
    """argparse whose refusals are one line: what was wrong; the usage is a --help away."""

    def error(self, message: str):  # type: ignore[override]
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        self.exit(EXIT_BAD_INPUT, f"error: {message} (see {self.prog} --help)\n")


def shipped_stage(text: str) -> str:
    """--stage: a trained stage's id, or its short name ("base", "sft"), as the id."""
    try:
        stage = stage_id(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    if stage not in TRAINED_STAGES:
        raise argparse.ArgumentTypeError(f"no model is shipped for the {stage} stage")
    return stage


class Output:
    """Prints either human-readable lines or one JSON object per line."""

    def __init__(self, as_json: bool):
        self.as_json = as_json

    def emit(self, obj: dict, human: str) -> None:
        print(json.dumps(obj) if self.as_json else human, flush=True)


def load_session(args: argparse.Namespace):
    from engine.session.core import Session

    if getattr(args, "checkpoint", None):
        return Session.from_checkpoint(args.checkpoint)
    return Session.from_default(getattr(args, "stage", None) or PRETRAINED)
