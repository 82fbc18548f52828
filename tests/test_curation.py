"""Curation: each filter removes what it should and keeps clean text; on the bundled
corpus the forum loses its noise but keeps its voice."""

from __future__ import annotations

import random
import re

import pytest

from engine.corpus import curation
from engine.corpus.curation import CurationResult, FilterReport, curate
from engine.corpus.sources import Document
from engine.corpus.sources import made_up_corpus as bundled_corpus
from engine.corpus.style import forum_marker_rate

CLEAN = (
    "The sea near Redhill is known for strong currents, and the fishermen of the town "
    "go out early every morning when the wind is calm."
)
CLEAN_2 = (
    "The queen of Ashford ruled the whole territory from a palace close to the waters, "
    "and farmers brought her apples and oranges every autumn."
)
FORUM_POST = (
    "lol i realy believe teh sea is getting warmer, my freind swam in it yesterday and "
    "didnt even feel cold tbh"
)


def doc(text: str, source: str = "test") -> Document:
    return Document(source, text)


def removed_by(fn, texts: list[str]) -> list[str]:
    flags = fn([doc(t) for t in texts])
    return [t for t, f in zip(texts, flags, strict=True) if f]


def test_exact_duplicates_keep_the_first_copy():
    texts = [CLEAN, CLEAN_2, CLEAN, "  " + CLEAN + "\n", CLEAN_2]
    flags = curation.exact_duplicates([doc(t) for t in texts])
    assert flags == [False, False, True, True, True]


def test_near_duplicates_catch_small_changes_only():
    repost = CLEAN.replace("every morning", "each morning") + " lol"
    shouted = CLEAN.upper() + "!!"  # the same words, once case and punctuation are ignored
    different = CLEAN_2
    texts = [CLEAN, different, repost, shouted, FORUM_POST]
    assert removed_by(curation.near_duplicates, texts) == [repost, shouted]
    # Sharing a template is not being a duplicate: another place, another catch.
    cousin = ("The lake near Oakmere is known for cold springs, and the farmers of the valley "
              "bring their goats down early every winter when the snow is deep.")
    assert removed_by(curation.near_duplicates, [CLEAN, cousin]) == []


def test_near_duplicates_are_fast_and_not_quadratic():
    # 5,000 distinct documents would mean 12.5 million pairs if compared pairwise.
    docs = [doc(f"{CLEAN} ({i})") for i in range(5000)]
    assert sum(curation.near_duplicates(docs)) > 4000  # they really are near duplicates
    rng = random.Random(0)
    docs = [doc(" ".join(f"w{rng.randrange(3000)}" for _ in range(30))) for _ in range(5000)]
    assert sum(curation.near_duplicates(docs)) == 0


def test_length_filter():
    long = " ".join([CLEAN] * 20)
    texts = ["lol", "+1", "same here tbh", CLEAN, long]
    assert removed_by(curation.bad_length, texts) == ["lol", "+1", "same here tbh", long]


def test_quality_filter():
    symbols = "$$$ ### 555-0199 !!! ??? %%% *** 12345 @@@ ---"
    shouting = "I REALLY BELIEVE THE SEA IS GETTING WARMER AND NOBODY LISTENS TO ME"
    stretched = "sooooooo good, the waters were soooooooo calm today"
    one_caps = "the sea was SO rough yesterday, i didn't even take the boat out lol"
    assert curation.low_quality(symbols)
    assert curation.low_quality(shouting)
    assert curation.low_quality(stretched)
    assert curation.low_quality("")
    for ok in (CLEAN, CLEAN_2, FORUM_POST, one_caps, "I think I can. I will."):
        assert not curation.low_quality(ok), ok
    assert removed_by(curation.poor_quality, [symbols, CLEAN, shouting]) == [symbols, shouting]


def test_blocklist():
    rude = "only a moron goes out on the sea in this weather"
    plural = "these IDIOTS left their boat on the shore again"
    texts = [rude, CLEAN, plural, "the morning was calm"]  # "moron" is not in "morning"
    assert removed_by(curation.blocked_words, texts) == [rude, plural]
    assert "idiot" in curation.BLOCKLIST


