"""The export's row writer (services.xlsx_rows) against openpyxl's own ``ws.append``: same bytes.

The workbook is written twice from the same registry — once through the fast row writer, once
through openpyxl's generic per-cell path (the way every row was written before) — and every
part of the two files must be equal, byte for byte.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services import annual_report, demo, export_projects, export_xlsx, sheets, xlsx_rows
from kyodo_desktop.services.demo_projects import generate_projects
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

# Awkward stored values, written straight into the file (the forms would refuse some of them).
AWKWARD: list[dict[str, object]] = [
    {"name": "=SUM(A1:A2)", "notes": "+81 から", "tags": "-", "address": "@home"},
    {"name": "#N/A", "kana": "#REF!", "notes": "＝全角のイコール", "website": "＋＠"},
    {"name": "  前後に空白  ", "notes": "一行目\r\n二行目\n\t字下げ", "email": " a@b.jp"},
    {"name": "制御\x01文字\x1f", "notes": "\x0b\x0c", "representative": "<b>&amp;</b> \"引用\" 'x'"},
    {"name": "長い備考", "notes": "あ" * 40_000},
    {"name": "日付でない", "established_on": "令和元年", "registered_on": "2024-02-30"},
    {"name": "会員数が文字", "member_count": "約30"},
    {"name": "古い日付", "established_on": "1900-01-15", "certified_on": "1900-03-01"},
    {
        "name": "番号類",
        "phone": "=0431234567",
        "fax": "+81-43",
        "postal_code": "-260",
        "corporate_number": "@1",
    },
    {"name": "空の値", "phone": "", "notes": "", "municipality_name": "", "municipality_code": "12100"},
    {"name": "分野", "activity_fields": "1, 13,,99,x"},
]


def _export_both(ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    fast, generic = tmp_path / "fast.xlsx", tmp_path / "generic.xlsx"
    assert export_xlsx.export_organizations(ws, fast) > 0
    with monkeypatch.context() as patch:
        patch.setattr(export_xlsx, "install_row_writer", lambda _ws: None)  # openpyxl's own path
        export_xlsx.export_organizations(ws, generic)
    return fast, generic


def _assert_same_parts(fast: Path, generic: Path) -> None:
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(generic) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name == "docProps/core.xml":  # creation time
                continue
            assert a.read(name) == b.read(name), name


def test_awkward_values_are_written_as_openpyxl_writes_them(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.generate(ws, len(AWKWARD) + 20, seed=3)
    with sqlite_file.connection(ws.db_path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM organizations ORDER BY kana, name, id")]
        for org_id, values in zip(ids, AWKWARD, strict=False):
            columns = ", ".join(f"{column} = ?" for column in values)
            conn.execute(f"UPDATE organizations SET {columns} WHERE id = ?", [*values.values(), org_id])
        conn.commit()
    fast, generic = _export_both(ws, tmp_path, monkeypatch)
    _assert_same_parts(fast, generic)


def test_a_registry_without_dates_or_styled_cells_is_the_same(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Styles are registered at first use, as openpyxl does: none used, none written."""
    demo.generate(ws, 3, seed=5)
    with sqlite_file.connection(ws.db_path) as conn:
        conn.execute(
            "UPDATE organizations SET established_on = NULL, certified_on = NULL, registered_on = '',"
            " last_contact_on = NULL, phone = '', fax = '', postal_code = '', corporate_number = ''"
        )
        conn.commit()
    fast, generic = _export_both(ws, tmp_path, monkeypatch)
    _assert_same_parts(fast, generic)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, "", datetime(2024, 4, 1, 9, 30), b"x"])
def test_values_the_converter_never_makes_are_refused(value: object) -> None:
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("x")
    sheet.append(["header"])
    write = xlsx_rows.install_row_writer(sheet)
    assert write is not None
    try:
        write(["text", 3, date(2024, 4, 1), None])  # what the converter makes is taken
        with pytest.raises(TypeError):
            write([value])
    finally:
        export_xlsx._discard_sheet_tempfile(sheet)


def _report_sheets(ws: Workspace, out: Path, year: int) -> None:
    """事業一覧, 公平性チェック and 評価サマリー of ``year`` alone, as the 年度レポート writes them."""
    wanted = (export_projects.PROJECTS_TITLE, export_projects.FAIRNESS_TITLE, "評価サマリー")
    wb = export_xlsx.new_workbook()
    for title, writer in annual_report.SHEETS:
        if title in wanted:
            assert writer(wb, ws, ReportScope(year)) > 0, title
    with out.open("wb") as fh:
        sheets.save_workbook(wb, fh)


def test_the_project_sheets_are_written_as_openpyxl_writes_them(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Amounts, shares, weighted totals and centred counts (styled number cells, floats), rows of
    wrapped text with their heights: the same bytes as ``ws.append`` of the same values."""
    demo.generate(ws, 120, seed=4)
    generate_projects(ws, 80, seed=4)
    with sqlite_file.connection(ws.db_path) as conn:
        (year,) = conn.execute(
            "SELECT r.fiscal_year FROM evaluation_rounds r GROUP BY r.fiscal_year ORDER BY count(*) DESC"
        ).fetchone()
    fast, generic = tmp_path / "fast.xlsx", tmp_path / "generic.xlsx"
    _report_sheets(ws, fast, year)
    with monkeypatch.context() as patch:
        patch.setattr(export_projects, "install_row_writer", lambda _ws: None)  # openpyxl's own path
        _report_sheets(ws, generic, year)
    _assert_same_parts(fast, generic)


def test_numbers_with_a_style_are_taken() -> None:
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("x")
    sheet.append(["header"])
    write = xlsx_rows.install_row_writer(sheet)
    assert write is not None
    amount = WriteOnlyCell(sheet, value=1234)
    amount.number_format = "#,##0"
    share = WriteOnlyCell(sheet, value=0.125)
    share.number_format = "0.0%"
    try:
        write([amount, share, 2.5])
        with pytest.raises(TypeError):
            write([WriteOnlyCell(sheet, value=True)])  # a boolean cell is not a number of the export
    finally:
        export_xlsx._discard_sheet_tempfile(sheet)
