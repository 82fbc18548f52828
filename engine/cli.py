"""`python -m engine`: the engine without a screen, for scripts, benchmarks and checks.

Every subcommand has --help and a --json mode that prints one JSON object per line.
A problem with the person's input ends the command with exit code 2 and one line that
says what is wrong, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch

EXIT_BAD_INPUT = 2


class Output:
    """Prints either human-readable lines or one JSON object per line."""

    def __init__(self, as_json: bool):
        self.as_json = as_json

    def emit(self, obj: dict, human: str) -> None:
        print(json.dumps(obj) if self.as_json else human, flush=True)


def _load_session(args: argparse.Namespace):
    from engine.session import Session

    if getattr(args, "checkpoint", None):
        return Session.from_checkpoint(args.checkpoint)
    return Session.from_default(getattr(args, "stage", None) or "base")


# ----- subcommands ----------------------------------------------------------------------
def cmd_train(args: argparse.Namespace, out: Output) -> int:
    from engine.corpus.mix import Mix
    from engine.pretrain import TrainConfig
    from engine.session import USER_SOURCE, Session

    session = Session(seed=args.seed)
    if args.data:
        session.add_user_texts([Path(p) for p in args.data])
        session.set_mix(Mix.only(USER_SOURCE))
    config = TrainConfig(seed=args.seed, lr=args.lr, max_steps=args.steps)
    trainer_gen = session.pretrain(config, from_scratch=True)
    start = time.perf_counter()
    last_print = 0.0
    snap = None
    for snap in trainer_gen:
        now = time.perf_counter() - start
        if snap.status == "diverged":
            out.emit({"event": "diverged", "message": snap.message}, snap.message)
            return 1
        if now - last_print >= args.every or snap.heldout_loss is not None:
            last_print = now
            out.emit(
                {
                    "event": "progress",
                    "step": snap.step,
                    "tokens_seen": snap.tokens_seen,
                    "train_loss": round(snap.train_loss, 4),
                    "heldout_loss": snap.heldout_loss,
                    "tokens_per_s": round(snap.tokens_per_s, 1),
                    "elapsed": round(now, 2),
                },
                f"step {snap.step:5d}  loss {snap.train_loss:.3f}  "
                f"{snap.tokens_per_s:,.0f} tokens/s  {now:.1f} s",
            )
        if args.steps is None and now >= args.seconds:
            session.request_stop()
    heldout = session._trainer.heldout_loss() if session._trainer else float("nan")
    session.last_loss = heldout
    path = session.save(args.out)
    out.emit(
        {
            "event": "done",
            "checkpoint": str(path),
            "heldout_loss": heldout,
            "steps": snap.step if snap else 0,
            "tokens_seen": session.tokens_seen,
        },
        f"saved {path}  held-out loss {heldout:.3f}",
    )
    return 0


def cmd_neighbors(args: argparse.Namespace, out: Output) -> int:
    session = _load_session(args)
    neighbours = session.neighbours(args.word, args.k)
    obj = {
        "word": args.word,
        "neighbors": [{"rank": n.rank, "word": n.token, "similarity": round(n.similarity, 4)} for n in neighbours],
    }
    human = "\n".join(f"{n.rank:2d}. {n.token:<15} {n.similarity:+.3f}" for n in neighbours)
    out.emit(obj, human)
    return 0


def cmd_sample(args: argparse.Namespace, out: Output) -> int:
    session = _load_session(args)
    texts = []
    for i in range(args.n):
        g = session.generate(
            args.prompt,
            max_new_tokens=args.max_tokens,
            temperature=args.temperature,
            top_k=args.top_k,
            greedy=args.greedy,
            seed=args.seed + i,
            chat=args.chat,
        )
        texts.append(g.text)
        out.emit(
            {"index": i, "prompt": args.prompt, "text": g.text, "ended": g.ended, "tokens": len(g.token_ids)},
            f"[{i}] {args.prompt}{'' if args.chat else ''}{g.text}",
        )
    return 0


def cmd_windows(args: argparse.Namespace, out: Output) -> int:
    from engine.tokenizers.word import split_words
    from engine.windows import sliding_windows

    tokens = [t.strip() for t in split_words(args.text)]
    for w in sliding_windows(tokens, args.size):
        out.emit(
            {"index": w.index, "window": list(w.tokens), "target": w.target},
            f"{w.index + 1}. {' '.join(w.tokens)}  ->  {w.target if w.target is not None else '(end)'}",
        )
    return 0


def cmd_tokenize(args: argparse.Namespace, out: Output) -> int:
    session = _load_session(args)
    tok = session.tokenizers()[args.tokenizer]
    ids = tok.encode(args.text)
    strings = tok.token_strings(ids)
    out.emit(
        {
            "tokenizer": args.tokenizer,
            "ids": ids,
            "tokens": strings,
            "count": len(ids),
            "chars_per_token": round(len(args.text) / max(1, len(ids)), 3),
        },
        " | ".join(f"{s!r}:{i}" for s, i in zip(strings, ids, strict=True)),
    )
    return 0


# ----- parser -----------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engine", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_: str, fn: Callable) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print one JSON object per line")
        p.set_defaults(fn=fn)
        return p

    def add_model_choice(p: argparse.ArgumentParser) -> None:
        p.add_argument("--checkpoint", help="a checkpoint folder (default: the shipped model)")
        p.add_argument("--stage", default="base", help="a shipped stage: base, sft or aligned")

    p = add("train", "Pre-train a model from scratch and save it.", cmd_train)
    p.add_argument("--seconds", type=float, default=30.0, help="how long to train")
    p.add_argument("--steps", type=int, default=None, help="train exactly this many steps instead")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lr", type=float, default=3e-3, help="learning rate")
    p.add_argument("--out", required=True, help="folder to write the checkpoint to")
    p.add_argument("--data", nargs="+", help="train on your own .txt/.md files or folder")
    p.add_argument("--every", type=float, default=1.0, help="seconds between progress lines")

    p = add("neighbors", "Nearest words to a word, by cosine similarity of embeddings.", cmd_neighbors)
    add_model_choice(p)
    p.add_argument("--word", required=True)
    p.add_argument("--k", type=int, default=8)

    p = add("sample", "Let the model write after a prompt.", cmd_sample)
    add_model_choice(p)
    p.add_argument("--prompt", required=True)
    p.add_argument("--n", type=int, default=1, help="how many samples")
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--top-k", type=int, default=None)
    p.add_argument("--greedy", action="store_true", help="always take the most likely token")
    p.add_argument("--max-tokens", type=int, default=60)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--chat", action="store_true", help="wrap the prompt as a chat turn, stop at <end>")

    p = add("windows", "Show the sliding windows of a text (word tokens).", cmd_windows)
    p.add_argument("--text", required=True)
    p.add_argument("--size", type=int, default=4)

    p = add("tokenize", "Split a text into tokens.", cmd_tokenize)
    add_model_choice(p)
    p.add_argument("--text", required=True)
    p.add_argument("--tokenizer", choices=("char", "word", "bpe"), default="bpe")
    return parser


def main(argv: list[str] | None = None) -> int:
    from engine.checkpoint import CheckpointError
    from engine.corpus.userfiles import UserTextError
    from engine.probes import ProbeError
    from engine.tokenizers import TokenizerError

    args = build_parser().parse_args(argv)
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    out = Output(args.json)
    try:
        return args.fn(args, out)
    except (UserTextError, CheckpointError, ProbeError, TokenizerError, ValueError, OSError) as e:
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        if args.json:
            print(json.dumps({"event": "error", "message": message}), flush=True)
        print(f"error: {message}", file=sys.stderr, flush=True)
        return EXIT_BAD_INPUT
