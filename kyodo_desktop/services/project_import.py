"""Past projects from a 課's Excel list: plan (partners matched, rows already stored) and apply.

The file is read and mapped by the one import pipeline (:mod:`kyodo_desktop.services.import_pipeline`)
with the :data:`~kyodo_desktop.domain.project_import.PROJECTS` kind; this module does what is
the projects' own:

- ``--set 形態=委託`` gives every row the same value (:func:`with_fixed_values`: a column of its
  own, so its problems are reported like a cell's);
- each partner is matched to the registry by 法人番号, then by name (the folded name, then a name
  :func:`~kyodo_desktop.domain.org_names.same_name_key` takes for the same among those sharing its
  first characters, so 特定非営利活動法人みどりの森 and NPO法人 みどりの森の会 across years are
  one); a partner found nowhere becomes a new organization, once for the whole file;
- a row is the same project as one stored (or an earlier row) when 年度, 事業名 (folded), the set
  of partners, 金額 and the start of the period all agree: a list has no id of its own, and
  those are what a list re-sent next year repeats unchanged, while the same title with the same
  partner recurs legitimately within a 年度 for another period or amount (quarterly contracts,
  ``（4～6月分）``). So importing the same file twice adds nothing.

:func:`apply_project_import` writes in ONE transaction after a ``pre-import`` backup: the new
organizations (``create`` audit rows naming the import, as the organization import's, so they
appear in the duplicate review and in ``kyodo imports list``) and the projects (``import_id``
set, ``create`` audit rows with the same context). ``kyodo imports undo`` removes both.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.domain.project_cells import PartnerCell
from kyodo_desktop.domain.project_import import PROJECTS, PastProjectRow, title_key
from kyodo_desktop.domain.project_terms import BudgetSide, PartnerRole, Stage
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit, backup
from kyodo_desktop.persistence.bulk import RowShape, bulk_cache, insert_rows
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Project,
    ProjectPartner,
    new_id,
    table_of,
    utc_now,
)
from kyodo_desktop.services import import_lists, import_pipeline
from kyodo_desktop.services.gc_pacing import cycle_collection_paused
from kyodo_desktop.services.import_lists import SourceTable
from kyodo_desktop.services.import_pipeline import ImportSource
from kyodo_desktop.services.importing import Action, ImportCancelled, insert_new_organizations
from kyodo_desktop.services.project_bulk import NewProjects
from kyodo_desktop.services.project_partner_index import PartnerIndex
from kyodo_desktop.services.project_records import nonblank, snapshot
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "PlannedPartner",
    "PlannedProject",
    "ProjectImportPlan",
    "ProjectImportSummary",
    "apply_project_import",
    "convert_project_list",
    "plan_projects",
    "prepare_project_import",
    "with_fixed_values",
]

Progress = Callable[[int, int], bool]
#: Projects whose rows are written at a time (their tuples are not all held until the end)
_BATCH = 2000


def with_fixed_values(
    table: SourceTable, mapping: dict[int, str], values: Sequence[tuple[str, str]]
) -> tuple[SourceTable, dict[int, str]]:
    """The table with one column per ``(field, value)`` (``--set``), the value on every row; a
    column already mapped to that field is no longer imported."""
    if not values:
        return table, mapping
    headers = list(table.headers)
    chosen = dict(mapping)
    extra: list[str] = []
    for field, value in values:
        for index, target in chosen.items():
            if target == field:
                chosen[index] = "ignore"
        chosen[len(headers)] = field
        headers.append(f"--set {PROJECTS.labels.get(field, field)}")
        extra.append(value)
    width = len(table.headers)
    rows = [(number, [*cells, *[""] * (width - len(cells)), *extra]) for number, cells in table.rows]
    return dataclasses.replace(table, headers=headers, rows=rows), chosen


@dataclasses.dataclass
class PlannedPartner:
    """A partner of a row: the organization it is (a registered id, or ``new:N`` for one the
    import creates), how it was found, and its role."""

    cell: PartnerCell
    key: str
    reason: str
    role: str


@dataclasses.dataclass
class PlannedProject:
    """One row and what the import does with it."""

    row: ImportRow[PastProjectRow]
    action: Action
    partners: list[PlannedPartner] = dataclasses.field(default_factory=list)
    #: the stored project (UNCHANGED) or the earlier row (DUPLICATE_IN_FILE) it is
    existing_id: str = ""
    duplicate_of_row: int = 0
    warnings: list[RowProblem] = dataclasses.field(default_factory=list)
    dropped: list[RowProblem] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ProjectImportPlan:
    """The planned import: every row, and the organizations it will create (``new:N`` → record)."""

    source_name: str
    rows: list[PlannedProject]
    new_organizations: dict[str, tuple[OrganizationInput, str]]
    drop_invalid: bool = False

    def count(self, action: Action) -> int:
        """How many rows have ``action``."""
        return sum(1 for r in self.rows if r.action is action)

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem of every row that stops it, in row order."""
        return [p for r in self.rows if r.action is Action.ERROR for p in r.row.problems]

    @property
    def notices(self) -> list[RowProblem]:
        """Remarks on rows imported anyway (values left out, partners not paired with numbers)."""
        return [p for r in self.rows for p in (*r.warnings, *r.dropped)]

    @property
    def has_errors(self) -> bool:
        """Whether any row cannot be imported."""
        return any(r.action is Action.ERROR for r in self.rows)


