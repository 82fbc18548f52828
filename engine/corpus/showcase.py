"""Examples the panels show, chosen by scripts from measurements (never by hand).

- ``bpe_examples.json``: words the library BPE really splits into a shared learned piece
  (written by ``scripts/pick_bpe_examples.py`` from the tokenizer's merges);
- ``embedding_presets.json``: words whose nearest neighbours on the shipped model were
  measured, hits and misses alike (written by ``scripts/pick_embedding_presets.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BPE_EXAMPLES = DATA_DIR / "bpe_examples.json"
EMBEDDING_PRESETS = DATA_DIR / "embedding_presets.json"


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # not built yet: the panels fall back to what the person types


def bpe_example_words() -> list[str]:
    """Words that share a learned piece: two of each shared ending, then two-word splits."""
    data = _read(BPE_EXAMPLES)
    words = [w["word"] for fam in data.get("families", [])[:3] for w in fam["words"][:2]]
    words += [c["word"] for c in data.get("compounds", [])[:3]]
    return words


def embedding_presets() -> list[dict]:
    """[{"word": "sea", "expected": [...], "measured": [...], "hit": bool}, ...]."""
    return list(_read(EMBEDDING_PRESETS).get("presets", []))
