"""Bad input never costs the person anything (engine level, no Qt).

- The person's files: binary, UTF-16 without a byte order mark, Latin-1, empty, 200 MB,
  a folder without text, no permission to read: each is refused with a message naming
  the file and saying what to do, and the data and the model are exactly as before.
- Session files: a whole session (every stage, the person's texts, Q&A edits, chat
  feedback) survives a save and an open; truncated, reshaped, pickled, foreign, bomb-like
  and future-version files are refused with a message; a save killed half-way (SIGKILL,
  in a real subprocess) or cancelled leaves the previous file intact.
- Checkpoints: the same hostile files are refused when a Session is made from one.
"""

import json
import os
import pickle
import shutil
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from engine.alignment.feedback import PreferencePair, Thumb
from engine.alignment.preference import state_hash
from engine.corpus.userfiles import UserTextError, load_user_texts
from engine.finetuning.qa_data import QAPair
from engine.session.file import (
    MAX_HEADER_BYTES,
    SessionFileError,
    iter_save_session,
    load_session,
    save_session,
)
from tests.bad_inputs import BAD_FILES, HOSTILE, hostile_file, write_bad_file

ROOT = Path(__file__).resolve().parent.parent


# ----- shared set-up ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def live(warm_session):
    """A Session on the default checkpoint sharing the warm corpus (see conftest)."""
    from workers.server.core import default_session

    session = default_session()
    session.reuse_built_data(warm_session)
    return session


def model_hash(session) -> str:
    return state_hash(session.model)


# ----- the person's files ----------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_and_changes_nothing(kind, live, tmp_path, monkeypatch):
    before_summary, before_hash = live.data_summary(), model_hash(live)
    path = write_bad_file(kind, tmp_path, monkeypatch)
    with pytest.raises(UserTextError) as err:
        live.add_user_texts(path)
    message = str(err.value)
    assert path.name in message, message  # names the file (or folder)
    for words in BAD_FILES[kind]:
        assert words in message, message
    assert live.data_summary() == before_summary
    assert live.user_files == [] and model_hash(live) == before_hash


def test_the_huge_file_is_judged_by_its_size_without_being_read(live, tmp_path, monkeypatch):
    path = write_bad_file("huge", tmp_path, monkeypatch)
    import engine.corpus.userfiles as userfiles

    def no_reading(*_a, **_k):
        raise AssertionError("the 200 MB file was read")

    monkeypatch.setattr(userfiles, "_read", no_reading)
    with pytest.raises(UserTextError, match="too large"):
        live.add_user_texts(path)


# ----- a whole session in one file -------------------------------------------------------


@pytest.fixture(scope="module")
def full_session(live, tmp_path_factory):
    """A session that has been through every pillar: pre-trained, fine-tuned, aligned, with
    the person's own text, an edited Q&A set and chat feedback. The model is made tiny (one
    block, width 32) so the whole story costs seconds; the data and tokenizer are the app's.
    """
    from engine.finetuning.trainer import SFTConfig
    from engine.model import GPTConfig
    from engine.pretraining.trainer import TrainConfig

    session = live.fork()  # shares the warm corpus and caches; the model is its own
    session.user_documents, session.user_files = [], []
    folder = tmp_path_factory.mktemp("texts")
    mine = folder / "my notes.txt"
    mine.write_text("Mon café est près de la mer. " * 30 + "\n\nThe sea was calm. " * 30, encoding="utf-8")
    session.model_config = GPTConfig(vocab_size=session.tokenizer.vocab_size, block_size=64,
                                     n_layer=1, n_head=2, n_embd=32)
    session.new_model(seed=1)
    for _ in session.pretraining.train(TrainConfig(max_steps=2, seed=1)):
        pass
    # The person's text, as add_user_texts adds it (without re-counting the whole training
    # set, which costs seconds): the data now differs from what the tokenizer was made on.
    session.user_documents, session.user_files = load_user_texts(mine), [str(mine)]
    for _ in session.finetuning.train(SFTConfig(max_steps=2)):
        pass
    session.finetuning.set_qa(session.finetuning.qa_set().add(QAPair("Is the sea wide?", "Yes, the sea is very wide.")))
    c = session.alignment.candidates("What makes the sea salty?", n=2, seed=3)
    session.alignment.learn_from_feedback(PreferencePair(c.prompt, c.prompt_ids, c.answers[0], c.answers[1]))
    session.alignment.learn_from_feedback(Thumb(c.prompt, c.prompt_ids, c.answers[1], up=False))
    session.alignment.set_trait("word:sea")
    path = tmp_path_factory.mktemp("sessions") / "lecture.pillars"
    steps = []
    save_session(path, session, progress=steps.append)
    return session, path, steps


