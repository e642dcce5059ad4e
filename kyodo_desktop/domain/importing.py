"""What every import source produces: rows of organization input with their problems.

The NPO portal CSV, Excel lists and CSV lists are read by different readers, but each yields
:class:`ImportRow` objects, so validation, matching against the registry, review and the write
are one flow for every source (issue 4).
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from pathlib import PurePath
from typing import Generic

from typing_extensions import TypeVar

from kyodo_desktop.domain.organization import OrganizationInput

#: What a row's values are: an organization (the organization import, the default) or another
#: kind's record (a past project).
RowData = TypeVar("RowData", default=OrganizationInput)


class SourceFormat(StrEnum):
    """Kinds of import file."""

    NPO_PORTAL = "npo-portal"
    XLSX = "xlsx"
    CSV = "csv"


@dataclasses.dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem of one row: where it is (sheet, row number as the officer sees it, column)
    and why, in Japanese."""

    row_number: int
    column: str
    message: str
    sheet: str = ""
    #: the OrganizationInput field the problem is about ("" when it is not one value's, such as
    #: a cell the reader refused); only such a value can be left out (``--drop-invalid``)
    field: str = ""

    def describe(self) -> str:
        """``シート 団体一覧 の 12 行目「電話番号」: …`` (sheet omitted when there is none)."""
        where = f"シート {self.sheet} の " if self.sheet else ""
        column = f"「{self.column}」" if self.column else ""
        return f"{where}{self.row_number} 行目{column}: {self.message}"


@dataclasses.dataclass(slots=True)
class ImportRow(Generic[RowData]):
    """One source row: the organization it describes (None if unusable) and its problems.

    Another import kind's rows carry that kind's record instead (``ImportRow[PastProjectRow]``).

    ``record_id`` is set when the source carries our own record id (an exported 団体一覧
    re-imported), so the row updates that record instead of matching by name.
    """

    row_number: int
    data: RowData | None
    problems: list[RowProblem] = dataclasses.field(default_factory=list)
    record_id: str = ""
    sheet: str = ""
    #: the OrganizationInput fields the source actually had a column for (empty: every field
    #: with a non-blank value); an update never blanks or resets a field the source lacked
    provided_fields: frozenset[str] = frozenset()
    #: the row's values as converted, before validation (None: not kept); a row whose only
    #: problems are values that fail validation can be imported without them from it
    draft: RowData | None = None
    #: what the officer should know about the row as read that does not stop it (a name cell's
    #: address other than the 住所 column's), one notice each; shown with the row's remarks
    remarks: list[RowProblem] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the row can be imported."""
        return self.data is not None and not self.problems


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong kind, hostile, too big, unknown layout).

    ``str(e)`` is a Japanese message fit to show as is; nothing has been written.
    """


#: Every file suffix an import accepts, and the format it is read as. A ``.csv`` is told apart
#: from an NPO portal CSV by its header row (see :mod:`kyodo_desktop.services.import_pipeline`).
ACCEPTED_SUFFIXES: dict[str, SourceFormat] = {
    ".xlsx": SourceFormat.XLSX,
    ".xlsm": SourceFormat.XLSX,
    ".csv": SourceFormat.CSV,
    ".txt": SourceFormat.CSV,
    ".tsv": SourceFormat.CSV,
}


def format_of_suffix(path: PurePath) -> SourceFormat:
    """The kind of list a file claims to be, by its suffix; any other suffix is refused.

    Raises :class:`ImportFileError` with the one message every reader, the CLI and the wizard
    give for a file of a kind no import reads (an old .xls is named as such).
    """
    fmt = ACCEPTED_SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        return fmt
    if path.suffix.lower() == ".xls":
        raise ImportFileError(
            f"{path.name} は古い形式のExcelファイル（.xls）です。"
            "Excelで開き「Excelブック（.xlsx）」として保存し直してから取り込んでください。"
        )
    raise ImportFileError(
        f"{path.name} は取り込めない種類のファイルです。.xlsx か .csv のファイルを選んでください。"
    )
