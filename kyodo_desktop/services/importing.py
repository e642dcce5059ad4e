"""One import flow for every source: plan (validate, match, review) then apply in one transaction.

``plan_import`` matches each valid row against the registry — by our own record id (a
re-imported 団体一覧), then 法人番号, then the duplicate key together with 市町村, then phone or
email — and against the rows before it in the same file. Nothing is written until
``apply_import``, which takes a backup, writes every new and changed record with its audit rows
(naming the import and the source file) in ONE transaction, and can be cancelled (the database
is then exactly as before). Importing the same file again changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kyodo_desktop.domain.cell_text import is_cell_copy, is_shortened
from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.text import duplicate_key, email_key
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.audit import last_rowid, record_created_since
from kyodo_desktop.persistence.bulk import RowShape, bulk_cache, insert_rows
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.listing import is_listed, listing_clause
from kyodo_desktop.persistence.models import AuditEntry, Organization, new_id, table_of, utc_now
from kyodo_desktop.services.gc_pacing import sparse_collection
from kyodo_desktop.services.organizations import (
    INPUT_FIELDS,
    fields_from_text,
    fields_to_text,
    input_from,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

Progress = Callable[[int, int], bool]
_BATCH = 2_000

#: Fields an import may set, in form order (derived columns are recomputed).
FIELDS = INPUT_FIELDS


class Action(StrEnum):
    """What the import does with one row."""

    NEW = QT_TRANSLATE_NOOP("ImportAction", "新規")
    UPDATE = QT_TRANSLATE_NOOP("ImportAction", "更新")
    UNCHANGED = QT_TRANSLATE_NOOP("ImportAction", "変更なし")
    DUPLICATE_IN_FILE = QT_TRANSLATE_NOOP("ImportAction", "ファイル内重複")
    ERROR = QT_TRANSLATE_NOOP("ImportAction", "エラー")
    SKIP = QT_TRANSLATE_NOOP("ImportAction", "スキップ")


@dataclasses.dataclass(slots=True)
class PlannedRow:
    """One source row and what will happen to it."""

    row: ImportRow
    action: Action
    match_id: str = ""
    match_name: str = ""
    match_reason: str = ""
    #: field → (stored value, imported value), for updates
    changes: dict[str, tuple[Any, Any]] = dataclasses.field(default_factory=dict)
    duplicate_of_row: int = 0
    #: the fields the officer chose to take (None: all of ``changes``)
    accepted: set[str] | None = None
    #: the row's folded name (computed once while planning)
    dup_key: str = ""

    def taken_changes(self) -> dict[str, tuple[Any, Any]]:
        """The changes that will be written."""
        if self.accepted is None:
            return self.changes
        return {k: v for k, v in self.changes.items() if k in self.accepted}


@dataclasses.dataclass
class ImportPlan:
    """The reviewed import: every row with its action, ready for :func:`apply_import`."""

    source_name: str
    rows: list[PlannedRow]

    def count(self, action: Action) -> int:
        """How many rows have ``action``."""
        return sum(1 for r in self.rows if r.action is action)

    def counts(self) -> dict[Action, int]:
        """Rows per action, every action listed."""
        return {a: self.count(a) for a in Action}

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem of every row, in row order."""
        return [p for r in self.rows for p in r.row.problems]

    @property
    def has_errors(self) -> bool:
        """Whether any row cannot be imported."""
        return any(r.action is Action.ERROR for r in self.rows)


@dataclasses.dataclass(frozen=True)
class ImportSummary:
    """What was written."""

    import_id: str
    created: int
    updated: int
    skipped: int
    errors: int
    #: "" when there was nothing to write (then no backup was taken either)
    backup_path: str


class ImportCancelled(KnownError):
    """The officer cancelled; the database is exactly as before."""

    def __init__(self) -> None:
        super().__init__("取り込みを中止しました。データは取り込み前のままです。")


# -- planning ------------------------------------------------------------------------------------


