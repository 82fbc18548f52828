"""The made-up world's sources: deterministic, big enough, one style each, and shaped so the
article's examples come true (sea beside waters, "headache" = "head" + "ache")."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest

from engine.corpus.curation import curate, is_gibberish
from engine.corpus.lexicon import WORD_GROUPS, group_of
from engine.corpus.mix import Mix, apply_mix
from engine.corpus.sources import MADE_UP_SOURCES as SOURCES
from engine.corpus.sources import Document, generate_source, made_up_corpus
from engine.corpus.style import forum_marker_rate

_WORD = re.compile(r"[a-z']+")


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[Document]]:
    return made_up_corpus(seed=0)


@pytest.fixture(scope="module")
def counts(corpus) -> Counter:
    return Counter(w for docs in corpus.values() for d in docs for w in _WORD.findall(d.text.lower()))


@pytest.fixture(scope="module")
def default_mix(corpus) -> list[Document]:
    # What the app trains on in the made-up world: its mix, then curated.
    return curate(apply_mix(corpus, Mix.made_up(), seed=0)).kept


def test_sources_are_described_and_generated(corpus):
    assert [info.name for info in SOURCES] == list(corpus)
    assert set(corpus) == {"encyclopedia", "stories", "news", "forum", "quiz"}
    for info in SOURCES:
        assert info.title and len(info.style) > 40
        assert all(isinstance(d, Document) and d.source == info.name for d in corpus[info.name])
    with pytest.raises(ValueError, match="no bundled source"):
        generate_source("poetry")


def test_same_seed_same_corpus_other_seed_other_corpus(corpus):
    assert generate_source("news", seed=0) == corpus["news"]
    assert generate_source("forum", seed=0) == corpus["forum"]
    other = generate_source("news", seed=1)
    assert other != corpus["news"]
    assert other[0].text != corpus["news"][0].text


def test_at_least_a_million_words(corpus):
    words = sum(len(d.text.split()) for docs in corpus.values() for d in docs)
    assert words >= 1_000_000
    # No source dominates: each brings at least a tenth of a million words.
    for docs in corpus.values():
        assert sum(len(d.text.split()) for d in docs) >= 100_000


def test_documents_are_short_paragraphs(corpus):
    for name in ("encyclopedia", "stories", "news"):
        lengths = [len(d.text.split()) for d in corpus[name]]
        assert min(lengths) >= 20 and max(lengths) <= 150, name
    quiz = [len(d.text.split()) for d in corpus["quiz"]]
    assert max(quiz) <= 150
    assert np.median(quiz) >= 20


def test_encyclopedia_is_formal(corpus):
    text = " ".join(d.text for d in corpus["encyclopedia"])
    assert forum_marker_rate(text) == 0.0
    assert "n't" not in text and '"' not in text  # no contractions, no dialogue
    assert " is " in text and re.search(r"\b1[6-9]\d\d\b", text)  # present tense, dates


def test_stories_are_told_in_the_past_with_characters(corpus):
    docs = corpus["stories"]
    text = " ".join(d.text for d in docs)
    for verb in (" walked ", " said", " sailed ", " didn't "):
        assert verb in text
    assert sum('"' in d.text for d in docs) > len(docs) / 2  # characters talk
    assert re.search(r"\b(Mira|Tom|Anna)\b", text)
    assert forum_marker_rate(text) < 0.001


def test_news_reports_are_dated_and_quote_people(corpus):
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    dateline = re.compile(rf"^[A-Z][a-z]+, ({months}) \d{{1,2}}, \d{{4}}\. ")
    docs = corpus["news"]
    assert all(dateline.match(d.text) for d in docs)
    assert sum('," said' in d.text or '" said' in d.text for d in docs) > len(docs) / 4


def test_forum_is_noisy(corpus):
    docs = corpus["forum"]
    texts = [d.text for d in docs]
    assert len(texts) - len(set(texts)) > 100  # exact duplicates
    assert {"lol", "+1"} <= set(texts)  # very short replies
    assert sum("http://" in t or "www." in t for t in texts) > 20  # spam links
    assert sum(is_gibberish(t) for t in texts) > 20  # keyboard mash
    assert sum(bool(re.search(r"\b[A-Z]{3,}\b", t)) for t in texts) > 200  # SHOUTING
    joined = " ".join(texts)
    for typo in (" teh ", " becuase ", " definately ", " dont ", " lol"):
        assert typo in joined
    assert forum_marker_rate(joined) > 0.1


def test_quiz_sheets_hold_questions_without_answers(corpus):
    docs = corpus["quiz"]
    for d in docs:
        sentences = re.split(r"(?<=[.?!])\s+", d.text)
        assert all(s.endswith("?") for s in sentences), d.text
    per_doc = [d.text.count("?") for d in docs]
    assert min(per_doc) == 1 and max(per_doc) >= 5  # one or several questions
    assert not any(re.search(r"\banswer", d.text, re.IGNORECASE) for d in docs)


def test_the_articles_examples_are_in_the_text(corpus, counts):
    stories = " ".join(d.text for d in corpus["stories"])
    assert stories.count("The cat sat on a mat and enjoyed the wind.") >= 3
    # Rare on purpose, so BPE splits them; but present.
    assert 1 <= counts["headache"] <= 40
    assert 1 <= counts["stomachache"] <= 40
    for compound in ("toothache", "backache", "earache", "bellyache", "heartache"):
        assert counts[compound] >= 100, compound
    for word in ("ache", "head", "stomach"):
        assert counts[word] >= 1000, word
    for contraction in ("didn't", "don't", "isn't"):
        assert counts[contraction] >= 500, contraction
    for word in ("sea", "waters"):
        assert counts[word] >= 3000, word
    for word in ("ocean", "territory", "area", "climate", "wind", "ice", "king", "queen",
                 "apples", "oranges"):
        assert counts[word] >= 500, word


def test_word_groups_are_real_vocabulary(counts):
    assert 6 <= len(WORD_GROUPS) <= 10
    seen: set[str] = set()
    for group, words in WORD_GROUPS.items():
        assert 6 <= len(words) <= 12, group
        for w in words:
            assert w not in seen, f"{w} is in two groups"
            seen.add(w)
            assert counts[w] >= (1 if w in ("headache", "stomachache") else 100), w
            assert group_of(w) == group
    assert group_of("sea") == "sea & water"
    assert group_of(" Waters") == "sea & water"  # a BPE token with its space
    assert group_of("king") == group_of("queen") == "royalty"
    assert group_of("the") is None


class ContextVectors:
    """Each frequent word as its PPMI-weighted counts of the words up to two places away:
    words used in the same places get similar vectors (the classic distributional test)."""

    def __init__(self, docs: list[Document]) -> None:
        flat = [w for d in docs for w in _WORD.findall(d.text.lower()) + ["</d>"]]
        freq = Counter(flat)
        self.vocab = [w for w, n in freq.most_common() if n >= 20 and w != "</d>"]
        self.index = {w: i for i, w in enumerate(self.vocab)}
        ids = np.array([self.index.get(w, -1) for w in flat])
        size = len(self.vocab)
        cooc = np.zeros(size * size)
        for shift in (1, 2):
            a, b = ids[:-shift], ids[shift:]
            ok = (a >= 0) & (b >= 0)
            cooc += np.bincount(a[ok] * size + b[ok], minlength=size * size)
            cooc += np.bincount(b[ok] * size + a[ok], minlength=size * size)
        m = cooc.reshape(size, size)
        rows = m.sum(1, keepdims=True)
        cols = m.sum(0, keepdims=True) ** 0.75  # the usual smoothing of context counts
        with np.errstate(divide="ignore", invalid="ignore"):
            pmi = np.log(m * cols.sum() / (rows * cols))
        ppmi = np.where(np.isfinite(pmi), np.maximum(pmi, 0), 0)
        self.unit = ppmi / np.linalg.norm(ppmi, axis=1, keepdims=True)

    def similarity(self, a: str, b: str) -> float:
        return float(self.unit[self.index[a]] @ self.unit[self.index[b]])

    def neighbours(self, word: str, k: int) -> list[str]:
        sims = self.unit @ self.unit[self.index[word]]
        return [self.vocab[i] for i in np.argsort(-sims) if self.vocab[i] != word][:k]


def test_sea_and_waters_share_their_contexts(default_mix):
    vectors = ContextVectors(default_mix)
    top = vectors.neighbours("sea", 3)
    assert "waters" in top, top
    # "waters" is a word of the sea, not of drinking water.
    assert vectors.similarity("waters", "sea") > vectors.similarity("waters", "water") + 0.2
    for word, partner in (("king", "queen"), ("apples", "oranges"), ("territory", "area"),
                          ("wind", "climate")):
        top = vectors.neighbours(word, 5)
        assert partner in top, (word, top)


def test_bpe_splits_headache_into_head_and_ache(default_mix):
    tokenizers = pytest.importorskip("tokenizers")
    tok = tokenizers.ByteLevelBPETokenizer()
    tok.train_from_iterator(
        [d.text for d in default_mix], vocab_size=2048, min_frequency=2,
        special_tokens=["<pad>", "<user>", "<assistant>", "<end>"], show_progress=False,
    )
    assert tok.encode(" headache").tokens == ["Ġhead", "ache"]
    assert tok.encode(" stomachache").tokens == ["Ġstomach", "ache"]
    for word in ("waters", "sea", "territory", "area", "climate", "king", "queen", "apples",
                 "oranges", "wind", "ice"):
        assert tok.encode(" " + word).tokens == ["Ġ" + word], word
