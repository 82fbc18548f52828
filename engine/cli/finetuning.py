"""Pillar II's subcommands of `python -m engine`: finetune and evaluate."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

# Each command imports the engine parts it needs inside it: `--help` and a refused
# argument answer without loading the session, corpus and alignment modules (about
# 0.25 s of CPU of the ~1.9 s start measured here; torch is most of the rest).
from engine import cli_args as a
from engine.cli.common import Output, shipped_stage
from engine.stages import FINETUNED


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


def add_commands(add: Callable, add_model_choice: Callable) -> None:
    """Add the fine-tuning subcommands to the parser (see core.build_parser)."""
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
