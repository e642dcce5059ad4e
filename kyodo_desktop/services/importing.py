"""One import flow for every source: plan (validate, match, review) then apply in one transaction.

``plan_import`` matches each valid row against the registry
(:mod:`kyodo_desktop.services.import_matching`: our own record id, then 法人番号 when the names
agree, then the duplicate key together with 市町村, then phone or email) and against the rows
before it in the same file. An update ticks only the blank fields it fills; a 法人番号 shared with
a clearly different name is a warning on each row, never a merge. Nothing is written until
``apply_import``, which takes a backup, writes every new and changed record with its audit rows
(naming the import and the source file) in ONE transaction, and can be cancelled (the database
is then exactly as before). Importing the same file again changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Collection, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from kyodo_desktop.domain.cell_text import is_shortened
from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.import_salvage import drop_invalid_values
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.text import duplicate_key
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.bulk import RowShape, bulk_cache, insert_rows
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.listing import is_listed
from kyodo_desktop.persistence.models import AuditEntry, Organization, table_of, utc_now
from kyodo_desktop.services.gc_pacing import sparse_collection
from kyodo_desktop.services.import_matching import (
    FileNumbers,
    Registry,
    changes_of,
    default_accepted,
    municipality_notices,
    number_notice,
    place,
)
from kyodo_desktop.services.new_organizations import (  # re-exported: importers call it from here
    insert_new_organizations as insert_new_organizations,
)
from kyodo_desktop.services.organizations import (
    INPUT_FIELDS,
    fields_to_text,
    input_from,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

Progress = Callable[[int, int], bool]

#: Fields an import may set, in form order (derived columns are recomputed).
FIELDS = INPUT_FIELDS
#: The key of an import's ``update`` audit row that holds the record's ``version`` and
#: ``updated_at`` before it, so that an undo puts them back too (rows before it lack it).
BEFORE_KEY = "_before"


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
    #: what the officer should know but does not stop the row (a 法人番号 another organization
    #: carries), in Japanese, one per notice
    warnings: list[RowProblem] = dataclasses.field(default_factory=list)
    #: the values left out because they failed validation (``drop_invalid``)
    dropped: list[RowProblem] = dataclasses.field(default_factory=list)

    def taken_changes(self) -> dict[str, tuple[Any, Any]]:
        """The changes that will be written."""
        if self.accepted is None:
            return self.changes
        return {k: v for k, v in self.changes.items() if k in self.accepted}

    @property
    def outcome(self) -> Action:
        """What the row comes to: an update with nothing ticked writes nothing, so 変更なし."""
        if self.action is Action.UPDATE and not self.taken_changes():
            return Action.UNCHANGED
        return self.action


@dataclasses.dataclass
class ImportPlan:
    """The reviewed import: every row with its action, ready for :func:`apply_import`."""

    source_name: str
    rows: list[PlannedRow]
    #: the rows as read, to plan again (:func:`replan`)
    source_rows: list[ImportRow] = dataclasses.field(default_factory=list)
    #: whether invalid values were dropped from rows instead of refusing the rows
    drop_invalid: bool = False

    def count(self, action: Action) -> int:
        """How many rows are planned as ``action`` (an update with nothing ticked included)."""
        return sum(1 for r in self.rows if r.action is action)

    def counts(self) -> dict[Action, int]:
        """Rows per planned action, every action listed (the review lists an update with nothing
        ticked as 更新, for the officer to tick its changes)."""
        found = dict.fromkeys(Action, 0)
        for r in self.rows:
            found[r.action] += 1
        return found

    def outcomes(self) -> dict[Action, int]:
        """Rows per :attr:`PlannedRow.outcome`, every action listed: what the import will do, as
        the count lines tell it (an update with nothing ticked is 変更なし)."""
        found = dict.fromkeys(Action, 0)
        for r in self.rows:
            found[r.outcome] += 1
        return found

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem of every row, in row order."""
        return [p for r in self.rows for p in r.row.problems]

    @property
    def notices(self) -> list[RowProblem]:
        """What is imported with a remark, in row order: number conflicts, a 市町村 outside the
        prefecture's list, and dropped values."""
        return [p for r in self.rows for p in (*r.warnings, *r.dropped)]

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


def _file_keys(row: ImportRow, key: str) -> list[str]:
    data = row.data
    assert data is not None
    keys = [f"name:{key}|{place(data)}"]
    if row.record_id:
        keys.append(f"id:{row.record_id}")
    return keys


