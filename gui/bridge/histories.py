"""What the GUI keeps of a run for its charts: loss curves and the alignment history.

The engine sends snapshots; these collect the numbers a chart needs, with a `version`
that bumps on every change so a panel redraws only when something moved.
"""

from __future__ import annotations

import numpy as np


class CurveHistory:
    """A loss curve's points: train loss every step, held-out loss when it was measured.

    Subclasses say what the x axis counts (`x_of`) and whether a run's final snapshot,
    which repeats its last step, is skipped.
    """

    skip_final = False

    def __init__(self) -> None:
        self.x: list[int] = []
        self.train_loss: list[float] = []
        self.heldout_x: list[int] = []
        self.heldout_loss: list[float] = []
        self.version = 0  # bumps on every change: a panel redraws only when it moved

    @staticmethod
    def x_of(snapshot) -> int:
        raise NotImplementedError

    def clear(self) -> None:
        for values in (self.x, self.train_loss, self.heldout_x, self.heldout_loss):
            values.clear()
        self.version += 1

    def extend(self, snapshots: list) -> None:
        for s in snapshots:
            if self.skip_final and s.status != "running":
                continue
            if s.train_loss == s.train_loss:  # skip NaN (a diverged step)
                self.x.append(self.x_of(s))
                self.train_loss.append(s.train_loss)
            if s.heldout_loss is not None:
                self.heldout_x.append(self.x_of(s))
                self.heldout_loss.append(s.heldout_loss)
        self.version += 1


class LossHistory(CurveHistory):
    """Pre-training's curve since the last run from scratch, against tokens read."""

    @staticmethod
    def x_of(snapshot) -> int:
        return snapshot.tokens_seen

    @property
    def tokens(self) -> list[int]:
        return self.x

    @property
    def heldout_tokens(self) -> list[int]:
        return self.heldout_x


class SFTHistory(CurveHistory):
    """The fine-tuning curve against steps: train loss every step, held-out every few."""

    skip_final = True  # the final snapshot repeats the last step

    @staticmethod
    def x_of(snapshot) -> int:
        return snapshot.step

    @property
    def steps(self) -> list[int]:
        return self.x

    @property
    def heldout_steps(self) -> list[int]:
        return self.heldout_x


class AlignmentHistory:
    """The alignment charts' data: one AlignmentSnapshot per update since the last reset.

    A "no preference" round of a scripted ranker (nothing learned) adds no point.
    """

    def __init__(self) -> None:
        self.snapshots: list = []
        self.version = 0  # bumps on every change: a panel redraws only when it moved

    def replace(self, snapshots) -> None:
        self.snapshots = [s for s in snapshots if s.event != "no preference"]
        self.version += 1

    def add(self, snap) -> None:
        if snap.event == "no preference":
            return
        if snap.event == "reset":
            self.snapshots = []
        self.snapshots.append(snap)
        self.version += 1

    def column(self, name: str):
        """(x, y) numpy arrays of one field: x is the update number, missing values skipped.

        The trait fields keep only the points that measured the latest trait.
        """
        snaps = self.snapshots
        if name.startswith("trait") and snaps:
            snaps = [s for s in snaps if s.trait == snaps[-1].trait]
        pts = [(s.version, getattr(s, name)) for s in snaps if getattr(s, name) is not None]
        pts = [(x, y) for x, y in pts if y == y]  # drop NaN
        if not pts:
            return np.zeros(0), np.zeros(0)
        xs, ys = zip(*pts, strict=True)
        return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
