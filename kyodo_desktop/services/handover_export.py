"""The handover workbook (引継書.xlsx): a summary sheet and one sheet per organization or project.

The content is :mod:`kyodo_desktop.services.handover_content`'s (the PDF prints the same); this
module only lays it out through :class:`~kyodo_desktop.services.evaluation_sheet_form.SheetForm`
(guarded values, merged cells, row heights) and :mod:`kyodo_desktop.services.sheets` (A4,
fit to width, the title row on every page, the 年度 and date in the page header, page numbers,
the Japanese font). Each organization and project has its own sheet: a sheet per subject prints
as its own pages, which is how a successor files them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.services import sheets
from kyodo_desktop.services.evaluation_sheet_form import SheetForm
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_checklist import HandoverChecklistService
from kyodo_desktop.services.handover_content import (
    Fields,
    HandoverDocument,
    Part,
    Table,
    Text,
    handover_document,
)
from kyodo_desktop.services.workspace import Workspace

__all__ = ["SUBJECT_WIDTHS", "SUMMARY_WIDTHS", "load_document", "write_handover_workbook"]

#: Column widths of the summary sheet and of a subject's sheet (both fit A4 portrait).
SUMMARY_WIDTHS = (18.0, 24.0, 10.0, 18.0, 35.0)
SUBJECT_WIDTHS = (16.0, 24.0, 39.0, 14.0, 12.0)  # the first fits a 和暦 date
_EMPTY_TABLE = "なし"
_EMPTY_TEXT = "（記入なし）"
_BAD_SHEET_CHARS = str.maketrans({c: "・" for c in "[]:*?/\\"})


def load_document(workspace: Workspace, note_id: str, *, as_of: date | None = None) -> HandoverDocument:
    """The printed content of the note (raises NotFoundError for an unknown note)."""
    note = HandoverService(workspace).get(note_id)
    unacknowledged = len(HandoverChecklistService(workspace).unacknowledged(note_id))
    return handover_document(note, unacknowledged=unacknowledged, as_of=as_of)


def write_handover_workbook(path: Path, note_id: str, workspace: Workspace) -> HandoverDocument:
    """Write the note's workbook to ``path`` (.xlsx, atomically); the content written."""
    from kyodo_desktop.services.export_xlsx import write_xlsx_atomically

    document = load_document(workspace, note_id)
    write_xlsx_atomically(
        Path(path),
        lambda fh: write_workbook(fh, document),
        place="書き出し先",
        failure="Excelファイルを書き出せません",
        retry="もう一度書き出してください",
    )
    return document


def write_workbook(fh: IO[bytes], document: HandoverDocument) -> None:
    """Write ``document`` as a workbook to ``fh``."""
    from openpyxl import Workbook

    wb = Workbook()
    sheets.use_default_font(wb)
    wb.remove(wb.active)
    used: set[str] = set()
    for index, part in enumerate(document.parts):
        widths = SUMMARY_WIDTHS if index == 0 else SUBJECT_WIDTHS
        ws = wb.create_sheet(_sheet_name(part.short_name, used))
        _write_part(ws, document, part, widths)
    sheets.save_workbook(wb, fh)


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of ``[]:*?/\\``)."""
    base = name.translate(_BAD_SHEET_CHARS).strip("'")[:31] or "シート"
    candidate, n = base, 2
    while candidate in used:
        suffix = f"({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _write_part(ws: Any, document: HandoverDocument, part: Part, widths: Sequence[float]) -> None:
    sheets.set_widths(ws, widths)
    ws.freeze_panes = None  # a form: row 1 repeats on the printed pages instead
    sheets.set_print_setup(ws, widths, document.title, dated=document.dated)
    form = SheetForm(ws, widths)
    form.title(part.title)
    columns = len(widths)
    for block in part.blocks:
        if isinstance(block, Fields):
            form.row += 1
            for label, value in block.rows:
                form.field(label, value)
        elif isinstance(block, Table):
            form.section(block.title)
            n = len(block.columns)
            spans = (*(1,) * (n - 1), columns - n + 1)
            form.table_row(block.columns, spans, heading=True)
            if not block.rows:
                form.note(_EMPTY_TABLE)
            for row in block.rows:
                form.table_row(row, spans)
        elif isinstance(block, Text):
            form.section(block.title)
            form.note(block.body or _EMPTY_TEXT)
