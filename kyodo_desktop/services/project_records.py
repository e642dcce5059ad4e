"""What the project use cases hand back, and the mapping between a project row and its input.

Plain values (:mod:`kyodo_desktop.services.projects` makes them), so the projects tab, the CLI
and the sheets can hold them freely. :func:`snapshot` is the project as its audit rows see it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from kyodo_desktop.domain.project import (
    PartnerInput,
    PointCheck,
    ProjectInput,
    RoleRowInput,
    SelectionInput,
    TargetInput,
)
from kyodo_desktop.domain.project_terms import BudgetSide
from kyodo_desktop.persistence.models import (
    Project,
    ProjectAgreementItem,
    ProjectPartner,
    ProjectPoint,
    ProjectPurpose,
    ProjectRole,
    ProjectTarget,
)

#: BudgetSide → the projects column holding it
BUDGET_COLUMNS = {
    BudgetSide.ADMINISTRATION.value: "budget_administration",
    BudgetSide.ORGANIZATION.value: "budget_organization",
    BudgetSide.OTHER.value: "budget_other",
}
#: ProjectInput fields stored as a projects column of the same name
PLAIN_COLUMNS = (
    "title",
    "fiscal_year",
    "section",
    "lead_officer_id",
    "relationship_kind",
    "kind_reason",
    "form",
    "period_start",
    "period_end",
    "review_on",
    "notes",
)
_SELECTION_COLUMNS = {
    "method": "selection_method",
    "candidates": "selection_candidates",
    "applicant_count": "applicant_count",
    "reason": "selection_reason",
    "review_body": "review_body",
    "published_on": "published_on",
    "is_published": "is_published",
}
#: SelectionInput fields → the projects columns holding them (the past-project import's bulk rows)
SELECTION_COLUMNS = _SELECTION_COLUMNS


@dataclass(frozen=True)
class PartnerRecord:
    """A partner as shown: the organization's id, name and 法人番号, and its role."""

    organization_id: str
    name: str
    corporate_number: str
    role: str


@dataclass(frozen=True)
class StageChangeRecord:
    """One dated stage change."""

    stage: str
    changed_on: date
    note: str
    officer: str


@dataclass(frozen=True)
class LogRecord:
    """One entry of the progress log."""

    id: int
    occurred_on: date
    text: str
    officer: str


@dataclass(frozen=True)
class ProjectRecord:
    """A stored project with its lists."""

    id: str
    version: int
    data: ProjectInput
    stage: str
    partners: list[PartnerRecord]
    stage_changes: list[StageChangeRecord]
    log: list[LogRecord]
    is_draft: bool
    draft_step: int
    import_id: str | None
    created_at: str
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class ProjectSummary:
    """A project's row in a list: ``ID<TAB>年度<TAB>事業名<TAB>形態<TAB>段階`` and a little more."""

    id: str
    fiscal_year: int | None
    title: str
    form: str
    stage: str
    section: str
    relationship_kind: str
    is_draft: bool
    #: the first 主たるパートナー's name ("" without one)
    main_partner: str = ""
    period_end: date | None = None
    review_on: date | None = None


@dataclass(frozen=True)
class OrganizationProject:
    """A project an organization takes part in, for the registry's organization view."""

    id: str
    fiscal_year: int | None
    title: str
    role: str
    form: str
    stage: str
    section: str


def input_of(p: Project) -> ProjectInput:
    """The stored project as domain input."""
    plain: dict[str, Any] = {name: getattr(p, name) for name in PLAIN_COLUMNS}
    return ProjectInput(
        **plain,
        partners=[PartnerInput(x.organization_id, x.role) for x in p.partners],
        fields=[int(c) for c in p.activity_fields.split(",") if c.strip()],
        kind_answers=json.loads(p.kind_answers) if p.kind_answers else {},
        purposes={x.kind: x.text for x in p.purposes},
        targets=[TargetInput(t.what, t.amount, t.due_on) for t in p.targets],
        budget={side: getattr(p, col) for side, col in BUDGET_COLUMNS.items() if getattr(p, col)},
        selection=SelectionInput(**{k: getattr(p, col) for k, col in _SELECTION_COLUMNS.items()}),
        roles=[RoleRowInput(r.task, r.side, r.responsible, r.note) for r in p.roles],
        agreement={x.item: x.text for x in p.agreement},
        points={x.point: PointCheck(x.status, x.evidence) for x in p.points},
    )


def apply_input(p: Project, data: ProjectInput) -> None:
    """Write a validated input onto the project row and replace its lists."""
    for name in PLAIN_COLUMNS:
        setattr(p, name, getattr(data, name))
    p.activity_fields = ",".join(map(str, sorted(set(data.fields))))
    p.kind_answers = json.dumps(data.kind_answers, ensure_ascii=False) if data.kind_answers else ""
    for side, col in BUDGET_COLUMNS.items():
        setattr(p, col, data.budget.get(side, 0))
    for key, col in _SELECTION_COLUMNS.items():
        setattr(p, col, getattr(data.selection, key))
    p.partners = [
        ProjectPartner(organization_id=x.organization_id, role=x.role, position=n)
        for n, x in enumerate(data.partners)
    ]
    p.purposes = [ProjectPurpose(kind=k, text=v) for k, v in data.purposes.items()]
    p.targets = [
        ProjectTarget(position=n, what=t.what, amount=t.amount, due_on=t.due_on)
        for n, t in enumerate(data.targets)
    ]
    p.roles = [
        ProjectRole(position=n, task=r.task, side=r.side, responsible=r.responsible, note=r.note)
        for n, r in enumerate(data.roles)
    ]
    p.agreement = [ProjectAgreementItem(item=k, text=v) for k, v in data.agreement.items()]
    p.points = [ProjectPoint(point=k, status=c.status, evidence=c.evidence) for k, c in data.points.items()]


def snapshot(data: ProjectInput) -> dict[str, Any]:
    """The user-visible values of a project for audit diffs (lists as JSON-ready lists)."""
    snap: dict[str, Any] = {name: getattr(data, name) for name in PLAIN_COLUMNS}
    snap["activity_fields"] = ",".join(map(str, data.fields))
    snap["kind_answers"] = dict(data.kind_answers)
    snap["partners"] = [[x.organization_id, x.role] for x in data.partners]
    snap["purposes"] = dict(sorted(data.purposes.items()))
    snap["targets"] = [[t.what, t.amount, t.due_on.isoformat() if t.due_on else None] for t in data.targets]
    snap["budget"] = dict(sorted(data.budget.items()))
    sel = data.selection
    snap.update(
        {
            "selection_method": sel.method,
            "selection_candidates": sel.candidates,
            "applicant_count": sel.applicant_count,
            "selection_reason": sel.reason,
            "review_body": sel.review_body,
            "published_on": sel.published_on,
            "is_published": sel.is_published,
        }
    )
    snap["roles"] = [[r.task, r.side, r.responsible, r.note] for r in data.roles]
    snap["agreement"] = dict(sorted(data.agreement.items()))
    snap["points"] = {k: [c.status, c.evidence] for k, c in sorted(data.points.items())}
    return snap


def nonblank(snap: dict[str, Any]) -> dict[str, Any]:
    """The values of a snapshot that say something (a create's audit row lists only these)."""
    return {k: v for k, v in snap.items() if v not in ("", None, [], {}, False)}
