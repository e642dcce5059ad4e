"""The 新しい引継書 dialog: from officer, to officer (the successor by default), date, scope.

The scope lists the organizations and open projects the from officer is responsible for, each
a tick box; those not handed over yet (the pending scope) are ticked to begin with.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.validation import ValidationError, parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.styles import ERROR_STYLE
from kyodo_desktop.services import handover_alerts
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_records import ORGANIZATION, PROJECT
from kyodo_desktop.services.officers import OfficerRecord, list_officers, officer_label
from kyodo_desktop.services.workspace import Workspace

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class NewNoteDialog(QDialog):
    """Makes a draft note through ``HandoverService.create_note``; ``note_id`` once accepted."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, officer_id: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newHandoverDialog")
        self.setWindowTitle(self.tr("新しい引継書"))
        self._ws = workspace
        self.note_id = ""
        self._officers: list[OfficerRecord] = list_officers(workspace)
        self._pending = {p.officer_id: p for p in handover_alerts.pending(workspace)}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.from_officer = QComboBox()
        self.from_officer.setObjectName("handoverFromOfficer")
        self.to_officer = QComboBox()
        self.to_officer.setObjectName("handoverToOfficer")
        for o in self._officers:
            label = officer_label(o.data.name, o.data.section)
            self.from_officer.addItem(label, o.id)
            self.to_officer.addItem(label, o.id)
        self.handover_on = QLineEdit()
        self.handover_on.setObjectName("handoverDate")
        self.handover_on.setPlaceholderText(self.tr("例: 2027-03-25"))
        form.addRow(self.tr("前任（引き継ぐ職員）"), self.from_officer)
        form.addRow(self.tr("後任（引き継がれる職員）"), self.to_officer)
        form.addRow(self.tr("引継日"), self.handover_on)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("引き継ぐ団体・事業")))
        self.scope = QListWidget()
        self.scope.setObjectName("handoverScope")
        layout.addWidget(self.scope, 1)
        self.notice = QLabel()
        self.notice.setObjectName("newHandoverNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("作成"))
        self.ok_button.setObjectName("createHandoverButton")
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.from_officer.currentIndexChanged.connect(lambda _n: self._on_from_changed())
        index = self.from_officer.findData(officer_id) if officer_id else -1
        self.from_officer.setCurrentIndex(max(index, 0))
        self._on_from_changed()
        self.resize(520, 480)

    def _on_from_changed(self) -> None:
        officer_id = self.from_officer.currentData()
        record = next((o for o in self._officers if o.id == officer_id), None)
        if record is None:
            return
        if record.successor_id:
            self.to_officer.setCurrentIndex(max(self.to_officer.findData(record.successor_id), 0))
        day = record.transferred_on or date.today()
        self.handover_on.setText(to_wareki(day))  # typed either way (the one date parser)
        pending = self._pending.get(record.id)
        open_ids = set(pending.organization_ids + pending.project_ids) if pending else None
        orgs, projects = handover_alerts.responsibilities(self._ws, record.id)
        self.scope.clear()
        for kind, rows in ((ORGANIZATION, orgs), (PROJECT, projects)):
            for subject_id, name in rows:
                item = QListWidgetItem(f"{kind}: {name}")
                item.setData(KIND_ROLE, kind)
                item.setData(ID_ROLE, subject_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = open_ids is None or subject_id in open_ids
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.scope.addItem(item)

    def chosen(self, kind: str) -> list[str]:
        """The ticked subjects of ``kind`` (団体 / 事業), in the list's order."""
        found = []
        for n in range(self.scope.count()):
            item = self.scope.item(n)
            if item.checkState() == Qt.CheckState.Checked and item.data(KIND_ROLE) == kind:
                found.append(str(item.data(ID_ROLE)))
        return found

    def _create(self) -> None:
        try:
            day = parse_date(self.handover_on.text(), "handover_on")
            if day is None:
                raise ValidationError("handover_on", "引継日を入力してください")
            self.note_id = HandoverService(self._ws).create_note(
                str(self.from_officer.currentData()),
                str(self.to_officer.currentData()),
                day,
                self.chosen(ORGANIZATION),
                self.chosen(PROJECT),
            )
        except Exception as exc:  # a refusal is told in the dialog; a bug is logged there
            errors.show_inline(self.notice, exc, what="create handover note")
            return
        self.accept()
