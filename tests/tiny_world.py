"""A small, fast stand-in text for engine tests that don't need the bundled corpus."""

import random

import numpy as np

from engine.model import GPTConfig, TinyGPT
from engine.tokenizers import BPETokenizer

SUBJECTS = ["the cat", "a dog", "the king", "the queen", "a bird", "the child"]
VERBS = ["sat on", "looked at", "walked to", "slept near", "sang to"]
OBJECTS = ["a mat", "the sea", "the tree", "a house", "the river", "the hill"]


def tiny_text(n_sentences: int = 3000, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}." for _ in range(n_sentences)
    )


def tiny_setup(seed: int = 0):
    """(tokenizer, model, train_ids, heldout_ids) for a small model on the tiny text."""
    tok = BPETokenizer.train([tiny_text(seed=seed)], vocab_size=420)
    ids = np.array(tok.encode(tiny_text(seed=seed)), dtype=np.int64)
    held = np.array(tok.encode(tiny_text(n_sentences=300, seed=seed + 1)), dtype=np.int64)
    import torch

    torch.manual_seed(seed)
    model = TinyGPT(GPTConfig(vocab_size=tok.vocab_size, block_size=16, n_layer=2, n_head=2, n_embd=32))
    return tok, model, ids, held
