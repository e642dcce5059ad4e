"""The 約束・宿題 page of an organization or a project: its commitments, 追加…, 編集… (double-click,
F2), 削除 (Delete, after asking; 元に戻す / Ctrl+Z takes the last one back) and 状況を変更.

The list shows 期限, 内容, 担当 and 状況, the open items first; an open item past its due date is
marked (⚠ and red). Everything is stored through
:class:`~kyodo_desktop.services.commitments.CommitmentService` (audited); a status change made
on a list read before someone else changed the item is refused as stale and told in Japanese
through :mod:`kyodo_desktop.gui.errors`, then the list is read again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.handover import COMMITMENT_SOURCES, COMMITMENT_STATUSES
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.i18n import label
from kyodo_desktop.gui.organizations.form_widgets import (
    DATE_PLACEHOLDER,
    date_or_error,
    error_label,
    named,
    run_child_change,
    selected_row,
)
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel, list_table

if TYPE_CHECKING:
    from kyodo_desktop.services.commitments import CommitmentRecord
    from kyodo_desktop.services.workspace import Workspace

#: The statuses as shown (the stored values stay Japanese).
_STATUS_LABELS = (
    QT_TRANSLATE_NOOP("CommitmentStatus", "未着手"),
    QT_TRANSLATE_NOOP("CommitmentStatus", "対応中"),
    QT_TRANSLATE_NOOP("CommitmentStatus", "完了"),
    QT_TRANSLATE_NOOP("CommitmentStatus", "取り下げ"),
)
_OVERDUE = QColor("#c62828")
#: The source of the commitments a handover note makes (the successor's introduction meeting).
HANDOVER_SOURCE = COMMITMENT_SOURCES[2]


def status_label(status: str) -> str:
    """A stored status as shown."""
    return label("CommitmentStatus", status)


def _status_combo(name: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for status in COMMITMENT_STATUSES:
        combo.addItem(status_label(status), status)
    return combo


class CommitmentTableModel(RowsTableModel["CommitmentRecord"]):
    """The commitments of one subject: open ones first, each group by due date."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("期限"), self.tr("内容"), self.tr("担当"), self.tr("状況")]
        self.today = date.today()

    @property
    def records(self) -> list[CommitmentRecord]:
        """The commitments shown, in their order."""
        return self.rows

    def set_records(self, records: list[CommitmentRecord]) -> None:
        """Show ``records`` (as the service orders them: by due date, undated last)."""
        self.today = date.today()
        self.set_rows(records)

    def _arranged(self, rows: list[CommitmentRecord]) -> list[CommitmentRecord]:
        return sorted(rows, key=lambda r: not r.is_open)  # stable: due order kept

    def is_overdue(self, row: int) -> bool:
        """An open item whose due date has passed."""
        r = self._rows[row]
        return r.is_open and r.due_on is not None and r.due_on < self.today

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        r = self._rows[row]
        if column == 0:
            day = to_wareki(r.due_on) if r.due_on else self.tr("（期限なし）")
            return ("⚠ " + day) if self.is_overdue(row) else day
        if column == 1:
            return r.text
        if column == 2:
            return r.owner or self.tr("（未定）")
        return status_label(r.status)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.row_at(index.row()) is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(index.row()):
            return _OVERDUE
        return None


class CommitmentDialog(QDialog):
    """追加… (or, given ``record``, 編集…): text, owner (an officer or none), due date, status;
    追加 / 保存 calls ``store(text, owner_id, due_on, status)``, a problem (an empty text, a date
    that is not one) is shown in the dialog in Japanese and the input kept."""

    def __init__(
        self,
        store: Callable[[str, str | None, date | None, str], object],
        owners: list[tuple[str, str]],
        parent: QWidget | None = None,
        record: CommitmentRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentDialog")
        self.setWindowTitle(self.tr("約束・宿題の追加") if record is None else self.tr("約束・宿題の編集"))
        self._store = store
        form = QFormLayout()
        self.text_edit = named(QLineEdit(), "commitmentTextEdit")
        self.owner_combo = named(QComboBox(), "commitmentOwnerCombo")
        self.owner_combo.addItem(self.tr("（未定）"), None)
        for officer_id, name in owners:
            self.owner_combo.addItem(name, officer_id)
        self.due_edit = named(QLineEdit(), "commitmentDueEdit")
        self.due_edit.setPlaceholderText(
            self.tr("期限なしなら空欄") + " / " + label("OrganizationFormPanel", DATE_PLACEHOLDER)
        )
        self.status_combo = _status_combo("commitmentStatusCombo")
        form.addRow(self.tr("内容"), self.text_edit)
        form.addRow(self.tr("担当"), self.owner_combo)
        form.addRow(self.tr("期限"), self.due_edit)
        form.addRow(self.tr("状況"), self.status_combo)
        self.error = error_label("commitmentError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok_text = self.tr("追加") if record is None else self.tr("保存")
        self.ok_button = named(
            buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole), "commitmentOkButton"
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if record is not None:
            self._fill(record)

    def _fill(self, record: CommitmentRecord) -> None:
        self.text_edit.setText(record.text)
        if record.owner_officer_id is not None and self.owner_combo.findData(record.owner_officer_id) < 0:
            # an owner no longer listed (moved to the trash) stays chosen, not silently dropped
            self.owner_combo.addItem(record.owner or record.owner_officer_id, record.owner_officer_id)
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(record.owner_officer_id), 0))
        self.due_edit.setText(to_wareki(record.due_on) if record.due_on else "")  # typed either way
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(record.status), 0))

    def _on_ok(self) -> None:
        found: list[ValidationError] = []
        if not self.text_edit.text().strip():
            found.append(ValidationError("text", self.tr("約束・宿題の内容を入力してください")))
        due = date_or_error(self.due_edit.text(), "due_on", found)

        def store() -> None:
            if found:
                raise ValidationErrors(found)
            owner, status = self.owner_combo.currentData(), str(self.status_combo.currentData())
            self._store(self.text_edit.text(), owner, due, status)

        if run_child_change(self.error, store):
            self.accept()


