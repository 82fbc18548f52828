"""Three ways to cut text into tokens: characters, words and byte-pair encoding.

All share the `Tokenizer` interface and reserve the same special tokens at ids
0..3 (`SPECIAL_TOKENS`), so any of them can back the model and its chat format.
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.tokenizers.base import (
    ASSISTANT,
    END,
    PAD,
    SPACING_TOKENS,
    SPECIAL_TOKENS,
    USER,
    Tokenizer,
    TokenizerError,
    split_specials,
)
from engine.tokenizers.bpe import DEFAULT_BPE_VOCAB, BPETokenizer
from engine.tokenizers.byte_pieces import MergeReplay, MergeStep, apply_merges, display_piece
from engine.tokenizers.char import CharTokenizer
from engine.tokenizers.word import WordTokenizer, split_words

__all__ = [
    "ASSISTANT",
    "DEFAULT_BPE_VOCAB",
    "END",
    "PAD",
    "SPACING_TOKENS",
    "SPECIAL_TOKENS",
    "USER",
    "BPETokenizer",
    "CharTokenizer",
    "MergeReplay",
    "MergeStep",
    "Tokenizer",
    "TokenizerError",
    "WordTokenizer",
    "apply_merges",
    "display_piece",
    "split_specials",
    "split_words",
    "train_default_bpe",
]


def train_default_bpe(texts: Iterable[str] | str) -> BPETokenizer:
    """The app's BPE: `DEFAULT_BPE_VOCAB` tokens learned from `texts`."""
    return BPETokenizer.train(texts, vocab_size=DEFAULT_BPE_VOCAB)
