"""Build the checkpoints the app ships in assets/checkpoints/, deterministically.

    python scripts/build_assets.py            # everything
    python scripts/build_assets.py --stage base
    python scripts/build_assets.py --stage sft   # fine-tunes the base one (needs it built)
    python scripts/build_assets.py --stage aligned   # aligns the sft one (needs it built)

The pre-trained ("base") model is trained from scratch on the bundled default mix with
seed 0 for a fixed number of steps (not a fixed time), so every machine builds the
same weights. Takes about two minutes on two CPU cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from engine import paths  # noqa: E402
from engine.pretraining.trainer import TrainConfig  # noqa: E402
from engine.session.core import Session  # noqa: E402

BASE_STEPS = 900


def build_base(out: Path, steps: int = BASE_STEPS) -> Path:
    session = Session(seed=0)
    start = time.perf_counter()
    snap = None
    for snap in session.pretrain(TrainConfig(seed=0, max_steps=steps), from_scratch=True):
        if snap.heldout_loss is not None and snap.status == "running":
            print(f"  step {snap.step:5d}  held-out loss {snap.heldout_loss:.3f}  "
                  f"{snap.tokens_per_s:,.0f} tokens/s", flush=True)
        if snap.status == "diverged":
            raise SystemExit(snap.message)
    session.last_loss = session._trainer.heldout_loss()
    path = session.save(out)
    sea = ", ".join(f"{n.token} {n.similarity:.2f}" for n in session.neighbours("sea", 5))
    print(f"base: {steps} steps in {time.perf_counter() - start:.0f} s, held-out loss "
          f"{session.last_loss:.3f}; sea -> {sea}", flush=True)
    return path


# ----- Pillar II: the fine-tuned ("sft") model ---------------------------------------------
SFT_STEPS = 300  # ~15 passes over the bundled pairs: answers reliably, ~20 s on two cores


def build_sft(base: Path, out: Path, steps: int = SFT_STEPS) -> Path:
    """Fine-tune the shipped base model on the bundled question/answer pairs (seed 0)."""
    from engine.finetuning.trainer import SFTConfig

    if not base.exists():
        raise SystemExit(f"{base} is missing: build it first with --stage base.")
    session = Session.from_checkpoint(base)
    questions = session.qa_set().questions()
    before = session.evaluate("pre-trained")
    start = time.perf_counter()
    for snap in session.finetune(SFTConfig(seed=0, max_steps=steps)):
        if snap.heldout_loss is not None and snap.step % 100 == 0:
            print(f"  step {snap.step:4d}  held-out loss {snap.heldout_loss:.3f}", flush=True)
        if snap.status == "diverged":
            raise SystemExit(snap.message)
    session.last_loss = session._sft_state().trainer.heldout_loss()
    seconds = time.perf_counter() - start
    after = session.evaluate("fine-tuned")
    path = session.save(out)
    print(f"sft: {steps} steps in {seconds:.0f} s, held-out loss {session.last_loss:.3f}; "
          f"on {len(questions)} held-out questions, stop {before.share('stops'):.0%} -> "
          f"{after.share('stops'):.0%}, correct {before.correct_share:.0%} -> "
          f"{after.correct_share:.0%}",
          flush=True)
    return path


# ----- Pillar III: the aligned model --------------------------------------------------------
ALIGN_RANKER = "prefers-longer"  # the demonstration judge: likes fuller answers (a known RLHF bias)
ALIGN_CLICKS = 30  # one demonstration's worth of clicks, as in the app
ALIGN_SEED = 0


def build_aligned(sft: Path, out: Path, clicks: int = ALIGN_CLICKS) -> Path:
    """Align the shipped fine-tuned model with a scripted judge (seeded: same weights everywhere).

    The judge prefers the longer of the model's answers, as human judges of real
    assistants tend to (RLHF-tuned models are known to grow wordier for it). The app's
    Chat panel shows other judges live, a biased one among them.
    """
    from engine.alignment.rankers import parse_ranker

    if not sft.exists():
        raise SystemExit(f"{sft} is missing: build it first with --stage sft.")
    session = Session.from_checkpoint(sft)
    ranker = parse_ranker(ALIGN_RANKER, session.ensure_tokenizer(), seed=ALIGN_SEED)
    run = session.alignment()
    run.set_trait(ranker.trait)
    before = run.answer_stats(samples_per_prompt=4, seed=ALIGN_SEED + 1)
    start = time.perf_counter()
    for _ in run.run_ranker(ranker, clicks, seed=ALIGN_SEED, sample=False):
        pass
    snap = run.history[-1]
    seconds = time.perf_counter() - start
    after = run.answer_stats(samples_per_prompt=4, seed=ALIGN_SEED + 1)
    meta = {"ranker": ranker.name, "clicks": clicks, "seed": ALIGN_SEED, "trait": run.trait.label,
            "trait_before": before.trait_rate, "trait_after": after.trait_rate,
            "kl_per_token": snap.kl_per_token}
    path = session.save_aligned(out, meta)
    print(f"aligned: {clicks} clicks of {ranker.name} in {seconds:.0f} s; {run.trait.label} on "
          f"{after.n} held-out answers: {before.trait_rate:.0%} -> {after.trait_rate:.0%}; "
          f"drift (KL) {meta['kl_per_token']:.3f} nats/token", flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", choices=("base", "sft", "aligned", "all"), default="all")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    if args.stage in ("base", "all"):
        build_base(paths.stage_checkpoint("base"))
    if args.stage in ("sft", "all"):
        build_sft(paths.stage_checkpoint("base"), paths.stage_checkpoint("sft"))
    if args.stage in ("aligned", "all"):  # Pillar III
        build_aligned(paths.stage_checkpoint("sft"), paths.stage_checkpoint("aligned"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
