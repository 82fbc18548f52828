"""The live state of one run of the app: the data, the tokenizer, the model and its stage.

The GUI's engine worker holds exactly one Session; the command line and the tests drive
it directly. Everything it returns is a plain frozen value, never a live tensor.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
import torch

from engine import paths
from engine.finetuning.answer_scoring import (  # Fine-tune panel
    AnswerReport,
    DecodeSettings,
    answer_loss,
    ask,
    check_answer,
    check_answers,
)
from engine.finetuning.known_words import KnownWords
from engine.checkpoint import Checkpoint, CheckpointError, load_checkpoint, save_checkpoint
from engine.corpus.curation import FilterReport
from engine.corpus.heldout import describe_heldout, split_documents
from engine.corpus.library.books import document_credit
from engine.corpus.mix import Mix, apply_mix, bpe_vocab_for, pretraining_texts, stats
from engine.corpus.pipeline import clean_mix
from engine.corpus.sources import (
    SOURCES_BY_NAME,
    Document,
    SourceInfo,
    bundled_corpus,
    sources_in_view,
    with_sources,
)
from engine.corpus.userfiles import load_user_texts
from engine.model import GPTConfig, TinyGPT
from engine.pretraining.trainer import PreTrainer, TrainConfig, TrainSnapshot
from engine.pretraining.probes import (
    Generation,
    Neighbour,
    NextTokenDistribution,
    generate,
    nearest_neighbours,
    next_token_distribution,
)
from engine.pretraining.projection import EmbeddingSnapshot  # Embeddings panel
from engine.finetuning.qa_data import HELDOUT, QASet, bundled_qa  # Fine-tune panel
from engine.finetuning.trainer import (  # Fine-tune panel
    SFTConfig,
    SFTSnapshot,
    SFTTrainer,
    StageComparison,
    StageOutput,
    StageRates,
)
from engine.tokenizers import (
    ASSISTANT,
    SPECIAL_TOKENS,
    USER,
    BPETokenizer,
    CharTokenizer,
    Tokenizer,
    WordTokenizer,
)

USER_SOURCE = "yours"
WORD_VOCAB = 6000  # the word tokenizer's closed vocabulary, for the Tokens panel


@dataclass(frozen=True)
class ModelStatus:
    """What the status bar shows about the model."""

    stage: str  # "untrained" | "pre-trained" | "fine-tuned" | "aligned"
    n_params: int
    loss: float | None  # latest held-out loss (else train loss)
    tokens_seen: int
    loss_label: str = ""  # what that loss is measured on, for people ("held-out text", ...)


@dataclass(frozen=True)
class SourceSummary:
    info: SourceInfo
    documents: int
    words: int
    weight: float
    sample: str
    sample_credit: str = ""  # title, author and year (and chapter) of a library sample


@dataclass(frozen=True)
class DataSummary:
    """Everything the Data panel shows: sources, mix, curation and the training set."""

    sources: tuple[SourceSummary, ...]
    mix: Mix
    reports: tuple[FilterReport, ...]
    documents: int
    words: int
    tokens: int
    user_files: tuple[str, ...]
    heldout: str = ""  # which text is held out, in one sentence (whole chapters for books)


def split_heldout(tok: Tokenizer, docs: list[Document], min_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """(train ids, held-out ids): whole chapters of the books, every 20th other document.

    With few documents (a person's single file), the last tenth of the token stream is
    held out instead, so there is always some unseen text to measure on.
    """
    if not docs:
        raise ValueError("There is no text to train on: give the mix some documents.")
    train_docs, held_docs = split_documents(docs)
    if held_docs:
        train, held = encode_documents(tok, train_docs), encode_documents(tok, held_docs)
        if len(held) >= min_tokens:
            return train, held
    ids = encode_documents(tok, docs)
    cut = int(len(ids) * 0.9)
    train, held = ids[:cut], ids[cut:]
    if len(held) < min_tokens:
        raise ValueError(
            f"There is too little text to train on: {len(ids):,} tokens in all, and the model "
            f"needs at least {10 * min_tokens:,}. Add more text or more sources to the mix."
        )
    return train, held


def encode_documents(tok: Tokenizer, docs: list[Document]) -> np.ndarray:
    """All documents as one stream of ids, an end-of-text token after each."""
    texts = pretraining_texts(docs)
    batch = getattr(tok, "encode_batch", None)
    chunks = batch(texts) if batch is not None else [tok.encode(t) for t in texts]
    return np.fromiter((i for c in chunks for i in c), dtype=np.int64)


class Session:
    """One model being made: data -> tokenizer -> pre-training -> probes."""

    def __init__(self, seed: int = 0, model_config: GPTConfig | None = None):
        self.seed = seed
        self.mix = Mix.default()
        self.model_config = model_config
        self._corpus = None  # the bundled corpora, loaded lazily (sources.bundled_corpus)
        self._user_docs: list[Document] = []
        self.user_files: list[str] = []
        self.tokenizer: BPETokenizer | None = None
        self._tokenizer_data_key: tuple | None = None
        self.model: TinyGPT | None = None
        self.stage = "untrained"
        self.tokens_seen = 0
        self.last_loss: float | None = None
        self._trainer: PreTrainer | None = None
        self._trainer_key: tuple | None = None
        self._cache: dict = {}

    # ----- loading and saving -------------------------------------------------------
    @classmethod
    def from_checkpoint(cls, path: str | os.PathLike) -> Session:
        ckpt = load_checkpoint(path)
        meta = ckpt.meta
        session = cls(seed=int(meta.get("seed", 0)), model_config=ckpt.model.config)
        if "mix" in meta:
            session.mix = Mix(dict(meta["mix"]))
        session.tokenizer = ckpt.tokenizer  # type: ignore[assignment]
        session._tokenizer_data_key = session._data_key()
        session.model = ckpt.model
        session.stage = ckpt.stage
        session.tokens_seen = int(meta.get("tokens_seen", 0))
        session.last_loss = meta.get("heldout_loss")
        return session

    @classmethod
    def from_default(cls, stage: str = "base") -> Session:
        """The shipped checkpoint of a stage ("base" now), so the app opens ready."""
        return cls.from_checkpoint(paths.stage_checkpoint(stage))

    def save(self, path: str | os.PathLike) -> Path:
        if self.model is None or self.tokenizer is None:
            raise ValueError("There is no model to save yet: train one first.")
        meta = {
            "seed": self.seed,
            "mix": dict(self.mix.weights),
            "tokens_seen": self.tokens_seen,
            "heldout_loss": self.last_loss,
            "user_files": list(self.user_files),
        }
        return save_checkpoint(path, self.model, self.tokenizer, self.stage, meta)

    # ----- data ---------------------------------------------------------------------
    def _data_key(self) -> tuple:
        return (self.seed, tuple(sorted(self.mix.weights.items())), tuple(self.user_files))

    def corpus(self) -> Mapping[str, list[Document]]:
        if self._corpus is None:
            self._corpus = bundled_corpus(self.seed)
        # A lazy view: a corpus is loaded the first time the mix reads one of its sources.
        return with_sources(self._corpus, {USER_SOURCE: list(self._user_docs)} if self._user_docs else {})

    def _curated(self):
        key = ("curated", self._data_key())
        if key not in self._cache:
            mixed = apply_mix(self.corpus(), self.mix, seed=self.seed)
            self._cache[key] = clean_mix(mixed)
        return self._cache[key]

    def training_documents(self) -> list[Document]:
        """The curated, mixed documents the model learns from (train + held-out)."""
        return list(self._curated().kept)

    def _ids(self) -> tuple[np.ndarray, np.ndarray]:
        """(train ids, held-out ids) of the current data under the current tokenizer."""
        tok = self.ensure_tokenizer()
        key = ("ids", self._data_key(), id(tok))
        if key not in self._cache:
            block = (self.model_config or GPTConfig()).block_size
            self._cache[key] = split_heldout(tok, self.training_documents(), min_tokens=2 * block + 2)
        return self._cache[key]

    def data_summary(self) -> DataSummary:
        corpus = self.corpus()
        infos = dict(SOURCES_BY_NAME)
        infos[USER_SOURCE] = SourceInfo(
            USER_SOURCE, "Your text", "Files you added yourself, split into paragraphs."
        )
        sources = []
        for name in sources_in_view(self.mix.weights, iter(corpus)):
            docs = corpus[name]
            st = stats(docs)
            sources.append(
                SourceSummary(
                    info=infos[name],
                    documents=st.documents,
                    words=st.words,
                    weight=float(self.mix.weights.get(name, 0.0)),
                    sample=docs[0].text if docs else "",
                    sample_credit=document_credit(docs[0].book, docs[0].chapter) if docs else "",
                )
            )
        result = self._curated()
        st = stats(result.kept)
        tokens = int(sum(len(a) for a in self._ids())) if result.kept else 0
        return DataSummary(
            sources=tuple(sources),
            mix=self.mix,
            reports=tuple(result.reports),
            documents=st.documents,
            words=st.words,
            tokens=tokens,
            user_files=tuple(self.user_files),
            heldout=describe_heldout(result.kept),
        )

    def set_mix(self, mix: Mix) -> DataSummary:
        unknown = set(mix.weights) - set(self.corpus()) - {USER_SOURCE}
        if unknown:
            raise ValueError(f"The mix names sources that are not loaded: {sorted(unknown)}")
        self.mix = mix
        return self.data_summary()

    def add_user_texts(self, path: str | os.PathLike | list) -> DataSummary:
        """Load the person's files; a bad file raises UserTextError and changes nothing."""
        docs = load_user_texts(path)  # raises before anything below changes
        names = [str(p) for p in (path if isinstance(path, list) else [path])]
        self._user_docs = self._user_docs + docs
        self.user_files = self.user_files + names
        weights = dict(self.mix.weights)
        weights.setdefault(USER_SOURCE, 1.0)
        self.mix = Mix(weights)
        return self.data_summary()

    # ----- tokenizers ---------------------------------------------------------------
    def ensure_tokenizer(self) -> BPETokenizer:
        if self.tokenizer is None:
            self.tokenizer = BPETokenizer.train(
                [d.text for d in self.training_documents()], vocab_size=bpe_vocab_for(self.mix)
            )
            self._tokenizer_data_key = self._data_key()
        return self.tokenizer

    def tokenizers(self) -> dict[str, Tokenizer]:
        """The three tokenizers side by side; "bpe" is the model's own."""
        key = ("tokenizers", self._data_key())
        if key not in self._cache:
            texts = [d.text for d in self.training_documents()]
            self._cache[key] = (CharTokenizer.train(texts), WordTokenizer.train(texts, WORD_VOCAB))
        char, word = self._cache[key]
        return {"char": char, "word": word, "bpe": self.ensure_tokenizer()}

    # ----- the model ----------------------------------------------------------------
    def new_model(self, seed: int | None = None) -> TinyGPT:
        """A fresh, untrained model sized for the current tokenizer."""
        tok = self.ensure_tokenizer()
        base = self.model_config or GPTConfig()
        config = GPTConfig(**{**base.to_dict(), "vocab_size": tok.vocab_size})
        torch.manual_seed(self.seed if seed is None else seed)
        self.model = TinyGPT(config)
        self.model_config = config
        self.stage = "untrained"
        self.tokens_seen = 0
        self.last_loss = None
        self._trainer = None
        return self.model

    def status(self) -> ModelStatus:
        return ModelStatus(
            stage=self.stage,
            n_params=self.model.num_parameters() if self.model is not None else 0,
            loss=self.last_loss,
            tokens_seen=self.tokens_seen,
            loss_label=self.loss_label(),
        )

    def loss_label(self) -> str:
        """What `last_loss` is measured on: it changes meaning with the stage."""
        if self.stage in ("untrained", "pre-trained"):
            return "held-out text"
        if self.stage == "aligned":
            run = self.__dict__.get("_alignment_run")
            n = len(run.optimizer.memory.pairs()) if run is not None else None
            return "held-out answers, after feedback" if n is None else \
                f"held-out answers, after {n} judgement{'s' * (n != 1)}"
        return "held-out answers"

    def remeasure_answer_loss(self) -> float | None:
        """The live model's loss on the held-out answers, now (after feedback, say)."""
        if self.model is None:
            return self.last_loss
        loss = answer_loss(self.model, self.ensure_tokenizer(), self.qa_set().heldout)
        self.last_loss = loss if loss is not None else self.last_loss
        return self.last_loss

    def pretrain(self, config: TrainConfig | None = None, from_scratch: bool = False) -> Iterator[TrainSnapshot]:
        """Pre-train on the current data, yielding a snapshot per step.

        From scratch, the tokenizer is retrained if the data changed since it was made
        and the model starts from random weights seeded by config.seed. Otherwise
        training continues from the current weights (and optimiser state, if any).
        """
        config = config or TrainConfig()
        if from_scratch:
            # config.seed fixes the starting weights and the batch order; the data's own
            # seed (self.seed) stays, so a new dice roll never changes the vocabulary.
            if self._tokenizer_data_key != self._data_key():
                self.tokenizer = None
            self.new_model(seed=config.seed)
        elif self.model is None:
            self.new_model(seed=config.seed)
        train_ids, held_ids = self._ids()
        key = (self._data_key(), id(self.tokenizer), id(self.model))
        if self._trainer is None or self._trainer_key != key:
            self._trainer = PreTrainer(
                self.model, train_ids, held_ids, config, tokens_seen=self.tokens_seen
            )
            self._trainer_key = key
        else:
            self._trainer.config = config
        return self._run_trainer(self._trainer)

    def _run_trainer(self, trainer: PreTrainer) -> Iterator[TrainSnapshot]:
        for snap in trainer.run():
            if snap.status != "diverged":
                self.tokens_seen = snap.tokens_seen
                self.stage = "pre-trained"
                if snap.heldout_loss is not None:
                    self.last_loss = snap.heldout_loss
            yield snap

    def request_stop(self) -> None:
        if self._trainer is not None:
            self._trainer.request_stop()
        state = self.__dict__.get("_finetune_state")  # Pillar II: fine-tuning
        if state is not None and state.trainer is not None:
            state.trainer.request_stop()

    def _require_model(self) -> TinyGPT:
        if self.model is None:
            raise ValueError("There is no model yet: train one first.")
        return self.model

    # ----- probes -------------------------------------------------------------------
    def passage(self, n_tokens: int = 40, seed: int = 0) -> list[int]:
        """The first n tokens of a real training document, for the Windows panel."""
        docs = self.training_documents()
        rng = np.random.default_rng(seed)
        tok = self.ensure_tokenizer()
        for _ in range(50):
            doc = docs[int(rng.integers(len(docs)))]
            ids = tok.encode(doc.text)
            if len(ids) >= min(n_tokens, 12):
                return ids[:n_tokens]
        return tok.encode(docs[0].text)[:n_tokens]

    def next_token(self, ids: list[int], k: int = 10) -> NextTokenDistribution:
        return next_token_distribution(self._require_model(), self.ensure_tokenizer(), ids, k)

    def neighbours(self, word: str, k: int = 8) -> list[Neighbour]:
        return nearest_neighbours(self._require_model(), self.ensure_tokenizer(), word, k)

    # --- Embeddings panel (added by the embeddings work; see engine/projection.py) ---
    def embedding_snapshot(self, limit: int | None = None) -> EmbeddingSnapshot:
        """The map's words (the `limit` most frequent, default MAP_WORDS, and all grouped
        words) and their embedding vectors now (a numpy copy)."""
        from engine.pretraining.probes import embedding_matrix
        from engine.pretraining.projection import MAP_WORDS, make_snapshot, select_word_tokens

        limit = MAP_WORDS if limit is None else limit

        tok = self.ensure_tokenizer()
        key = ("word_selection", self._data_key(), id(tok), limit)
        if key not in self._cache:
            train_ids, _ = self._ids()
            counts = np.bincount(train_ids, minlength=tok.vocab_size)
            self._cache[key] = select_word_tokens(tok, counts=counts, limit=limit)
        step = self._trainer.step_count if self._trainer is not None else 0
        return make_snapshot(embedding_matrix(self._require_model()), self._cache[key],
                             step=step, tokens_seen=self.tokens_seen)

    def generate(
        self,
        prompt: str,
        max_new_tokens: int = 60,
        temperature: float = 1.0,
        top_k: int | None = None,
        greedy: bool = False,
        seed: int = 0,
        chat: bool = False,
        stage: str | None = None,
    ) -> Generation:
        """Continue the prompt; with chat, wrap it as a user turn and stop at <end>.

        stage picks a kept model ("pre-trained", "fine-tuned"; see stage_model); None: the live one.
        """
        if stage is None:
            model, tok = self._require_model(), self.ensure_tokenizer()
        else:
            model, tok, _ = self.stage_model(stage)
        text = chat_prompt(prompt) if chat else prompt
        return generate(
            model,
            tok,
            tok.encode(text),
            max_new_tokens=max_new_tokens,
            temperature=temperature,
            top_k=top_k,
            greedy=greedy,
            seed=seed,
            stop_at_end=chat,
            prompt=prompt,
        )

    # ===== Pillar II: supervised fine-tuning ============================================
    # (engine/sft.py, engine/qa_data.py, engine/answer_quality.py; the Fine-tune panel.)
    # Kept apart from the rest of the class on purpose. Besides the live model, the model
    # of each stage is kept (`stage_models`, with the tokenizer it reads) so the same
    # question can be put to the pre-trained and the fine-tuned model side by side. The
    # state is created on first use, so __init__ needs no change.

    def _sft_state(self) -> _FinetuneState:
        state = self.__dict__.get("_finetune_state")
        if state is None:
            state = self._finetune_state = _FinetuneState()
        return state

    @property
    def stage_models(self) -> dict[str, TinyGPT]:
        """Models kept by stage ("pre-trained", "fine-tuned") besides the live one."""
        return self._sft_state().models

    def qa_set(self) -> QASet:
        """The question/answer pairs fine-tuning uses (the bundled ones until changed)."""
        state = self._sft_state()
        if state.qa is None:
            state.qa = bundled_qa()
        return state.qa

    def set_qa(self, qa: QASet) -> QASet:
        """Use these pairs from now on (the next fine-tuning run learns from them)."""
        if not isinstance(qa, QASet):
            raise TypeError(f"set_qa needs a QASet, got {type(qa).__name__}")
        if not qa.train:
            raise ValueError("Keep at least one question/answer pair to train on.")
        self._sft_state().qa = qa
        return qa

    def stage_model(self, stage: str) -> StageModel:
        """The model of `stage` with its tokenizer and where it came from.

        The live model when it is at that stage; else the one kept when fine-tuning
        began; for "fine-tuned", else the shipped fine-tuned checkpoint when it reads
        the same tokens. ValueError (a readable message) when there is none.
        """
        state = self._sft_state()
        if stage == self.stage and self.model is not None:
            return StageModel(self.model, self.ensure_tokenizer(), "this session's model")
        kept = state.models.get(stage)
        # subtle: the kept model may be the live one, changed since (e.g. pre-trained
        # further after fine-tuning); then it no longer is what that stage made.
        if kept is not None and kept is not self.model:
            return StageModel(kept, state.tokenizers[stage], "kept from this session")
        if stage == "fine-tuned":
            shipped = self._shipped_finetuned()
            if shipped is not None:
                return shipped
            raise ValueError("There is no fine-tuned model yet: fine-tune the pre-trained one.")
        if stage == "pre-trained":
            raise ValueError("There is no pre-trained model in this session: pre-train one first.")
        raise ValueError(f"There is no {stage} model in this session.")

    def _shipped_finetuned(self) -> StageModel | None:
        """The app's shipped fine-tuned model, if it reads the same tokens as this session."""
        state = self._sft_state()
        path = paths.stage_checkpoint("sft")
        if state.shipped is None:
            try:
                state.shipped = load_checkpoint(path) if path.exists() else False
            except CheckpointError:
                state.shipped = False
        if not state.shipped:
            return None
        tok = self.ensure_tokenizer()
        if state.shipped_fits[0] is not tok:
            state.shipped_fits = (tok, state.shipped.tokenizer.to_dict() == tok.to_dict())
        if not state.shipped_fits[1]:
            return None
        return StageModel(state.shipped.model, tok, "shipped with the app")

    def finetune(self, config: SFTConfig | None = None, train_on_prompt: bool = False) -> Iterator[SFTSnapshot]:
        """Fine-tune on the question/answer pairs, yielding a snapshot per step.

        Starts from the pre-trained model (a copy: the pre-trained one is kept for
        comparison), or, when there is none (a fine-tuned checkpoint was loaded), from
        the current model. The live model becomes the fine-tuned copy at once, stage
        "fine-tuned". Nothing changes if the pairs cannot be used (ValueError).
        """
        config = config or SFTConfig()
        if train_on_prompt and not config.train_on_prompt:
            config = replace(config, train_on_prompt=True)
        if self.model is None or self.stage == "untrained":
            raise ValueError("Pre-train the model first: fine-tuning starts from a pre-trained model.")
        try:
            base = self.stage_model("pre-trained")
        except ValueError:
            base = StageModel(self.model, self.ensure_tokenizer(), "this session's model")
        qa = self.qa_set()
        model = copy.deepcopy(base.model)
        trainer = SFTTrainer(model, base.tokenizer, qa.train, qa.heldout, config)  # may raise
        state = self._sft_state()
        if self.stage == "pre-trained":
            state.models["pre-trained"], state.tokenizers["pre-trained"] = base.model, base.tokenizer
        state.models["fine-tuned"], state.tokenizers["fine-tuned"] = model, base.tokenizer
        state.trainer = trainer
        self.model = model
        self.stage = "fine-tuned"
        return self._run_finetune(trainer)

    def stop_finetune(self) -> None:
        """Stop a running fine-tuning job at its next step (pre-training is left alone)."""
        trainer = self._sft_state().trainer
        if trainer is not None:
            trainer.request_stop()

    def _run_finetune(self, trainer: SFTTrainer) -> Iterator[SFTSnapshot]:
        for snap in trainer.run():
            if snap.heldout_loss is not None:
                self.last_loss = snap.heldout_loss
            yield snap

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
        for stage, chat in (("pre-trained", base_chat), ("fine-tuned", True)):
            try:
                model, tok, origin = self.stage_model(stage)
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
        key = ("known words", self._data_key())
        if key not in self._cache:
            self._cache[key] = KnownWords.from_texts(d.text for d in self.training_documents())
        books = self._cache[key]
        pairs = KnownWords.from_texts(f"{p.question} {p.answer}" for p in self.qa_set().train)
        return KnownWords(books.words | pairs.words)

    def evaluate(self, stage: str, settings: DecodeSettings | None = None,
                 split: str = HELDOUT) -> AnswerReport:
        """The five answer rules over the held-out (or the training) questions, for one stage.

        The one code path for every stage ("pre-trained", "fine-tuned", "aligned").
        """
        model, tok, _ = self.stage_model(stage)
        qa = self.qa_set()
        held = qa.heldout if split == HELDOUT else qa.train
        return check_answers(model, tok, [p.question for p in held], settings,
                             [p.answer for p in held], self.known_words())

    def answer_rates(
        self, settings: DecodeSettings | None = None, stages: tuple[str, ...] = ("pre-trained", "fine-tuned")
    ) -> StageRates:
        """The answer rules on the held-out questions, per stage (the same code path each)."""
        questions = tuple(self.qa_set().questions(HELDOUT))
        rates, origins, notes = {}, {}, {}
        for stage in stages:
            try:
                origins[stage] = self.stage_model(stage).origin
            except ValueError as e:
                notes[stage] = str(e)
                continue
            rates[stage] = self.evaluate(stage, settings)
        return StageRates(questions, rates, origins, notes)

    # ===== end of Pillar II ==============================================================

    # ===== Pillar III: preference updates (RLHF) ========================================
    # (engine/preference.py, engine/alignment.py, engine/alignment_metrics.py,
    # engine/rankers.py, engine/batch_sampling.py; the Chat & feedback panel.)
    # Kept apart like Pillar II and created on first use, so __init__ needs no change.
    # The frozen reference is the fine-tuned model (`stage_model("fine-tuned")`); the
    # policy is a copy of it that becomes the live model, stage "aligned" once it has
    # learned from a judgement and "fine-tuned" again after a reset.

    def alignment(self):
        """The live alignment run (engine.alignment.run.Alignment), made on first use.

        It is rebuilt when the live model is no longer its policy (the person
        pre-trained or fine-tuned again since). ValueError when there is no
        fine-tuned model to align.
        """
        from engine.alignment.run import Alignment

        st = self.__dict__.get("_alignment_run")
        if st is not None and st.policy is self.model:
            return st
        if self.stage == "aligned" and self.model is not None:
            start = self.model  # e.g. an aligned checkpoint: carry on from it
            try:
                reference = self.stage_model("fine-tuned").model
            except ValueError:
                reference = self.model
        else:
            ft = self.stage_model("fine-tuned")  # raises a readable ValueError if none
            if self.stage == "pre-trained" and self.model is not None:
                self.stage_models.setdefault("pre-trained", self.model)
                self._sft_state().tokenizers.setdefault("pre-trained", self.ensure_tokenizer())
            start, reference = copy.deepcopy(ft.model), ft.model
            self.tokenizer = ft.tokenizer  # type: ignore[assignment]  # the same tokens (checked by stage_model)
        qa = self.qa_set()
        run = Alignment(
            start,
            self.ensure_tokenizer(),
            heldout_prompts=[p.question for p in qa.heldout],
            train_prompts=[p.question for p in qa.train],
            reference=reference,
            start_from_reference=start is not self.model,
            known_words=self.known_words(),
        )
        self.model = run.policy
        if self.stage != "aligned":
            self.stage = "fine-tuned"
        self._alignment_run = run
        return run

    def candidates(self, prompt: str, n: int = 2, seed: int = 0):
        """n different answers to `prompt` from the live (being-aligned) model."""
        if not prompt.strip():
            raise ValueError("Type a question first.")
        return self.alignment().candidates(prompt, n=n, seed=seed)

    def judge(self, feedback):
        """Learn from a judgement (PreferencePair, Ranking, Thumb or pairs) -> AlignmentSnapshot."""
        snap = self.alignment().judge(feedback)
        self.stage = "aligned" if self._alignment_run.version > 0 else "fine-tuned"
        self.remeasure_answer_loss()
        return snap

    def reset_alignment(self):
        """Back to the fine-tuned model: its weights, no judgements -> AlignmentSnapshot."""
        snap = self.alignment().reset()
        self.stage = "fine-tuned"
        self.remeasure_answer_loss()
        return snap

    def run_ranker(self, ranker, clicks: int, seed: int = 0):
        """`clicks` rounds of a scripted ranker (a Ranker or a spec such as "prefers-word:sea").

        The trait the ranker rewards (if any) is measured from here on.
        """
        from engine.alignment.rankers import parse_ranker

        run = self.alignment()
        if isinstance(ranker, str):
            ranker = parse_ranker(ranker, self.ensure_tokenizer(), seed=seed)
        if ranker.trait is not None and not run.measures(ranker.trait):
            run.set_trait(ranker.trait)  # measure what this ranker rewards
        for snap in run.run_ranker(ranker, clicks, seed=seed):
            if run.version > 0:
                self.stage = "aligned"
            if snap.event != "no preference":
                self.remeasure_answer_loss()
            yield snap

    def stop_ranker(self) -> None:
        run = self.__dict__.get("_alignment_run")
        if run is not None:
            run.request_stop()

    def set_alignment_trait(self, spec: str | None):
        """Measure a trait from now on: "word:WORD", "short", "long" or None -> AlignmentSnapshot."""
        from engine.alignment.metrics import Trait, word_trait

        trait = None
        if spec:
            kind, _, word = spec.partition(":")
            trait = word_trait(self.ensure_tokenizer(), word) if kind == "word" else Trait(kind)
        return self.alignment().set_trait(trait)

    def alignment_history(self) -> tuple:
        """Every AlignmentSnapshot since the last reset (the charts' data)."""
        return tuple(self.alignment().history)

    def stage_strip(self, prompt: str, k: int = 5, seed: int = 0, max_new_tokens: int = 40):
        """One prompt, in the chat format, to the pre-trained, fine-tuned and aligned models.

        "aligned" is the live model once it has learned from a judgement; before that,
        the shipped aligned model (when it reads the same tokens), else the live one.
        """
        from engine.alignment.metrics import StageView, stage_view

        if not prompt.strip():
            raise ValueError("Type a question first.")
        run = self.alignment()
        tok = self.ensure_tokenizer()
        views = []
        for stage in ("pre-trained", "fine-tuned", "aligned"):
            try:
                if stage == "aligned":
                    shipped = self._shipped_aligned() if run.version == 0 else None
                    if shipped is not None:
                        model, origin = shipped.model, _shipped_origin(shipped.meta)
                    else:
                        n = len(run.optimizer.memory.items)
                        model, origin = run.policy, f"this session: {n} judgement{'s' * (n != 1)}"
                elif stage == "fine-tuned":
                    model, origin = run.reference, "the reference the judgements start from"
                else:
                    try:
                        sm = self.stage_model(stage)
                        model, tok, origin = sm.model, sm.tokenizer, sm.origin
                    except ValueError:
                        shipped = self._shipped_stage("base")  # e.g. a session opened aligned
                        if shipped is None:
                            raise
                        model, origin = shipped.model, "shipped with the app"
            except ValueError as e:
                views.append(StageView(stage, None, None, str(e)))
                continue
            views.append(stage_view(stage, model, tok, prompt, k, seed, max_new_tokens, origin))
        return tuple(views)

    def _shipped_aligned(self):
        """The shipped aligned checkpoint if it reads this session's tokens, else None."""
        return self._shipped_stage("aligned")

    def _shipped_stage(self, stage: str):
        """A shipped checkpoint ("base", "aligned") if it reads this session's tokens, else None."""
        cache = self.__dict__.setdefault("_shipped_ckpts", {})
        if stage not in cache:
            path = paths.stage_checkpoint(stage)
            try:
                ckpt = load_checkpoint(path) if path.exists() else None
            except CheckpointError:
                ckpt = None
            if ckpt is not None and ckpt.tokenizer.to_dict() != self.ensure_tokenizer().to_dict():
                ckpt = None
            cache[stage] = ckpt
        return cache[stage]

    def save_aligned(self, path, meta: dict | None = None) -> Path:
        """Save the aligned model as a stage checkpoint (stage "aligned")."""
        run = self.alignment()
        info = {"seed": self.seed, "mix": dict(self.mix.weights), "tokens_seen": self.tokens_seen,
                "judgements": len(run.optimizer.memory.items), **(meta or {})}
        return save_checkpoint(path, run.policy, self.ensure_tokenizer(), "aligned", info)

    # ===== end of Pillar III =============================================================


def _shipped_origin(meta: dict) -> str:
    """Where the shipped aligned model came from, for people."""
    clicks, ranker = meta.get("clicks"), meta.get("ranker")
    if clicks and ranker:
        return f"shipped: {clicks} clicks of an automatic judge ({ranker})"
    return "shipped with the app"


def chat_prompt(question: str) -> str:
    """The chat format's prompt part: `<user> question <assistant>`."""
    return f"{SPECIAL_TOKENS[USER]} {question.strip()} {SPECIAL_TOKENS[ASSISTANT]}"


class StageModel(NamedTuple):
    """A stage's model, the tokenizer it reads, and where it came from (for people)."""

    model: TinyGPT
    tokenizer: Tokenizer
    origin: str


@dataclass
class _FinetuneState:
    """What the Session keeps for fine-tuning (see its Pillar II block)."""

    models: dict[str, TinyGPT] = field(default_factory=dict)
    tokenizers: dict[str, Tokenizer] = field(default_factory=dict)
    qa: QASet | None = None
    trainer: SFTTrainer | None = None
    shipped: Checkpoint | bool | None = None  # None: not looked for; False: not usable
    shipped_fits: tuple = (None, False)  # (tokenizer, does the shipped model read it)
