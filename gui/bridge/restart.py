"""When the engine worker dies: how often it may come back, and what the person lost.

The worker reports a snapshot every ~50 ms while it trains, so what the GUI last heard
is at most that far behind the model that died; everything since the last save (or,
with no save, since the app started) is gone with the process.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QLocale, QObject

from gui.i18n import translate

MAX_RESTARTS = 3  # within WINDOW_S: a worker that keeps dying is not restarted for ever
WINDOW_S = 60.0


class RestartPolicy:
    """Allows a restart unless MAX_RESTARTS happened within the last WINDOW_S seconds."""

    def __init__(self, max_restarts: int = MAX_RESTARTS, window_s: float = WINDOW_S):
        self.max_restarts = max_restarts
        self.window_s = window_s
        self._times: deque[float] = deque()
        self.pending_refresh = False  # ask the new worker for its data once it is ready

    def allow(self, now: float) -> bool:
        while self._times and now - self._times[0] > self.window_s:
            self._times.popleft()
        if len(self._times) >= self.max_restarts:
            return False
        self._times.append(now)
        return True


class WorkerRestart(QObject):
    """The counted phrase: lupdate files a plural form only from `self.tr(text, "", n)`
    inside a class."""

    def preference_updates(self, n: int) -> str:
        return self.tr("%n preference update(s)", "", n)


def what_was_lost(controller) -> str:
    """One or two sentences for the person: which work went with the dead worker."""
    locale = QLocale()
    parts = []
    snap = controller.pretraining.latest_snapshot
    if snap is not None:
        parts.append(translate("WorkerRestart", "pre-training up to step {step} ({tokens} tokens read)")
                     .format(step=locale.toString(snap.step), tokens=locale.toString(snap.tokens_seen)))
    sft = controller.finetuning.latest_sft_snapshot
    if sft is not None:
        parts.append(translate("WorkerRestart", "fine-tuning up to step {step}")
                     .format(step=locale.toString(sft.step)))
    history = controller.alignment.alignment_history.snapshots
    if history and history[-1].version > 0:
        parts.append(WorkerRestart().preference_updates(history[-1].version))
    path = controller.session_path
    if not parts and path:
        return translate("WorkerRestart", "No training had run since “{path}” was last saved; other "
                         "changes since then (a new mix, added texts, edited questions) are gone.").format(path=path)
    if not parts:
        return translate("WorkerRestart", "No training had run in this session (nothing was saved); "
                         "other changes since then (a new mix, added texts, edited questions) are gone.")
    # The list's separator is part of the sentence's translation.
    listed = translate("WorkerRestart", ", ").join(parts)
    if path:
        return translate("WorkerRestart", "Lost: the work since “{path}” was last saved, including "
                         "{parts}.").format(path=path, parts=listed)
    return translate("WorkerRestart", "Lost: the work in this session (nothing was saved), including "
                     "{parts}.").format(parts=listed)
