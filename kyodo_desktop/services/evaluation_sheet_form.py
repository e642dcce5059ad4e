"""The cell writer of the evaluation sheet: styles, guarded values, merged cells, row heights.

:mod:`kyodo_desktop.services.evaluation_sheet` lays out its blocks through a :class:`SheetForm`
(one per sheet) the way the 事業計画書 does (:mod:`kyodo_desktop.services.project_sheets`): a
label column and values beside it, section headings, small tables with column spans. Text goes
through the formula guard of :mod:`kyodo_desktop.services.sheets` (an evaluator's comment
「=1+1」 stays text), and a row is made as high as its longest wrapped text needs.

A discussion point (a gap between two sides) is shown twice, so a black-and-white print still
tells it: a light fill over the row and the mark :data:`GAP_MARK` in its 論点 column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kyodo_desktop.services import sheets
from kyodo_desktop.services.export_cells import LINE_HEIGHT, wrapped_height

__all__ = ["GAP_FILL", "GAP_MARK", "SheetForm", "line_count"]

#: The 論点 column's mark on a gap row (readable without colour).
GAP_MARK = "◆論点"
#: The light orange of a gap row (ARGB); light enough for a grey print to keep the text legible.
GAP_FILL = "FFFCE4D6"
_TITLE_SIZE = 14
_TITLE_LINE_HEIGHT = 22.0


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column of ``width`` characters."""
    height = wrapped_height([text], [(0, width)])
    return 1 if height is None else round(height / LINE_HEIGHT)


class SheetForm:
    """Writes one sheet row by row over columns of ``widths`` (``row`` is the next free row)."""

    def __init__(self, ws: Any, widths: Sequence[float]) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = ws
        self.widths = tuple(widths)
        self.last = len(widths)
        self.row = 1
        thin = Side(style="thin", color="FF808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fill = PatternFill(
            fill_type="solid", start_color=sheets.HEADER_FILL, end_color=sheets.HEADER_FILL
        )
        self.gap_fill = PatternFill(fill_type="solid", start_color=GAP_FILL, end_color=GAP_FILL)
        font = {"name": sheets.FONT_NAME, "charset": sheets.SHIFT_JIS_CHARSET}
        self.bold = Font(size=sheets.FONT_SIZE, bold=True, **font)
        self.title_font = Font(size=_TITLE_SIZE, bold=True, **font)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.number = Alignment(horizontal="center", vertical="top")

    # -- blocks ----------------------------------------------------------------------------
    def title(self, text: str) -> None:
        """The sheet's title across every column, as high as its (larger) lines need."""
        self.merged(self.row, 1, self.last, text, font=self.title_font, alignment=self.center)
        lines = line_count(text, sum(self.widths) * sheets.FONT_SIZE / _TITLE_SIZE)
        self.ws.row_dimensions[self.row].height = max(28.0, lines * _TITLE_LINE_HEIGHT + 6)
        self.row += 1

    def section(self, text: str) -> None:
        """A heading on light blue after a blank row."""
        self.row += 1
        self.merged(self.row, 1, self.last, text, font=self.bold, fill=True)
        self.row += 1

    def note(self, text: str) -> None:
        """A line of text across every column (an empty block says why it is empty)."""
        self.merged(self.row, 1, self.last, text, alignment=self.wrap)
        self._fit([(text, sum(self.widths))])
        self.row += 1

    def field(self, label: str, value: object, *, label_span: int = 1) -> None:
        """A label and its value across the other columns."""
        self.merged(self.row, 1, label_span, label, font=self.bold, fill=True, alignment=self.wrap)
        self.merged(self.row, label_span + 1, self.last, value, alignment=self.wrap)
        texts = [(label, sum(self.widths[:label_span]))]
        if isinstance(value, str):
            texts.append((value, sum(self.widths[label_span:])))
        self._fit(texts)
        self.row += 1

    def table_row(
        self,
        values: Sequence[object],
        spans: Sequence[int],
        *,
        heading: bool = False,
        centered: Sequence[int] = (),
        gap: bool = False,
        number_formats: dict[int, str] | None = None,
    ) -> None:
        """One row of a small table: ``spans`` columns per value; ``centered`` value indexes centred."""
        column = 1
        texts: list[tuple[str, float]] = []
        for index, (value, span) in enumerate(zip(values, spans, strict=True)):
            end = column + span - 1
            if heading:
                cell = self.merged(
                    self.row, column, end, value, font=self.bold, fill=True, alignment=self.center
                )
            else:
                alignment = self.number if index in centered else self.wrap
                cell = self.merged(self.row, column, end, value, alignment=alignment)
                if gap:
                    for c in range(column, end + 1):
                        self.ws.cell(row=self.row, column=c).fill = self.gap_fill
                if number_formats and index in number_formats:
                    cell.number_format = number_formats[index]
            if isinstance(value, str):
                texts.append((value, sum(self.widths[column - 1 : end])))
            column = end + 1
        self._fit(texts)
        self.row += 1

    # -- cells -----------------------------------------------------------------------------
    def merged(
        self,
        row: int,
        first: int,
        last: int,
        value: object,
        *,
        font: Any = None,
        fill: bool = False,
        alignment: Any = None,
    ) -> Any:
        """``value`` in ``first``..``last`` of ``row`` merged, bordered."""
        cell = self.ws.cell(row=row, column=first)
        sheets.put_cell(cell, value)
        for column in range(first, last + 1):
            part = self.ws.cell(row=row, column=column)
            part.border = self.border
            if fill:
                part.fill = self.fill
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        return cell

    def _fit(self, texts: Sequence[tuple[str, float]]) -> None:
        lines = max((line_count(text, width) for text, width in texts if text), default=1)
        if lines > 1:
            self.ws.row_dimensions[self.row].height = lines * LINE_HEIGHT
