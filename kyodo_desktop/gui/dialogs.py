"""The one place that opens modal message boxes and file dialogs.

Every other GUI module calls these functions through the module (``dialogs.confirm(...)``),
so tests replace them in one go and a modal box can never hang a test run.

File dialogs stay the platform's own: on Windows they speak the language of Windows (Japanese on
the officers' machines). Where Qt draws its own instead (Linux without a desktop theme, offscreen
runs), it is Japanese through Qt's translation that ``gui.i18n`` installs.

An unattended run (``kyodo-desktop --exit-when-ready``) hands every message to a handler
instead (:func:`set_unattended`): nobody is there to close a modal box, which would keep the
process waiting for ever.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

# Receives ``(title, text)`` of every message in an unattended run; None shows the boxes.
_unattended: Callable[[str, str], None] | None = None


def set_unattended(handler: Callable[[str, str], None] | None) -> None:
    """Send every message to ``handler`` instead of a box (None: show boxes again).

    Questions are then answered "no" and file dialogs cancelled.
    """
    global _unattended
    _unattended = handler


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went well."""
    if _unattended is not None:
        _unattended(title, text)
        return
    QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user about a problem they can fix."""
    if _unattended is not None:
        _unattended(title, text)
        return
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user an action failed."""
    if _unattended is not None:
        _unattended(title, text)
        return
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, ok_text: str = "") -> bool:
    """Ask yes/no; True when the user accepts. ``ok_text`` relabels the accepting button."""
    if _unattended is not None:
        _unattended(title, text)
        return False
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(ok_text or _tr("はい"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    options: Sequence[str],
    current: int = 0,
    *,
    checks: Sequence[QCheckBox] = (),
) -> int | None:
    """Ask for one of ``options`` (``current`` offered first); its index, or None when cancelled.

    ``checks`` (parentless check boxes made by the caller) are shown below the choice; the
    caller reads them afterwards (they are handed back parentless, so they outlive the box).
    """
    if _unattended is not None:
        return None
    if not checks:
        chosen, ok = QInputDialog.getItem(parent, title, text, list(options), current, False)
        return list(options).index(chosen) if ok and chosen in options else None
    box = QDialog(parent)
    box.setWindowTitle(title)
    layout = QVBoxLayout(box)
    layout.addWidget(QLabel(text, box))
    combo = QComboBox(box)
    combo.addItems(list(options))
    combo.setCurrentIndex(current)
    layout.addWidget(combo)
    for check in checks:
        layout.addWidget(check)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, box
    )
    buttons.accepted.connect(box.accept)
    buttons.rejected.connect(box.reject)
    layout.addWidget(buttons)
    accepted = box.exec() == QDialog.DialogCode.Accepted
    index = combo.currentIndex()
    for check in checks:
        check.setParent(None)  # the caller reads them after the box is gone
    box.deleteLater()
    return index if accepted and index >= 0 else None


def get_save_file_name(parent: QWidget | None, title: str, default_path: str, file_filter: str) -> str:
    """Ask where to save; returns the chosen path, or ``""`` when cancelled."""
    if _unattended is not None:
        return ""
    path, _selected = QFileDialog.getSaveFileName(parent, title, default_path, file_filter)
    return path


def get_open_file_name(parent: QWidget | None, title: str, start_dir: str, file_filter: str) -> str:
    """Ask which file to open; returns the chosen path, or ``""`` when cancelled."""
    if _unattended is not None:
        return ""
    path, _selected = QFileDialog.getOpenFileName(parent, title, start_dir, file_filter)
    return path
