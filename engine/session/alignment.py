"""Pillar III of a Session: preference updates from a person's (or a scripted ranker's)
feedback, and the three stages side by side (the Chat & feedback panel).

The frozen reference is the fine-tuned model (`session.stage_model("fine-tuned")`); the
policy is a copy of it that becomes the live model, stage "aligned" once it has learned
from feedback and "fine-tuned" again after a reset.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from engine.alignment.feedback import Candidates, Feedback
from engine.alignment.metrics import AlignmentSnapshot, StageView, Trait, stage_view, word_trait
from engine.alignment.rankers import Ranker, parse_ranker
from engine.alignment.run import Alignment
from engine.checkpoint import save_checkpoint
from engine.session.stage_models import SHIPPED
from engine.stages import ALIGNED, FINETUNED, PRETRAINED

if TYPE_CHECKING:  # for type checkers only: the core imports this module
    from engine.session.core import Session


class AlignmentPart:
    """The alignment of a session (`session.alignment`): one run at a time, rebuilt when
    the live model is no longer its policy."""

    def __init__(self, session: Session):
        self.session = session
        self.run: Alignment | None = None  # None until the first feedback, candidates or chart

    def current_run(self) -> Alignment:
        """The live alignment run, made when there is none for the live model.

        It is rebuilt when the live model is no longer its policy (the person
        pre-trained or fine-tuned again since). ValueError when there is no
        fine-tuned model to align.
        """
        s = self.session
        if self.run is not None and self.run.policy is s.model:
            return self.run
        if s.stage == ALIGNED and s.model is not None:
            start = s.model  # e.g. an aligned checkpoint: carry on from it
            try:
                reference = s.stage_model(FINETUNED).model
            except ValueError:
                reference = s.model
        else:
            ft = s.stage_model(FINETUNED)  # raises a readable ValueError if none
            if s.stage == PRETRAINED and s.model is not None:
                s.keep_stage_model(PRETRAINED, s.model, s.ensure_tokenizer(), replace=False)
            start, reference = copy.deepcopy(ft.model), ft.model
            s.tokenizer = ft.tokenizer  # type: ignore[assignment]  # the same tokens (checked by stage_model)
        qa = s.finetuning.qa_set()
        run = Alignment(
            start,
            s.ensure_tokenizer(),
            heldout_prompts=[p.question for p in qa.heldout],
            train_prompts=[p.question for p in qa.train],
            reference=reference,
            start_from_reference=start is not s.model,
            known_words=s.finetuning.known_words(),
        )
        self.resume(run)
        if s.stage != ALIGNED:
            s.stage = FINETUNED
        # The live model changed (to the fine-tuned one): the status bar's loss must be
        # measured on it, on what its label names (held-out answers), not carried over.
        s.remeasure_answer_loss()
        return run

    def resume(self, run: Alignment) -> None:
        """Carry on with `run` (e.g. restored from a session file): its policy goes live."""
        self.session.model = run.policy
        self.run = run

    def candidates(self, prompt: str, n: int = 2, seed: int = 0) -> Candidates:
        """n different answers to `prompt` from the live (being-aligned) model."""
        if not prompt.strip():
            raise ValueError("Type a question first.")
        return self.current_run().candidates(prompt, n=n, seed=seed)

    def learn_from_feedback(self, feedback: Feedback) -> AlignmentSnapshot:
        """Learn from feedback (PreferencePair, Ranking, Thumb or pairs) -> AlignmentSnapshot."""
        run = self.current_run()
        snap = run.learn_from_feedback(feedback)
        self.session.stage = ALIGNED if run.version > 0 else FINETUNED
        self.session.remeasure_answer_loss()
        return snap

    def reset(self) -> AlignmentSnapshot:
        """Back to the fine-tuned model: its weights, no feedback -> AlignmentSnapshot."""
        snap = self.current_run().reset()
        self.session.stage = FINETUNED
        self.session.remeasure_answer_loss()
        return snap

    def run_ranker(self, ranker: Ranker | str, clicks: int, seed: int = 0) -> Iterator[AlignmentSnapshot]:
        """`clicks` rounds of a scripted ranker (a Ranker or a spec such as "prefers-word:sea").

        The trait the ranker rewards (if any) is measured from here on.
        """
        run = self.current_run()
        if isinstance(ranker, str):
            ranker = parse_ranker(ranker, self.session.ensure_tokenizer(), seed=seed)
        if ranker.trait is not None and not run.measures(ranker.trait):
            run.set_trait(ranker.trait)  # measure what this ranker rewards
        for snap in run.run_ranker(ranker, clicks, seed=seed):
            if run.version > 0:
                self.session.stage = ALIGNED
            if snap.event != "no preference":
                self.session.remeasure_answer_loss()
            yield snap

    def stop_ranker(self) -> None:
        if self.run is not None:
            self.run.request_stop()

    def set_trait(self, spec: str | None) -> AlignmentSnapshot:
        """Measure a trait from now on: "word:WORD", "short", "long" or None."""
        trait = None
        if spec:
            kind, _, word = spec.partition(":")
            trait = word_trait(self.session.ensure_tokenizer(), word) if kind == "word" else Trait(kind)
        return self.current_run().set_trait(trait)

    def history(self) -> tuple[AlignmentSnapshot, ...]:
        """Every AlignmentSnapshot since the last reset (the charts' data)."""
        return tuple(self.current_run().history)

    def stage_strip(self, prompt: str, k: int = 5, seed: int = 0, max_new_tokens: int = 40) -> tuple[StageView, ...]:
        """One prompt, in the chat format, to the pre-trained, fine-tuned and aligned models.

        "aligned" is the live model once it has learned from feedback; before that,
        the shipped aligned model (when it reads the same tokens), else the live one.
        """
        if not prompt.strip():
            raise ValueError("Type a question first.")
        s = self.session
        run = self.current_run()
        tok = s.ensure_tokenizer()
        views = []
        for stage in (PRETRAINED, FINETUNED, ALIGNED):
            try:
                if stage == ALIGNED:
                    shipped = s.shipped.get(ALIGNED, tok) if run.version == 0 else None
                    if shipped is not None:
                        model, origin = shipped.model, _shipped_origin(shipped.meta)
                    else:
                        n = len(run.optimizer.memory.items)
                        model, origin = run.policy, f"this session: {n} judgement{'s' * (n != 1)}"
                elif stage == FINETUNED:
                    model, origin = run.reference, "the reference the judgements start from"
                else:
                    try:
                        sm = s.stage_model(stage)
                        model, tok, origin = sm.model, sm.tokenizer, sm.origin
                    except ValueError:
                        shipped = s.shipped.get(PRETRAINED, tok)  # e.g. a session opened aligned
                        if shipped is None:
                            raise
                        model, origin = shipped.model, SHIPPED
            except ValueError as e:
                views.append(StageView(stage, None, None, str(e)))
                continue
            views.append(stage_view(stage, model, tok, prompt, k, seed, max_new_tokens, origin))
        return tuple(views)

    def save_aligned(self, path: str | os.PathLike, meta: dict | None = None) -> Path:
        """Save the aligned model as a stage checkpoint (stage "aligned")."""
        s = self.session
        run = self.current_run()
        info = {"seed": s.seed, "mix": dict(s.mix.weights), "tokens_seen": s.tokens_seen,
                "judgements": len(run.optimizer.memory.items), **(meta or {})}
        return save_checkpoint(path, run.policy, s.ensure_tokenizer(), ALIGNED, info)


def _shipped_origin(meta: dict) -> str:
    """Where the shipped aligned model came from, for people."""
    clicks, ranker = meta.get("clicks"), meta.get("ranker")
    if clicks and ranker:
        return f"shipped: {clicks} clicks of an automatic judge ({ranker})"
    return SHIPPED

