"""Charts in an exported workbook (openpyxl): a radar chart of scores and a bar chart of targets.

A chart in Excel draws cells of the sheet, so a chart here is always two things: a small table of
values (a header row of series names over one row per category) and the chart that refers to it.
:func:`write_chart_table` writes such a table and returns its :class:`ChartTable`; a sheet that
already shows the values in that shape (the comparison table of the evaluation sheet) describes
its own cells with a :class:`ChartTable` instead and charts them directly.

How the evaluation sheet is meant to use it (``ws`` an ordinary, not write-only, sheet already
set up through :func:`kyodo_desktop.services.sheets.set_print_setup`)::

    points = write_chart_table(
        ws, row=20, col=1, category_header="協働のポイント", categories=COLLABORATION_POINTS,
        series=[("行政", [4, 3, 5, 4, 4, 3]), ("団体", [3, 3, None, 4, 5, 2]), ("第三者", [None] * 6)],
    )
    add_radar_chart(ws, f"A{points.below + 1}", "協働のポイント（評価の比較）", points, maximum=5)
    targets = write_chart_table(ws, row=..., col=1, category_header="目標", categories=names,
                                series=[("目標値", goals), ("実績", results)])
    add_bar_chart(ws, "A…", "目標値と実績", targets)

Rules the helpers keep:

* every side is a series even before it has scores (``None`` cells): a side keeps its colour,
  marker and place in the legend from one sheet to the next; an empty cell is a gap in the chart
  (``dispBlanksAs="gap"``), never a zero;
* the radar's value axis runs 0..maximum with a grid line per step, whatever the data;
* colours are those of the window's charts (Okabe–Ito, readable by the colour-blind), and the
  series also differ by marker (radar) or hatch (bars), so a grey-scale print tells them apart;
* titles and axis texts name the Japanese font of :mod:`~kyodo_desktop.services.sheets`;
* a chart is sized for a portrait A4 page (16 cm wide); :func:`rows_spanned` tells how many
  default-height rows it covers, so the next block can start below it.

openpyxl is imported inside the functions, as everywhere in the services.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kyodo_desktop.domain.cell_text import cell_copy
from kyodo_desktop.services import sheets

__all__ = [
    "BAR_SIZE_CM",
    "RADAR_SIZE_CM",
    "SERIES_COLORS",
    "ChartTable",
    "add_bar_chart",
    "add_radar_chart",
    "rows_spanned",
    "write_chart_table",
]

#: The window's chart colours (gui/charts/base.py SERIES_STYLES), as openpyxl wants them.
SERIES_COLORS: tuple[str, ...] = ("0072B2", "D55E00", "009E73", "CC79A7", "E69F00")
_MARKERS: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "x")
_DASHES: tuple[str, ...] = ("solid", "dash", "sysDot", "dashDot", "lgDashDotDot")
_HATCHES: tuple[str | None, ...] = (None, "wdDnDiag", "smGrid", "wdUpDiag", "dkHorz")
#: (width, height) in cm: about the printable width of portrait A4 with the sheets' margins.
RADAR_SIZE_CM = (16.0, 11.0)
BAR_SIZE_CM = (16.0, 9.0)
_DEFAULT_ROW_CM = 15 / 72 * 2.54  # a default row is 15 points high
_TITLE_SIZE = 1200  # hundredths of a point
_TEXT_SIZE = 900


@dataclass(frozen=True)
class ChartTable:
    """Where a chart's values are: series names in ``header_row``, categories down ``label_col``.

    The values of series ``i`` stand in column ``label_col + 1 + i``, rows ``header_row + 1`` to
    ``header_row + categories``. Rows and columns count from 1, as in openpyxl.
    """

    header_row: int
    label_col: int
    categories: int
    series: int

    @property
    def below(self) -> int:
        """The last row of the table (a chart or the next block goes under it)."""
        return self.header_row + self.categories

    def category_ref(self, ws: Any) -> Any:
        """The category labels as an openpyxl ``Reference``."""
        from openpyxl.chart import Reference

        return Reference(
            ws, min_col=self.label_col, min_row=self.header_row + 1, max_row=self.header_row + self.categories
        )

    def data_ref(self, ws: Any) -> Any:
        """The series' columns, header row included (it names the series)."""
        from openpyxl.chart import Reference

        return Reference(
            ws,
            min_col=self.label_col + 1,
            max_col=self.label_col + self.series,
            min_row=self.header_row,
            max_row=self.header_row + self.categories,
        )


