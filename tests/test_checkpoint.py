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


# ----- issue 14: hostile descriptions, damaged numbers --------------------------------------


def edit_meta(path, change):
    doc = json.loads((path / META).read_text())
    change(doc)
    (path / META).write_text(json.dumps(doc))


HOSTILE_CONFIGS = {  # a change to the config -> words of the message
    "n_layer 100000": ({"n_layer": 100000}, "n_layer is 100,000"),
    "n_embd 65536": ({"n_embd": 65536}, "n_embd is 65,536"),
    "block_size 1e9": ({"block_size": 1e9}, "block_size is 1000000000.0, not a whole number"),
    "block_size 10**9": ({"block_size": 10**9}, "block_size is 1,000,000,000"),
    "n_layer 4.5": ({"n_layer": 4.5}, "n_layer is 4.5, not a whole number"),
    "n_head true": ({"n_head": True}, "n_head is True"),
    "n_embd text": ({"n_embd": "128"}, "n_embd is '128'"),
    "n_head 0": ({"n_head": 0}, "n_head is 0"),
    "dropout 2": ({"dropout": 2}, "dropout is 2"),
    "too many parameters": ({"n_layer": 64, "n_embd": 8192, "n_head": 8}, "parameters"),
}


@pytest.mark.parametrize("name", list(HOSTILE_CONFIGS))
def test_a_hostile_config_is_refused_before_anything_is_allocated(name, saved, tmp_path, monkeypatch):
    import engine.checkpoint as ck

    change, words = HOSTILE_CONFIGS[name]
    path = fresh_copy(saved, tmp_path)
    edit_meta(path, lambda d: d["config"].update(change))

    def no_model(*_a, **_k):
        raise AssertionError("a model was built from a hostile config")

    monkeypatch.setattr(ck, "TinyGPT", no_model)
    with pytest.raises(CheckpointError) as err:
        load_checkpoint(path)
    assert words in str(err.value) and str(path) in str(err.value), str(err.value)


HOSTILE_META = {  # the five wrong types in meta the issue found, and more
    "seed text": {"seed": "zero"},
    "seed float": {"seed": 1.5},
    "tokens_seen list": {"tokens_seen": [1]},
    "heldout_loss text": {"heldout_loss": "low"},
    "mix list": {"mix": ["news"]},
    "mix share 7": {"mix": {"news": 7}},
    "mix all zero": {"mix": {"news": 0}},
    "user_files numbers": {"user_files": [1, 2]},
    "negative seed": {"seed": -4},
}


@pytest.mark.parametrize("name", list(HOSTILE_META))
def test_wrong_types_in_meta_are_refused(name, saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    edit_meta(path, lambda d: d["meta"].update(HOSTILE_META[name]))
    with pytest.raises(CheckpointError, match="damaged description"):
        load_checkpoint(path)


def test_meta_that_is_not_an_object_is_refused(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    edit_meta(path, lambda d: d.update(meta=[1, 2]))
    with pytest.raises(CheckpointError, match="meta is not an object"):
        load_checkpoint(path)


@pytest.mark.parametrize("text, words", [
    ('{"format": "three-pillars-checkpoint", "version": ' + "1" * 5000 + "}", "5,000 digits"),
    ('{"format": "three-pillars-checkpoint", "version": 1, "meta": {"heldout_loss": 1e400}}', "too large"),
    ('{"format": "three-pillars-checkpoint", "version": NaN}', "version nan"),
    ('{"format": "three-pillars-checkpoint", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nests"),
    ('{"format": "three-pillars-checkpoint", "x": ' + "[" * 500 + "]" * 500 + "}", "nests"),
])
def test_json_beyond_bounds_is_refused(text, words, saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    (path / META).write_text(text)
    with pytest.raises(CheckpointError) as err:
        load_checkpoint(path)
    assert words in str(err.value) and len(str(err.value)) < 400, str(err.value)


def test_a_flipped_bit_in_the_weights_is_refused_naming_the_file(saved, tmp_path):
    path = fresh_copy(saved, tmp_path)
    data = bytearray((path / WEIGHTS).read_bytes())
    data[-1000] ^= 0x01  # one bit of one weight, well past the header
    (path / WEIGHTS).write_bytes(bytes(data))
    with pytest.raises(CheckpointError) as err:
        load_checkpoint(path)
    assert "checksum" in str(err.value) and str(path / WEIGHTS) in str(err.value)


def test_weights_times_1e30_are_refused(saved, tmp_path):
    """They used to load, then every sample raised (the checksum is recomputed here, as a
    file made on purpose would have it)."""
    from safetensors.torch import load_file, save_file

    from engine.integrity import weights_sha256

    path = fresh_copy(saved, tmp_path)
    tensors = {k: v * 1e30 for k, v in load_file(str(path / WEIGHTS)).items()}
    save_file(tensors, str(path / WEIGHTS))
    edit_meta(path, lambda d: d.update(weights_sha256=weights_sha256(tensors)))
    with pytest.raises(CheckpointError, match="as large as"):
        load_checkpoint(path)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_pipe_or_device_in_place_of_a_file_is_refused_without_hanging(kind, saved, tmp_path):
    import os

    path = fresh_copy(saved, tmp_path)
    (path / META).unlink()
    if kind == "fifo":
        os.mkfifo(path / META)
    else:
        (path / META).symlink_to("/dev/zero")
    with pytest.raises(CheckpointError, match="not a file that can be read"):
        load_checkpoint(path)


def test_a_checkpoint_without_a_checksum_still_loads(saved, tmp_path):
    """Checkpoints saved before the checksum existed (and the shipped ones until rebuilt)."""
    path = fresh_copy(saved, tmp_path)
    edit_meta(path, lambda d: d.pop("weights_sha256"))
    assert load_checkpoint(path).stage == "pre-trained"