@sparse_collection()
def plan_import(
    ws: Workspace,
    rows: Sequence[ImportRow],
    *,
    source_name: str,
    drop_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportPlan:
    """Match every row against the registry and the rows before it; writes nothing.

    With ``drop_invalid`` a row whose only problems are values that fail validation is planned
    without them (:func:`~kyodo_desktop.domain.import_salvage.drop_invalid_values`), each value
    left out listed in its ``dropped``.
    """
    registry = Registry(ws)
    seen: dict[str, int] = {}
    numbers = FileNumbers()
    planned: list[PlannedRow] = []
    total = len(rows)
    for n, source_row in enumerate(rows, 1):
        if progress is not None and n % 1000 == 0 and progress(n, total) is False:
            raise ImportCancelled
        row, dropped = source_row, list[RowProblem]()
        if drop_invalid and not row.ok:
            salvaged = drop_invalid_values(row)
            if salvaged is not None:
                row, dropped = salvaged
        if not row.ok:
            planned.append(PlannedRow(row, Action.ERROR, warnings=list(row.remarks)))
            continue
        assert row.data is not None
        name_key = duplicate_key(row.data.name)  # once per row: it is the costly fold
        file_keys = _file_keys(row, name_key)
        earlier = next((seen[k] for k in file_keys if k in seen), 0) or numbers.earlier_same(row, name_key)
        if earlier:
            planned.append(
                PlannedRow(
                    row,
                    Action.DUPLICATE_IN_FILE,
                    duplicate_of_row=earlier,
                    dup_key=name_key,
                    dropped=dropped,
                    warnings=list(row.remarks),
                )
            )
            continue
        for key in file_keys:
            seen[key] = row.row_number
        current = PlannedRow(row, Action.NEW, dup_key=name_key, dropped=dropped, warnings=list(row.remarks))
        conflict = numbers.add(current)
        for org_id in registry.number_conflicts(row.data, name_key):
            conflict = True
            current.warnings.append(
                number_notice(
                    row,
                    f"法人番号 {row.data.corporate_number} は登録済みの「{registry.records[org_id].name}」と"
                    "同じですが、名称が違うため別の団体として扱います（Excelで丸められた番号かもしれません）",
                )
            )
        planned.append(current)
        match_id, reason = registry.match(row, name_key)
        if not match_id:
            current.warnings.extend(municipality_notices(row))
            continue
        stored = registry.records[match_id]
        changes = changes_of(stored, row)
        shortened = _shortened_edits(row, changes)
        current.match_id, current.match_name, current.match_reason = match_id, stored.name, reason
        if shortened:
            # a new row object: the source rows are planned again (the wizard re-plans)
            current.row = dataclasses.replace(row, problems=[*row.problems, *shortened])
            current.action = Action.ERROR
            continue
        current.action = Action.UPDATE if changes else Action.UNCHANGED
        current.changes = changes
        current.accepted = default_accepted(changes, number_conflict=conflict)
        if "municipality_name" in changes:  # a stored 県外 name was seen before: no new remark
            current.warnings.extend(municipality_notices(row))
    if progress is not None:
        progress(total, total)
    return ImportPlan(source_name, planned, source_rows=list(rows), drop_invalid=drop_invalid)


def replan(
    ws: Workspace, plan: ImportPlan, *, drop_invalid: bool, progress: Progress | None = None
) -> ImportPlan:
    """``plan``'s rows planned again, with or without their invalid values dropped; the fields
    the officer ticked or unticked on an update stay so."""
    again = plan_import(
        ws, plan.source_rows, source_name=plan.source_name, drop_invalid=drop_invalid, progress=progress
    )
    chosen = {p.row.row_number: p for p in plan.rows if p.action is Action.UPDATE}
    for planned in again.rows:
        before = chosen.get(planned.row.row_number)
        if before is None or planned.action is not Action.UPDATE or planned.match_id != before.match_id:
            continue
        fresh = (planned.accepted or set()) - set(before.changes)
        planned.accepted = (set(before.taken_changes()) & set(planned.changes)) | fresh
    return again


def choose_overwrites(plan: ImportPlan, fields: Collection[str] | None) -> None:
    """Tick, on every update, the changes of ``fields`` besides the blank ones (None: all)."""
    for planned in plan.rows:
        if planned.action is not Action.UPDATE:
            continue
        chosen = set(planned.changes) if fields is None else set(fields) & set(planned.changes)
        planned.accepted = (planned.accepted or set()) | chosen


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
    taken = backup.create_backup(ws.db_path, ws.backups_dir, "pre-import", reuse_unchanged=True)
    officer, now = ws.officer.name, utc_now()
    audit = _AuditRows(officer, now, context)
    with ws.session_factory.begin() as s, bulk_cache(s):
        updated = _apply_updates(s, updates, audit, now, tick)
        new_records = []
        for planned in news:
            assert planned.row.data is not None
            new_records.append((planned.row.data, planned.dup_key))
        insert_new_organizations(
            s,
            new_records,
            officer=officer,
            now=now,
            context=context,
            tick=lambda n: tick(len(updates) + n),
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
_AUDIT = RowShape(
    table_of(AuditEntry), ["occurred_at", "officer", "entity", "record_id", "action", "changes", "context"]
)


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
        diff: dict[str, Any] = {k: [_json(old), _json(new)] for k, (old, new) in taken.items()}
        # what the undo needs to leave the record exactly as it was (not a field: no [old, new])
        diff[BEFORE_KEY] = {"version": org.version, "updated_at": org.updated_at}
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
