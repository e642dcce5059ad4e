"""The organization form (団体の登録・編集), with its contact persons and interaction log.

The dialog is non-modal: an officer may keep several records open. Nothing is saved while a
field is invalid; each message is shown beside its field. A likely duplicate and a stale edit
(the record changed since it was opened) are explained inline, and the typed input is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.fields import (
    ACTIVITY_FIELD_SHORT,
    ACTIVITY_FIELDS,
    LEGAL_FORMS,
    InteractionKind,
    OrgStatus,
)
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.municipalities import CHIBA_MUNICIPALITIES
from kyodo_desktop.domain.organization import (
    ContactInput,
    InteractionInput,
    OrganizationInput,
    validate_organization,
)
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors, parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.organizations.detail_models import ContactTableModel, InteractionTableModel
from kyodo_desktop.gui.styles import (
    ERROR_COLORS,
    ERROR_STYLE,
    HINT_STYLE,
    INFO_COLORS,
    SUCCESS_STYLE,
    WARNING_COLORS,
    panel_style,
)
from kyodo_desktop.persistence.errors import KnownError, StaleEditError, known_database_error
from kyodo_desktop.services.organizations import (
    DuplicateOrganizationError,
    OrganizationRecord,
    OrganizationService,
)

log = logging.getLogger(__name__)


# (attribute, label, objectName, placeholder) of the one-line text fields.
_TEXT_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    (
        "name",
        QT_TRANSLATE_NOOP("OrganizationDialog", "団体名"),
        "nameEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: NPO法人 みどりの会"),
    ),
    (
        "kana",
        QT_TRANSLATE_NOOP("OrganizationDialog", "フリガナ"),
        "kanaEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: ミドリノカイ"),
    ),
    (
        "corporate_number",
        QT_TRANSLATE_NOOP("OrganizationDialog", "法人番号"),
        "corporateNumberEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "13桁"),
    ),
    ("representative", QT_TRANSLATE_NOOP("OrganizationDialog", "代表者"), "representativeEdit", ""),
    (
        "representative_kana",
        QT_TRANSLATE_NOOP("OrganizationDialog", "代表者フリガナ"),
        "representativeKanaEdit",
        "",
    ),
    (
        "postal_code",
        QT_TRANSLATE_NOOP("OrganizationDialog", "郵便番号"),
        "postalEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: 260-8667"),
    ),
    (
        "address",
        QT_TRANSLATE_NOOP("OrganizationDialog", "住所"),
        "addressEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: 千葉市中央区市場町1-1"),
    ),
    (
        "phone",
        QT_TRANSLATE_NOOP("OrganizationDialog", "電話"),
        "phoneEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: 043-223-1111"),
    ),
    ("fax", QT_TRANSLATE_NOOP("OrganizationDialog", "FAX"), "faxEdit", ""),
    (
        "email",
        QT_TRANSLATE_NOOP("OrganizationDialog", "メール"),
        "emailEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: info@example.jp"),
    ),
    (
        "website",
        QT_TRANSLATE_NOOP("OrganizationDialog", "ウェブサイト"),
        "websiteEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "例: https://example.jp"),
    ),
    (
        "tags",
        QT_TRANSLATE_NOOP("OrganizationDialog", "タグ"),
        "tagsEdit",
        QT_TRANSLATE_NOOP("OrganizationDialog", "読点またはカンマ区切り（例: 子育て、防災）"),
    ),
)
_DATE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("established_on", QT_TRANSLATE_NOOP("OrganizationDialog", "設立日"), "establishedEdit"),
    ("certified_on", QT_TRANSLATE_NOOP("OrganizationDialog", "認証日"), "certifiedEdit"),
)
_DATE_PLACEHOLDER = QT_TRANSLATE_NOOP("OrganizationDialog", "2024-04-01 または 令和6年4月1日")


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    """``widget`` with its objectName set (tests and style sheets find widgets by name)."""
    widget.setObjectName(name)
    return widget


def _placeholder(combo: QComboBox, text: str) -> None:
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def _top_aligned_form() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _date_or_error(text: str, field: str, errors: list[ValidationError]) -> date | None:
    try:
        return parse_date(text, field)
    except ValidationError as error:
        errors.append(error)
        return None


def _join_messages(errors: ValidationErrors) -> str:
    return "\n".join(errors.by_field().values())


class OrganizationDialog(QDialog):
    """Form for one organization: new when ``org_id`` is None, else the stored record.

    Signals: ``organization_saved(str)`` with the id after the record, a contact or an
    interaction was stored; ``open_existing_requested(str)`` when the officer chooses to open
    a record the duplicate check found.
    """

    organization_saved = Signal(str)
    open_existing_requested = Signal(str)

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
        self._read_only = read_only
        self._dirty = False
        self._loading = False
        self._edits: dict[str, QLineEdit] = {}
        self._errors: dict[str, QLabel] = {}
        self._date_edits: dict[str, QLineEdit] = {}
        self._date_hints: dict[str, QLabel] = {}
        self._field_checks: dict[int, QCheckBox] = {}
        self._build()
        self._connect_change_tracking()
        if org_id is not None:
            self._load_record(service.get(org_id))
        else:
            self._update_title("")
        self._apply_mode()
        self.resize(960, 760)
        self._edits["name"].setFocus()

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
            data = self._collect()
        except ValidationErrors as errors:
            self._show_errors(errors)
            return False
        try:
            if self._org_id is None:
                self._org_id = self._service.create(data, allow_duplicate=allow_duplicate)
            else:
                self._service.update(
                    self._org_id, data, expected_version=self._version, allow_duplicate=allow_duplicate
                )
        except ValidationErrors as errors:
            self._show_errors(errors)
            return False
        except DuplicateOrganizationError as exc:
            self._show_duplicates(exc)
            return False
        except StaleEditError as exc:
            self._stale_label.setText(str(exc))
            self._stale_panel.show()
            return False
        except KnownError as exc:
            self._general_error.setText(str(exc))
            self._general_error.show()
            return False
        except Exception as exc:  # a locked, full or read-only file: say so, keep the input
            known = known_database_error(exc)
            if known is None:
                raise
            self._general_error.setText(str(known))
            self._general_error.show()
            return False
        log.info("organization saved: %s", self._org_id)
        self._load_record(self._service.get(self._org_id))
        self._apply_mode()
        self._status_label.setText(self.tr("保存しました（版 {version}）").format(version=self._version))
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

        self._notice = QLabel()
        self._notice.setObjectName("noticeLabel")
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet(f"background: {INFO_COLORS[0]}; padding: 6px; border-radius: 4px;")
        self._notice.hide()
        root.addWidget(self._notice)

        root.addWidget(self._build_stale_panel())
        root.addWidget(self._build_duplicate_panel())
        self._general_error = _error_label("generalError")
        root.addWidget(self._general_error)

        self._tabs = QTabWidget()
        self._tabs.setObjectName("dialogTabs")
        self._tabs.addTab(self._build_form_page(), self.tr("団体情報"))
        self._tabs.addTab(self._build_contacts_page(), self.tr("担当者"))
        self._tabs.addTab(self._build_interactions_page(), self.tr("対応記録"))
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

    def _build_stale_panel(self) -> QFrame:
        self._stale_panel = QFrame()
        self._stale_panel.setObjectName("stalePanel")
        self._stale_panel.setStyleSheet(panel_style("stalePanel", *ERROR_COLORS))
        layout = QHBoxLayout(self._stale_panel)
        self._stale_label = QLabel()
        self._stale_label.setObjectName("staleLabel")
        self._stale_label.setWordWrap(True)
        layout.addWidget(self._stale_label, 1)
        reload_button = QPushButton(self.tr("最新の内容を開き直す"))
        reload_button.setObjectName("reloadButton")
        reload_button.setAutoDefault(False)
        reload_button.clicked.connect(self._on_reload_clicked)
        layout.addWidget(reload_button, 0, Qt.AlignmentFlag.AlignTop)
        self._stale_panel.hide()
        return self._stale_panel

    def _build_duplicate_panel(self) -> QFrame:
        self._duplicate_panel = QFrame()
        self._duplicate_panel.setObjectName("duplicatePanel")
        self._duplicate_panel.setStyleSheet(panel_style("duplicatePanel", *WARNING_COLORS))
        layout = QVBoxLayout(self._duplicate_panel)
        title = QLabel(
            self.tr("同じ団体が既に登録されている可能性があります。登録済みの団体を確認してください。")
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        self._duplicate_list = QListWidget()
        self._duplicate_list.setObjectName("duplicateList")
        self._duplicate_list.itemDoubleClicked.connect(self._on_open_existing_clicked)
        layout.addWidget(self._duplicate_list)
        row = QHBoxLayout()
        row.addStretch(1)
        open_button = QPushButton(self.tr("既存の団体を開く"))
        open_button.setObjectName("openExistingButton")
        open_button.clicked.connect(self._on_open_existing_clicked)
        anyway_button = QPushButton(self.tr("重複を承知で保存"))
        anyway_button.setObjectName("saveAnywayButton")
        anyway_button.clicked.connect(self._on_save_anyway_clicked)
        for button in (open_button, anyway_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self._duplicate_panel.hide()
        return self._duplicate_panel

    def _add_row(
        self, form: QFormLayout, label: str, widget: QWidget, field: str, hint: QLabel | None = None
    ) -> None:
        """A form row: ``widget`` (and ``hint``) with its hidden error label ``<field>Error`` below.

        The row label is as tall as the input and the form aligns labels to the top, so the label
        stays beside its input when the error line appears.
        """
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if hint is None:
            layout.addWidget(widget)
        else:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(hint)
            layout.addLayout(line)
        self._errors[field] = _error_label(f"{field}Error")
        layout.addWidget(self._errors[field])
        row_label = QLabel(label)
        row_label.setFixedHeight(widget.sizeHint().height())
        row_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(row_label, box)

    def _text_row(self, form: QFormLayout, attr: str) -> None:
        _attr, label, object_name, placeholder = next(f for f in _TEXT_FIELDS if f[0] == attr)
        edit = QLineEdit()
        edit.setObjectName(object_name)
        if placeholder:
            edit.setPlaceholderText(self.tr(placeholder))
        self._edits[attr] = edit
        self._add_row(form, self.tr(label), edit, attr)

    def _date_row(self, form: QFormLayout, attr: str, label: str, object_name: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setPlaceholderText(self.tr(_DATE_PLACEHOLDER))
        hint = QLabel()
        hint.setStyleSheet(HINT_STYLE)
        hint.setMinimumWidth(120)
        self._date_edits[attr] = edit
        self._date_hints[attr] = hint
        edit.textChanged.connect(lambda text, a=attr: self._update_date_hint(a, text))
        self._add_row(form, self.tr(label), edit, attr, hint)

    def _build_form_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)

        left = _top_aligned_form()
        self._text_row(left, "name")
        self._text_row(left, "kana")
        self._legal_form = QComboBox()
        self._legal_form.setObjectName("legalFormCombo")
        self._legal_form.setEditable(True)
        self._legal_form.addItems(["", *LEGAL_FORMS])
        _placeholder(self._legal_form, self.tr("選択または入力（例: NPO法人）"))
        self._add_row(left, self.tr("法人格"), self._legal_form, "legal_form")
        self._text_row(left, "corporate_number")
        self._status = QComboBox()
        self._status.setObjectName("statusCombo")
        for status in OrgStatus:
            self._status.addItem(self.tr(status.value), status.value)
        self._add_row(left, self.tr("状態"), self._status, "status")
        self._text_row(left, "representative")
        self._text_row(left, "representative_kana")
        for attr, label, object_name in _DATE_FIELDS:
            self._date_row(left, attr, label, object_name)
        self._member_count = QLineEdit()
        self._member_count.setObjectName("memberCountEdit")
        self._member_count.setPlaceholderText(self.tr("人数（未設定なら空欄）"))
        self._add_row(left, self.tr("会員数"), self._member_count, "member_count")

        right = _top_aligned_form()
        self._municipality = QComboBox()
        self._municipality.setObjectName("municipalityCombo")
        self._municipality.setEditable(True)
        self._municipality.addItem("", "")
        for muni_code, muni_name in CHIBA_MUNICIPALITIES.items():
            self._municipality.addItem(muni_name, muni_code)
        _placeholder(self._municipality, self.tr("空欄なら住所から判定"))
        self._add_row(right, self.tr("市町村"), self._municipality, "municipality_code")
        for attr in ("postal_code", "address", "phone", "fax", "email", "website", "tags"):
            self._text_row(right, attr)

        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)

        fields_box = QGroupBox(self.tr("活動分野"))
        fields_grid = QGridLayout(fields_box)
        for code, short in ACTIVITY_FIELD_SHORT.items():
            check = QCheckBox(self.tr(short))
            check.setObjectName(f"fieldCheck{code}")
            check.setToolTip(f"{code}. {self.tr(ACTIVITY_FIELDS[code])}")
            self._field_checks[code] = check
            fields_grid.addWidget(check, (code - 1) // 4, (code - 1) % 4)
        self._errors["fields"] = _error_label("fieldsError")
        fields_grid.addWidget(self._errors["fields"], 5, 0, 1, 4)
        grid.addWidget(fields_box, 1, 0, 1, 2)

        texts = _top_aligned_form()
        self._purpose = QPlainTextEdit()
        self._purpose.setObjectName("purposeEdit")
        self._purpose.setMinimumHeight(80)
        texts.addRow(self.tr("活動目的・内容"), self._purpose)
        self._notes = QPlainTextEdit()
        self._notes.setObjectName("notesEdit")
        self._notes.setMinimumHeight(60)
        texts.addRow(self.tr("備考"), self._notes)
        grid.addLayout(texts, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        scroll = QScrollArea()
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _build_contacts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self._contacts = ContactTableModel(self)
        self._contact_table = self._small_table("contactTable", self._contacts, 4)
        self._contact_table.selectionModel().selectionChanged.connect(self._on_contact_row_changed)
        layout.addWidget(self._contact_table, 1)

        box = QGroupBox(self.tr("担当者の入力"))
        grid = QGridLayout(box)
        self._contact_name = _named(QLineEdit(), "contactNameEdit")
        self._contact_kana = _named(QLineEdit(), "contactKanaEdit")
        self._contact_role = _named(QLineEdit(), "contactRoleEdit")
        self._contact_phone = _named(QLineEdit(), "contactPhoneEdit")
        self._contact_email = _named(QLineEdit(), "contactEmailEdit")
        self._contact_primary = _named(QCheckBox(self.tr("主担当")), "contactPrimaryCheck")
        cells = (
            (self.tr("氏名"), self._contact_name),
            (self.tr("フリガナ"), self._contact_kana),
            (self.tr("役職"), self._contact_role),
            (self.tr("電話"), self._contact_phone),
            (self.tr("メール"), self._contact_email),
        )
        for n, (label, edit) in enumerate(cells):
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            grid.addWidget(edit, n // 2, (n % 2) * 2 + 1)
        grid.addWidget(self._contact_primary, 2, 3)
        self._contact_error = _error_label("contactError")
        grid.addWidget(self._contact_error, 3, 0, 1, 4)
        layout.addWidget(box)

        row = QHBoxLayout()
        row.addStretch(1)
        self._add_contact_button = _named(QPushButton(self.tr("担当者を追加")), "addContactButton")
        self._add_contact_button.clicked.connect(self._on_add_contact_clicked)
        self._update_contact_button = _named(
            QPushButton(self.tr("選択した担当者を更新")), "updateContactButton"
        )
        self._update_contact_button.clicked.connect(self._on_update_contact_clicked)
        self._remove_contact_button = _named(
            QPushButton(self.tr("選択した担当者を削除")), "removeContactButton"
        )
        self._remove_contact_button.clicked.connect(self._on_remove_contact_clicked)
        for button in (self._add_contact_button, self._update_contact_button, self._remove_contact_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        return page

    def _build_interactions_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self._interactions = InteractionTableModel(self)
        self._interaction_table = self._small_table("interactionTable", self._interactions, 2)
        layout.addWidget(self._interaction_table, 1)

        box = QGroupBox(self.tr("対応の記録"))
        grid = QGridLayout(box)
        self._interaction_date = _named(QLineEdit(), "interactionDateEdit")
        self._interaction_date.setPlaceholderText(self.tr(_DATE_PLACEHOLDER))
        self._interaction_kind = _named(QComboBox(), "interactionKindCombo")
        for kind in InteractionKind:
            self._interaction_kind.addItem(self.tr(kind.value), kind.value)
        self._interaction_next = _named(QLineEdit(), "interactionNextEdit")
        self._interaction_next.setPlaceholderText(self.tr("未定なら空欄"))
        self._interaction_summary = _named(QPlainTextEdit(), "interactionSummaryEdit")
        self._interaction_summary.setFixedHeight(64)
        grid.addWidget(QLabel(self.tr("対応日")), 0, 0)
        grid.addWidget(self._interaction_date, 0, 1)
        grid.addWidget(QLabel(self.tr("種類")), 0, 2)
        grid.addWidget(self._interaction_kind, 0, 3)
        grid.addWidget(QLabel(self.tr("次回対応日")), 0, 4)
        grid.addWidget(self._interaction_next, 0, 5)
        grid.addWidget(QLabel(self.tr("内容")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._interaction_summary, 1, 1, 1, 5)
        self._interaction_error = _error_label("interactionError")
        grid.addWidget(self._interaction_error, 2, 0, 1, 6)
        layout.addWidget(box)

        row = QHBoxLayout()
        row.addStretch(1)
        self._add_interaction_button = _named(QPushButton(self.tr("記録を追加")), "addInteractionButton")
        self._add_interaction_button.clicked.connect(self._on_add_interaction_clicked)
        self._remove_interaction_button = _named(
            QPushButton(self.tr("選択した記録を削除")), "removeInteractionButton"
        )
        self._remove_interaction_button.clicked.connect(self._on_remove_interaction_clicked)
        for button in (self._add_interaction_button, self._remove_interaction_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self._reset_interaction_form()
        return page

    @staticmethod
    def _small_table(
        name: str, model: ContactTableModel | InteractionTableModel, stretch_column: int
    ) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        return table

    def _connect_change_tracking(self) -> None:
        for edit in [*self._edits.values(), *self._date_edits.values(), self._member_count]:
            edit.textChanged.connect(self._on_edited)
        for combo in (self._legal_form, self._municipality, self._status):
            combo.currentTextChanged.connect(self._on_edited)
        for check in self._field_checks.values():
            check.toggled.connect(self._on_edited)
        for text in (self._purpose, self._notes):
            text.textChanged.connect(self._on_edited)

    # -- modes and loading ----------------------------------------------------------------------
    def _apply_mode(self) -> None:
        editable = not self._read_only
        for edit in [*self._edits.values(), *self._date_edits.values(), self._member_count]:
            edit.setReadOnly(not editable)
        for text in (self._purpose, self._notes):
            text.setReadOnly(not editable)
        for widget in (self._legal_form, self._municipality, self._status, *self._field_checks.values()):
            widget.setEnabled(editable)
        self._save_button.setEnabled(editable)
        stored = self._org_id is not None
        for index in (1, 2):
            self._tabs.setTabEnabled(index, stored)
            self._tabs.setTabToolTip(index, "" if stored else self.tr("団体を保存すると登録できます"))
        for widget in (
            self._add_contact_button,
            self._update_contact_button,
            self._remove_contact_button,
            self._add_interaction_button,
            self._remove_interaction_button,
        ):
            widget.setEnabled(editable and stored)
        if self._read_only:
            self._notice.setText(self.tr("閲覧専用で開いています。変更は保存できません。"))
            self._notice.show()

    def _load_record(self, record: OrganizationRecord) -> None:
        self._org_id = record.id
        self._version = record.version
        self._populate(record.data)
        self._contacts.set_records(record.contacts)
        self._interactions.set_records(record.interactions)
        self._update_title(record.data.name)
        if not self._read_only:
            self._notice.setText(self.tr("この団体はゴミ箱にあります。"))
            self._notice.setVisible(record.deleted_at is not None)

    def _populate(self, data: OrganizationInput) -> None:
        self._loading = True
        try:
            for attr, edit in self._edits.items():
                edit.setText(getattr(data, attr))
            self._legal_form.setCurrentText(data.legal_form)
            self._municipality.setCurrentText(
                data.municipality_name or CHIBA_MUNICIPALITIES.get(data.municipality_code, "")
            )
            self._status.setCurrentIndex(max(0, self._status.findData(data.status)))
            for attr, edit in self._date_edits.items():
                value: date | None = getattr(data, attr)
                edit.setText(value.isoformat() if value else "")
            self._member_count.setText("" if data.member_count is None else str(data.member_count))
            for code, check in self._field_checks.items():
                check.setChecked(code in data.fields)
            self._purpose.setPlainText(data.purpose)
            self._notes.setPlainText(data.notes)
        finally:
            self._loading = False
        self._dirty = False

    def _update_title(self, name: str) -> None:
        if self._org_id is None:
            self.setWindowTitle(self.tr("新しい団体の登録"))
        else:
            self.setWindowTitle(self.tr("団体の編集 — {name}").format(name=name))

    # -- reading the form -----------------------------------------------------------------------
    def _collect(self) -> OrganizationInput:
        """The form as an input record; raises ValidationErrors listing every problem."""
        errors: list[ValidationError] = []
        member_count: int | None = None
        member_text = nfkc(self._member_count.text()).replace(",", "")
        if member_text:
            try:
                member_count = int(member_text)
            except ValueError:
                errors.append(ValidationError("member_count", "会員数は0以上の数で入力してください"))
        dates = {attr: _date_or_error(edit.text(), attr, errors) for attr, edit in self._date_edits.items()}
        data = OrganizationInput(
            **{attr: edit.text() for attr, edit in self._edits.items()},
            legal_form=self._legal_form.currentText(),
            municipality_code="",
            municipality_name=self._municipality.currentText(),
            status=str(self._status.currentData() or ""),
            purpose=self._purpose.toPlainText(),
            notes=self._notes.toPlainText(),
            established_on=dates["established_on"],
            certified_on=dates["certified_on"],
            member_count=member_count,
            fields=[code for code, check in self._field_checks.items() if check.isChecked()],
        )
        try:
            validate_organization(data)
        except ValidationErrors as found:
            errors.extend(found.errors)
        if errors:
            raise ValidationErrors(errors)
        return data

    # -- messages -------------------------------------------------------------------------------
    def _clear_messages(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self._general_error.hide()
        self._duplicate_panel.hide()
        self._stale_panel.hide()
        self._status_label.clear()

    def _show_errors(self, errors: ValidationErrors) -> None:
        unplaced = []
        for field, message in errors.by_field().items():
            label = self._errors.get(field)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
        if unplaced:
            self._general_error.setText("\n".join(unplaced))
            self._general_error.show()
        self._tabs.setCurrentIndex(0)
        first = errors.errors[0].field if errors.errors else ""
        target = self._edits.get(first) or self._date_edits.get(first)
        if target is not None:
            target.setFocus()

    def _show_duplicates(self, exc: DuplicateOrganizationError) -> None:
        self._duplicate_list.clear()
        for match in exc.matches:
            item = QListWidgetItem(f"{match.name}（{'、'.join(match.reasons)}）")
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self._duplicate_list.addItem(item)
        self._duplicate_list.setCurrentRow(0)
        rows = min(self._duplicate_list.count(), 4)
        frame = 2 * self._duplicate_list.frameWidth()
        self._duplicate_list.setFixedHeight(rows * self._duplicate_list.sizeHintForRow(0) + frame + 2)
        self._duplicate_panel.show()

    def _update_date_hint(self, attr: str, text: str) -> None:
        """Show how a typed date was understood (和暦), so 令和/西暦 mix-ups are seen at once."""
        hint = self._date_hints[attr]
        try:
            value = parse_date(text, attr)
        except ValidationError:
            hint.setText(self.tr("（日付として読めません）"))
            return
        hint.setText(to_wareki(value) if value else "")

    # -- slots: the record ----------------------------------------------------------------------
    def _on_edited(self) -> None:
        if not self._loading:
            self._dirty = True
            self._status_label.clear()

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_save_anyway_clicked(self) -> None:
        self.save(allow_duplicate=True)

    def _on_open_existing_clicked(self) -> None:
        item = self._duplicate_list.currentItem() or self._duplicate_list.item(0)
        if item is not None:
            self.open_existing_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_reload_clicked(self) -> None:
        self.reload_latest()

    # -- slots: contacts and interactions -------------------------------------------------------
    def _after_child_change(self) -> None:
        """Refresh the lists after a contact/interaction change stored by the service.

        Contacts and interactions never change the record's version (最終接触日 is derived), so
        the form keeps its version: if someone else saved meanwhile, its next save is refused.
        """
        assert self._org_id is not None
        record = self._service.get(self._org_id)
        self._contacts.set_records(record.contacts)
        self._interactions.set_records(record.interactions)
        self.organization_saved.emit(self._org_id)

    def _contact_input(self) -> ContactInput:
        return ContactInput(
            name=self._contact_name.text(),
            kana=self._contact_kana.text(),
            role=self._contact_role.text(),
            phone=self._contact_phone.text(),
            email=self._contact_email.text(),
            is_primary=self._contact_primary.isChecked(),
        )

    def _clear_contact_form(self) -> None:
        for edit in (
            self._contact_name,
            self._contact_kana,
            self._contact_role,
            self._contact_phone,
            self._contact_email,
        ):
            edit.clear()
        self._contact_primary.setChecked(False)

    def _selected_row(self, table: QTableView) -> int:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _run_child_change(self, label: QLabel, action: Callable[[], object]) -> bool:
        """Call a service action for a contact/interaction, showing its problems in ``label``."""
        label.hide()
        try:
            action()
        except ValidationErrors as errors:
            label.setText(_join_messages(errors))
            label.show()
            return False
        except KnownError as exc:
            label.setText(str(exc))
            label.show()
            return False
        except Exception as exc:  # a locked, full or read-only file
            known = known_database_error(exc)
            if known is None:
                raise
            label.setText(str(known))
            label.show()
            return False
        self._after_child_change()
        return True

    def _on_contact_row_changed(self) -> None:
        row = self._selected_row(self._contact_table)
        if row < 0:
            return
        data = self._contacts.record(row).data
        self._contact_name.setText(data.name)
        self._contact_kana.setText(data.kana)
        self._contact_role.setText(data.role)
        self._contact_phone.setText(data.phone)
        self._contact_email.setText(data.email)
        self._contact_primary.setChecked(data.is_primary)

    def _on_add_contact_clicked(self) -> None:
        org_id, data = self._org_id, self._contact_input()
        if org_id is not None and self._run_child_change(
            self._contact_error, lambda: self._service.add_contact(org_id, data)
        ):
            self._clear_contact_form()

    def _on_update_contact_clicked(self) -> None:
        row = self._selected_row(self._contact_table)
        if row < 0:
            self._contact_error.setText(self.tr("更新する担当者を一覧で選んでください"))
            self._contact_error.show()
            return
        contact_id, data = self._contacts.record(row).id, self._contact_input()
        self._run_child_change(self._contact_error, lambda: self._service.update_contact(contact_id, data))

    def _on_remove_contact_clicked(self) -> None:
        row = self._selected_row(self._contact_table)
        if row < 0:
            return
        record = self._contacts.record(row)
        if not dialogs.confirm(
            self,
            self.tr("担当者の削除"),
            self.tr("担当者「{name}」を削除しますか？").format(name=record.data.name),
            ok_text=self.tr("削除"),
        ):
            return
        if self._run_child_change(self._contact_error, lambda: self._service.remove_contact(record.id)):
            self._clear_contact_form()

    def _reset_interaction_form(self) -> None:
        self._interaction_date.setText(date.today().isoformat())
        self._interaction_next.clear()
        self._interaction_summary.clear()

    def _interaction_input(self) -> InteractionInput:
        errors: list[ValidationError] = []
        occurred = _date_or_error(self._interaction_date.text(), "occurred_on", errors)
        next_on = _date_or_error(self._interaction_next.text(), "next_action_on", errors)
        if occurred is None and not errors:
            errors.append(ValidationError("occurred_on", "日付は必須です"))
        if errors or occurred is None:
            raise ValidationErrors(errors)
        return InteractionInput(
            occurred_on=occurred,
            kind=str(self._interaction_kind.currentData() or ""),
            summary=self._interaction_summary.toPlainText(),
            next_action_on=next_on,
        )

    def _on_add_interaction_clicked(self) -> None:
        org_id = self._org_id
        if org_id is None:
            return
        try:
            data = self._interaction_input()
        except ValidationErrors as errors:
            self._interaction_error.setText(_join_messages(errors))
            self._interaction_error.show()
            return
        if self._run_child_change(
            self._interaction_error, lambda: self._service.add_interaction(org_id, data)
        ):
            self._reset_interaction_form()

    def _on_remove_interaction_clicked(self) -> None:
        row = self._selected_row(self._interaction_table)
        if row < 0:
            return
        record = self._interactions.record(row)
        if not dialogs.confirm(
            self,
            self.tr("対応記録の削除"),
            self.tr("{day} の対応記録を削除しますか？").format(day=record.data.occurred_on.isoformat()),
            ok_text=self.tr("削除"),
        ):
            return
        self._run_child_change(self._interaction_error, lambda: self._service.remove_interaction(record.id))
