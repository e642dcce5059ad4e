"""Every import can be undone: the imports found in the audit log, and their undo.

An import's audit rows carry ``context = "import ID FILE"`` (:func:`~kyodo_desktop.services.importing.apply_import`):
a ``create`` row for each record it added (``{field: [null, value]}``) and an ``update`` row for
each record it changed (``{field: [old, new]}``). That is all an undo needs:

- the records it created are deleted for real (their contacts and 対応記録 with them): a record
  put in the trash would still be in the data, and the undo must leave it as it was before;
- the records it updated get the old values of the audited fields back (the derived columns are
  recomputed from them) and, when the row holds them (``"_before"``, written since imports
  record it), their ``version`` and ``updated_at`` from before the import: the record is then
  exactly as it was. A form opened on the imported values holds a newer version and is still
  refused as stale. An import recorded before that has no ``"_before"``: its records' ``version``
  goes forward and ``updated_at`` is the undo's time (the undo counts as a change of its own);
- an ``undo-import`` audit row for every record (``context = "undo-import ID FILE"``).

A past-project import (``kyodo projects import``) has ``create`` rows of entity ``project`` too:
those projects are deleted with their lists, and the organizations it created are deleted
unless a project it did not create has them as a partner since (they are kept then, no undo row).
A returned evaluation form's import (``kyodo evaluations import``) has a ``create`` row of entity
``evaluation`` and maybe a ``target_results`` row of its round: the evaluation is deleted and the
round's 実績 put back (:mod:`kyodo_desktop.services.import_undo_evaluations`).

All in ONE transaction after a ``pre-undo-import`` backup. It is refused, with nothing written,
when a record of the import has been changed since (any later audit row for it, contacts and
対応記録 included, except the rows of imports already undone and of their undos): the message
names those records. Undoing twice is refused.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, select, text, update
from sqlalchemy.orm import Session

from kyodo_desktop.domain.local_time import utc_iso_to_local_text
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.bulk import RowShape, insert_rows
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Contact,
    Interaction,
    Organization,
    Project,
    ProjectAgreementItem,
    ProjectLogEntry,
    ProjectPartner,
    ProjectPoint,
    ProjectPurpose,
    ProjectRole,
    ProjectStageChange,
    ProjectTarget,
    table_of,
    utc_now,
)
from kyodo_desktop.services import import_undo_evaluations as evaluation_undo
from kyodo_desktop.services.importing import BEFORE_KEY
from kyodo_desktop.services.organizations import (
    INPUT_FIELDS,
    fields_from_text,
    input_from,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "UNDO_ACTION",
    "ImportEditedSinceError",
    "ImportRecord",
    "UndoCancelled",
    "UndoSummary",
    "find_import",
    "list_imports",
    "shown_time",
    "undo_import",
]

#: The audit action of an undo's rows.
UNDO_ACTION = "undo-import"
_IMPORT_PREFIX = "import "
_UNDO_PREFIX = f"{UNDO_ACTION} "
#: How many names the refusal lists before "ほかN件".
_NAMED = 5
_BATCH = 500

Progress = Callable[[int, int], bool]


@dataclasses.dataclass(frozen=True)
class ImportRecord:
    """One import as the audit log tells it."""

    import_id: str
    #: UTC ISO time of the import (as stored)
    occurred_at: str
    officer: str
    source_name: str
    created: int
    updated: int
    undone: bool
    #: of ``created``, the projects (a past-project import also registers organizations)
    created_projects: int = 0

    @property
    def created_organizations(self) -> int:
        """Of ``created``, the organizations."""
        return self.created - self.created_projects

    @property
    def context(self) -> str:
        """The ``context`` of the import's audit rows."""
        return f"{_IMPORT_PREFIX}{self.import_id} {self.source_name}"


@dataclasses.dataclass(frozen=True)
class UndoSummary:
    """What an undo did."""

    import_id: str
    #: records the import created, now deleted
    deleted: int
    #: records the import updated, now back to their old values
    restored: int
    backup_path: str


