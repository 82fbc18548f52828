"""Shared test set-up: Qt offscreen and one torch thread, before anything imports them."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _one_torch_thread():
    """Tests share two cores with the GUI and the worker: one torch thread, as in the app."""
    try:
        import torch
    except ImportError:  # pragma: no cover - torch is a dependency
        yield
        return
    torch.set_num_threads(1)
    yield


@pytest.fixture
def both_cores():
    """For the engine's learning tests, which train for tens of seconds with nothing
    beside them (no window, no worker): both cores, about 1.7x faster. Their seeds are
    fixed, so the numbers are the same on every run with two threads."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def warm_session():
    """The default checkpoint's Session with its corpus and tokenizers built once.

    Tests get deep copies (`fresh_session()`), so each starts from the same pristine state
    without paying for the corpus again. Never train this one.
    """
    from workers.server.core import default_session

    session = default_session()
    session.pretraining.passage(32, seed=0)
    session.tokenizers()
    session.data_summary()  # the Data panel asks for it first thing
    return session


@pytest.fixture
def fresh_session(warm_session):
    """A factory of Sessions on the default checkpoint that reuse the warm one's data.

    Each has its own model (loaded afresh, safe to train) but shares the built corpus,
    the tokenizer object and what was built from the data (`Session.reuse_built_data`).
    """
    from workers.server.core import default_session

    def make():
        session = default_session()
        session.reuse_built_data(warm_session)
        return session

    return make


@pytest.fixture
def engine_controller(qtbot, fresh_session):
    """A started Controller running the default checkpoint in-process (no worker process).

    Yields once the model is loaded. `controller.backend.server.session` is the live
    Session, for comparing what the GUI shows with direct engine calls.
    """
    from gui.bridge.controller import Controller, InProcessBackend

    controller = Controller(InProcessBackend(fresh_session))
    # Embeddings panel: an instant in-process projector, so opening that step in a test
    # never spawns the UMAP worker (tests/test_gui_embeddings.py runs the real one once).
    from gui.bridge.embedding_history import EmbeddingHistory
    from gui.bridge.projection_client import InProcessProjector

    EmbeddingHistory.for_controller(controller, InProcessProjector())
    with qtbot.waitSignal(controller.modelReady, timeout=60_000):
        controller.start()
    yield controller
    controller.shutdown()


@pytest.fixture
def main_window(qtbot, engine_controller):
    """The app's main window on an in-process engine, shown offscreen at 1280x720."""
    from gui.main_window import MainWindow

    window = MainWindow(engine_controller)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


# -- lecture tools (gui/settings.py, gui/appearance.py) ----------------------------------
@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory):
    """QSettings write to a temporary folder in every test, never to the real home."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        yield
        return
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


# -- the interface language (gui/i18n) ----------------------------------------------------
@pytest.fixture(autouse=True)
def _english_interface(request):
    """GUI tests see the interface as the app shows it in English: gui.i18n.install(app, "en")
    loads English's plural forms ("1 click", "3 clicks"; gui/i18n/en/), as the app does at
    start-up. Tests without a QApplication are left alone."""
    if "qapp" in request.fixturenames:
        from gui import i18n

        app = request.getfixturevalue("qapp")
        if not i18n.installed_for(app):
            i18n.install(app, "en")
    yield


@pytest.fixture
def themed(qapp):
    """The house theme applied before any window is built, as gui/app.py does; undone
    after. Yields the Appearance (text scale, light/dark)."""
    from PySide6.QtWidgets import QApplication

    from gui import theme
    from gui.lecture.appearance import Appearance

    saved = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    theme.apply(qapp)
    yield Appearance.instance()
    appearance = Appearance.instance()
    appearance.set_theme_choice("light")
    appearance.reset_scale()  # module-wide state: later tests start at the design sizes
    qapp.setStyleSheet(saved[2])
    qapp.setStyle(saved[3])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[0])
    QApplication.sendPostedEvents()