def _comparable(field: str, value: Any) -> Any:
    if field == "fields":
        return sorted(value or [])
    if isinstance(value, date):
        return value.isoformat()
    return value


def _provided(row: ImportRow) -> frozenset[str] | set[str]:
    data = row.data
    assert data is not None
    if row.provided_fields:
        return row.provided_fields
    return {f for f in FIELDS if getattr(data, f) not in ("", None, [])}


def _changes(stored: OrganizationInput, row: ImportRow) -> dict[str, tuple[Any, Any]]:
    """Fields the row would change: provided by the source, not blank, and different."""
    data = row.data
    assert data is not None
    out: dict[str, tuple[Any, Any]] = {}
    provided = _provided(row)
    for field in FIELDS:
        if field not in provided:
            continue
        new = getattr(data, field)
        if new in ("", None, []):
            continue  # an empty cell never erases what the officer recorded
        old = getattr(stored, field)
        if _comparable(field, old) != _comparable(field, new):
            if type(old) is str and type(new) is str and is_cell_copy(new, old):
                continue  # our own export's copy (shortened, or without control characters)
            out[field] = (old, new)
    return out


_SHORTENED_EDITED = (
    "書き出しでセルに入りきらず省略された文章が変更されています。取り込むと省略された部分が"
    "失われるため取り込めません。この欄は協働デスクの画面で編集してください"
)


def _shortened_edits(row: ImportRow, changes: dict[str, tuple[Any, Any]]) -> list[RowProblem]:
    """A shortened cell (the export's marker) edited in Excel would cut the stored text: refused."""
    return [
        RowProblem(row.row_number, TARGETS.get(field, field), _SHORTENED_EDITED, row.sheet)
        for field, (old, new) in changes.items()
        if type(new) is str and type(old) is str and len(old) > len(new) and is_shortened(new)
    ]


class _Registry:
    """The live records, indexed for matching (one column select, no ORM objects)."""

    def __init__(self, ws: Workspace) -> None:
        plain = [f for f in FIELDS if f != "fields"]
        table = table_of(Organization)
        # a Core select on a plain connection: no ORM row processing for the whole registry
        stmt = select(
            table.c.id, table.c.activity_fields, table.c.dup_key, *(table.c[f] for f in plain)
        ).where(listing_clause(table.c))
        self.records: dict[str, OrganizationInput] = {}
        self.by_number: dict[str, str] = {}
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_phone: dict[str, str] = {}
        self.by_email: dict[str, str] = {}
        with ws.engine.connect() as connection:
            for r in connection.execute(stmt):
                values = dict(zip(plain, r[3:], strict=True))
                data = OrganizationInput(**values, fields=fields_from_text(r[1]))
                self.add(r[0], data, r[2])

    def add(self, org_id: str, data: OrganizationInput, key: str) -> None:
        self.records[org_id] = data
        if data.corporate_number:
            self.by_number.setdefault(data.corporate_number, org_id)
        self.by_key.setdefault((key, _place(data)), org_id)
        if data.phone:
            self.by_phone.setdefault(data.phone, org_id)
        if data.email:
            self.by_email.setdefault(email_key(data.email), org_id)

    def match(self, row: ImportRow, key: str) -> tuple[str, str]:
        """``(record id, reason)`` of the record this row describes, or ``("", "")``."""
        data = row.data
        assert data is not None
        if row.record_id and row.record_id in self.records:
            return row.record_id, "IDが同じ"
        if data.corporate_number and data.corporate_number in self.by_number:
            return self.by_number[data.corporate_number], "法人番号が同じ"
        if (key, _place(data)) in self.by_key:
            return self.by_key[(key, _place(data))], "名称と市町村が同じ"
        if data.phone and data.phone in self.by_phone:
            return self.by_phone[data.phone], "電話番号が同じ"
        if data.email and email_key(data.email) in self.by_email:
            return self.by_email[email_key(data.email)], "メールアドレスが同じ"
        return "", ""


