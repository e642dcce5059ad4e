"""Excel (.xlsx) export of the organization registry (団体一覧).

One sheet, one row per organization not in the trash (or those the registry's filters keep, or
the ids on screen in the table's order), ordered by kana and name, in one of two layouts: 全項目 (every field, the
record's UUID in the last column so a later re-import can match records) or 一覧 (the columns a
manager reads, printed A4 landscape; ``columns`` picks others by header). Rows are streamed from
a raw cursor (:mod:`kyodo_desktop.persistence.export_rows`) into an openpyxl write-only workbook,
styled and set up for printing by :mod:`kyodo_desktop.services.sheets`, its cells made by
:mod:`kyodo_desktop.services.export_cells`. Optional sheets of the contacts and 対応記録 of the
organizations written follow (:mod:`kyodo_desktop.services.export_details`), then, when the
data file holds projects, 事業一覧 and 公平性チェック (:mod:`kyodo_desktop.services.export_projects`).

Choices worth knowing:

* openpyxl is imported inside :func:`export_organizations`, never at module import, so the GUI
  does not pay for it at start-up.
* A text longer than Excel's 32,767 characters a cell is written as its beginning and the marker
  ``【以下省略: 全40,000文字】``; characters a cell cannot or must not carry (C0 controls, DEL,
  bidi overrides) are left out. :mod:`kyodo_desktop.domain.cell_text` decides both, and the
  import uses the same rule to know the copy, so a re-import never shortens the stored text.
* Text that Excel could take for a formula (starting with ``=`` ``+`` ``-`` ``@`` tab or CR, or
  their full-width forms) is written as a text cell (``t="inlineStr"``, no ``<f>``) with
  ``quotePrefix`` set, so it stays text even when someone edits the cell. Phone, FAX, postal code
  and 法人番号 are text cells with number format ``@`` so "043…" keeps its leading zero.
* The Japanese font is set as the workbook's default font (font 0 and the ``Normal`` style),
  not cell by cell: styling every cell made the export about 1.8× slower than a plain loop,
  while unstyled cells already use font 0. openpyxl has no public setter for this, see
  :func:`_use_default_font`.
* Rows after the header are written as whole ``<row>`` elements
  (:mod:`kyodo_desktop.services.xlsx_rows`), the same XML openpyxl's ``ws.append`` writes at a
  fraction of its per-cell cost.
* The file is written to a temp name beside ``out``, fsynced, and renamed onto ``out``; a failed,
  cancelled or killed export never leaves a partial file under the target name. The temp name
  and openpyxl's spool of the sheet name their owner (:mod:`kyodo_desktop.persistence.tempfiles`),
  and each export first removes what a killed export left, never a live one's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from kyodo_desktop.domain.cell_text import XML_ILLEGAL_CHARACTERS
from kyodo_desktop.persistence import sqlite_file, tempfiles
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.export_rows import EXPORT_COLUMNS, export_rows
from kyodo_desktop.persistence.listing import OrgFilter
from kyodo_desktop.services import sheets
from kyodo_desktop.services.export_cells import (
    cell_makers,
    organization_converter,
    picked_converter,
    wrapped_height,
)
from kyodo_desktop.services.sheets import FONT_NAME
from kyodo_desktop.services.sheets import discard_sheet_tempfile as _discard_sheet_tempfile
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.xlsx_rows import install_row_writer
from kyodo_desktop.services.xlsx_spool import spool_sheet, sweep_spools

__all__ = [
    "COLUMNS",
    "FONT_NAME",
    "HEADERS",
    "LAYOUTS",
    "LAYOUT_FULL",
    "LAYOUT_LIST",
    "LIST_COLUMNS",
    "PROGRESS_EVERY",
    "SHEET_TITLE",
    "ExportCancelled",
    "discard_workbook",
    "export_organizations",
    "layout_columns",
    "new_workbook",
    "write_organizations_sheet",
]

SHEET_TITLE = "団体一覧"

#: Header text and column width (Excel character units; a kanji is about two).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("団体名", 36),
    ("フリガナ", 36),
    ("法人格", 24),
    ("法人番号", 16),
    ("市町村", 12),
    ("郵便番号", 11),
    ("住所", 36),
    ("電話番号", 15),
    ("FAX", 15),
    ("メール", 28),
    ("ウェブサイト", 30),
    ("代表者", 16),
    ("代表者フリガナ", 20),
    ("活動分野", 36),
    ("状態", 8),
    ("設立日", 12),
    ("設立日（和暦）", 18),
    ("認証日", 12),
    ("会員数", 9),
    ("登録日", 12),
    ("登録日（和暦）", 18),
    ("最終接触日", 13),
    ("タグ", 24),
    ("備考", 40),
    ("担当職員", 16),  # the officer's name; not read back by an import (officers are records)
    ("ID", 38),
)
HEADERS: tuple[str, ...] = tuple(header for header, _ in COLUMNS)

#: The two layouts: 一覧 (what a manager reads and prints) and 全項目 (every field, for re-import).
LAYOUT_LIST = "一覧"
LAYOUT_FULL = "全項目"
LAYOUTS: tuple[str, ...] = (LAYOUT_LIST, LAYOUT_FULL)

#: The 一覧 layout: headers of :data:`COLUMNS` with narrower widths, sized so that the sheet
#: fits an A4 landscape page at close to full size.
LIST_COLUMNS: tuple[tuple[str, float], ...] = (
    ("団体名", 34),
    ("法人格", 22),
    ("市町村", 10),
    ("住所", 26),
    ("電話番号", 13),
    ("代表者", 12),
    ("活動分野", 32),
    ("状態", 7),
)
#: Columns whose long text wraps in its cell when columns are chosen (一覧, ``--columns``): in
#: print, a cut-off 活動分野 or 団体名 reads wrong. 全項目 keeps one line a row, for re-import.
WRAPPED_COLUMNS = frozenset(("団体名", "住所", "活動分野"))

#: Rows between two calls of the progress callback.
PROGRESS_EVERY = 2000

_CANCELLED_MESSAGE = "書き出しを中止しました。"
# Same pattern as openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE (a test keeps them equal); kept in
# domain.cell_text so that importing this module does not import openpyxl.
_ILLEGAL_CHARACTERS_RE = XML_ILLEGAL_CHARACTERS

Progress = Callable[[int, int], bool]
#: Adds the extra sheets to a workbook, given the ``(id, 団体名)`` written and a check for Cancel.
Details = Callable[[Any, list[tuple[str, str]], Callable[[int], None]], None]
_ID = EXPORT_COLUMNS.index("id")
_NAME = EXPORT_COLUMNS.index("name")
T = TypeVar("T")


class ExportCancelled(KnownError):
    """The user cancelled the export; nothing was written under the target name."""

    def __init__(self, message: str = _CANCELLED_MESSAGE) -> None:
        super().__init__(message)


def write_xlsx_atomically(
    out: Path, write: Callable[[IO[bytes]], T], *, place: str, failure: str, retry: str
) -> T:
    """Check ``out`` and write a workbook there atomically with ``write(fh)``; returns its result.

    Refused with :class:`KnownError` before anything is written: a missing folder, a folder as
    target, a name not ending in .xlsx, an existing file that is not a workbook (never a data
    file or a backup). The workbook goes to a temp file in the same folder, is fsynced and then
    renamed, so a killed or failed write never leaves half a file under ``out``; a failure says
    whether the disk is full or the target is held (Excel) — see :func:`_write_failure`. ``place``,
    ``failure`` and ``retry`` word the messages (書き出し先 / 保存先 …).
    """
    folder = out.parent
    if not folder.is_dir():
        raise KnownError(f"{place}のフォルダがありません: {folder}")
    if out.is_dir():
        raise KnownError(f"{place}がフォルダです。ファイル名を指定してください: {out}")
    if out.suffix.lower() != ".xlsx":
        raise KnownError(f"{place}は .xlsx のファイル名にしてください: {out}")
    if out.exists() and not zipfile.is_zipfile(out):
        raise KnownError(
            f"{out} はExcelファイルではないため上書きしません。別のファイル名を指定してください。"
        )
    _sweep_leftovers(folder)
    tmp = tempfiles.temp_path(folder, out.name, ".xlsx")
    try:
        fh = tmp.open("xb")  # also proves early that the folder is writable
    except OSError as exc:
        raise KnownError(f"{place}のフォルダに書き込めません: {folder}（{exc.strerror or exc}）") from exc
    try:
        with fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise KnownError(_write_failure(exc, out, failure, retry)) from exc
        raise
    with contextlib.suppress(OSError):
        sqlite_file.fsync_path(folder)  # make the rename itself durable
    return result


#: errno values of a full disk or quota: closing Excel would not help.
_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
#: errno values (and Windows error codes: sharing and lock violation) of a target held by another
#: program, as Excel holds the workbook it has open.
_HELD_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EBUSY})
_HELD_WINERRORS = frozenset({32, 33})


def _write_failure(exc: OSError, out: Path, failure: str, retry: str) -> str:
    """Why the workbook could not be written, with the advice that fits the OS's reason."""
    if exc.errno in _FULL_ERRNOS:
        return f"{failure}: {out}（ディスクの空き容量が足りません）。空きを作ってから、{retry}。"
    reason = exc.strerror or str(exc)
    if exc.errno in _HELD_ERRNOS or getattr(exc, "winerror", None) in _HELD_WINERRORS:
        return f"{failure}: {out}（{reason}）。Excelで開いている場合は閉じてから、{retry}。"
    return f"{failure}: {out}（{reason}）。{retry}。"


