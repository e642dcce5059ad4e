"""The 対応記録 page of the organization form: the log of contacts with the group.

Like the contacts, each entry is stored at once through the service; the panel then sends
``changed`` and the dialog re-reads the lists (最終接触日 follows from the log). An entry can be
corrected: 修正 (or a double-click) loads it into the form, and 修正を保存 stores it through
:class:`InteractionService` with the version it was read at, so a correction made meanwhile by
someone else is refused and the typed text kept. Each entry may name one of the group's 担当者.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.fields import InteractionKind
from kyodo_desktop.domain.organization import InteractionInput
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.organizations.detail_models import InteractionTableModel
from kyodo_desktop.gui.organizations.form_widgets import (
    DATE_PLACEHOLDER,
    date_or_error,
    error_label,
    join_messages,
    named,
    run_child_change,
    selected_row,
)
from kyodo_desktop.gui.table_base import list_table
from kyodo_desktop.persistence.errors import StaleEditError
from kyodo_desktop.services.interactions import InteractionService
from kyodo_desktop.services.organizations import ContactRecord, InteractionRecord, OrganizationService


class InteractionsPanel(QWidget):
    """The interaction log with a small form to add or correct an entry, and removal of one.

    Signals: ``changed()`` after an entry was stored or removed.
    """

    changed = Signal()

    def __init__(
        self, service: OrganizationService, org_id: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._corrections = InteractionService(service.ws)
        self._org_id = org_id
        #: the entry being corrected (None while the form adds a new one)
        self._editing: InteractionRecord | None = None
        layout = QVBoxLayout(self)
        self.model = InteractionTableModel(self)
        self.table = list_table("interactionTable", self.model, 2, wrap=True)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        layout.addWidget(self.table, 1)

        self._box = box = named(QGroupBox(self.tr("対応の記録")), "interactionBox")
        grid = QGridLayout(box)
        self._date = named(QLineEdit(), "interactionDateEdit")
        self._date.setPlaceholderText(self.tr(DATE_PLACEHOLDER))
        self._kind = named(QComboBox(), "interactionKindCombo")
        for kind in InteractionKind:
            self._kind.addItem(self.tr(kind.value), kind.value)
        self._next = named(QLineEdit(), "interactionNextEdit")
        self._next.setPlaceholderText(self.tr("未定なら空欄"))
        self._summary = named(QPlainTextEdit(), "interactionSummaryEdit")
        self._summary.setFixedHeight(64)
        grid.addWidget(QLabel(self.tr("対応日")), 0, 0)
        grid.addWidget(self._date, 0, 1)
        grid.addWidget(QLabel(self.tr("種類")), 0, 2)
        grid.addWidget(self._kind, 0, 3)
        grid.addWidget(QLabel(self.tr("次回対応日")), 0, 4)
        grid.addWidget(self._next, 0, 5)
        self._officer = named(QLineEdit(), "interactionOfficerEdit")
        self._officer.setPlaceholderText(self.tr("空欄なら自分の名前"))
        self._contact = named(QComboBox(), "interactionContactCombo")
        grid.addWidget(QLabel(self.tr("職員")), 1, 0)
        grid.addWidget(self._officer, 1, 1)
        grid.addWidget(QLabel(self.tr("先方の担当者")), 1, 2)
        grid.addWidget(self._contact, 1, 3, 1, 3)
        grid.addWidget(QLabel(self.tr("内容")), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._summary, 2, 1, 1, 5)
        self._error = error_label("interactionError")
        grid.addWidget(self._error, 3, 0, 1, 6)
        layout.addWidget(box)

        row = QHBoxLayout()
        row.addStretch(1)
        self._add_button = named(QPushButton(self.tr("記録を追加")), "addInteractionButton")
        self._add_button.clicked.connect(self._on_add_clicked)
        self._cancel_edit_button = named(QPushButton(self.tr("修正をやめる")), "cancelInteractionEditButton")
        self._cancel_edit_button.clicked.connect(self._reset_form)
        self._edit_button = named(QPushButton(self.tr("選択した記録を修正")), "editInteractionButton")
        self._edit_button.clicked.connect(self._on_edit_clicked)
        self._remove_button = named(QPushButton(self.tr("選択した記録を削除")), "removeInteractionButton")
        self._remove_button.clicked.connect(self._on_remove_clicked)
        for button in (self._add_button, self._cancel_edit_button, self._edit_button, self._remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self._contacts: list[ContactRecord] = []
        self.set_contacts([])
        self._reset_form()

    def set_records(self, records: list[InteractionRecord]) -> None:
        """Show the record's interaction log."""
        self.model.set_records(records)

    def set_contacts(self, contacts: list[ContactRecord]) -> None:
        """The organization's 担当者, offered in the form and named in the list."""
        self._contacts = list(contacts)
        self.model.set_contact_names({c.id: c.data.name for c in contacts})
        chosen = self._contact.currentData()
        self._contact.clear()
        self._contact.addItem(self.tr("（指定なし）"), None)
        for contact in contacts:
            self._contact.addItem(contact.data.name, contact.id)
        self._choose_contact(chosen)

    def set_editable(self, editable: bool) -> None:
        """Enable the buttons (a stored record in a writable window)."""
        for button in (self._add_button, self._edit_button, self._remove_button, self._cancel_edit_button):
            button.setEnabled(editable)

    @property
    def editing(self) -> InteractionRecord | None:
        """The entry loaded for correction, or None while the form adds a new one."""
        return self._editing

    def _choose_contact(self, contact_id: str | None) -> None:
        index = self._contact.findData(contact_id) if contact_id else 0
        self._contact.setCurrentIndex(max(index, 0))

    def _reset_form(self) -> None:
        self._editing = None
        self._date.setText(date.today().isoformat())
        self._next.clear()
        self._summary.clear()
        self._officer.clear()
        self._choose_contact(None)
        self._error.hide()
        self._box.setTitle(self.tr("対応の記録"))
        self._add_button.setText(self.tr("記録を追加"))
        self._cancel_edit_button.hide()

    def _load_for_correction(self, record: InteractionRecord) -> None:
        d = record.data
        self._editing = record
        self._date.setText(d.occurred_on.isoformat())
        self._kind.setCurrentIndex(max(self._kind.findData(d.kind), 0))
        self._next.setText(d.next_action_on.isoformat() if d.next_action_on else "")
        self._summary.setPlainText(d.summary)
        self._officer.setText(d.officer)
        self._choose_contact(d.contact_id)
        self._error.hide()
        self._box.setTitle(self.tr("対応記録の修正（{day}）").format(day=d.occurred_on.isoformat()))
        self._add_button.setText(self.tr("修正を保存"))
        self._cancel_edit_button.show()

    def _input(self) -> InteractionInput:
        found: list[ValidationError] = []
        occurred = date_or_error(self._date.text(), "occurred_on", found)
        next_on = date_or_error(self._next.text(), "next_action_on", found)
        if occurred is None and not found:
            found.append(ValidationError("occurred_on", "日付は必須です"))
        if found or occurred is None:
            raise ValidationErrors(found)
        return InteractionInput(
            occurred_on=occurred,
            kind=str(self._kind.currentData() or ""),
            summary=self._summary.toPlainText(),
            officer=self._officer.text(),
            next_action_on=next_on,
            contact_id=self._contact.currentData() or None,
        )

    def _run(self, action: Callable[[], object]) -> bool:
        if not run_child_change(self._error, action):
            return False
        self.changed.emit()
        return True

    def _on_add_clicked(self) -> None:
        org_id = self._org_id()
        if org_id is None:
            return
        try:
            data = self._input()
        except ValidationErrors as found:
            self._error.setText(join_messages(found))
            self._error.show()
            return
        editing = self._editing
        if editing is None:
            if self._run(lambda: self._service.add_interaction(org_id, data)):
                self._reset_form()
            return
        stale: list[StaleEditError] = []

        def correct() -> None:
            try:
                self._corrections.update(editing.id, data, expected_version=editing.version)
            except StaleEditError as exc:
                stale.append(exc)
                raise

        if self._run(correct):
            self._reset_form()
        elif stale:
            # the list shows the entry as it is now; the typed correction stays in the form
            self.changed.emit()

    def _on_edit_clicked(self) -> None:
        row = selected_row(self.table)
        if row < 0 or not self._edit_button.isEnabled():
            return
        self._load_for_correction(self.model.record(row))

    def _on_remove_clicked(self) -> None:
        row = selected_row(self.table)
        if row < 0:
            return
        record = self.model.record(row)
        if not dialogs.confirm(
            self,
            self.tr("対応記録の削除"),
            self.tr("{day} の対応記録を削除しますか？").format(day=record.data.occurred_on.isoformat()),
            ok_text=self.tr("削除"),
        ):
            return
        if self._run(lambda: self._service.remove_interaction(record.id)) and (
            self._editing is not None and self._editing.id == record.id
        ):
            self._reset_form()