def test_a_whole_session_comes_back_from_one_file(full_session):
    original, path, steps = full_session
    assert steps[-1].done and steps[-1].fraction == 1.0
    assert [s.fraction for s in steps] == sorted(s.fraction for s in steps)
    opened = load_session(path)
    assert opened.stage == original.stage == "aligned"
    assert model_hash(opened) == model_hash(original)
    for stage in ("pre-trained", "fine-tuned"):
        assert state_hash(opened.stage_model(stage).model) == state_hash(original.stage_model(stage).model)
    assert opened.tokenizer.to_dict() == original.tokenizer.to_dict()
    assert opened.mix == original.mix and opened.seed == original.seed
    assert opened.tokens_seen == original.tokens_seen and opened.last_loss == original.last_loss
    # the person's texts themselves (the file need not exist where the session is opened)
    assert [d.text for d in opened.user_documents] == [d.text for d in original.user_documents]
    assert opened.user_files == original.user_files
    assert opened.tokenizer_fits_data() is False  # data changed since BPE
    assert opened.finetuning.qa_set() == original.finetuning.qa_set()
    a, b = original.alignment.run, opened.alignment.run
    assert b.policy is opened.model and state_hash(b.reference) == state_hash(a.reference)
    assert b.version == a.version == 2 and b.trait == a.trait
    assert b.optimizer.memory.items == a.optimizer.memory.items
    assert repr(opened.alignment.history()) == repr(original.alignment.history())  # NaN-safe
    # and it carries on: one more judgement learns on top of the restored ones
    c = opened.alignment.candidates("Why is the wind cold?", n=2, seed=5)
    snap = opened.alignment.learn_from_feedback(PreferencePair(c.prompt, c.prompt_ids, c.answers[0], c.answers[1]))
    assert snap.judgements == 3 and opened.stage == "aligned"


def test_the_file_is_safetensors_and_never_pickle(full_session):
    from safetensors import safe_open

    _, path, _ = full_session
    assert path.read_bytes()[:2] != b"\x80\x04"
    with safe_open(str(path), framework="pt") as f:
        names = set(f.keys())
        doc = json.loads(f.metadata()["three_pillars"])
    assert {"aligned/wte.weight", "fine-tuned/wte.weight", "pre-trained/wte.weight",
            "data/user_documents"} <= names
    assert not any(n.startswith("reference/") for n in names)  # = fine-tuned: stored once
    assert doc["format"] == "three-pillars-session" and doc["version"] == 1
    assert len(doc["tokenizers"]) == 1  # every stage reads the same tokens: stored once


# ----- hostile and damaged session files -------------------------------------------------


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_session_file_is_refused_with_a_message(kind, full_session, tmp_path):
    _, good, _ = full_session
    bad = hostile_file(kind, good, tmp_path)
    with pytest.raises(SessionFileError) as err:
        load_session(bad)
    message = str(err.value)
    assert bad.name in message, message
    for words in HOSTILE[kind]:
        assert words in message, message
    assert "Nothing was changed" in message, message


def test_no_header_limit_is_far_from_what_a_session_needs(full_session):
    session, path, _ = full_session
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
    assert n < MAX_HEADER_BYTES / 20  # the description is small: the texts are a tensor


# ----- saving is atomic --------------------------------------------------------------------


def test_a_cancelled_save_leaves_the_previous_file(full_session, tmp_path, monkeypatch):
    import engine.session.file as sf

    session, good, _ = full_session
    path = tmp_path / "kept.pillars"
    shutil.copy(good, path)
    before = path.read_bytes()
    monkeypatch.setattr(sf, "CHUNK_BYTES", 64 * 1024)
    steps = iter_save_session(path, session)
    next(steps)
    next(steps)  # a first chunk is on disk, in a temp file
    assert list(tmp_path.glob(".kept.pillars.*.tmp"))
    steps.close()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".kept.pillars.*.tmp"))


def test_saving_where_it_cannot_says_so(full_session, tmp_path):
    session, _, _ = full_session
    with pytest.raises(SessionFileError, match="does not exist. Choose another folder"):
        save_session(tmp_path / "no such folder" / "x.pillars", session)


CHILD = r"""
import sys, time
import torch
import engine.session.file as sf
from engine.session.file import iter_save_session, load_session

torch.set_num_threads(1)
sf.CHUNK_BYTES = 64 * 1024  # many chunks, so there is a middle to be killed in
session = load_session(sys.argv[1])
with torch.no_grad():
    session.model.wte.weight.add_(1.0)  # a different session, to overwrite the old file with
steps = iter_save_session(sys.argv[1], session)
for i, step in enumerate(steps):
    if i == 3:
        print("HALF-WAY", flush=True)
        time.sleep(120)  # killed here, a few chunks into the temp file
"""


