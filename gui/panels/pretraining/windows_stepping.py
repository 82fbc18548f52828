"""The Windows panel's walk through a passage: its tokens, one window after another, play.

Each window is the context the model sees and the token it must guess next; the panel
asks the engine for the model's guesses at every window shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidgetItem

from gui.i18n import translate
from gui.panels.pretraining.numbers import integer
from gui.widgets.token_strip import display_token

TOP_K = 6
PROBE_KEY = "windows"


def _quote(strings: list[str]) -> str:
    """The model's words in the quotation marks of the chosen language."""
    return translate("WindowStepping", "“{text}”").format(text="".join(strings).strip())


class WindowStepping:
    """The stepping part of `WindowsPanel` (a mixin: it uses the panel's strip, list and controller)."""

    def set_tokens(self, ids: list[int]) -> None:
        """Show `ids` (model token ids), one chip per token, window at the start."""
        tok = self.controller.model_tokenizer
        ids = [int(i) for i in ids]
        strings = tok.token_strings(ids) if tok is not None else [str(i) for i in ids]
        self._set_units(strings, [(i,) for i in ids], word_mode=False)

    @property
    def token_ids(self) -> list[int]:
        """The model's token ids of everything on the strip."""
        return [i for unit in self.unit_ids for i in unit]

    def _set_units(self, units: list[str], unit_ids: list[tuple[int, ...]], word_mode: bool) -> None:
        self.units, self.unit_ids, self.word_mode = units, unit_ids, word_mode
        self.strip.set_tokens(units)
        self.unit_note.setVisible(word_mode)
        self._rebuild_windows()

    def _rebuild_windows(self) -> None:
        from engine.pretraining.windows import sliding_windows

        k = self.k_spin.value()
        self.play_button.setChecked(False)
        n = len(self.units)
        self.windows = sliding_windows(list(range(n)), k) if n >= k else []
        self.window_list.clear()
        self.position = 0
        self._show_window()

    def window_ids(self, window=None) -> list[int]:
        """The model's token ids the window holds (what the model is given)."""
        window = window if window is not None else self.current_window()
        return [i for u in window.tokens for i in self.unit_ids[u]]

    def target_id(self, window=None) -> int | None:
        """The model token the window must guess: the first piece of the next unit."""
        window = window if window is not None else self.current_window()
        return None if window.target is None else self.unit_ids[window.target][0]

    def current_window(self):
        return self.windows[self.position] if self.windows else None

    def step_forward(self) -> bool:
        """Slide the window one token to the right; False at the last window."""
        if self.position + 1 >= len(self.windows):
            return False
        self.position += 1
        self._show_window()
        return True

    def step_back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._show_window()

    def _window_text(self, window) -> str:
        text = _quote([self.units[u] for u in window.tokens])
        if window.target is None:
            return self.tr("{number}.  {window}  →  (end of text: nothing left to guess)").format(
                number=integer(window.index + 1), window=text)
        return f"{integer(window.index + 1)}.  {text}  →  {_quote([self.units[window.target]])}"

    def _show_window(self) -> None:
        window = self.current_window()
        if window is None:
            self.strip.set_window(0, 0)
            self.context_label.setText("")
            self.bars.set_message(
                self.tr("The text is shorter than the window: make the window smaller."))
            return
        k = len(window.tokens)
        self.strip.set_window(window.start, k)
        # The list grows as the window slides: every window up to the current one.
        while self.window_list.count() > self.position + 1:
            self.window_list.takeItem(self.window_list.count() - 1)
        for i in range(self.window_list.count(), self.position + 1):
            self.window_list.addItem(QListWidgetItem(self._window_text(self.windows[i])))
        self.window_list.setCurrentRow(self.position)
        self.window_list.scrollToItem(self.window_list.currentItem())
        seen = _quote([self.units[u] for u in window.tokens])
        if window.target is None:
            self.context_label.setText(self.tr("After {seen} the text ends.").format(seen=seen))
        else:
            real = display_token(self.units[window.target])[0]
            if self.word_mode:
                text = self.tr("After {seen} the real next word is <b>“{real}”</b>.")
            else:
                text = self.tr("After {seen} the real next token is <b>“{real}”</b>.")
            text = text.format(seen=seen, real=real)
            pieces = self.unit_ids[window.target]
            tok = self.controller.model_tokenizer
            if self.word_mode and len(pieces) > 1 and tok is not None:
                shown = " + ".join(f"“{display_token(p)[0]}”" for p in tok.token_strings(list(pieces)))
                text += " " + self.tr("The model reads it in pieces ({pieces}), so it must guess "
                                      "the first one.").format(pieces=shown)
            self.context_label.setText(text)
        self.windowChanged.emit(window.start, k)
        self._request_guesses()

    def _request_guesses(self) -> None:
        window = self.current_window()
        if window is not None and self.controller.is_ready:
            self.controller.pretraining.request_next_token(self.window_ids(window), TOP_K, key=PROBE_KEY)

    def _on_k_changed(self, _k: int) -> None:
        if self.units:
            self._rebuild_windows()

    def _set_speed(self, value: int) -> None:
        # 1 -> 2.5 s per slide, 10 -> 0.25 s
        self.play_timer.setInterval(int(2500 / value))

    def _on_play_toggled(self, playing: bool) -> None:
        self.play_button.setText(self.tr("❚❚ Stop") if playing else self.tr("▶ Slide"))
        if playing:
            if self.position + 1 >= len(self.windows):  # at the end: start over
                self.position = 0
                self.window_list.clear()
                self._show_window()
            self.play_timer.start()
        else:
            self.play_timer.stop()

    def set_playing(self, playing: bool) -> None:
        """Slide the window by itself (True) or stop it."""
        self.play_button.setChecked(playing)

    def _on_play_tick(self) -> None:
        if not self.step_forward():
            self.play_button.setChecked(False)
