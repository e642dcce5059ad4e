"""Workbook styles and print setup: the one place every sheet a person prints goes through.

What a sheet gets here:

* the Japanese font (游ゴシック) as the workbook's default font, the header row bold on light
  blue, column widths, the header row frozen;
* the formula guard: text Excel could take for a formula (``=`` ``+`` ``-`` ``@`` tab, CR, or
  their full-width forms) or for an error code is written as a text cell with ``quotePrefix``;
  numbers with leading zeros (電話, 郵便番号, 法人番号) go out as text with number format ``@``;
* print setup: A4, the orientation chosen for the sheet's width, fit to width (``fitToHeight``
  0, so as many pages down as needed), the header row repeated on every page, a page header
  with the title and 「令和N年M月D日 現在」 (or a 年度), and 「N / M ページ」 in the footer.

A sheet too wide to be read at fit-to-width (more than about two landscape pages across, the
全項目 layout) is printed across pages at full size instead, its first column repeated on each.

openpyxl is imported inside the functions: the window loads this module without paying for it.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Sequence
from datetime import date
from typing import IO, Any

from kyodo_desktop.domain.cell_text import cell_copy
from kyodo_desktop.domain.wareki import to_wareki

__all__ = [
    "ERROR_CODES",
    "FONT_NAME",
    "FONT_SIZE",
    "FORMULA_STARTS",
    "HEADER_FILL",
    "SHIFT_JIS_CHARSET",
    "TEXT_FORMAT",
    "PrintPlan",
    "as_of_text",
    "discard_sheet_tempfile",
    "header_cells",
    "is_formula_like",
    "plan_print",
    "put_cell",
    "save_workbook",
    "set_print_setup",
    "set_widths",
    "use_default_font",
]

#: 游ゴシック, the font Japanese Office uses by default.
FONT_NAME = "Yu Gothic"
FONT_SIZE = 11
SHIFT_JIS_CHARSET = 128
HEADER_FILL = "FFDDEBF7"  # light blue, opaque (ARGB)
TEXT_FORMAT = "@"

# Excel (and Japanese Excel on re-entry, after converting full width) reads these as formulas.
FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
# Text equal to an error code would otherwise be written as an error cell.
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))

# Printable width of A4 with 1.3 cm side margins, in Excel character units (about 7 px at 96 dpi
# each, plus padding): what fits at 100 %. Measured against LibreOffice's rendering.
_PORTRAIT_CHARS = 100.0
_LANDSCAPE_CHARS = 145.0
# Below this scale a printed 11-point font is too small to read: print across pages instead.
_SMALLEST_SCALE = 0.55
_SIDE_MARGIN_IN = 0.5
_TOP_MARGIN_IN = 0.75
_HEADER_MARGIN_IN = 0.3
_FOOTER_TEXT = "&P / &N ページ"
_A4 = 9  # paperSize code of OOXML


def is_formula_like(value: str) -> bool:
    """Whether Excel would read non-empty ``value`` as a formula or an error code."""
    first = value[0]
    return first in FORMULA_STARTS or (first == "#" and value in ERROR_CODES)


def put_cell(cell: Any, value: object) -> None:
    """Write ``value`` into a normal sheet's cell; text Excel could take for a formula stays text.

    Text goes through :func:`~kyodo_desktop.domain.cell_text.cell_copy` (control characters out,
    Excel's length limit kept) and an empty text leaves the cell empty.
    """
    if isinstance(value, str):
        value = cell_copy(value)
        if not value:
            return
        cell.value = value
        if is_formula_like(value):
            cell.data_type = "s"  # openpyxl made "=…" a formula
            cell.quotePrefix = True
            cell.number_format = TEXT_FORMAT
        return
    cell.value = value


def use_default_font(wb: Any) -> None:
    """Make the Japanese font the workbook's default: font 0 (every unstyled cell) and ``Normal``.

    openpyxl hard-codes Calibri as font 0 and offers no public setter, so this replaces its
    private font list before any cell exists. Setting it cell by cell made the export about 1.8×
    slower. ``Normal`` refers to font 0 by index; its ``font`` is set too so the in-memory style
    agrees with what is written.
    """
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    font = Font(name=FONT_NAME, size=FONT_SIZE, charset=SHIFT_JIS_CHARSET)
    wb._fonts = IndexedList([font])
    wb._named_styles["Normal"].font = font


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    """Column widths and the frozen header row (a write-only sheet emits both with row 1)."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def header_cells(ws: Any, headers: Sequence[str]) -> list[Any]:
    """The header row's cells: bold, centred, on light blue."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    font = Font(name=FONT_NAME, size=FONT_SIZE, charset=SHIFT_JIS_CHARSET, bold=True)
    fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    alignment = Alignment(horizontal="center", vertical="center")
    cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = font
        cell.fill = fill
        cell.alignment = alignment
        cells.append(cell)
    return cells


class PrintPlan:
    """How a sheet of a given total column width is printed (orientation, fit, repeated column)."""

    def __init__(self, landscape: bool, fit_to_width: bool) -> None:
        self.landscape = landscape
        self.fit_to_width = fit_to_width


def plan_print(widths: Sequence[float]) -> PrintPlan:
    """Portrait when the columns fit a portrait page at a readable scale, else landscape; fit to
    width unless even landscape would shrink the text below :data:`_SMALLEST_SCALE`."""
    total = sum(widths) + len(widths)  # each column's padding
    if total <= _PORTRAIT_CHARS / 0.9:
        return PrintPlan(landscape=False, fit_to_width=True)
    return PrintPlan(landscape=True, fit_to_width=total * _SMALLEST_SCALE <= _LANDSCAPE_CHARS)


def as_of_text(today: date | None = None) -> str:
    """「令和N年M月D日 現在」 for the page header."""
    return f"{to_wareki(today or date.today())} 現在"


def set_print_setup(ws: Any, widths: Sequence[float], title: str, *, dated: str | None = None) -> PrintPlan:
    """A4 print setup for ``ws`` whose columns have ``widths``; header row 1 repeated.

    ``dated`` is the right part of the page header (default :func:`as_of_text`; a 年度 label
    fits too). Call before the first row of a write-only sheet is written.
    """
    plan = plan_print(widths)
    setup = ws.page_setup
    setup.paperSize = _A4
    setup.orientation = "landscape" if plan.landscape else "portrait"
    if plan.fit_to_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth = 1
        setup.fitToHeight = 0
    else:
        ws.print_title_cols = "A:A"  # the name on every page across
    ws.print_title_rows = "1:1"
    margins = ws.page_margins
    margins.left = margins.right = _SIDE_MARGIN_IN
    margins.top = margins.bottom = _TOP_MARGIN_IN
    margins.header = margins.footer = _HEADER_MARGIN_IN
    ws.print_options.horizontalCentered = True
    ws.oddHeader.left.text = title
    ws.oddHeader.right.text = dated if dated is not None else as_of_text()
    ws.oddFooter.center.text = _FOOTER_TEXT
    return plan


def discard_sheet_tempfile(ws: Any) -> None:
    """Remove the temp file openpyxl streams a write-only sheet into (else kept until exit)."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    with contextlib.suppress(Exception):
        if not ws.closed:
            ws.close()
    with contextlib.suppress(Exception):
        writer.cleanup()


def save_workbook(wb: Any, fh: IO[bytes]) -> None:
    """``wb.save(fh)``, with the zip archive closed even when a write fails (a full disk).

    openpyxl leaves its ``ZipFile`` open when a write fails; once the temp file is closed and
    removed, the archive's ``__del__`` tries to finish it and Python prints an "Exception
    ignored" traceback after our clear message.
    """
    import datetime

    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    # as openpyxl's save_workbook does
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(wb, archive).save()  # closes the archive when it succeeds
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()  # finishing the archive fails again on a full disk: it is discarded
        archive.fp = None  # nothing left for __del__ to write
        raise
