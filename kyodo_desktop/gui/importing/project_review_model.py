"""The import review's table for past projects: 行, 処理, 事業名, 年度, 団体名, 金額, 理由/問題.

The review page shows this model instead of
:class:`~kyodo_desktop.gui.importing.review_model.ReviewTableModel` when past projects are
imported; it answers the same calls (``set_plan``, ``planned_row``, ``row_of_number``,
``refresh_row``, the roles) over a
:class:`~kyodo_desktop.services.project_import.ProjectImportPlan`. Each partner is shown with
how it was found (法人番号 or name) or that the import registers it as a new organization;
a matched one also with its registered name when the list names it otherwise.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.importing import RowProblem
from kyodo_desktop.domain.project_terms import BudgetSide
from kyodo_desktop.gui.importing.review_model import (
    COL_ACTION,
    COL_ROW,
    PlanTableModel,
)
from kyodo_desktop.gui.projects.labels import term, year_label
from kyodo_desktop.services.importing import Action
from kyodo_desktop.services.organization_names import organization_names
from kyodo_desktop.services.project_import import PlannedPartner, PlannedProject
from kyodo_desktop.services.project_partner_index import NEW_PREFIX
from kyodo_desktop.services.workspace import Workspace

_ModelIndex = QModelIndex | QPersistentModelIndex

COL_TITLE = 2
COL_YEAR = 3
COL_PARTNERS = 4
COL_AMOUNT = 5
COL_REASON = 6

#: How a partner was found, as the service says it (shown translated).
_REASONS = (
    QT_TRANSLATE_NOOP("ProjectReviewModel", "法人番号が同じ"),
    QT_TRANSLATE_NOOP("ProjectReviewModel", "団体名が同じ"),
    QT_TRANSLATE_NOOP("ProjectReviewModel", "団体名がほぼ同じ"),
    QT_TRANSLATE_NOOP("ProjectReviewModel", "新しい団体として登録"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectReviewModel", text)


def action_label(action: Action) -> str:
    """A project row's action as shown: 変更なし reads 登録済み (the project is stored already)."""
    if action is Action.UNCHANGED:
        return _tr("登録済み")
    return QCoreApplication.translate("ImportAction", action.value)


def partner_text(partner: PlannedPartner, registered: str = "") -> str:
    """``みどりの森 → 特定非営利活動法人みどりの森（法人番号が同じ）`` (the list's name, then the
    registered name when it differs) / ``さくら印刷（新しい団体として登録）``."""
    name = partner.cell.name or partner.cell.corporate_number
    if registered and registered != name:
        name = f"{name} → {registered}"
    return f"{name}（{_tr(partner.reason)}）"


def _problem_line(problem: RowProblem) -> str:
    return f"「{problem.column}」{problem.message}" if problem.column else problem.message


def project_reason(planned: PlannedProject) -> str:
    """Why a row gets its action (its problems, the earlier row or stored project it repeats),
    then its remarks (values left out, partners not paired with numbers)."""
    if planned.action is Action.ERROR:
        reason = " ".join(_problem_line(p) for p in planned.row.problems)
    elif planned.action is Action.DUPLICATE_IN_FILE:
        reason = _tr("{row} 行目と同じ事業（取り込みません）").format(row=planned.duplicate_of_row)
    elif planned.action is Action.UNCHANGED:
        reason = _tr("登録済みの事業と同じ（取り込みません）")
    else:
        reason = ""
    remarks = " ".join(_problem_line(p) for p in (*planned.warnings, *planned.dropped))
    return f"{reason} {remarks}" if reason and remarks else reason or remarks


class ProjectReviewModel(PlanTableModel):
    """Every row of a past-project plan: 行, 処理, 事業名, 年度, 団体名, 金額, 理由/問題."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProjectReviewModel", "行"),
        QT_TRANSLATE_NOOP("ProjectReviewModel", "処理"),
        QT_TRANSLATE_NOOP("ProjectReviewModel", "事業名"),
        QT_TRANSLATE_NOOP("ProjectReviewModel", "年度"),
        QT_TRANSLATE_NOOP("ProjectReviewModel", "団体名"),
        QT_TRANSLATE_NOOP("ProjectReviewModel", "金額"),
        QT_TRANSLATE_NOOP("ProjectReviewModel", "理由/問題"),
    )

    REASON_COLUMN = COL_REASON
    RIGHT_ALIGNED = (COL_ROW, COL_AMOUNT)

    def __init__(self, parent: QObject | None = None, workspace: Workspace | None = None) -> None:
        super().__init__(parent)
        #: where the matched partners' registered names are read (none: the list's names only)
        self.workspace = workspace
        self._registered: dict[str, str] = {}

    def set_plan(self, plan: Any, raw_names: dict[int, str] | None = None) -> None:
        """Show ``plan`` (as :class:`PlanTableModel`), the matched partners' registered names read once."""
        self._registered = {}
        if plan is not None and self.workspace is not None:
            keys = {p.key for row in plan.rows for p in row.partners if not p.key.startswith(NEW_PREFIX)}
            self._registered = organization_names(self.workspace, keys) if keys else {}
        super().set_plan(plan, raw_names)

    def _partner(self, partner: PlannedPartner) -> str:
        return partner_text(partner, self._registered.get(partner.key, ""))

    def planned_row(self, row: int) -> PlannedProject:
        """The planned row shown in table row ``row``."""
        planned: PlannedProject = self._rows[row]
        return planned

    def _display(self, planned: PlannedProject, column: int) -> str:
        record = planned.row.data
        project = record.project if record is not None else None
        if column == COL_ROW:
            return str(planned.row.row_number)
        if column == COL_ACTION:
            return action_label(planned.action)
        if column == COL_TITLE:
            return project.title if project is not None else self._raw_names.get(planned.row.row_number, "")
        if column == COL_YEAR:
            return year_label(project.fiscal_year) if project is not None else ""
        if column == COL_PARTNERS:
            return "、".join(self._partner(p) for p in planned.partners)
        if column == COL_AMOUNT:
            amount = project.budget.get(BudgetSide.ADMINISTRATION.value) if project is not None else None
            return f"{amount:,}" if isinstance(amount, int) else ""
        if column == COL_REASON:
            return project_reason(planned)
        return ""

    def _tooltip(self, planned: PlannedProject, column: int) -> str | None:
        if column == COL_ROW and planned.row.sheet:
            return self.tr("シート {sheet} の {row} 行目").format(
                sheet=planned.row.sheet, row=planned.row.row_number
            )
        if column == COL_PARTNERS and planned.partners:
            return "\n".join(
                f"{self._partner(p)} {term(p.role)}"
                + (f"\n  {p.cell.corporate_number}" if p.cell.corporate_number else "")
                + (f"\n  {p.cell.address}" if p.cell.address else "")
                for p in planned.partners
            )
        if column == COL_REASON:
            lines = [p.describe() for p in (*planned.row.problems, *planned.warnings, *planned.dropped)]
            return "\n".join(lines) or None
        if column == COL_TITLE:
            return self._display(planned, column) or None
        return None
