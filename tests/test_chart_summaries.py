"""Each chart says in one line what it shows now, built from the numbers it draws.

The line is the chart's accessible description (what a screen reader reads) and, for the
simple charts, its tooltip. It must change when the data changes: a summary written once
and left alone would be a caption, not a description.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from gui.widgets.chart_summary import guesses_summary, loss_summary, trend

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def english_numbers():
    """Numbers as English writes them (the summaries follow the chosen language's locale)."""
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(saved)


def test_trend_compares_the_newest_point_with_the_ones_before():
    assert trend([3.0, 2.9, 2.8, 2.5]) == "falling"
    assert trend([2.0, 2.0, 2.0, 2.6]) == "rising"
    assert trend([2.0, 2.001]) == "flat"
    assert trend([2.0]) == ""
    assert trend([2.0, float("nan"), 1.0]) == "falling"  # a step without a measurement is skipped


def test_loss_summary_names_the_newest_losses_and_their_direction():
    assert loss_summary([3.0, 2.8, 2.6, 2.5], [2.9, 2.41]) == (
        "held-out loss 2.41, falling; training loss 2.50, falling")
    assert loss_summary([2.4, 2.4, 2.4, 2.7], []) == "training loss 2.70, rising"
    assert loss_summary([], []) == "no loss measured yet"


def test_guesses_summary_lists_the_guesses_and_the_real_token():
    rows = [("the", 0.4, False), ("a", 0.2, False), ("sea", 0.05, True)]
    assert guesses_summary(rows) == (
        "guesses: “the” 40.0 %, “a” 20.0 %, “sea” 5.0 %; the real next token “sea” gets 5.0 %")
    assert guesses_summary([], "Waiting for the model…") == "Waiting for the model…"


def _snap(step: int, loss: float, heldout: float | None = None):
    return SimpleNamespace(status="running", train_loss=loss, heldout_loss=heldout,
                           tokens_seen=1000 * step, step=step)


def test_the_loss_plot_describes_the_curves_it_draws(qtbot):
    from gui.bridge.histories import LossHistory
    from gui.widgets.loss_plot import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    assert plot.summary() == "no loss measured yet"
    history = LossHistory()
    history.extend([_snap(1, 5.0, 5.1), _snap(2, 4.6), _snap(3, 4.2), _snap(4, 3.9, 4.0)])
    plot.update_from(history)
    assert plot.summary() == "held-out loss 4.00, falling; training loss 3.90, falling"
    assert plot.accessibleDescription() == plot.toolTip() == plot.summary()
    assert plot.accessibleName() == "Loss chart"
    history.extend([_snap(5, 4.5), _snap(6, 4.9, 4.4)])  # it got worse: the words must say so
    plot.update_from(history)
    assert plot.summary() == "held-out loss 4.40, rising; training loss 4.90, rising"


def test_the_probability_bars_describe_the_rows_they_draw(qtbot):
    from gui.widgets.prob_bars import ProbabilityBars

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.set_guesses(["the", "a", "sea"], [0.4, 0.2, 0.05], target_id=3, token_ids=[1, 2, 3])
    assert bars.summary() == guesses_summary(bars.rows())
    assert "the real next token “sea” gets 5.0 %" in bars.summary()
    bars.set_guesses(["ship", "the"], [0.7, 0.1], target_id=9, token_ids=[4, 1])
    assert bars.summary().startswith("guesses: “ship” 70.0 %, “the” 10.0 %; The real next token is not")


def test_the_word_map_names_the_ringed_word_and_its_neighbours(qtbot):
    from gui.widgets.word_map import WordMap

    word_map = WordMap()
    qtbot.addWidget(word_map)
    word_map.set_words(["sea", "waters", "ship", "king"], ["nature", "nature", "things", "people"])
    assert word_map.summary() == "4 words on the map"
    word_map.set_focus(0, [1, 2])
    assert word_map.summary() == "4 words on the map; “sea”'s nearest words: waters, ship"
    word_map.set_focus(3, [])
    assert word_map.summary() == "4 words on the map; “king”'s nearest words: —"


def test_the_merge_curve_describes_the_replay(qtbot):
    from gui.widgets.merge_curve import MergeCurve

    curve = MergeCurve()
    qtbot.addWidget(curve)
    replay = SimpleNamespace(initial_pieces=120, steps=[SimpleNamespace(step=3, pieces_after=100),
                                                        SimpleNamespace(step=9, pieces_after=64)])
    curve.show_replay(replay, 200)
    assert curve.summary() == "your text: 120 tokens before any merge, 64 after 200 merges"
    curve.show_replay(None, 0)
    assert curve.summary() == "no text to tokenize yet"


def _alignment_snap(version: int, agreement: float, kl: float, trait: float):
    return SimpleNamespace(
        event="thumb", version=version, agreement=agreement, accuracy=0.9, margin=0.1,
        mean_length=12.0, trait="mentions:sea", trait_title="mentions of “sea”", trait_rate=trait,
        non_word_share=0.02, reference_loss=3.0, end_rate=0.8, kl_per_token=kl)


def test_the_alignment_charts_describe_the_newest_update(qtbot):
    from gui.bridge.histories import AlignmentHistory
    from gui.widgets.alignment_charts import AlignmentCharts

    charts = AlignmentCharts(kl_budget=0.5)
    qtbot.addWidget(charts)
    history = AlignmentHistory()
    charts.update_from(history)
    assert charts.summary() == "no judgements yet"
    history.add(_alignment_snap(1, 0.5, 0.01, 0.13))
    history.add(_alignment_snap(2, 0.62, 0.03, 0.40))
    charts.update_from(history)
    assert charts.summary() == ("after 2 updates, agrees before learning 62 %, drift 0.03 nats per "
                                "token, mentions of “sea”: 13 % → 40 %, made-up words 2 %")


def test_training_steps_change_the_loss_and_guess_summaries(qtbot, main_window, engine_controller):
    """On the live model: a few real training steps, and the words follow the charts."""
    c = engine_controller
    panel = main_window.show_panel("windows")
    qtbot.waitUntil(panel.is_ready, timeout=30_000)
    plot = panel.loss_plot
    before_loss, before_bars = plot.summary(), panel.bars.summary()
    assert before_bars == guesses_summary(panel.bars.rows(), panel.bars._note)
    for _ in range(2):
        with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=30_000,
                              check_params_cb=lambda s: s == "paused"):
            panel.train_step_button.click()
    qtbot.waitUntil(lambda: plot.summary() != before_loss, timeout=10_000)
    _, drawn = plot.train_curve.getData()
    newest = QLocale().toString(float(np.asarray(drawn)[-1]), "f", 2)
    assert f"training loss {newest}" in plot.summary()  # the number the curve ends on
    # The bars are asked again after training; their summary follows what they draw.
    qtbot.waitUntil(lambda: panel.bars.summary() != before_bars, timeout=10_000)
    assert panel.bars.summary() == guesses_summary(panel.bars.rows(), panel.bars._note)
