"""A polite `kill` (SIGTERM, as a logout or a task manager sends) or Ctrl+C in the terminal
(SIGINT) closes the app the way its × button does: what it remembers is saved and the
engine and UMAP workers are told to stop, instead of the process dying on the spot (which
left multiprocessing's "leaked semaphore objects" warning in the log, and the window's
place and text size unsaved).

Python runs a signal handler only when the interpreter next runs, and the GUI thread sits
in Qt's event loop: the handler itself does nothing, and the signal's number, written by
Python to a socket (`signal.set_wakeup_fd`), wakes the loop through a QSocketNotifier.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), signal.SIGINT) if s is not None)


class SignalCloser(QObject):
    """Calls `close()` on the event loop when SIGTERM or SIGINT arrives (once per signal)."""

    def __init__(self, close: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._close = close
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        for s in SIGNALS:
            signal.signal(s, lambda *_: None)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)

    def _on_signal(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)  # the signals' numbers; which one does not matter
        self._close()


def close_on_signals(close: Callable[[], object], parent: QObject | None = None) -> SignalCloser | None:
    """Install a SignalCloser; None where signals cannot be caught (not the main thread)."""
    try:
        return SignalCloser(close, parent)
    except (ValueError, OSError):  # set_wakeup_fd outside the main thread, no socketpair
        return None


__all__ = ["SignalCloser", "close_on_signals"]
