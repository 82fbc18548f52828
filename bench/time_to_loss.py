"""Time to loss: how much sooner a candidate recipe reaches the baseline's held-out loss.

The baseline is today's recipe, which equals nanoGPT (AdamW, learned positions, GELU,
tied head, a short warm-up then a constant learning rate). Every recipe trains the same
model size from the same seed on the same batch stream, in alternating short blocks in
one process (so machine load hits all alike), with one torch thread; only training
steps are timed, in CPU seconds (`time.process_time`), never the evaluations.

For each corpus it prints the baseline's held-out loss after N steps, each candidate's
CPU time (and steps) to first reach that loss, and the ratio baseline seconds /
candidate seconds. Held-out text is other books (library) or other documents (made-up
world) than the ones trained on.

    python bench/time_to_loss.py                      # the adopted recipe, N = 900, both corpora
    python bench/time_to_loss.py --quick --ablate --only muon,rotary,qk_norm,relu_squared,\
        untied_softcap,warmdown,larger_lr             # every change on, then each off in turn
    python bench/time_to_loss.py --steps 900 3000 --corpus library
    python bench/time_to_loss.py --only muon,rotary   # a candidate made of some changes only
    python bench/time_to_loss.py --sea-seeds 0 1 2    # steps until "sea" has "waters" nearby
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from engine.model import GPTConfig, TinyGPT  # noqa: E402
from engine.optim import lr_factor, make_optimizer, set_learning_rate  # noqa: E402
from engine.pretraining.windows import random_batch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The books: shipped in the app once the library lands, else the shared raw copy.
LIBRARY_DIRS = (ROOT / "engine" / "data" / "gutenberg", ROOT.parent / "shared" / "corpora" / "gutenberg",
                ROOT.parent.parent / "shared" / "corpora" / "gutenberg")
HELDOUT_BOOKS = ("sea--treasure-island", "fables--wizard-of-oz", "plays--macbeth")


@dataclass(frozen=True)
class Recipe:
    """One way to train the same model. The defaults are today's (nanoGPT's) recipe."""

    name: str = "baseline"
    muon: bool = False  # Muon for the blocks' matrices, AdamW for embeddings and gains
    rotary: bool = False
    qk_norm: bool = False
    relu_squared: bool = False
    untied_softcap: bool = False  # an output head of its own, logits capped by 15 tanh(x / 15)
    warmdown: bool = False  # learning rate decays linearly to 0 over the last part of the run
    lr: float = 3e-3  # AdamW's rate (embeddings and gains, or everything without Muon)
    muon_lr: float = 0.02
    warmup: int = 10
    warmdown_frac: float = 0.5  # share of the run spent decaying

    def model_config(self, vocab_size: int) -> GPTConfig:
        return GPTConfig(vocab_size=vocab_size, rotary=self.rotary, qk_norm=self.qk_norm,
                         relu_squared=self.relu_squared,
                         logit_softcap=15.0 if self.untied_softcap else 0.0)

    def lr_at(self, step: int, total: int) -> float:
        warmdown = self.warmdown_frac if self.warmdown else 0.0
        return self.lr * lr_factor(step, self.warmup, total, warmdown)


# The changes the ablation switches off one at a time (and on one at a time).
CHANGES = ("muon", "rotary", "qk_norm", "relu_squared", "untied_softcap", "warmdown", "larger_lr")
LARGER_LR = dict(lr=6e-3, muon_lr=0.04)
ADOPTED = ("muon", "rotary", "qk_norm", "warmdown")  # the engine's recipe (docs/performance.md)


def build(changes: set[str], name: str) -> Recipe:
    kw = {c: True for c in changes if c != "larger_lr"}
    if "larger_lr" in changes:
        kw.update(LARGER_LR)
    return Recipe(name=name, **kw)


@dataclass
class Trainee:
    """A recipe's model, optimiser and batch stream, and its timed history."""

    recipe: Recipe
    model: TinyGPT
    optimizer: torch.optim.Optimizer
    rng: np.random.Generator
    total_steps: int
    steps: int = 0
    cpu: float = 0.0
    curve: list[tuple[int, float, float]] = field(default_factory=list)  # (step, cpu s, loss)
    hits: dict[str, int] = field(default_factory=dict)  # probe name -> first step it held


