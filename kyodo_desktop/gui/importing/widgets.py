"""Small widgets the import pages share: inline messages, and a line edit that keeps its Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from kyodo_desktop.gui import styles


def message_label(name: str) -> QLabel:
    """A hidden, wrapping, selectable label for an inline message (see :func:`show_message`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(styles.ERROR_STYLE)
    label.hide()
    return label


def show_message(label: QLabel, text: str, style: str = styles.ERROR_STYLE) -> None:
    """Show ``text`` in ``label`` in ``style``; an empty text hides the label."""
    label.setStyleSheet(style)
    label.setText(text)
    label.setVisible(bool(text))


class SubmitLineEdit(QLineEdit):
    """A line edit whose Enter acts on its own row (``submitted``) instead of the wizard's Next."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)
