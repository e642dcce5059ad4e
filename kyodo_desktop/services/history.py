"""The change history (変更履歴) read from the audit rows, and 元に戻す of one change.

The window's history views and ``kyodo audit`` read the same rows. An organization's field
change can be undone while nothing newer depends on it: no later audit row of that record
touches the same fields, and the fields still hold the values the change wrote. The undo is
one transaction, audited as ``undo`` (its context names the row undone), and bumps the record's
version, so an edit form still open on the old version is refused at its next save.

The same holds for a correction of a 対応記録 (the entry's own version is bumped). A
「重複ではない」 judgement is undone through :func:`not_duplicates.undo_in`, as
``kyodo orgs not-duplicate A B --undo`` does.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.organization import validate_interaction, validate_organization
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Interaction,
    Officer,
    Organization,
    Project,
    utc_now,
)
from kyodo_desktop.services import interactions, not_duplicates, officers
from kyodo_desktop.services.organizations import (
    ENTITY,
    INPUT_FIELDS,
    RESPONSIBLE_OFFICER,
    fields_from_text,
    input_from,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

#: Actions of an organization whose changes are field values that 元に戻す can put back.
UNDOABLE_ACTIONS = frozenset({"update", "undo"})
_DATE_FIELDS = frozenset({"established_on", "certified_on", "nintei_expires_on"})
UNDO_CONTEXT_PREFIX = "undo:"
#: The audit key of a 「重複ではない」 judgement: ``[None, other id]`` when it was made.
NOT_DUPLICATE_OF = "not_duplicate_of"
_INTERACTION_DATES = frozenset({"occurred_on", "next_action_on"})


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
    #: names of the other records a change names by id (the other side of 「重複ではない」)
    names: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def undoable_kind(self) -> bool:
        """Whether this kind of change can be undone at all (the service still checks the rest)."""
        if self.entity == ENTITY:
            if self.action == not_duplicates.MARKED:
                return bool(self.changes.get(NOT_DUPLICATE_OF, [None, None])[1])
            return self.action in UNDOABLE_ACTIONS and bool(self.changes)
        if self.entity == interactions.ENTITY and self.action in UNDOABLE_ACTIONS:
            old, new = self.changes.get("interaction_id", [None, None])
            return old is not None and old == new and len(self.changes) > 1
        return False


class UndoRefusedError(KnownError):
    """The change cannot be undone (something newer depends on it, or it is not a field change)."""


_COLUMNS = (
    AuditEntry.id,
    AuditEntry.occurred_at,
    AuditEntry.officer,
    AuditEntry.entity,
    AuditEntry.record_id,
    func.coalesce(Organization.name, Project.title),  # an organization's rows, or a project's
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


#: A project's lead officer (its audit key), named as an organization's 担当職員 is.
LEAD_OFFICER = "lead_officer_id"
#: A project's partners: ``[[organization id, role], …]`` on each side of a change.
PARTNERS = "partners"
#: The audit keys whose values are ids of other records, shown by those records' names.
_NAMED_BY_ID = (NOT_DUPLICATE_OF, RESPONSIBLE_OFFICER, LEAD_OFFICER)


def _ids_in(entry: HistoryEntry, key: str) -> set[str]:
    """The ids a change names under ``key``: the values themselves, or a partner list's ids."""
    sides = entry.changes.get(key, ())
    if key == PARTNERS:
        return {p[0] for side in sides if isinstance(side, list) for p in side if isinstance(p, list) and p}
    return {i for i in sides if isinstance(i, str) and i}


