"""`python -m engine`: the engine without a screen, for scripts, benchmarks and checks.

The parser is put together here from each pillar's subcommands; `main` runs one and turns
a problem with the person's input into one line and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

import torch

# Each command imports the engine parts it needs inside it: `--help` and a refused
# argument answer without loading the session, corpus and alignment modules (about
# 0.25 s of CPU of the ~1.9 s start measured here; torch is most of the rest).
from engine import cli_args as a
from engine.cli import alignment, finetuning, pretraining
from engine.cli.common import (
    EXIT_BAD_INPUT,
    MAX_MESSAGE_CHARS,
    OneLineParser,
    Output,
    shipped_stage,
)
from engine.stages import PRETRAINED


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m engine", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_: str, fn: Callable) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print one JSON object per line")
        p.add_argument("--threads", type=a.whole(1, 64), default=1,
                       help="torch threads (default 1: on a busy 2-core machine, 2 threads made "
                            "sampling several times slower)")
        p.set_defaults(fn=fn)
        return p

    def add_model_choice(p: argparse.ArgumentParser) -> None:
        p.add_argument("--checkpoint", help="a checkpoint folder (default: the shipped model)")
        p.add_argument("--stage", type=shipped_stage, default=PRETRAINED,
                       help="a shipped stage: pre-trained, fine-tuned or aligned (or base, sft)")

    pretraining.add_commands(add, add_model_choice)
    finetuning.add_commands(add, add_model_choice)
    alignment.add_commands(add, add_model_choice)
    return parser


def main(argv: list[str] | None = None) -> int:
    from engine.checkpoint import CheckpointError
    from engine.corpus.userfiles import UserTextError
    from engine.pretraining.probes import ProbeError
    from engine.tokenizers import TokenizerError

    args = build_parser().parse_args(argv)
    torch.set_num_threads(args.threads)
    out = Output(args.json)
    try:
        return args.fn(args, out)
    except (UserTextError, CheckpointError, ProbeError, TokenizerError, ValueError, OSError) as e:
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        if args.json:
            print(json.dumps({"event": "error", "message": message}), flush=True)
        print(f"error: {message}", file=sys.stderr, flush=True)
        return EXIT_BAD_INPUT
