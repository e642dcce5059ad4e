"""ファイル → バックアップから復元…: the verified backups with their dates and sizes, and the choice.

The list is checked in a worker (each backup passes ``integrity_check`` before it is offered);
restoring asks first and then hands the chosen file to the window, which lets go of the data
file and restores through ``services.maintenance.restore`` (the current file is backed up first).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.local_time import local_text
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.errors import BackupInfo

_CONTEXT = "BackupListModel"
_REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupListModel", "日次"),
    "manual": QT_TRANSLATE_NOOP("BackupListModel", "手動"),
    "pre-restore": QT_TRANSLATE_NOOP("BackupListModel", "復元の前"),
    "pre-migration": QT_TRANSLATE_NOOP("BackupListModel", "形式の更新の前"),
    "pre-import": QT_TRANSLATE_NOOP("BackupListModel", "インポートの前"),
    "pre-merge": QT_TRANSLATE_NOOP("BackupListModel", "統合の前"),
    "pre-unmerge": QT_TRANSLATE_NOOP("BackupListModel", "統合の取り消しの前"),
}


def size_text(size: int) -> str:
    """A file size as people read it (KB below a megabyte, else MB with one decimal)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)):,} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


class BackupListModel(RowsTableModel[tuple[BackupInfo, int]]):
    """Verified backups, newest first: 日時 (local, with offset), 和暦, 種類, サイズ, ファイル."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("日時（この端末の時刻）"),
            self.tr("和暦"),
            self.tr("種類"),
            self.tr("サイズ"),
            self.tr("ファイル"),
        ]

    def set_backups(self, rows: list[tuple[BackupInfo, int]]) -> None:
        """Show these backups with their sizes in bytes."""
        self.set_rows(rows)

    def backup_at(self, row: int) -> BackupInfo | None:
        """The backup shown in ``row``."""
        found = self.row_at(row)
        return found[0] if found is not None else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        info, size = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return local_text(info.taken_at)
        if column == 1:
            return to_wareki(info.taken_at.date())
        if column == 2:
            return self.tr(_REASONS[info.reason]) if info.reason in _REASONS else info.reason
        if column == 3:
            return size_text(size)
        return info.path.name


def _verified_with_sizes(directory: Path) -> list[tuple[BackupInfo, int]]:
    out = []
    for info in backup.verified_backups(directory):
        try:
            out.append((info, info.path.stat().st_size))
        except OSError:  # rotated away meanwhile
            continue
    return out


class BackupRestoreDialog(QDialog):
    """Lists the verified backups of ``backups_dir``; 復元… asks, then emits the chosen file.

    Signals: ``restore_chosen(object)`` with the backup's ``Path`` once the officer confirmed.
    """

    restore_chosen = Signal(object)

    def __init__(self, backups_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupRestoreDialog")
        self.setWindowTitle(self.tr("バックアップから復元"))
        self._dir = backups_dir
        self._tasks = TaskGroup()
        self.model = BackupListModel(self)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "検証済みのバックアップです。復元すると、今のデータは復元の前にバックアップとして残ります。"
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("backupStatusLabel")
        self.status_label.setWordWrap(True)
        row.addWidget(self.status_label, 1)
        self.restore_button = QPushButton(self.tr("復元…"))
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.reject)
        for button in (self.restore_button, close):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.resize(760, 420)
        self._update_buttons()

    @property
    def loading(self) -> bool:
        """Whether the backups are still being checked."""
        return len(self._tasks) > 0

    def load(self) -> None:
        """Check the backups in a worker and list those that pass."""
        self.status_label.setText(self.tr("バックアップを確認しています…"))
        task = BackgroundTask(lambda _task: _verified_with_sizes(self._dir), self)
        task.succeeded.connect(self._on_loaded)
        task.failed.connect(self._on_load_failed)
        self._tasks.start(task)

    def selected_backup(self) -> BackupInfo | None:
        """The backup chosen in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def done(self, result: int) -> None:
        self._tasks.stop_all()  # a check still running must not outlive the dialog
        super().done(result)

    def _on_loaded(self, rows: list[tuple[BackupInfo, int]]) -> None:
        self.model.set_backups(rows)
        if rows:
            self.status_label.setText(self.tr("{count} 件").format(count=len(rows)))
            self.table.selectRow(0)
        else:
            self.status_label.setText(self.tr("検証済みのバックアップがありません。"))
        self._update_buttons()

    def _on_load_failed(self, exc: Exception) -> None:
        self.status_label.setText(
            errors.error_text(
                exc, file=self.tr("バックアップを確認できませんでした: {reason}"), what="list backups"
            )
        )

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _on_restore_clicked(self) -> None:
        info = self.selected_backup()
        if info is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("バックアップから復元"),
            self.tr(
                "{when} のバックアップで今のデータを置き換えます。\n"
                "それより後の変更は、復元の前に取るバックアップにだけ残ります。復元しますか？"
            ).format(when=local_text(info.taken_at, seconds=False)),
            ok_text=self.tr("復元する"),
        ):
            return
        self.restore_chosen.emit(info.path)
        self.accept()
