"""The 対応記録 page of the organization form: the log of contacts with the group.

Like the contacts, each entry is stored at once through the service; the panel then sends
``changed`` and the dialog re-reads the lists (最終接触日 follows from the log).
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
    small_table,
)
from kyodo_desktop.services.organizations import InteractionRecord, OrganizationService


class InteractionsPanel(QWidget):
    """The interaction log with a small form to add an entry, and removal of the selected one.

    Signals: ``changed()`` after an entry was stored or removed.
    """

    changed = Signal()

    def __init__(
        self, service: OrganizationService, org_id: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._org_id = org_id
        layout = QVBoxLayout(self)
        self.model = InteractionTableModel(self)
        self.table = small_table("interactionTable", self.model, 2)
        layout.addWidget(self.table, 1)

        box = QGroupBox(self.tr("対応の記録"))
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
        grid.addWidget(QLabel(self.tr("内容")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._summary, 1, 1, 1, 5)
        self._error = error_label("interactionError")
        grid.addWidget(self._error, 2, 0, 1, 6)
        layout.addWidget(box)

        row = QHBoxLayout()
        row.addStretch(1)
        self._add_button = named(QPushButton(self.tr("記録を追加")), "addInteractionButton")
        self._add_button.clicked.connect(self._on_add_clicked)
        self._remove_button = named(QPushButton(self.tr("選択した記録を削除")), "removeInteractionButton")
        self._remove_button.clicked.connect(self._on_remove_clicked)
        for button in (self._add_button, self._remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self._reset_form()

    def set_records(self, records: list[InteractionRecord]) -> None:
        """Show the record's interaction log."""
        self.model.set_records(records)

    def set_editable(self, editable: bool) -> None:
        """Enable the buttons (a stored record in a writable window)."""
        for button in (self._add_button, self._remove_button):
            button.setEnabled(editable)

    def _reset_form(self) -> None:
        self._date.setText(date.today().isoformat())
        self._next.clear()
        self._summary.clear()

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
            next_action_on=next_on,
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
        if self._run(lambda: self._service.add_interaction(org_id, data)):
            self._reset_form()

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
        self._run(lambda: self._service.remove_interaction(record.id))