@dataclasses.dataclass(frozen=True)
class ProjectImportSummary:
    """What was written ("" backup: nothing was)."""

    import_id: str
    projects: int
    organizations: int
    skipped: int
    errors: int
    backup_path: str


def _stored_identities(ws: Workspace) -> dict[tuple[Any, ...], str]:
    """Every stored project's identity (see the module docstring) → its id."""
    projects, partners = table_of(Project), table_of(ProjectPartner)
    found: dict[str, list[str]] = {}
    with ws.engine.connect() as c:
        for project_id, org_id in c.execute(select(partners.c.project_id, partners.c.organization_id)):
            found.setdefault(project_id, []).append(org_id)
        rows = c.execute(
            select(
                projects.c.id,
                projects.c.fiscal_year,
                projects.c.title,
                projects.c.budget_administration,
                projects.c.period_start,
            ).where(projects.c.deleted_at.is_(None), projects.c.is_draft.is_(False))
        ).all()
    out: dict[tuple[Any, ...], str] = {}
    for project_id, fy, title, amount, start in rows:
        identity = (fy, title_key(title), frozenset(found.get(project_id, [])), amount or 0, start)
        out.setdefault(identity, project_id)
    return out


def _identity(data: ProjectInput, keys: Sequence[str]) -> tuple[Any, ...]:
    amount = data.budget.get(BudgetSide.ADMINISTRATION.value, 0)
    return (data.fiscal_year, title_key(data.title), frozenset(keys), amount, data.period_start)


def _dropped(row: ImportRow[PastProjectRow]) -> tuple[ImportRow[PastProjectRow], list[RowProblem]] | None:
    """The row without its failed values (``--drop-invalid``), or None when it cannot be saved so."""
    if row.draft is None or any(not p.field for p in row.problems):
        return None
    notices = [
        dataclasses.replace(p, message=f"{p.message.rstrip('。')}。この値を取り込まずに登録します")
        for p in row.problems
    ]
    return dataclasses.replace(row, data=row.draft, problems=[]), notices


