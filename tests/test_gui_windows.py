"""The Windows panel: the sliding window, the model's guesses and live training."""

import numpy as np
import pytest

from gui.panels.pretraining.windows_panel import CAT_SENTENCE, TOP_K

pytestmark = pytest.mark.gui


@pytest.fixture
def windows_panel(qtbot, main_window):
    panel = main_window.show_panel("windows")
    qtbot.waitUntil(panel.is_ready, timeout=30_000)
    return panel


def test_panel_opens_on_a_real_passage_with_the_models_guesses(windows_panel, engine_controller):
    session = engine_controller.backend.server.session
    panel = windows_panel
    assert panel.token_ids == session.pretraining.passage(len(panel.token_ids), seed=0)
    direct = session.pretraining.next_token(panel.window_ids(), TOP_K)
    assert panel.distribution.token_ids == direct.token_ids
    drawn = [p for _, p, _ in panel.bars.rows()]
    assert drawn == pytest.approx(direct.probs, abs=1e-6)


def test_stepping_advances_the_window_and_its_target(qtbot, windows_panel):
    panel = windows_panel
    assert panel.k_spin.value() == 4
    assert panel.strip.window() == (0, 4)
    assert panel.strip.target_index() == 4
    with qtbot.waitSignal(panel.guessesShown, timeout=10_000,
                          check_params_cb=lambda d: d.context_ids == tuple(panel.token_ids[1:5])):
        panel.step_button.click()
    assert panel.strip.window() == (1, 4)
    assert panel.strip.target_index() == 5
    assert panel.window_list.count() == 2
    assert panel.target_id() == panel.token_ids[5]
    panel.back_button.click()
    assert panel.strip.window() == (0, 4)
    panel.k_spin.setValue(6)
    assert panel.strip.window() == (0, 6)
    assert panel.strip.target_index() == 6


def test_cat_sentence_gives_seven_windows(qtbot, windows_panel, engine_controller):
    panel = windows_panel
    panel.cat_button.click()
    words = CAT_SENTENCE.split()
    assert [u.strip() for u in panel.units] == words  # one token per word, as in the article
    # ... and the model is given its own pieces of those words.
    tok = engine_controller.model_tokenizer
    assert panel.token_ids == tok.encode(CAT_SENTENCE)
    assert len(panel.windows) == 7
    while panel.step_forward():
        pass
    assert panel.window_list.count() == 7
    texts = [panel.window_list.item(i).text() for i in range(7)]
    assert "“cat sat on a”  →  “mat”" in texts[1]
    assert "“a mat and enjoyed”  →  “the”" in texts[4]  # the article's slip, done right
    assert panel.current_window().target is None
    assert "nothing left to guess" in texts[6]


def test_training_from_the_gui_updates_curve_and_bars_to_the_engines_numbers(
    qtbot, windows_panel, engine_controller, fresh_session
):
    from engine.pretraining.trainer import TrainConfig
    from gui.panels.pretraining.windows_panel import LEARNING_RATES

    c = engine_controller
    panel = windows_panel
    seed = c.backend.server.session.seed  # another seed would rebuild the data too
    panel.seed_spin.setValue(seed)
    steps = 8
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=10_000,
                          check_params_cb=lambda s: s == "running"):
        panel.scratch_button.click()
    qtbot.waitUntil(lambda: c.pretraining.latest_snapshot is not None and c.pretraining.latest_snapshot.step >= steps,
                    timeout=60_000)
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=10_000,
                          check_params_cb=lambda s: s == "paused"):
        panel.pause_button.click()
    # The curve holds what the engine sent, redrawn by the panel's timer.
    def curve_points():
        y = panel.loss_plot.train_curve.getData()[1]
        return 0 if y is None else len(y)

    qtbot.waitUntil(lambda: curve_points() >= steps, timeout=5_000)
    _, curve = panel.loss_plot.train_curve.getData()

    # The same run, called directly on the engine, gives the same losses.
    lr = LEARNING_RATES[panel.lr_combo.currentIndex()][0]
    direct = fresh_session()  # the same checkpoint, data and tokenizer, called directly
    # warmdown=0: the panel's run is open-ended, so its rate never decays at the end.
    config = TrainConfig(seed=seed, lr=lr, max_steps=steps, warmdown=0.0)
    snaps = list(direct.pretraining.train(config, from_scratch=True))
    expected = [s.train_loss for s in snaps if s.status == "running"]
    np.testing.assert_allclose(curve[:steps], expected[:steps], rtol=1e-4)

    # After the pause the bars show the trained model's guesses for the current window.
    session = c.backend.server.session
    want = session.pretraining.next_token(panel.window_ids(), TOP_K)
    qtbot.waitUntil(lambda: panel.distribution is not None
                    and panel.distribution.probs == pytest.approx(want.probs, abs=1e-6),
                    timeout=10_000)
    assert [p for _, p, _ in panel.bars.rows()] == pytest.approx(want.probs, abs=1e-6)
    assert "step" in panel.train_stats.text()


def test_one_step_button_trains_exactly_one_step(qtbot, windows_panel, engine_controller):
    c = engine_controller
    before = c.status.tokens_seen
    with qtbot.waitSignal(c.pretraining.trainingStateChanged, timeout=30_000,
                          check_params_cb=lambda s: s == "paused"):
        windows_panel.train_step_button.click()
    assert c.pretraining.latest_snapshot.step == 1
    qtbot.waitUntil(lambda: c.status.tokens_seen > before, timeout=5_000)