def _place(data: OrganizationInput) -> str:
    return data.municipality_code or data.municipality_name


def _file_keys(row: ImportRow, key: str) -> list[str]:
    data = row.data
    assert data is not None
    keys = [f"name:{key}|{_place(data)}"]
    if row.record_id:
        keys.append(f"id:{row.record_id}")
    if data.corporate_number:
        keys.append(f"number:{data.corporate_number}")
    return keys


@sparse_collection()
def plan_import(
    ws: Workspace, rows: Sequence[ImportRow], *, source_name: str, progress: Progress | None = None
) -> ImportPlan:
    """Match every row against the registry and the rows before it; writes nothing."""
    registry = _Registry(ws)
    seen: dict[str, int] = {}
    planned: list[PlannedRow] = []
    total = len(rows)
    for n, row in enumerate(rows, 1):
        if progress is not None and n % 1000 == 0 and progress(n, total) is False:
            raise ImportCancelled
        if not row.ok:
            planned.append(PlannedRow(row, Action.ERROR))
            continue
        assert row.data is not None
        name_key = duplicate_key(row.data.name)  # once per row: it is the costly fold
        file_keys = _file_keys(row, name_key)
        earlier = next((seen[k] for k in file_keys if k in seen), 0)
        if earlier:
            planned.append(
                PlannedRow(row, Action.DUPLICATE_IN_FILE, duplicate_of_row=earlier, dup_key=name_key)
            )
            continue
        for key in file_keys:
            seen[key] = row.row_number
        match_id, reason = registry.match(row, name_key)
        if not match_id:
            planned.append(PlannedRow(row, Action.NEW, dup_key=name_key))
            continue
        stored = registry.records[match_id]
        changes = _changes(stored, row)
        shortened = _shortened_edits(row, changes)
        if shortened:
            # planned again (the wizard re-plans), the row is not ok and stops above: added once
            row.problems.extend(shortened)
            planned.append(PlannedRow(row, Action.ERROR, match_id, stored.name, reason, dup_key=name_key))
            continue
        action = Action.UPDATE if changes else Action.UNCHANGED
        planned.append(PlannedRow(row, action, match_id, stored.name, reason, changes, dup_key=name_key))
    if progress is not None:
        progress(total, total)
    return ImportPlan(source_name, planned)


# -- applying ------------------------------------------------------------------------------------


