"""A black cover over the whole window (a lecturer's "B" or "."): any key or click lifts it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget


class BlankScreen(QWidget):
    """A black cover over the whole window; any key or click takes it away."""

    def __init__(self, window: QWidget, on_restore):
        super().__init__(window)
        self.setObjectName("blankScreen")
        self._on_restore = on_restore
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.hide()
        window.installEventFilter(self)

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def event(self, event) -> bool:
        # Every key is ours while the screen is blank: no shortcut may act behind it.
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self._on_restore()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._on_restore()
