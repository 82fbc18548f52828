"""When the engine worker dies: how often it may come back, and what the person lost.

The worker reports a snapshot every ~50 ms while it trains, so what the GUI last heard
is at most that far behind the model that died; everything since the last save (or,
with no save, since the app started) is gone with the process.
"""

from __future__ import annotations

from collections import deque

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


def what_was_lost(controller) -> str:
    """One or two sentences for the person: which work went with the dead worker."""
    since = (f'since "{controller.session_path}" was last saved' if controller.session_path
             else "in this session (nothing was saved)")
    parts = []
    snap = controller.pretraining.latest_snapshot
    if snap is not None:
        parts.append(f"pre-training up to step {snap.step} ({snap.tokens_seen:,} tokens read)")
    sft = controller.finetuning.latest_sft_snapshot
    if sft is not None:
        parts.append(f"fine-tuning up to step {sft.step}")
    history = controller.alignment.alignment_history.snapshots
    if history and history[-1].version > 0:
        parts.append(f"{history[-1].version} preference updates")
    if not parts:
        return (f"No training had run {since}; other changes since then (a new mix, added "
                "texts, edited questions) are gone.")
    return f"Lost: the work {since}, including {', '.join(parts)}."