@cycle_collection_paused()
def plan_projects(
    ws: Workspace,
    rows: Sequence[ImportRow[PastProjectRow]],
    *,
    source_name: str,
    drop_invalid: bool = False,
    progress: Progress | None = None,
) -> ProjectImportPlan:
    """Match every row's partners and find the rows already stored; writes nothing."""
    index = PartnerIndex(ws)
    stored = _stored_identities(ws)
    seen: dict[tuple[Any, ...], int] = {}
    planned: list[PlannedProject] = []
    for n, source_row in enumerate(rows, 1):
        if progress is not None and n % 1000 == 0 and progress(n, len(rows)) is False:
            raise ImportCancelled
        row, dropped = source_row, list[RowProblem]()
        if drop_invalid and not row.ok:
            salvaged = _dropped(row)
            if salvaged is not None:
                row, dropped = salvaged
        if not row.ok or row.data is None:
            planned.append(PlannedProject(row, Action.ERROR))
            continue
        record = row.data
        current = PlannedProject(row, Action.NEW, dropped=dropped)
        current.warnings = [
            RowProblem(row.row_number, column, message, row.sheet) for column, message in record.notices
        ]
        problems = _plan_partners(index, current, record)
        if problems:
            current.row = dataclasses.replace(row, problems=problems)
            current.action = Action.ERROR
            planned.append(current)
            continue
        identity = _identity(record.project, [p.key for p in current.partners])
        if identity in stored:
            current.action, current.existing_id = Action.UNCHANGED, stored[identity]
        elif identity in seen:
            current.action, current.duplicate_of_row = Action.DUPLICATE_IN_FILE, seen[identity]
        else:
            seen[identity] = row.row_number
        planned.append(current)
    if progress is not None:
        progress(len(rows), len(rows))
    used = {p.key for r in planned if r.action is Action.NEW for p in r.partners}
    new = {k: v for k, v in index.new.items() if k in used}
    return ProjectImportPlan(source_name, planned, new, drop_invalid)


def _plan_partners(index: PartnerIndex, current: PlannedProject, record: PastProjectRow) -> list[RowProblem]:
    """Find or plan each partner of a row (the first 主たるパートナー, the others 協力団体)."""
    row = current.row
    problems: list[RowProblem] = []
    keys: set[str] = set()
    for cell in record.partners:
        key, reason = index.find(cell)
        if not key:
            if not cell.name:
                problems.append(
                    RowProblem(
                        row.row_number,
                        "法人番号",
                        f"法人番号 {cell.corporate_number} の団体は台帳になく、団体名もないため登録できません",
                        row.sheet,
                    )
                )
                continue
            try:
                data = validate_organization(
                    OrganizationInput(
                        name=cell.name, address=cell.address, corporate_number=cell.corporate_number
                    )
                )
            except ValidationErrors as errors:
                problems.extend(
                    RowProblem(row.row_number, "団体名", f"{cell.name}: {e.message}", row.sheet)
                    for e in errors.errors
                )
                continue
            key, reason = index.add(data), "新しい団体として登録"
        if key in keys:
            continue  # named twice in one cell
        keys.add(key)
        role = PartnerRole.MAIN.value if not current.partners else PartnerRole.COOPERATING.value
        current.partners.append(PlannedPartner(cell, key, reason, role))
    return problems


_AUDIT = RowShape(
    table_of(AuditEntry), ["occurred_at", "officer", "entity", "record_id", "action", "changes", "context"]
)


def _stage_of(record: PastProjectRow, today: date) -> tuple[str, date]:
    """The stage a past project is stored in, and since when: the list's, else 終了 once its period
    has ended (実施 while it runs)."""
    end = record.project.period_end
    if record.stage:
        return record.stage, min(end or today, today)
    if end is not None and end < today:
        return Stage.FINISHED.value, end
    return Stage.IMPLEMENTATION.value, record.project.period_start or today