#: Temp names of versions before the owner was named in them.
_LEGACY_TEMPS = (".*.xlsx.tmp-" + "[0-9a-f]" * 32 + ".xlsx",)


def _sweep_leftovers(folder: Path) -> None:
    """Remove the temp workbooks beside the target and the sheet spools of killed writes."""
    tempfiles.sweep(folder)
    tempfiles.sweep_legacy(folder, _LEGACY_TEMPS)
    sweep_spools()


def layout_columns(
    layout: str = LAYOUT_FULL, columns: Sequence[str] | None = None
) -> tuple[tuple[int, ...] | None, tuple[tuple[str, float], ...]]:
    """Which of :data:`COLUMNS` a layout writes (None: all, in order) and their headers and widths.

    ``columns`` (headers of :data:`COLUMNS`, e.g. from ``--columns``) chooses them by name and
    wins over ``layout``; an unknown name is refused with the list of the known ones.
    """
    if columns is None:
        if layout == LAYOUT_FULL:
            return None, COLUMNS
        if layout != LAYOUT_LIST:
            raise KnownError(f"書き出しの形式は {'・'.join(LAYOUTS)} のどれかです: {layout}")
        columns = [header for header, _ in LIST_COLUMNS]
    narrow = dict(LIST_COLUMNS)
    index = {header: n for n, header in enumerate(HEADERS)}
    unknown = [name for name in columns if name not in index]
    if unknown or not columns:
        raise KnownError(
            f"書き出せない列です: {'、'.join(unknown) or '（なし）'}。列は {'、'.join(HEADERS)} から選んでください。"
        )
    picked = tuple(index[name] for name in columns)
    return picked, tuple((HEADERS[n], narrow.get(HEADERS[n], COLUMNS[n][1])) for n in picked)


