"""The main window's status bar: the officer, the data folder and the registry's row count.

Kept apart from :mod:`kyodo_desktop.gui.main_window`; its texts stay in the window's
translation context (``MainWindow``), as when they were the window's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from kyodo_desktop.services.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WindowStatus(QObject):
    """The labels ``officerStatusLabel``, ``folderStatusLabel`` and ``countStatusLabel``."""

    def __init__(self, window: QMainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.officer = QLabel()
        self.officer.setObjectName("officerStatusLabel")
        self.folder = QLabel()
        self.folder.setObjectName("folderStatusLabel")
        self.count = QLabel()
        self.count.setObjectName("countStatusLabel")
        for label in (self.officer, self.folder):
            label.setStyleSheet("margin: 0 12px 0 4px;")
        status = window.statusBar()
        status.addWidget(self.officer)
        status.addWidget(self.folder, 1)
        status.addPermanentWidget(self.count)
        self.folder.setText(_tr("データ: {folder}").format(folder=data_dir))

    def clear(self) -> None:
        """No data file open: neither an officer nor a count."""
        self.officer.clear()
        self.count.clear()

    def show_officer(self, ws: Workspace) -> None:
        """職員: the workspace's officer."""
        self.officer.setText(_tr("職員: {officer}").format(officer=ws.officer.label()))

    def mark_read_only(self) -> None:
        """Add （閲覧専用） after the officer."""
        self.officer.setText(self.officer.text() + _tr("（閲覧専用）"))

    def show_count(self, shown: int, total: int) -> None:
        """The registry's rows: shown of total, or just the total when nothing is filtered."""
        if shown == total:
            self.count.setText(_tr("{total} 件").format(total=f"{total:,}"))
        else:
            self.count.setText(
                _tr("{shown} 件 / 全 {total} 件").format(shown=f"{shown:,}", total=f"{total:,}")
            )
