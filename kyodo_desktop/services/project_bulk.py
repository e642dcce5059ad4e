"""New projects as plain rows for one bulk insert (the past-project import).

The same columns and child rows :func:`~kyodo_desktop.services.project_records.apply_input` puts
on an ORM ``Project``, as tuples for :func:`~kyodo_desktop.persistence.bulk.insert_rows`: adding
10,000 projects with their lists through the session took most of an import's time (attribute
events, the unit of work sorting every child), an ``executemany`` per table a small part of it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.persistence.bulk import RowShape, insert_rows
from kyodo_desktop.persistence.models import (
    Project,
    ProjectAgreementItem,
    ProjectPartner,
    ProjectPoint,
    ProjectPurpose,
    ProjectRole,
    ProjectStageChange,
    ProjectTarget,
    table_of,
)
from kyodo_desktop.services.project_records import BUDGET_COLUMNS, PLAIN_COLUMNS, SELECTION_COLUMNS

__all__ = ["NewProjects"]

_PROJECT = RowShape(
    table_of(Project),
    [
        "id",
        *PLAIN_COLUMNS,
        "activity_fields",
        *BUDGET_COLUMNS.values(),
        *SELECTION_COLUMNS.values(),
        "stage",
        "is_draft",
        "draft_step",
        "import_id",
        "version",
        "created_at",
        "updated_at",
    ],
)
_PARTNER = RowShape(table_of(ProjectPartner), ["project_id", "organization_id", "role", "position"])
_STAGE = RowShape(
    table_of(ProjectStageChange), ["project_id", "stage", "changed_on", "note", "officer", "created_at"]
)
_PURPOSE = RowShape(table_of(ProjectPurpose), ["project_id", "kind", "text"])
_TARGET = RowShape(table_of(ProjectTarget), ["project_id", "position", "what", "amount", "due_on"])
_ROLE = RowShape(table_of(ProjectRole), ["project_id", "position", "task", "side", "responsible", "note"])
_AGREEMENT = RowShape(table_of(ProjectAgreementItem), ["project_id", "item", "text"])
_POINT = RowShape(table_of(ProjectPoint), ["project_id", "point", "status", "evidence"])
_SHAPES = (_PROJECT, _PARTNER, _STAGE, _PURPOSE, _TARGET, _ROLE, _AGREEMENT, _POINT)


class NewProjects:
    """The rows of new projects, collected with :meth:`add` and written with :meth:`insert`."""

    def __init__(self, *, import_id: str | None, officer: str, now: str) -> None:
        self._import_id = import_id
        self._officer = officer
        self._now = now
        self._rows: dict[RowShape, list[tuple[Any, ...]]] = {shape: [] for shape in _SHAPES}

    def __len__(self) -> int:
        return len(self._rows[_PROJECT])

    def add(self, project_id: str, data: ProjectInput, stage: str, since: date) -> None:
        """One validated project in ``stage`` since ``since`` (its first stage change)."""
        values: dict[str, Any] = {name: getattr(data, name) for name in PLAIN_COLUMNS}
        values["activity_fields"] = ",".join(map(str, sorted(set(data.fields))))
        for side, column in BUDGET_COLUMNS.items():
            values[column] = data.budget.get(side, 0)
        for key, column in SELECTION_COLUMNS.items():
            values[column] = getattr(data.selection, key)
        values.update(
            id=project_id,
            stage=stage,
            is_draft=False,
            draft_step=0,
            import_id=self._import_id,
            version=1,
            created_at=self._now,
            updated_at=self._now,
        )
        rows = self._rows
        rows[_PROJECT].append(_PROJECT.row(values))
        rows[_PARTNER].extend(
            _PARTNER.row(
                {
                    "project_id": project_id,
                    "organization_id": x.organization_id,
                    "role": x.role,
                    "position": n,
                }
            )
            for n, x in enumerate(data.partners)
        )
        rows[_STAGE].append(
            _STAGE.row(
                {
                    "project_id": project_id,
                    "stage": stage,
                    "changed_on": since,
                    "note": "",
                    "officer": self._officer,
                    "created_at": self._now,
                }
            )
        )
        rows[_PURPOSE].extend(
            _PURPOSE.row({"project_id": project_id, "kind": kind, "text": text})
            for kind, text in data.purposes.items()
        )
        rows[_TARGET].extend(
            _TARGET.row(
                {
                    "project_id": project_id,
                    "position": n,
                    "what": t.what,
                    "amount": t.amount,
                    "due_on": t.due_on,
                }
            )
            for n, t in enumerate(data.targets)
        )
        rows[_ROLE].extend(
            _ROLE.row(
                {"project_id": project_id, "position": n, "task": r.task, "side": r.side}
                | {"responsible": r.responsible, "note": r.note}
            )
            for n, r in enumerate(data.roles)
        )
        rows[_AGREEMENT].extend(
            _AGREEMENT.row({"project_id": project_id, "item": item, "text": text})
            for item, text in data.agreement.items()
        )
        rows[_POINT].extend(
            _POINT.row({"project_id": project_id, "point": point, "status": c.status, "evidence": c.evidence})
            for point, c in data.points.items()
        )

    def insert(self, session: Session) -> None:
        """Write every collected row in the session's transaction (projects first: the child
        rows refer to them), then forget them."""
        for shape in _SHAPES:
            insert_rows(session, shape, self._rows[shape])
            self._rows[shape] = []
