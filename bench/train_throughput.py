"""Training throughput: the engine's generator against a plain minimal loop.

Both train the default model on the same data for the same number of steps, in
alternating rounds in one process (so machine load hits both alike), and the script
prints tokens/s of each and their ratio. Goal: engine >= 0.95 x plain.

    python bench/train_throughput.py [--rounds 3] [--steps 60] [--threads 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from engine.model import GPTConfig, TinyGPT  # noqa: E402
from engine.optim import make_optimizer  # noqa: E402
from engine.pretraining.trainer import PreTrainer, TrainConfig  # noqa: E402
from engine.session.core import Session  # noqa: E402


def plain_loop(model: TinyGPT, ids: np.ndarray, steps: int, config: TrainConfig) -> float:
    """The textbook loop: sample, forward, backward, clip, step. Returns seconds.

    Its optimiser is the recipe's own (Muon + AdamW by default, see engine/optim.py), so
    the ratio measures the engine's overhead, not a difference of optimisers.
    """
    opt = make_optimizer(model, config)
    rng = np.random.default_rng(config.seed)
    T, B = model.config.block_size, config.batch_size
    start = time.perf_counter()
    for _ in range(steps):
        starts = rng.integers(0, len(ids) - T - 1, size=B)
        chunk = np.stack([ids[s : s + T + 1] for s in starts])
        x = torch.from_numpy(chunk[:, :-1].copy())
        y = torch.from_numpy(chunk[:, 1:].copy())
        _, loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_clip)
        opt.step()
        loss.item()
    return time.perf_counter() - start


def engine_loop(model: TinyGPT, ids: np.ndarray, held: np.ndarray, steps: int, config: TrainConfig) -> float:
    trainer = PreTrainer(model, ids, held, config)
    start = time.perf_counter()
    gen = trainer.run()
    for _ in range(steps):
        next(gen)
    gen.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    session = Session(seed=0)
    ids, held = session.token_ids()
    config = TrainConfig(seed=0)
    tokens = args.steps * config.batch_size * GPTConfig().block_size
    rates = {"engine": [], "plain": []}
    for r in range(args.rounds):
        for name in ("engine", "plain") if r % 2 == 0 else ("plain", "engine"):
            torch.manual_seed(0)
            model = TinyGPT(GPTConfig(vocab_size=session.tokenizer.vocab_size))
            secs = (engine_loop(model, ids, held, args.steps, config) if name == "engine"
                    else plain_loop(model, ids, args.steps, config))
            rates[name].append(tokens / secs)
            print(f"round {r + 1} {name:6s} {tokens / secs:8,.0f} tokens/s", flush=True)
    eng, plain = np.median(rates["engine"]), np.median(rates["plain"])
    print(f"median engine {eng:,.0f} tokens/s, plain {plain:,.0f} tokens/s, "
          f"ratio {eng / plain:.3f} (goal >= 0.95), threads {args.threads}")


if __name__ == "__main__":
    main()