def write_chart_table(
    ws: Any,
    row: int,
    col: int,
    category_header: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    number_format: str = "0.##",
) -> ChartTable:
    """Write ``categories`` × ``series`` at (``row``, ``col``) with a bold header; ``None`` stays empty.

    Texts go through the formula guard (a target named 「=目標」 stays text). The values are
    numbers, so Excel can sum them and the chart reads them.
    """
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="FF808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(name=sheets.FONT_NAME, size=sheets.FONT_SIZE, charset=sheets.SHIFT_JIS_CHARSET, bold=True)
    fill = PatternFill(fill_type="solid", start_color=sheets.HEADER_FILL, end_color=sheets.HEADER_FILL)
    headers = [category_header, *(name for name, _values in series)]
    for offset, text in enumerate(headers):
        cell = ws.cell(row=row, column=col + offset)
        _put_text(cell, text)
        cell.font = bold
        cell.fill = fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, category in enumerate(categories, 1):
        label = ws.cell(row=row + index, column=col)
        _put_text(label, category)
        label.border = border
        label.alignment = Alignment(vertical="center", wrap_text=True)
        for offset, (_name, values) in enumerate(series, 1):
            cell = ws.cell(row=row + index, column=col + offset)
            value = values[index - 1] if index - 1 < len(values) else None
            if value is not None:
                cell.value = value
                cell.number_format = number_format
            cell.border = border
            cell.alignment = Alignment(horizontal="center", vertical="center")
    return ChartTable(header_row=row, label_col=col, categories=len(categories), series=len(series))


def add_radar_chart(
    ws: Any,
    anchor: str,
    title: str,
    table: ChartTable,
    maximum: float,
    *,
    step: float = 1.0,
    size_cm: tuple[float, float] = RADAR_SIZE_CM,
) -> Any:
    """A radar chart of ``table`` at ``anchor`` (a cell such as ``"A12"``), value axis 0..``maximum``."""
    from openpyxl.chart import RadarChart
    from openpyxl.chart.marker import Marker

    chart = RadarChart()
    chart.type = "marker"
    chart.style = 2
    _common(chart, title, table, ws, size_cm)
    axis = chart.y_axis
    axis.scaling.min = 0
    axis.scaling.max = maximum
    axis.majorUnit = step
    axis.number_format = "0"
    for index, series in enumerate(chart.series):
        color = SERIES_COLORS[index % len(SERIES_COLORS)]
        series.smooth = False
        series.graphicalProperties.line.solidFill = color
        series.graphicalProperties.line.width = 28575  # 2.25 pt in EMU
        series.graphicalProperties.line.dashStyle = _DASHES[index % len(_DASHES)]
        series.marker = Marker(symbol=_MARKERS[index % len(_MARKERS)], size=8)
        series.marker.graphicalProperties = _shape_fill(color)
    ws.add_chart(chart, anchor)
    return chart


