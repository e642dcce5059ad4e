"""Keyboard rules shared by the app's dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget


def enter_presses_only_the_focused_button(widget: QWidget, event: QKeyEvent) -> bool:
    """Handle Enter so it presses the focused button and nothing else; True when handled.

    QDialog would otherwise press its default button too, so Enter in a combo box could merge
    records or save a form by accident.
    """
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    focused = widget.focusWidget()
    if isinstance(focused, QPushButton) and focused.isEnabled():
        focused.click()
    event.accept()
    return True
