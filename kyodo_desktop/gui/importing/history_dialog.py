"""「取り込みの履歴」: every import done so far, and 元に戻す for one of them.

The list comes from the audit log (:mod:`kyodo_desktop.services.import_undo`) in a worker; the
undo asks for confirmation, then runs in a worker with a progress dialog (one transaction after
a backup). A refusal (records edited since, already undone) is told in the dialog, naming the
records. Times are shown in local time with their offset.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
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
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.styles import ERROR_STYLE, SUCCESS_STYLE
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.services import import_undo
from kyodo_desktop.services.import_undo import ImportRecord, UndoSummary
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

COL_TIME, COL_FILE, COL_OFFICER, COL_CREATED, COL_UPDATED, COL_STATE = range(6)
#: The :class:`ImportRecord` of a row.
ImportRole = Qt.ItemDataRole.UserRole


class ImportHistoryModel(RowsTableModel[ImportRecord]):
    """The imports, newest first: 日時, ファイル, 職員, 新規, 更新, 状態 (新規 of a past-project
    import counted apart: 事業 N / 団体 M)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportHistoryModel", "日時"),
        QT_TRANSLATE_NOOP("ImportHistoryModel", "ファイル"),
        QT_TRANSLATE_NOOP("ImportHistoryModel", "職員"),
        QT_TRANSLATE_NOOP("ImportHistoryModel", "新規"),
        QT_TRANSLATE_NOOP("ImportHistoryModel", "更新"),
        QT_TRANSLATE_NOOP("ImportHistoryModel", "状態"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]

    def set_imports(self, imports: Sequence[ImportRecord]) -> None:
        """Show ``imports`` (given oldest first, as the service lists them) newest first."""
        self.set_rows(imports)

    def _arranged(self, rows: list[ImportRecord]) -> list[ImportRecord]:
        return rows[::-1]

    def import_at(self, row: int) -> ImportRecord | None:
        """The import shown in ``row``."""
        return self.row_at(row)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.row_at(index.row())  # None for an invalid index (its row is -1)
        if found is None:
            return None
        if role == ImportRole:
            return found
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_CREATED, COL_UPDATED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_TIME:
            return import_undo.shown_time(found.occurred_at)
        if column == COL_FILE:
            return found.source_name
        if column == COL_OFFICER:
            return found.officer
        if column == COL_CREATED:
            if found.created_projects:  # a past-project import: its projects and the groups it registered
                return self.tr("事業 {projects} / 団体 {organizations}").format(
                    projects=f"{found.created_projects:,}", organizations=f"{found.created_organizations:,}"
                )
            return f"{found.created:,}"
        if column == COL_UPDATED:
            return f"{found.updated:,}"
        if column == COL_STATE:
            return self.tr("取り消し済み") if found.undone else ""
        return None


class ImportHistoryDialog(QDialog):
    """The imports and their undo.

    Signals: ``undone(str)`` with the import id after an undo was written (the registry must
    be read again); ``imports_loaded(int)`` with the number of imports after each load.
    """

    undone = Signal(str)
    imports_loaded = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self.setWindowTitle(self.tr("取り込みの履歴"))
        self._ws = ws
        self._tasks = TaskGroup()
        self._busy = False
        self.model = ImportHistoryModel(self)
        self._build()
        self.resize(820, 420)
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "これまでの取り込みです。取り込みを選んで「元に戻す」を押すと、その取り込みで登録した団体を"
                "削除し、更新した項目を取り込み前の値に戻します（先にバックアップを作ります）。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableView()
        self.table.setObjectName("importHistoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.message_label = QLabel()
        self.message_label.setObjectName("importHistoryMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.undo_button = QPushButton(self.tr("元に戻す"))
        self.undo_button.setObjectName("undoImportButton")
        self.undo_button.setToolTip(self.tr("選んだ取り込みを取り消す"))
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.addWidget(self.undo_button)
        close = QPushButton(self.tr("閉じる"))
        close.setObjectName("closeButton")
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the imports again from the audit log, in a worker."""
        ws = self._ws
        task = BackgroundTask(lambda _task: import_undo.list_imports(ws), self)
        task.succeeded.connect(self._on_loaded)
        task.failed.connect(self._on_load_failed)
        self._tasks.start(task)

    def _on_loaded(self, imports: list[ImportRecord]) -> None:
        self.model.set_imports(imports)
        if imports:
            self.table.selectRow(0)
        self._update_buttons()
        self.imports_loaded.emit(len(imports))

    def _on_load_failed(self, exc: Exception) -> None:
        self._show_message(
            errors.error_text(
                exc,
                known=self.tr("取り込みの履歴を読めませんでした: {reason}"),
                bug=self.tr("取り込みの履歴を読めませんでした（{kind}）。詳細はログを確認してください。"),
                what="listing imports",
                logger=log,
            ),
            error=True,
        )

    # -- undo ---------------------------------------------------------------------------------
    def selected_import(self) -> ImportRecord | None:
        """The import of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.import_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_import()
        self.undo_button.setEnabled(
            self._ws.writable and not self._busy and chosen is not None and not chosen.undone
        )

    def undo_selected(self) -> None:
        """Ask, then undo the selected import in a worker with a progress dialog."""
        chosen = self.selected_import()
        if chosen is None or chosen.undone or self._busy or not self._ws.writable:
            return
        question = self.tr(
            "{time} の取り込み「{file}」を取り消しますか？\n"
            "登録した {created} 件を削除し、更新した {updated} 件を取り込み前の値に戻します。"
        ).format(
            time=import_undo.shown_time(chosen.occurred_at),
            file=chosen.source_name,
            created=f"{chosen.created:,}",
            updated=f"{chosen.updated:,}",
        )
        if not dialogs.confirm(self, self.tr("取り込みの取り消し"), question, ok_text=self.tr("元に戻す")):
            return
        ws = self._ws

        def work(task: BackgroundTask) -> UndoSummary:
            return import_undo.undo_import(ws, chosen.import_id, progress=task.report)

        self._busy = True
        self._update_buttons()
        self.message_label.hide()
        task = BackgroundTask(work, self)
        task.succeeded.connect(self._on_undone)
        task.failed.connect(self._on_undo_failed)
        show_progress(
            self, task, self.tr("取り込みの取り消し"), self.tr("取り消しています…"), cancellable=True
        )
        self._tasks.start(task)

    def _on_undone(self, done: UndoSummary) -> None:
        log.info("import %s undone: %d deleted, %d restored", done.import_id, done.deleted, done.restored)
        self._busy = False
        self._show_message(
            self.tr("取り込みを取り消しました: 削除 {deleted} 件、元に戻した団体 {restored} 件。").format(
                deleted=f"{done.deleted:,}", restored=f"{done.restored:,}"
            )
        )
        self.undone.emit(done.import_id)
        self.reload()

    def _on_undo_failed(self, exc: Exception) -> None:
        self._busy = False
        self._show_message(
            errors.error_text(
                exc,
                known=self.tr("取り消せませんでした: {reason}"),
                file=self.tr("バックアップを作成できなかったため、取り込みを取り消しませんでした: {reason}"),
                bug=self.tr("取り消せませんでした（{kind}）。詳細はログを確認してください。"),
                what="undo import",
                logger=log,
            ),
            error=True,
        )
        self._update_buttons()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else SUCCESS_STYLE)
        self.message_label.setText(text)
        self.message_label.show()

    @property
    def busy(self) -> bool:
        """Whether an undo is running."""
        return self._busy

    def shutdown(self) -> None:
        """Wait for running work and close (before the data folder is released)."""
        self._tasks.stop_all()
        self.close()
