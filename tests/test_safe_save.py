"""Saves that cannot destroy anything (engine/safe_save.py, through save_checkpoint).

- `--out` at a person's folder or file is refused and the folder or file is untouched;
- a process SIGKILLed at EVERY step of the save sequence leaves the previous checkpoint
  intact and loadable (at NAME, or at NAME.backup when NAME is missing), and the next
  load cleans the killed save's temp folder;
- the backup is the save before, and a damaged save names its backup.
The kills are real: the save runs in a forked child that SIGKILLs itself at the step.
"""

import os
from pathlib import Path

import pytest

import engine.safe_save as safe_save
from engine.checkpoint import META, WEIGHTS, CheckpointError, load_checkpoint, save_checkpoint
from tests.kill_points import killed_during
from tests.tiny_world import tiny_setup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tiny():
    tok, model, _, _ = tiny_setup()
    return tok, model


def save(tiny, path, n):
    tok, model = tiny
    return save_checkpoint(path, model, tok, "pre-trained", {"n": n})


def temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# ----- foreign targets are never touched ---------------------------------------------------


def test_out_at_a_persons_folder_is_refused_and_the_folder_kept(tiny, tmp_path):
    victim = tmp_path / "victim"
    (victim / "notes").mkdir(parents=True)
    (victim / "notes" / "week1.txt").write_text("notes\n")
    with pytest.raises(CheckpointError) as err:
        save(tiny, victim, 1)
    message = str(err.value)
    assert "not a Three Pillars checkpoint" in message and "left as it is" in message, message
    assert (victim / "notes" / "week1.txt").read_text() == "notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["victim"]  # no .old, no temp


def test_out_at_a_file_is_refused_and_the_file_kept(tiny, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("keep me")
    with pytest.raises(CheckpointError, match="not a Three Pillars checkpoint"):
        save(tiny, good, 1)
    assert good.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]


def test_a_checkpoint_folder_with_a_persons_file_added_is_not_replaced(tiny, tmp_path):
    path = save(tiny, tmp_path / "ckpt", 1)
    (path / "my notes.txt").write_text("mine")
    with pytest.raises(CheckpointError, match="not a Three Pillars checkpoint"):
        save(tiny, path, 2)
    assert (path / "my notes.txt").read_text() == "mine"
    assert load_checkpoint(path).meta == {"n": 1}


def test_a_symlink_at_the_target_is_refused(tiny, tmp_path):
    real = save(tiny, tmp_path / "real", 1)
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(CheckpointError, match="not a Three Pillars checkpoint"):
        save(tiny, link, 2)
    assert load_checkpoint(real).meta == {"n": 1}


def test_a_foreign_file_at_the_backup_name_is_refused_and_kept(tiny, tmp_path):
    path = save(tiny, tmp_path / "ckpt", 1)
    (tmp_path / "ckpt.backup").write_text("someone's file")
    with pytest.raises(CheckpointError, match="cannot be kept there"):
        save(tiny, path, 2)
    assert (tmp_path / "ckpt.backup").read_text() == "someone's file"
    assert load_checkpoint(path).meta == {"n": 1}


def test_an_empty_folder_made_for_the_checkpoint_is_used(tiny, tmp_path):
    (tmp_path / "out").mkdir()
    save(tiny, tmp_path / "out", 1)
    assert load_checkpoint(tmp_path / "out").meta == {"n": 1}
    assert not (tmp_path / "out.backup").exists()


@pytest.mark.parametrize("command", ["train", "finetune", "align"])
def test_the_cli_refuses_out_at_a_persons_folder(command, tmp_path, capsys):
    """The issue's reproduction, refused before any training: exit code 2, one line, and
    the notes still there."""
    from engine.cli import main

    victim = tmp_path / "victim"
    (victim / "notes").mkdir(parents=True)
    (victim / "notes" / "week1.txt").write_text("notes\n")
    extra = ["--ranker", "prefers-shorter"] if command == "align" else []
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--steps" if command != "align" else "--clicks", "1", "--out", str(victim), *extra])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert "not a Three Pillars checkpoint" in err
    assert (victim / "notes" / "week1.txt").read_text() == "notes\n"


