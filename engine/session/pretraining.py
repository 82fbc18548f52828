"""Pillar I of a Session: pre-training the live model on the data, and the probes that
look inside it (the Windows, Tokens and Embeddings panels)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from engine.pretraining.probes import (
    Neighbour,
    NextTokenDistribution,
    embedding_matrix,
    nearest_neighbours,
    next_token_distribution,
)
from engine.pretraining.projection import (
    MAP_WORDS,
    EmbeddingSnapshot,
    make_snapshot,
    select_word_tokens,
)
from engine.pretraining.trainer import PreTrainer, TrainConfig, TrainSnapshot
from engine.stages import PRETRAINED

if TYPE_CHECKING:  # for type checkers only: the core imports this module
    from engine.session.core import Session


class PretrainingPart:
    """The pre-training job of a session (`session.pretraining`) and its probes."""

    def __init__(self, session: Session):
        self.session = session
        # Kept between runs, so pausing and continuing keeps Adam's state.
        self.trainer: PreTrainer | None = None
        self._trainer_for: tuple | None = None  # (data key, tokenizer id, model id) it trains

    def forget_trainer(self) -> None:
        """The next run starts a new trainer (the model was replaced)."""
        self.trainer = None

    def train(self, config: TrainConfig | None = None, from_scratch: bool = False) -> Iterator[TrainSnapshot]:
        """Pre-train on the current data, yielding a snapshot per step.

        From scratch, the tokenizer is retrained if the data changed since it was made
        and the model starts from random weights seeded by config.seed. Otherwise
        training continues from the current weights (and optimiser state, if any).
        """
        s = self.session
        config = config or TrainConfig()
        if from_scratch:
            # config.seed fixes the starting weights and the batch order; the data's own
            # seed (s.seed) stays, so a new dice roll never changes the vocabulary.
            if not s.tokenizer_fits_data():
                s.tokenizer = None
            s.new_model(seed=config.seed)
        elif s.model is None:
            s.new_model(seed=config.seed)
        train_ids, held_ids = s.token_ids()
        key = (s.data_key(), id(s.tokenizer), id(s.model))
        if self.trainer is None or self._trainer_for != key:
            self.trainer = PreTrainer(s.model, train_ids, held_ids, config, tokens_seen=s.tokens_seen)
            self._trainer_for = key
        else:
            self.trainer.config = config
        return self._follow(self.trainer)

    def _follow(self, trainer: PreTrainer) -> Iterator[TrainSnapshot]:
        s = self.session
        for snap in trainer.run():
            if snap.status != "diverged":
                s.tokens_seen = snap.tokens_seen
                s.stage = PRETRAINED
                if snap.heldout_loss is not None:
                    s.last_loss = snap.heldout_loss
            yield snap

    def stop(self) -> None:
        """Stop a running pre-training job at its next step."""
        if self.trainer is not None:
            self.trainer.request_stop()

    # ----- probes -------------------------------------------------------------------
    def passage(self, n_tokens: int = 40, seed: int = 0) -> list[int]:
        """The first n tokens of a real training document, for the Windows panel."""
        docs = self.session.training_documents()
        rng = np.random.default_rng(seed)
        tok = self.session.ensure_tokenizer()
        for _ in range(50):
            doc = docs[int(rng.integers(len(docs)))]
            ids = tok.encode(doc.text)
            if len(ids) >= min(n_tokens, 12):
                return ids[:n_tokens]
        return tok.encode(docs[0].text)[:n_tokens]

    def next_token(self, ids: list[int], k: int = 10) -> NextTokenDistribution:
        s = self.session
        return next_token_distribution(s.require_model(), s.ensure_tokenizer(), ids, k)

    def neighbours(self, word: str, k: int = 8) -> list[Neighbour]:
        s = self.session
        return nearest_neighbours(s.require_model(), s.ensure_tokenizer(), word, k)

    def embedding_snapshot(self, limit: int | None = None) -> EmbeddingSnapshot:
        """The map's words (the `limit` most frequent, default MAP_WORDS, every word of the
        corpus's colour groups and the presets) and their embedding vectors now (a copy)."""
        from engine.corpus.showcase import embedding_presets
        from engine.corpus.word_groups import word_groups_for

        s = self.session
        limit = MAP_WORDS if limit is None else limit
        tok = s.ensure_tokenizer()

        def select():
            train_ids, _ = s.token_ids()
            counts = np.bincount(train_ids, minlength=tok.vocab_size)
            # The presets and the words they are measured against, so a preset always
            # has its partners on the map ("sea" and "ocean" are not among the 500).
            presets = [w for p in embedding_presets() for w in (p["word"], *p["expected"])]
            return select_word_tokens(tok, counts=counts, limit=limit,
                                      groups=word_groups_for(s.mix.weights), always=presets)

        words = s.built.get(("word_selection", s.data_key(), tok, limit), select)
        step = self.trainer.step_count if self.trainer is not None else 0
        return make_snapshot(embedding_matrix(s.require_model()), words, step=step, tokens_seen=s.tokens_seen)
