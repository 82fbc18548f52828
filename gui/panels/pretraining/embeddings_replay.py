"""The Embeddings panel's replay: the map at any earlier snapshot of training, or live.

The slider picks a kept frame; play steps through them; "live" follows the newest one.
"""

from __future__ import annotations


class EmbeddingsReplay:
    """The replay part of `EmbeddingsPanel` (a mixin: it uses the panel's slider and history)."""

    def go_live(self) -> None:
        """Follow the model as it is now."""
        self.replay_button.setChecked(False)
        self.live = True
        self._show_live()
        self._refresh_neighbours()

    def show_frame(self, index: int) -> None:
        """Show frame `index` of the history (a past moment); stops following live."""
        frames = self._replay_indices()
        if index not in frames:
            raise IndexError(f"frame {index} has no {self.method} layout")
        self.live = index == frames[-1]
        self.timeline.set_position(frames.index(index))
        self._show_frame(index)
        self._refresh_neighbours()

    # -- frames -------------------------------------------------------------------------
    def _replay_indices(self) -> list[int]:
        return self.history.frames_with(self.method)

    def _on_frames_reset(self) -> None:
        self.replay_button.setChecked(False)
        self.shown_frame, self._shown_obj = None, None
        self.live = True
        self._sync_slider()

    def _sync_slider(self) -> None:
        self.timeline.sync(len(self._replay_indices()), follow=self.live)

    def _frame_at_slider(self) -> int | None:
        frames = self._replay_indices()
        if not frames:
            return None
        return frames[min(self.slider.value(), len(frames) - 1)]

    def _on_slider(self, value: int) -> None:
        frames = self._replay_indices()
        if not frames:
            return
        self.live = value >= len(frames) - 1
        self._show_frame(frames[min(value, len(frames) - 1)], self._effective_method())
        self._neighbour_refresh.start()

    def _on_replay_toggled(self, playing: bool) -> None:
        if playing:
            self.live = False