def test_gibberish():
    mash = "asdkjh qwpoeiru zxcmvb lkjhgf poiuyt"
    half = "the sea was calm asdkjh qwpoeiru zxcmvbn lkjhgfd"
    texts = [mash, CLEAN, FORUM_POST, half, "Kofi and Yuki sailed from Saltcombe to Brackenford."]
    assert removed_by(curation.gibberish, texts) == [mash, half]
    assert curation.gibberish_word("qwpoeiru") and curation.gibberish_word("xcmvbn")
    assert not curation.gibberish_word("waters") and not curation.gibberish_word("teh")


def test_spam_links():
    ad = "BUY cheap apples NOW at http://cheap-deals.example/5 best prices"
    www = "earn money from home, visit www.quick-cash.example today"
    texts = [CLEAN, ad, www, "click here to win a boat"]
    assert removed_by(curation.spam_links, texts) == [ad, www, "click here to win a boat"]


def test_curate_reports_every_filter_in_order():
    texts = [CLEAN, CLEAN, "lol", "asdkjh qwpoeiru zxcmvb lkjhgf poiuyt wqeroiu",
             "visit http://spam.example for free boats and free nets today",
             "ur an idiot if u think the sea is warm, everyone knows it is cold",
             "THE SEA IS SO COLD TODAY AND I HATE IT SO MUCH", CLEAN_2, FORUM_POST]
    docs = [doc(t) for t in texts]
    before = list(docs)
    result = curate(docs)
    assert docs == before  # the input list is left alone
    assert isinstance(result, CurationResult)
    assert [d.text for d in result.kept] == [CLEAN, CLEAN_2, FORUM_POST]
    names = [r.name for r in result.reports]
    assert names == ["Exact duplicates", "Near duplicates", "Too short or too long",
                     "Low quality", "Blocklist", "Gibberish", "Spam and links"]
    removed = {r.name: r.removed for r in result.reports}
    assert removed == {"Exact duplicates": 1, "Near duplicates": 0, "Too short or too long": 1,
                       "Low quality": 1, "Blocklist": 1, "Gibberish": 1, "Spam and links": 1}
    assert result.removed == 6
    n = len(texts)
    for r in result.reports:
        assert isinstance(r, FilterReport)
        assert len(r.description) > 30
        assert r.documents_in == n and r.documents_out == n - r.removed
        assert len(r.examples) == r.removed
        n = r.documents_out
    assert result.reports[2].examples == ("lol",)
    assert curate([]).kept == []


@pytest.fixture(scope="module")
def curated_corpus():
    corpus = bundled_corpus(seed=0)
    return corpus, curate([d for docs in corpus.values() for d in docs])


def test_clean_sources_survive_and_forum_noise_goes(curated_corpus):
    corpus, result = curated_corpus
    kept = {name: [d for d in result.kept if d.source == name] for name in corpus}
    for name in ("encyclopedia", "stories", "news"):
        assert len(kept[name]) == len(corpus[name]), name
    # The quiz loses only repeated one-question sheets.
    assert len(kept["quiz"]) > 0.9 * len(corpus["quiz"])
    forum = [d.text for d in kept["forum"]]
    assert 0.5 * len(corpus["forum"]) < len(forum) < 0.85 * len(corpus["forum"])
    assert len(set(forum)) == len(forum)
    assert not any("http" in t or "www." in t for t in forum)
    assert not any(curation.is_gibberish(t) for t in forum)
    assert all(len(t.split()) >= curation.MIN_WORDS for t in forum)
    for r in result.reports:
        assert r.removed > 0 and 1 <= len(r.examples) <= curation.MAX_EXAMPLES, r.name
        assert len(set(r.examples)) == len(r.examples)


def test_kept_forum_still_talks_like_the_forum(curated_corpus):
    _, result = curated_corpus
    forum = " ".join(d.text for d in result.kept if d.source == "forum")
    encyclopedia = " ".join(d.text for d in result.kept if d.source == "encyclopedia")
    rate = forum_marker_rate(forum)
    assert rate > 0.05  # several markers per hundred words
    assert rate > 20 * max(forum_marker_rate(encyclopedia), 0.001)
    assert " lol" in forum and " teh " in forum
    assert re.search(r"\b[A-Z]{3,}\b", forum)  # the odd shouted word survives
