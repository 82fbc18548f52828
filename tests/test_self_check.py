"""`main.py --self-check`: the smoke test of the self-contained build relies on it, so it must
pass on a working app and fail, naming the step, on a broken one."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(env_extra: dict, timeout_s: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env_extra}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-check", "--timeout",
                           str(timeout_s)], capture_output=True, text=True, env=env,
                          timeout=timeout_s + 60, cwd=ROOT)


def test_self_check_does_each_pillar_for_real():
    result = _run({}, 200)
    assert result.returncode == 0, result.stderr[-2000:]
    for step in ("train 3 steps: ok", "fine-tune 3 steps: ok", "learn from one judgement: ok",
                 "draw the word map: ok", "self-check passed"):
        assert step in result.stdout


def test_self_check_fails_and_names_the_step_on_a_broken_model(tmp_path):
    broken = tmp_path / "ckpt"
    broken.mkdir()
    (broken / "checkpoint.json").write_text("{not json", encoding="utf-8")
    (broken / "model.safetensors").write_bytes(b"\0" * 64)
    result = _run({"THREE_PILLARS_CHECKPOINT": str(broken)}, 60)
    assert result.returncode == 1
    assert "start the engine: FAILED" in result.stderr and "self-check failed" in result.stderr
