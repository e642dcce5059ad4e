"""Two-row headers read as one, and ``header_row`` choosing where the header is."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.services.import_lists import read_list, read_table
from kyodo_desktop.services.import_lists.table import combine_header_rows


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_the_government_list_header_is_read_as_one(government_list: Path) -> None:
    table, mapping, rows = read_list(government_list)
    assert (table.header_row, table.header_rows) == (3, 2)
    assert table.headers == [
        "No.",
        "契約の相手方 商号又は名称",
        "契約の相手方 住所",
        "法人番号",
        "設立年月日",
        "契約金額",
    ]
    assert mapping[1] == "name" and mapping[2] == "address" and mapping[4] == "established_on"
    assert [number for number, _ in table.rows] == [5, 6, 7]
    assert all(row.ok for row in rows)


def test_a_data_row_with_blanks_under_a_header_is_no_second_header_row(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "list.xlsx",
        [
            ["団体名", "電話番号", None, "備考"],
            ["あおぞらの会", None, "memo", None],
            ["そらの会", "043-223-1111"],
        ],
    )
    table = read_table(path)
    assert (table.header_row, table.header_rows) == (1, 1)
    assert [number for number, _ in table.rows] == [2, 3]


def test_combine_carries_a_merged_heading_over_its_columns() -> None:
    assert combine_header_rows(
        ["A", "契約の相手方", "", "", "B"], ["", "商号又は名称", "住所", "電話", ""]
    ) == [
        "A",
        "契約の相手方 商号又は名称",
        "契約の相手方 住所",
        "契約の相手方 電話",
        "B",
    ]


def test_header_row_says_where_the_header_is(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "list.xlsx",
        [["団体名", "電話番号"], ["これは説明の行です"], ["交付先", "金額"], ["みどりの会", 100]],
    )
    table = read_table(path, header_row=3)
    assert (table.header_row, table.headers) == (3, ["交付先", "金額"])
    assert [number for number, _ in table.rows] == [4]
    with pytest.raises(ImportFileError, match="10 行目がありません"):
        read_table(path, header_row=10)


def test_header_row_on_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("一覧\n\n団体名,電話番号\nみどりの会,043-223-1111\n", encoding="utf-8")
    table = read_table(path, header_row=3)
    assert (table.header_row, table.headers) == (3, ["団体名", "電話番号"])
    with pytest.raises(ImportFileError, match="2 行目は空です"):
        read_table(path, header_row=2)