def add_bar_chart(
    ws: Any,
    anchor: str,
    title: str,
    table: ChartTable,
    *,
    value_title: str | None = None,
    size_cm: tuple[float, float] = BAR_SIZE_CM,
) -> Any:
    """A clustered column chart of ``table`` at ``anchor``: one bar per series in each category."""
    from openpyxl.chart import BarChart
    from openpyxl.chart.label import DataLabelList

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.gapWidth = 60
    chart.overlap = 0
    _common(chart, title, table, ws, size_cm)
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorGridlines = chart.y_axis.majorGridlines or _gridlines()
    if value_title:
        chart.y_axis.title = _rich_title(value_title, _TEXT_SIZE)
    for index, series in enumerate(chart.series):
        color = SERIES_COLORS[index % len(SERIES_COLORS)]
        series.graphicalProperties = _bar_fill(color, _HATCHES[index % len(_HATCHES)])
    # the values on the bars: the chart reads without the grid, and in grey
    chart.dataLabels = DataLabelList(
        showVal=True, showCatName=False, showSerName=False, showLegendKey=False, showPercent=False
    )
    chart.dataLabels.txPr = _text_properties(_TEXT_SIZE)
    ws.add_chart(chart, anchor)
    return chart


def rows_spanned(size_cm: tuple[float, float]) -> int:
    """How many default-height rows a chart of ``size_cm`` covers (rounded up)."""
    return math.ceil(size_cm[1] / _DEFAULT_ROW_CM)


# -- the parts both charts share -------------------------------------------------------------


def _common(chart: Any, title: str, table: ChartTable, ws: Any, size_cm: tuple[float, float]) -> None:
    chart.title = _rich_title(title, _TITLE_SIZE)
    chart.width, chart.height = size_cm
    chart.add_data(table.data_ref(ws), titles_from_data=True)
    _text_categories(chart, table.category_ref(ws))
    chart.display_blanks = "gap"
    chart.legend.position = "b"
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False  # openpyxl 3.1 hides axes unless told not to
        axis.txPr = _text_properties(_TEXT_SIZE)


def _text_categories(chart: Any, labels: Any) -> None:
    """The category labels as text references (``set_categories`` writes numbers' ``numRef``)."""
    from openpyxl.chart.data_source import AxDataSource, StrRef

    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))


def _font_properties(size: int, bold: bool = False) -> Any:
    from openpyxl.drawing.text import CharacterProperties, Font

    face = Font(typeface=sheets.FONT_NAME)
    return CharacterProperties(sz=size, b=bold, latin=face, ea=face)


def _text_properties(size: int) -> Any:
    """Axis and label text: the Japanese font, level (long names wrap instead of slanting)."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import Paragraph, ParagraphProperties, RichTextProperties

    props = _font_properties(size)
    return RichText(
        bodyPr=RichTextProperties(rot=0, vert="horz"),
        p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)],
    )


def _rich_title(text: str, size: int) -> Any:
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import Paragraph, ParagraphProperties, RegularTextRun

    props = _font_properties(size, bold=True)
    run = RegularTextRun(rPr=props, t=cell_copy(text))
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[run])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _gridlines() -> Any:
    from openpyxl.chart.axis import ChartLines

    return ChartLines()


def _shape_fill(color: str) -> Any:
    from openpyxl.chart.shapes import GraphicalProperties

    props = GraphicalProperties(solidFill=color)
    props.line.solidFill = color
    return props


def _bar_fill(color: str, hatch: str | None) -> Any:
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.colors import ColorChoice
    from openpyxl.drawing.fill import PatternFillProperties

    if hatch is None:
        props = GraphicalProperties(solidFill=color)
    else:
        props = GraphicalProperties(
            pattFill=PatternFillProperties(
                prst=hatch, fgClr=ColorChoice(srgbClr=color), bgClr=ColorChoice(srgbClr="FFFFFF")
            )
        )
    props.line.solidFill = color
    return props


def _put_text(cell: Any, text: str) -> None:
    value = cell_copy(text)
    if not value:
        return
    cell.value = value
    if sheets.is_formula_like(value):
        cell.data_type = "s"  # openpyxl made "=…" a formula
        cell.quotePrefix = True
        cell.number_format = sheets.TEXT_FORMAT
