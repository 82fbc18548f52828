"""Pillar II of a Session: fine-tuning on question/answer pairs, and putting one question
to the pre-trained and the fine-tuned model side by side (the Fine-tune panel)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from engine.chat_format import chat_prompt
from engine.finetuning.answer_scoring import (
    AnswerReport,
    DecodeSettings,
    ask,
    check_answer,
    check_answers,
)
from engine.finetuning.known_words import KnownWords
from engine.finetuning.qa_data import HELDOUT, QASet, bundled_qa
from engine.finetuning.trainer import (
    SFTConfig,
    SFTSnapshot,
    SFTTrainer,
    StageComparison,
    StageOutput,
    StageRates,
)
from engine.session.stage_models import LIVE, StageModel
from engine.stages import FINETUNED, PRETRAINED, UNTRAINED

if TYPE_CHECKING:  # for type checkers only: the core imports this module
    from engine.session.core import Session


class FinetuningPart:
    """The fine-tuning of a session (`session.finetuning`): its pairs, its job, its comparisons.

    Fine-tuning starts from a copy of the pre-trained model, which the session keeps
    (`Session.keep_stage_model`) so both can be asked the same question.
    """

    def __init__(self, session: Session):
        self.session = session
        self.qa: QASet | None = None  # the pairs to learn from; None: the bundled ones
        self.trainer: SFTTrainer | None = None  # the latest fine-tuning job

    def qa_set(self) -> QASet:
        """The question/answer pairs fine-tuning uses (the bundled ones until changed)."""
        if self.qa is None:
            self.qa = bundled_qa()
        return self.qa

    def set_qa(self, qa: QASet) -> QASet:
        """Use these pairs from now on (the next fine-tuning run learns from them)."""
        if not isinstance(qa, QASet):
            raise TypeError(f"set_qa needs a QASet, got {type(qa).__name__}")
        if not qa.train:
            raise ValueError("Keep at least one question/answer pair to train on.")
        self.qa = qa
        return qa

    def train(self, config: SFTConfig | None = None, train_on_prompt: bool = False) -> Iterator[SFTSnapshot]:
        """Fine-tune on the question/answer pairs, yielding a snapshot per step.

        Starts from the pre-trained model (a copy: the pre-trained one is kept for
        comparison), or, when there is none (a fine-tuned checkpoint was loaded), from
        the current model. The live model becomes the fine-tuned copy at once, stage
        "fine-tuned". Nothing changes if the pairs cannot be used (ValueError).
        """
        s = self.session
        config = config or SFTConfig()
        if train_on_prompt and not config.train_on_prompt:
            config = replace(config, train_on_prompt=True)
        if s.model is None or s.stage == UNTRAINED:
            raise ValueError("Pre-train the model first: fine-tuning starts from a pre-trained model.")
        try:
            base = s.stage_model(PRETRAINED)
        except ValueError:
            base = StageModel(s.model, s.ensure_tokenizer(), LIVE)
        qa = self.qa_set()
        model = copy.deepcopy(base.model)
        trainer = SFTTrainer(model, base.tokenizer, qa.train, qa.heldout, config)  # may raise
        if s.stage == PRETRAINED:
            s.keep_stage_model(PRETRAINED, base.model, base.tokenizer)
        s.keep_stage_model(FINETUNED, model, base.tokenizer)
        self.trainer = trainer
        s.model = model
        s.stage = FINETUNED
        return self._follow(trainer)

    def _follow(self, trainer: SFTTrainer) -> Iterator[SFTSnapshot]:
        for snap in trainer.run():
            if snap.heldout_loss is not None:
                self.session.last_loss = snap.heldout_loss
            yield snap

    def stop(self) -> None:
        """Stop a running fine-tuning job at its next step (pre-training is left alone)."""
        if self.trainer is not None:
            self.trainer.request_stop()

    def compare(
        self, question: str, settings: DecodeSettings | None = None, base_chat: bool = True
    ) -> StageComparison:
        """The same question to the pre-trained and the fine-tuned model, under the same rules.

        Both are asked with the same settings and both stop at `<end>` (pre-training
        puts an end-of-text token between documents, so a base model can stop too). The
        fine-tuned model is asked in the chat format it learned; the pre-trained one too
        (base_chat=True), or with the bare question, the way a next-word machine is asked.
        Each verdict is computed from what that model wrote just now; "correct" needs a
        reference answer, so it is checked when the question is one of the pairs.
        """
        settings = settings or DecodeSettings()
        if not question.strip():
            raise ValueError("Type a question first.")
        reference = self.reference_answer(question)
        known = self.known_words()
        outputs = []
        for stage, chat in ((PRETRAINED, base_chat), (FINETUNED, True)):
            try:
                model, tok, origin = self.session.stage_model(stage)
            except ValueError as e:
                outputs.append(StageOutput(stage, "", chat, None, None, str(e)))
                continue
            ids = tok.encode(chat_prompt(question) if chat else question)
            g = ask(model, tok, ids, settings, question)
            outputs.append(StageOutput(stage, origin, chat, g,
                                       check_answer(question, g, reference=reference, known=known)))
        return StageComparison(question.strip(), tuple(outputs))

    def reference_answer(self, question: str) -> str:
        """The answer the pairs give to `question` ("" when it is not one of them)."""
        key = " ".join(question.lower().split())
        return next((p.answer for _, p in self.qa_set().rows()
                     if " ".join(p.question.lower().split()) == key), "")

    def known_words(self) -> KnownWords:
        """Every word of the training text: the pre-training documents and the pairs."""
        s = self.session
        books = s.built.get(
            ("known words", s.data_key()),
            lambda: KnownWords.from_texts(d.text for d in s.training_documents()),
        )
        pairs = KnownWords.from_texts(f"{p.question} {p.answer}" for p in self.qa_set().train)
        return KnownWords(books.words | pairs.words)

    def evaluate(self, stage: str, settings: DecodeSettings | None = None,
                 split: str = HELDOUT) -> AnswerReport:
        """The five answer rules over the held-out (or the training) questions, for one stage.

        The one code path for every stage ("pre-trained", "fine-tuned", "aligned").
        """
        model, tok, _ = self.session.stage_model(stage)
        qa = self.qa_set()
        held = qa.heldout if split == HELDOUT else qa.train
        return check_answers(model, tok, [p.question for p in held], settings,
                             [p.answer for p in held], self.known_words())

    def answer_rates(
        self, settings: DecodeSettings | None = None, stages: tuple[str, ...] = (PRETRAINED, FINETUNED)
    ) -> StageRates:
        """The answer rules on the held-out questions, per stage (the same code path each)."""
        questions = tuple(self.qa_set().questions(HELDOUT))
        rates, origins, notes = {}, {}, {}
        for stage in stages:
            try:
                origins[stage] = self.session.stage_model(stage).origin
            except ValueError as e:
                notes[stage] = str(e)
                continue
            rates[stage] = self.evaluate(stage, settings)
        return StageRates(questions, rates, origins, notes)
