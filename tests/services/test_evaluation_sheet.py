"""The evaluation sheet read back: one sheet per round, the sides, the gaps marked, the totals,
targets and conclusion, the two charts in the file, print setup, and the blind mode's rule."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.persistence.errors import NotFoundError
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluation_sheet import NO_ROUNDS, SHEET_TITLE, write_evaluation_sheet
from kyodo_desktop.services.evaluation_sheet_form import GAP_FILL, GAP_MARK
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from ..evaluation_data import FORMULA_COMMENT, PARTNER, SECTION, TITLE, Evaluated, build

FINAL, MIDTERM = "令和6年度最終", "令和7年度中間"


@pytest.fixture
def built(ws: Workspace) -> Evaluated:
    return build(ws)


@pytest.fixture
def book(ws: Workspace, built: Evaluated, tmp_path: Path) -> Path:
    out = tmp_path / "評価シート.xlsx"
    assert write_evaluation_sheet(out, built.project_id, ws) == TITLE
    return out


def _rows(sheet: Any) -> list[list[Any]]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def _row_of(sheet: Any, first: str, second: str | None = None) -> list[Any]:
    for row in _rows(sheet):
        if row[0] == first and (second is None or (row[1] or "").startswith(second)):
            return row
    raise AssertionError(f"no row {first} {second}")


def _field(sheet: Any, label: str) -> Any:
    row = _row_of(sheet, label)
    return next(v for v in row[1:] if v is not None)


def test_one_sheet_per_round_with_the_project_summary(book: Path) -> None:
    wb = load_workbook(book)
    assert wb.sheetnames == [FINAL, MIDTERM]
    final = wb[FINAL]
    assert final["A1"].value == f"{SHEET_TITLE}（令和6年度 最終評価）"
    assert _field(final, "事業名") == TITLE
    assert _field(final, "年度") == "令和6年度"
    assert _field(final, "担当課") == SECTION
    assert _field(final, "パートナー") == PARTNER
    assert _field(final, "期間") == "令和6年4月1日〜令和7年3月31日"
    assert _field(final, "段階") == "見直し・改善"  # the conclusion moved it
    assert _field(final, "評価シート") == f"{POINTS_FIVE.name}（版1）"
    assert _row_of(final, "行政")[1:3] == ["花田 一郎", "令和7年4月20日"]


def test_the_comparison_has_each_sides_scores_and_the_gaps_marked(book: Path) -> None:
    sheet = load_workbook(book)[FINAL]
    first = _row_of(sheet, "協働のポイント", "相互理解")
    assert first[2:7] == [5, 2, None, 3, GAP_MARK]
    second = _row_of(sheet, "協働のポイント", "公平性の確保")
    assert second[2:7] == [4, 4, None, 0, None]
    marked = [row for row in _rows(sheet) if GAP_MARK in row]
    assert [row[1].split("：")[0] for row in marked] == ["相互理解", "成果・効果"]
    # the fill as well as the mark: colour on screen, the mark in black and white
    gap_row = next(r for r in sheet.iter_rows() if r[6].value == GAP_MARK)
    assert all(c.fill.start_color.rgb == GAP_FILL for c in gap_row)
    plain_row = next(r for r in sheet.iter_rows() if (r[1].value or "").startswith("公平性の確保"))
    assert plain_row[2].fill.start_color.rgb != GAP_FILL
    assert _row_of(sheet, "合計（点/満点）")[2:5] == ["40/55", "39/55", None]
    assert _row_of(sheet, "論点（話し合う項目）: 2件")


def test_comments_targets_and_the_conclusion(book: Path) -> None:
    sheet = load_workbook(book)[FINAL]
    assert _row_of(sheet, "行政（花田 一郎）", "【相互理解】")[1] == "【相互理解】月1回の定例会で率直に話せた"
    assert _row_of(sheet, f"団体（{PARTNER}）")[1] == "【相互理解】行政の事情が見えにくかった"
    assert _row_of(sheet, "行政（花田 一郎）", "来年度")[1] == "来年度は役割分担を見直したい"
    targets = _row_of(sheet, "参加者数")
    assert [targets[2], targets[4], targets[6]] == ["延べ500人", "延べ420人", 0.84]
    assert (
        sheet.cell(
            row=next(n for n, r in enumerate(_rows(sheet), 1) if r[0] == "参加者数"), column=7
        ).number_format
        == "0%"
    )
    assert _field(sheet, "今後の方向性") == "改善して継続"
    assert _field(sheet, "決定日") == "令和7年5月15日"
    action = _row_of(sheet, "参加者アンケートを年2回にする")
    assert [action[2], action[4], action[6]] == [PARTNER, "令和7年9月30日", "対応中"]


def test_a_comment_that_looks_like_a_formula_stays_text(book: Path) -> None:
    sheet = load_workbook(book)[FINAL]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value and FORMULA_COMMENT in str(c.value))
    assert cell.value == f"【成果・効果】{FORMULA_COMMENT}" and cell.data_type == "s"
    with zipfile.ZipFile(book) as z:
        assert not any("<f>" in z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_the_weighted_round_has_the_third_party_and_the_weighted_total(book: Path) -> None:
    sheet = load_workbook(book)[MIDTERM]
    assert _row_of(sheet, "合計（点/満点）")[2:5] == ["70/100", "80/100", "56/100"]
    weighted = _row_of(sheet, "加重合計（団体20・行政20・第三者60）")
    assert weighted[2] == "63.6点／100点"  # 80/100×20 + 70/100×20 + 56/100×60
    assert _row_of(sheet, "事業の実施効果", "継続性")[2:7] == [7, 8, 2, 6, GAP_MARK]
    assert _row_of(sheet, "結論はまだ記録されていません")


def test_the_charts_are_in_the_file_and_chart_the_sheets_cells(book: Path) -> None:
    with zipfile.ZipFile(book) as z:
        charts = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        xml = [z.read(n).decode() for n in charts]
    assert len(charts) == 4  # a radar and bars on each round's sheet
    radars = [x for x in xml if re.search(r"<(c:)?radarChart>", x)]
    bars = [x for x in xml if re.search(r"<(c:)?barChart>", x)]
    assert len(radars) == 2 and len(bars) == 2
    refs = re.findall(r"<(?:c:)?f>([^<]+)</(?:c:)?f>", radars[0] + bars[0])
    assert refs and all(f"'{FINAL}'!" in ref for ref in refs)
    assert len(re.findall(r"<(?:c:)?ser>", radars[0])) == 3  # 行政, 団体, 第三者, the empty one too
    wb = load_workbook(book)
    sheet = wb[FINAL]
    header = _row_of(sheet, None, "協働のポイント")  # the radar's table starts in column B
    assert header[1:5] == ["協働のポイント", "行政", "団体", "第三者"]
    assert _row_of(sheet, None, "相互理解")[1:5] == ["相互理解", 5, 2, None]
    assert _row_of(sheet, None, "参加者数")[1:4] == ["参加者数", 500, 420]


def test_print_ready_on_a4_with_the_year_and_title_in_the_header(book: Path) -> None:
    wb = load_workbook(book)
    for name, year in ((FINAL, "令和6年度"), (MIDTERM, "令和7年度")):
        sheet = wb[name]
        assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "portrait"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows.replace("$", "") == "1:1"
        assert sheet.oddHeader.left.text == f"{SHEET_TITLE}　{TITLE}"
        assert sheet.oddHeader.right.text == year
        assert "&P" in sheet.oddFooter.center.text
        assert sheet.row_breaks.brk  # the charts start a page
        assert sheet["A1"].font.name == "Yu Gothic"


def test_blind_mode_shows_what_the_administration_sees(ws: Workspace, tmp_path: Path) -> None:
    pid = ProjectService(ws).create(ProjectInput(section="市民協働課", title="見守り", fiscal_year=2025))
    svc = EvaluationService(ws)
    svc.round_for(pid, 2025, "最終", blind=True)
    keys = [i.key for i in POINTS_FIVE.items]
    svc.save_evaluation(
        EvaluationInput(pid, 2025, "最終", "団体", scores=[ItemScore(k, 2) for k in keys], submit=True)
    )
    svc.save_evaluation(EvaluationInput(pid, 2025, "最終", "行政", scores=[ItemScore(k, 5) for k in keys]))
    out = tmp_path / "blind.xlsx"
    write_evaluation_sheet(out, pid, ws)
    sheet = load_workbook(out)["令和7年度最終"]
    # 行政 only drafted: its scores are not shown, and 団体's wait for it (blind)
    assert _row_of(sheet, "協働のポイント", "相互理解")[2:5] == [None, None, None]
    assert "ブラインド" in _row_of(sheet, "団体")[4]
    assert "未提出" in _row_of(sheet, "行政")[4]
    admin = svc.evaluations_of_project(pid)[0]
    svc.save_evaluation(
        EvaluationInput(pid, 2025, "最終", "行政", scores=[ItemScore(k, 5) for k in keys], submit=True),
        expected_version=admin.version,
    )
    write_evaluation_sheet(out, pid, ws)
    sheet = load_workbook(out)["令和7年度最終"]
    assert _row_of(sheet, "協働のポイント", "相互理解")[2:7] == [5, 2, None, 3, GAP_MARK]


def test_a_project_without_evaluations_and_an_unknown_project(ws: Workspace, tmp_path: Path) -> None:
    pid = ProjectService(ws).create(
        ProjectInput(section="市民協働課", title="未評価の事業", fiscal_year=2025)
    )
    out = tmp_path / "none.xlsx"
    write_evaluation_sheet(out, pid, ws)
    wb = load_workbook(out)
    assert wb.sheetnames == [SHEET_TITLE]
    assert _row_of(wb[SHEET_TITLE], NO_ROUNDS)
    with pytest.raises(NotFoundError, match="事業が見つかりません"):
        write_evaluation_sheet(tmp_path / "x.xlsx", "no-such-id", ws)
    assert not (tmp_path / "x.xlsx").exists()


def test_a_three_level_form_charts_all_its_items_and_prints_its_grades(ws: Workspace, tmp_path: Path) -> None:
    pid = ProjectService(ws).create(ProjectInput(section="市民協働課", title="日本語教室", fiscal_year=2025))
    svc = EvaluationService(ws)
    urayasu = next(t for t in svc.latest_templates() if t.key == "urayasu-3")
    svc.round_for(pid, 2025, "最終", template_id=urayasu.id)
    keys = [i.key for i in urayasu.template.items]
    for side, values, grade in (("行政", (3, 3, 2, 2, 3, 3), "優良"), ("団体", (1, 3, 2, 2, 3, 3), "良好")):
        scores = [ItemScore(k, v) for k, v in zip(keys, values, strict=True)]
        svc.save_evaluation(
            EvaluationInput(pid, 2025, "最終", side, scores=scores, overall_grade=grade, submit=True)
        )
    out = tmp_path / "urayasu.xlsx"
    write_evaluation_sheet(out, pid, ws)
    sheet = load_workbook(out)["令和7年度最終"]
    assert _row_of(sheet, "行政")[4] == "優良（優良な協働事業として評価できる）"
    assert _row_of(sheet, "事業の成果", "地域課題")[2:7] == [3, 1, None, 2, GAP_MARK]  # one level is a gap
    assert _row_of(sheet, None, "評価項目")[1:5] == ["評価項目", "行政", "団体", "第三者"]
    with zipfile.ZipFile(out) as z:
        xml = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    radar = next(x for x in xml if re.search(r"<(c:)?radarChart>", x))
    assert "$B$" in radar and re.search(r"\$C\$\d+:\$C\$\d+", radar)
