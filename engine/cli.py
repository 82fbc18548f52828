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

# Each command imports the engine parts it needs inside it: `--help` and a refused
# argument answer without loading the session, corpus and alignment modules (about
# 0.25 s of CPU of the ~1.9 s start measured here; torch is most of the rest).
from engine import cli_args as a
from engine.stages import FINETUNED, PRETRAINED, TRAINED_STAGES, stage_id

EXIT_BAD_INPUT = 2
MAX_MESSAGE_CHARS = 400  # one line a person reads, not a dump of their input


class OneLineParser(argparse.ArgumentParser):
    """argparse whose refusals are one line: what was wrong; the usage is a --help away."""

    def error(self, message: str):  # type: ignore[override]
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        self.exit(EXIT_BAD_INPUT, f"error: {message} (see {self.prog} --help)\n")



def shipped_stage(text: str) -> str:
    """--stage: a trained stage's id, or its short name ("base", "sft"), as the id."""
    try:
        stage = stage_id(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    if stage not in TRAINED_STAGES:
        raise argparse.ArgumentTypeError(f"no model is shipped for the {stage} stage")
    return stage

class Output:
    """Prints either human-readable lines or one JSON object per line."""

    def __init__(self, as_json: bool):
        self.as_json = as_json

    def emit(self, obj: dict, human: str) -> None:
        print(json.dumps(obj) if self.as_json else human, flush=True)


def _load_session(args: argparse.Namespace):
    from engine.session.core import Session

    if getattr(args, "checkpoint", None):
        return Session.from_checkpoint(args.checkpoint)
    return Session.from_default(getattr(args, "stage", None) or PRETRAINED)


# ----- subcommands ----------------------------------------------------------------------
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
    session = _load_session(args)
    neighbours = session.pretraining.neighbours(args.word, args.k)
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


# ----- fine-tune (Pillar II) ------------------------------------------------------------
def cmd_finetune(args: argparse.Namespace, out: Output) -> int:
    """Fine-tune a checkpoint on question/answer pairs; report the answer rules before/after."""
    from engine.finetuning.qa_data import load_qa_file
    from engine.finetuning.trainer import SFTConfig
    from engine.session.core import Session

    session = Session.from_checkpoint(args.checkpoint) if args.checkpoint else Session.from_default()
    if args.qa:
        session.finetuning.set_qa(load_qa_file(args.qa))
    questions = session.finetuning.qa_set().questions()
    before = session.finetuning.evaluate(session.stage)
    steps = args.steps if args.steps is not None or args.seconds is not None else SFTConfig().max_steps
    config = SFTConfig(seed=args.seed, lr=args.lr, max_steps=steps)
    start = time.perf_counter()
    snap = None
    for snap in session.finetuning.train(config, train_on_prompt=args.train_on_prompt):
        now = time.perf_counter() - start
        if snap.status == "diverged":
            out.emit({"event": "diverged", "message": snap.message}, snap.message)
            return 1
        if snap.heldout_loss is not None and snap.status == "running":
            out.emit(
                {"event": "progress", "step": snap.step, "train_loss": round(snap.train_loss, 4),
                 "heldout_loss": round(snap.heldout_loss, 4), "elapsed": round(now, 2)},
                f"step {snap.step:4d}  loss {snap.train_loss:.3f}  held-out {snap.heldout_loss:.3f}"
                f"  {now:.1f} s",
            )
        if args.seconds is not None and now >= args.seconds:
            session.request_stop()
    trainer = session.finetuning.trainer
    heldout = trainer.heldout_loss() if trainer is not None else None
    session.last_loss = heldout
    after = session.finetuning.evaluate(FINETUNED)
    path = session.save(args.out)
    out.emit(
        {"event": "done", "checkpoint": str(path), "heldout_loss": heldout,
         "steps": snap.step if snap else 0, "heldout_questions": len(questions),
         "before": before.as_dict(), "after": after.as_dict()},
        f"saved {path}  held-out loss {heldout if heldout is None else round(heldout, 3)}\n"
        f"on {len(questions)} held-out questions, before -> after:\n"
        + _rules_table(before.as_dict(), after.as_dict()),
    )
    return 0


_RULE_LABELS = (("stops", "stop by themselves"), ("asks_nothing_back", "ask nothing back"),
                ("on_topic", "stay on topic"), ("correct", "are correct"),
                ("non_word_share", "made-up word share"))


def _rules_table(*reports: dict) -> str:
    return "\n".join(f"  {label:<20}" + " -> ".join(f"{r[key]:6.1%}" for r in reports)
                     for key, label in _RULE_LABELS)


# ----- evaluate (Pillar II) -----------------------------------------------------------------

def cmd_evaluate(args: argparse.Namespace, out: Output) -> int:
    """The answer rules on the held-out questions, for one stage: one code path for all."""
    from engine.finetuning.answer_scoring import DecodeSettings
    from engine.session.core import Session

    session = Session.from_checkpoint(args.checkpoint) if args.checkpoint else \
        Session.from_default(args.stage)
    stage = session.stage
    if args.checkpoint and stage != args.stage:
        raise ValueError(f"{args.checkpoint} holds a {stage} model, not a {args.stage} one")
    settings = DecodeSettings(greedy=not args.sample, seed=args.seed)
    split = "held-out" if args.split == "held-out" else "train"
    report = session.finetuning.evaluate(stage, settings, split)
    obj = {"event": "done", "stage": args.stage, "model_stage": stage, "split": split,
           **report.as_dict(),
           "heldout_subjects": session.finetuning.qa_set().subjects(),
           "decoding": "greedy" if settings.greedy else f"sampled, temperature {settings.temperature}"}
    human = (f"{stage} model, {report.total} {split} questions "
             f"(subjects: {', '.join(obj['heldout_subjects']) or 'not named'}):\n"
             + _rules_table(report.as_dict()))
    out.emit(obj, human)
    return 0


# ----- align (Pillar III) -----------------------------------------------------------------
def cmd_align(args: argparse.Namespace, out: Output) -> int:
    """Run a scripted ranker for N clicks; report agreement, the trait and the quality, before/after."""
    from engine.alignment.answer_quality import compare_stats
    from engine.alignment.rankers import parse_ranker
    from engine.session.core import Session

    session = Session.from_checkpoint(args.checkpoint) if args.checkpoint else Session.from_default(FINETUNED)
    ranker = parse_ranker(args.ranker, session.ensure_tokenizer(), seed=args.seed)
    run = session.alignment.current_run()
    trait = args.trait or (f"word:{ranker.trait.word}" if ranker.trait and ranker.trait.kind == "word"
                           else ranker.trait.kind if ranker.trait else DEFAULT_ALIGN_TRAIT)
    session.alignment.set_trait(trait)
    before = run.answer_stats(samples_per_prompt=args.samples, seed=args.seed + 1)
    start = time.perf_counter()
    snap = run.history[-1]
    rounds = judgements = 0
    for snap in run.run_ranker(ranker, args.clicks, seed=args.seed):
        rounds += 1
        judged = snap.event != "no preference"  # a round with no update is no judgement
        judgements += judged
        out.emit(
            {"event": "click", "round": rounds, "judged": judged, "new_pairs": snap.new_pairs,
             "pairs": snap.agreement_pairs, "agreement_before_update": snap.agreement,
             "updates": snap.version, "kind": snap.event, "kl": round(snap.kl, 4),
             "margin": snap.margin, "elapsed": round(time.perf_counter() - start, 2)},
            f"round {rounds:3d}  {snap.event:<13} {snap.new_pairs} pairs  agreement before "
            f"update {_percent(snap.agreement)} of {snap.agreement_pairs} pairs  drift (KL) "
            f"{snap.kl:6.2f} nats  {time.perf_counter() - start:5.1f} s",
        )
    after = run.answer_stats(samples_per_prompt=args.samples, seed=args.seed + 1)
    test = compare_stats(before, after, seed=args.seed)
    path = None
    if args.out:
        meta = {"ranker": ranker.name, "clicks": args.clicks, "seed": args.seed,
                "trait": run.trait.label, "trait_before": before.trait_rate,
                "trait_after": after.trait_rate}
        path = session.alignment.save_aligned(args.out, meta)
    t, q, loss = test.trait, test.non_word_share, test.reference_loss
    out.emit(
        {"event": "done", "checkpoint": str(path) if path else None, "ranker": ranker.name,
         "rounds": rounds, "judgements": judgements, "pairs": snap.agreement_pairs,
         "pairs_per_judgement": snap.agreement_pairs / judgements if judgements else None,
         "agreement_before_update": snap.agreement, "updates": snap.version,
         "trait": run.trait.label, "samples": before.n,
         "trait_before": t.before, "trait_after": t.after, "trait_change": t.change,
         "p_value": t.p_value, "test": test.test,
         "quality_change": {"non_word_share": q.change, "non_word_p_value": q.p_value,
                            "reference_loss": loss.change, "reference_loss_p_value": loss.p_value},
         "before_after": test.as_dict(),
         "kl_after": snap.kl, "kl_per_token_after": snap.kl_per_token,
         "mean_length_before": before.mean_length, "mean_length_after": after.mean_length,
         "end_rate_before": before.end_rate, "end_rate_after": after.end_rate,
         "seconds": round(time.perf_counter() - start, 2)},
        (f"saved {path}\n" if path else "")
        + f"{judgements} judgements ({snap.agreement_pairs} pairs) in {rounds} rounds; the model "
        f"agreed with {_percent(snap.agreement)} of the pairs before learning from them\n"
        f"{run.trait.label} on {before.n} answers to {len(before.by_prompt.trait)} held-out "
        f"questions: {t.before:.1%} before, {t.after:.1%} after (change {t.change:+.1%}, "
        f"p = {t.p_value:.2g})\n"
        f"quality: made-up words {q.before:.1%} -> {q.after:.1%} (p = {q.p_value:.2g}); "
        f"reference loss {loss.before:.2f} -> {loss.after:.2f} nats/token (p = {loss.p_value:.2g})\n"
        f"p-values: {test.test}\n"
        f"drift from the fine-tuned model (KL): {snap.kl:.2f} nats per answer, "
        f"{snap.kl_per_token:.3f} per token",
    )
    return 0


DEFAULT_ALIGN_TRAIT = "word:sea"  # measured when the ranker rewards no trait (e.g. random)


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


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


# ----- parser -----------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m engine", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_: str, fn: Callable) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print one JSON object per line")
        p.add_argument("--threads", type=a.whole(1, 64), default=1,
                       help="torch threads (default 1: on a busy 2-core machine, 2 threads made "
                            "sampling several times slower)")
        p.set_defaults(fn=fn)
        return p

    def add_model_choice(p: argparse.ArgumentParser) -> None:
        p.add_argument("--checkpoint", help="a checkpoint folder (default: the shipped model)")
        p.add_argument("--stage", type=shipped_stage, default=PRETRAINED,
                       help="a shipped stage: pre-trained, fine-tuned or aligned (or base, sft)")

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

    p = add("finetune", "Fine-tune a model on question/answer pairs and save it.", cmd_finetune)
    p.add_argument("--checkpoint", help="the pre-trained checkpoint folder (default: the shipped one)")
    p.add_argument("--out", type=a.out_folder, required=True,
                   help="a new folder to write the fine-tuned checkpoint to")
    p.add_argument("--steps", type=a.whole(0, 10_000_000), default=None,
                   help="train exactly this many steps (default 300)")
    p.add_argument("--seconds", type=a.real(0, 86400, lo_open=True), default=None,
                   help="or train for this long")
    p.add_argument("--seed", type=a.seed, default=0)
    p.add_argument("--lr", type=a.real(0, 10, lo_open=True), default=1e-3, help="learning rate")
    p.add_argument("--qa", help="your own question/answer file (.tsv, Q:/A: blocks, .jsonl)")
    p.add_argument("--train-on-prompt", action="store_true",
                   help="let the question count in the loss too (to see the difference)")

    p = add("evaluate", "Check the answers to the held-out questions: stop, ask nothing back, "
            "on topic, correct, made-up words.", cmd_evaluate)
    p.add_argument("--stage", type=shipped_stage, default=FINETUNED,
                   help="which model: pre-trained, fine-tuned or aligned (or base, sft)")
    p.add_argument("--checkpoint", help="a checkpoint folder of that stage (default: the shipped one)")
    p.add_argument("--sample", action="store_true",
                   help="draw tokens by chance (temperature 0.7) instead of the most likely one")
    p.add_argument("--seed", type=a.seed, default=0, help="the dice for --sample")
    p.add_argument("--split", choices=("held-out", "train"), default="held-out",
                   help="the held-out questions (default) or the ones it trained on, to compare")

    # Pillar III
    p = add("align", "Let a scripted ranker judge the model's answers for N clicks; save it.", cmd_align)
    p.add_argument("--checkpoint", help="the checkpoint to start from (default: the shipped fine-tuned one)")
    p.add_argument("--ranker", type=a.ranker, required=True,
                   help="prefers-word:WORD, prefers-shorter, prefers-longer, random, reversed:SPEC")
    p.add_argument("--clicks", type=a.whole(1, 100_000), default=30, help="how many judgements")
    p.add_argument("--seed", type=a.seed, default=0)
    p.add_argument("--out", type=a.out_folder, default=None,
                   help="a new folder to write the aligned checkpoint to (default: do not save)")
    p.add_argument("--trait", type=a.text(200),
                   help="what to measure: word:WORD, short or long (default: the ranker's, else word:sea)")
    p.add_argument("--samples", type=a.whole(1, 1000), default=4, help="answers per held-out question, before and after")
    return parser


def main(argv: list[str] | None = None) -> int:
    from engine.checkpoint import CheckpointError
    from engine.corpus.userfiles import UserTextError
    from engine.pretraining.probes import ProbeError
    from engine.tokenizers import TokenizerError

    args = build_parser().parse_args(argv)
    torch.set_num_threads(args.threads)
    out = Output(args.json)
    try:
        return args.fn(args, out)
    except (UserTextError, CheckpointError, ProbeError, TokenizerError, ValueError, OSError) as e:
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        if args.json:
            print(json.dumps({"event": "error", "message": message}), flush=True)
        print(f"error: {message}", file=sys.stderr, flush=True)
        return EXIT_BAD_INPUT
