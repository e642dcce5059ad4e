"""The project sheets read back: 事業計画書, 役割分担表, 事業一覧 and 公平性チェック, print-ready."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kyodo_desktop.services import export_projects
from kyodo_desktop.services.export_xlsx import LAYOUT_LIST, export_organizations
from kyodo_desktop.services.project_sheets import NO_ROLES, export_project
from kyodo_desktop.services.workspace import Workspace

from ..project_data import FORMULA_TITLE, SECTION, Built, build


@pytest.fixture
def built(ws: Workspace) -> Built:
    return build(ws)


def _form(sheet: Any) -> dict[str, Any]:
    """Label → value of the 事業計画書 (label in A, value in B)."""
    return {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2) if row[0].value and row[1].value}


def _assert_print_ready(sheet: Any, *, landscape: bool, title_rows: str, year: str | None) -> None:
    assert sheet.page_setup.paperSize == 9
    assert sheet.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows.replace("$", "") == title_rows
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    if year is not None:
        assert sheet.oddHeader.right.text == year


def test_plan_and_roles_read_back(ws: Workspace, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "計画書.xlsx"
    assert export_project(ws, built.main_2024, out) == "公園の花壇づくり"
    book = load_workbook(out)
    plan, roles = book["事業計画書"], book["役割分担表"]
    assert plan["A1"].value == "事業計画書"
    form = _form(plan)
    assert form["事業名"] == "公園の花壇づくり"
    assert form["年度"] == "令和6年度"
    assert form["担当課"] == SECTION
    assert form["担当職員"] == "テスト職員"
    assert (form["関係の種類"], form["形態"]) == ("協働", "委託")
    assert form["活動分野"] == "社会教育"
    assert form["期間"] == "令和6年4月1日〜令和7年3月31日"
    assert form["共通の目的"] == "地域の人が集う公園づくり"
    assert form["地域課題"] == "公園の花壇が荒れている"
    assert (form["行政負担"], form["団体負担"], form["その他収入"], form["合計"]) == (
        1_000_000,
        200_000,
        50_000,
        1_250_000,
    )
    assert plan.cell(row=_row_of(plan, "行政負担"), column=2).number_format == '#,##0"円"'
    assert form["主たるパートナー"] == "みどりの会"
    partner_row = _row_of(plan, "主たるパートナー")
    assert plan.cell(row=partner_row, column=4).value == "7000012050002"
    target = [c.value for c in plan[_row_of(plan, "花壇の数")]]
    assert target == ["花壇の数", None, "10か所", "令和7年3月31日"]
    assert (form["選定方法"], form["応募者数"], form["選定の理由"], form["公表"]) == (
        "公募・企画提案",
        "3者",
        "企画提案の審査による",
        "未公表",
    )
    assert (
        plan["A1"].font.name == "Yu Gothic"
        and plan.cell(row=_row_of(plan, "年度"), column=2).font.name == "Yu Gothic"
    )
    assert plan.cell(row=_row_of(plan, "事業名"), column=2).border.left.style == "thin"
    _assert_print_ready(plan, landscape=False, title_rows="1:1", year="令和6年度")

    assert roles["A1"].value == "役割分担表（公園の花壇づくり）"
    assert [c.value for c in roles[2]] == ["作業", "行政", "団体", "共同", "担当者", "備考"]
    rows = [[c.value for c in row] for row in roles.iter_rows(min_row=3)]
    assert rows == [
        ["企画", None, None, "○", "山田・佐藤", "月1回の打合せ"],
        ["広報", "○", None, None, "山田", "市報に掲載"],
        ["当日運営", None, "○", None, "佐藤", None],
    ]
    assert roles["C5"].border.top.style == "thin"
    _assert_print_ready(roles, landscape=False, title_rows="1:2", year="令和6年度")
    assert roles.freeze_panes == "A3"


def _row_of(sheet: Any, label: str) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == label)


def test_formula_looking_title_stays_text(ws: Workspace, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "式.xlsx"
    export_project(ws, built.formula, out)
    plan = load_workbook(out)["事業計画書"]
    cell = plan.cell(row=_row_of(plan, "事業名"), column=2)
    assert cell.value == FORMULA_TITLE and cell.data_type == "s" and cell.quotePrefix
    roles = load_workbook(out)["役割分担表"]
    assert roles["A3"].value == NO_ROLES  # no role rows yet
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_a_draft_says_so(ws: Workspace, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "下書き.xlsx"
    export_project(ws, built.draft, out)
    assert load_workbook(out)["事業計画書"]["A1"].value == "事業計画書（下書き）"


def test_export_holds_the_project_list_and_the_fairness_check(
    ws: Workspace, built: Built, tmp_path: Path
) -> None:
    out = tmp_path / "団体一覧.xlsx"
    export_organizations(ws, out, layout=LAYOUT_LIST)
    book = load_workbook(out)
    assert book.sheetnames == ["団体一覧", "事業一覧", "公平性チェック"]
    projects = book["事業一覧"]
    header = [c.value for c in projects[1]]
    assert header[:9] == [
        "年度",
        "事業名",
        "関係",
        "形態",
        "段階",
        "担当課",
        "主たるパートナー",
        "協力団体",
        "金額（行政負担）",
    ]
    rows = {row[1]: row for row in projects.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {
        "公園の花壇づくり",
        "夏祭り",
        "子ども食堂の支援",
        FORMULA_TITLE,
        "公園の花壇づくり(2023)",
        "海岸清掃(2023)",
        "公園の花壇づくり(2022)",
        "海岸清掃(2022)",
    }  # no draft, nothing from the trash
    assert rows["子ども食堂の支援"][:10] == (
        "令和6年度",
        "子ども食堂の支援",
        "協働",
        "補助・助成",
        "課題・ニーズの把握",
        SECTION,
        "ひかりネット",
        "若葉クラブ",
        600_000,
        "随意契約",
    )
    formula_row = next(r for r in projects.iter_rows(min_row=2) if r[1].value == FORMULA_TITLE)
    assert formula_row[1].data_type == "s" and formula_row[1].quotePrefix
    assert formula_row[8].number_format == "#,##0"
    _assert_print_ready(projects, landscape=True, title_rows="1:1", year=None)

    fairness = book["公平性チェック"]
    assert [c.value for c in fairness[1]][:3] == ["年度", "担当課", "団体名"]
    first = [c.value for c in fairness[2]]
    assert first == [
        "令和6年度",
        SECTION,
        "みどりの会",
        "7000012050002",
        1,
        1_000_000,
        2_000_000,
        0.5,
        3,
        "3年度連続（令和4〜6年度）、予算の50%（令和6年度）",
    ]
    assert fairness["H2"].number_format == "0.0%" and fairness["D2"].number_format == "@"
    assert "30%超" in fairness.oddHeader.left.text
    _assert_print_ready(fairness, landscape=True, title_rows="1:1", year=None)
    assert fairness.max_row == 1 + 8  # 令和6年度: 4 entries, 令和5年度 and 令和4年度: 2 each


def test_no_project_sheets_without_projects(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "団体一覧.xlsx"
    export_organizations(ws, out)
    assert load_workbook(out).sheetnames == ["団体一覧"]
    assert not export_projects.has_projects(ws)
