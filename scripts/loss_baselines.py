"""Held-out loss per token of a checkpoint beside two baselines that need no network:
a unigram and a bigram model counted on the same training tokens (docs/performance.md).

    python scripts/loss_baselines.py [--checkpoint assets/checkpoints/base] [--windows 400]

All three are measured on the same held-out tokens (whole chapters the model never
trained on), in nats per token. The bigram model is interpolated with the unigram one
(weight chosen on the training text, never on held-out) so unseen pairs are not infinite.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from engine import paths  # noqa: E402
from engine.session.core import Session  # noqa: E402


def ngram_losses(train: np.ndarray, held: np.ndarray, vocab: int) -> tuple[float, float]:
    """(unigram, bigram) cross-entropy of `held` in nats per token (add-one smoothing,
    bigram interpolated with the unigram at a weight fitted on the training text)."""
    uni = (np.bincount(train, minlength=vocab) + 1.0)
    uni /= uni.sum()
    pairs = np.bincount(train[:-1] * vocab + train[1:], minlength=vocab * vocab).reshape(vocab, vocab)
    rows = pairs.sum(axis=1, keepdims=True)

    def loss(ids: np.ndarray, lam: float) -> float:
        a, b = ids[:-1], ids[1:]
        big = pairs[a, b] / np.maximum(rows[a, 0], 1)
        return float(-np.mean(np.log(lam * big + (1 - lam) * uni[b])))

    fit = train[-200_000:]  # the end of the training stream chooses the weight
    lam = min(np.linspace(0.05, 0.95, 19), key=lambda x: loss(fit, x))
    return float(-np.mean(np.log(uni[held]))), loss(held, lam)


def model_loss(session: Session, held: np.ndarray, windows: int, seed: int = 0) -> float:
    """The model's mean next-token loss over `windows` fixed held-out windows."""
    block = session.model.config.block_size
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, len(held) - block - 1, size=windows)
    x = torch.from_numpy(np.stack([held[s:s + block] for s in starts]))
    y = torch.from_numpy(np.stack([held[s + 1:s + block + 1] for s in starts]))
    session.model.eval()
    with torch.no_grad():
        losses = [session.model(x[i:i + 32], y[i:i + 32])[1].item() for i in range(0, windows, 32)]
    return float(np.mean(losses))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=paths.stage_checkpoint("base"))
    parser.add_argument("--windows", type=int, default=384)
    args = parser.parse_args(argv)
    session = Session.from_checkpoint(args.checkpoint)
    train, held = session.token_ids()
    vocab = session.ensure_tokenizer().vocab_size
    unigram, bigram = ngram_losses(train, held, vocab)
    model = model_loss(session, held, args.windows)
    print(f"held-out tokens {len(held):,} (train {len(train):,}), vocabulary {vocab:,}")
    print(f"unigram {unigram:.3f}  bigram {bigram:.3f}  model {model:.3f} nats/token "
          f"({args.checkpoint})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