@dataclass(frozen=True)
class TrainArgs:
    lr: float = 3e-3
    beta2: float = 0.95
    weight_decay: float = 0.0
    optimizer: str = "adamw"
    muon_lr: float = 0.02


def make_trainee(recipe: Recipe, vocab: int, seed: int, total: int) -> Trainee:
    torch.manual_seed(seed)
    model = TinyGPT(recipe.model_config(vocab))
    if recipe.untied_softcap:  # measured, not adopted: the engine's head stays tied
        model.lm_head.weight = torch.nn.Parameter(model.wte.weight.detach().clone())
    opt_args = TrainArgs(lr=recipe.lr, optimizer="muon" if recipe.muon else "adamw",
                         muon_lr=recipe.muon_lr)
    return Trainee(recipe, model, make_optimizer(model, opt_args), np.random.default_rng(seed), total)


def train_block(t: Trainee, ids: np.ndarray, n: int, batch: int) -> None:
    """n optimiser steps, exactly as the engine's trainer takes them; CPU time counted."""
    T = t.model.config.block_size
    t.model.train()
    start = time.process_time()
    for _ in range(n):
        x, y = random_batch(ids, T, batch, t.rng)
        set_learning_rate(t.optimizer, t.recipe.lr_at(t.steps, t.total_steps))
        _, loss = t.model(x, y)
        t.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(t.model.parameters(), 1.0)
        t.optimizer.step()
        t.steps += 1
    t.cpu += time.process_time() - start


@torch.no_grad()
def heldout_loss(model: TinyGPT, batches: list[tuple[torch.Tensor, torch.Tensor]]) -> float:
    model.eval()
    return float(np.mean([model(x, y)[1].item() for x, y in batches]))


def time_to_reach(t: Trainee, target: float) -> tuple[float, int] | None:
    """CPU seconds and steps at which t's held-out loss first reached target, interpolated
    linearly between the two evaluations around the crossing."""
    prev = (0, 0.0, math.inf)
    for step, cpu, loss in t.curve:
        if loss <= target:
            s0, c0, l0 = prev
            frac = 1.0 if not math.isfinite(l0) else (l0 - target) / (l0 - loss)
            return c0 + frac * (cpu - c0), round(s0 + frac * (step - s0))
        prev = (step, cpu, loss)
    return None


# ----- corpora -----------------------------------------------------------------------
def strip_gutenberg(text: str) -> str:
    """The book between Project Gutenberg's start and end markers, as paragraphs with their
    hard wraps undone: crude (engine/corpus/library does it properly), kept because the
    first measurements in docs/performance.md were taken on it (--raw-library)."""
    start = re.search(r"\*\*\* ?START OF (THIS|THE) PROJECT GUTENBERG.*?\*\*\*", text)
    end = re.search(r"\*\*\* ?END OF (THIS|THE) PROJECT GUTENBERG", text)
    body = text[start.end() if start else 0 : end.start() if end else len(text)]
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", body.replace("\r", "")))
    return "\n\n".join(p for p in paragraphs if len(p.split()) >= 4)


def library_texts() -> tuple[list[str], list[str]]:
    """(training books, held-out books) of the bundled library, cleaned."""
    train, held = [], []
    folder = next((d for d in LIBRARY_DIRS if d.is_dir()), None)
    if folder is None:
        raise SystemExit(f"the library books are not in any of {[str(d) for d in LIBRARY_DIRS]}")
    for f in sorted(folder.glob("*--*.txt")):
        text = strip_gutenberg(f.read_text(encoding="utf-8-sig"))
        (held if f.stem in HELDOUT_BOOKS else train).append(text)
    return train, held


def corpus_ids(name: str, raw_library: bool = False):
    """(train ids, held-out ids, tokenizer) of a corpus under its own BPE tokenizer, as the
    app makes them: the library's cleaning pipeline and held-out chapters, or the made-up
    world's generator and held-out documents. raw_library: the crude strip above instead."""
    from engine.corpus.mix import Mix  # the session stack loads only when a race starts
    from engine.session.core import Session

    if name == "library" and raw_library:
        from engine.corpus.document import Document
        from engine.session.data import encode_documents
        from engine.tokenizers.bpe import DEFAULT_BPE_VOCAB, BPETokenizer

        train_texts, held_texts = library_texts()
        tok = BPETokenizer.train(train_texts, vocab_size=DEFAULT_BPE_VOCAB)
        docs = lambda texts: [Document("library", t) for t in texts]  # noqa: E731
        return encode_documents(tok, docs(train_texts)), encode_documents(tok, docs(held_texts)), tok
    session = Session(seed=0)
    session.set_mix(Mix.default() if name == "library" else Mix.made_up())
    train, held = session.token_ids()
    return train, held, session.tokenizer


