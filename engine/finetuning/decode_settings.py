"""How answers are written when they are measured: one small typed setting, no torch.

The GUI builds these for its commands to the engine worker; it never imports torch
(importing it takes 1-2 s, a freeze when a panel is made), so this lives apart from
`answer_scoring`, which uses it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DecodeSettings:
    """How outputs are written when answers are measured. Defaults: repeatable."""

    max_new_tokens: int = 32  # longer than any bundled answer (at most 31 tokens with <end>)
    greedy: bool = True  # always the most likely token: the same output every time
    temperature: float = 0.7  # used only when greedy is False
    top_k: int | None = None
    seed: int = 0


__all__ = ["DecodeSettings"]
