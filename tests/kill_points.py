"""Kill a real process at a named step of engine/safe_save.py's sequence (test helper)."""

import os
import signal
import sys

import engine.safe_save as safe_save


def killed_during(step: str, action) -> bool:
    """Run `action` in a forked child that SIGKILLs itself on reaching `step`; True when
    it was killed there, False when the action finished without reaching the step.

    Forking is cheap (no new interpreter, torch already imported); the tests run torch
    with one thread, so the child inherits no thread pool it could deadlock on.
    """
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            def hook(name):
                if name == step:
                    os.kill(os.getpid(), signal.SIGKILL)
            safe_save.step_hook = hook
            action()
        except BaseException as err:  # noqa: BLE001 - reported through the exit code
            print(f"child failed: {err!r}", file=sys.stderr, flush=True)
            code = 1
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0, "the save failed in the child"
    return False
