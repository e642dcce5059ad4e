"""評価サマリー in ``kyodo export-xlsx``: one row per evaluated round, read back, print-ready."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.services import export_evaluations, export_projects
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.export_xlsx import export_organizations
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from ..evaluation_data import PARTNER, SECTION, TITLE, build

HEADERS = [header for header, _ in export_evaluations.SUMMARY_COLUMNS]


def _summary(ws: Workspace, tmp_path: Path) -> tuple[list[list[object]], object]:
    out = tmp_path / "団体一覧.xlsx"
    export_organizations(ws, out)
    wb = load_workbook(out)
    assert wb.sheetnames[-1] == export_evaluations.SUMMARY_TITLE
    sheet = wb[export_evaluations.SUMMARY_TITLE]
    return [[c.value for c in row] for row in sheet.iter_rows()], sheet


def test_one_row_per_round_with_totals_gaps_and_direction(ws: Workspace, tmp_path: Path) -> None:
    build(ws)
    rows, sheet = _summary(ws, tmp_path)
    assert rows[0] == HEADERS
    by_round = {(row[0], row[1]): dict(zip(HEADERS, row, strict=True)) for row in rows[1:]}
    assert list(by_round) == [("令和7年度", "中間"), ("令和6年度", "最終")]  # newest 年度 first
    final = by_round[("令和6年度", "最終")]
    assert (final["事業名"], final["担当課"], final["パートナー"]) == (TITLE, SECTION, PARTNER)
    assert final["評価シート"] == f"{POINTS_FIVE.name}（版1）"
    assert (final["行政"], final["団体"], final["第三者"]) == ("40/55", "39/55", None)
    assert final["加重合計"] is None
    assert final["主な論点（差の大きい項目）"] == "相互理解（差3）、成果・効果（差3）"
    assert final["今後の方向性"] == "改善して継続"
    mid = by_round[("令和7年度", "中間")]
    assert (mid["行政"], mid["団体"], mid["第三者"]) == ("70/100", "80/100", "56/100")
    assert mid["加重合計"] == 63.6
    assert mid["主な論点（差の大きい項目）"] == "継続性・発展性（差6）"
    assert mid["今後の方向性"] is None
    weighted = sheet.cell(row=2, column=HEADERS.index("加重合計") + 1)
    assert weighted.number_format == "0.0"
    # print-ready like the other sheets
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows.replace("$", "") == "1:1"
    assert sheet.oddHeader.left.text == export_evaluations.SUMMARY_TITLE


def test_the_summary_shows_what_the_administration_sees(ws: Workspace, tmp_path: Path) -> None:
    pid = ProjectService(ws).create(ProjectInput(section="市民協働課", title="=見守り事業", fiscal_year=2025))
    svc = EvaluationService(ws)
    svc.round_for(pid, 2025, "最終", blind=True)
    keys = [i.key for i in POINTS_FIVE.items]
    svc.save_evaluation(
        EvaluationInput(pid, 2025, "最終", "団体", scores=[ItemScore(k, 2) for k in keys], submit=True)
    )
    svc.save_evaluation(EvaluationInput(pid, 2025, "最終", "行政", scores=[ItemScore(k, 5) for k in keys]))
    rows, sheet = _summary(ws, tmp_path)
    row = dict(zip(HEADERS, rows[1], strict=True))
    assert (row["行政"], row["団体"], row["第三者"]) == ("未提出", "ブラインド", None)
    assert row["主な論点（差の大きい項目）"] is None
    title = sheet.cell(row=2, column=3)
    assert title.value == "=見守り事業" and title.data_type == "s"  # a formula-looking name stays text


def test_no_summary_without_rounds(ws: Workspace, tmp_path: Path) -> None:
    ProjectService(ws).create(
        ProjectInput(section="市民協働課", title="評価前の事業", fiscal_year=2025), stage_on=date(2025, 4, 1)
    )
    assert not export_evaluations.has_rounds(ws)
    out = tmp_path / "x.xlsx"
    export_organizations(ws, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["団体一覧", export_projects.PROJECTS_TITLE, export_projects.FAIRNESS_TITLE]
    # a project without partners: the fairness sheet says so (it used to fail on the short row)
    assert wb[export_projects.FAIRNESS_TITLE]["C2"].value == export_projects.NO_PARTNERS
