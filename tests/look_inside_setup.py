"""Opening the Look inside window from the Windows step, as a person does (for the tests
of the window itself and of where it goes on the screen)."""

from __future__ import annotations


def open_look_inside(qtbot, window, controller):
    """The Windows step's Look inside window, shown and drawn from the engine's answer."""
    panel = window.show_panel("windows")
    qtbot.waitUntil(panel.is_ready, timeout=30_000)
    with qtbot.waitSignal(controller.pretraining.insideReady, timeout=20_000):
        dialog = panel.open_look_inside()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.view.drawn is not None, timeout=10_000)
    return dialog
