"""The history views: a panel (one record's tab in its dialog, or the whole registry) and its window.

Each row names the officer, the local time, what changed and old → new. 元に戻す puts back the
old values of the selected change when nothing newer depends on it; the service refuses
otherwise, and the refusal is shown as it is (Japanese, naming the newer change).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

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

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.history.model import COL_CHANGES, COL_RECORD, HistoryTableModel, changes_text
from kyodo_desktop.gui.styles import SUCCESS_STYLE
from kyodo_desktop.services.history import HistoryEntry, HistoryService
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


class HistoryPanel(QWidget):
    """A history table with 元に戻す and 再読み込み.

    ``record_id`` is a callable giving the record whose history is shown (None while a new
    record is not yet saved); without it the panel shows the whole registry, read lazily.
    ``undo=False`` leaves 元に戻す out (a project's changes are not undone field by field);
    ``wareki`` shows the dates in 和暦.

    Signals: ``undone(str)`` with the record's id after a change was undone.
    """

    undone = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        record_id: Callable[[], str | None] | None = None,
        parent: QWidget | None = None,
        *,
        undo: bool = True,
        wareki: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._ws = workspace
        self._service = HistoryService(workspace)
        self._record_id = record_id
        self._undo = undo
        self.model = HistoryTableModel(self, wareki=wareki)

        layout = QVBoxLayout(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHANGES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_RECORD, record_id is not None)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("historyStatusLabel")
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        self.undo_button = QPushButton(self.tr("元に戻す"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(
            self.tr("選んだ変更の前の値に戻します（後の変更が同じ項目を変えていない場合）")
        )
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.reload_button = QPushButton(self.tr("再読み込み"))
        self.reload_button.setObjectName("historyReloadButton")
        self.reload_button.clicked.connect(self.refresh)
        for button in (self.undo_button, self.reload_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.undo_button.setVisible(undo)
        layout.addLayout(buttons)
        self._update_buttons()

    def refresh(self) -> None:
        """Read the history again (newest first)."""
        if self._record_id is None:
            self.model.set_ids(self._service.entry_ids(), self._service.entries)
        else:
            record_id = self._record_id()
            self.model.set_entries(self._service.for_record(record_id) if record_id else [])
        self._update_buttons()

    def selected_entry(self) -> HistoryEntry | None:
        """The change chosen in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.undo_button.setEnabled(
            self._undo and self._ws.writable and entry is not None and entry.undoable_kind
        )

    def _on_undo_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        name = entry.record_name or entry.record_id
        if not dialogs.confirm(
            self,
            self.tr("元に戻す"),
            self.tr("団体「{name}」の次の変更を元に戻しますか？\n\n{changes}").format(
                name=name, changes=changes_text(entry)
            ),
            ok_text=self.tr("元に戻す"),
        ):
            return
        try:
            version = self._service.undo(entry.id)
        except Exception as exc:  # refused, locked, read-only: say why; a bug goes to the crash dialog
            text = errors.known_text(exc)
            if text is None:
                raise
            self.status_label.setStyleSheet("")
            self.status_label.setText(text)
            dialogs.warning(self, self.tr("元に戻す"), text)
            return
        log.info("change %s undone", entry.id)
        self.refresh()
        self.status_label.setStyleSheet(SUCCESS_STYLE)
        if entry.entity == "organization" and entry.action != "not_duplicate":
            done = self.tr("元に戻しました（団体「{name}」、版 {version}）").format(
                name=name, version=version
            )
        else:  # a 対応記録's own version, or no version at all, is not the record's
            done = self.tr("元に戻しました（団体「{name}」）").format(name=name)
        self.status_label.setText(done)
        self.undone.emit(entry.record_id)


class HistoryDialog(QDialog):
    """団体 → 変更履歴…: the whole registry's history in its own (non-modal) window.

    Signals: ``undone(str)`` with the record's id after a change was undone.
    """

    undone = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("変更履歴（台帳全体）"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        layout = QVBoxLayout(self)
        self.panel = HistoryPanel(workspace, None, self)
        self.panel.undone.connect(self.undone)
        layout.addWidget(self.panel)
        close = QPushButton(self.tr("閉じる"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(1100, 640)

    def present(self) -> None:
        """Read the history afresh and bring the window forward."""
        self.panel.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
