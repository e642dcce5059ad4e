"""The window's safety net: ファイル → バックアップを作成 / バックアップから復元…, 団体 → 変更履歴… and
団体 → 取り込みの履歴….

The main window only places these actions in its menus; this object opens their windows and
hands a chosen backup back to the window, which owns the data file and restores it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.tasks import BackgroundTask, show_progress
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.errors import BackupInfo

if TYPE_CHECKING:  # the views import SQLAlchemy, which start-up must not load
    from kyodo_desktop.gui.backup_restore import BackupRestoreDialog
    from kyodo_desktop.gui.history.view import HistoryDialog
    from kyodo_desktop.gui.importing.history_dialog import ImportHistoryDialog
    from kyodo_desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class SafetyNetActions(QObject):
    """The 変更履歴…, 取り込みの履歴… and バックアップから復元… actions of one main window, and their windows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.backup_action = QAction(self.tr("バックアップを作成"), window)
        self.backup_action.triggered.connect(self.create_backup)
        self.history_action = QAction(self.tr("変更履歴…"), window)
        self.history_action.setObjectName("historyAction")
        self.history_action.setToolTip(self.tr("台帳全体の変更履歴（職員、日時、変更前 → 変更後）と元に戻す"))
        self.history_action.triggered.connect(self.show_history)
        self.restore_action = QAction(self.tr("バックアップから復元…"), window)
        self.restore_action.setObjectName("restoreBackupAction")
        self.restore_action.triggered.connect(self.show_backups)
        self.import_history_action = QAction(self.tr("取り込みの履歴…"), window)
        self.import_history_action.setObjectName("importHistoryAction")
        self.import_history_action.setToolTip(self.tr("これまでの取り込みを見て、取り消す"))
        self.import_history_action.triggered.connect(self.show_import_history)
        self.history_dialog: HistoryDialog | None = None
        self.import_history: ImportHistoryDialog | None = None
        self.backup_dialog: BackupRestoreDialog | None = None

    def update_enabled(self) -> None:
        """Restoring needs the write lock; the history can be read (and its undo is refused) anyway."""
        ws = self._window.workspace
        self.history_action.setEnabled(ws is not None)
        self.restore_action.setEnabled(ws is not None and ws.writable)

    def show_history(self) -> None:
        """Open (or bring forward) the whole registry's history."""
        ws = self._window.workspace
        if ws is None:
            return
        if self.history_dialog is None:
            from kyodo_desktop.gui.history.view import HistoryDialog

            self.history_dialog = HistoryDialog(ws, self._window)
            self.history_dialog.undone.connect(self._window.on_record_undone)
        self.history_dialog.present()

    def show_import_history(self) -> None:
        """Open (or bring forward) the list of imports, each of which can be undone."""
        ws = self._window.workspace
        if ws is None:
            return
        if self.import_history is None:
            from kyodo_desktop.gui.importing.history_dialog import ImportHistoryDialog

            self.import_history = ImportHistoryDialog(ws, self._window)
            self.import_history.undone.connect(lambda _import_id: self._window.on_record_undone(""))
        else:
            self.import_history.reload()
        self.import_history.show()
        self.import_history.raise_()

    def on_imported(self) -> None:
        """A new import was written: an open 取り込みの履歴 lists it (a closed one reads again when shown)."""
        if self.import_history is not None and self.import_history.isVisible():
            self.import_history.reload()

    def create_backup(self) -> None:
        """ファイル → バックアップを作成: a verified backup in a worker, then where it went."""
        window, ws = self._window, self._window.workspace
        if ws is None:
            return
        task = BackgroundTask(
            lambda _task: backup.create_backup(ws.db_path, ws.backups_dir, "manual"), window
        )
        task.succeeded.connect(self._on_backup_done)
        task.failed.connect(self._on_backup_failed)
        show_progress(
            window, task, self.tr("バックアップ"), self.tr("バックアップを作成しています…"), cancellable=False
        )
        window.tasks.start(task)

    def _on_backup_done(self, info: BackupInfo) -> None:
        dialogs.info(
            self._window,
            self.tr("バックアップ"),
            self.tr("バックアップを作成しました。\n{path}").format(path=info.path),
        )

    def _on_backup_failed(self, exc: Exception) -> None:
        errors.show_error(
            self._window,
            self.tr("バックアップ"),
            exc,
            file=self.tr("バックアップを作成できませんでした: {reason}"),
            bug=self.tr("バックアップを作成できませんでした（{kind}）。詳細はログを確認してください。"),
            what="backup",
            logger=log,
        )

    def show_backups(self) -> None:
        """List the verified backups; a confirmed choice is restored by the window."""
        from kyodo_desktop.gui.backup_restore import BackupRestoreDialog

        ws = self._window.workspace
        if ws is None or not ws.writable:
            return
        dialog = BackupRestoreDialog(ws.backups_dir, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_chosen.connect(self._window.restore_from_backup)
        dialog.destroyed.connect(self._forget_backup_dialog)
        self.backup_dialog = dialog
        dialog.show()
        dialog.load()

    def close_views(self) -> None:
        """Close the windows that read the data file (before the window lets go of it)."""
        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
            self.history_dialog = None
        if self.import_history is not None:
            self.import_history.shutdown()
            self.import_history = None

    def _forget_backup_dialog(self) -> None:
        self.backup_dialog = None
