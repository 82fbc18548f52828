"""A worker's event reader ends quietly when the Qt object its events go to is gone.

An app torn down without stopping its readers (a test that forgets, an interpreter at
exit) left the map-drawing reader thread printing "RuntimeError: Signal source has been
deleted" as it reported the worker's end to a deleted relay.
"""

import threading

import pytest
from PySide6.QtCore import QObject, Signal

from workers.process import EventReader

pytestmark = pytest.mark.gui


class _Relay(QObject):
    events = Signal(object)


class _EndedWorker:
    """A worker whose process has ended without a word: the reader's get() times out."""

    alive = False

    def get(self, timeout: float):
        import queue

        raise queue.Empty

    def drain(self, first):
        return [first]


def _run_reader(on_died) -> list:
    errors = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)
    try:
        reader = EventReader(_EndedWorker(), lambda batch: None, on_died, lambda e: False,
                             name="test-reader")
        reader.start()
        reader._thread.join(5)
        assert not reader._thread.is_alive()
    finally:
        threading.excepthook = previous
    return errors


def test_a_reader_reporting_to_a_deleted_relay_ends_without_a_traceback(qapp):
    from shiboken6 import Shiboken

    relay = _Relay()
    emit = relay.events.emit
    Shiboken.delete(relay)
    assert _run_reader(lambda: emit(["died"])) == []


def test_any_other_error_of_a_reader_is_still_raised(qapp):
    def broken():
        raise RuntimeError("a real bug")

    errors = _run_reader(broken)
    assert [str(e) for e in errors] == ["a real bug"]

