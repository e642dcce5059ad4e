"""The 担当者 page of the organization form: the record's contact persons, added one by one.

Each change is stored at once through the service (it does not wait for the form's 保存); the
panel then sends ``changed`` and the dialog re-reads the lists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.organization import ContactInput
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.organizations.detail_models import ContactTableModel
from kyodo_desktop.gui.organizations.form_widgets import (
    error_label,
    named,
    run_child_change,
    selected_row,
)
from kyodo_desktop.gui.table_base import list_table
from kyodo_desktop.services.organizations import ContactRecord, OrganizationService


class ContactsPanel(QWidget):
    """The list of contact persons with a small form to add, update and remove one.

    Signals: ``changed()`` after a contact was stored or removed.
    """

    changed = Signal()

    def __init__(
        self, service: OrganizationService, org_id: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._org_id = org_id
        layout = QVBoxLayout(self)
        self.model = ContactTableModel(self)
        self.table = list_table("contactTable", self.model, 4, wrap=True)
        self.table.selectionModel().selectionChanged.connect(self._on_row_changed)
        layout.addWidget(self.table, 1)

        box = QGroupBox(self.tr("担当者の入力"))
        grid = QGridLayout(box)
        self._name = named(QLineEdit(), "contactNameEdit")
        self._kana = named(QLineEdit(), "contactKanaEdit")
        self._role = named(QLineEdit(), "contactRoleEdit")
        self._phone = named(QLineEdit(), "contactPhoneEdit")
        self._email = named(QLineEdit(), "contactEmailEdit")
        self._primary = named(QCheckBox(self.tr("主担当")), "contactPrimaryCheck")
        cells = (
            (self.tr("氏名"), self._name),
            (self.tr("フリガナ"), self._kana),
            (self.tr("役職"), self._role),
            (self.tr("電話"), self._phone),
            (self.tr("メール"), self._email),
        )
        for n, (label, edit) in enumerate(cells):
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            grid.addWidget(edit, n // 2, (n % 2) * 2 + 1)
        grid.addWidget(self._primary, 2, 3)
        self._error = error_label("contactError")
        grid.addWidget(self._error, 3, 0, 1, 4)
        layout.addWidget(box)

        row = QHBoxLayout()
        row.addStretch(1)
        self._add_button = named(QPushButton(self.tr("担当者を追加")), "addContactButton")
        self._add_button.clicked.connect(self._on_add_clicked)
        self._update_button = named(QPushButton(self.tr("選択した担当者を更新")), "updateContactButton")
        self._update_button.clicked.connect(self._on_update_clicked)
        self._remove_button = named(QPushButton(self.tr("選択した担当者を削除")), "removeContactButton")
        self._remove_button.clicked.connect(self._on_remove_clicked)
        for button in (self._add_button, self._update_button, self._remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)

    def set_records(self, records: list[ContactRecord]) -> None:
        """Show the record's contacts."""
        self.model.set_records(records)

    def set_editable(self, editable: bool) -> None:
        """Enable the buttons (a stored record in a writable window)."""
        for button in (self._add_button, self._update_button, self._remove_button):
            button.setEnabled(editable)

    def _input(self) -> ContactInput:
        return ContactInput(
            name=self._name.text(),
            kana=self._kana.text(),
            role=self._role.text(),
            phone=self._phone.text(),
            email=self._email.text(),
            is_primary=self._primary.isChecked(),
        )

    def _clear_form(self) -> None:
        for edit in (self._name, self._kana, self._role, self._phone, self._email):
            edit.clear()
        self._primary.setChecked(False)

    def _run(self, action: Callable[[], object]) -> bool:
        if not run_child_change(self._error, action):
            return False
        self.changed.emit()
        return True

    def _on_row_changed(self) -> None:
        row = selected_row(self.table)
        if row < 0:
            return
        data = self.model.record(row).data
        self._name.setText(data.name)
        self._kana.setText(data.kana)
        self._role.setText(data.role)
        self._phone.setText(data.phone)
        self._email.setText(data.email)
        self._primary.setChecked(data.is_primary)

    def _on_add_clicked(self) -> None:
        org_id, data = self._org_id(), self._input()
        if org_id is not None and self._run(lambda: self._service.add_contact(org_id, data)):
            self._clear_form()

    def _on_update_clicked(self) -> None:
        row = selected_row(self.table)
        if row < 0:
            self._error.setText(self.tr("更新する担当者を一覧で選んでください"))
            self._error.show()
            return
        contact_id, data = self.model.record(row).id, self._input()
        self._run(lambda: self._service.update_contact(contact_id, data))

    def _on_remove_clicked(self) -> None:
        row = selected_row(self.table)
        if row < 0:
            return
        record = self.model.record(row)
        if not dialogs.confirm(
            self,
            self.tr("担当者の削除"),
            self.tr("担当者「{name}」を削除しますか？").format(name=record.data.name),
            ok_text=self.tr("削除"),
        ):
            return
        if self._run(lambda: self._service.remove_contact(record.id)):
            self._clear_form()