# ----- the race ------------------------------------------------------------------------
def sea_has_waters(model: TinyGPT, tok) -> bool:  # noqa: ANN001
    from engine.pretraining.probes import nearest_neighbours

    return "waters" in [n.token for n in nearest_neighbours(model, tok, "sea", k=3)]


def race(recipes: list[Recipe], corpus: str, n_steps: int, args) -> dict[str, Trainee]:  # noqa: ANN001
    train, held, tok = corpus_ids(corpus, args.raw_library)
    heldout_rng = np.random.default_rng(10_000)
    B, T = args.batch, GPTConfig().block_size
    held_batches = [random_batch(held, T, B, heldout_rng) for _ in range(args.eval_batches)]
    # Candidates get the baseline's step budget (their schedule is set for it) plus a margin
    # to reach its loss if they are slower.
    trainees = {r.name: make_trainee(r, tok.vocab_size, args.seed, n_steps) for r in recipes}
    limit = {name: n_steps if name == "baseline" else int(n_steps * args.margin) for name in trainees}
    probe_sea = corpus == "world" and args.neighbours
    target = None
    print(f"\n== {corpus}: {len(train):,} training tokens, {len(held):,} held-out tokens, "
          f"{n_steps} baseline steps of {B}x{T} ==", flush=True)
    base = trainees["baseline"]

    def needs_steps(t: Trainee) -> bool:
        """The baseline runs its N steps. A candidate rests while it is ahead of the baseline
        (its loss already below the baseline's latest), since the target can only be lower
        still, and stops once it reaches the target: it runs no step the result does not need."""
        if t.steps >= limit[t.recipe.name]:
            return False
        if t is base or not t.curve or (probe_sea and "sea" not in t.hits):
            return True
        bar = target if target is not None else base.curve[-1][2]
        return t.curve[-1][2] > bar

    rnd = 0
    while True:
        active = [t for t in trainees.values() if needs_steps(t)]
        if not active:
            break
        order = active if rnd % 2 == 0 else active[::-1]
        for t in order:
            train_block(t, train, min(args.block, limit[t.recipe.name] - t.steps), B)
            t.curve.append((t.steps, t.cpu, heldout_loss(t.model, held_batches)))
            if probe_sea and "sea" not in t.hits and sea_has_waters(t.model, tok):
                t.hits["sea"] = t.steps
        if target is None and base.steps >= n_steps:
            target = base.curve[-1][2]
        rnd += 1
        if rnd % 4 == 0:
            print("  " + "  ".join(f"{t.recipe.name} {t.steps}:{t.curve[-1][2]:.3f}"
                                   for t in trainees.values() if t.curve), flush=True)
    return trainees


def steps_to_sea(recipes: list[Recipe], seeds: list[int], args, cap: int = 200) -> None:  # noqa: ANN001
    """World: the first step after which "waters" is among the 3 nearest words of "sea",
    checked after every step (the probe is not timed), for each recipe and seed."""
    train, _, tok = corpus_ids("world")
    print('\nworld: steps until "waters" is among the 3 nearest words of "sea"')
    for r in recipes:
        found = []
        for seed in seeds:
            t = make_trainee(r, tok.vocab_size, seed, cap)
            while t.steps < cap and not sea_has_waters(t.model, tok):
                train_block(t, train, 1, args.batch)
            found.append(t.steps if t.steps < cap or sea_has_waters(t.model, tok) else None)
        cells = ", ".join("never" if f is None else str(f) for f in found)
        print(f"  {r.name:28s} seeds {seeds}: {cells}", flush=True)


