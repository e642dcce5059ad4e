"""The step 協定・期間・予算: what the agreement settles, the period, and who pays what.

The period's end is 3月31日 of the 年度 unless typed otherwise (the domain's default); the
budget is typed in 円 for each :class:`~kyodo_desktop.domain.project_terms.BudgetSide`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPlainTextEdit

from kyodo_desktop.domain.project import ProjectInput, default_period_end
from kyodo_desktop.domain.project_terms import AGREEMENT_ITEMS, BudgetSide
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.domain.wareki import fiscal_year_label
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.state import PAGE_AGREEMENT, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import (
    DateEdit,
    amount_text,
    hint_label,
    named,
    plain_text,
    read_amount,
    term,
)

__all__ = ["AgreementPage"]

_BUDGET_NAMES = {
    BudgetSide.ADMINISTRATION: "budgetAdministrationEdit",
    BudgetSide.ORGANIZATION: "budgetOrganizationEdit",
    BudgetSide.OTHER: "budgetOtherEdit",
}


class AgreementPage(ProjectPage):
    """協定・期間・予算: the nine agreement items, start and end, 見直し予定日, the budget."""

    FIELDS = frozenset({"agreement", "period_start", "period_end", "review_on", "budget"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("協定・期間・予算"), why_line(PAGE_AGREEMENT))
        self.setSubTitle(self.tr("協定書で取り決める事項、事業の期間、経費の負担を記録します。"))
        top = QHBoxLayout()
        period = QGroupBox(self.tr("期間"))
        form = QFormLayout(period)
        self.start_date = DateEdit("periodStartEdit")
        form.addRow(self.tr("開始"), self.start_date)
        self.end_date = DateEdit("periodEndEdit")
        form.addRow(self.tr("終了"), self.end_date)
        self.end_hint = hint_label()
        form.addRow("", self.end_hint)
        self.review_date = DateEdit("reviewOnEdit")
        form.addRow(self.tr("見直し予定日"), self.review_date)
        top.addWidget(period, 3)
        budget = QGroupBox(self.tr("予算（円）"))
        form = QFormLayout(budget)
        self.budget_edits: dict[BudgetSide, QLineEdit] = {}
        for side in BudgetSide:
            edit = named(QLineEdit(), _BUDGET_NAMES[side])
            edit.setPlaceholderText(self.tr("例: 1,200,000"))
            self.budget_edits[side] = edit
            form.addRow(term(side.value), edit)
        top.addWidget(budget, 2)
        self.body_layout.addLayout(top)

        items = QGroupBox(self.tr("協定で取り決める事項"))
        form = QFormLayout(items)
        self.item_edits: dict[str, QPlainTextEdit] = {}
        for n, item in enumerate(AGREEMENT_ITEMS):
            text_edit = plain_text(f"agreementEdit{n}", 2)
            self.item_edits[item] = text_edit
            form.addRow(term(item), text_edit)
        self.body_layout.addWidget(items)

    def populate(self, data: ProjectInput) -> None:
        self.start_date.set_date(data.period_start)
        fy = data.fiscal_year
        end = data.period_end or (default_period_end(fy) if fy is not None else None)
        self.end_date.set_date(end)
        self.end_hint.setText(
            self.tr("空欄なら{year}の末日（3月31日）").format(year=fiscal_year_label(fy))
            if fy is not None
            else ""
        )
        self.review_date.set_date(data.review_on)
        for side, edit in self.budget_edits.items():
            edit.setText(amount_text(data.budget.get(side.value)))
        for item, text_edit in self.item_edits.items():
            text_edit.setPlainText(data.agreement.get(item, ""))

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        data.period_start = self.start_date.read("period_start", found)
        data.period_end = self.end_date.read("period_end", found)
        data.review_on = self.review_date.read("review_on", found)
        budget: dict[str, int] = {}
        for side, edit in self.budget_edits.items():
            amount = read_amount(edit.text(), "budget", term(side.value), found)
            if amount:
                budget[side.value] = amount
        data.budget = budget
        data.agreement = {item: edit.toPlainText() for item, edit in self.item_edits.items()}
