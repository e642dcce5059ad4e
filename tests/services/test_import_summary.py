"""The import summary workbook (services.import_summary), read back with openpyxl."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import import_summary
from kyodo_desktop.services.import_summary import write_import_summary
from kyodo_desktop.services.importing import Action, ImportPlan, apply_import, choose_overwrites, plan_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

NUMBER = "7000012050002"
FORMULA_NAME = '=HYPERLINK("http://evil.example/","開く")'
DETAIL_HEADER = ["行", "処理", "団体名", "一致した団体", "一致の理由", "変更内容", "問題"]


def _row(n: int, **fields: Any) -> ImportRow:
    return ImportRow(n, validate_organization(OrganizationInput(**fields)), sheet="名簿")


@pytest.fixture
def plan(ws: Workspace, svc: OrganizationService) -> ImportPlan:
    """Rows 2–8 with every action: 変更なし, 更新, 新規 (twice), ファイル内重複, エラー, スキップ."""
    svc.create(OrganizationInput(name="みどりの会", municipality_code="12217", phone="04-7123-4567"))
    svc.create(
        OrganizationInput(
            name="番号の会", corporate_number=NUMBER, phone="043-223-1111", fields=[13], notes="旧"
        )
    )
    rows = [
        _row(2, name="みどりの会", municipality_code="12217", phone="04-7123-4567"),
        _row(
            3,
            name="番号の会",
            corporate_number=NUMBER,
            phone="047-431-1111",
            email="new@example.jp",
            fields=[13, 1],
        ),
        _row(4, name=FORMULA_NAME),
        _row(5, name="新しい会"),
        _row(6, name="新しい会"),
        ImportRow(
            7,
            None,
            [
                RowProblem(7, "電話番号", "電話番号の形式が正しくありません", sheet="名簿"),
                RowProblem(7, "設立日", "日付の形式が正しくありません", sheet="名簿"),
            ],
            sheet="名簿",
        ),
        _row(8, name="取り込まない会"),
    ]
    planned = plan_import(ws, rows, source_name="名簿.xlsx")
    planned.rows[-1].action = Action.SKIP  # the officer's choice in the review list
    choose_overwrites(planned, None)  # and every differing value ticked
    return planned


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder / "取り込み結果.xlsx"


def _values(path: Path, sheet: str) -> list[list[Any]]:
    wb = openpyxl.load_workbook(path)
    return [list(row) for row in wb[sheet].iter_rows(values_only=True)]


def _overview(path: Path) -> dict[str, Any]:
    return {k: v for k, v in _values(path, "概要")[1:]}


def test_sheets_and_overview_of_a_plan_not_yet_applied(plan: ImportPlan, out: Path) -> None:
    before = datetime.now().replace(second=0, microsecond=0)
    write_import_summary(plan, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概要", "明細", "エラー"]
    overview = _overview(out)
    assert overview["取り込み元ファイル"] == "名簿.xlsx"
    assert datetime.strptime(overview["作成日時"], "%Y-%m-%d %H:%M") >= before
    assert overview["状態"].startswith("確認のみ")
    assert "取り込みID" not in overview and "取り込み前のバックアップ" not in overview
    assert overview["行数"] == 7
    assert {k: v for k, v in overview.items() if k.startswith("処理: ")} == {
        "処理: 新規": 2,
        "処理: 更新": 1,
        "処理: 変更なし": 1,
        "処理: ファイル内重複": 1,
        "処理: エラー": 1,
        "処理: スキップ": 1,
    }
    assert overview["問題の件数"] == 2


def test_overview_after_apply_names_the_import_and_the_backup(
    ws: Workspace, plan: ImportPlan, out: Path
) -> None:
    summary = apply_import(ws, plan, valid_only=True)
    write_import_summary(plan, out, summary=summary)
    overview = _overview(out)
    assert overview["状態"] == "取り込み済み"
    assert overview["取り込みID"] == summary.import_id
    assert overview["取り込み前のバックアップ"] == summary.backup_path
    assert Path(summary.backup_path).exists()
    assert (overview["登録した団体"], overview["更新した団体"]) == (2, 1)
    assert overview["取り込まなかった行"] == summary.skipped == 3
    assert overview["エラーで取り込まなかった行"] == 1


def test_one_detail_row_per_source_row(plan: ImportPlan, out: Path) -> None:
    write_import_summary(plan, out)
    rows = _values(out, "明細")
    assert rows[0] == DETAIL_HEADER
    body = rows[1:]
    assert [(r[0], r[1]) for r in body] == [
        (2, "変更なし"),
        (3, "更新"),
        (4, "新規"),
        (5, "新規"),
        (6, "ファイル内重複"),
        (7, "エラー"),
        (8, "スキップ"),
    ]
    unchanged, update, _formula, _new, duplicate, error, skipped = body
    assert unchanged[2:5] == ["みどりの会", "みどりの会", "名称と市町村が同じ"]
    assert update[3:5] == ["番号の会", "法人番号が同じ"]
    assert update[5].splitlines() == [
        "電話番号: 043-223-1111 → 047-431-1111",
        "メールアドレス: （空） → new@example.jp",
        "活動分野: 子どもの健全育成 → 保健・医療・福祉、子どもの健全育成",
    ]
    assert duplicate[2] == "新しい会" and duplicate[4] == "5 行目と同じ団体"
    assert error[2] is None
    assert error[6].splitlines() == [
        "「電話番号」電話番号の形式が正しくありません",
        "「設立日」日付の形式が正しくありません",
    ]
    assert skipped[2] == "取り込まない会" and skipped[5] is None


def test_changes_the_officer_did_not_take_are_marked(plan: ImportPlan, out: Path) -> None:
    plan.rows[1].accepted = {"email"}
    write_import_summary(plan, out)
    changes = _values(out, "明細")[2][5].splitlines()
    assert changes[0] == "電話番号: 043-223-1111 → 047-431-1111（取り込まない）"
    assert changes[1] == "メールアドレス: （空） → new@example.jp"


def test_every_problem_on_the_error_sheet(plan: ImportPlan, out: Path) -> None:
    write_import_summary(plan, out)
    assert _values(out, "エラー") == [
        ["行", "シート", "列", "理由"],
        [7, "名簿", "電話番号", "電話番号の形式が正しくありません"],
        [7, "名簿", "設立日", "日付の形式が正しくありません"],
    ]


def test_a_name_that_looks_like_a_formula_stays_text(plan: ImportPlan, out: Path) -> None:
    write_import_summary(plan, out)
    cell = openpyxl.load_workbook(out)["明細"]["C4"]
    assert cell.value == FORMULA_NAME
    assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(out) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml


def test_headers_styled_frozen_and_filtered(plan: ImportPlan, out: Path) -> None:
    write_import_summary(plan, out)
    wb = openpyxl.load_workbook(out)
    for title, filtered in (("概要", None), ("明細", "A1:G8"), ("エラー", "A1:D3")):
        sheet = wb[title]
        assert sheet["A1"].font.b and sheet["A1"].fill.fill_type == "solid", title
        assert sheet.freeze_panes == "A2", title
        assert sheet.auto_filter.ref == filtered, title
    assert wb["明細"]["F3"].alignment.wrap_text  # several changes, one a line


def test_long_and_control_character_text_is_made_writable(ws: Workspace, out: Path) -> None:
    rows = [ImportRow(2, None, [RowProblem(2, "目的", "長い\x01" + "あ" * 40_000)])]
    write_import_summary(plan_import(ws, rows, source_name="x.csv"), out)
    reason = _values(out, "エラー")[1][3]
    assert len(reason) == import_summary.MAX_CELL_CHARS and reason.endswith("…")
    assert reason.startswith("長いあ")


def test_an_existing_workbook_is_replaced_and_no_temp_file_is_left(plan: ImportPlan, out: Path) -> None:
    write_import_summary(plan, out)
    plan.rows = plan.rows[:1]
    write_import_summary(plan, out)
    assert len(_values(out, "明細")) == 2
    assert [p.name for p in out.parent.iterdir()] == [out.name]


@pytest.mark.parametrize("name", ["結果.csv", "結果.xls", "結果"])
def test_a_name_not_ending_in_xlsx_is_refused(plan: ImportPlan, tmp_path: Path, name: str) -> None:
    with pytest.raises(KnownError, match=r"\.xlsx"):
        write_import_summary(plan, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_an_existing_file_that_is_not_a_workbook_is_never_overwritten(plan: ImportPlan, out: Path) -> None:
    out.write_bytes(b"SQLite format 3\x00 precious")
    with pytest.raises(KnownError, match="Excelファイルではない"):
        write_import_summary(plan, out)
    assert out.read_bytes() == b"SQLite format 3\x00 precious"
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_a_missing_folder_is_refused(plan: ImportPlan, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="フォルダがありません"):
        write_import_summary(plan, tmp_path / "nowhere" / "結果.xlsx")


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    plan: ImportPlan, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_import_summary(plan, out)
    before = out.read_bytes()

    def fail(*_args: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(import_summary, "_detail_rows", fail)
    with pytest.raises(RuntimeError, match="disk gone"):
        write_import_summary(plan, out)
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_every_sheet_is_set_up_for_printing(plan: ImportPlan, out: Path) -> None:
    """A4, fit to width, the header row repeated, the date in the header, page numbers (sheets)."""
    from tests.services.test_export_layouts import assert_print_setup

    write_import_summary(plan, out)
    wb = openpyxl.load_workbook(out)
    expected = {"概要": False, "明細": True, "エラー": True}  # landscape for the wide ones
    for title, landscape in expected.items():
        sheet = wb[title]
        assert_print_setup(sheet, landscape=landscape)
        assert sheet.oddHeader.left.text == f"インポートの記録（{title}）"