@cycle_collection_paused()
def apply_project_import(
    ws: Workspace, plan: ProjectImportPlan, *, valid_only: bool = False, progress: Progress | None = None
) -> ProjectImportSummary:
    """Write the plan in one transaction after a backup (see the module docstring)."""
    ws.require_write()
    errors = plan.count(Action.ERROR)
    if errors and not valid_only:
        raise KnownError(
            f"エラーのある行が {errors:,} 行あります。何も取り込んでいません。"
            "正しい行だけを取り込むか（--valid-only）、ファイルを直してください。"
        )
    import_id = uuid.uuid4().hex[:12]
    news = [r for r in plan.rows if r.action is Action.NEW]
    skipped = len(plan.rows) - len(news) - errors
    if not news:
        return ProjectImportSummary(import_id, 0, 0, skipped, errors, "")
    taken = backup.create_backup(ws.db_path, ws.backups_dir, "pre-import", reuse_unchanged=True)
    context = f"import {import_id} {plan.source_name}"
    officer, now, today = ws.officer.name, utc_now(), date.today()
    total = len(news)
    # plain rows in one executemany per table: through the session, 10,000 projects with their
    # lists took most of the import (attribute events, the unit of work sorting every child)
    with ws.session_factory.begin() as s, bulk_cache(s):
        keys = list(plan.new_organizations)
        ids = insert_new_organizations(
            s, list(plan.new_organizations.values()), officer=officer, now=now, context=context
        )
        org_of = dict(zip(keys, ids, strict=True))
        rows = NewProjects(import_id=import_id, officer=officer, now=now)
        audits: list[tuple[Any, ...]] = []
        for n, planned in enumerate(news, 1):
            if progress is not None and n % 500 == 0 and progress(n, total) is False:
                raise ImportCancelled
            assert planned.row.data is not None
            record = planned.row.data
            data = dataclasses.replace(
                record.project,
                partners=[PartnerInput(org_of.get(p.key, p.key), p.role) for p in planned.partners],
            )
            stage, since = _stage_of(record, today)
            project_id = new_id()
            rows.add(project_id, data, stage, since)
            changes = audit.diff({}, nonblank({**snapshot(data), "stage": stage, "import_id": import_id}))
            audits.append(
                _AUDIT.row(
                    {
                        "occurred_at": now,
                        "officer": officer,
                        "entity": "project",
                        "record_id": project_id,
                        "action": "create",
                        "changes": _json(changes),
                        "context": context,
                    }
                )
            )
            if len(rows) >= _BATCH:
                rows.insert(s)
        rows.insert(s)
        insert_rows(s, _AUDIT, audits)
        if progress is not None and progress(total, total) is False:
            raise ImportCancelled
    return ProjectImportSummary(import_id, len(news), len(ids), skipped, errors, str(taken.path))


def _json(changes: dict[str, Any]) -> str:
    return json.dumps(changes, ensure_ascii=False, default=str)


@dataclasses.dataclass
class PreparedProjectImport:
    """A list read, mapped and planned by :func:`prepare_project_import`."""

    source: ImportSource
    mapping: dict[int, str]
    plan: ProjectImportPlan


@cycle_collection_paused()
def prepare_project_import(
    ws: Workspace,
    path: Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    columns: Sequence[tuple[str, str]] = (),
    fixed: Sequence[tuple[str, str]] = (),
    template_name: str | None = None,
    drop_invalid: bool = False,
    progress: Progress | None = None,
) -> PreparedProjectImport:
    """Read the list once through the import pipeline (its hostile-file guards, header row and
    mapping: ``columns`` as ``kyodo import --column``), give every row the ``fixed`` values
    (``--set``, by field label: 形態), convert and plan."""
    source = import_pipeline.read_source(
        path, format=None, kind=PROJECTS, sheet=sheet, progress=progress, header_row=header_row
    )
    if source.table is None:  # pragma: no cover - the projects kind reads no portal CSV
        raise KnownError("この形式のファイルからは事業を取り込めません。")
    template = None
    if template_name:
        template = import_lists.load_mapping_template(ws.data_dir, template_name, kind=PROJECTS)
    mapping = import_pipeline.choose_mapping(source, template=template, columns=columns)
    named = [(PROJECTS.field_named(field), value) for field, value in fixed]
    table, used, rows = convert_project_list(source.table, mapping, named, progress=progress)
    plan = plan_projects(ws, rows, source_name=Path(path).name, drop_invalid=drop_invalid)
    return PreparedProjectImport(dataclasses.replace(source, table=table), used, plan)


@cycle_collection_paused()
def convert_project_list(
    table: SourceTable,
    mapping: dict[int, str],
    fixed: Sequence[tuple[str, str]] = (),
    *,
    progress: Progress | None = None,
) -> tuple[SourceTable, dict[int, str], list[ImportRow[PastProjectRow]]]:
    """A list's rows as past projects, every row given the ``fixed`` values (``(field, value)``,
    ``--set``): the table and mapping with those columns, and the rows for :func:`plan_projects`.
    The CLI and the import wizard both convert through here."""
    table, used = with_fixed_values(table, mapping, fixed)
    return table, used, import_lists.convert_table(table, used, progress=progress, kind=PROJECTS)
