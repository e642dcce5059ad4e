"""The first step, 課題とニーズ: the project's name, 年度, 担当課, lead officer, the local issue.

The 年度 is chosen as 令和N年度 (stored as the 西暦 year it begins in); the lead officer is one of
the officer records, or the officer at the keyboard (whose record the service finds or makes).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QLineEdit

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, ACTIVITY_FIELDS
from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.domain.project_terms import PURPOSE_KINDS
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.domain.wareki import fiscal_year, fiscal_year_label
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.state import PAGE_NEEDS, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import hint_label, named, plain_text, term
from kyodo_desktop.services import officers

__all__ = ["NeedsPage"]

#: 年度 offered around today's (older and later ones are added when a project has them)
YEARS_BACK, YEARS_AHEAD = 10, 2
ISSUE = PURPOSE_KINDS[0]  # 地域課題


class NeedsPage(ProjectPage):
    """課題とニーズ: title, 年度, 担当課, lead officer, 地域課題 and the 活動分野 it concerns."""

    FIELDS = frozenset({"title", "fiscal_year", "section", "lead_officer_id", "fields", "purposes"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("課題とニーズ"), why_line(PAGE_NEEDS))
        self.setSubTitle(self.tr("どんな地域の課題や市民のニーズに応える事業かを書きます。"))
        form = QFormLayout()
        self.title_edit = named(QLineEdit(), "projectTitleEdit")
        self.title_edit.setPlaceholderText(self.tr("例: 子ども食堂ネットワーク推進事業"))
        form.addRow(self.tr("事業名"), self.title_edit)
        self.year_combo = named(QComboBox(), "fiscalYearCombo")
        this_year = fiscal_year(date.today())
        for fy in range(this_year + YEARS_AHEAD, this_year - YEARS_BACK - 1, -1):
            self.year_combo.addItem(fiscal_year_label(fy), fy)
        form.addRow(self.tr("年度"), self.year_combo)
        self.section_combo = named(QComboBox(), "sectionCombo")
        self.section_combo.setEditable(True)
        form.addRow(self.tr("担当課"), self.section_combo)
        self.officer_combo = named(QComboBox(), "leadOfficerCombo")
        form.addRow(self.tr("主担当の職員"), self.officer_combo)
        self.issue_edit = plain_text("issueEdit", 4)
        self.issue_edit.setPlaceholderText(
            self.tr("現場で聞いた声、データ、これまでの取組で見えた課題など（{kind}）").format(
                kind=term(ISSUE)
            )
        )
        form.addRow(term(ISSUE), self.issue_edit)
        self.body_layout.addLayout(form)

        box = QGroupBox(self.tr("活動分野"))
        grid = QGridLayout(box)
        self.field_checks: dict[int, QCheckBox] = {}
        for n, code in enumerate(ACTIVITY_FIELDS):
            check = named(QCheckBox(self._field_label(code)), f"fieldCheck{code}")
            check.setToolTip(self._field_tooltip(code))
            self.field_checks[code] = check
            grid.addWidget(check, n // 4, n % 4)
        self.body_layout.addWidget(box)
        self.body_layout.addWidget(
            hint_label(self.tr("活動分野は、パートナー選定で同じ分野の他の団体を探すときにも使います。"))
        )
        self.body_layout.addStretch(1)
        self._fill_choices()

    @staticmethod
    def _field_label(code: int) -> str:
        return QCoreApplication.translate("ActivityFieldShort", ACTIVITY_FIELD_SHORT[code])

    @staticmethod
    def _field_tooltip(code: int) -> str:
        return QCoreApplication.translate("ActivityField", ACTIVITY_FIELDS[code])

    def _fill_choices(self) -> None:
        """The officers and the 担当課 known so far; the officer at the keyboard first."""
        me = self.state.ws.officer
        self.officer_combo.addItem(self.tr("{name}（自分）").format(name=me.label()), None)
        sections: list[str] = [me.section] if me.section else []
        for record in officers.list_officers(self.state.ws):
            if record.id == me.officer_id:
                self.officer_combo.setItemData(0, record.id)
            else:
                label = (
                    f"{record.data.name}（{record.data.section}）"
                    if record.data.section
                    else record.data.name
                )
                self.officer_combo.addItem(label, record.id)
            if record.data.section and record.data.section not in sections:
                sections.append(record.data.section)
        self.section_combo.addItems(sections)
        self.section_combo.setCurrentText(me.section)

    # -- ProjectPage ------------------------------------------------------------------------------
    def populate(self, data: ProjectInput) -> None:
        self.title_edit.setText(data.title)
        fy = data.fiscal_year if data.fiscal_year is not None else fiscal_year(date.today())
        pos = self.year_combo.findData(fy)
        if pos < 0:
            self.year_combo.addItem(fiscal_year_label(fy), fy)
            pos = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(pos)
        if data.section:
            self.section_combo.setCurrentText(data.section)
        if data.lead_officer_id is not None:
            pos = self.officer_combo.findData(data.lead_officer_id)
            if pos < 0:  # an officer since put in the trash still leads the project
                self.officer_combo.addItem(data.lead_officer_id, data.lead_officer_id)
                pos = self.officer_combo.count() - 1
            self.officer_combo.setCurrentIndex(pos)
        self.issue_edit.setPlainText(data.purposes.get(ISSUE, ""))
        for code, check in self.field_checks.items():
            check.setChecked(code in data.fields)

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        data.title = self.title_edit.text()
        data.fiscal_year = self.year_combo.currentData()
        data.section = self.section_combo.currentText()
        data.lead_officer_id = self.officer_combo.currentData()
        data.purposes[ISSUE] = self.issue_edit.toPlainText()
        data.fields = [code for code, check in self.field_checks.items() if check.isChecked()]

    def extra_errors(self, data: ProjectInput) -> list[ValidationError]:
        """The name and the 年度 are needed from the start (the domain asks them only at Finish)."""
        found: list[ValidationError] = []
        if not data.title.strip():
            found.append(ValidationError("title", self.tr("事業名は必須です")))
        if not data.section.strip():
            found.append(ValidationError("section", self.tr("担当課を入力してください")))
        return found
