"""Workbook charts: the tables they chart, the chart parts in the file, and the page they print on."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS
from kyodo_desktop.services import sheets
from kyodo_desktop.services import xlsx_charts as xc

SHEET = "評価シート"
WIDTHS = (22.0, 12.0, 12.0, 12.0, 30.0)
SIDES = [("行政", [4, 3, 5, 4, 4, 3]), ("団体", [3, 3, None, 4, 5, 2]), ("第三者", [None] * 6)]
TARGETS = ["講座の参加者数（延べ人数）", "=相談件数", "広報紙の発行回数"]


def write_sheet(path: Path) -> tuple[xc.ChartTable, xc.ChartTable]:
    """An evaluation-like sheet: the comparison table, its radar chart, targets and their bars."""
    wb = Workbook()
    sheets.use_default_font(wb)
    ws = wb.active
    ws.title = SHEET
    for letter, width in zip("ABCDE", WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    sheets.set_print_setup(ws, WIDTHS, SHEET, dated="令和6年度")
    points = xc.write_chart_table(ws, 3, 1, "協働のポイント", COLLABORATION_POINTS, SIDES)
    xc.add_radar_chart(ws, f"A{points.below + 2}", "協働のポイント（評価の比較）", points, maximum=5)
    row = points.below + 2 + xc.rows_spanned(xc.RADAR_SIZE_CM) + 1
    targets = xc.write_chart_table(
        ws, row, 1, "目標", TARGETS, [("目標値", [500, 120, 12]), ("実績", [420, None, 12.5])]
    )
    xc.add_bar_chart(ws, f"A{targets.below + 2}", "目標値と実績", targets, value_title="人・件・回")
    with path.open("wb") as fh:
        sheets.save_workbook(wb, fh)
    return points, targets


@pytest.fixture
def workbook(tmp_path: Path) -> tuple[Path, xc.ChartTable, xc.ChartTable]:
    path = tmp_path / "評価.xlsx"
    points, targets = write_sheet(path)
    return path, points, targets


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def test_the_tables_read_back_with_gaps_left_empty(
    workbook: tuple[Path, xc.ChartTable, xc.ChartTable],
) -> None:
    path, points, targets = workbook
    assert (points.header_row, points.label_col, points.categories, points.series) == (3, 1, 6, 3)
    assert points.below == 9
    ws = load_workbook(path)[SHEET]
    assert [cell.value for cell in ws[3][:4]] == ["協働のポイント", "行政", "団体", "第三者"]
    assert [ws.cell(row=r, column=1).value for r in range(4, 10)] == list(COLLABORATION_POINTS)
    assert [ws.cell(row=r, column=2).value for r in range(4, 10)] == [4, 3, 5, 4, 4, 3]
    assert ws.cell(row=6, column=3).value is None  # 団体 did not score 対等性の確保
    assert all(ws.cell(row=r, column=4).value is None for r in range(4, 10))
    first = targets.header_row + 1
    assert ws.cell(row=first, column=1).value == "講座の参加者数（延べ人数）"
    # a target named like a formula stays text
    guarded = ws.cell(row=first + 1, column=1)
    assert guarded.value == "=相談件数"
    assert guarded.data_type == "s"
    assert guarded.quotePrefix
    assert ws.cell(row=first + 2, column=3).value == 12.5


def test_the_radar_chart_refers_to_its_table_on_a_zero_to_maximum_scale(
    workbook: tuple[Path, xc.ChartTable, xc.ChartTable],
) -> None:
    path, _points, _targets = workbook
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert "xl/charts/chart1.xml" in names
    assert "xl/charts/chart2.xml" in names
    radar = part(path, "xl/charts/chart1.xml")
    assert "<radarChart>" in radar
    assert '<radarStyle val="marker"/>' in radar
    assert "協働のポイント（評価の比較）" in radar
    assert '<a:ea typeface="Yu Gothic"/>' in radar
    # one series per side, named by the header cell, labels as text, values by column
    assert re.findall(r"<tx><strRef><f>([^<]+)</f>", radar) == [
        "'評価シート'!B3",
        "'評価シート'!C3",
        "'評価シート'!D3",
    ]
    assert radar.count("<cat><strRef><f>'評価シート'!$A$4:$A$9</f>") == 3
    assert re.findall(r"<val><numRef><f>([^<]+)</f>", radar) == [
        "'評価シート'!$B$4:$B$9",
        "'評価シート'!$C$4:$C$9",
        "'評価シート'!$D$4:$D$9",
    ]
    assert re.search(r'<scaling><orientation val="minMax"/><max val="5"/><min val="0"/></scaling>', radar)
    assert '<majorUnit val="1"/>' in radar
    assert '<dispBlanksAs val="gap"/>' in radar
    # the sides differ by colour and by marker
    assert re.findall(r'<symbol val="(\w+)"/>', radar) == ["circle", "square", "triangle"]
    assert [color for color in xc.SERIES_COLORS[:3] if f'<a:srgbClr val="{color}"/>' in radar] == list(
        xc.SERIES_COLORS[:3]
    )
    assert '<delete val="0"/>' in radar  # axes shown


def test_the_bar_chart_groups_targets_and_results(
    workbook: tuple[Path, xc.ChartTable, xc.ChartTable],
) -> None:
    path, _points, targets = workbook
    bars = part(path, "xl/charts/chart2.xml")
    first, last = targets.header_row + 1, targets.below
    assert "<barChart>" in bars
    assert '<barDir val="col"/>' in bars
    assert '<grouping val="clustered"/>' in bars
    assert f"<cat><strRef><f>'評価シート'!$A${first}:$A${last}</f>" in bars
    assert f"<val><numRef><f>'評価シート'!$C${first}:$C${last}</f>" in bars
    assert "目標値と実績" in bars
    assert "人・件・回" in bars
    assert '<showVal val="1"/>' in bars
    assert '<showCatName val="0"/>' in bars
    assert "<a:pattFill" in bars  # 実績 hatched, readable in grey
    assert '<min val="0"/>' in bars


def test_charts_sit_where_anchored_and_the_sheet_prints_on_a4(
    workbook: tuple[Path, xc.ChartTable, xc.ChartTable],
) -> None:
    path, points, targets = workbook
    drawing = part(path, "xl/drawings/drawing1.xml")
    rows = [int(row) for row in re.findall(r"<from><col>0</col><colOff>0</colOff><row>(\d+)</row>", drawing)]
    # zero-based rows: each chart starts under its table, the bar chart under the radar chart
    assert rows == [points.below + 1, targets.below + 1]
    assert targets.header_row >= points.below + 2 + xc.rows_spanned(xc.RADAR_SIZE_CM)
    widths_cm = re.findall(r'<ext cx="(\d+)" cy="(\d+)"/>', drawing)
    assert [(round(int(cx) / 360000), round(int(cy) / 360000)) for cx, cy in widths_cm] == [(16, 11), (16, 9)]
    ws = load_workbook(path)[SHEET]
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == "portrait"
    assert ws.oddHeader.right.text == "令和6年度"


def test_rows_spanned_rounds_up_to_whole_default_rows() -> None:
    assert xc.rows_spanned((16.0, 11.0)) == 21  # 11 cm / 0.529 cm
    assert xc.rows_spanned((16.0, 0.5)) == 1
