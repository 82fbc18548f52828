"""The Data panel's mix: one slider per source, the shares, ready-made mixes, retraining.

Moving a slider only updates the shares shown; the engine hears about a new mix when a
slider is released (or moved by a key) or a ready-made mix is picked, so dragging never
floods the worker.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QWidget

from gui.panels.pretraining.data_parts import (
    SourceRow,
    preset_mixes,
    weights_of,
)

if TYPE_CHECKING:  # light engine value types, for hints only
    from engine.corpus.mix import Mix
    from engine.session.core import DataSummary


class DataMixControls:
    """The mix part of `DataPanel` (a mixin: it uses the panel's rows, labels and controller)."""

    def _ensure_rows(self, summary: DataSummary) -> None:
        names = [s.info.name for s in summary.sources]
        if names == list(self._rows):
            return
        for row in self._rows.values():
            for w in row.widgets():
                self._grid.removeWidget(w)
                w.deleteLater()
            self._sample_group.removeButton(row.sample_button)
        self._rows.clear()
        for i, name in enumerate(names):
            row = SourceRow(name)
            for col, w in enumerate(row.widgets()):
                self._grid.addWidget(w, i, col)
            row.slider.sliderMoved.connect(self._update_shares)
            row.slider.valueChanged.connect(self._on_slider_committed)
            self._sample_group.addButton(row.sample_button)
            self._rows[name] = row
        # Tab follows the grid row by row (the rows are made after the widgets below them).
        chain = [self.preset_combo]
        for row in self._rows.values():
            chain += [row.slider, row.sample_button]
        chain += [self.add_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        if self._sample_source not in self._rows:
            self._sample_source = names[0] if names else None
        if self._sample_source is not None:
            self._rows[self._sample_source].sample_button.setChecked(True)

    def _on_slider_committed(self, _value: int) -> None:
        # Tracking is off: this runs on release and on key/wheel steps, not while dragging.
        self._update_shares()
        self.apply_mix()

    def current_weights(self) -> dict[str, float]:
        """The mix set on the sliders (their live position), as weights between 0 and 1."""
        return {name: row.slider.sliderPosition() / 100.0 for name, row in self._rows.items()}

    def _update_shares(self) -> None:
        # A weight is the part of a source that goes in (1.0: all of it); the share is
        # that source's part of the whole training text, in words, before cleaning.
        weights = self.current_weights()
        words = {s.info.name: s.words for s in self._summary.sources} if self._summary else {}
        taken = {name: w * words.get(name, 0) for name, w in weights.items()}
        total_taken = sum(taken.values())
        for name, row in self._rows.items():
            share = taken[name] / total_taken if total_taken > 0 else 0.0
            row.show_share(weights[name], share)
        total = sum(weights.values())
        if self._rows and total <= 0:
            self.mix_note.setText(
                self.tr("Give at least one source a share above 0 %: the model needs text.")
            )
            self.mix_note.show()
        else:
            self.mix_note.hide()
        self.retrain_button.setEnabled(self._summary is not None and total > 0)

    def _mix_from_sliders(self) -> Mix | None:
        weights = self.current_weights()
        if sum(weights.values()) <= 0:
            return None
        from engine.corpus.mix import Mix  # a light value type

        return Mix(weights)

    def _mix_differs(self) -> bool:
        if self._summary is None:
            return False
        applied = weights_of(self._summary.mix)
        return any(
            abs(applied.get(name, 0.0) - w) > 1e-9 for name, w in self.current_weights().items()
        )

    def apply_mix(self) -> bool:
        """Send the mix on the sliders to the engine if it changed; True if sent."""
        if not self._mix_differs():
            return False
        mix = self._mix_from_sliders()
        if mix is None:
            return False
        self.status_label.setText(self.tr("Mixing and cleaning the text…"))
        self._controller.pretraining.set_mix(mix)
        return True

    def set_weights(self, weights: Mapping[str, float], apply: bool = True) -> None:
        """Set the sliders (weights 0..1; sources not named get 0), then apply the mix."""
        for name, row in self._rows.items():
            with QSignalBlocker(row.slider):
                row.slider.setValue(round(100 * float(weights.get(name, 0.0))))
        self._update_shares()
        if apply:
            self.apply_mix()

    def apply_and_retrain(self) -> None:
        """Apply the mix on the sliders, then train a new model from scratch on it."""
        mix = self._mix_from_sliders()
        if mix is None:
            return
        # Seed and learning rate belong to the Windows panel; the controller's defaults
        # apply. The mix travels with the command only if it is not applied yet.
        mix = mix if self._mix_differs() else None

        def go() -> None:
            self.status_label.setText(
                self.tr("Training a new model on this mix: watch it learn in step 3, “Windows”.")
            )
            self._controller.pretraining.retrain_from_scratch(mix=mix)

        self._controller.gate.request("train-from-scratch", go)  # asks if it would stop a job

    def _fill_presets(self, summary: DataSummary) -> None:
        presets = preset_mixes(summary)
        titles = [t for t, _ in presets]
        if [self.preset_combo.itemText(i) for i in range(self.preset_combo.count())] == titles:
            return
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.clear()
            for title, weights in presets:
                self.preset_combo.addItem(title, weights)

    def _on_preset(self, index: int) -> None:
        weights = self.preset_combo.itemData(index)
        if weights:
            self.set_weights(weights)
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(0)