def report(trainees: dict[str, Trainee], corpus: str, n_steps: int, args) -> None:  # noqa: ANN001
    base = trainees["baseline"]
    target = base.curve[-1][2]
    print(f"\n{corpus}, N = {n_steps}: baseline held-out loss {target:.3f} "
          f"after {base.steps} steps, {base.cpu:.1f} CPU s "
          f"({base.cpu / base.steps * 1000:.0f} ms/step)")
    print(f"{'recipe':28s} {'CPU s':>7s} {'steps':>6s} {'ms/step':>8s} {'ratio':>6s} "
          f"{'loss@N':>7s}" + ("  sea~waters@step" if args.neighbours and corpus == "world" else ""))
    for name, t in trainees.items():
        hit = time_to_reach(t, target)
        at_n = next((loss for s, _, loss in t.curve if s >= n_steps), float("nan"))  # nan: rested
        ms = t.cpu / t.steps * 1000
        if hit is None:
            cols = f"{'never':>7s} {'-':>6s} {ms:8.0f} {'<' + format(base.cpu / t.cpu, '.2f'):>6s}"
        else:
            cols = f"{hit[0]:7.1f} {hit[1]:6d} {ms:8.0f} {base.cpu / hit[0]:6.2f}"
        sea = ""
        if args.neighbours and corpus == "world":
            sea = f"  {t.hits.get('sea', 'never')}"
        print(f"{name:28s} {cols} {at_n:7.3f}{sea}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", help="baseline step counts N (default 900)")
    parser.add_argument("--quick", action="store_true", help="N = 300, for trying things")
    parser.add_argument("--corpus", choices=("library", "world", "both"), default="both")
    parser.add_argument("--ablate", action="store_true",
                        help="also the full candidate with each change switched off in turn")
    parser.add_argument("--singles", action="store_true",
                        help="also the baseline with each change switched on alone")
    parser.add_argument("--only", default=",".join(ADOPTED),
                        help=f"the candidate's changes, comma-separated, from {','.join(CHANGES)}")
    parser.add_argument("--extra", action="append", default=[],
                        help="another candidate: its changes, comma-separated (repeatable)")
    parser.add_argument("--block", type=int, default=25, help="steps per block (and per evaluation)")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--eval-batches", type=int, default=8)
    parser.add_argument("--margin", type=float, default=1.0,
                        help="candidates may run this many times N steps to reach the target")
    parser.add_argument("--neighbours", action="store_true",
                        help='world: the first step at which "waters" is among the 3 nearest of "sea"')
    parser.add_argument("--raw-library", action="store_true",
                        help="library: the raw books stripped crudely, three whole books held out")
    parser.add_argument("--sea-seeds", type=int, nargs="+",
                        help='only measure, per step, when "waters" joins the 3 nearest of "sea"')
    parser.add_argument("--lr", type=float, help="override the candidate's AdamW lr")
    parser.add_argument("--muon-lr", type=float, help="override the candidate's Muon lr")
    parser.add_argument("--warmdown-frac", type=float, help="override the candidate's warm-down share")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(1)
    steps = args.steps or ([300] if args.quick else [900])
    chosen = {c for c in args.only.split(",") if c}
    unknown = chosen - set(CHANGES)
    if unknown:
        parser.error(f"unknown changes {sorted(unknown)}; choose from {','.join(CHANGES)}")
    overrides = {k: v for k, v in (("lr", args.lr), ("muon_lr", args.muon_lr),
                                   ("warmdown_frac", args.warmdown_frac)) if v is not None}
    candidate = replace(build(chosen, "candidate"), **overrides)
    recipes = [Recipe(), candidate]
    if args.ablate:
        recipes += [replace(build(chosen - {c}, f"candidate - {c}"), **overrides) for c in sorted(chosen)]
    if args.singles:
        recipes += [build({c}, f"baseline + {c}") for c in CHANGES]
    for extra in args.extra:
        changes = {c for c in extra.split(",") if c}
        if changes - set(CHANGES):
            parser.error(f"unknown changes {sorted(changes - set(CHANGES))}")
        recipes.append(replace(build(changes, "+".join(sorted(changes))), **overrides))
    if args.sea_seeds:
        steps_to_sea(recipes, args.sea_seeds, args)
        return
    corpora = ("library", "world") if args.corpus == "both" else (args.corpus,)
    print(f"candidate: {candidate}")
    for corpus in corpora:
        for n in steps:
            trainees = race(recipes, corpus, n, args)
            report(trainees, corpus, n, args)


if __name__ == "__main__":
    main()
