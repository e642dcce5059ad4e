"""The change history (変更履歴) read from the audit rows, and 元に戻す of one change.

The window's history views and ``kyodo audit`` read the same rows. An organization's field
change can be undone while nothing newer depends on it: no later audit row of that record
touches the same fields, and the fields still hold the values the change wrote. The undo is
one transaction, audited as ``undo`` (its context names the row undone), and bumps the record's
version, so an edit form still open on the old version is refused at its next save.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.organization import validate_organization
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.persistence.models import AuditEntry, Organization, utc_now
from kyodo_desktop.services.organizations import (
    ENTITY,
    INPUT_FIELDS,
    fields_from_text,
    input_from,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

#: Actions of an organization whose changes are field values that 元に戻す can put back.
UNDOABLE_ACTIONS = frozenset({"update", "undo"})
_DATE_FIELDS = frozenset({"established_on", "certified_on"})
UNDO_CONTEXT_PREFIX = "undo:"


@dataclass(frozen=True)
class HistoryEntry:
    """One audit row as the history shows it; ``changes`` is ``{field: [old, new]}`` (or {})."""

    id: int
    occurred_at: str  # UTC ISO, as stored
    officer: str
    entity: str
    record_id: str
    record_name: str
    action: str
    changes: dict[str, list[Any]]
    context: str

    @property
    def undoable_kind(self) -> bool:
        """Whether this kind of change can be undone at all (the service still checks the rest)."""
        return self.entity == ENTITY and self.action in UNDOABLE_ACTIONS and bool(self.changes)


class UndoRefusedError(KnownError):
    """The change cannot be undone (something newer depends on it, or it is not a field change)."""


_COLUMNS = (
    AuditEntry.id,
    AuditEntry.occurred_at,
    AuditEntry.officer,
    AuditEntry.entity,
    AuditEntry.record_id,
    Organization.name,
    AuditEntry.action,
    AuditEntry.changes,
    AuditEntry.context,
)


def _changes(text: str) -> dict[str, list[Any]]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, list) and len(v) == 2}


def _entry(row: Any) -> HistoryEntry:
    return HistoryEntry(
        id=row[0],
        occurred_at=row[1],
        officer=row[2],
        entity=row[3],
        record_id=row[4],
        record_name=row[5] or "",
        action=row[6],
        changes=_changes(row[7]),
        context=row[8] or "",
    )


def _undone_id(context: str | None) -> int | None:
    """The id of the row an ``undo`` row undid (its context is ``undo:ID``)."""
    if context and context.startswith(UNDO_CONTEXT_PREFIX):
        tail = context[len(UNDO_CONTEXT_PREFIX) :]
        return int(tail) if tail.isdigit() else None
    return None


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class HistoryService:
    """Reads the history (one record's, or the whole registry's by ids for a lazy table) and undoes."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def _select(self) -> Any:
        return select(*_COLUMNS).outerjoin(Organization, Organization.id == AuditEntry.record_id)

    def for_record(self, record_id: str) -> list[HistoryEntry]:
        """Every audit row of one record (its contacts and interactions included), newest first."""
        with self.ws.session_factory() as s:
            stmt = self._select().where(AuditEntry.record_id == record_id).order_by(AuditEntry.id.desc())
            return [_entry(r) for r in s.execute(stmt)]

    def entry_ids(self) -> list[int]:
        """The ids of all audit rows, newest first (the whole-registry view fetches rows by them)."""
        with self.ws.session_factory() as s:
            return list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id.desc())))

    def entries(self, ids: Sequence[int]) -> dict[int, HistoryEntry]:
        """The rows with these ids (a page of the lazy table)."""
        out: dict[int, HistoryEntry] = {}
        with self.ws.session_factory() as s:
            for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit
                chunk = list(ids[start : start + 500])
                for row in s.execute(self._select().where(AuditEntry.id.in_(chunk))):
                    out[row[0]] = _entry(row)
        return out

    def undo(self, entry_id: int) -> int:
        """Put back the old values of change ``entry_id``; returns the record's new version.

        Refused (:class:`UndoRefusedError`, the reason in Japanese) when it is not a field change
        of an organization, when a later change of the record touches one of its fields, or when
        the fields no longer hold what the change wrote.
        """
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            row = s.execute(self._select().where(AuditEntry.id == entry_id)).one_or_none()
            if row is None:
                raise NotFoundError(f"変更履歴が見つかりません（番号 {entry_id}）。")
            entry = _entry(row)
            if not entry.undoable_kind:
                raise UndoRefusedError("この変更は元に戻せません（元に戻せるのは団体情報の項目の変更です）。")
            org = s.get(Organization, entry.record_id)
            if org is None:
                raise NotFoundError(f"団体が見つかりません: {entry.record_id}")
            if org.merged_into is not None:
                raise UndoRefusedError(
                    f"団体「{org.name}」は他の団体に統合されています。先に統合を取り消してください。"
                )
            self._refuse_if_newer(s, entry, org.name)
            return self._apply_undo(s, entry, org)

    @staticmethod
    def _refuse_if_newer(s: Session, entry: HistoryEntry, name: str) -> None:
        """Refuse when a later change of the record touches one of ``entry``'s fields.

        A later change that was itself undone later still cancels out with its undo, so
        undoing the newest first and then the one before it works.
        """
        later = s.execute(
            select(AuditEntry.id, AuditEntry.officer, AuditEntry.changes, AuditEntry.context)
            .where(
                AuditEntry.record_id == entry.record_id,
                AuditEntry.entity == ENTITY,
                AuditEntry.id > entry.id,
            )
            .order_by(AuditEntry.id)
        ).all()
        later_ids = {row[0] for row in later}
        undone = {_undone_id(row[3]) for row in later} & later_ids
        for later_id, officer, changes, context in later:
            if later_id in undone or _undone_id(context) in undone:
                continue
            if set(_changes(changes)) & set(entry.changes):
                raise UndoRefusedError(
                    f"団体「{name}」のこの変更は元に戻せません。後の変更（番号 {later_id}、{officer}）が"
                    "同じ項目を変えています。新しい変更から順に元に戻してください。"
                )

    def _apply_undo(self, s: Session, entry: HistoryEntry, org: Organization) -> int:
        before = _snapshot(org)
        replacements: dict[str, Any] = {}
        for field, (old, new) in entry.changes.items():
            if field not in before:
                raise UndoRefusedError(f"この変更は元に戻せません（項目 {field} は団体情報にありません）。")
            if _jsonable(before[field]) != new:
                raise UndoRefusedError(
                    f"団体「{org.name}」のこの変更は元に戻せません。値がその後に変わっています。"
                )
            if field == "activity_fields":
                replacements["fields"] = fields_from_text(old or "")
            elif field in _DATE_FIELDS:
                replacements[field] = date.fromisoformat(old) if old else None
            elif field == "member_count":
                replacements[field] = old
            else:
                replacements[field] = old if old is not None else ""
        try:
            clean = validate_organization(dataclasses.replace(input_from(org), **replacements))
        except ValidationErrors as exc:
            raise UndoRefusedError(f"元の値が今の入力規則に合わないため元に戻せません: {exc}") from exc
        for key, value in org_column_values(clean).items():
            setattr(org, key, value)
        changes = audit.diff(before, _snapshot(org))
        org.updated_at = utc_now()
        s.flush()  # bumps the version
        audit.record(
            s,
            officer=self.ws.officer.name,
            entity=ENTITY,
            record_id=org.id,
            action="undo",
            changes=changes,
            context=f"{UNDO_CONTEXT_PREFIX}{entry.id}",
        )
        return org.version


def _snapshot(org: Organization) -> dict[str, Any]:
    snap = {name: getattr(org, name) for name in INPUT_FIELDS if name != "fields"}
    snap["activity_fields"] = org.activity_fields
    return snap