def test_a_save_killed_half_way_leaves_the_previous_file(full_session, tmp_path):
    """A real process, SIGKILLed in the middle of writing: the old session still opens."""
    session, good, _ = full_session
    path = tmp_path / "lecture.pillars"
    shutil.copy(good, path)
    before = path.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = child.stdout.readline()
        assert line.strip() == "HALF-WAY", child.stderr.read()
        partial = list(tmp_path.glob(".lecture.pillars.*.tmp"))
        assert len(partial) == 1 and 0 < partial[0].stat().st_size < len(before)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert model_hash(load_session(path)) == model_hash(session)


# ----- hostile checkpoints -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["truncated", "pickle", "huge-header", "wrong-shapes"])
def test_a_hostile_checkpoint_is_refused_when_a_session_is_made(kind, tmp_path):
    from engine.checkpoint import WEIGHTS, CheckpointError
    from engine.session.core import Session

    folder = tmp_path / "ckpt"
    shutil.copytree(ROOT / "assets/checkpoints/base", folder)
    weights = folder / WEIGHTS
    data = weights.read_bytes()
    if kind == "truncated":
        weights.write_bytes(data[: len(data) // 3])
    elif kind == "pickle":
        weights.write_bytes(pickle.dumps({"wte.weight": [0.0] * 10}))
    elif kind == "huge-header":
        weights.write_bytes(struct.pack("<Q", 1 << 40) + data[8:100])
    else:
        from safetensors.torch import load_file, save_file

        tensors = load_file(str(weights))
        tensors["wte.weight"] = tensors["wte.weight"][:100].clone()
        save_file(tensors, str(weights))
    with pytest.raises(CheckpointError) as err:
        Session.from_checkpoint(folder)
    assert str(folder) in str(err.value) or WEIGHTS in str(err.value)


# ----- saves that cannot destroy anything (engine/safe_save.py) ---------------------------


@pytest.mark.parametrize("kind", ["text-file", "folder", "foreign-safetensors", "symlink"])
def test_saving_over_something_that_is_not_a_session_is_refused(kind, full_session, tmp_path):
    session, _, _ = full_session
    target = tmp_path / "target.pillars"
    if kind == "text-file":
        target.write_text("my shopping list")
    elif kind == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("notes")
    elif kind == "foreign-safetensors":
        shutil.copy(ROOT / "assets/checkpoints/base/model.safetensors", target)
    else:
        (tmp_path / "real.txt").write_text("my shopping list")
        target.symlink_to(tmp_path / "real.txt")
    before = sorted((p.name, p.is_dir()) for p in tmp_path.iterdir())
    with pytest.raises(SessionFileError) as err:
        save_session(target, session)
    assert "is not a Three Pillars session" in str(err.value) and target.name in str(err.value)
    assert sorted((p.name, p.is_dir()) for p in tmp_path.iterdir()) == before  # nothing new, nothing gone
    if kind in ("text-file", "symlink"):
        assert target.read_text() == "my shopping list"


def test_a_session_saved_again_keeps_the_previous_as_backup(full_session, tmp_path):
    session, good, _ = full_session
    path = tmp_path / "lecture.pillars"
    shutil.copy(good, path)
    save_session(path, session)
    backup = tmp_path / "lecture.pillars.backup"
    assert backup.read_bytes() == good.read_bytes()
    path.unlink()  # as if killed between the two renames: the loader falls back
    assert model_hash(load_session(path)) == model_hash(session)


@pytest.mark.parametrize("step", ["target-checked", "temp-created", "temp-synced", "temp-verified",
                                  "backup-retired", "backup-removed", "previous-backed-up",
                                  "new-in-place", "folder-synced"])
def test_a_session_save_killed_at_any_step_keeps_the_previous_file(step, full_session, tmp_path):
    """A real SIGKILL (forked child) at each step: the previous session opens, at its name
    or as the backup, and the killed save's temp file is cleaned at the next open."""
    import engine.safe_save as safe_save
    from tests.kill_points import killed_during

    assert step in safe_save.STEPS
    session, good, _ = full_session
    path = tmp_path / "lecture.pillars"
    shutil.copy(good, path)
    shutil.copy(good, tmp_path / "lecture.pillars.backup")  # every step is reached
    previous = path.read_bytes()

    def save_a_changed_session():
        import torch

        with torch.no_grad():
            session.model.wte.weight.add_(1.0)  # in the child only
        save_session(path, session)

    assert killed_during(step, save_a_changed_session)
    new_in_place = safe_save.STEPS.index(step) >= safe_save.STEPS.index("new-in-place")
    kept = tmp_path / "lecture.pillars.backup" if new_in_place or not path.exists() else path
    assert kept.read_bytes() == previous
    opened = load_session(path)  # the new one, or the previous (from the backup if need be)
    assert (model_hash(opened) == model_hash(session)) is not new_in_place
    assert not list(tmp_path.glob(".lecture.pillars.*.tmp"))
