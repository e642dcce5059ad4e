"""The one place that opens modal message boxes and file dialogs.

Every other GUI module calls these functions through the module (``dialogs.confirm(...)``),
so tests replace them in one go and a modal box can never hang a test run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went well."""
    QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user about a problem they can fix."""
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user an action failed."""
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, ok_text: str = "") -> bool:
    """Ask yes/no; True when the user accepts. ``ok_text`` relabels the accepting button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(ok_text or _tr("はい"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def get_save_file_name(parent: QWidget | None, title: str, default_path: str, file_filter: str) -> str:
    """Ask where to save; returns the chosen path, or ``""`` when cancelled."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, default_path, file_filter)
    return path


def get_open_file_name(parent: QWidget | None, title: str, start_dir: str, file_filter: str) -> str:
    """Ask which file to open; returns the chosen path, or ``""`` when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, start_dir, file_filter)
    return path
