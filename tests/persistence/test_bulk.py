"""Bulk inserts for imports: row shapes from the model, written inside the caller's transaction."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kyodo_desktop.persistence.audit import last_rowid, record_created_since
from kyodo_desktop.persistence.bulk import RowShape, bulk_cache, insert_rows
from kyodo_desktop.persistence.models import AuditEntry, Organization, table_of
from kyodo_desktop.services.workspace import Workspace

_AUDIT_COLUMNS = ["occurred_at", "officer", "entity", "record_id", "action", "changes", "context"]


def _audit(shape: RowShape, n: int) -> tuple[object, ...]:
    return shape.row(
        {
            "occurred_at": "2026-11-29T00:00:00+00:00",
            "officer": "担当",
            "entity": "organization",
            "record_id": f"r{n}",
            "action": "create",
            "changes": "{}",
            "context": "test",
        }
    )


def _count(ws: Workspace, table: str) -> int:
    with ws.engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)


def test_shape_takes_column_order_from_the_model_and_fills_scalar_defaults(ws: Workspace) -> None:
    shape = RowShape(
        table_of(Organization),
        ["id", "name", "established_on", "version", "created_at", "updated_at", "registered_on"],
    )
    row = shape.row(
        {
            "name": "形の会",
            "id": "x1",
            "established_on": date(2001, 4, 1),
            "registered_on": date(2026, 11, 29),
            "version": 1,
            "created_at": "c",
            "updated_at": "u",
        }
    )
    with ws.session_factory.begin() as s:
        insert_rows(s, shape, [row])
    with ws.engine.connect() as c:
        stored = c.execute(
            text("SELECT name, kana, status, established_on, member_count, deleted_at FROM organizations")
        ).one()
    assert tuple(stored) == ("形の会", "", "活動中", "2001-04-01", None, None)


def test_shape_refuses_unknown_columns_and_computed_defaults() -> None:
    with pytest.raises(ValueError, match="no columns"):
        RowShape(table_of(AuditEntry), [*_AUDIT_COLUMNS, "colour"])
    # occurred_at defaults to utc_now(), which a plain insert would not run
    with pytest.raises(ValueError, match="computed default"):
        RowShape(table_of(AuditEntry), [c for c in _AUDIT_COLUMNS if c != "occurred_at"])
    shape = RowShape(table_of(Organization), ["id", "name", "established_on", *_ORG_REQUIRED])
    with pytest.raises(TypeError, match="established_on"):
        shape.row({"id": "x", "name": "n", "established_on": "2001-04-01", **_ORG_REQUIRED})


_ORG_REQUIRED = {"registered_on": date(2026, 11, 29), "version": 1, "created_at": "c", "updated_at": "u"}


def test_batches_are_written_in_the_callers_transaction(ws: Workspace) -> None:
    shape = RowShape(table_of(AuditEntry), _AUDIT_COLUMNS)
    with pytest.raises(RuntimeError), ws.session_factory.begin() as s:
        for start in range(0, 50, 10):
            insert_rows(s, shape, [_audit(shape, n) for n in range(start, start + 10)])
        raise RuntimeError("cancelled")
    assert _count(ws, "audit_log") == 0
    with ws.session_factory.begin() as s:
        for start in range(0, 50, 10):
            insert_rows(s, shape, (_audit(shape, n) for n in range(start, start + 10)))
        insert_rows(s, shape, [])
    with ws.engine.connect() as c:
        ids = [r[0] for r in c.execute(text("SELECT record_id FROM audit_log ORDER BY id"))]
    assert ids == [f"r{n}" for n in range(50)]


def test_a_failing_batch_leaves_nothing(ws: Workspace) -> None:
    shape = RowShape(table_of(Organization), ["id", "name", *_ORG_REQUIRED])
    rows = [shape.row({"id": f"id{n}", "name": f"会{n}", **_ORG_REQUIRED}) for n in range(5)]
    with pytest.raises(IntegrityError, match="UNIQUE"), ws.session_factory.begin() as s:
        insert_rows(s, shape, rows)
        assert s.execute(text("SELECT count(*) FROM organizations")).scalar() == 5
        insert_rows(s, shape, rows[2:3])  # the same id again
    assert _count(ws, "organizations") == 0


def test_bulk_cache_is_larger_inside_and_restored_after(ws: Workspace) -> None:
    with ws.session_factory.begin() as s:
        before = s.execute(text("PRAGMA cache_size")).scalar()
        with bulk_cache(s, kib=4096):
            assert s.execute(text("PRAGMA cache_size")).scalar() == -4096
        assert s.execute(text("PRAGMA cache_size")).scalar() == before


def test_create_audit_rows_built_by_sqlite_match_the_stored_values(ws: Workspace) -> None:
    fields = ["name", "kana", "purpose", "notes", "member_count", "established_on", "tags"]
    shape = RowShape(table_of(Organization), ["id", "name", *fields[1:], *_ORG_REQUIRED])
    tricky = [
        {"name": '引用"符\\と\n改行\tタブ\x01', "kana": "", "purpose": "null", "notes": "😀 {}[],:"},
        {"name": "0", "kana": "カナ", "purpose": "", "notes": "", "member_count": 0},
    ]
    rows = [
        shape.row(
            {
                "id": f"id{n}",
                "kana": "",
                "purpose": "",
                "notes": "",
                "member_count": None,
                "established_on": date(2001, 4, 1) if n else None,
                "tags": "",
                **values,
                **_ORG_REQUIRED,
            }
        )
        for n, values in enumerate(tricky)
    ]
    with ws.session_factory.begin() as s:
        insert_rows(s, shape, rows[:1])  # an earlier batch: not audited again below
        after = last_rowid(s, table_of(Organization))
        insert_rows(s, shape, rows[1:])
        record_created_since(
            s,
            table_of(Organization),
            after_rowid=after,
            fields=fields,
            occurred_at="2026-11-29T00:00:00+00:00",
            officer="担当",
            entity="organization",
            context="import x",
        )
        after = 0  # and the whole table, in order
        record_created_since(
            s,
            table_of(Organization),
            after_rowid=after,
            fields=fields,
            occurred_at="t",
            officer="担当",
            entity="organization",
            context="again",
        )
    with ws.engine.connect() as c:
        audits = c.execute(
            text("SELECT record_id, action, officer, context, changes FROM audit_log ORDER BY id")
        ).all()
    assert [(a[0], a[3]) for a in audits] == [("id1", "import x"), ("id0", "again"), ("id1", "again")]
    assert {a[1] for a in audits} == {"create"} and {a[2] for a in audits} == {"担当"}
    expected = {
        "id0": {k: [None, v] for k, v in tricky[0].items() if v != ""},
        "id1": {
            "name": [None, "0"],
            "kana": [None, "カナ"],
            "member_count": [None, 0],
            "established_on": [None, "2001-04-01"],
        },
    }
    for record_id, *_, changes in audits:
        assert json.loads(changes) == expected[record_id]


def test_create_audit_refuses_unknown_columns(ws: Workspace) -> None:
    with ws.session_factory.begin() as s, pytest.raises(ValueError, match="no columns"):
        record_created_since(
            s,
            table_of(Organization),
            after_rowid=0,
            fields=["name", "x); DROP"],
            occurred_at="t",
            officer="o",
            entity="organization",
            context="",
        )
