"""`python -m engine`: the engine without a screen, for scripts, benchmarks and checks.

Every subcommand has --help and a --json mode that prints one JSON object per line.
A problem with the person's input ends the command with exit code 2 and one line that
says what is wrong, never a traceback.

One module per pillar holds its subcommands (pretraining, finetuning, alignment);
common.py what they share; core.py puts the parser together and runs a command.
"""

from engine.cli.common import EXIT_BAD_INPUT, MAX_MESSAGE_CHARS
from engine.cli.core import build_parser, main

__all__ = ["EXIT_BAD_INPUT", "MAX_MESSAGE_CHARS", "build_parser", "main"]