class CommitmentsPanel(QWidget):
    """The commitments of the organization (or, with ``of_project``, the project) ``subject()``
    names; read again by :meth:`refresh` and whenever the page is shown. Without a writable workspace the buttons are disabled.

    Signals: ``changed()`` after a commitment was added, corrected, deleted, taken back or its
    status changed.
    """

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace | None,
        subject: Callable[[], str | None],
        *,
        of_project: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentsPanel")
        self._ws = workspace
        self._subject = subject
        self._of_project = of_project
        #: set by a form opened 閲覧専用 (the buttons then stay disabled)
        self.read_only = False
        self.model = CommitmentTableModel(self)
        self.table = list_table("commitmentTable", self.model, 1, wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = named(QPushButton(self.tr("追加…")), "addCommitmentButton")
        self.add_button.clicked.connect(self.add_commitment)
        self.edit_button = named(QPushButton(self.tr("編集…")), "editCommitmentButton")
        self.edit_button.setToolTip(self.tr("選んだ約束・宿題を直す（ダブルクリック・F2でも）"))
        self.edit_button.clicked.connect(self.edit_commitment)
        self.delete_button = named(QPushButton(self.tr("削除")), "deleteCommitmentButton")
        self.delete_button.setToolTip(self.tr("選んだ約束・宿題を削除する（Delete）。Ctrl+Zで元に戻せます"))
        self.delete_button.clicked.connect(self.delete_commitment)
        self.undo_button = named(QPushButton(self.tr("元に戻す")), "undoCommitmentDeleteButton")
        self.undo_button.setToolTip(self.tr("最後に削除した約束・宿題を元に戻す（Ctrl+Z）"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.status_combo = _status_combo("changeStatusCombo")
        self.status_button = named(QPushButton(self.tr("状況を変更")), "changeStatusButton")
        self.status_button.setToolTip(self.tr("選んだ約束・宿題の状況を、左で選んだものにする"))
        self.status_button.clicked.connect(self.change_status)
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            row.addWidget(button)
            button.setAutoDefault(False)
        row.addWidget(self.status_combo)
        row.addWidget(self.status_button)
        self.status_button.setAutoDefault(False)
        layout.addLayout(row)
        #: the commitments deleted here, the last one first taken back by 元に戻す
        self._deleted: list[str] = []
        self._shown_subject: str | None = None
        self._shortcuts()
        self.table.doubleClicked.connect(lambda _index: self.edit_commitment())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._update_buttons()

    def _shortcuts(self) -> None:
        # on the list only (Delete in the dialog's text fields deletes characters)
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_commitment),
            (Qt.Key.Key_F2, self.edit_commitment),
        ):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_delete)

    def _service(self) -> Any:
        from kyodo_desktop.services.commitments import CommitmentService  # the database layer, late

        assert self._ws is not None
        return CommitmentService(self._ws)

    def _scope(self) -> dict[str, str | None]:
        subject = self._subject()
        return {"project_id": subject} if self._of_project else {"organization_id": subject}

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list again each time the page comes into view: commitments are also made
        elsewhere (the 評価 tab's 約束・宿題にする, a handover's introduction meeting) while the
        page stays the current one of its tab widget."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        """Read the subject's commitments again (none without a subject)."""
        if self._subject() != self._shown_subject:  # another subject: nothing of it to undo
            self._shown_subject = self._subject()
            self._deleted.clear()
        if self._ws is None or self._subject() is None:
            self.model.set_records([])
        else:
            self.model.set_records(self._service().of(**self._scope()))
        self._update_buttons()

    def selected(self) -> CommitmentRecord | None:
        """The commitment chosen in the list."""
        row = selected_row(self.table)
        return self.model.records[row] if 0 <= row < len(self.model.records) else None

    def _editable(self) -> bool:
        return (
            not self.read_only and self._ws is not None and self._ws.writable and self._subject() is not None
        )

    def _update_buttons(self, *_args: object) -> None:
        self.add_button.setEnabled(self._editable())
        chosen = self._editable() and self.selected() is not None
        for widget in (self.edit_button, self.delete_button, self.status_combo, self.status_button):
            widget.setEnabled(chosen)
        self.undo_button.setEnabled(self._editable() and bool(self._deleted))

    def _on_selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(chosen.status), 0))
        self._update_buttons()

    def add_commitment(self) -> CommitmentDialog | None:
        """追加…: the dialog adding a commitment (shown, not waited for)."""
        if not self._editable() or self._ws is None:
            return None
        service, scope = self._service(), self._scope()

        def store(text: str, owner: str | None, due: date | None, status: str) -> None:
            new_id = service.add(text, owner_officer_id=owner, due_on=due, **scope)
            if status != COMMITMENT_STATUSES[0]:  # a new item starts 未着手 (版1)
                service.set_status(new_id, status, expected_version=1)

        return self._open_dialog(store)

    def edit_commitment(self) -> CommitmentDialog | None:
        """編集…: the dialog correcting the selected commitment (a stale one is refused in it)."""
        chosen = self.selected()
        if chosen is None or not self._editable():
            return None
        service = self._service()

        def store(text: str, owner: str | None, due: date | None, status: str) -> None:
            service.update(
                chosen.id, chosen.version, text=text, owner_officer_id=owner, due_on=due, status=status
            )

        return self._open_dialog(store, chosen)

    def _open_dialog(
        self,
        store: Callable[[str, str | None, date | None, str], object],
        record: CommitmentRecord | None = None,
    ) -> CommitmentDialog:
        from kyodo_desktop.services import officers

        assert self._ws is not None
        owners = [
            (o.id, officers.officer_label(o.data.name, o.data.section))
            for o in officers.list_officers(self._ws)
        ]
        dialog = CommitmentDialog(store, owners, self, record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def delete_commitment(self) -> bool:
        """削除: the selected commitment goes to the trash after asking (元に戻す / Ctrl+Z takes it back)."""
        chosen = self.selected()
        if chosen is None or not self._editable():
            return False
        question = self.tr("約束・宿題「{text}」を削除しますか？（元に戻す・Ctrl+Zで戻せます）").format(
            text=chosen.text
        )
        if chosen.source == HANDOVER_SOURCE:
            question = self._from_handover(chosen) + "\n\n" + question
        if not dialogs.confirm(self, self.tr("約束・宿題"), question, ok_text=self.tr("削除")):
            return False
        try:
            self._service().delete(chosen.id, chosen.version)
        except Exception as exc:
            errors.show_error(self, self.tr("削除できません"), exc, what="commitment delete")
            self.refresh()
            return False
        self._deleted.append(chosen.id)
        self._after_change()
        return True

    def _from_handover(self, chosen: CommitmentRecord) -> str:
        """The sentence telling that ``chosen`` came from a handover note (its date and officers
        when the note can be read)."""
        from kyodo_desktop.services.handover import HandoverService  # the database layer, late

        assert self._ws is not None
        try:
            note = HandoverService(self._ws).get(chosen.source_id)
        except Exception as exc:  # the note gone: the sentence without its particulars
            if errors.known_text(exc) is None:
                raise
            where = self.tr("もとの引継書")
        else:
            where = self.tr("{day}の引継書（{before}さんから{after}さんへ）").format(
                day=to_wareki(note.handover_on), before=note.from_officer, after=note.to_officer
            )
        return self.tr(
            "この約束・宿題は、{where}でパートナーが同席しなかったために作られた後任の紹介の場です。"
            "削除すると、引継書には紹介の予定が削除されたと表示されます。"
            "紹介が要らなくなったのなら、状況を「取り下げ」にすることもできます。"
        ).format(where=where)

    def undo_delete(self) -> bool:
        """元に戻す: the commitment deleted last here comes back."""
        if not self._deleted or not self._editable():
            return False
        commitment_id = self._deleted.pop()
        try:
            self._service().restore(commitment_id)
        except Exception as exc:
            errors.show_error(self, self.tr("元に戻せません"), exc, what="commitment restore")
            self.refresh()
            return False
        self._after_change()
        row = next((n for n, r in enumerate(self.model.records) if r.id == commitment_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        return True

    def change_status(self) -> bool:
        """状況を変更: the selected commitment gets the status chosen beside the button."""
        chosen = self.selected()
        if chosen is None or not self._editable():
            return False
        status = str(self.status_combo.currentData())
        try:
            self._service().set_status(chosen.id, status, expected_version=chosen.version)
        except Exception as exc:
            errors.show_error(self, self.tr("状況を変更できません"), exc, what="commitment status")
            self.refresh()
            return False
        self._after_change()
        return True

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
