"""The merge replay's playback: step, play, pause, jump, at a chosen speed.

A timer ticks at a fixed frame rate; the speed says how many merges each tick applies.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSignalBlocker

from gui.i18n import translate


class MergeReplayPlayback:
    """The playback part of `MergeReplayView` (a mixin: it uses the view's timer and buttons)."""

    # ---- actions ----------------------------------------------------------------------------
    def set_position(self, n: int) -> None:
        self.ensure_built()
        n = max(0, min(int(n), len(self._merges)))
        self._float_position = float(n)
        if n == self._position:
            return
        self._position = n
        self._redraw()
        self.positionChanged.emit(n)

    def step(self) -> None:
        """Jump to the next merge that changes the sample (or one merge if none does)."""
        self.pause()
        target = self._position + 1
        if self._replay is not None:
            for s in self._replay.steps:
                if s.step > self._position:
                    target = s.step
                    break
        self.set_position(target)

    def reset(self) -> None:
        self.pause()
        self.set_position(0)

    def jump_to_end(self) -> None:
        self.pause()
        self.set_position(len(self._merges))

    def play_end(self) -> int:
        """Where playing stops: the last merge that changes the sample. The merges after
        it change nothing on screen (a short text runs out of pairs to merge long before
        the tokenizer does), so playing on would only make the count tick for a minute."""
        self.ensure_built()
        if self._replay is not None and self._replay.steps:
            return min(self._replay.steps[-1].step, len(self._merges))
        return len(self._merges)

    def play(self) -> None:
        if not self._merges:
            return
        if self._position >= self.play_end():
            self.set_position(0)
        if not self.play_button.isChecked():
            with QSignalBlocker(self.play_button):
                self.play_button.setChecked(True)
        self._last_tick = time.monotonic()
        self._timer.start()
        self.play_button.setText(translate("MergeReplayView", "❚❚ Pause"))

    def pause(self) -> None:
        self._timer.stop()
        with QSignalBlocker(self.play_button):
            self.play_button.setChecked(False)
        self.play_button.setText(translate("MergeReplayView", "▶ Play"))

    def speed(self) -> int:
        return int(self.speed_combo.currentData())

    def _on_play_toggled(self, checked: bool) -> None:
        if checked:
            self.play()
        else:
            self.pause()

    def _tick(self) -> None:
        now = time.monotonic()
        dt = min(now - self._last_tick, 0.25)  # a stall does not make it jump
        self._last_tick = now
        end = self.play_end()
        self._float_position = min(self._float_position + self.speed() * dt, float(end))
        n = int(self._float_position)
        if n != self._position:
            keep = self._float_position
            self.set_position(n)
            self._float_position = keep
        if self._position >= end:
            self.pause()