def _with_names(s: Session, entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """The entries with the names of the other records their changes name by id.

    The other side of 「重複ではない」 and a project's partners by the organization's name; a
    担当職員 (an organization's, or a project's lead) as ``氏名（所属課）``
    (an officer in the trash still by name: the history tells who it was).
    """

    def wanted(*keys: str) -> set[str]:
        return {i for e in entries for key in keys for i in _ids_in(e, key)}

    orgs, staff = wanted(NOT_DUPLICATE_OF, PARTNERS), wanted(RESPONSIBLE_OFFICER, LEAD_OFFICER)
    if not orgs and not staff:
        return entries
    names: dict[str, str] = {}
    if orgs:
        stmt = select(Organization.id, Organization.name).where(Organization.id.in_(orgs))
        names.update(s.execute(stmt).tuples().all())
    if staff:
        rows = s.execute(select(Officer.id, Officer.name, Officer.section).where(Officer.id.in_(staff)))
        names.update({i: officers.officer_label(name, section) for i, name, section in rows})
    out = []
    for e in entries:
        ids = [i for key in (*_NAMED_BY_ID, PARTNERS) for i in _ids_in(e, key) if i in names]
        out.append(dataclasses.replace(e, names={i: names[i] for i in ids}) if ids else e)
    return out


class HistoryService:
    """Reads the history (one record's, or the whole registry's by ids for a lazy table) and undoes."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def _select(self) -> Any:
        return (
            select(*_COLUMNS)
            .outerjoin(Organization, Organization.id == AuditEntry.record_id)
            .outerjoin(Project, Project.id == AuditEntry.record_id)
        )

    def for_record(self, record_id: str) -> list[HistoryEntry]:
        """Every audit row of one record (its contacts and interactions included), newest first."""
        with self.ws.session_factory() as s:
            stmt = self._select().where(AuditEntry.record_id == record_id).order_by(AuditEntry.id.desc())
            return _with_names(s, [_entry(r) for r in s.execute(stmt)])

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
                for entry in _with_names(
                    s, [_entry(r) for r in s.execute(self._select().where(AuditEntry.id.in_(chunk)))]
                ):
                    out[entry.id] = entry
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
                raise UndoRefusedError(
                    "この変更は元に戻せません（元に戻せるのは団体情報・対応記録の項目の変更と「重複ではない」の記録です）。"
                )
            if entry.entity == interactions.ENTITY:
                return self._undo_interaction(s, entry)
            org = s.get(Organization, entry.record_id)
            if org is None:
                raise NotFoundError(f"団体が見つかりません: {entry.record_id}")
            if org.merged_into is not None:
                raise UndoRefusedError(
                    f"団体「{org.name}」は他の団体に統合されています。先に統合を取り消してください。"
                )
            if entry.action == not_duplicates.MARKED:
                not_duplicates.undo_in(s, self.ws, entry.record_id, entry.changes[NOT_DUPLICATE_OF][1])
                return org.version
            self._refuse_if_newer(s, entry, org.name)
            if set(entry.changes) == {RESPONSIBLE_OFFICER}:
                return self._undo_officer(s, entry, org)
            return self._apply_undo(s, entry, org)

    def _undo_officer(self, s: Session, entry: HistoryEntry, org: Organization) -> int:
        """Put back the 担当職員 a change replaced (its own audit row); returns the new version."""
        old, new = entry.changes[RESPONSIBLE_OFFICER]
        if org.responsible_officer_id != new:
            raise UndoRefusedError(
                f"団体「{org.name}」のこの変更は元に戻せません。値がその後に変わっています。"
            )
        try:
            officers.check_live(s, old)
        except NotFoundError as exc:
            raise UndoRefusedError(
                f"団体「{org.name}」の担当職員を元に戻せません。元の職員が削除されています。"
            ) from exc
        org.responsible_officer_id = old
        org.updated_at = utc_now()
        s.flush()  # bumps the version: an edit form open on the old one is refused
        audit.record(
            s,
            officer=self.ws.officer.name,
            entity=ENTITY,
            record_id=org.id,
            action="undo",
            changes={RESPONSIBLE_OFFICER: [new, old]},
            context=f"{UNDO_CONTEXT_PREFIX}{entry.id}",
        )
        return org.version

    def _undo_interaction(self, s: Session, entry: HistoryEntry) -> int:
        """Put back the old values of a 対応記録 correction; returns the entry's new version."""
        interaction_id = entry.changes["interaction_id"][1]
        row = s.get(Interaction, interaction_id)
        if row is None:
            raise UndoRefusedError("この対応記録は削除されているため、修正を元に戻せません。")
        day = row.occurred_on.isoformat()
        fields = {
            k: v for k, v in entry.changes.items() if k not in ("interaction_id", interactions.CONTACT_NAME)
        }
        later = s.execute(
            select(AuditEntry.id, AuditEntry.officer, AuditEntry.changes, AuditEntry.context)
            .where(
                AuditEntry.entity == interactions.ENTITY,
                AuditEntry.id > entry.id,
                AuditEntry.changes.contains(interaction_id),  # a merge may have moved it since
            )
            .order_by(AuditEntry.id)
        ).all()
        later_ids = {r[0] for r in later}
        undone = {_undone_id(r[3]) for r in later} & later_ids
        for later_id, officer, changes, context in later:
            if later_id in undone or _undone_id(context) in undone:
                continue
            if set(_changes(changes)) & set(fields):
                raise UndoRefusedError(
                    f"{day} の対応記録のこの修正は元に戻せません。後の修正（番号 {later_id}、{officer}）が"
                    "同じ項目を変えています。新しい修正から順に元に戻してください。"
                )
        current = {
            k: _jsonable(v) for k, v in dataclasses.asdict(interactions.interaction_input(row)).items()
        }
        replacements: dict[str, Any] = {}
        for field, (old, new) in fields.items():
            if field not in current or current[field] != new:
                raise UndoRefusedError(
                    f"{day} の対応記録のこの修正は元に戻せません。値がその後に変わっています。"
                )
            replacements[field] = date.fromisoformat(old) if field in _INTERACTION_DATES and old else old
        try:
            clean = validate_interaction(
                dataclasses.replace(interactions.interaction_input(row), **replacements)
            )
            changes = interactions.apply_values(s, row, clean)
        except ValidationErrors as exc:
            raise UndoRefusedError(f"元の値が今の入力規則に合わないため元に戻せません: {exc}") from exc
        except KnownError as exc:  # the 担当者 it named was deleted since
            raise UndoRefusedError(f"{day} の対応記録のこの修正は元に戻せません。{exc}") from exc
        audit.record(
            s,
            officer=self.ws.officer.name,
            entity=interactions.ENTITY,
            record_id=row.organization_id,
            action="undo",
            changes=changes,
            context=f"{UNDO_CONTEXT_PREFIX}{entry.id}",
        )
        return row.version

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
