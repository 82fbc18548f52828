"""Pillar I's subcommands of `python -m engine`: train, corpus, neighbors, sample, windows, tokenize."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

# Each command imports the engine parts it needs inside it: `--help` and a refused
# argument answer without loading the session, corpus and alignment modules (about
# 0.25 s of CPU of the ~1.9 s start measured here; torch is most of the rest).
from engine import cli_args as a
from engine.cli.common import Output, load_session


def cmd_train(args: argparse.Namespace, out: Output) -> int:
    from engine.corpus.mix import Mix
    from engine.pretraining.trainer import TrainConfig
    from engine.session.core import USER_SOURCE, Session

    session = Session(seed=args.seed)
    if args.corpus != "library":
        from engine.corpus.report import mix_for

        session.set_mix(mix_for(args.corpus))
    if args.data:
        session.add_user_texts([Path(p) for p in args.data])
        session.set_mix(Mix.only(USER_SOURCE))
    config = TrainConfig(seed=args.seed, lr=args.lr, max_steps=args.steps)
    trainer_gen = session.pretraining.train(config, from_scratch=True)
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
    heldout = session.pretraining.trainer.heldout_loss() if session.pretraining.trainer else float("nan")
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
    session = load_session(args)
    neighbours = session.pretraining.neighbours(args.word, args.k)
    obj = {
        "word": args.word,
        "neighbors": [{"rank": n.rank, "word": n.token, "similarity": round(n.similarity, 4)} for n in neighbours],
    }
    human = "\n".join(f"{n.rank:2d}. {n.token:<15} {n.similarity:+.3f}" for n in neighbours)
    out.emit(obj, human)
    return 0


def cmd_sample(args: argparse.Namespace, out: Output) -> int:
    session = load_session(args)
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
    from engine.pretraining.windows import sliding_windows
    from engine.tokenizers.word import split_words

    tokens = [t.strip() for t in split_words(args.text)]
    for w in sliding_windows(tokens, args.size):
        out.emit(
            {"index": w.index, "window": list(w.tokens), "target": w.target},
            f"{w.index + 1}. {' '.join(w.tokens)}  ->  {w.target if w.target is not None else '(end)'}",
        )
    return 0


def cmd_tokenize(args: argparse.Namespace, out: Output) -> int:
    session = load_session(args)
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


def cmd_corpus(args: argparse.Namespace, out: Output) -> int:
    from engine.corpus.report import corpus_report, dump_clean, mix_for

    mix = mix_for(args.corpus)
    if args.dump_clean:
        docs, size = dump_clean(args.dump_clean, mix, args.seed)
        out.emit({"event": "dumped", "path": args.dump_clean, "documents": docs, "bytes": size},
                 f"wrote {docs:,} documents ({size:,} bytes) to {args.dump_clean}")
        return 0
    report = corpus_report(mix, args.seed)
    lines = [c["title"] for c in report["corpora"]]
    lines += [f"  {s['title']}: {s['documents']:,} documents, {s['words']:,} words, "
              f"share {s['share']:.0%}" for s in report["sources"]]
    lines += [f"  step {r['name']}: {r['removed']:,} {r['unit']} removed" for r in report["steps"]]
    lines += [f"training text: {report['training']['documents']:,} documents, "
              f"{report['training']['words']:,} words", report["heldout"]]
    out.emit({"event": "corpus", **report}, "\n".join(lines))
    return 0


def add_commands(add: Callable, add_model_choice: Callable) -> None:
    """Add the pre-training subcommands to the parser (see core.build_parser)."""
    p = add("train", "Pre-train a model from scratch and save it.", cmd_train)
    p.add_argument("--seconds", type=a.real(0, 86400, lo_open=True), default=30.0, help="how long to train")
    p.add_argument("--steps", type=a.whole(0, 10_000_000), default=None,
                   help="train exactly this many steps instead")
    p.add_argument("--seed", type=a.seed, default=0)
    p.add_argument("--lr", type=a.real(0, 10, lo_open=True), default=3e-3, help="learning rate")
    p.add_argument("--out", type=a.out_folder, required=True,
                   help="a new folder to write the checkpoint to (or an earlier checkpoint)")
    p.add_argument("--data", nargs="+", help="train on your own .txt/.md files or folder")
    p.add_argument("--every", type=a.real(0, 86400), default=1.0, help="seconds between progress lines")
    p.add_argument("--corpus", choices=("library", "made-up"), default="library",
                   help="the books (default) or the made-up world generated from templates")
    p = add("corpus", "The corpus: sources, sizes, each cleaning step's count; or dump the "
            "cleaned text.", cmd_corpus)
    p.add_argument("--corpus", choices=("library", "made-up"), default="library",
                   help="the books (default) or the made-up world generated from templates")
    p.add_argument("--dump-clean", metavar="PATH", type=a.new_file,
                   help="write the cleaned training text, one document per paragraph")
    p.add_argument("--seed", type=a.seed, default=0)
    p = add("neighbors", "Nearest words to a word, by cosine similarity of embeddings.", cmd_neighbors)
    add_model_choice(p)
    p.add_argument("--word", type=a.text(1000), required=True)
    p.add_argument("--k", type=a.whole(1, 1000), default=8)
    p = add("sample", "Let the model write after a prompt.", cmd_sample)
    add_model_choice(p)
    p.add_argument("--prompt", type=a.text(), required=True)
    p.add_argument("--n", type=a.whole(1, 1000), default=1, help="how many samples")
    # below 0.01 the scaled scores overflow; use --greedy for "always the likeliest"
    p.add_argument("--temperature", type=a.real(0.01, 100), default=1.0)
    p.add_argument("--top-k", type=a.whole(1, 1 << 20), default=None)
    p.add_argument("--greedy", action="store_true", help="always take the most likely token")
    p.add_argument("--max-tokens", type=a.whole(1, 100_000), default=60)
    p.add_argument("--seed", type=a.seed, default=0)
    p.add_argument("--chat", action="store_true", help="wrap the prompt as a chat turn, stop at <end>")
    p = add("windows", "Show the sliding windows of a text (word tokens).", cmd_windows)
    p.add_argument("--text", type=a.text(), required=True)
    p.add_argument("--size", type=a.whole(1, 1000), default=4)
    p = add("tokenize", "Split a text into tokens.", cmd_tokenize)
    add_model_choice(p)
    p.add_argument("--text", type=a.text(), required=True)
    p.add_argument("--tokenizer", choices=("char", "word", "bpe"), default="bpe")
