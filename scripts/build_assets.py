"""Build the checkpoints the app ships in assets/checkpoints/, deterministically.

    python scripts/build_assets.py            # everything
    python scripts/build_assets.py --stage base
    python scripts/build_assets.py --stage sft   # fine-tunes the base one (needs it built)
    python scripts/build_assets.py --stage aligned   # aligns the sft one (needs it built)

The pre-trained ("base") model is trained from scratch on the default corpus (the library
of real books) with seed 0 for a fixed number of steps (not a fixed time), so every
machine builds the same weights; its loss curve and word-map frames are kept beside it.
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

BASE_STEPS = 14000  # 14.3 M tokens, ~7.8 passes over the library: 44 min on one thread (docs/performance.md)
# Map frames for the Embeddings replay of how the map formed: every 100 steps while it
# forms fast, then every 500 (37 frames, ~10 MB; every 100 throughout made 38 MB).
EARLY_FRAME_EVERY, EARLY_STEPS, FRAME_EVERY = 100, 1000, 500


def frame_due(step: int) -> bool:
    """Whether the build keeps a map frame at `step` (scripts/thin_build_history.py too)."""
    every = EARLY_FRAME_EVERY if step <= EARLY_STEPS else FRAME_EVERY
    return step == 1 or step % every == 0
SAVE_EVERY = 250  # a copy of the model so far in base-partial/, to look at during a long build
# (the learning rate warms down over the last half, so a copy is not the model of a shorter run)
CURVE_EVERY = 10  # a loss-curve point every 10 steps (and at every evaluation)


def _eta(start: float, step: int, steps: int) -> str:
    if step == 0:
        return "?"
    left = (time.perf_counter() - start) / step * (steps - step)
    return f"{left / 60:.0f} min" if left >= 90 else f"{left:.0f} s"


def _nearest(session: Session, word: str, k: int = 5) -> str:
    return ", ".join(n.token for n in session.pretraining.neighbours(word, k))


def build_base(out: Path, steps: int = BASE_STEPS) -> Path:
    """Pre-train from scratch on the default corpus (the library), seed 0, a fixed number
    of steps; keep the loss curve and frames of the word map beside the checkpoint."""
    from engine.pretraining.build_history import BuildHistory, CurvePoint, save_history

    session = Session(seed=0)
    print("base: preparing the data (the library, cleaned) and the tokenizer…", flush=True)
    session.ensure_tokenizer()
    start = time.perf_counter()
    curve: list[CurvePoint] = []
    frames, frame_steps = [], []
    words: tuple[str, ...] = ()
    token_ids: tuple[int, ...] = ()

    def take_frame(step: int) -> None:
        nonlocal words, token_ids
        snap = session.pretraining.embedding_snapshot()
        if not words:
            words, token_ids = snap.words, snap.token_ids
        assert snap.token_ids == token_ids  # the selection is cached: the same words each frame
        frames.append(snap.vectors.astype("float32"))
        frame_steps.append(step)

    def save(folder: Path) -> Path:
        path = session.save(folder)
        save_history(path, BuildHistory(tuple(curve), words, token_ids, tuple(frame_steps),
                                        tuple(frames), time.perf_counter() - start))
        return path

    snap = None
    for snap in session.pretraining.train(TrainConfig(seed=0, max_steps=steps), from_scratch=True):
        if snap.status == "diverged":
            raise SystemExit(snap.message)
        if snap.step % CURVE_EVERY == 0 or snap.heldout_loss is not None:
            curve.append(CurvePoint(snap.step, snap.tokens_seen, float(snap.train_loss),
                                    snap.heldout_loss))
        if frame_due(snap.step) and snap.status == "running":
            take_frame(snap.step)
        if snap.heldout_loss is not None:
            session.last_loss = snap.heldout_loss
        if snap.step % SAVE_EVERY == 0 and snap.status == "running" and snap.step < steps:
            save(out.with_name(out.name + "-partial"))
        if snap.heldout_loss is not None and snap.status == "running":
            print(f"  step {snap.step:5d}/{steps}  held-out loss {snap.heldout_loss:.3f}  "
                  f"{snap.tokens_per_s:,.0f} tokens/s  elapsed "
                  f"{(time.perf_counter() - start) / 60:.1f} min  ETA {_eta(start, snap.step, steps)}"
                  f"  sea -> {_nearest(session, 'sea')}", flush=True)
    if not frame_steps or frame_steps[-1] != steps:
        take_frame(steps)
    session.last_loss = session.pretraining.trainer.heldout_loss()
    seconds = time.perf_counter() - start
    path = save(out)
    sea = ", ".join(f"{n.token} {n.similarity:.2f}" for n in session.pretraining.neighbours("sea", 5))
    print(f"base: {steps} steps in {seconds:.0f} s, {session.model.num_parameters():,} "
          f"parameters, held-out loss {session.last_loss:.3f}; sea -> {sea}", flush=True)
    return path


# ----- Pillar II: the fine-tuned ("sft") model ---------------------------------------------
SFT_STEPS = 300  # ~15 passes over the bundled pairs: answers reliably, ~20 s on two cores


def build_sft(base: Path, out: Path, steps: int = SFT_STEPS) -> Path:
    """Fine-tune the shipped base model on the bundled question/answer pairs (seed 0)."""
    from engine.finetuning.trainer import SFTConfig

    if not base.exists():
        raise SystemExit(f"{base} is missing: build it first with --stage base.")
    session = Session.from_checkpoint(base)
    questions = session.finetuning.qa_set().questions()
    before = session.finetuning.evaluate("pre-trained")
    start = time.perf_counter()
    for snap in session.finetuning.train(SFTConfig(seed=0, max_steps=steps)):
        if snap.heldout_loss is not None and snap.step % 100 == 0:
            print(f"  step {snap.step:4d}  held-out loss {snap.heldout_loss:.3f}", flush=True)
        if snap.status == "diverged":
            raise SystemExit(snap.message)
    session.last_loss = session.finetuning.trainer.heldout_loss()
    seconds = time.perf_counter() - start
    after = session.finetuning.evaluate("fine-tuned")
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
    run = session.alignment.current_run()
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
    path = session.alignment.save_aligned(out, meta)
    print(f"aligned: {clicks} clicks of {ranker.name} in {seconds:.0f} s; {run.trait.label} on "
          f"{after.n} held-out answers: {before.trait_rate:.0%} -> {after.trait_rate:.0%}; "
          f"drift (KL) {meta['kl_per_token']:.3f} nats/token", flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", choices=("base", "sft", "aligned", "all"), default="all")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (1: sums that do not depend on how threads split the work)")
    parser.add_argument("--base-steps", type=int, default=BASE_STEPS,
                        help="pre-training steps of the base model (the shipped one: the default)")
    parser.add_argument("--out", type=Path, default=paths.CHECKPOINTS,
                        help="folder for the base/, sft/ and aligned/ checkpoints")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    base, sft, aligned = (args.out / paths.stage_checkpoint(s).name for s in ("base", "sft", "aligned"))
    if args.stage in ("base", "all"):
        build_base(base, args.base_steps)
    if args.stage in ("sft", "all"):
        build_sft(base, sft)
    if args.stage in ("aligned", "all"):  # Pillar III
        build_aligned(sft, aligned)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
