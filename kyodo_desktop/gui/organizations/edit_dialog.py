"""The organization form (団体の登録・編集), with its contact persons and interaction log.

The dialog is non-modal: an officer may keep several records open. Nothing is saved while a
field is invalid; each message is shown beside its field. A likely duplicate and a stale edit
(the record changed since it was opened) are explained inline, and the typed input is kept.

The dialog composes its panels: the fields (:mod:`.form_panel`), the contacts
(:mod:`.contacts_panel`), the interaction log (:mod:`.interactions_panel`), the record's
変更履歴 with 元に戻す (:mod:`kyodo_desktop.gui.history.view`) and the messages above them
(:mod:`.notice_panel`); it owns the record's id and version and the save.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from kyodo_desktop.domain.municipalities import CHIBA_MUNICIPALITIES, PREFECTURE, outside_the_list
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.commitments_panel import CommitmentsPanel
from kyodo_desktop.gui.history.view import HistoryPanel
from kyodo_desktop.gui.organizations.contacts_panel import ContactsPanel
from kyodo_desktop.gui.organizations.form_panel import OrganizationFormPanel
from kyodo_desktop.gui.organizations.form_widgets import selected_row
from kyodo_desktop.gui.organizations.interactions_panel import InteractionsPanel
from kyodo_desktop.gui.organizations.notice_panel import NoticePanel
from kyodo_desktop.gui.projects.org_projects import OrganizationProjectsPanel
from kyodo_desktop.gui.styles import SUCCESS_STYLE
from kyodo_desktop.persistence.errors import StaleEditError
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.officers import officer_label
from kyodo_desktop.services.organizations import (
    DuplicateOrganizationError,
    OrganizationRecord,
    OrganizationService,
)

log = logging.getLogger(__name__)

#: The index of the 対応記録 tab (the home tab's 対応を記録 opens the form on it).
_INTERACTIONS_TAB = 2
#: The index of the 変更履歴 tab (read when shown, so an open form costs no history read).
_HISTORY_TAB = 3
#: The index of the 事業 tab (read when shown, like the history).
_PROJECTS_TAB = 4
#: The index of the 約束・宿題 tab (read when shown, like the history).
_COMMITMENTS_TAB = 5


class OrganizationDialog(QDialog):
    """Form for one organization: new when ``org_id`` is None, else the stored record.

    Signals: ``organization_saved(str)`` with the id after the record, a contact or an
    interaction was stored; ``open_existing_requested(str)`` when the officer chooses to open
    a record the duplicate check found; ``project_requested(str)`` with the id of a project
    double-clicked in the 事業 tab.
    """

    organization_saved = Signal(str)
    open_existing_requested = Signal(str)
    project_requested = Signal(str)

    def __init__(
        self,
        service: OrganizationService,
        org_id: str | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("organizationDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._service = service
        self._org_id = org_id
        self._version = 0
        self._updated_at: str | None = None
        self._read_only = read_only
        self._dirty = False
        self._build()
        if org_id is not None:
            self._load_record(service.get(org_id))
        else:
            self._update_title("")
        self._apply_mode()
        self.resize(960, 760)
        self._form.focus_name()

    # -- public -------------------------------------------------------------------------------
    @property
    def org_id(self) -> str | None:
        """The record's id (None until a new record is first saved)."""
        return self._org_id

    @property
    def version(self) -> int:
        """The version the form was loaded from (what a save expects to find)."""
        return self._version

    @property
    def has_unsaved_changes(self) -> bool:
        """Whether the form holds edits not saved yet."""
        return self._dirty and not self._read_only

    def save(self, *, allow_duplicate: bool = False) -> bool:
        """Validate and store the form; True when saved. Problems are shown inline."""
        if self._read_only:
            return False
        self._clear_messages()
        try:
            data = self._form.collect()
        except ValidationErrors as found:
            self._show_errors(found)
            return False
        try:
            officer_id = self._form.responsible_officer_id()
            if self._org_id is None:
                self._org_id = self._service.create(
                    data, allow_duplicate=allow_duplicate, responsible_officer_id=officer_id
                )
            else:
                self._service.update(
                    self._org_id,
                    data,
                    expected_version=self._version,
                    expected_updated_at=self._updated_at,
                    allow_duplicate=allow_duplicate,
                    responsible_officer_id=officer_id,
                )
        except ValidationErrors as found:
            self._show_errors(found)
            return False
        except DuplicateOrganizationError as exc:
            self._notices.show_duplicates(exc)
            return False
        except StaleEditError as exc:
            self._notices.show_stale(str(exc))
            return False
        except Exception as exc:  # a locked, full or read-only file: say so, keep the input
            text = errors.known_text(exc)
            if text is None:
                raise
            self._notices.show_error(text)
            return False
        log.info("organization saved: %s", self._org_id)
        self._load_record(self._service.get(self._org_id))
        self._apply_mode()
        self._status_label.setText(self.tr("保存しました（版 {version}）").format(version=self._version))
        if self._tabs.currentIndex() == _HISTORY_TAB:
            self._history.refresh()
        self.organization_saved.emit(self._org_id)
        return True

    def reload_latest(self) -> None:
        """Discard the form and show the record as stored now."""
        if self._org_id is None:
            return
        self._clear_messages()
        self._load_record(self._service.get(self._org_id))
        self._status_label.setText(
            self.tr("最新の内容を読み込みました（版 {version}）").format(version=self._version)
        )

    def reject(self) -> None:
        """Esc / 閉じる: ask before throwing away unsaved edits."""
        if self.has_unsaved_changes and not dialogs.confirm(
            self,
            self.tr("未保存の変更"),
            self.tr("保存していない変更があります。破棄して閉じますか？"),
            ok_text=self.tr("破棄して閉じる"),
        ):
            return
        super().reject()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)

        self._notices = NoticePanel()
        self._notices.reload_requested.connect(self.reload_latest)
        self._notices.save_anyway_requested.connect(self._on_save_anyway_clicked)
        self._notices.open_existing_requested.connect(self.open_existing_requested)
        root.addWidget(self._notices)

        self._form = OrganizationFormPanel()
        self._form.set_officers(
            [
                (o.id, officer_label(o.data.name, o.data.section))
                for o in officers.list_officers(self._service.ws)
            ]
        )
        self._form.edited.connect(self._on_edited)
        self._contacts = ContactsPanel(self._service, lambda: self._org_id)
        self._contacts.changed.connect(self._after_child_change)
        self._interactions = InteractionsPanel(self._service, lambda: self._org_id)
        self._interactions.changed.connect(self._after_child_change)

        self._tabs = QTabWidget()
        self._tabs.setObjectName("dialogTabs")
        self._tabs.addTab(self._form, self.tr("団体情報"))
        self._tabs.addTab(self._contacts, self.tr("担当者"))
        self._tabs.addTab(self._interactions, self.tr("対応記録"))
        self._history = HistoryPanel(self._service.ws, lambda: self._org_id)
        self._history.undone.connect(self._on_history_undone)
        self._tabs.addTab(self._history, self.tr("変更履歴"))
        self._projects = OrganizationProjectsPanel(self._service.ws, lambda: self._org_id)
        self._projects.project_requested.connect(self.project_requested)
        self._tabs.addTab(self._projects, self.tr("事業"))
        self._commitments = CommitmentsPanel(self._service.ws, lambda: self._org_id)
        self._tabs.addTab(self._commitments, self.tr("約束・宿題"))
        self.make_commitment_action = QAction(self.tr("約束・宿題にする"), self._interactions.table)
        self.make_commitment_action.triggered.connect(self._on_make_commitment)
        self._interactions.table.addAction(self.make_commitment_action)
        self._interactions.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._tabs.currentChanged.connect(self._on_tab_changed)
        root.addWidget(self._tabs, 1)

        buttons = QHBoxLayout()
        self._status_label = QLabel()
        self._status_label.setObjectName("statusLabel")
        self._status_label.setStyleSheet(SUCCESS_STYLE)
        buttons.addWidget(self._status_label, 1)
        self._save_button = QPushButton(self.tr("保存"))
        self._save_button.setObjectName("saveButton")
        self._save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self._save_button.clicked.connect(self._on_save_clicked)
        self._cancel_button = QPushButton(self.tr("閉じる"))
        self._cancel_button.setObjectName("cancelButton")
        self._cancel_button.setToolTip(self.tr("閉じる（Esc）"))
        self._cancel_button.clicked.connect(self.reject)
        for button in (self._save_button, self._cancel_button):
            button.setAutoDefault(False)  # Enter in a field must not save half a form
            buttons.addWidget(button)
        root.addLayout(buttons)

        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.activated.connect(self._on_save_clicked)

    # -- modes and loading ----------------------------------------------------------------------
    def _apply_mode(self) -> None:
        editable = not self._read_only
        self._form.set_read_only(not editable)
        self._save_button.setEnabled(editable)
        stored = self._org_id is not None
        self._commitments.read_only = self._read_only
        for index in (1, 2, _HISTORY_TAB, _PROJECTS_TAB, _COMMITMENTS_TAB):
            self._tabs.setTabEnabled(index, stored)
            self._tabs.setTabToolTip(index, "" if stored else self.tr("団体を保存すると登録できます"))
        self._contacts.set_editable(editable and stored)
        self._interactions.set_editable(editable and stored)
        if self._read_only:
            self._notices.set_notice(self.tr("閲覧専用で開いています。変更は保存できません。"))

    def _load_record(self, record: OrganizationRecord) -> None:
        self._org_id = record.id
        self._version = record.version
        self._updated_at = record.updated_at
        self._form.populate(record.data)
        self._form.show_officer(record.responsible_officer_id, record.responsible_officer)
        self._dirty = False
        self._contacts.set_records(record.contacts)
        self._interactions.set_contacts(record.contacts)
        self._interactions.set_records(record.interactions)
        self._update_title(record.data.name)
        if not self._read_only:
            self._notices.set_notice(self.tr("この団体はゴミ箱にあります。"), record.deleted_at is not None)
        self._notices.set_warning(self._municipality_warning(record.data))

    def _municipality_warning(self, data: OrganizationInput) -> str:
        """「横浜市」は千葉県の市町村一覧（54市町村）にありません… for a name kept as typed, else ""."""
        if not outside_the_list(data.municipality_code, data.municipality_name):
            return ""
        return self.tr(
            "「{name}」は{prefecture}の市町村一覧（{count}市町村）にありません。"
            "県外の団体でなければ市町村を確認してください。"
        ).format(name=data.municipality_name, prefecture=PREFECTURE, count=len(CHIBA_MUNICIPALITIES))

    def _update_title(self, name: str) -> None:
        if self._org_id is None:
            self.setWindowTitle(self.tr("新しい団体の登録"))
        else:
            self.setWindowTitle(self.tr("団体の編集 — {name}").format(name=name))

    # -- messages -------------------------------------------------------------------------------
    def _clear_messages(self) -> None:
        self._form.clear_errors()
        self._notices.clear()
        self._status_label.clear()

    def _show_errors(self, found: ValidationErrors) -> None:
        self._tabs.setCurrentIndex(0)  # before the focus moves to the first bad field
        unplaced = self._form.show_errors(found)
        if unplaced:
            self._notices.show_error("\n".join(unplaced))

    # -- slots ----------------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._dirty = True
        self._status_label.clear()

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_save_anyway_clicked(self) -> None:
        self.save(allow_duplicate=True)

    def show_interactions(self) -> None:
        """Bring the 対応記録 tab forward (the home tab's 対応を記録)."""
        self._tabs.setCurrentIndex(_INTERACTIONS_TAB)

    def _on_tab_changed(self, index: int) -> None:
        if index == _HISTORY_TAB:
            self._history.refresh()
        elif index == _PROJECTS_TAB:
            self._projects.refresh()
        elif index == _COMMITMENTS_TAB:
            self._commitments.refresh()

    def _on_make_commitment(self) -> None:
        """約束・宿題にする on a 対応記録: a commitment with its summary and 次回対応日, shown in its tab."""
        row = selected_row(self._interactions.table)
        if row < 0 or self._read_only:
            return
        try:
            CommitmentService(self._service.ws).add_from_interaction(self._interactions.model.record(row).id)
        except Exception as exc:
            errors.show_error(
                self, self.tr("約束・宿題にできません"), exc, what="commitment from interaction"
            )
            return
        self._commitments.refresh()
        self._tabs.setCurrentIndex(_COMMITMENTS_TAB)

    def _on_history_undone(self, org_id: str) -> None:
        """A change was undone: show the stored record unless the officer is typing edits.

        Typed edits are kept; their save is then refused as stale (the undo bumped the
        version), with the offer to load the latest.
        """
        if not self._dirty:
            self.reload_latest()
        self.organization_saved.emit(org_id)

    def _after_child_change(self) -> None:
        """Refresh the lists after a contact/interaction change stored by the service.

        Contacts and interactions never change the record's version (最終接触日 is derived), so
        the form keeps its version: if someone else saved meanwhile, its next save is refused.
        """
        assert self._org_id is not None
        record = self._service.get(self._org_id)
        self._contacts.set_records(record.contacts)
        self._interactions.set_contacts(record.contacts)
        self._interactions.set_records(record.interactions)
        self.organization_saved.emit(self._org_id)