@sparse_collection()
def apply_import(
    ws: Workspace, plan: ImportPlan, *, valid_only: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """Write the plan in one transaction after a backup; see the module docstring.

    Updates go first, each through the session (read back, versioned). New records follow in
    batches of plain tuples (:mod:`kyodo_desktop.persistence.bulk`). Cancelling or any error
    rolls the whole transaction back.
    """
    ws.require_write()
    if plan.has_errors and not valid_only:
        raise KnownError(
            f"エラーのある行が {plan.count(Action.ERROR):,} 行あります。何も取り込んでいません。"
            "正しい行だけを取り込むか（--valid-only）、ファイルを直してください。"
        )
    import_id = uuid.uuid4().hex[:12]
    context = f"import {import_id} {plan.source_name}"
    updates = [r for r in plan.rows if r.action is Action.UPDATE and r.taken_changes()]
    news = [r for r in plan.rows if r.action is Action.NEW]
    total = len(updates) + len(news)

    def tick(done: int) -> None:
        if progress is not None and done % 500 == 0 and progress(done, total) is False:
            raise ImportCancelled  # the transaction rolls back: nothing was written

    if total == 0:  # nothing new, nothing changed: no backup, no transaction, no audit rows
        return ImportSummary(
            import_id=import_id,
            created=0,
            updated=0,
            skipped=len(plan.rows) - plan.count(Action.ERROR),
            errors=plan.count(Action.ERROR),
            backup_path="",
        )
    taken = backup.create_backup(ws.db_path, ws.backups_dir, "pre-import")
    officer, now, today = ws.officer.name, utc_now(), date.today()
    audit = _AuditRows(officer, now, context)
    # what every new record gets besides its own values (the NULL columns given outright, so
    # that building a row needs no merge with defaults)
    fixed = {
        "registered_on": today,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        "last_contact_on": None,
        "deleted_at": None,
        "merged_into": None,
    }
    with ws.session_factory.begin() as s, bulk_cache(s):
        updated = _apply_updates(s, updates, audit, now, tick)
        for start in range(0, len(news), _BATCH):
            orgs: list[tuple[Any, ...]] = []
            for n, planned in enumerate(news[start : start + _BATCH], len(updates) + start + 1):
                tick(n)
                data = planned.row.data
                assert data is not None
                values = org_column_values(data, dup_key=planned.dup_key or None)
                values.update(id=new_id(), **fixed)
                orgs.append(_NEW_ORG.row(values))
            after = last_rowid(s, _ORG_TABLE)
            insert_rows(s, _NEW_ORG, orgs)
            # their create audit rows, built by SQLite from the rows just stored
            record_created_since(
                s,
                _ORG_TABLE,
                after_rowid=after,
                fields=_CREATE_AUDITED,
                occurred_at=now,
                officer=officer,
                entity="organization",
                context=context,
            )
        if progress is not None and progress(total, total) is False:
            raise ImportCancelled
    return ImportSummary(
        import_id=import_id,
        created=len(news),
        updated=updated,
        skipped=len(plan.rows) - len(news) - updated - plan.count(Action.ERROR),
        errors=plan.count(Action.ERROR),
        backup_path=str(taken.path),
    )


_ORG_TABLE = table_of(Organization)
# Every column of a new record: org_column_values(), its id and the ``fixed`` values.
_NEW_ORG = RowShape(
    _ORG_TABLE,
    [
        "id",
        *(f for f in FIELDS if f != "fields"),
        "activity_fields",
        "dup_key",
        "search_text",
        "registered_on",
        "version",
        "created_at",
        "updated_at",
        "last_contact_on",
        "deleted_at",
        "merged_into",
    ],
)
_AUDIT = RowShape(
    table_of(AuditEntry), ["occurred_at", "officer", "entity", "record_id", "action", "changes", "context"]
)
# What a create audit row records: every field the officer sees, blank ones left out.
_CREATE_AUDITED = (*(f for f in FIELDS if f != "fields"), "activity_fields")


@dataclasses.dataclass(frozen=True)
class _AuditRows:
    officer: str
    now: str
    context: str

    def row(self, org_id: str, action: str, changes: dict[str, Any]) -> tuple[Any, ...]:
        return _AUDIT.row(
            {
                "occurred_at": self.now,
                "officer": self.officer,
                "entity": "organization",
                "record_id": org_id,
                "action": action,
                "changes": json.dumps(changes, ensure_ascii=False),
                "context": self.context,
            }
        )


def _apply_updates(
    s: Session, updates: list[PlannedRow], audit: _AuditRows, now: str, tick: Callable[[int], None]
) -> int:
    """Write the chosen changes of matched records (and their audit rows); how many were updated."""
    updated = 0
    audits: list[tuple[Any, ...]] = []
    for n, planned in enumerate(updates, 1):
        tick(n)
        org = s.get(Organization, planned.match_id)
        if org is None or not is_listed(org):
            continue  # trashed since the review: leave it alone
        taken = planned.taken_changes()
        merged = dataclasses.replace(input_from(org), **{k: new for k, (_old, new) in taken.items()})
        s.execute(
            update(_ORG_TABLE)
            .where(_ORG_TABLE.c.id == org.id)
            .values(**org_column_values(merged), version=org.version + 1, updated_at=now)
        )
        diff = {k: [_json(old), _json(new)] for k, (old, new) in taken.items()}
        audits.append(audit.row(org.id, "update", diff))
        updated += 1
    insert_rows(s, _AUDIT, audits)
    return updated


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return fields_to_text(value)
    return value