def export_organizations(
    workspace: Workspace,
    out: Path,
    *,
    progress: Progress | None = None,
    layout: str = LAYOUT_FULL,
    columns: Sequence[str] | None = None,
    org_filter: OrgFilter | None = None,
    ids: Sequence[str] | None = None,
    in_given_order: bool = False,
    with_contacts: bool = False,
    with_interactions: bool = False,
    with_projects: bool = True,
) -> int:
    """Write the organizations not in the trash to ``out`` (.xlsx); return the number of rows.

    ``layout`` is :data:`LAYOUT_FULL` (every column, the ID last: what a re-import reads) or
    :data:`LAYOUT_LIST`; ``columns`` chooses the columns by header instead. ``org_filter`` keeps
    the rows the registry's filter rule matches, ``ids`` only those records (the rows on screen),
    written in the order of ``ids`` when ``in_given_order`` (the table's sort), else by kana.
    ``with_contacts`` and ``with_interactions`` add the sheets 連絡先 and 対応記録 of exactly the
    organizations written (:mod:`kyodo_desktop.services.export_details`; their rows carry the
    organization's ID when the main sheet does). ``with_projects`` adds 事業一覧 and 公平性チェック
    of every project when there is one (:mod:`kyodo_desktop.services.export_projects`).
    ``progress(done, total)`` is called before the first row, every :data:`PROGRESS_EVERY` rows
    and after the last; when it returns False the export stops, the temp file is removed, and
    :class:`ExportCancelled` is raised (an existing file at ``out`` is left as it was).
    """
    picked, chosen = layout_columns(layout, columns)
    details: Details | None = None
    if with_projects:
        from kyodo_desktop.services import export_projects

        with_projects = export_projects.has_projects(workspace)
    if with_contacts or with_interactions or with_projects:
        from kyodo_desktop.services.export_details import write_detail_sheets

        with_ids = picked is None or HEADERS.index("ID") in picked

        def details(wb: Any, exported: list[tuple[str, str]], check: Callable[[int], None]) -> None:
            if with_contacts or with_interactions:
                write_detail_sheets(
                    wb,
                    workspace.db_path,
                    exported,
                    contacts=with_contacts,
                    interactions=with_interactions,
                    with_ids=with_ids,
                    check=check,
                )
            if with_projects:
                export_projects.write_project_sheets(wb, workspace)
                check(0)  # a Cancel pressed meanwhile

    return write_xlsx_atomically(
        Path(out),
        lambda fh: _write_workbook(
            fh,
            progress,
            picked,
            chosen,
            lambda: export_rows(
                workspace.db_path, org_filter=org_filter, ids=ids, in_given_order=in_given_order
            ),
            details,
        ),
        place="書き出し先",
        failure="Excelファイルを書き出せません",
        retry="もう一度書き出してください",
    )


