"""The 年度レポート's sheets 概要 and 分野別・市町村別, written into a write-only workbook.

* **概要**: every figure of :func:`~kyodo_desktop.services.year_figures.year_figures` beside
  last year's and the difference, in labelled blocks (団体 — registry-wide, whatever the 課 —,
  事業, 予算, 評価, 引継ぎ). A breakdown line (a 法人格, a kind, a form) that is 0 in both years
  is left out; the totals are always there.
* **分野別・市町村別**: the two tables of :func:`~kyodo_desktop.services.year_breakdown.year_breakdown`
  side by side under one header row (活動分野 in A–C, 市町村 in E–G), and under them a bar chart
  of each table's 事業数 (the municipalities' chart shows the first :data:`CHART_PLACES`, the
  table is sorted most first).

Both go through :mod:`~kyodo_desktop.services.sheets` (A4, fit to width, header row repeated,
the 年度 and 課 in the page header, page numbers) and write every text through the formula
guard: a 法人格 or 市町村 written 「=…」 stays text. Rows are appended (a write-only sheet has no
random access); each chart is described by a
:class:`~kyodo_desktop.services.xlsx_charts.ChartTable` of the rows already written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kyodo_desktop.domain.cell_text import cell_copy
from kyodo_desktop.services import sheets
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.xlsx_charts import ChartTable, add_bar_chart, rows_spanned
from kyodo_desktop.services.year_breakdown import BreakdownRow, year_breakdown
from kyodo_desktop.services.year_figures import Counts, YearFigures, year_figures

__all__ = [
    "BREAKDOWN_SHEET",
    "CHART_PLACES",
    "OVERVIEW_SHEET",
    "breakdown_charts",
    "write_breakdown_sheet",
    "write_overview_sheet",
]

OVERVIEW_SHEET = "概要"
BREAKDOWN_SHEET = "分野別・市町村別"
#: How many municipalities the chart shows (a prefecture has up to 54; the table lists them all).
CHART_PLACES = 15

NUMBER = "#,##0"
DIFFERENCE = "+#,##0;-#,##0;0"
_OVERVIEW_WIDTHS = (40.0, 18.0, 18.0, 18.0)
_BREAKDOWN_WIDTHS = (26.0, 9.0, 17.0, 2.0, 16.0, 9.0, 17.0)
# the horizontal bars of 20 fields need more height than the default chart
_FIELD_CHART_CM = (16.0, 12.5)
_PLACE_CHART_CM = (16.0, 10.0)


class _Cells:
    """Cell makers of one write-only sheet: guarded text (plain, bold, indented) and numbers."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.styles import Alignment, Font

        self.ws = ws
        self.bold = Font(
            name=sheets.FONT_NAME, size=sheets.FONT_SIZE, charset=sheets.SHIFT_JIS_CHARSET, bold=True
        )
        self.indent = Alignment(horizontal="left", indent=1)

    def text(self, value: str, *, bold: bool = False, indent: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell

        value = cell_copy(value)
        cell = WriteOnlyCell(self.ws, value=value or None)
        if value and sheets.is_formula_like(value):
            cell.data_type = "s"  # openpyxl made "=…" a formula
            cell.quotePrefix = True
            cell.number_format = sheets.TEXT_FORMAT
        if bold:
            cell.font = self.bold
        if indent:
            cell.alignment = self.indent
        return cell

    def number(self, value: int, number_format: str = NUMBER, *, bold: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=value)
        cell.number_format = number_format
        if bold:
            cell.font = self.bold
        return cell


# -- 概要 ------------------------------------------------------------------------------------


def write_overview_sheet(wb: Any, ws: Workspace, scope: ReportScope) -> int:
    """Append the sheet 概要 to write-only ``wb``: ``scope``'s figures beside last year's.

    Returns the number of figure lines (what ``kyodo export-xlsx --fiscal-year`` reports)."""
    now, before = year_figures(ws, scope), year_figures(ws, scope.previous())
    sheet = wb.create_sheet(OVERVIEW_SHEET)
    sheets.set_print_setup(
        sheet, _OVERVIEW_WIDTHS, f"年度レポート　{OVERVIEW_SHEET}", dated=scope.header_text
    )
    sheets.set_widths(sheet, _OVERVIEW_WIDTHS)
    cells = _Cells(sheet)
    sheet.append(sheets.header_cells(sheet, ["項目", now.scope.label, before.scope.label, "増減"]))
    for note in _notes(scope):
        sheet.append([cells.text(note)])
    figures = 0
    for title, lines in _blocks(now, before):
        sheet.append([])
        sheet.append([cells.text(title, bold=True)])
        for label, this_year, last_year, total in lines:
            if this_year is None or last_year is None:
                sheet.append([cells.text(label)])  # a sub-heading (関係の種類, 形態)
                continue
            sheet.append(
                [
                    cells.text(label, bold=total, indent=not total),
                    cells.number(this_year, bold=total),
                    cells.number(last_year, bold=total),
                    cells.number(this_year - last_year, DIFFERENCE, bold=total),
                ]
            )
            figures += 1
    return figures


#: (label, this year, last year, whether it is a total line); None years: a sub-heading
_Line = tuple[str, int | None, int | None, bool]


def _blocks(now: YearFigures, before: YearFigures) -> list[tuple[str, list[_Line]]]:
    """The labelled blocks of 概要, in order."""

    def pair(label: str, attribute: str) -> _Line:
        return (label, getattr(now, attribute), getattr(before, attribute), True)

    return [
        (
            "団体（登録簿全体）",
            [
                pair("年度末の登録団体数", "organizations"),
                *_breakdown(now.organizations_by_form, before.organizations_by_form),
                pair("うち年度中の新規登録", "new_organizations"),
                *_breakdown(now.new_by_form, before.new_by_form),
            ],
        ),
        (
            "事業（件）",
            [
                pair("事業数", "projects"),
                ("関係の種類", None, None, False),
                *_breakdown(now.projects_by_kind, before.projects_by_kind),
                ("形態", None, None, False),
                *_breakdown(now.projects_by_form, before.projects_by_form),
            ],
        ),
        (
            "予算（行政負担、円）",
            [pair("行政負担額", "budget"), *_breakdown(now.budget_by_form, before.budget_by_form)],
        ),
        (
            "評価（件）",
            [pair("提出された評価", "evaluations_done"), pair("評価の予定（未提出）", "evaluations_due")],
        ),
        (
            "引継ぎ",
            [
                pair("引継書のない異動（人）", "handovers_pending"),
                pair("未引継の団体・事業（件）", "handover_records_pending"),
            ],
        ),
    ]


def _breakdown(now: Counts, before: Counts) -> list[_Line]:
    """This year's words in their order, then last year's other words; 0 in both left out."""
    last = dict(before)
    words = [w for w, _ in now] + [w for w, _ in before if w not in dict(now)]
    this = dict(now)
    return [(w, this.get(w, 0), last.get(w, 0), False) for w in words if this.get(w, 0) or last.get(w, 0)]


def _notes(scope: ReportScope) -> list[str]:
    notes = [
        "注）団体は登録簿全体の数です（課で絞り込みません）。ごみ箱に移した団体・統合した団体は、その日まで数えます。",
        "注）事業は年度の事業（下書き・ごみ箱を除く、中止・終了を含む）。評価の予定は年度末（今年度は本日）時点です。",
    ]
    if scope.section is not None:
        notes.append(f"注）事業・評価・引継ぎは{scope.section}の分です。")
    return notes


# -- 分野別・市町村別 --------------------------------------------------------------------------


def write_breakdown_sheet(wb: Any, ws: Workspace, scope: ReportScope) -> int:
    """Append the sheet 分野別・市町村別 to write-only ``wb``: the two tables and their charts.

    Returns the rows of the longer table."""
    from openpyxl.worksheet.pagebreak import Break

    breakdown = year_breakdown(ws, scope)
    sheet = wb.create_sheet(BREAKDOWN_SHEET)
    sheets.set_print_setup(
        sheet, _BREAKDOWN_WIDTHS, f"年度レポート　{BREAKDOWN_SHEET}", dated=scope.header_text
    )
    sheets.set_widths(sheet, _BREAKDOWN_WIDTHS)
    cells = _Cells(sheet)
    header = ["活動分野", "事業数", "行政負担額（円）", "", "市町村", "事業数", "行政負担額（円）"]
    sheet.append(sheets.header_cells(sheet, header))
    fields, places = breakdown.by_field, breakdown.by_municipality
    for n in range(max(len(fields), len(places))):
        sheet.append([*_half(cells, fields, n), None, *_half(cells, places, n)])
    total = BreakdownRow("合計", breakdown.projects, breakdown.budget)
    sheet.append([None] * 4 + _half(cells, [total], 0, bold=True))
    last_row = 1 + max(len(fields), len(places)) + 1
    sheet.append([])
    sheet.append(
        [
            cells.text(
                "注）複数の分野の事業は各分野に数えます（分野の列の合計は事業数を超えることがあります）。"
            )
        ]
    )
    sheet.append(
        [
            cells.text(
                "注）分野は事業の活動分野（なければ主たるパートナーの分野）、市町村は主たるパートナーの所在地です。"
            )
        ]
    )
    written = last_row + 3
    field_table, place_table = breakdown_charts(len(fields), len(places))
    # the charts on a page of their own: a chart across a page break is cut in two
    sheet.row_breaks.append(Break(id=written))
    anchor = written + 2
    chart = add_bar_chart(sheet, f"A{anchor}", "活動分野別の事業数", field_table, size_cm=_FIELD_CHART_CM)
    _horizontal(chart)
    anchor += rows_spanned(_FIELD_CHART_CM) + 1
    if place_table.categories:
        title = "市町村別の事業数" + (f"（上位{CHART_PLACES}）" if len(places) > CHART_PLACES else "")
        chart = add_bar_chart(sheet, f"A{anchor}", title, place_table, size_cm=_PLACE_CHART_CM)
        _horizontal(chart)
        anchor += rows_spanned(_PLACE_CHART_CM)
    # empty rows under the charts, so every reader sees the sheet reach their bottom
    for _ in range(written, anchor):
        sheet.append([None])
    return max(len(fields), len(places))


def breakdown_charts(fields: int, places: int) -> tuple[ChartTable, ChartTable]:
    """The chart tables of the breakdown sheet: the 事業数 column of each table, header in row 1."""
    return (
        ChartTable(header_row=1, label_col=1, categories=fields, series=1),
        ChartTable(header_row=1, label_col=5, categories=min(places, CHART_PLACES), series=1),
    )


def _half(cells: _Cells, rows: Sequence[BreakdownRow], n: int, *, bold: bool = False) -> list[Any]:
    if n >= len(rows):
        return [None, None, None]
    row = rows[n]
    return [
        cells.text(row.label, bold=bold),
        cells.number(row.projects, bold=bold),
        cells.number(row.budget, bold=bold),
    ]


def _horizontal(chart: Any) -> None:
    """Bars across (long field names read level) in the table's order, top to bottom."""
    chart.type = "bar"
    chart.x_axis.scaling.orientation = "maxMin"
    chart.legend = None  # one series, named by the title
