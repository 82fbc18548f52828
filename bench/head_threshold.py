"""Measure the threshold that names a sharp attention head (engine/pretraining/head_patterns.py).

Reads real passages of the training text with (a) freshly initialised default models
(the null: no head of an untrained model may be named) and (b) the shipped pre-trained
model, and prints every head's scores, the untrained maximum (which must stay well
under SHARP_SHARE) and Otsu's two-group cut of the shipped model's scores (what a cut
fitted to the model would be), with the heads the rule names.

    python bench/head_threshold.py [--passages 8] [--seeds 8] [--tokens 64]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from engine.model import GPTConfig, TinyGPT  # noqa: E402
from engine.pretraining.head_patterns import (  # noqa: E402
    PATTERNS,
    SHARP_SHARE,
    otsu_threshold,
    pattern_scores,
)  # noqa: E402
from engine.pretraining.inside import read_model  # noqa: E402
from engine.session.core import Session  # noqa: E402


def head_scores(model: TinyGPT, rows: list[list[int]]) -> np.ndarray:
    """(L, H, 3): each head's share of attention on (previous, first, self), over all rows."""
    attention = read_model(model, torch.tensor(rows, dtype=torch.long)).attention.numpy()
    return pattern_scores(attention).mean(axis=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=8)
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--tokens", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(1)
    session = Session.from_default()
    rows = [session.pretraining.passage(args.tokens, seed=s) for s in range(args.passages)]
    n = min(len(r) for r in rows)
    rows = [r[:n] for r in rows]
    # The null for the shipped model's recipe and for today's default recipe (a fresh
    # "From scratch" model), which may differ (engine/model.py's recipe switches).
    configs = {"shipped": session.model.config,
               "default": GPTConfig(vocab_size=session.model.config.vocab_size)}
    null_by = {}
    for name, config in configs.items():
        null = []
        for seed in range(args.seeds):
            torch.manual_seed(seed)
            null.append(head_scores(TinyGPT(config), rows))
        null_by[name] = float(np.max(null))
    null_max = max(null_by.values())
    trained = head_scores(session.model, rows)
    for layer in range(trained.shape[0]):
        for head in range(trained.shape[1]):
            s = trained[layer, head]
            print(f"layer {layer + 1} head {head + 1}: "
                  + "  ".join(f"{p} {v:.3f}" for p, v in zip(PATTERNS, s, strict=True)))
    cut = otsu_threshold(trained)
    named = int((trained.max(axis=-1) >= SHARP_SHARE).sum())
    print(f"passages {len(rows)} x {n} tokens; untrained max share {null_max:.3f} "
          f"(seeds 0-{args.seeds - 1}; " + ", ".join(f"{k} recipe {v:.3f}" for k, v in null_by.items())
          + f"); Otsu cut on the shipped model {cut:.3f}; "
          f"rule: share >= {SHARP_SHARE} names {named} of {trained[..., 0].size} shipped heads")


if __name__ == "__main__":
    main()
