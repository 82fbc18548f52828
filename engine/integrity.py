"""Is a saved model intact and sane? Checks shared by the checkpoint and session readers.

- `weights_sha256`: a checksum of the weights themselves (names, dtypes, shapes, bytes),
  stored beside them when saving and compared when loading, so a flipped bit on a disk or
  in a copy is refused instead of quietly changing what the model says;
- `model_config`: the saved model's description, with types and sizes checked BEFORE
  anything is allocated (a damaged file could ask for 100,000 layers);
- `weights_problem`: NaN, infinity or implausibly large numbers in a tensor (a model whose
  weights were scaled by 1e30 loads, then every prediction is NaN).
These raise or return plain `ValueError` messages; each reader wraps them in its own error
type with the file's name.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping

import torch

from engine.model import GPTConfig

# Generous bounds: the app's models are ~1 M parameters with 4 blocks of width 128.
MODEL_LIMITS = {"vocab_size": 1 << 20, "block_size": 1 << 16, "n_layer": 64, "n_head": 256,
                "n_embd": 1 << 14}
MAX_PARAMETERS = 250_000_000  # 1 GB of float32: far beyond a model that trains on a laptop
# Trained weights of this model stay within a few units; 1e4 is far outside what training
# reaches and far below where a forward pass overflows float32.
MAX_ABS_WEIGHT = 1e4


def weights_sha256(tensors: Mapping[str, torch.Tensor]) -> str:
    """A hex SHA-256 of the tensors, independent of how a file lays them out."""
    h = hashlib.sha256()
    for name in sorted(tensors):
        t = tensors[name].detach().cpu().contiguous()
        h.update(f"{name}\0{t.dtype}\0{tuple(t.shape)}\0".encode())
        h.update(memoryview(t.view(torch.uint8).reshape(-1).numpy()))
    return h.hexdigest()


def model_config(d: object) -> GPTConfig:
    """A GPTConfig from a saved description, refused (ValueError) when a field has the
    wrong type or a size beyond MODEL_LIMITS."""
    if not isinstance(d, dict):
        raise ValueError(f"the model's description is a {type(d).__name__}, not an object")
    for name, limit in MODEL_LIMITS.items():
        value = d.get(name, getattr(GPTConfig, name))
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"the model's {name} is {_short(value)}, not a whole number")
        if not 1 <= value <= limit:
            raise ValueError(f"the model's {name} is {value:,} (it must be 1 to {limit:,})")
    dropout = d.get("dropout", 0.0)
    if isinstance(dropout, bool) or not isinstance(dropout, (int, float)) or not 0 <= dropout < 1:
        raise ValueError(f"the model's dropout is {_short(dropout)} (it must be from 0 to below 1)")
    if not isinstance(d.get("bias", False), bool):
        raise ValueError(f"the model's bias is {_short(d.get('bias'))}, not true or false")
    config = GPTConfig.from_dict(d)
    n = parameter_count(config)
    if n > MAX_PARAMETERS:
        raise ValueError(f"the model would have {n:,} parameters (at most {MAX_PARAMETERS:,})")
    return config


def parameter_count(c: GPTConfig) -> int:
    """Weights of a TinyGPT of this shape (the head is tied to the token table)."""
    per_block = 12 * c.n_embd * c.n_embd + 4 * c.n_embd  # attention 4 d^2, MLP 8 d^2, norms
    return c.vocab_size * c.n_embd + c.block_size * c.n_embd + c.n_layer * per_block + c.n_embd


def weights_problem(t: torch.Tensor) -> str | None:
    """What is wrong with a weight tensor's numbers, or None."""
    if not t.is_floating_point():
        return f"holds {t.dtype} numbers, not floating point"
    if not torch.isfinite(t).all():
        return "contains NaN or infinity"
    if t.numel() and (biggest := float(t.abs().max())) > MAX_ABS_WEIGHT:
        return (f"holds a number as large as {biggest:.3g} (a trained model's stay far "
                f"below {MAX_ABS_WEIGHT:g})")
    return None


def _short(value: object, limit: int = 40) -> str:
    text = repr(value)
    if isinstance(value, float) and not math.isfinite(value):
        return text
    return text if len(text) <= limit else text[: limit - 1] + "…"