class ImportEditedSinceError(KnownError):
    """Records of the import were changed after it: the undo would lose those changes."""

    def __init__(self, names: Sequence[str]) -> None:
        shown = "、".join(f"「{name}」" for name in names[:_NAMED])
        more = f" ほか{len(names) - _NAMED}件" if len(names) > _NAMED else ""
        super().__init__(
            f"取り込みの後に変更された記録があるため、この取り込みは取り消せません: {shown}{more}。"
            "何も変更していません。"
        )
        self.names = list(names)


class UndoCancelled(KnownError):
    """The officer cancelled the undo; the data is exactly as before."""

    def __init__(self) -> None:
        super().__init__("取り消しを中止しました。データは元のままです。")


def shown_time(utc_iso: str) -> str:
    """A stored UTC time as a person reads it: local time with its offset (``2026-12-01 19:28 +09:00``)."""
    return utc_iso_to_local_text(utc_iso, seconds=False)


def _split_context(context: str, prefix: str) -> tuple[str, str]:
    """``(import id, file name)`` of an ``"import ID FILE"`` context."""
    rest = context[len(prefix) :]
    import_id, _, source = rest.partition(" ")
    return import_id, source


def _undone_ids(s: Session) -> set[str]:
    contexts = s.scalars(select(AuditEntry.context).where(AuditEntry.action == UNDO_ACTION).distinct()).all()
    return {_split_context(c, _UNDO_PREFIX)[0] for c in contexts if c.startswith(_UNDO_PREFIX)}


def _imports(s: Session) -> list[ImportRecord]:
    rows = s.execute(
        text(
            "SELECT context, min(occurred_at), min(officer),"
            " sum(action = 'create'), sum(action = 'update'),"
            " sum(action = 'create' AND entity = 'project')"
            " FROM audit_log WHERE substr(context, 1, 7) = :prefix AND action IN ('create', 'update')"
            " GROUP BY context ORDER BY min(id)"
        ),
        {"prefix": _IMPORT_PREFIX},
    ).all()
    undone = _undone_ids(s)
    out = []
    for context, occurred_at, officer, created, updated, projects in rows:
        import_id, source = _split_context(context, _IMPORT_PREFIX)
        out.append(
            ImportRecord(
                import_id=import_id,
                occurred_at=occurred_at,
                officer=officer,
                source_name=source,
                created=int(created or 0),
                updated=int(updated or 0),
                undone=import_id in undone,
                created_projects=int(projects or 0),
            )
        )
    return out


def list_imports(ws: Workspace) -> list[ImportRecord]:
    """Every import that wrote something, oldest first (undone ones included, marked)."""
    with ws.session_factory() as s:
        return _imports(s)


def find_import(s: Session, import_id: str) -> ImportRecord:
    """The import ``import_id`` (KnownError when there is none)."""
    wanted = import_id.strip()
    for found in _imports(s):
        if found.import_id == wanted:
            return found
    raise KnownError(
        f"取り込みID {wanted} の取り込みは見つかりません（kyodo imports list で確かめてください）。"
    )


def _check(s: Session, import_id: str) -> ImportRecord:
    """The import, when it can be undone now; otherwise the KnownError that says why not."""
    found = find_import(s, import_id)
    if found.undone:
        raise KnownError(f"取り込みID {found.import_id}（{found.source_name}）は既に取り消されています。")
    blocked = _edited_since(s, found)
    if blocked:
        raise ImportEditedSinceError(_names(s, blocked))
    return found


