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
from kyodo_desktop.services import demo, export_xlsx, xlsx_rows
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


@pytest.mark.parametrize("value", [1.5, True, "", datetime(2024, 4, 1, 9, 30), b"x"])
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
