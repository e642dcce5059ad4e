"""The 経過記録 tab of a project's detail view: the log, 追加… and 修正… (or a double-click).

The entries are stored through :class:`~kyodo_desktop.services.projects.ProjectService`
(``add_log``, ``correct_log``: audited; a correction of an entry changed meanwhile is refused
as stale). The dialog is :class:`~kyodo_desktop.gui.projects.stage_dialog.LogEntryDialog`,
which keeps the input on an invalid date or text. Without a workspace the buttons are hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from kyodo_desktop.gui import errors

if TYPE_CHECKING:
    from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog
    from kyodo_desktop.services.project_records import LogRecord, ProjectRecord
    from kyodo_desktop.services.workspace import Workspace


class LogTab(QWidget):
    """The log table with 追加… and 修正…, for the project last given to :meth:`show_record`.

    Signals: ``changed(str, bool)`` with the project's id after an entry was stored (True) or a
    correction was refused as stale (False).
    """

    changed = Signal(str, bool)

    def __init__(self, table: QTableView, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._record: ProjectRecord | None = None
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("追加…"))
        self.add_button.setObjectName("logAddButton")
        self.add_button.setToolTip(self.tr("経過を記録する"))
        self.add_button.clicked.connect(self.add_entry)
        self.correct_button = QPushButton(self.tr("修正…"))
        self.correct_button.setObjectName("logCorrectButton")
        self.correct_button.setToolTip(self.tr("選んだ経過記録の日付と内容を直す（ダブルクリックでも）"))
        self.correct_button.clicked.connect(self.correct_selected)
        for button in (self.add_button, self.correct_button):
            button.setAutoDefault(False)
            button.setVisible(workspace is not None)
            row.addWidget(button)
        layout.addLayout(row)
        table.doubleClicked.connect(self._on_double_clicked)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_record(self, record: ProjectRecord | None) -> None:
        """Act on ``record``'s log (None: nothing)."""
        self._record = record
        self._update_buttons()

    def _editable(self) -> bool:
        """A finished project, not in the trash, in a folder this window may write."""
        r = self._record
        return (
            self._ws is not None
            and self._ws.writable
            and r is not None
            and not r.is_draft
            and r.deleted_at is None
        )

    def selected_entry(self) -> LogRecord | None:
        """The entry chosen in the table."""
        rows = self.table.selectionModel().selectedRows() if self._record is not None else []
        if not rows:
            return None
        key = self.table.model().index(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((e for e in self._record.log if str(e.id) == key), None) if self._record else None

    def _update_buttons(self, *_args: object) -> None:
        self.add_button.setEnabled(self._editable())
        self.correct_button.setEnabled(self._editable() and self.selected_entry() is not None)

    def add_entry(self) -> LogEntryDialog | None:
        """追加…: the log entry dialog for the project (shown, not waited for)."""
        if not self._editable() or self._record is None or self._ws is None:
            return None
        from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog
        from kyodo_desktop.services.projects import ProjectService

        project_id, service = self._record.id, ProjectService(self._ws)
        dialog = LogEntryDialog(lambda on, text: service.add_log(project_id, on, text), self)
        return self._present(dialog, project_id)

    def correct_selected(self) -> LogEntryDialog | None:
        """修正…: the dialog correcting the selected entry (shown, not waited for)."""
        entry = self.selected_entry()
        if entry is None or not self._editable() or self._record is None or self._ws is None:
            return None
        from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog
        from kyodo_desktop.services.projects import ProjectService

        project_id, service = self._record.id, ProjectService(self._ws)
        dialog = LogEntryDialog(
            lambda on, text: service.correct_log(project_id, entry.id, on, text, expected=entry),
            self,
            entry=entry,
        )
        return self._present(dialog, project_id)

    def _present(self, dialog: LogEntryDialog, project_id: str) -> LogEntryDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.changed.emit(project_id, True))
        dialog.refused.connect(lambda exc: self._on_refused(project_id, exc))
        dialog.open()
        return dialog

    def _on_refused(self, project_id: str, exc: Exception) -> None:
        errors.show_error(self, self.tr("保存できません"), exc)
        self.changed.emit(project_id, False)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.correct_selected()