# ----- the sequence, killed at every step ---------------------------------------------------


@pytest.mark.parametrize("step", safe_save.STEPS)
def test_a_save_killed_at_any_step_keeps_the_previous_checkpoint(step, tiny, tmp_path):
    path = tmp_path / "ckpt"
    save(tiny, path, 1)
    save(tiny, path, 2)  # the previous save (n=2) and its backup (n=1): every step is reached
    assert killed_during(step, lambda: save(tiny, path, 3))
    new_in_place = safe_save.STEPS.index(step) >= safe_save.STEPS.index("new-in-place")
    loaded = load_checkpoint(path)  # falls back to the backup when NAME is missing
    assert loaded.meta == ({"n": 3} if new_in_place else {"n": 2})
    # the previous save is intact and loadable, at NAME or as the backup
    previous = path if not new_in_place and path.exists() else tmp_path / "ckpt.backup"
    assert load_checkpoint(previous).meta == {"n": 2}
    if not path.exists():
        assert loaded.source == tmp_path / "ckpt.backup"
    assert temps(tmp_path) == []  # the load removed the killed save's temp folder
    save(tiny, path, 4)  # and saving carries on
    assert load_checkpoint(path).meta == {"n": 4}
    assert load_checkpoint(tmp_path / "ckpt.backup").meta in ({"n": 2}, {"n": 3})


def test_two_kills_at_the_worst_moments_lose_nothing(tiny, tmp_path):
    """The issue's case: killed between the renames, then killed again on the next save."""
    path = tmp_path / "ckpt"
    save(tiny, path, 1)
    save(tiny, path, 2)
    assert killed_during("previous-backed-up", lambda: save(tiny, path, 3))
    assert not path.exists() and load_checkpoint(path).meta == {"n": 2}
    for step in ("temp-verified", "new-in-place"):
        killed_during(step, lambda: save(tiny, path, 4))
        assert load_checkpoint(path).meta in ({"n": 2}, {"n": 4})
        assert load_checkpoint(tmp_path / "ckpt.backup").meta == {"n": 2}


def test_the_first_save_killed_anywhere_leaves_no_debris(tiny, tmp_path):
    for step in safe_save.STEPS:
        path = tmp_path / step
        if not killed_during(step, lambda path=path: save(tiny, path, 1)):
            continue  # a first save has no backup to retire or previous to keep
        if path.exists():
            assert load_checkpoint(path).meta == {"n": 1}
        else:
            with pytest.raises(CheckpointError, match="not a Three Pillars checkpoint"):
                load_checkpoint(path)
        assert temps(tmp_path) == []


def test_a_live_save_in_another_process_is_not_cleaned_away(tiny, tmp_path):
    path = tmp_path / "ckpt"
    save(tiny, path, 1)
    live = tmp_path / f".ckpt.{os.getppid()}.abcd1234.tmp"  # a running process's temp
    live.mkdir()
    (live / WEIGHTS).write_bytes(b"partial")
    dead = tmp_path / ".ckpt.999999999.abcd1234.tmp"  # no such process
    dead.mkdir()
    (dead / META).write_text("{}")
    foreign = tmp_path / ".ckpt.999999998.abcd1234.tmp"  # our naming, someone else's files
    foreign.mkdir()
    (foreign / "photo.jpg").write_bytes(b"\xff\xd8")
    legacy = tmp_path / ".ckpt.k2j_x9q1.tmp"  # the earlier naming, long untouched
    legacy.mkdir()
    os.utime(legacy, (0, 0))
    persons = tmp_path / ".ckpt.my notes.tmp"  # looks like ours, is not: never removed
    persons.write_text("mine")
    os.utime(persons, (0, 0))
    load_checkpoint(path)
    assert live.exists() and not dead.exists() and (foreign / "photo.jpg").exists()
    assert not legacy.exists() and persons.read_text() == "mine"


def test_a_damaged_checkpoint_names_its_backup(tiny, tmp_path):
    path = tmp_path / "ckpt"
    save(tiny, path, 1)
    save(tiny, path, 2)
    (path / META).write_text("{")
    with pytest.raises(CheckpointError, match="previous save is kept in"):
        load_checkpoint(path)
