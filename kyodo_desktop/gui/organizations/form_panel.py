"""The 団体情報 page of the organization form: every field of the record, with its error line.

The panel knows how to show a record (:meth:`OrganizationFormPanel.populate`), read the typed
input back (:meth:`~OrganizationFormPanel.collect`, which validates) and mark the fields a
validation found wrong. It stores nothing; the dialog saves.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, ACTIVITY_FIELDS, LEGAL_FORMS, OrgStatus
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.municipalities import CHIBA_MUNICIPALITIES
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors, parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.organizations.form_widgets import (
    DATE_PLACEHOLDER,
    date_or_error,
    error_label,
    set_placeholder,
    top_aligned_form,
)
from kyodo_desktop.gui.styles import HINT_STYLE

# (attribute, label, objectName, placeholder) of the one-line text fields.
_TEXT_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    (
        "name",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "団体名"),
        "nameEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: NPO法人 みどりの会"),
    ),
    (
        "kana",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "フリガナ"),
        "kanaEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: ミドリノカイ"),
    ),
    (
        "corporate_number",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "法人番号"),
        "corporateNumberEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "13桁"),
    ),
    ("representative", QT_TRANSLATE_NOOP("OrganizationFormPanel", "代表者"), "representativeEdit", ""),
    (
        "representative_kana",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "代表者フリガナ"),
        "representativeKanaEdit",
        "",
    ),
    (
        "postal_code",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "郵便番号"),
        "postalEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: 260-8667"),
    ),
    (
        "address",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "住所"),
        "addressEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: 千葉市中央区市場町1-1"),
    ),
    (
        "phone",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "電話"),
        "phoneEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: 043-223-1111"),
    ),
    ("fax", QT_TRANSLATE_NOOP("OrganizationFormPanel", "FAX"), "faxEdit", ""),
    (
        "email",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "メール"),
        "emailEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: info@example.jp"),
    ),
    (
        "website",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "ウェブサイト"),
        "websiteEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "例: https://example.jp"),
    ),
    (
        "tags",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "タグ"),
        "tagsEdit",
        QT_TRANSLATE_NOOP("OrganizationFormPanel", "読点またはカンマ区切り（例: 子育て、防災）"),
    ),
)
_DATE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("established_on", QT_TRANSLATE_NOOP("OrganizationFormPanel", "設立日"), "establishedEdit"),
    ("certified_on", QT_TRANSLATE_NOOP("OrganizationFormPanel", "認証日"), "certifiedEdit"),
)


class OrganizationFormPanel(QScrollArea):
    """The record's fields in two columns, the 活動分野 checks and the free texts, scrollable.

    Signals: ``edited()`` when the officer changes any field (not while :meth:`populate` fills
    the form).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formScroll")
        self._loading = False
        self._edits: dict[str, QLineEdit] = {}
        self._errors: dict[str, QLabel] = {}
        self._date_edits: dict[str, QLineEdit] = {}
        self._date_hints: dict[str, QLabel] = {}
        self._field_checks: dict[int, QCheckBox] = {}
        self._npo_dates: tuple[str, date | None] = ("", None)
        self._build()
        self._connect_change_tracking()

    # -- building -----------------------------------------------------------------------------
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
        self._errors[field] = error_label(f"{field}Error")
        layout.addWidget(self._errors[field])
        row_label = QLabel(label)
        row_label.setFixedHeight(widget.sizeHint().height())
        row_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(row_label, box)

    def _with_error_line(self, widget: QWidget, field: str) -> QWidget:
        """``widget`` with its hidden error label ``<field>Error`` below (a multi-line text)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        self._errors[field] = error_label(f"{field}Error")
        layout.addWidget(self._errors[field])
        return box

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
        edit.setPlaceholderText(self.tr(DATE_PLACEHOLDER))
        hint = QLabel()
        hint.setStyleSheet(HINT_STYLE)
        hint.setMinimumWidth(120)
        self._date_edits[attr] = edit
        self._date_hints[attr] = hint
        edit.textChanged.connect(lambda text, a=attr: self._update_date_hint(a, text))
        self._add_row(form, self.tr(label), edit, attr, hint)

    def _build(self) -> None:
        page = QWidget()
        grid = QGridLayout(page)

        left = top_aligned_form()
        self._text_row(left, "name")
        self._text_row(left, "kana")
        self._legal_form = QComboBox()
        self._legal_form.setObjectName("legalFormCombo")
        self._legal_form.setEditable(True)
        self._legal_form.addItems(["", *LEGAL_FORMS])
        set_placeholder(self._legal_form, self.tr("選択または入力（例: NPO法人）"))
        self._add_row(left, self.tr("法人格"), self._legal_form, "legal_form")
        self._text_row(left, "corporate_number")
        self._status = QComboBox()
        self._status.setObjectName("statusCombo")
        for status in OrgStatus:
            self._status.addItem(self.tr(status.value), status.value)
        self._add_row(left, self.tr("状態"), self._status, "status")
        self._text_row(left, "representative")
        self._text_row(left, "representative_kana")
        self._officer = QComboBox()
        self._officer.setObjectName("responsibleOfficerCombo")
        self._officer.setToolTip(self.tr("この団体を担当する職員（空欄なら未設定）"))
        self._officer.addItem("", None)
        self._add_row(left, self.tr("担当職員"), self._officer, "responsible_officer_id")
        for attr, label, object_name in _DATE_FIELDS:
            self._date_row(left, attr, label, object_name)
        self._member_count = QLineEdit()
        self._member_count.setObjectName("memberCountEdit")
        self._member_count.setPlaceholderText(self.tr("人数（未設定なら空欄）"))
        self._add_row(left, self.tr("会員数"), self._member_count, "member_count")

        right = top_aligned_form()
        self._municipality = QComboBox()
        self._municipality.setObjectName("municipalityCombo")
        self._municipality.setEditable(True)
        self._municipality.addItem("", "")
        for muni_code, muni_name in CHIBA_MUNICIPALITIES.items():
            self._municipality.addItem(muni_name, muni_code)
        set_placeholder(self._municipality, self.tr("空欄なら住所から判定"))
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
        self._errors["fields"] = error_label("fieldsError")
        fields_grid.addWidget(self._errors["fields"], 5, 0, 1, 4)
        grid.addWidget(fields_box, 1, 0, 1, 2)

        texts = top_aligned_form()
        self._purpose = QPlainTextEdit()
        self._purpose.setObjectName("purposeEdit")
        self._purpose.setMinimumHeight(80)
        texts.addRow(self.tr("活動目的・内容"), self._with_error_line(self._purpose, "purpose"))
        self._notes = QPlainTextEdit()
        self._notes.setObjectName("notesEdit")
        self._notes.setMinimumHeight(60)
        texts.addRow(self.tr("備考"), self._with_error_line(self._notes, "notes"))
        grid.addLayout(texts, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)

    def _connect_change_tracking(self) -> None:
        for edit in [*self._edits.values(), *self._date_edits.values(), self._member_count]:
            edit.textChanged.connect(self._on_edited)
        for combo in (self._legal_form, self._municipality, self._status, self._officer):
            combo.currentTextChanged.connect(self._on_edited)
        for check in self._field_checks.values():
            check.toggled.connect(self._on_edited)
        for text in (self._purpose, self._notes):
            text.textChanged.connect(self._on_edited)

    # -- public -------------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Lock every input (a read-only window, or a record opened for viewing)."""
        for edit in [*self._edits.values(), *self._date_edits.values(), self._member_count]:
            edit.setReadOnly(read_only)
        for text in (self._purpose, self._notes):
            text.setReadOnly(read_only)
        for widget in (
            self._legal_form,
            self._municipality,
            self._status,
            self._officer,
            *self._field_checks.values(),
        ):
            widget.setEnabled(not read_only)

    def focus_name(self) -> None:
        """Put the cursor in 団体名."""
        self._edits["name"].setFocus()

    def set_officers(self, choices: list[tuple[str, str]]) -> None:
        """The officers the 担当職員 combo offers, as ``(id, 氏名（所属課）)``, after a blank."""
        current = self.responsible_officer_id()
        self._loading = True
        try:
            self._officer.clear()
            self._officer.addItem("", None)
            for officer_id, label in choices:
                self._officer.addItem(label, officer_id)
        finally:
            self._loading = False
        if current is not None:
            self.show_officer(current, "")

    def show_officer(self, officer_id: str | None, label: str) -> None:
        """Select the 担当職員 ``officer_id`` (one no longer offered is added with ``label``)."""
        self._loading = True
        try:
            index = self._officer.findData(officer_id) if officer_id is not None else 0
            if index < 0:
                self._officer.addItem(label or str(officer_id), officer_id)
                index = self._officer.count() - 1
            self._officer.setCurrentIndex(index)
        finally:
            self._loading = False

    def responsible_officer_id(self) -> str | None:
        """The chosen 担当職員's id, None for the blank."""
        value = self._officer.currentData()
        return str(value) if value else None

    def populate(self, data: OrganizationInput) -> None:
        """Show ``data`` (no ``edited`` signal is sent for it)."""
        self._loading = True
        # not on the form (yet): kept as loaded, so a save does not blank what the portal filled
        self._npo_dates = (data.business_year_end, data.nintei_expires_on)
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

    def collect(self) -> OrganizationInput:
        """The form as an input record; raises ValidationErrors listing every problem."""
        found: list[ValidationError] = []
        member_count: int | None = None
        member_text = nfkc(self._member_count.text()).replace(",", "")
        if member_text:
            try:
                member_count = int(member_text)
            except ValueError:
                found.append(ValidationError("member_count", "会員数は0以上の数で入力してください"))
        dates = {attr: date_or_error(edit.text(), attr, found) for attr, edit in self._date_edits.items()}
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
            business_year_end=self._npo_dates[0],
            nintei_expires_on=self._npo_dates[1],
        )
        try:
            validate_organization(data)
        except ValidationErrors as problems:
            found.extend(problems.errors)
        if found:
            raise ValidationErrors(found)
        return data

    def clear_errors(self) -> None:
        """Hide every field's error line."""
        for label in self._errors.values():
            label.clear()
            label.hide()

    def show_errors(self, found: ValidationErrors) -> list[str]:
        """Show each message beside its field and focus the first; returns those with no field."""
        unplaced = []
        for field, message in found.by_field().items():
            label = self._errors.get(field)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
        first = found.errors[0].field if found.errors else ""
        target = self._edits.get(first) or self._date_edits.get(first)
        if target is not None:
            target.setFocus()
        return unplaced

    # -- slots --------------------------------------------------------------------------------
    def _on_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _update_date_hint(self, attr: str, text: str) -> None:
        """Show how a typed date was understood (和暦), so 令和/西暦 mix-ups are seen at once."""
        hint = self._date_hints[attr]
        try:
            value = parse_date(text, attr)
        except ValidationError:
            hint.setText(self.tr("（日付として読めません）"))
            return
        hint.setText(to_wareki(value) if value else "")
