"""Pillar III's subcommand of `python -m engine`: align (a scripted ranker's run)."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

# Each command imports the engine parts it needs inside it: `--help` and a refused
# argument answer without loading the session, corpus and alignment modules (about
# 0.25 s of CPU of the ~1.9 s start measured here; torch is most of the rest).
from engine import cli_args as a
from engine.cli.common import Output
from engine.stages import FINETUNED


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


def add_commands(add: Callable, add_model_choice: Callable) -> None:
    """Add the alignment subcommands to the parser (see core.build_parser)."""
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
