"""Checkpoints: safetensors + JSON, atomic, and refusing anything damaged or foreign."""

import json
import pickle
import struct

import pytest
import torch

from engine.checkpoint import META, WEIGHTS, CheckpointError, load_checkpoint, save_checkpoint
from tests.tiny_world import tiny_setup


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    tok, model, _, _ = tiny_setup()
    path = tmp_path_factory.mktemp("ckpt") / "model"
    save_checkpoint(path, model, tok, "pre-trained", {"tokens_seen": 123})
    return path, tok, model


def fresh_copy(saved, tmp_path):
    import shutil

    dst = tmp_path / "copy"
    shutil.copytree(saved[0], dst)
    return dst


def test_round_trip_gives_identical_predictions(saved):
    path, tok, model = saved
    ckpt = load_checkpoint(path)
    assert ckpt.stage == "pre-trained" and ckpt.meta["tokens_seen"] == 123
    assert ckpt.tokenizer.encode("the cat sat") == tok.encode("the cat sat")
    idx = torch.tensor([tok.encode("the king walked to the sea")])
    model.eval()
    torch.testing.assert_close(ckpt.model(idx)[0], model(idx)[0])
    assert ckpt.model.lm_head.weight.data_ptr() == ckpt.model.wte.weight.data_ptr()


def test_no_pickle_anywhere(saved):
    for f in saved[0].iterdir():
        assert not f.read_bytes().startswith(b"\x80"), f"{f.name} looks like a pickle"
    json.loads((saved[0] / META).read_text())


def test_truncated_weights_are_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    data = (path / WEIGHTS).read_bytes()
    (path / WEIGHTS).write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="damaged|truncated|cut short"):
        load_checkpoint(path)


def test_huge_declared_header_is_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    data = (path / WEIGHTS).read_bytes()
    (path / WEIGHTS).write_bytes(struct.pack("<Q", 1 << 40) + data[8:])
    with pytest.raises(CheckpointError, match="header"):
        load_checkpoint(path)


def test_a_pickle_in_place_of_the_weights_is_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    (path / WEIGHTS).write_bytes(pickle.dumps({"wte.weight": [1, 2, 3]}))
    with pytest.raises(CheckpointError):
        load_checkpoint(path)


def test_foreign_json_is_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    (path / META).write_text(json.dumps({"hello": "world"}))
    with pytest.raises(CheckpointError, match="not written by Three Pillars"):
        load_checkpoint(path)


def test_corrupted_json_is_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    (path / META).write_text('{"format": "three-pillars-checkpoint", "ver')
    with pytest.raises(CheckpointError, match="not valid JSON"):
        load_checkpoint(path)


def test_wrong_shapes_are_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    doc = json.loads((path / META).read_text())
    doc["config"]["n_embd"] = 64
    doc["config"]["n_head"] = 2
    (path / META).write_text(json.dumps(doc))
    with pytest.raises(CheckpointError, match="shape"):
        load_checkpoint(path)


def test_a_file_is_not_a_checkpoint(tmp_path):
    f = tmp_path / "model.pt"
    f.write_bytes(b"\x80\x04junk")
    with pytest.raises(CheckpointError, match="not a Three Pillars checkpoint"):
        load_checkpoint(f)


def test_save_replaces_atomically_and_a_killed_save_keeps_the_old(saved, tmp_path, monkeypatch):
    path, tok, model = saved
    target = tmp_path / "ckpt"
    save_checkpoint(target, model, tok, "pre-trained", {"n": 1})
    save_checkpoint(target, model, tok, "fine-tuned", {"n": 2})
    assert load_checkpoint(target).meta == {"n": 2}

    import engine.checkpoint as ck

    def killed(*a, **k):
        raise KeyboardInterrupt("killed half-way")

    monkeypatch.setattr(ck, "save_file", killed)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(target, model, tok, "aligned", {"n": 3})
    assert load_checkpoint(target).meta == {"n": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ckpt", "ckpt.backup"]
    assert load_checkpoint(tmp_path / "ckpt.backup").meta == {"n": 1}  # the save before
