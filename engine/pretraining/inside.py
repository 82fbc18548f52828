"""Inside the model: what each head attends to, and how the guess forms layer by layer.

`look_inside(model, tok, ids)` runs the model once on a window of token ids and
returns frozen numpy arrays:

- the attention weights of every layer and head, (L, H, T, T): row t is how query t
  shares its attention over positions 0..t (causal, each row sums to 1);
- the logit lens: after each block, the residual stream is read with the model's own
  final norm and output head (`TinyGPT.readout`), giving the top-k next-token guesses
  each layer would make. The last layer's reading is the model's real output; earlier
  layers are read with a head trained for the last one, an approximation.

How: forward hooks on the blocks and on their attention modules, attached for this one
call and removed after it, so the model's forward pays nothing when nobody looks. The
attention weights come from the attention module's own `attention_weights`, fed the
exact input its forward received, so the probe follows any change to the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import torch
import torch.nn.functional as F

from engine.model import TinyGPT
from engine.pretraining.head_patterns import HeadPattern, label_heads
from engine.pretraining.parameter_map import (
    ParameterPart,
    WeightChange,
    WeightHistory,
    parameter_map,
    part_weights,
)
from engine.tokenizers import Tokenizer


class InsideError(ValueError):
    """A window the model cannot be looked into (empty, or longer than its context)."""


@dataclass(frozen=True)
class ModelReading:
    """One run of the model on a batch of windows, with what every layer did (tensors)."""

    attention: torch.Tensor  # (B, L, H, T, T)
    residuals: torch.Tensor  # (B, L, T, C): the residual stream after each block
    logits: torch.Tensor  # (B, T, V): the model's real output


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.ascontiguousarray(a)
    a.flags.writeable = False
    return a


@torch.no_grad()
def read_model(model: TinyGPT, idx: torch.Tensor) -> ModelReading:
    """Run the model on idx (B, T) and record each block's attention and output."""
    attention: list[torch.Tensor] = []
    residuals: list[torch.Tensor] = []

    def on_attention_input(module, args, kwargs):
        attention.append(module.attention_weights(*args, **kwargs))  # (B, H, T, T)

    def on_block_output(_module, _args, output):
        residuals.append(output)  # (B, T, C)

    handles = []
    for block in model.blocks:
        handles.append(block.attn.register_forward_pre_hook(on_attention_input, with_kwargs=True))
        handles.append(block.register_forward_hook(on_block_output))
    was_training = model.training
    model.eval()
    try:
        logits, _ = model(idx)
    finally:
        for handle in handles:
            handle.remove()
        model.train(was_training)
    return ModelReading(
        attention=torch.stack(attention, dim=1),  # (B, L, H, T, T)
        residuals=torch.stack(residuals, dim=1),  # (B, L, T, C)
        logits=logits,
    )


@torch.no_grad()
def logit_lens(model: TinyGPT, reading: ModelReading) -> torch.Tensor:
    """Each layer's residual stream read out as next-token scores, (B, L, T, V)."""
    return model.readout(reading.residuals)


@dataclass(frozen=True)
class LayerGuesses:
    """The logit lens at every position: the top-k guesses after each layer (numpy)."""

    token_ids: np.ndarray  # (L, T, k) int64
    probs: np.ndarray  # (L, T, k) float32, from the softmax over the whole vocabulary
    target_prob: np.ndarray  # (L, T) float32: probability of the true next token (nan if unknown)


@dataclass(frozen=True)
class InsideView:
    """What the model did with one window, as frozen numpy arrays (safe to send)."""

    ids: tuple[int, ...]
    tokens: tuple[str, ...]
    attention: np.ndarray  # (L, H, T, T) float32
    heads: tuple[HeadPattern, ...]  # L x H, layer-major
    guesses: LayerGuesses
    token_text: dict[int, str]  # every token id in `guesses` -> its text
    parts: tuple[ParameterPart, ...] = ()
    part_name: str = ""  # the part whose weights are in `part_image` ("" for none)
    part_image: np.ndarray | None = None  # 2-D copy of that part's weights
    change: WeightChange | None = None  # how much each part moved lately
    clock: int = 0  # tokens the model had read when this was taken
    tokens_per_step: int = 0  # tokens one training step reads (turns clocks into steps)
    label_source: str = "this window"  # what the head labels were measured on

    @property
    def n_layer(self) -> int:
        return int(self.attention.shape[0])

    @property
    def n_head(self) -> int:
        return int(self.attention.shape[1])


def _check_ids(model: TinyGPT, ids: Sequence[int]) -> list[int]:
    ids = [int(i) for i in ids]
    if not ids:
        raise InsideError("The window is empty: there is nothing to look inside.")
    if len(ids) > model.config.block_size:
        raise InsideError(
            f"The window has {len(ids)} tokens; the model reads at most {model.config.block_size}."
        )
    bad = [i for i in ids if not 0 <= i < model.config.vocab_size]
    if bad:
        raise InsideError(f"Token id {bad[0]} is not in the model's vocabulary.")
    return ids


