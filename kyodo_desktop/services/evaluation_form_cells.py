"""The cells of the partner's evaluation form: styles and a row-by-row writer that remembers.

:class:`FormSheet` writes one protected sheet of :mod:`kyodo_desktop.services.evaluation_form`
row by row: fixed texts (kept for the digests), input cells (light yellow, unlocked, named on
the identification sheet) and the areas the reader checks
(:mod:`kyodo_desktop.services.evaluation_form_layout`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kyodo_desktop.domain.cell_text import cell_copy
from kyodo_desktop.services import sheets
from kyodo_desktop.services.evaluation_form_layout import Area
from kyodo_desktop.services.export_cells import LINE_HEIGHT, wrapped_height

__all__ = ["INPUT_FILL", "FormSheet", "FormStyles"]

#: The fill of the cells a partner writes in (light yellow, as forms mark them).
INPUT_FILL = "FFFFF2CC"
_TITLE_SIZE = 14


class FormStyles:
    """The few styles of the form, made once (openpyxl is imported when they are)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="FF808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.heading_fill = PatternFill(
            fill_type="solid", start_color=sheets.HEADER_FILL, end_color=sheets.HEADER_FILL
        )
        self.input_fill = PatternFill(fill_type="solid", start_color=INPUT_FILL, end_color=INPUT_FILL)
        font = {"name": sheets.FONT_NAME, "charset": sheets.SHIFT_JIS_CHARSET}
        self.bold = Font(size=sheets.FONT_SIZE, bold=True, **font)
        self.title = Font(size=_TITLE_SIZE, bold=True, **font)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.unlocked = Protection(locked=False)


class FormSheet:
    """Writes one protected sheet row by row, remembering each fixed text, input and area."""

    def __init__(self, ws: Any, styles: FormStyles, widths: Sequence[float]) -> None:
        self.ws = ws
        self.styles = styles
        self.widths = widths
        self.last = len(widths)
        self.row = 1
        self.texts: dict[tuple[int, int], str] = {}
        self.inputs: dict[str, str] = {}
        self.areas: list[Area] = []
        self._area: tuple[str, int] | None = None

    def begin(self, name: str) -> None:
        """Start the area ``name`` at the current row (the previous one ends above it)."""
        self.end()
        self._area = (name, self.row)

    def end(self) -> None:
        if self._area is not None and self.row > self._area[1]:
            self.areas.append(Area(self._area[0], self.ws.title, self._area[1], self.row - 1))
        self._area = None

    def text(
        self,
        column: int,
        value: str,
        *,
        last: int | None = None,
        bold: bool = False,
        heading: bool = False,
        font: Any = None,
        align: Any = None,
    ) -> Any:
        """A fixed text in ``column`` (merged through ``last``), bordered unless a plain line."""
        cell = self._cell(column, last or column)
        value = cell_copy(value)
        if value:
            cell.value = value
            if sheets.is_formula_like(value):
                cell.data_type = "s"  # openpyxl made "=…" a formula: it stays text
                cell.quotePrefix = True
                cell.number_format = sheets.TEXT_FORMAT
            self.texts[(self.row, column)] = value
        if font is not None or bold or heading:
            cell.font = font or self.styles.bold
        cell.alignment = align or (self.styles.center if heading else self.styles.wrap)
        if heading:
            for c in range(column, (last or column) + 1):
                self.ws.cell(row=self.row, column=c).fill = self.styles.heading_fill
        return cell

    def number(self, column: int, value: int) -> None:
        """A fixed whole number, centred (a number, so Excel marks no "number stored as text")."""
        cell = self._cell(column, column)
        cell.value = value
        cell.alignment = self.styles.center
        self.texts[(self.row, column)] = str(value)  # as the reader sees it

    def field(self, column: int, name: str, *, last: int | None = None, number_format: str = "") -> Any:
        """An input cell (light yellow, unlocked) named ``name`` on the identification sheet."""
        cell = self._cell(column, last or column)
        for c in range(column, (last or column) + 1):
            part = self.ws.cell(row=self.row, column=c)
            part.fill = self.styles.input_fill
            part.protection = self.styles.unlocked
        cell.alignment = self.styles.wrap
        cell.number_format = number_format or sheets.TEXT_FORMAT
        self.inputs[name] = cell.coordinate
        return cell

    def _cell(self, column: int, last: int) -> Any:
        cell = self.ws.cell(row=self.row, column=column)
        for c in range(column, last + 1):
            self.ws.cell(row=self.row, column=c).border = self.styles.border
        if last > column:
            self.ws.merge_cells(start_row=self.row, start_column=column, end_row=self.row, end_column=last)
        return cell

    def height(self, lines: int) -> None:
        if lines > 1:
            self.ws.row_dimensions[self.row].height = lines * LINE_HEIGHT

    def lines(self, *spans: tuple[str, float]) -> int:
        """The lines the longest of ``(text, width)`` needs when wrapped."""
        height = wrapped_height([text for text, _ in spans], list(enumerate(width for _, width in spans)))
        return 1 if height is None else round(height / LINE_HEIGHT)

    def next(self, lines: int = 1) -> None:
        self.height(lines)
        self.row += 1
