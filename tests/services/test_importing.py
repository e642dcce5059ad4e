"""The import flow shared by every source: plan, review, apply in one transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import new_organizations
from kyodo_desktop.services.importing import (
    Action,
    ImportCancelled,
    apply_import,
    choose_overwrites,
    plan_import,
)
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _row(n: int, provided: frozenset[str] = frozenset(), record_id: str = "", **fields: object) -> ImportRow:
    return ImportRow(
        n, validate_organization(OrganizationInput(**fields)), record_id=record_id, provided_fields=provided
    )  # type: ignore[arg-type]


def _bad(n: int) -> ImportRow:
    return ImportRow(n, None, [RowProblem(n, "電話番号", "電話番号の形式が正しくありません")])


def _digest(ws: Workspace) -> str:
    with ws.engine.connect() as c:
        rows = c.execute(text("SELECT * FROM organizations ORDER BY id")).all()
        audits = c.execute(text("SELECT count(*) FROM audit_log")).scalar()
    return hashlib.sha256(repr((rows, audits)).encode()).hexdigest()


def test_plan_sorts_rows_into_new_update_unchanged_duplicate_and_error(
    ws: Workspace, svc: OrganizationService
) -> None:
    same = svc.create(
        OrganizationInput(
            name="特定非営利活動法人 みどりの会", municipality_code="12217", phone="04-7123-4567"
        )
    )
    number = svc.create(OrganizationInput(name="番号の会", corporate_number="7000012050002"))
    rows = [
        _row(
            2, name="特定非営利活動法人　みどりの会", municipality_code="12217", phone="04-7123-4567"
        ),  # unchanged
        _row(
            3, name="番号の会・事務局", corporate_number="7000012050002", email="new@example.jp"
        ),  # update by 法人番号 (the same organization, a facility name appended)
        _row(4, name="新しい会"),
        _row(5, name="新しい会"),  # the same again in the file
        _bad(6),
    ]
    plan = plan_import(ws, rows, source_name="list.xlsx")
    actions = [(p.row.row_number, p.action) for p in plan.rows]
    assert actions == [
        (2, Action.UNCHANGED),
        (3, Action.UPDATE),
        (4, Action.NEW),
        (5, Action.DUPLICATE_IN_FILE),
        (6, Action.ERROR),
    ]
    assert plan.rows[0].match_id == same and plan.rows[0].match_reason == "名称と市町村が同じ"
    assert plan.rows[1].match_id == number and plan.rows[1].match_reason == "法人番号が同じ"
    assert plan.rows[1].changes == {"name": ("番号の会", "番号の会・事務局"), "email": ("", "new@example.jp")}
    assert plan.rows[1].accepted == {"email"}  # the blank filled; the name only if chosen
    assert plan.rows[3].duplicate_of_row == 4
    assert [p.describe() for p in plan.problems] == ["6 行目「電話番号」: 電話番号の形式が正しくありません"]


def test_errors_block_the_import_unless_valid_only(ws: Workspace, svc: OrganizationService) -> None:
    plan = plan_import(ws, [_row(2, name="良い会"), _bad(3)], source_name="x.csv")
    before = _digest(ws)
    with pytest.raises(KnownError, match="エラーのある行"):
        apply_import(ws, plan)
    assert _digest(ws) == before
    summary = apply_import(ws, plan, valid_only=True)
    assert (summary.created, summary.updated, summary.errors) == (1, 0, 1)
    assert [n for _, n in svc.search("良い会")] == ["良い会"]


def test_apply_writes_with_audit_naming_the_import_and_reimport_adds_nothing(
    ws: Workspace, svc: OrganizationService
) -> None:
    org_id = svc.create(OrganizationInput(name="更新される会", phone="043-223-1111"))
    with ws.engine.connect() as c:
        created_at = c.execute(
            text("SELECT updated_at FROM organizations WHERE id = :i"), {"i": org_id}
        ).scalar()
    rows = [
        _row(2, name="新規の会", established_on=date(2020, 4, 1)),
        _row(3, name="更新される会", phone="043-223-1111", email="a@example.jp"),
    ]
    summary = apply_import(ws, plan_import(ws, rows, source_name="名簿.xlsx"))
    assert (summary.created, summary.updated) == (1, 1)
    rec = svc.get(org_id)
    assert rec.data.email == "a@example.jp" and rec.version == 2
    with ws.engine.connect() as c:
        contexts = [
            r[0] for r in c.execute(text("SELECT context FROM audit_log WHERE context LIKE 'import%'"))
        ]
        update_changes = c.execute(
            text("SELECT changes FROM audit_log WHERE record_id = :i AND action = 'update'"), {"i": org_id}
        ).scalar()
    assert contexts == [f"import {summary.import_id} 名簿.xlsx"] * 2
    changes = json.loads(update_changes or "{}")
    # the record's version and time before the import, for its undo (not a field change)
    assert changes.pop("_before") == {"version": 1, "updated_at": created_at}
    assert changes == {"email": ["", "a@example.jp"]}
    assert list(ws.backups_dir.glob("*-pre-import.db"))

    before = _digest(ws)
    again = plan_import(ws, rows, source_name="名簿.xlsx")
    assert {p.action for p in again.rows} == {Action.UNCHANGED}
    backups = sorted(ws.backups_dir.glob("*.db"))
    nothing = apply_import(ws, again)
    assert (nothing.created, nothing.updated, nothing.skipped, nothing.backup_path) == (0, 0, 2, "")
    assert sorted(ws.backups_dir.glob("*.db")) == backups  # no backup taken for nothing
    with ws.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM organizations")).scalar() == 2
    assert _digest(ws) == before


def test_a_record_id_from_an_export_updates_that_record(ws: Workspace, svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="旧名の会", municipality_code="12100"))
    plan = plan_import(
        ws,
        [_row(2, record_id=org_id, name="新名の会", municipality_code="12100")],
        source_name="団体一覧.xlsx",
    )
    assert plan.rows[0].action is Action.UPDATE and plan.rows[0].match_reason == "IDが同じ"
    assert plan.rows[0].taken_changes() == {}  # a name is never changed unless chosen
    choose_overwrites(plan, ["name"])
    apply_import(ws, plan)
    assert svc.get(org_id).data.name == "新名の会"
    assert len(svc.search("")) == 1


def test_fields_the_source_lacked_are_never_reset(ws: Workspace, svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="休止中の会", status="休止", notes="大事なメモ"))
    plan = plan_import(
        ws,
        [_row(2, frozenset({"name", "phone"}), name="休止中の会", phone="043-223-1111")],
        source_name="x.csv",
    )
    apply_import(ws, plan)
    rec = svc.get(org_id).data
    assert (rec.status, rec.notes, rec.phone) == ("休止", "大事なメモ", "043-223-1111")


def test_choosing_fields_takes_only_those(ws: Workspace, svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="選ぶ会", phone="043-223-1111"))
    plan = plan_import(
        ws, [_row(2, name="選ぶ会", phone="047-431-1111", email="b@example.jp")], source_name="x.csv"
    )
    plan.rows[0].accepted = {"email"}
    apply_import(ws, plan)
    rec = svc.get(org_id).data
    assert (rec.phone, rec.email) == ("043-223-1111", "b@example.jp")


@pytest.mark.parametrize("batch", [2_000, 100])  # 100: batches were already written when it stops
def test_cancel_leaves_the_database_exactly_as_before(
    ws: Workspace, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_organizations, "BATCH", batch)
    rows = [_row(n, name=f"取消確認の会{n}") for n in range(2, 1202)]
    plan = plan_import(ws, rows, source_name="big.csv")
    before = _digest(ws)
    with pytest.raises(ImportCancelled):
        apply_import(ws, plan, progress=lambda done, total: done < 1000)
    assert _digest(ws) == before


def test_an_imported_record_is_stored_as_manual_entry_stores_it(
    ws: Workspace, svc: OrganizationService
) -> None:
    # Imports write new records with plain bulk inserts; every column must come out as the
    # registry's own create() writes it (dates as text, defaults, derived columns).
    fields = {
        "name": "NPO法人 ｶﾅの会",
        "kana": "かなのかい",
        "legal_form": "特定非営利活動法人",
        "corporate_number": "7000012050002",
        "municipality_code": "12204",
        "postal_code": "2730005",
        "address": "船橋市本町１－１",
        "phone": "047-431-1111",
        "email": "a@example.jp",
        "representative": "代表 一郎",
        "purpose": "目的1\n目的2",
        "notes": "メモ",
        "established_on": date(2001, 4, 1),
        "certified_on": date(2001, 5, 1),
        "member_count": 12,
        "fields": [13, 1],
    }
    manual_id = svc.create(OrganizationInput(**fields))  # type: ignore[arg-type]
    svc.delete_many([manual_id])  # so the import does not match it
    apply_import(ws, plan_import(ws, [_row(2, **fields)], source_name="x.csv"))
    with ws.engine.connect() as c:
        rows = [dict(r._mapping) for r in c.execute(text("SELECT * FROM organizations ORDER BY deleted_at"))]
        created = (
            c.execute(text("SELECT changes FROM audit_log WHERE action = 'create' ORDER BY id"))
            .scalars()
            .all()
        )
    imported, manual = rows
    assert imported["version"] == 1  # the other one was deleted, which counts as an edit
    for row in (imported, manual):
        for column in ("id", "created_at", "updated_at", "deleted_at", "version"):
            row.pop(column)
    assert imported == manual
    assert imported["established_on"] == "2001-04-01" and imported["activity_fields"] == "1,13"
    assert json.loads(created[1]) == json.loads(created[0])  # the same fields audited


def test_email_match_ignores_the_case_of_the_address(ws: Workspace, svc: OrganizationService) -> None:
    stored = svc.create(OrganizationInput(name="メールの会", email="INFO@a.jp"))
    plan = plan_import(ws, [_row(2, name="別の名前の会", email="info@a.jp")], source_name="x.csv")
    (row,) = plan.rows
    assert (row.match_id, row.match_reason) == (stored, "メールアドレスが同じ")
