"""Fuzzing every reader of outside input: each input either loads or raises the reader's
own error type (never TypeError, RecursionError, OverflowError... and never a hang).

Readers: the three tokenizers' encode, Tokenizer.from_dict, the person's text files, Q&A
files, checkpoints and session files. Hypothesis runs derandomized (the same examples on
every run) and bounded in examples, so the whole file takes well under a minute.
"""

import contextlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.checkpoint import META, WEIGHTS, CheckpointError, load_checkpoint, save_checkpoint
from engine.corpus.userfiles import UserTextError, load_user_texts
from engine.finetuning.qa_data import QAFileError, load_qa_file
from engine.tokenizers import BPETokenizer, CharTokenizer, Tokenizer, TokenizerError, WordTokenizer
from tests.tiny_world import tiny_setup, tiny_text

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text with what breaks readers: lone surrogates, specials, NUL, right-to-left marks, emoji.
awkward_text = st.lists(
    st.characters(codec=None, exclude_categories=()) | st.sampled_from(
        ["\ud800", "\udcff", "<end>", "<user>", "\x00", "\u202e", "🙂", "é", "\n", "\t", "the ", "sea"]),
    max_size=30).map("".join)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def tokenizers():
    text = tiny_text(400)
    return {"char": CharTokenizer.train([text]), "word": WordTokenizer.train([text]),
            "bpe": BPETokenizer.train([text], vocab_size=300)}


@FUZZ
@given(text=awkward_text)
def test_every_tokenizer_encodes_or_refuses(tokenizers, text):
    for tok in tokenizers.values():
        try:
            ids = tok.encode(text)
        except TokenizerError:
            continue
        assert tok.decode(ids) == text


def mutate(data, doc):
    """`doc` with one value somewhere inside replaced by arbitrary JSON (or removed)."""
    node = doc
    for _ in range(8):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return doc
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and data.draw(st.booleans()):
            node = child
            continue
        if isinstance(node, dict) and data.draw(st.integers(0, 5)) == 0:
            del node[key]
        else:
            node[key] = data.draw(json_values)
        return doc
    return doc


@FUZZ
@given(data=st.data())
def test_tokenizer_from_dict_rebuilds_or_refuses(tokenizers, data):
    kind = data.draw(st.sampled_from(["char", "word", "bpe", "random"]))
    if kind == "random":
        d = data.draw(json_values | st.dictionaries(st.just("kind"), json_values))
    else:
        d = tokenizers[kind].to_dict()
        if kind == "bpe" and data.draw(st.booleans()):  # inside the library's own JSON
            d["hf_json"] = json.dumps(mutate(data, json.loads(d["hf_json"])))
        else:
            d = mutate(data, d)
    with contextlib.suppress(TokenizerError):  # loads, or refuses with its own error
        Tokenizer.from_dict(d)


@FUZZ
@given(raw=st.binary(max_size=400) | awkward_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
       suffix=st.sampled_from([".txt", ".md"]))
def test_user_text_loads_or_refuses(tmp_path, raw, suffix):
    path = tmp_path / f"notes{suffix}"
    path.write_bytes(raw)
    with contextlib.suppress(UserTextError):  # loads, or refuses with its own error
        load_user_texts(path)


qa_lines = st.lists(
    st.tuples(awkward_text, awkward_text, st.sampled_from(["", "held-out", "train", "x"])).map(
        lambda t: "\t".join(t)) | awkward_text.map(lambda t: "Q: " + t) | awkward_text.map(lambda t: "A: " + t)
    | json_values.map(json.dumps)
    | st.fixed_dictionaries({"question": json_values, "answer": json_values}).map(json.dumps),
    max_size=8)


@FUZZ
@given(lines=qa_lines, raw=st.none() | st.binary(max_size=200),
       suffix=st.sampled_from([".tsv", ".txt", ".jsonl"]))
def test_qa_file_loads_or_refuses(tmp_path, lines, raw, suffix):
    path = tmp_path / f"pairs{suffix}"
    path.write_bytes(raw if raw is not None else "\n".join(lines).encode("utf-8", "surrogatepass"))
    with contextlib.suppress(QAFileError):  # loads, or refuses with its own error
        load_qa_file(path)


@pytest.fixture(scope="module")
def good_checkpoint(tmp_path_factory):
    tok, model, _, _ = tiny_setup()
    return save_checkpoint(tmp_path_factory.mktemp("fuzz") / "good", model, tok, "pre-trained",
                           {"seed": 1, "tokens_seen": 10, "heldout_loss": 2.5})


@FUZZ
@given(data=st.data())
def test_checkpoint_loads_or_refuses(good_checkpoint, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("ckpt") / "c"
    shutil.copytree(good_checkpoint, path)
    target = data.draw(st.sampled_from(["meta-json", "meta-bytes", "weights-bytes"]))
    if target == "meta-json":
        doc = mutate(data, json.loads((path / META).read_text()))
        (path / META).write_text(json.dumps(doc))
    else:
        file = path / (META if target == "meta-bytes" else WEIGHTS)
        _damage_bytes(data, file)
    with contextlib.suppress(CheckpointError):  # loads, or refuses with its own error
        load_checkpoint(path)


def _damage_bytes(data, file: Path) -> None:
    raw = bytearray(file.read_bytes())
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    else:
        for _ in range(data.draw(st.integers(1, 4))):
            # mostly near the start, where the header says what the rest is
            at = data.draw(st.integers(0, min(len(raw) - 1, 4096)) | st.integers(0, len(raw) - 1))
            raw[at] = data.draw(st.integers(0, 255))
    file.write_bytes(bytes(raw))


@pytest.fixture(scope="module")
def good_session(tmp_path_factory):
    """A small session file: a tiny pre-trained model, its tokenizer, the person's text."""
    from engine.corpus.sources import Document
    from engine.session.core import USER_SOURCE, Session
    from engine.session.file import save_session

    tok, model, _, _ = tiny_setup()
    session = Session(seed=3, model_config=model.config)
    session.tokenizer, session.model, session.stage = tok, model, "pre-trained"
    session.user_documents = [Document(USER_SOURCE, "The sea was calm. Mon café est près de la mer.")]
    session.user_files = ["notes.txt"]
    session.tokens_seen, session.last_loss = 1234, 3.5
    return save_session(tmp_path_factory.mktemp("fuzz") / "good.pillars", session)


@FUZZ
@given(data=st.data())
def test_session_file_loads_or_refuses(good_session, tmp_path_factory, data):
    from engine.session.file import SessionFileError, load_session
    from tests.bad_inputs import rewrite

    path = tmp_path_factory.mktemp("session") / "s.pillars"
    if data.draw(st.booleans()):
        rewrite(good_session, path, change_doc=lambda doc: mutate(data, doc))
    else:
        shutil.copy(good_session, path)
        _damage_bytes(data, path)
    with contextlib.suppress(SessionFileError):  # loads, or refuses with its own error
        load_session(path)
