"""The Data panel on an in-process engine, as tests/test_gui_data*.py open it (written once)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def started_controller(qtbot, make_session: Callable, timeout: int) -> Iterator:
    """A Controller on an in-process engine built by `make_session`, its model ready."""
    from gui.bridge.controller import Controller, InProcessBackend

    c = Controller(InProcessBackend(make_session))
    with qtbot.waitSignal(c.modelReady, timeout=timeout):
        c.start()
    yield c
    c.shutdown()


def shown_data_panel(qtbot, controller, timeout: int):
    """The Data panel at 1280x720, shown, once it holds the engine's data summary."""
    from gui.panels.pretraining.data_panel import DataPanel

    p = DataPanel(controller)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    with qtbot.waitSignal(controller.pretraining.dataSummaryChanged, timeout=timeout):
        p.show()  # the first show asks for the data summary
    qtbot.waitUntil(p.is_ready, timeout=5_000)
    return p