def _edited_since(s: Session, found: ImportRecord) -> list[str]:
    """Records of the import with a later audit row that is not part of an undone import."""
    ignored = [found.context]
    for other in _imports(s):
        if other.undone and other.import_id != found.import_id:
            ignored += [other.context, f"{_UNDO_PREFIX}{other.import_id} {other.source_name}"]
    stmt = text(
        "SELECT DISTINCT i.record_id FROM audit_log AS i"
        " JOIN audit_log AS a ON a.record_id = i.record_id AND a.id > i.id"
        " WHERE i.context = :context AND i.action IN ('create', 'update', 'target_results')"
        " AND a.context NOT IN :ignored ORDER BY i.id"
    ).bindparams(bindparam("ignored", expanding=True))
    return list(s.scalars(stmt, {"context": found.context, "ignored": ignored}).all())


def _names(s: Session, ids: Sequence[str]) -> list[str]:
    """Names of the records, in the order given (a record no longer stored: its id)."""
    names: dict[str, str] = {}
    for chunk in _chunks(ids):
        found = s.execute(select(Organization.id, Organization.name).where(Organization.id.in_(chunk)))
        names.update((record_id, name) for record_id, name in found)
        projects = s.execute(select(Project.id, Project.title).where(Project.id.in_(chunk)))
        names.update((record_id, title) for record_id, title in projects)
        names.update(evaluation_undo.names(s, chunk))
    return [names.get(record_id, record_id) for record_id in ids]


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _stored_value(field: str, value: Any) -> Any:
    """An audited value (JSON) as the input field takes it."""
    if field == "fields":
        return fields_from_text(value or "")
    if field in ("established_on", "certified_on", "nintei_expires_on"):
        return date.fromisoformat(value) if value else None
    return value


_AUDIT = RowShape(
    table_of(AuditEntry), ["occurred_at", "officer", "entity", "record_id", "action", "changes", "context"]
)


def undo_import(ws: Workspace, import_id: str, *, progress: Progress | None = None) -> UndoSummary:
    """Undo the import ``import_id`` in one transaction after a backup (see the module docstring)."""
    ws.require_write()
    with ws.session_factory() as s:  # refused before taking a backup nothing would follow
        _check(s, import_id)
    taken = backup.create_backup(ws.db_path, ws.backups_dir, "pre-undo-import")
    with ws.session_factory.begin() as s:
        found = _check(s, import_id)
        rows = s.execute(
            select(AuditEntry.record_id, AuditEntry.action, AuditEntry.changes, AuditEntry.entity)
            .where(
                AuditEntry.context == found.context,
                AuditEntry.action.in_(("create", "update", *evaluation_undo.ACTIONS)),
            )
            .order_by(AuditEntry.id)
        ).all()
        now, officer = utc_now(), ws.officer.name
        context = f"{_UNDO_PREFIX}{found.import_id} {found.source_name}"
        total = len(rows)
        audits: list[tuple[Any, ...]] = []
        created: list[str] = []
        projects = [r[0] for r in rows if r[1] == "create" and r[3] == "project"]
        kept = _used_elsewhere(s, [r[0] for r in rows if r[1] == "create" and r[3] != "project"], projects)
        restored = evaluations = 0
        orgs = table_of(Organization)
        for n, (record_id, action, changes_text, entity) in enumerate(rows, 1):
            if progress is not None and n % 200 == 0 and progress(n, total) is False:
                raise UndoCancelled
            changes = json.loads(changes_text or "{}")
            if record_id in kept:
                continue
            if entity in evaluation_undo.ENTITIES:
                undo_changes = evaluation_undo.undo_row(s, record_id, entity, action, changes)
                evaluations += action == "create"
            elif action == "create":
                if entity != "project":
                    created.append(record_id)
                undo_changes = {field: [value, None] for field, value in _new_values(changes).items()}
            else:
                undo_changes = _restore(s, orgs, record_id, changes, now)
                restored += 1
            audits.append(
                _AUDIT.row(
                    {
                        "occurred_at": now,
                        "officer": officer,
                        "entity": entity,
                        "record_id": record_id,
                        "action": UNDO_ACTION,
                        "changes": json.dumps(undo_changes, ensure_ascii=False),
                        "context": context,
                    }
                )
            )
        _delete_projects(s, projects)
        for chunk in _chunks(created):
            # children first: no reliance on the foreign keys' ON DELETE being in force
            s.execute(delete(table_of(Contact)).where(table_of(Contact).c.organization_id.in_(chunk)))
            s.execute(delete(table_of(Interaction)).where(table_of(Interaction).c.organization_id.in_(chunk)))
            s.execute(delete(orgs).where(orgs.c.id.in_(chunk)))
        insert_rows(s, _AUDIT, audits)
        if progress is not None and progress(total, total) is False:
            raise UndoCancelled
    return UndoSummary(found.import_id, len(created) + len(projects) + evaluations, restored, str(taken.path))


