"""The mix: validated shares, deterministic sampling, and a real effect on the training set."""

from __future__ import annotations

import dataclasses
import math

import pytest

from engine.corpus.mix import (
    Mix,
    TrainingSetStats,
    apply_mix,
    group_by_source,
    stats,
    training_text,
)
from engine.corpus.sources import LIBRARY_SOURCES, MADE_UP_SOURCES, Document


def _corpus() -> dict[str, list[Document]]:
    # Small and hand-made: the mix does not care what the text says.
    return {
        name: [Document(name, f"{name} document number {i} about the sea") for i in range(100)]
        for name in ("encyclopedia", "stories", "news", "forum", "quiz")
    }


@pytest.mark.parametrize(
    ("weights", "error", "words"),
    [
        ({"news": -0.1}, ValueError, "between 0"),
        ({"news": 1.5}, ValueError, "between 0"),
        ({"news": math.nan}, ValueError, "between 0"),
        ({"news": "half"}, TypeError, "number"),
        ({"news": True}, TypeError, "number"),
        ({"news": 0.0, "forum": 0}, ValueError, "leaves every source out"),
        ({}, ValueError, "leaves every source out"),
        ({"": 1.0}, ValueError, "name"),
    ],
)
def test_bad_mixes_are_refused_with_a_clear_message(weights, error, words):
    with pytest.raises(error, match=words):
        Mix(weights)


def test_mix_is_frozen_and_owns_its_weights():
    weights = {"news": 1, "forum": 0.5}
    mix = Mix(weights)
    weights["news"] = 0.0  # changing the caller's dict later changes nothing
    assert mix.share("news") == 1.0 and isinstance(mix.share("news"), float)
    assert mix.share("poetry") == 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        mix.weights = {}  # type: ignore[misc]


def test_default_is_the_library_and_made_up_is_the_generated_world():
    default = Mix.default()
    for info in LIBRARY_SOURCES:
        assert default.share(info.name) == 1.0, info.name
    assert all(default.share(info.name) == 0 for info in MADE_UP_SOURCES)
    assert default.share("yours") == 1.0  # the person's own text counts in full
    made_up = Mix.made_up()
    for info in MADE_UP_SOURCES:
        assert made_up.share(info.name) > 0, info.name
    assert all(made_up.share(info.name) == 0 for info in LIBRARY_SOURCES)
    assert 0 < made_up.share("forum") <= 0.3  # a little of the forum
    assert made_up.share("yours") == 1.0
    assert Mix.only("forum").weights == {"forum": 1.0}


def test_apply_mix_takes_each_share():
    corpus = _corpus()
    mix = Mix({"encyclopedia": 1.0, "stories": 0.5, "forum": 0.1, "news": 0.0})
    docs = apply_mix(corpus, mix, seed=0)
    by_source = group_by_source(docs)
    assert {k: len(v) for k, v in by_source.items()} == {"encyclopedia": 100, "stories": 50,
                                                         "forum": 10}
    assert len(set(docs)) == len(docs)  # a sample, never a document twice
    assert all(d in corpus[d.source] for d in docs)
    # Shuffled together: the sources are interleaved, not in blocks.
    first_half = {d.source for d in docs[: len(docs) // 2]}
    assert first_half == {"encyclopedia", "stories", "forum"}


def test_apply_mix_is_deterministic_and_seeded():
    corpus = _corpus()
    mix = Mix({"stories": 0.3, "news": 0.3})
    assert apply_mix(corpus, mix, seed=0) == apply_mix(corpus, mix, seed=0)
    assert set(apply_mix(corpus, mix, seed=0)) != set(apply_mix(corpus, mix, seed=1))


def test_only_forum_gives_only_forum():
    docs = apply_mix(_corpus(), Mix.only("forum"))
    assert len(docs) == 100 and {d.source for d in docs} == {"forum"}


def test_user_documents_take_part_like_any_source():
    corpus = _corpus()
    corpus["yours"] = [Document("yours", f"my own note number {i}") for i in range(10)]
    assert sum(d.source == "yours" for d in apply_mix(corpus, Mix.made_up())) == 10
    only_yours = apply_mix(corpus, Mix.only("yours"))
    assert [d.source for d in only_yours] == ["yours"] * 10
    assert "yours" not in group_by_source(apply_mix(corpus, Mix({"news": 1.0})))


def test_training_text_and_stats():
    docs = [Document("news", "The sea was calm."), Document("quiz", "Why is the sea salty?")]
    text = training_text(docs)
    assert text == "The sea was calm.\n\nWhy is the sea salty?"
    s = stats(docs)
    assert s == TrainingSetStats(documents=2, words=9, characters=len(text))
    assert stats([]) == TrainingSetStats(0, 0, 0)
    assert training_text([]) == ""


def test_a_mix_reads_only_the_corpora_it_draws_on(monkeypatch):
    """The bundled corpus loads a corpus when one of its sources is read: the library's mix
    must not generate the made-up world (asking whether a source is there read it whole),
    nor the made-up mix clean the library."""
    from engine.corpus import sources

    loaded = []

    def fake(corpus_name, infos):
        def load(*_seed):
            loaded.append(corpus_name)
            return {i.name: [Document(i.name, f"{i.name} text {n}") for n in range(10)] for i in infos}
        return load

    monkeypatch.setattr(sources, "library_corpus", fake("library", LIBRARY_SOURCES))
    monkeypatch.setattr(sources, "made_up_corpus", fake("made-up", MADE_UP_SOURCES))
    corpus = sources.bundled_corpus(0)
    assert "forum" in corpus and LIBRARY_SOURCES[0].name in corpus and "nothing" not in corpus
    assert loaded == []
    assert apply_mix(corpus, Mix.default())
    assert loaded == ["library"]
    assert apply_mix(sources.bundled_corpus(0), Mix.made_up())
    assert loaded == ["library", "made-up"]
