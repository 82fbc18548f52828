"""`main.py --self-check`: do each pillar's real work once, through the app's own controller,
and exit 0 if all of it happened (1, naming the step that did not).

For the self-contained build's smoke test (scripts/smoke_bundle.py): it proves that the
frozen app, not only its pictures, works: the engine worker starts, the model trains a
few steps, fine-tunes a few steps, writes answers and learns from one judgement, and the
word map arrives. Every step waits on the controller's signals, as a person's clicks do.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QObject, QTimer

from engine.alignment.preference import PreferencePair

PROMPT = "Why is the sea salty?"
FINISHED = ("paused", "stopped", "done")


class SelfCheck(QObject):
    """A chain of steps; each starts when the last one's signal arrives."""

    def __init__(self, app, controller, timeout_s: float = 240.0):
        super().__init__()
        self.app, self.c, self.timeout_s = app, controller, timeout_s
        self.step = "start the engine"
        self.report: list[str] = []
        self.t0 = time.perf_counter()
        self._trained = False
        pre, fine, align = controller.pretraining, controller.finetuning, controller.alignment
        pre.trainingSnapshot.connect(self._on_training_snapshot)
        pre.trainingStateChanged.connect(self._on_training_state)
        fine.finetuneStateChanged.connect(self._on_finetune_state)
        align.candidatesReady.connect(self._on_candidates)
        align.alignmentSnapshot.connect(self._on_learned)
        pre.embeddingSnapshotReady.connect(self._on_map)
        controller.jobFailed.connect(lambda title, message: self._fail(f"{title}: {message}"))
        controller.loadFailed.connect(lambda message: self._fail(f"the model did not load: {message}"))
        self.watchdog = QTimer(self)
        self.watchdog.setInterval(500)
        self.watchdog.timeout.connect(self._tick)
        self.watchdog.start()

    def _tick(self) -> None:
        if self.step == "start the engine" and self.c.is_ready:
            self._next("train 3 steps", lambda: self.c.pretraining.start_training(max_steps=3))
        elif time.perf_counter() - self.t0 > self.timeout_s:
            self._fail(f"no result after {self.timeout_s:.0f} s")

    def _next(self, step: str, action) -> None:
        self.report.append(f"{self.step}: ok ({time.perf_counter() - self.t0:.1f} s)")
        self.step = step
        action()

    def _on_training_snapshot(self, snap) -> None:
        if self.step == "train 3 steps" and getattr(snap, "step", 0) > 0:
            self._trained = True

    def _on_training_state(self, state: str) -> None:
        if self.step == "train 3 steps" and state in FINISHED and self._trained:
            self._next("fine-tune 3 steps", lambda: self.c.finetuning.start_finetune(max_steps=3))

    def _on_finetune_state(self, state: str) -> None:
        if self.step == "fine-tune 3 steps" and state in FINISHED:
            self._next("write two answers", lambda: self.c.alignment.request_candidates(PROMPT, n=2))

    def _on_candidates(self, candidates) -> None:
        if self.step != "write two answers":
            return
        first, second = candidates.answers[0], candidates.answers[1]
        pair = PreferencePair(candidates.prompt, candidates.prompt_ids, first, second)
        self._next("learn from one judgement", lambda: self.c.alignment.learn(pair))

    def _on_learned(self, _snapshot) -> None:
        if self.step == "learn from one judgement":
            self._next("draw the word map", self.c.pretraining.request_embedding_snapshot)

    def _on_map(self, snapshot) -> None:
        if self.step == "draw the word map" and snapshot is not None:
            self._next("done", lambda: None)
            self._finish(0)

    def _fail(self, why: str) -> None:
        if self.step != "done":
            self.report.append(f"{self.step}: FAILED, {why}")
            self._finish(1)

    def _finish(self, code: int) -> None:
        self.watchdog.stop()
        print("\n".join(["self-check:", *("  " + line for line in self.report),
                         "self-check " + ("passed" if code == 0 else "failed")]),
              file=sys.stdout if code == 0 else sys.stderr, flush=True)
        self.step = "done"
        self.app.exit(code)
