"""Argument types for `python -m engine`: numbers and texts checked where they are typed.

argparse calls these on the raw strings; a refusal (ArgumentTypeError) ends the command
with exit code 2 and a message naming the option, before anything is loaded or trained.
NaN, infinity, negative counts, zero samples and absurd sizes never reach the engine
(`--seconds nan` used to train forever, `--k -1` to raise deep inside).
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable

from engine.bounded_input import quote

MAX_SEED = 2**31 - 1  # room for seed + i in every random generator we seed (numpy: < 2**32)
MAX_TEXT_CHARS = 100_000  # a prompt or a text to tokenize: pages, not books
MAX_RANKER_CHARS = 200  # "reversed:prefers-word:sea" is 25


def _number(text: str, kind: Callable[[str], float | int]) -> float | int:
    try:
        return kind(text)
    except ValueError:
        noun = "a whole number" if kind is int else "a number"
        raise argparse.ArgumentTypeError(f"{quote(text, 30)} is not {noun}") from None


def whole(lo: int, hi: int) -> Callable[[str], int]:
    """A whole number from lo to hi."""

    def parse(text: str) -> int:
        if len(text.strip().lstrip("+-")) > 30:
            raise argparse.ArgumentTypeError(f"{quote(text, 30)} is far too large (at most {hi:,})")
        value = _number(text, int)
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value:,} is out of range: use {lo:,} to {hi:,}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


def real(lo: float, hi: float, lo_open: bool = False) -> Callable[[str], float]:
    """A finite number from lo (excluded when lo_open) to hi."""

    def parse(text: str) -> float:
        value = _number(text, float)
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{quote(text, 30)} is not a finite number")
        if value < lo or (lo_open and value == lo) or value > hi:
            above = "above" if lo_open else "from"
            raise argparse.ArgumentTypeError(f"{value:g} is out of range: use {above} {lo:g} to {hi:g}")
        return value

    parse.__name__ = "number"
    return parse


def text(max_chars: int = MAX_TEXT_CHARS) -> Callable[[str], str]:
    """A non-empty text of at most max_chars characters."""

    def parse(value: str) -> str:
        if not value.strip():
            raise argparse.ArgumentTypeError("it is empty: give some text")
        if len(value) > max_chars:
            raise argparse.ArgumentTypeError(
                f"{quote(value, 40)} is too long (at most {max_chars:,} characters)")
        return value

    parse.__name__ = "text"
    return parse


def out_folder(value: str) -> str:
    """A folder a checkpoint may be saved to: free, or a checkpoint of ours."""
    from engine.checkpoint import CheckpointError, check_save_target

    if not value.strip():
        raise argparse.ArgumentTypeError("it is empty: give a folder name")
    try:
        check_save_target(value)
    except CheckpointError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def new_file(value: str) -> str:
    """A path for a new file: the command writes it, so it must not exist yet (a person's
    file of that name would be lost)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("it is empty: give a file name")
    if os.path.lexists(value):
        raise argparse.ArgumentTypeError(
            f"{quote(value)} already exists; nothing was written. Choose a new file name "
            "(this command never replaces a file).")
    return value


def seed(text_: str) -> int:
    return whole(0, MAX_SEED)(text_)


seed.__name__ = "seed"
ranker = text(MAX_RANKER_CHARS)
