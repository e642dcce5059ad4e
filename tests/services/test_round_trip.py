"""Export → import round trip: whatever the length or the characters, nothing changes (issue 9).

The registry holds texts longer than an Excel cell and control characters / bidi overrides that
older versions stored (written here straight into the file, as the forms now refuse them). The
団体一覧 is exported, read back through the import pipeline and applied: no record is updated and
every stored text is byte for byte what it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import text

from kyodo_desktop.domain.cell_text import CELL_LIMIT, shortened_marker
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services.export_xlsx import HEADERS, export_organizations
from kyodo_desktop.services.import_pipeline import prepare_import
from kyodo_desktop.services.importing import Action, apply_import, plan_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

LONG_NOTES = "".join(f"{i:05d}行目の備考です。\n" for i in range(4000))  # about 60,000 characters
# Characters outside the BMP count twice in Excel's limit.
LONG_ASTRAL = "𠮷野家の記録😀" * 5000

# What older versions (or a direct import) stored: every kind of character the export leaves out.
STORED: list[dict[str, Any]] = [
    {"name": "長い備考の会", "notes": LONG_NOTES},
    {"name": "長い目的の会", "notes": "あ" * 40_000, "purpose": "い" * 40_000},
    {"name": "絵文字の会", "notes": LONG_ASTRAL},
    {"name": "ちょうど上限の会", "notes": "う" * CELL_LIMIT},
    {"name": "色\x1b[31m付き\x1b[0mの会", "representative": "千葉\x07花子"},
    {"name": "逆\u202e向きの会", "address": "千葉市\u2066中央区\u2069", "tags": "子育て\x7f"},
    {"name": "制御文字の備考の会", "notes": "一行目\x01\n二行目\x1f\x0b終わり\u200f"},
    {"name": "C1\x85\x9bの会", "kana": "シーワン\x90"},
]


def _set(ws: Workspace, org_id: str, values: dict[str, Any]) -> None:
    """Store values the validating service would refuse (old or imported data)."""
    with sqlite_file.connection(ws.db_path) as conn:
        for column, value in values.items():
            conn.execute(f"UPDATE organizations SET {column} = ? WHERE id = ?", (value, org_id))
        conn.commit()


def _stored(ws: Workspace) -> str:
    with ws.engine.connect() as c:
        rows = c.execute(text("SELECT * FROM organizations ORDER BY id")).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def registry(ws: Workspace, svc: OrganizationService) -> list[str]:
    ids = []
    for n, values in enumerate(STORED):
        org_id = svc.create(OrganizationInput(name=f"仮の名前{n}", municipality_code="12100"))
        _set(ws, org_id, values)
        ids.append(org_id)
    return ids


def test_round_trip_changes_nothing(ws: Workspace, registry: list[str], tmp_path: Path) -> None:
    before = _stored(ws)
    out = tmp_path / "団体一覧.xlsx"
    assert export_organizations(ws, out) == len(STORED)
    prepared = prepare_import(ws, out)
    plan = prepared.plan
    assert [p.describe() for p in plan.problems] == []
    assert plan.count(Action.UNCHANGED) == len(STORED), {
        r.match_name: sorted(r.changes) for r in plan.rows if r.action is not Action.UNCHANGED
    }
    summary = apply_import(ws, plan)
    assert (summary.created, summary.updated) == (0, 0)
    assert _stored(ws) == before


def test_a_long_text_is_written_shortened_with_a_visible_marker(
    ws: Workspace, registry: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "団体一覧.xlsx"
    export_organizations(ws, out)
    book = openpyxl.load_workbook(out, read_only=True)
    try:  # a read-only workbook holds its file open until closed
        rows = {row[0]: row for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    finally:
        book.close()
    notes = HEADERS.index("備考")
    cell = rows["長い備考の会"][notes]
    marker = shortened_marker(len(LONG_NOTES))
    assert marker == "【以下省略: 全" + f"{len(LONG_NOTES):,}" + "文字】"
    assert len(cell) == CELL_LIMIT and cell.endswith(marker)
    assert LONG_NOTES.startswith(cell.removesuffix(marker))
    astral = rows["絵文字の会"][notes]
    assert len(astral.encode("utf-16-le")) // 2 <= CELL_LIMIT and astral.endswith("文字】")
    assert rows["ちょうど上限の会"][notes] == "う" * CELL_LIMIT  # fits: written whole
    assert rows["色[31m付き[0mの会"][HEADERS.index("代表者")] == "千葉花子"  # ESC and BEL left out


def test_a_cell_cut_by_an_older_export_is_not_an_update(
    ws: Workspace, registry: list[str], tmp_path: Path
) -> None:
    # Before this version openpyxl cut the cell at 32,767 characters without a word.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["団体名", "市町村", "備考", "ID"])
    sheet.append(["長い備考の会", "千葉市", LONG_NOTES[:CELL_LIMIT], registry[0]])
    out = tmp_path / "old.xlsx"
    book.save(out)
    before = _stored(ws)
    plan = prepare_import(ws, out).plan
    assert [r.action for r in plan.rows] == [Action.UNCHANGED]
    assert apply_import(ws, plan).updated == 0
    assert _stored(ws) == before


def test_an_edited_shortened_cell_is_refused_not_written(
    ws: Workspace, registry: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "団体一覧.xlsx"
    export_organizations(ws, out)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    notes = HEADERS.index("備考") + 1
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "長い備考の会":
            row[notes - 1].value = "書き換えた冒頭。" + row[notes - 1].value[10:]
    book.save(out)
    before = _stored(ws)
    plan = prepare_import(ws, out).plan
    (edited,) = [r for r in plan.rows if r.action is Action.ERROR]
    assert edited.match_id == registry[0]
    (problem,) = edited.row.problems
    assert problem.column == "備考" and "省略" in problem.message
    apply_import(ws, plan, valid_only=True)
    assert _stored(ws) == before
    again = plan_import(ws, [r.row for r in plan.rows], source_name="again")  # as the wizard re-plans
    assert [p.row_number for p in again.problems] == [edited.row.row_number]


def test_an_ordinary_edit_of_a_long_text_is_still_an_update(
    ws: Workspace, registry: list[str], tmp_path: Path
) -> None:
    # The officer replaced the whole text with a short one: that is a change, not a copy.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["団体名", "市町村", "備考", "ID"])
    sheet.append(["長い目的の会", "千葉市", "短くまとめた備考", registry[1]])
    out = tmp_path / "edited.xlsx"
    book.save(out)
    plan = prepare_import(ws, out).plan
    assert [r.action for r in plan.rows] == [Action.UPDATE]
    assert plan.rows[0].changes["notes"] == ("あ" * 40_000, "短くまとめた備考")
