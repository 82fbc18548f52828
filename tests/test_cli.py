"""`python -m engine`: each subcommand works headless, prints JSON lines, and fails cleanly."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine import paths
from engine.cli import main

ROOT = Path(__file__).resolve().parent.parent
needs_default = pytest.mark.skipif(
    not paths.stage_checkpoint("base").exists(), reason="shipped base checkpoint not built"
)


def run_json(capsys, *argv) -> list[dict]:
    code = main([*argv, "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert code == 0, lines
    return lines


def test_windows_gives_the_articles_seven_windows(capsys):
    lines = run_json(capsys, "windows", "--text", "The cat sat on a mat and enjoyed the wind", "--size", "4")
    assert [" ".join(x["window"]) for x in lines] == [
        "The cat sat on", "cat sat on a", "sat on a mat", "on a mat and",
        "a mat and enjoyed", "mat and enjoyed the", "and enjoyed the wind",
    ]
    assert [x["target"] for x in lines] == ["a", "mat", "and", "enjoyed", "the", "wind", None]


@needs_default
def test_tokenize_bpe_cuts_the_picked_examples_as_the_script_recorded(capsys):
    """scripts/pick_bpe_examples.py found words sharing a learned piece in the shipped
    tokenizer's merges; the command line cuts them the same way."""
    from engine.corpus.showcase import BPE_EXAMPLES

    family = json.loads(BPE_EXAMPLES.read_text(encoding="utf-8"))["families"][0]
    for word in family["words"][:2]:
        (line,) = run_json(capsys, "tokenize", "--text", " " + word["word"], "--tokenizer", "bpe")
        assert [t.strip() for t in line["tokens"]] == [p.strip() for p in word["pieces"]]
        assert line["tokens"][-1].strip() == family["shared_piece"]


@needs_default
def test_neighbors_of_sea_in_the_shipped_model(capsys):
    """The design's claim, on the shipped library model: "waters" or "ocean" is among the
    5 nearest words of "sea" (cosine over the full embedding vectors)."""
    (line,) = run_json(capsys, "neighbors", "--word", "sea", "--k", "5")
    assert {"waters", "ocean"} & {n["word"] for n in line["neighbors"]}
    sims = [n["similarity"] for n in line["neighbors"]]
    assert sims == sorted(sims, reverse=True) and all(-1 <= s <= 1 for s in sims)


@needs_default
def test_sample_is_seeded(capsys):
    a = run_json(capsys, "sample", "--prompt", "The queen", "--n", "2", "--seed", "4")
    b = run_json(capsys, "sample", "--prompt", "The queen", "--n", "2", "--seed", "4")
    assert a == b and len(a) == 2 and a[0]["text"] != a[1]["text"]


def test_train_on_own_files_and_bad_file_is_one_line(tmp_path):
    good = tmp_path / "notes"
    good.mkdir()
    import random

    rng = random.Random(0)
    things, places = ["river", "boat", "bird", "child"], ["sea", "lake", "hill", "town"]
    text = "".join(
        f"The {rng.choice(things)} went to the {rng.choice(places)} on day {i}.\n\n" for i in range(600)
    )
    (good / "a.txt").write_text(text)
    out = tmp_path / "ckpt"
    proc = subprocess.run(
        [sys.executable, "-m", "engine", "train", "--steps", "5", "--seed", "0", "--out", str(out),
         "--data", str(good), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    final = json.loads(proc.stdout.strip().splitlines()[-1])
    assert final["event"] == "done" and Path(final["checkpoint"]) == out and final["heldout_loss"] > 0
    assert (out / "model.safetensors").exists()

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "engine", "train", "--steps", "5", "--out", str(tmp_path / "x"), "--data", str(bad)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "bad.txt" in proc.stderr


def test_every_subcommand_has_help(capsys):
    for cmd in ("train", "neighbors", "sample", "windows", "tokenize", "finetune", "align"):
        with pytest.raises(SystemExit) as exit_info:
            main([cmd, "--help"])
        assert exit_info.value.code == 0
        assert "--json" in capsys.readouterr().out, cmd


def test_missing_checkpoint_is_a_clean_error(capsys, tmp_path):
    code = main(["neighbors", "--checkpoint", str(tmp_path / "nope"), "--word", "sea"])
    assert code == 2
    assert "not a Three Pillars checkpoint" in capsys.readouterr().err
