"""設定 → 職員の一覧…: the officers (職員) with their 着任日, 異動日 and 後任, and their editing.

The list shows every officer not in the trash; the form below edits the chosen one's 着任日,
planned 異動日 and 後任 through ``services.officers.set_assignment`` (versioned, audited). Dates
are typed as everywhere in the app (the one date parser: 2027-04-01, 令和9年4月1日, R9.4.1 …)
and shown as 和暦. ``changed(officer_id)`` tells the window, so the 引継ぎ tab reads its
pending handovers again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.validation import parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.projects.detail_models import TextRowsModel
from kyodo_desktop.gui.styles import ERROR_STYLE
from kyodo_desktop.gui.table_base import list_table
from kyodo_desktop.services import officers
from kyodo_desktop.services.officers import OfficerRecord
from kyodo_desktop.services.workspace import Workspace


def _day(value: date | None) -> str:
    return to_wareki(value) if value else ""


class OfficersDialog(QDialog):
    """The officer list (氏名, 所属課, 役職, 着任日, 異動日, 後任) and the chosen one's assignment."""

    changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officersDialog")
        self.setWindowTitle(self.tr("職員の一覧"))
        self._ws = workspace
        self._records: list[OfficerRecord] = []
        layout = QVBoxLayout(self)
        self.model = TextRowsModel(
            [
                self.tr("氏名"),
                self.tr("所属課"),
                self.tr("役職"),
                self.tr("着任日"),
                self.tr("異動日"),
                self.tr("後任"),
            ],
            self,
        )
        self.table = list_table("officersTable", self.model, 5)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.chosen = QLabel()
        self.chosen.setObjectName("officerChosen")
        form.addRow(self.tr("職員"), self.chosen)
        self.assigned_on = QLineEdit()
        self.assigned_on.setObjectName("officerAssignedOn")
        self.assigned_on.setPlaceholderText(self.tr("例: 令和6年4月1日 または 2024-04-01"))
        form.addRow(self.tr("着任日"), self.assigned_on)
        self.transferred_on = QLineEdit()
        self.transferred_on.setObjectName("officerTransferredOn")
        self.transferred_on.setPlaceholderText(self.tr("例: 令和9年4月1日（異動の予定がなければ空欄）"))
        form.addRow(self.tr("異動日"), self.transferred_on)
        self.successor = QComboBox()
        self.successor.setObjectName("officerSuccessor")
        form.addRow(self.tr("後任"), self.successor)
        layout.addLayout(form)
        self.notice = QLabel()
        self.notice.setObjectName("officersNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("officerSaveAssignment")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setEnabled(False)
        self.resize(760, 520)
        self.reload()

    def reload(self, chosen_id: str = "") -> None:
        """Read the officers again; ``chosen_id`` (or the first) is selected."""
        self._records = officers.list_officers(self._ws)
        names = {o.id: officers.officer_label(o.data.name, o.data.section) for o in self._records}
        self.model.set_rows(
            [
                (
                    o.data.name,
                    o.data.section,
                    o.data.title,
                    _day(o.assigned_on),
                    _day(o.transferred_on),
                    names.get(o.successor_id or "", ""),
                )
                for o in self._records
            ],
            [o.id for o in self._records],
        )
        ids = [o.id for o in self._records]
        if ids:
            self.table.selectRow(ids.index(chosen_id) if chosen_id in ids else 0)
        self._show(self.current())

    def current(self) -> OfficerRecord | None:
        """The chosen officer, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._records):
            return None
        return self._records[rows[0].row()]

    def select(self, officer_id: str) -> None:
        """Choose the officer ``officer_id`` in the list."""
        ids = [o.id for o in self._records]
        if officer_id in ids:
            self.table.selectRow(ids.index(officer_id))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current())

    def _show(self, record: OfficerRecord | None) -> None:
        self.notice.hide()
        self.successor.clear()
        self.save_button.setEnabled(record is not None and self._ws.writable)
        if record is None:
            self.chosen.clear()
            self.assigned_on.clear()
            self.transferred_on.clear()
            return
        self.chosen.setText(officers.officer_label(record.data.name, record.data.section))
        self.assigned_on.setText(_day(record.assigned_on))
        self.transferred_on.setText(_day(record.transferred_on))
        self.successor.addItem(self.tr("（なし）"), "")
        for other in self._records:
            if other.id != record.id:
                self.successor.addItem(officers.officer_label(other.data.name, other.data.section), other.id)
        index = self.successor.findData(record.successor_id) if record.successor_id else 0
        self.successor.setCurrentIndex(max(index, 0))

    def save(self) -> bool:
        """Store the chosen officer's 着任日, 異動日 and 後任; False (told in the dialog) if refused."""
        record = self.current()
        if record is None:
            return False
        try:
            officers.set_assignment(
                self._ws,
                record.id,
                expected_version=record.version,
                assigned_on=parse_date(self.assigned_on.text(), "assigned_on"),
                transferred_on=parse_date(self.transferred_on.text(), "transferred_on"),
                successor_id=str(self.successor.currentData() or "") or None,
            )
        except Exception as exc:  # a refusal is told in the dialog; a bug is logged there
            errors.show_inline(
                self.notice,
                exc,
                known=self.tr("保存できませんでした: {reason}"),
                what="set officer assignment",
            )
            return False
        self.reload(record.id)
        self.changed.emit(record.id)
        return True


def open_officers_dialog(parent: QWidget, workspace: Workspace) -> OfficersDialog:
    """Open the dialog (window-modal, deleted when closed); the caller connects ``changed``."""
    dialog = OfficersDialog(workspace, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