_PROJECT_CHILDREN = (
    ProjectPartner,
    ProjectStageChange,
    ProjectPurpose,
    ProjectTarget,
    ProjectRole,
    ProjectAgreementItem,
    ProjectPoint,
    ProjectLogEntry,
)


def _delete_projects(s: Session, ids: Sequence[str]) -> None:
    """Delete the projects and their lists (children first, as the organizations' are)."""
    for chunk in _chunks(ids):
        for child in _PROJECT_CHILDREN:
            table = table_of(child)
            s.execute(delete(table).where(table.c.project_id.in_(chunk)))
        s.execute(delete(table_of(Project)).where(table_of(Project).c.id.in_(chunk)))


def _used_elsewhere(s: Session, org_ids: Sequence[str], projects: Sequence[str]) -> set[str]:
    """The created organizations a project outside ``projects`` has as a partner: they stay."""
    if not projects:
        return set()
    ours = set(projects)
    used: set[str] = set()
    for chunk in _chunks(org_ids):
        found = s.execute(
            select(ProjectPartner.organization_id, ProjectPartner.project_id).where(
                ProjectPartner.organization_id.in_(chunk)
            )
        )
        used.update(org_id for org_id, project_id in found if project_id not in ours)
    return used


def _new_values(changes: Any) -> dict[str, Any]:
    """The new values of a ``{field: [old, new]}`` audit object."""
    if not isinstance(changes, dict):
        return {}
    return {field: pair[1] for field, pair in changes.items() if isinstance(pair, list) and len(pair) == 2}


def _restore(s: Session, orgs: Any, record_id: str, changes: Any, now: str) -> dict[str, list[Any]]:
    """Put the old values of an ``update`` row back; the undo's own ``{field: [new, old]}``."""
    org = s.get(Organization, record_id)
    if org is None:
        raise KnownError(f"取り込みで更新した団体が見つかりません: {record_id}。何も変更していません。")
    old = {
        field: _stored_value(field, pair[0])
        for field, pair in (changes.items() if isinstance(changes, dict) else ())
        if field in INPUT_FIELDS and isinstance(pair, list) and len(pair) == 2
    }
    restored = dataclasses.replace(input_from(org), **old)
    version, updated_at = _before(changes, org.version) or (org.version + 1, now)
    s.execute(
        update(orgs)
        .where(orgs.c.id == record_id)
        .values(**org_column_values(restored), version=version, updated_at=updated_at)
    )
    return {field: [pair[1], pair[0]] for field, pair in changes.items() if field in old}


def _before(changes: Any, current_version: int) -> tuple[int, str] | None:
    """``(version, updated_at)`` the record had before the import, when the audit row holds
    them and the import is the record's last change (its version one below the current one)."""
    before = changes.get(BEFORE_KEY) if isinstance(changes, dict) else None
    if not isinstance(before, dict):
        return None
    version, updated_at = before.get("version"), before.get("updated_at")
    if type(version) is not int or not isinstance(updated_at, str) or not updated_at:
        return None
    if version != current_version - 1:
        return None  # something moved it on since (never, after the check): a fresh version
    return version, updated_at
