"""Converting a read list through a column mapping into import rows."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kyodo_desktop.domain.column_mapping import IGNORE, ORGANIZATIONS, propose_mapping
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.domain.importing import (
    ImportFileError,
    ImportRow,
    RowProblem,
    SourceFormat,
    format_of_suffix,
)
from kyodo_desktop.services.gc_pacing import sparse_collection
from kyodo_desktop.services.import_lists import limits
from kyodo_desktop.services.import_lists.limits import Progress, report
from kyodo_desktop.services.import_lists.table import SourceTable


def read_table(
    path: Path,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    header_row: int | None = None,
    kind: ImportKind = ORGANIZATIONS,
) -> SourceTable:
    """Read an .xlsx (``sheet``, default the first visible one) or a CSV into a :class:`SourceTable`.

    ``progress(done, total)`` is called every :data:`~.limits.PROGRESS_EVERY` rows; returning
    False stops with :class:`~.limits.ImportCancelled`. Raises :class:`ImportFileError` for a
    file that cannot or must not be read (by its suffix: :func:`format_of_suffix`).
    ``header_row`` (as Excel numbers rows) says where the header is; default: found, as the
    row whose headings name ``kind``'s targets.
    """
    path = Path(path)
    if format_of_suffix(path) is SourceFormat.XLSX:
        from kyodo_desktop.services.import_lists.xlsx import read_xlsx

        return read_xlsx(path, sheet, progress, header_row, kind)
    from kyodo_desktop.services.import_lists.csv_list import read_csv

    return read_csv(path, progress, header_row, kind)


def list_sheets(path: Path) -> list[str]:
    """Worksheet names of an .xlsx in workbook order; a CSV has none (empty list)."""
    path = Path(path)
    if format_of_suffix(path) is not SourceFormat.XLSX:
        return []
    from kyodo_desktop.services.import_lists.xlsx import list_sheets as sheets_of

    return sheets_of(path)


def convert_table(
    table: SourceTable,
    mapping: Mapping[int, str],
    *,
    progress: Progress | None = None,
    kind: ImportKind = ORGANIZATIONS,
) -> list[ImportRow[Any]]:
    """Every non-blank row of ``table`` through ``mapping`` and ``kind``'s row converter, with
    the problems found while reading.

    Raises :class:`ImportFileError` when the mapping cannot be used (no 団体名 column, a target
    chosen twice). ``progress(done, total)`` counts rows checked.
    """
    full = {index: mapping.get(index, IGNORE) for index in range(len(table.headers))}
    problems = kind.mapping_problems(full, table.headers)
    row_to_input = kind.convert_row
    if problems:
        raise ImportFileError("列の割り当てを確かめてください。" + " ".join(problems))
    by_row: dict[int, list[RowProblem]] = {}
    for problem in table.problems:
        by_row.setdefault(problem.row_number, []).append(problem)
    total = len(table.rows)
    report(progress, 0, total)
    result: list[ImportRow[Any]] = []
    for done, (number, cells) in enumerate(table.rows, 1):
        row = row_to_input(full, cells, number, table.sheet, headers=table.headers)
        found = by_row.get(number)
        if found:
            if row is None:
                row = ImportRow(number, None, list(found), sheet=table.sheet)
            else:
                row.problems = [*found, *row.problems]
        if row is not None:
            result.append(row)
        if done % limits.PROGRESS_EVERY == 0:
            report(progress, done, total)
    report(progress, total, total)
    return result


@sparse_collection()
def read_list(
    path: Path,
    *,
    mapping: Mapping[int, str] | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> tuple[SourceTable, dict[int, str], list[ImportRow]]:
    """Read a list and convert its rows; the mapping is proposed from the headers when not given.

    Returns the table, the mapping used (every column, unmapped ones ``"ignore"``) and the rows.
    ``progress`` sees two passes: rows read, then rows checked.
    """
    table = read_table(path, sheet=sheet, progress=progress)
    if mapping is None:
        used = propose_mapping(table.headers)
    else:
        used = {index: mapping.get(index, IGNORE) for index in range(len(table.headers))}
    return table, used, convert_table(table, used, progress=progress)
