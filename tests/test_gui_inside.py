"""Look inside: the view opened from the Windows panel shows the live model's own numbers."""

import numpy as np
import pytest

from engine.pretraining.inside import look_inside
from engine.pretraining.parameter_map import part_weights
from gui.widgets.layer_guesses import percent
from gui.widgets.token_strip import display_token
from tests.look_inside_setup import open_look_inside

pytestmark = pytest.mark.gui


@pytest.fixture
def inside(qtbot, main_window, engine_controller):
    dialog = open_look_inside(qtbot, main_window, engine_controller)
    qtbot.addWidget(dialog)
    yield main_window.panels["windows"], dialog.view
    dialog.close()


def test_view_shows_the_live_models_attention_guesses_and_parameters(inside, engine_controller):
    panel, view = inside
    session = engine_controller.backend.server.session
    ids = panel.window_ids()
    direct = look_inside(session.model, session.ensure_tokenizer(), ids, k=5,
                         target_id=panel.target_id())
    assert view.drawn.ids == tuple(ids)
    config = session.model.config
    assert view.grid.shape == (config.n_layer, config.n_head, len(ids))
    np.testing.assert_array_equal(view.grid.image.image, view.grid.mosaic)  # what is drawn
    for layer in range(config.n_layer):
        for head in range(config.n_head):
            np.testing.assert_allclose(view.grid.head_image(layer, head),
                                       direct.attention[layer, head], atol=1e-6)
    # the lens table's last row is the model's real top guesses at the target position
    last = view.lens.cell_texts()[-1]
    for col, tid in enumerate(direct.guesses.token_ids[-1, -1]):
        word = display_token(direct.token_text[int(tid)])[0]
        assert last[col].startswith(word + "  ")
        assert last[col].endswith(percent(direct.guesses.probs[-1, -1, col]))
    # the map adds up to the status bar's count, and the part shown is the live weights
    assert view.map.total == engine_controller.status.n_params == session.model.num_parameters()
    np.testing.assert_array_equal(np.asarray(view.weights.image.image),
                                  part_weights(session.model, view.part_name))


def test_stepping_the_window_and_hovering_update_the_view(qtbot, inside, engine_controller):
    panel, view = inside
    with qtbot.waitSignal(view.viewShown, timeout=10_000,
                          check_params_cb=lambda v: v.ids == tuple(panel.token_ids[1:5])):
        panel.step_button.click()
    q_last = len(view.drawn.ids) - 1
    assert view.query == q_last
    np.testing.assert_allclose(view.strip.weights, view.drawn.attention[0, 0, q_last])
    view.grid.sigQueryHovered.emit(1)  # the mouse over row 1 of a head
    assert view.query == 1
    np.testing.assert_allclose(view.strip.weights, view.drawn.attention[0, 0, 1])
    assert view.lens.cell_texts()[-1][-1].startswith(
        display_token(engine_controller.model_tokenizer.token_strings([view.drawn.ids[2]])[0])[0])
    view.grid.sigHeadClicked.emit(2, 3)
    np.testing.assert_allclose(view.strip.weights, view.drawn.attention[2, 3, 1])


def test_clicking_a_part_shows_its_weights_and_training_moves_them(qtbot, inside, engine_controller):
    _panel, view = inside
    session = engine_controller.backend.server.session
    row = view.map.names.index("wte.weight")
    with qtbot.waitSignal(view.viewShown, timeout=10_000,
                          check_params_cb=lambda v: v.part_name == "wte.weight"):
        view.map.cellClicked.emit(row, 0)
    assert view.weights.image.image.shape == tuple(session.model.wte.weight.shape)
    engine_controller.pretraining.step_training()
    qtbot.waitUntil(lambda: view.drawn.change is not None, timeout=20_000)
    assert view.drawn.change.relative["wte.weight"] > 0
    assert "moved" in view.part_label.text() and "1 step" in view.part_label.text()
    np.testing.assert_array_equal(np.asarray(view.weights.image.image),
                                  part_weights(session.model, "wte.weight"))


def test_the_tour_step_opens_the_view_and_tells_its_numbers(qtbot, main_window, engine_controller):
    from gui.lecture.look_inside_step import describe_view
    from gui.lecture.tour import Tour
    from gui.lecture.tour_script import STEPS

    index = [s.action for s in STEPS].index("look_inside")
    panel = main_window.show_panel("windows")
    qtbot.waitUntil(panel.is_ready, timeout=30_000)
    tour = Tour(main_window, engine_controller, STEPS)
    tour.start(index)
    assert main_window.current_key() == "windows"
    dialog = panel.inside_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.view.drawn is not None and "After block 1" in tour.status,
                    timeout=20_000)
    view = dialog.view.drawn
    assert tour.status == describe_view(view)
    top = display_token(view.token_text[int(view.guesses.token_ids[-1, -1, 0])])[0]
    assert f"after block {view.n_layer}, “{top}”" in tour.status
    assert f"{sum(p.count for p in view.parts):,} numbers" in tour.status
    tour.stop()
    assert not dialog.isVisible()  # the step closes what it opened


def test_dark_colours_reach_the_heatmaps(inside):
    from gui import theme

    _panel, view = inside
    before = view.grid.image.lut
    theme.set_scheme("dark")
    try:
        view.grid.apply_theme()
        view.weights.apply_theme()
        assert not np.array_equal(view.grid.image.lut, before)  # zero is now the dark background
    finally:
        theme.set_scheme("light")
        view.grid.apply_theme()
        view.weights.apply_theme()


def test_while_training_the_weights_come_at_most_once_a_second(inside, engine_controller, monkeypatch):
    _panel, view = inside
    sent = []
    monkeypatch.setattr(engine_controller.pretraining, "request_inside", sent.append)
    clock = [1000.0]
    view.clock = lambda: clock[0]
    view.request()  # a click or a new window: always with the weights
    for _ in range(3):  # three timer ticks within the same second
        clock[0] += 0.3
        view._request_while_training()
    clock[0] += 0.2
    view._request_while_training()
    assert [r.part_name for r in sent] == [view.part_name, "", "", "", view.part_name]
