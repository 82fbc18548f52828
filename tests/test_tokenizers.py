"""Tokenizers: round trips, the closed vocabularies, and BPE against the `tokenizers` library."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer as HFTokenizer
from tokenizers import decoders, models, pre_tokenizers

from engine.tokenizers import (
    ASSISTANT,
    DEFAULT_BPE_VOCAB,
    END,
    PAD,
    SPECIAL_TOKENS,
    USER,
    BPETokenizer,
    CharTokenizer,
    MergeReplay,
    Tokenizer,
    TokenizerError,
    WordTokenizer,
    apply_merges,
    display_piece,
    split_words,
    train_default_bpe,
)
from engine.tokenizers.bpe import split_for_encoding

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_SENTENCE = "The cat sat on a mat and enjoyed the wind"
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _small_corpus() -> list[str]:
    """A few hundred sentences of a tiny world, fixed by a seed: quick to train on."""
    rng = random.Random(0)
    subjects = ["The cat", "A king", "The queen", "My sister", "The sailor", "Our teacher"]
    verbs = ["sat on", "looked at", "didn't like", "walked to", "enjoyed", "can't find"]
    objects = [
        "the mat",
        "the sea",
        "the waters",
        "a headache",
        "the wind",
        "the ice",
        "a stomachache",
        "the apples",
        "the oranges",
        "the climate",
    ]
    lines = [
        f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}{rng.choice('.!?')}"
        for _ in range(600)
    ]
    return ["\n".join(lines[i : i + 20]) for i in range(0, len(lines), 20)]


SMALL_CORPUS = _small_corpus()
# Small enough that the small corpus fills it (merges need a pair seen twice).
BPE_SMALL_VOCAB = 330


@pytest.fixture(scope="module")
def char_tok() -> CharTokenizer:
    return CharTokenizer.train(SMALL_CORPUS)


@pytest.fixture(scope="module")
def word_tok() -> WordTokenizer:
    return WordTokenizer.train([*SMALL_CORPUS, ARTICLE_SENTENCE])


@pytest.fixture(scope="module")
def bpe_tok() -> BPETokenizer:
    return BPETokenizer.train(SMALL_CORPUS, vocab_size=BPE_SMALL_VOCAB)


# -- the shared interface ---------------------------------------------------


def test_special_tokens_hold_ids_0_to_3_in_every_tokenizer(char_tok, word_tok, bpe_tok):
    assert (PAD, USER, ASSISTANT, END) == (0, 1, 2, 3)
    for tok in (char_tok, word_tok, bpe_tok):
        assert [tok.token_to_id(s) for s in SPECIAL_TOKENS] == [0, 1, 2, 3]
        assert [tok.id_to_token(i) for i in range(4)] == list(SPECIAL_TOKENS)
        text = "<user>The cat sat.<end><assistant>The sea!<pad>"
        ids = tok.encode(text)
        assert ids[0] == USER and END in ids and ASSISTANT in ids and ids[-1] == PAD
        assert tok.decode(ids) == text
        assert tok.token_strings([USER, END]) == ["<user>", "<end>"]


def test_vocabulary_views_agree(char_tok, word_tok, bpe_tok):
    for tok in (char_tok, word_tok, bpe_tok):
        vocab = tok.vocabulary()
        assert len(vocab) == tok.vocab_size
        assert sorted(vocab.values()) == list(range(tok.vocab_size))
        for s, i in list(vocab.items())[:50]:
            assert tok.id_to_token(i) == s and tok.token_to_id(s) == i
        assert tok.token_to_id("no such token, surely") is None
        with pytest.raises(IndexError):
            tok.id_to_token(tok.vocab_size)


def test_serialisation_round_trips_through_json(char_tok, word_tok, bpe_tok):
    text = "<user>The queen didn't like the sea.<end>"
    for tok in (char_tok, word_tok, bpe_tok):
        d = json.loads(json.dumps(tok.to_dict()))
        assert d["kind"] == tok.name
        again = Tokenizer.from_dict(d)
        assert type(again) is type(tok)
        assert again.vocabulary() == tok.vocabulary()
        assert again.encode(text) == tok.encode(text)


def test_from_dict_rejects_damaged_input_clearly():
    with pytest.raises(TokenizerError, match="kind"):
        Tokenizer.from_dict({"alphabet": "abc"})
    with pytest.raises(TokenizerError, match="Unknown tokenizer kind 'morse'"):
        Tokenizer.from_dict({"kind": "morse"})
    with pytest.raises(TokenizerError, match="damaged"):
        Tokenizer.from_dict({"kind": "word"})
    with pytest.raises(TokenizerError, match="cannot be read"):
        Tokenizer.from_dict({"kind": "bpe", "hf_json": "{not json"})


def test_a_bare_string_is_one_text_not_a_list_of_characters():
    assert CharTokenizer.train("abc").alphabet == ["\t", "\n", " ", "a", "b", "c"]
    assert WordTokenizer.train("the cat").token_to_id(" cat") is not None


# -- characters -------------------------------------------------------------


def test_char_tokenizer_has_one_token_per_character_seen(char_tok):
    alphabet = sorted(set("".join(SMALL_CORPUS)) | {" ", "\n", "\t"})
    assert char_tok.alphabet == alphabet
    assert char_tok.vocab_size == len(SPECIAL_TOKENS) + len(alphabet)
    ids = char_tok.encode("The cat")
    assert char_tok.token_strings(ids) == list("The cat")


def test_char_tokenizer_names_the_unseen_character(char_tok):
    with pytest.raises(TokenizerError, match="'€'") as info:
        char_tok.encode("The cat costs 5€ and 6€")
    assert info.value.unknown == ("5", "€", "6")
    assert isinstance(info.value, ValueError)


@PROPERTY
@given(data=st.data())
def test_char_round_trip_over_the_trained_alphabet(char_tok, data):
    pieces = data.draw(
        st.lists(st.one_of(st.text(alphabet=char_tok.alphabet), st.sampled_from(SPECIAL_TOKENS)))
    )
    text = "".join(pieces)
    assert char_tok.decode(char_tok.encode(text)) == text


# -- words ------------------------------------------------------------------


def test_split_words_follows_the_treebank_on_contractions():
    assert split_words("I didn't go") == ["I", " did", "n't", " go"]
    assert split_words("don't") == ["do", "n't"]
    assert split_words("We can’t, it's Sam's.") == [
        "We",
        " ca",
        "n’t",
        ",",
        " it",
        "'s",
        " Sam",
        "'s",
        ".",
    ]
    assert split_words("I'm sure you'll, we'd") == [
        "I",
        "'m",
        " sure",
        " you",
        "'ll",
        ",",
        " we",
        "'d",
    ]
    # An apostrophe used as a quote mark is punctuation, not a contraction.
    assert split_words("'sea'") == ["'", "sea", "'"]


def test_split_words_keeps_spacing_so_pieces_join_back():
    assert split_words("a  b\n\nc\t d") == ["a", " ", " b", "\n", "\n", "c", "\t", " d"]


@given(st.text())
def test_split_words_is_a_partition_of_any_text(text):
    assert "".join(split_words(text)) == text


def test_article_sentence_is_ten_word_tokens(word_tok):
    ids = word_tok.encode(ARTICLE_SENTENCE)
    assert len(ids) == 10
    assert word_tok.token_strings(ids) == ARTICLE_SENTENCE.split()
    assert word_tok.id_to_token(ids[1]) == " cat"  # the vocabulary form keeps its space
    assert word_tok.decode(ids) == ARTICLE_SENTENCE


def test_word_tokenizer_splits_didnt_into_did_and_nt(word_tok):
    ids = word_tok.encode("My sister didn't like the sea.")
    assert word_tok.token_strings(ids) == ["My", "sister", "did", "n't", "like", "the", "sea", "."]


def test_word_vocabulary_is_closed(word_tok):
    with pytest.raises(TokenizerError, match="'zebra'") as info:
        word_tok.encode("The zebra sat on the mat with a giraffe")
    assert info.value.unknown == ("zebra", "with", "giraffe")
    assert word_tok.unknown_words("The zebra sat") == ["zebra"]


def test_word_vocab_size_keeps_the_most_frequent_pieces():
    texts = ["a the the the cat cat dog"]
    small = WordTokenizer.train(texts, vocab_size=len(SPECIAL_TOKENS) + 3 + 2)
    assert small.vocab_size == 9
    assert small.token_to_id(" the") is not None and small.token_to_id(" cat") is not None
    assert small.token_to_id(" dog") is None
    # Spacing tokens are always there: layout never makes a text unencodable.
    assert small.decode(small.encode(" the\n\n\t the")) == " the\n\n\t the"
    with pytest.raises(ValueError, match="vocab_size"):
        WordTokenizer.train(texts, vocab_size=5)


def test_word_training_is_deterministic():
    a = WordTokenizer.train(SMALL_CORPUS, vocab_size=60)
    b = WordTokenizer.train(list(SMALL_CORPUS), vocab_size=60)
    assert a.to_dict() == b.to_dict()


@st.composite
def texts_from_word_vocabulary(draw, tok: WordTokenizer) -> str:
    tokens = sorted(tok.vocabulary())
    parts = draw(st.lists(st.sampled_from(tokens), max_size=30))
    text = ""
    for p in parts:
        # Two tokens glued with no space would read as one (unknown) word.
        if text and p[:1].isalnum() and text[-1:].isalnum():
            text += draw(st.sampled_from(["\n", "\t", " "]))
        text += p
    return text


@PROPERTY
@given(data=st.data())
def test_word_round_trip_for_texts_made_of_its_vocabulary(word_tok, data):
    text = data.draw(texts_from_word_vocabulary(word_tok))
    try:
        ids = word_tok.encode(text)
    except TokenizerError:
        assume(False)  # rare: e.g. "ca" + "n't" glued onto a word ending in n
    assert word_tok.decode(ids) == text


# -- BPE --------------------------------------------------------------------


def _reference_hf(tok: BPETokenizer) -> HFTokenizer:
    """An independent `tokenizers` BPE built only from our vocabulary and merge list."""
    vocab = tok.vocabulary()
    ref = HFTokenizer(models.BPE(vocab=vocab, merges=tok.merges))
    ref.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    ref.decoder = decoders.ByteLevel()
    ref.add_special_tokens(list(SPECIAL_TOKENS))
    return ref


@PROPERTY
@given(text=st.text())
def test_bpe_round_trips_any_unicode_text(bpe_tok, text):
    assert bpe_tok.decode(bpe_tok.encode(text)) == text


@PROPERTY
@given(parts=st.lists(st.one_of(st.text(max_size=20), st.sampled_from(SPECIAL_TOKENS))))
def test_bpe_round_trips_text_with_special_tokens(bpe_tok, parts):
    text = "".join(parts)
    assert bpe_tok.decode(bpe_tok.encode(text)) == text


@PROPERTY
@given(text=st.text(alphabet=st.sampled_from("the cat sat on a mat sea king, queen!\n😅é")))
def test_bpe_encoding_equals_the_librarys_own(bpe_tok, text):
    assert bpe_tok.encode(text) == bpe_tok.hf.encode(text).ids
    assert bpe_tok.encode(text) == _reference_hf(bpe_tok).encode(text).ids


SPACEY = "ab ,'s\n\t1😅"  # "1" stands for a special token


@pytest.fixture(scope="module")
def spacey_bpe() -> BPETokenizer:
    """A BPE that has learned merges of spaces and newlines, where careless cuts show."""
    rng = random.Random(0)
    texts = ["".join(rng.choice(SPACEY[:-2]) for _ in range(2000)) for _ in range(10)]
    return BPETokenizer.train(texts, vocab_size=400)


@PROPERTY
@given(
    text=st.text(alphabet=st.sampled_from(SPACEY)).map(lambda t: t.replace("1", "<user>")),
    chunk_chars=st.integers(1, 12),
)
def test_bpe_long_texts_are_cut_where_cutting_changes_nothing(spacey_bpe, text, chunk_chars):
    chunks = split_for_encoding(text, chunk_chars)
    assert "".join(chunks) == text
    assert spacey_bpe.encode_batch([text, text[::-1]], chunk_chars=chunk_chars) == [
        spacey_bpe.hf.encode(text).ids,
        spacey_bpe.hf.encode(text[::-1]).ids,
    ]


def test_bpe_has_every_byte_and_the_requested_size(bpe_tok):
    assert bpe_tok.vocab_size == BPE_SMALL_VOCAB
    assert len(bpe_tok.merges) == BPE_SMALL_VOCAB - len(SPECIAL_TOKENS) - 256
    vocab = bpe_tok.vocabulary()
    for a, b in bpe_tok.merges:
        assert a in vocab and b in vocab and a + b in vocab
    with pytest.raises(ValueError, match="at least 260"):
        BPETokenizer.train(SMALL_CORPUS, vocab_size=100)


def test_bpe_token_strings_are_readable(bpe_tok):
    ids = bpe_tok.encode("The cat\nsat 😅")
    shown = bpe_tok.token_strings(ids)
    # "Ġ" is shown as a space, "Ċ" as a newline.
    assert "".join(shown[:-4]) == "The cat\nsat "
    assert not any("Ġ" in s for s in shown)
    # The emoji's four bytes are unseen in training: each shows as a byte.
    assert shown[-4:] == ["<0xF0>", "<0x9F>", "<0x98>", "<0x85>"]
    assert display_piece("Ġhead") == " head"


def test_bpe_word_token_and_describe_split(bpe_tok):
    the = bpe_tok.word_token("the")
    assert the is not None and bpe_tok.token_strings([the]) == [" the"]
    assert bpe_tok.describe_split("the") == [" the"]
    assert bpe_tok.word_token("xylophone") is None
    assert "".join(bpe_tok.describe_split("xylophone")) == " xylophone"


def test_bpe_training_is_deterministic(bpe_tok):
    again = BPETokenizer.train(SMALL_CORPUS, vocab_size=BPE_SMALL_VOCAB)
    assert again.to_dict() == bpe_tok.to_dict()
    assert again.merges == bpe_tok.merges


def test_bpe_training_is_deterministic_across_processes(bpe_tok):
    # Hash-map seeds differ per process; ties between equal pair counts must not
    # depend on them.
    code = (
        "import sys, json\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from engine.tokenizers import BPETokenizer\n"
        "texts = json.loads(sys.stdin.read())\n"
        f"print(json.dumps(BPETokenizer.train(texts, vocab_size={BPE_SMALL_VOCAB}).merges))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)],
        input=json.dumps(SMALL_CORPUS),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert [tuple(m) for m in json.loads(out.stdout)] == bpe_tok.merges


# -- replaying the merges ---------------------------------------------------


def test_replaying_all_merges_matches_the_real_encoding(bpe_tok):
    text = "\n".join(SMALL_CORPUS)
    ranks_all = bpe_tok.merges
    words = set(bpe_tok.byte_level_words(text))
    assert len(words) > 20
    for w in sorted(words):
        expected = [bpe_tok.id_to_token(i) for i in bpe_tok.hf.encode(display_piece(w)).ids]
        assert apply_merges(list(w), ranks_all) == expected, w


def test_merge_replay_steps_shrink_the_text(bpe_tok):
    sample = "A king didn't like the sea. The queen enjoyed a headache and a stomachache."
    replay = bpe_tok.replay(sample)
    assert isinstance(replay, MergeReplay)
    assert replay.pieces_at(0) == [list(w) for w in replay.words]
    counts = [replay.initial_pieces] + [s.pieces_after for s in replay.steps]
    assert all(a > b for a, b in zip(counts, counts[1:], strict=False))
    for s in replay.steps:
        # The step-by-step replay and the rank-based encoder agree after every step.
        assert sum(len(w) for w in replay.pieces_at(s.step)) == s.pieces_after
        assert s.token == s.pair[0] + s.pair[1]
    final = replay.pieces_at(len(bpe_tok.merges))
    assert [p for w in final for p in w] == [bpe_tok.id_to_token(i) for i in bpe_tok.encode(sample)]
    assert "".join(p for w in replay.display_at(len(bpe_tok.merges)) for p in w) == sample
    assert replay.steps[0].display == tuple(
        display_piece(p) for p in (*replay.steps[0].pair, replay.steps[0].token)
    )


# -- the bundled corpus -----------------------------------------------------


@pytest.fixture(scope="module")
def default_bpe() -> BPETokenizer:
    # Skips only while engine/corpus is still being written.
    reason = "engine.corpus is not complete yet"
    sources = pytest.importorskip("engine.corpus.sources", reason=reason)
    mix = pytest.importorskip("engine.corpus.mix", reason=reason)
    curation = pytest.importorskip("engine.corpus.curation", reason=reason)
    docs = mix.apply_mix(sources.made_up_corpus(0), mix.Mix.made_up(), seed=0)
    text = mix.training_text(curation.curate(docs).kept)
    return train_default_bpe(text)


def test_default_bpe_has_the_default_size(default_bpe):
    assert default_bpe.vocab_size == DEFAULT_BPE_VOCAB


def test_headache_is_head_plus_ache_and_stomachache_reuses_ache(default_bpe):
    assert [p.strip() for p in default_bpe.describe_split("headache")] == ["head", "ache"]
    assert default_bpe.describe_split("stomachache")[-1] == "ache"


@pytest.mark.parametrize("word", ["waters", "sea", "king", "queen"])
def test_theme_words_are_single_tokens(default_bpe, word):
    assert default_bpe.word_token(word) is not None, default_bpe.describe_split(word)


# ----- issue 14: bad input raises TokenizerError, never TypeError -------------------------


@pytest.mark.parametrize("text", ["caf\udce9", "\ud800", "ok <end> \udcff", "x" * 20_000 + "\udc80"])
def test_a_lone_surrogate_is_a_tokenizer_error_naming_its_place(text):
    """What bytes that are not UTF-8 become in Python (e.g. in command-line arguments)."""
    tok = BPETokenizer.train(["the cat sat on the mat " * 20], vocab_size=300)
    with pytest.raises(TokenizerError, match="not valid Unicode at character"):
        tok.encode(text)
    with pytest.raises(TokenizerError):
        tok.encode_batch(["fine", text])


@pytest.mark.parametrize("d", [{"kind": []}, {"kind": {"a": 1}}, {"kind": None}, {"kind": "char", "alphabet": 5},
                               {"kind": "char", "alphabet": ["ab"]}, {"kind": "word", "tokens": "x"},
                               {"kind": "bpe", "hf_json": 7}, {"kind": "bpe", "hf_json": "{}"},
                               {"kind": "x" * 10_000}, [], "bpe", None])
def test_a_damaged_saved_tokenizer_is_a_tokenizer_error(d):
    with pytest.raises(TokenizerError) as err:
        Tokenizer.from_dict(d)
    assert len(str(err.value)) < 300
