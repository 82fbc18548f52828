"""Where the model's numbers live: its parts, their shapes and counts, and how much they move.

`parameter_map` lists every part (embedding tables, each block's norms, attention and
MLP matrices, the final norm, the output head) with the number of parameters it holds,
counted once: a part that shares its weights with another (the tied output head) is
listed with a count of 0 and says whom it shares with, so the counts add up exactly
to `model.num_parameters()`.

`WeightHistory` keeps a few copies of the weights as training goes, so the view can
say how much each part changed over the last N steps (relative L2 change).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn

# Plain words for each kind of part, by the end of its parameter name. A part not
# listed here (a new layer in engine/model.py) is shown under its own name.
_PART_WORDS: tuple[tuple[str, str], ...] = (
    ("wte.weight", "Token table (embedding)"),
    ("wpe.weight", "Position table"),
    ("ln_1.weight", "Norm before attention"),
    ("ln_1.bias", "Norm before attention, offsets"),
    ("attn.c_attn.weight", "Attention: query, key, value"),
    ("attn.c_attn.bias", "Attention: q, k, v offsets"),
    ("attn.c_proj.weight", "Attention: output"),
    ("attn.c_proj.bias", "Attention: output offsets"),
    ("ln_2.weight", "Norm before the MLP"),
    ("ln_2.bias", "Norm before the MLP, offsets"),
    ("mlp.c_fc.weight", "MLP: widen (feed-forward)"),
    ("mlp.c_fc.bias", "MLP: widen, offsets"),
    ("mlp.c_proj.weight", "MLP: narrow back"),
    ("mlp.c_proj.bias", "MLP: narrow back, offsets"),
    ("ln_f.weight", "Final norm"),
    ("ln_f.bias", "Final norm, offsets"),
    ("lm_head.weight", "Output head (scores every token)"),
)
_BLOCK = re.compile(r"^blocks\.(\d+)\.")


@dataclass(frozen=True)
class ParameterPart:
    """One named tensor of the model, as the map shows it."""

    name: str  # the parameter's name in the model ("blocks.0.attn.c_attn.weight")
    label: str  # plain words ("Attention: query, key, value")
    group: str  # "Embeddings", "Block 1", ..., "Output"
    shape: tuple[int, ...]
    count: int  # parameters this part adds to the total (0 when shared_with is set)
    shared_with: str = ""  # the part whose numbers this one reuses (tied head), else ""


def _label(name: str) -> str:
    for suffix, words in _PART_WORDS:
        if name.endswith(suffix):
            return words
    return name


def _group(name: str) -> str:
    match = _BLOCK.match(name)
    if match:
        return f"Block {int(match.group(1)) + 1}"
    if name.startswith(("wte.", "wpe.")):
        return "Embeddings"
    return "Output"


def parameter_map(model: nn.Module) -> tuple[ParameterPart, ...]:
    """Every parameter tensor in the model's own order; counts sum to num_parameters()."""
    first_name: dict[int, str] = {}  # id of a tensor -> the first name it was seen under
    parts = []
    for name, p in model.named_parameters(remove_duplicate=False):
        shared = first_name.get(id(p), "")
        first_name.setdefault(id(p), name)
        parts.append(ParameterPart(
            name=name, label=_label(name), group=_group(name), shape=tuple(p.shape),
            count=0 if shared else p.numel(), shared_with=shared,
        ))
    return tuple(parts)


def as_image(weights: np.ndarray) -> np.ndarray:
    """Any parameter as a 2-D picture: a matrix as it is, a vector as one row."""
    if weights.ndim == 1:
        return weights.reshape(1, -1)
    return weights.reshape(weights.shape[0], -1)


def part_weights(model: nn.Module, name: str) -> np.ndarray:
    """A read-only 2-D numpy copy of one part's weights (see `as_image`)."""
    params = dict(model.named_parameters(remove_duplicate=False))
    if name not in params:
        raise ValueError(f"The model has no part called {name!r}.")
    image = as_image(params[name].detach().cpu().numpy().copy())
    image.flags.writeable = False
    return image


def relative_change(before, after) -> float:
    """||after - before|| / ||before|| (L2 over all entries): 0.05 means it moved by 5 %.

    Tensors or arrays. subtle: torch, not np.linalg.norm, whose BLAS threads measured
    30x slower on the two shared cores (1.5 s for one model's worth).
    """
    before = torch.as_tensor(before, dtype=torch.float64)
    after = torch.as_tensor(after, dtype=torch.float64)
    base = float(torch.linalg.vector_norm(before))
    moved = float(torch.linalg.vector_norm(after - before))
    if base == 0.0:
        return 0.0 if moved == 0.0 else float("inf")
    return moved / base


@dataclass(frozen=True)
class WeightChange:
    """How much each part moved between two moments of training (clock: tokens read)."""

    from_clock: int
    to_clock: int
    relative: dict[str, float]  # part name -> relative L2 change (shared parts left out)


class WeightHistory:
    """A few copies of the weights taken as the training clock moves, oldest first.

    The clock is whatever only grows while a model trains (the tokens it has read).
    At most `max_records` copies are kept (each is one model's worth of numbers,
    ~4 MB for the default model), spaced so that the oldest is just over `span` old.
    """

    def __init__(self, max_records: int = 8):
        if max_records < 2:
            raise ValueError("a weight history needs room for at least 2 records")
        self.max_records = max_records
        self.records: list[tuple[int, dict[str, torch.Tensor]]] = []  # (clock, weight copies)
        self._model_id: int | None = None

    def record(self, model: nn.Module, clock: int, span: int) -> None:
        """Keep a copy of the weights at `clock` if it is far enough from the last one."""
        if id(model) != self._model_id or (self.records and clock < self.records[-1][0]):
            self.records, self._model_id = [], id(model)  # another model, or a new run
        stride = max(1, span // (self.max_records - 2))
        if self.records and clock - self.records[-1][0] < stride:
            return
        weights = {name: p.detach().clone() for name, p in model.named_parameters()}
        self.records.append((clock, weights))
        # Drop what is older than the newest record that already spans `span`.
        old_enough = [i for i, (c, _) in enumerate(self.records) if clock - c >= span]
        if old_enough:
            self.records = self.records[old_enough[-1]:]
        self.records = self.records[-self.max_records:]

    def change(self, model: nn.Module, clock: int, span: int) -> WeightChange | None:
        """Each part's change from about `span` ago (or the oldest copy kept) to now."""
        if id(model) != self._model_id or not self.records:
            return None
        base_clock, base = self.records[0]
        for c, weights in self.records:
            if clock - c >= span:
                base_clock, base = c, weights
        if base_clock >= clock:
            return None
        relative = {
            name: relative_change(base[name], p.detach())
            for name, p in model.named_parameters() if name in base
        }
        return WeightChange(from_clock=base_clock, to_clock=clock, relative=relative)