def new_workbook() -> Any:
    """A write-only workbook with the Japanese default font (every export starts from one)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheets.use_default_font(wb)
    return wb


def _write_workbook(
    fh: IO[bytes],
    progress: Progress | None,
    picked: tuple[int, ...] | None,
    columns: tuple[tuple[str, float], ...],
    rows_of: Callable[[], Any],
    details: Details | None = None,
) -> int:
    """Stream the rows into a write-only workbook saved to ``fh``; return the row count.

    ``details`` adds the extra sheets after the main one, given the ``(id, 団体名)`` written.
    """
    wb = new_workbook()
    try:
        done, total, exported = write_organizations_sheet(
            wb, progress, picked, columns, rows_of, keep_exported=details is not None
        )
        if details is not None:
            details(wb, exported, lambda _rows: _report(progress, done, total))
        sheets.save_workbook(wb, fh)
    except BaseException:
        discard_workbook(wb)
        raise
    return done


def discard_workbook(wb: Any) -> None:
    """Remove the spools of every sheet of a write-only workbook that will not be saved."""
    for sheet in wb.worksheets:
        _discard_sheet_tempfile(sheet)


def write_organizations_sheet(
    wb: Any,
    progress: Progress | None,
    picked: tuple[int, ...] | None,
    columns: tuple[tuple[str, float], ...],
    rows_of: Callable[[], Any],
    *,
    keep_exported: bool = False,
    dated: str | None = None,
) -> tuple[int, int, list[tuple[str, str]]]:
    """Add the 団体一覧 sheet to write-only ``wb`` with the rows ``rows_of()`` streams.

    Returns the rows written, the total ``rows_of`` announced and, with ``keep_exported``, the ``(id, 団体名)`` written. ``dated`` is
    the page header's right part (default: today's date; the 年度レポート gives its 年度).
    """
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(SHEET_TITLE)
    # Write-only sheets emit views, widths and print setup with the first row: set them now.
    widths = [width for _, width in columns]
    sheets.set_widths(ws, widths)
    sheets.set_print_setup(ws, widths, SHEET_TITLE, dated=dated)
    header = sheets.header_cells(ws, [header for header, _ in columns])

    spool_sheet(ws)
    ws.append(header)
    convert = organization_converter(ws) if picked is None else picked_converter(ws, picked)
    wrap_widths: tuple[tuple[int, float], ...] = ()
    if picked is not None:
        only_picked = convert
        makers = cell_makers(ws)
        wrapped, to_top = makers.wrapped, makers.top
        wrap_at = tuple(n for n, column in enumerate(picked) if HEADERS[column] in WRAPPED_COLUMNS)
        wrap_widths = tuple((n, columns[n][1]) for n in wrap_at)

        def convert(row: tuple[Any, ...]) -> list[Any]:
            chosen = only_picked(row)
            for n in wrap_at:
                value = chosen[n]
                if value is not None:  # a str, or a guarded text cell
                    chosen[n] = wrapped(value if type(value) is str else value.value)
            return chosen

    write = install_row_writer(ws) or ws.append
    if wrap_widths and write is not ws.append:
        fast = write

        def write(values: list[Any]) -> None:
            height = wrapped_height(values, wrap_widths)
            fast(values if height is None else to_top(values), height)

    done = 0
    exported: list[tuple[str, str]] = []  # (id, 団体名) for the extra sheets
    keep = exported.append if keep_exported else None
    with rows_of() as (total, rows):
        _report(progress, 0, total)
        for row in rows:
            write(convert(row))
            if keep is not None:
                keep((row[_ID], row[_NAME]))
            done += 1
            if done % PROGRESS_EVERY == 0:
                _report(progress, done, total)
    if done % PROGRESS_EVERY or not done:
        _report(progress, done, total)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{done + 1}"
    return done, total, exported


def _report(progress: Progress | None, done: int, total: int) -> None:
    """Call the progress callback; raise :class:`ExportCancelled` when it says stop."""
    if progress is not None and not progress(done, total):
        raise ExportCancelled()
