"""The year's projects and budget by NPO activity field and by municipality (分野別・市町村別).

Whose field and whose municipality:

* **Field**: the project's own 活動分野 (``projects.activity_fields``, chosen in the wizard); a
  project without any takes its main partner's (the first 主たるパートナー, the organization's
  活動分野). A project with several fields counts in each of them, with its whole amount, so the
  field table's column sums may exceed the year's totals (the sheet says so); a project with no
  field either way is one row 「（分野の記入なし）」.
* **Municipality**: projects have none of their own, so the main partner's 市町村 (its
  ``municipality_name``); a project without a main partner, or whose partner has no 市町村, is
  one row 「（市町村の記入なし）」. Each project counts once, so this table sums to the year's totals.

"The year's projects" and the budget (行政負担) are those of
:mod:`~kyodo_desktop.services.year_figures`. Both tables are SQL aggregates: the fields grouped
by the stored list of fields (「3,13」, a few hundred combinations at 20,000 projects), which is
then split into its fields; the municipalities grouped by the partner's 市町村.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.project_terms import PartnerRole
from kyodo_desktop.persistence.models import Organization, Project, ProjectPartner
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.year_figures import year_projects

__all__ = ["NO_FIELD", "NO_MUNICIPALITY", "BreakdownRow", "YearBreakdown", "year_breakdown"]

NO_FIELD = "（分野の記入なし）"
NO_MUNICIPALITY = "（市町村の記入なし）"


@dataclass(frozen=True)
class BreakdownRow:
    """One line of a breakdown: its label, the number of projects and their 行政負担 (円)."""

    label: str
    projects: int
    budget: int


@dataclass(frozen=True)
class YearBreakdown:
    """The two tables of one scope: the 20 fields in 別表 order (then 「記入なし」 when any),
    the municipalities by number of projects (most first, then by 市町村コード)."""

    scope: ReportScope
    by_field: tuple[BreakdownRow, ...]
    by_municipality: tuple[BreakdownRow, ...]
    projects: int
    budget: int


def _main_partner() -> Any:
    """The id of a project's main partner (the first by position), correlated to ``Project``."""
    return (
        select(ProjectPartner.organization_id)
        .where(ProjectPartner.project_id == Project.id, ProjectPartner.role == PartnerRole.MAIN.value)
        .order_by(ProjectPartner.position)
        .limit(1)
        .scalar_subquery()
    )


def year_breakdown(ws: Workspace, scope: ReportScope) -> YearBreakdown:
    """The year's projects and budget by activity field and by municipality (see the module)."""
    conditions = year_projects(scope)
    # one level deep, so it correlates with the outer projects (a nested one would not)
    partner_fields = (
        select(Organization.activity_fields)
        .join(ProjectPartner, ProjectPartner.organization_id == Organization.id)
        .where(ProjectPartner.project_id == Project.id, ProjectPartner.role == PartnerRole.MAIN.value)
        .order_by(ProjectPartner.position)
        .limit(1)
        .scalar_subquery()
    )
    own = func.nullif(func.replace(Project.activity_fields, " ", ""), "")
    fields = func.coalesce(own, func.replace(partner_fields, " ", ""), "").label("fields")
    # grouped by the stored list ("3,13"): a few hundred combinations, split into fields below
    combos = (
        select(fields, func.count(), func.coalesce(func.sum(Project.budget_administration), 0))
        .where(*conditions)
        .group_by(fields)
    )
    place = (
        select(
            Organization.municipality_code,
            Organization.municipality_name,
            func.count(),
            func.coalesce(func.sum(Project.budget_administration), 0),
        )
        .select_from(Project)
        .outerjoin(Organization, Organization.id == _main_partner())
        .where(*conditions)
        .group_by(Organization.municipality_code, Organization.municipality_name)
    )
    with ws.session_factory() as s:
        found = s.execute(combos).all()
        places = s.execute(place).all()
    counts = dict.fromkeys(ACTIVITY_FIELD_SHORT, 0)
    budgets = dict.fromkeys(ACTIVITY_FIELD_SHORT, 0)
    blank_count = blank_budget = total = budget = 0
    for stored, count, amount in found:
        total += count
        budget += amount
        codes = {int(c) for c in stored.split(",") if c.isdigit() and int(c) in counts}
        if not codes:
            blank_count += count
            blank_budget += amount
        for code in codes:
            counts[code] += count
            budgets[code] += amount
    by_field = [
        BreakdownRow(label, counts[code], budgets[code]) for code, label in ACTIVITY_FIELD_SHORT.items()
    ]
    if blank_count:
        by_field.append(BreakdownRow(NO_FIELD, blank_count, blank_budget))
    return YearBreakdown(scope, tuple(by_field), _municipalities(places), total, budget)


def _municipalities(places: Any) -> tuple[BreakdownRow, ...]:
    """One row per 市町村 (the same name under two codes is one), blank last."""
    merged: dict[str, list[Any]] = {}
    for code, name, count, budget in places:
        label = (name or "").strip() or NO_MUNICIPALITY
        entry = merged.setdefault(label, [code or "", 0, 0])
        codes = [c for c in (entry[0], code or "") if c]
        entry[0] = min(codes) if codes else ""
        entry[1] += int(count)
        entry[2] += int(budget or 0)
    rows = sorted(
        ((label, *values) for label, values in merged.items()),
        key=lambda r: (r[0] == NO_MUNICIPALITY, -r[2], r[1] or "99999", r[0]),
    )
    return tuple(BreakdownRow(label, count, budget) for label, _code, count, budget in rows)
