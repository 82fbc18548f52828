"""The live state of one run of the app: the data, the tokenizer, the model and its stage.

The GUI's engine worker holds exactly one Session; the command line and the tests drive
it directly. Everything it returns is a plain frozen value, never a live tensor.

The core holds what every pillar shares (the data, the model's tokenizer, the live model
and its stage, the model kept from each stage); each pillar's work is a part of its own,
made here and reached by name: `session.pretraining`, `session.finetuning`,
`session.alignment`.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from engine import paths
from engine.chat_format import chat_prompt
from engine.checkpoint import load_checkpoint, save_checkpoint
from engine.corpus.curation import CurationResult
from engine.corpus.heldout import describe_heldout
from engine.corpus.library.books import document_credit
from engine.corpus.mix import Mix, apply_mix, bpe_vocab_for, stats
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
from engine.finetuning.trainer import answer_loss
from engine.model import NANOGPT_RECIPE, GPTConfig, TinyGPT
from engine.pretraining.probes import Generation, generate
from engine.session.alignment import AlignmentPart
from engine.session.data import (
    USER_SOURCE,
    WORD_VOCAB,
    BuiltData,
    DataSummary,
    SourceSummary,
    source_passages,
)
from engine.session.finetuning import FinetuningPart
from engine.session.pretraining import PretrainingPart
from engine.session.stage_models import KEPT, LIVE, SHIPPED, ShippedModels, StageModel
from engine.session.token_cache import split_heldout_cached
from engine.stages import ALIGNED, FINETUNED, PRETRAINED, UNTRAINED
from engine.tokenizers import BPETokenizer, CharTokenizer, Tokenizer, WordTokenizer

__all__ = ["USER_SOURCE", "DataSummary", "ModelStatus", "Session", "SourceSummary", "StageModel"]


@dataclass(frozen=True)
class ModelStatus:
    """What the status bar shows about the model."""

    stage: str  # "untrained" | "pre-trained" | "fine-tuned" | "aligned"
    n_params: int
    loss: float | None  # latest held-out loss (else train loss)
    tokens_seen: int
    loss_label: str = ""  # what that loss is measured on, for people ("held-out text", ...)


class Session:
    """One model being made: data -> tokenizer -> pre-training -> fine-tuning -> alignment."""

    def __init__(self, seed: int = 0, model_config: GPTConfig | None = None):
        self.seed = seed  # fixes the corpus and its held-out split (not a new model's weights)
        self.mix = Mix.default()
        self.model_config = model_config  # None: GPTConfig's defaults, sized to the tokenizer
        self.user_documents: list[Document] = []  # the person's own texts, as paragraphs
        self.user_files: list[str] = []  # the files they came from
        self.tokenizer: BPETokenizer | None = None  # the model's own tokenizer
        self.model: TinyGPT | None = None  # the live model: the one every panel talks to
        self.stage = UNTRAINED  # the live model's stage
        self.tokens_seen = 0
        self.last_loss: float | None = None  # latest held-out loss, for the status bar
        # Earlier stages' models, kept so one question can be put to each (see stage_model).
        self.kept_models: dict[str, StageModel] = {}
        self.shipped = ShippedModels()
        self.built = BuiltData()  # curated documents, tokenizers, ids: built once per data
        self._corpus = None  # the bundled corpora, loaded lazily (sources.bundled_corpus)
        self._tokenizer_data: tuple | None = None  # the data key the tokenizer was trained on
        self.pretraining = PretrainingPart(self)
        self.finetuning = FinetuningPart(self)
        self.alignment = AlignmentPart(self)

    # ----- loading, saving, copying -------------------------------------------------
    @classmethod
    def from_checkpoint(cls, path: str | os.PathLike) -> Session:
        ckpt = load_checkpoint(path)
        meta = ckpt.meta
        session = cls(seed=int(meta.get("seed", 0)), model_config=ckpt.model.config)
        if "mix" in meta:
            session.mix = Mix(dict(meta["mix"]))
        session.set_tokenizer(ckpt.tokenizer, fits_data=True)  # type: ignore[arg-type]
        session.model = ckpt.model
        session.stage = ckpt.stage
        session.tokens_seen = int(meta.get("tokens_seen", 0))
        session.last_loss = meta.get("heldout_loss")
        return session

    @classmethod
    def from_default(cls, stage: str = PRETRAINED) -> Session:
        """The shipped checkpoint of a stage (the pre-trained one by default), so the app opens ready."""
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

    def fork(self) -> Session:
        """A new session on the same data: it shares the corpus, the tokenizer object and
        everything built from them, and has its own copy of the live model. No job, kept
        stage model or alignment run comes along."""
        other = Session(seed=self.seed, model_config=self.model_config)
        other.mix = self.mix
        other.user_documents, other.user_files = list(self.user_documents), list(self.user_files)
        other.tokenizer, other._tokenizer_data = self.tokenizer, self._tokenizer_data
        other._corpus = self._corpus
        other.built = self.built.copy()
        other.model = None if self.model is None else copy.deepcopy(self.model)
        other.stage, other.tokens_seen, other.last_loss = self.stage, self.tokens_seen, self.last_loss
        return other

    def reuse_built_data(self, other: Session | None) -> None:
        """Take over what `other` already built for the same data, so it is not built again.

        The corpus is a pure function of the seed; the curated documents, the three
        tokenizers and the encoded ids hold for the same data key and tokenizer object.
        Whether this session's tokenizer fits its data is left as it was.
        """
        if other is None or other.seed != self.seed:
            return
        if self._corpus is None:
            self._corpus = other._corpus
        if (other.tokenizer is not None and self.tokenizer is not None
                and other.tokenizer.to_dict() == self.tokenizer.to_dict()):
            self.tokenizer = other.tokenizer  # the same object: results keyed by it hold
        self.built.take_from(other.built, self.data_key(), self.tokenizer)

    # ----- data ---------------------------------------------------------------------
    def data_key(self) -> tuple:
        """What the data is made of: results built from it are kept under this key."""
        return (self.seed, tuple(sorted(self.mix.weights.items())), tuple(self.user_files))

    def corpus(self) -> Mapping[str, list[Document]]:
        if self._corpus is None:
            self._corpus = bundled_corpus(self.seed)
        # A lazy view: a corpus is loaded the first time the mix reads one of its sources.
        mine = {USER_SOURCE: list(self.user_documents)} if self.user_documents else {}
        return with_sources(self._corpus, mine)

    def use_corpus(self, corpus: Mapping[str, list[Document]]) -> None:
        """Use these documents as the bundled corpus instead of loading it (tests use a slice)."""
        self._corpus = corpus

    def _curated(self) -> CurationResult:
        def build() -> CurationResult:
            return clean_mix(apply_mix(self.corpus(), self.mix, seed=self.seed))

        return self.built.get(("curated", self.data_key()), build)

    def training_documents(self) -> list[Document]:
        """The curated, mixed documents the model learns from (train + held-out)."""
        return list(self._curated().kept)

    def token_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """(train ids, held-out ids) of the current data under the current tokenizer."""
        tok = self.ensure_tokenizer()
        block = (self.model_config or GPTConfig()).block_size
        return self.built.get(
            ("ids", self.data_key(), tok),
            lambda: split_heldout_cached(tok, self.training_documents(), min_tokens=2 * block + 2),
        )

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
                    samples=source_passages(docs),
                )
            )
        result = self._curated()
        st = stats(result.kept)
        tokens = int(sum(len(a) for a in self.token_ids())) if result.kept else 0
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
        self.user_documents = self.user_documents + docs
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
            self._tokenizer_data = self.data_key()
        return self.tokenizer

    def set_tokenizer(self, tok: BPETokenizer | None, fits_data: bool) -> None:
        """Use `tok` as the model's tokenizer; fits_data: it was trained on the current data
        (else pre-training from scratch trains a new one first)."""
        self.tokenizer = tok
        self._tokenizer_data = self.data_key() if fits_data else None

    def tokenizer_fits_data(self) -> bool:
        """Whether the tokenizer was trained on the data as it is now."""
        return self._tokenizer_data == self.data_key()

    def tokenizers(self) -> dict[str, Tokenizer]:
        """The three tokenizers side by side; "bpe" is the model's own."""
        def build() -> tuple[CharTokenizer, WordTokenizer]:
            texts = [d.text for d in self.training_documents()]
            return CharTokenizer.train(texts), WordTokenizer.train(texts, WORD_VOCAB)

        char, word = self.built.get(("tokenizers", self.data_key()), build)
        return {"char": char, "word": word, "bpe": self.ensure_tokenizer()}

    # ----- the model ----------------------------------------------------------------
    def new_model(self, seed: int | None = None) -> TinyGPT:
        """A fresh, untrained model sized for the current tokenizer."""
        tok = self.ensure_tokenizer()
        # The loaded model's size is kept (the panels are laid out for it), but a model
        # made now is made with today's recipe, even if the loaded one predates it.
        size = (self.model_config or GPTConfig()).to_dict()
        recipe = {k: v for k, v in GPTConfig().to_dict().items() if k in NANOGPT_RECIPE}
        config = GPTConfig(**{**size, **recipe, "vocab_size": tok.vocab_size})
        torch.manual_seed(self.seed if seed is None else seed)
        self.model = TinyGPT(config)
        self.model_config = config
        self.stage = UNTRAINED
        self.tokens_seen = 0
        self.last_loss = None
        self.pretraining.forget_trainer()
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
        if self.stage in (UNTRAINED, PRETRAINED):
            return "held-out text"
        if self.stage == ALIGNED:
            run = self.alignment.run
            # The judgements it learned from (its updates), as the panel and the stage name
            # count them; not the preference pairs in its memory (a judge's ranking of four
            # answers is up to six pairs: "after 68 judgements" beside "after 22 updates").
            n = run.version if run is not None else None
            return "held-out answers, after feedback" if n is None else \
                f"held-out answers, after {n} judgement{'s' * (n != 1)}"
        return "held-out answers"

    def remeasure_answer_loss(self) -> float | None:
        """The live model's loss on the held-out answers, now (after feedback, say)."""
        if self.model is None:
            return self.last_loss
        loss = answer_loss(self.model, self.ensure_tokenizer(), self.finetuning.qa_set().heldout)
        self.last_loss = loss if loss is not None else self.last_loss
        return self.last_loss

    def require_model(self) -> TinyGPT:
        if self.model is None:
            raise ValueError("There is no model yet: train one first.")
        return self.model

    def request_stop(self) -> None:
        """Stop a running pre-training or fine-tuning job at its next step."""
        self.pretraining.stop()
        self.finetuning.stop()

    # ----- the model of each stage ----------------------------------------------------
    def keep_stage_model(self, stage: str, model: TinyGPT, tok: Tokenizer, replace: bool = True) -> None:
        """Keep `model` as what `stage` made (replace=False: unless one is kept already)."""
        if replace or stage not in self.kept_models:
            self.kept_models[stage] = StageModel(model, tok, KEPT)

    def stage_model(self, stage: str) -> StageModel:
        """The model of `stage` with its tokenizer and where it came from.

        The live model when it is at that stage; else the one kept from this session;
        for "fine-tuned", else the shipped fine-tuned checkpoint when it reads the same
        tokens. ValueError (a readable message) when there is none.
        """
        if stage == self.stage and self.model is not None:
            return StageModel(self.model, self.ensure_tokenizer(), LIVE)
        kept = self.kept_models.get(stage)
        # subtle: the kept model may be the live one, changed since (e.g. pre-trained
        # further after fine-tuning); then it no longer is what that stage made.
        if kept is not None and kept.model is not self.model:
            return kept
        if stage == FINETUNED:
            tok = self.ensure_tokenizer()
            shipped = self.shipped.get(FINETUNED, tok)
            if shipped is not None:
                return StageModel(shipped.model, tok, SHIPPED)
            raise ValueError("There is no fine-tuned model yet: fine-tune the pre-trained one.")
        if stage == PRETRAINED:
            raise ValueError("There is no pre-trained model in this session: pre-train one first.")
        raise ValueError(f"There is no {stage} model in this session.")

    # ----- talking to a model ---------------------------------------------------------
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
            model, tok = self.require_model(), self.ensure_tokenizer()
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

