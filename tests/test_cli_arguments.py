"""`python -m engine` refuses bad numbers and texts where they are typed: one line, exit 2.

Each case is from issue 14 (items 3, 6 and 7): NaN that trained forever, negative or zero
counts that raised deep inside or printed nothing, a huge seed, an empty prompt, a ranker
nested 2000 times, a 100,000-character word echoed back in a 700 kB line.
"""

import pytest

from engine.cli import MAX_MESSAGE_CHARS, main

BAD_ARGUMENTS = {  # name -> (argv, words the message must contain)
    "train --seconds nan": (["train", "--seconds", "nan", "--out", "x"], ["--seconds", "not a finite number"]),
    "train --seconds -1": (["train", "--seconds", "-1", "--out", "x"], ["--seconds", "out of range"]),
    "train --steps -3": (["train", "--steps", "-3", "--out", "x"], ["--steps", "out of range"]),
    "train --lr inf": (["train", "--lr", "inf", "--out", "x"], ["--lr", "not a finite number"]),
    "finetune --seconds nan": (["finetune", "--seconds", "nan", "--out", "x"], ["--seconds", "finite"]),
    "neighbors --k -1": (["neighbors", "--word", "sea", "--k", "-1"], ["--k", "out of range"]),
    "neighbors --k 0": (["neighbors", "--word", "sea", "--k", "0"], ["--k", "out of range"]),
    "neighbors --k abc": (["neighbors", "--word", "sea", "--k", "abc"], ["--k", "not a whole number"]),
    "neighbors long word": (["neighbors", "--word", "x" * 100_000], ["--word", "too long", "100,000 characters"]),
    "sample --temperature nan": (["sample", "--prompt", "a", "--temperature", "nan"], ["--temperature", "finite"]),
    "sample --temperature 0": (["sample", "--prompt", "a", "--temperature", "0"], ["--temperature", "0.01 to 100"]),
    "sample --temperature 1e-300": (["sample", "--prompt", "a", "--temperature", "1e-300"], ["out of range"]),
    "sample --top-k 0": (["sample", "--prompt", "a", "--top-k", "0"], ["--top-k", "out of range"]),
    "sample --top-k -1": (["sample", "--prompt", "a", "--top-k", "-1"], ["--top-k", "out of range"]),
    'sample --prompt ""': (["sample", "--prompt", ""], ["--prompt", "empty"]),
    "sample --n -1": (["sample", "--prompt", "a", "--n", "-1"], ["--n", "out of range"]),
    "sample --max-tokens -5": (["sample", "--prompt", "a", "--max-tokens", "-5"], ["--max-tokens", "out of range"]),
    "sample huge seed": (["sample", "--prompt", "a", "--seed", "9" * 40], ["--seed", "far too large"]),
    "sample seed 2**64": (["sample", "--prompt", "a", "--seed", str(2**64)], ["--seed", "out of range"]),
    "sample 5000-digit seed": (["sample", "--prompt", "a", "--seed", "7" * 5000], ["--seed", "far too large"]),
    "windows --size 0": (["windows", "--text", "a b", "--size", "0"], ["--size", "out of range"]),
    "align --samples 0": (["align", "--ranker", "random", "--samples", "0", "--out", "x"], ["--samples", "out of range"]),
    "align nested ranker": (["align", "--ranker", "reversed:" * 2000 + "random", "--out", "x"],
                            ["--ranker", "too long"]),
    "--threads 0": (["windows", "--text", "a b", "--threads", "0"], ["--threads", "out of range"]),
    "corpus --dump-clean over a file": (["corpus", "--dump-clean", __file__], ["already exists", "never replaces"]),
}


@pytest.mark.parametrize("name", list(BAD_ARGUMENTS))
def test_a_bad_argument_is_one_line_and_exit_2(name, capsys):
    argv, words = BAD_ARGUMENTS[name]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("error: ") and len(err.splitlines()) == 1, err
    assert len(err) <= MAX_MESSAGE_CHARS + 80, len(err)  # + "(see python -m engine x --help)"
    for w in words:
        assert w in err, err
    assert captured.out == ""


def test_non_utf8_bytes_into_the_bpe_tokenizer_are_a_message(capsys):
    """What the shell hands Python for a byte that is not UTF-8: a lone surrogate."""
    code = main(["tokenize", "--tokenizer", "bpe", "--text", "caf" + b"\xe9".decode("utf-8", "surrogateescape")])
    assert code == 2
    err = capsys.readouterr().err
    assert "not valid Unicode" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_a_long_message_is_cut_to_one_readable_line(capsys, tmp_path):
    missing = tmp_path / ("n" * 200) / ("o" * 200) / "checkpoint"
    code = main(["neighbors", "--checkpoint", str(missing), "--word", "sea"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err) <= MAX_MESSAGE_CHARS + 10 and err.endswith("…"), err


def test_one_torch_thread_unless_told(capsys, monkeypatch):
    import torch

    calls = []
    monkeypatch.setattr(torch, "set_num_threads", calls.append)
    assert main(["windows", "--text", "a b c d e"]) == 0
    assert main(["windows", "--text", "a b c d e", "--threads", "2"]) == 0
    assert calls == [1, 2]


@pytest.mark.parametrize("command, kind", [("train", "fifo"), ("finetune", "dev-zero")])
def test_a_pipe_or_device_as_input_is_refused_without_hanging(command, kind, tmp_path, capsys):
    import os

    path = tmp_path / ("input.txt" if command == "train" else "input.tsv")
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    option = "--data" if command == "train" else "--qa"
    code = main([command, "--steps", "1", "--out", str(tmp_path / "out"), option, str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "input." in err and "not a file that can be read" in err, err
    assert not (tmp_path / "out").exists()