def look_inside(
    model: TinyGPT,
    tok: Tokenizer,
    ids: Sequence[int],
    k: int = 5,
    target_id: int | None = None,
    label_ids: Sequence[Sequence[int]] | None = None,
) -> InsideView:
    """Attention per layer and head, and the layer-by-layer guesses, for one window.

    target_id: the true token after the window (its probability after each layer is
    kept at the last position). label_ids: real text (equal-length rows) to measure
    the head labels on; by default the window itself.
    """
    ids = _check_ids(model, ids)
    reading = read_model(model, torch.tensor([ids], dtype=torch.long))
    probs = F.softmax(logit_lens(model, reading)[0].float(), dim=-1)  # (L, T, V)
    k = max(1, min(int(k), probs.shape[-1]))
    top_p, top_i = torch.topk(probs, k, dim=-1)  # (L, T, k)
    next_ids = ids[1:] + ([target_id] if target_id is not None else [])
    target_prob = np.full(probs.shape[:2], np.nan, dtype=np.float32)  # (L, T)
    for t, nxt in enumerate(next_ids):
        target_prob[:, t] = probs[:, t, int(nxt)].numpy()
    attention = reading.attention[0].float().numpy()  # (L, H, T, T)
    if label_ids:
        heads, source = measure_heads(model, label_ids), "real text"
    else:
        heads, source = label_heads(attention), "this window"
    shown = sorted({int(i) for i in top_i.flatten().tolist()} | set(ids))
    return InsideView(
        ids=tuple(ids),
        tokens=tuple(tok.token_strings(ids)),
        attention=_frozen(attention),
        heads=heads,
        guesses=LayerGuesses(
            token_ids=_frozen(top_i.numpy().astype(np.int64)),
            probs=_frozen(top_p.numpy().astype(np.float32)),
            target_prob=_frozen(target_prob),
        ),
        token_text=dict(zip(shown, tok.token_strings(shown), strict=True)),
        label_source=source,
    )


def measure_heads(model: TinyGPT, label_ids: Sequence[Sequence[int]]) -> tuple[HeadPattern, ...]:
    """Each head's pattern scores and name, measured on rows of real text (equal lengths)."""
    rows = [_check_ids(model, r) for r in label_ids]
    attention = read_model(model, torch.tensor(rows, dtype=torch.long)).attention  # (B, L, H, T, T)
    return label_heads(attention.float().numpy())


# Head names are measured again after this many training steps (or for another model):
# a 4 x 64-token reading costs about as much as a training step, too much for every redraw.
LABEL_EVERY_STEPS = 10


@dataclass(frozen=True)
class InsideRequest:
    """What the "Look inside" view asks for: a window, and optionally one part's weights."""

    ids: tuple[int, ...]
    target_id: int | None = None
    k: int = 5  # guesses per layer
    part_name: str = ""  # the part to send the weights of ("" for none)
    change_steps: int = 50  # "how much it changed in the last N steps"


class InsideProbe:
    """Answers InsideRequests on a live model, keeping the weight history between calls.

    label_ids: real text (equal-length rows of token ids) the head labels are measured
    on, so a head's name does not hang on the few tokens of one small window.
    """

    def __init__(self, label_ids: Sequence[Sequence[int]] | None = None, max_records: int = 8):
        self.label_ids = [list(r) for r in label_ids] if label_ids else None
        self.history = WeightHistory(max_records)
        self._heads: tuple[int, int, tuple[HeadPattern, ...]] | None = None  # (model id, clock, heads)

    def view(self, model: TinyGPT, tok: Tokenizer, request: InsideRequest, clock: int,
             tokens_per_step: int) -> InsideView:
        """The view of request.ids now; clock is the tokens the model has read so far."""
        span = max(1, int(request.change_steps)) * max(1, int(tokens_per_step))
        self.history.record(model, clock, span)
        view = look_inside(model, tok, request.ids, request.k, request.target_id)
        heads = self._measured_heads(model, clock, tokens_per_step)
        if heads is not None:
            view = replace(view, heads=heads, label_source="real text")
        return replace(
            view,
            parts=parameter_map(model),
            part_name=request.part_name,
            part_image=part_weights(model, request.part_name) if request.part_name else None,
            change=self.history.change(model, clock, span),
            clock=int(clock),
            tokens_per_step=max(1, int(tokens_per_step)),
        )

    def _measured_heads(self, model: TinyGPT, clock: int, tokens_per_step: int):
        if not self.label_ids:
            return None
        cached = self._heads
        stale = (cached is None or cached[0] != id(model)
                 or not 0 <= clock - cached[1] < LABEL_EVERY_STEPS * max(1, tokens_per_step))
        if stale:
            rows = [r[: model.config.block_size] for r in self.label_ids]
            self._heads = cached = (id(model), clock, measure_heads(model, rows))
        return cached[2]
