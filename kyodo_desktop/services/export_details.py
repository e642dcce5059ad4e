"""The export's optional sheets: 連絡先 and 対応記録 of exactly the organizations exported.

Each sheet follows the main sheet's order, organization by organization (contacts 主担当 first,
interactions newest first), and each row names its organization: 団体名 always, and the
organization's ID in the 全項目 layout (when the main sheet carries the ID). Dates are shown as
officers read them: 令和N年M月D日 in the 一覧 layout, and in the 全項目 layout a date cell
(yyyy-mm-dd, sortable) beside its 和暦. 団体名 and 内容 wrap in their cells, the row as high as
they need.

The sheets are print-ready through :mod:`kyodo_desktop.services.sheets` (A4, orientation from
the width, fit to width, the header row repeated, 「令和… 現在」 and page numbers) and written
by the same fast row writer as the main sheet (:mod:`kyodo_desktop.services.xlsx_rows`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kyodo_desktop.persistence.export_details import contact_rows, interaction_rows
from kyodo_desktop.services import sheets
from kyodo_desktop.services.export_cells import CellMakers, cell_makers, wrapped_height
from kyodo_desktop.services.xlsx_rows import install_row_writer
from kyodo_desktop.services.xlsx_spool import spool_sheet

__all__ = [
    "CONTACTS_TITLE",
    "CONTACT_COLUMNS",
    "INTERACTIONS_TITLE",
    "INTERACTION_COLUMNS",
    "ORG_ID_COLUMN",
    "detail_columns",
    "write_detail_sheets",
]

CONTACTS_TITLE = "連絡先"
INTERACTIONS_TITLE = "対応記録"

#: The organization's ID, last column of the 全項目 layout.
ORG_ID_COLUMN = ("団体ID", 38.0)

#: Header and width (Excel character units) of the 連絡先 sheet in the 一覧 layout.
CONTACT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("団体名", 34),
    ("氏名", 16),
    ("フリガナ", 18),
    ("役職", 14),
    ("電話番号", 14),
    ("メール", 28),
    ("主担当", 7),
)
#: Header and width of the 対応記録 sheet in the 一覧 layout (dates as 和暦, 16 wide).
INTERACTION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("団体名", 34),
    ("対応日", 16),
    ("種類", 10),
    ("内容", 46),
    ("職員", 12),
    ("次回対応日", 16),
)
_FULL_INTERACTION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("団体名", 30),
    ("対応日", 12),
    ("対応日（和暦）", 16),
    ("種類", 10),
    ("内容", 50),
    ("職員", 12),
    ("次回対応日", 12),
    ("次回対応日（和暦）", 18),
)

#: Columns whose long text wraps in its cell (a cut-off name or 内容 reads wrong in print).
_WRAPPED = frozenset(("団体名", "内容"))

Check = Callable[[int], None]
_CHECK_EVERY = 2000  # rows between two checks for Cancel


def detail_columns(title: str, *, with_ids: bool) -> tuple[tuple[str, float], ...]:
    """The headers and widths of the 連絡先 or 対応記録 sheet in a layout (``with_ids``: 全項目)."""
    if title == CONTACTS_TITLE:
        return (*CONTACT_COLUMNS, ORG_ID_COLUMN) if with_ids else CONTACT_COLUMNS
    return (*_FULL_INTERACTION_COLUMNS, ORG_ID_COLUMN) if with_ids else INTERACTION_COLUMNS


def _contact_values(cells: CellMakers, with_ids: bool) -> Callable[[tuple[Any, ...], str], list[Any]]:
    plain, text = cells.plain, cells.text

    def convert(row: tuple[Any, ...], org_name: str) -> list[Any]:
        org_id, name, kana, role, phone, email, is_primary = row
        values = [plain(org_name), plain(name), plain(kana), plain(role), text(phone), plain(email)]
        values.append("●" if is_primary else None)
        if with_ids:
            values.append(plain(org_id))
        return values

    return convert


def _interaction_values(cells: CellMakers, with_ids: bool) -> Callable[[tuple[Any, ...], str], list[Any]]:
    plain, day = cells.plain, cells.day

    def wareki(value: str | None) -> Any:
        when, reading = day(value)
        return reading if reading is not None else when  # a stored text that is not a date stays

    def convert(row: tuple[Any, ...], org_name: str) -> list[Any]:
        org_id, occurred_on, kind, summary, officer, next_action_on = row
        summary_cell = plain(summary)
        if not with_ids:
            return [
                plain(org_name),
                wareki(occurred_on),
                plain(kind),
                summary_cell,
                plain(officer),
                wareki(next_action_on),
            ]
        occurred, occurred_wareki = day(occurred_on)
        following, following_wareki = day(next_action_on)
        return [
            plain(org_name),
            occurred,
            occurred_wareki,
            plain(kind),
            summary_cell,
            plain(officer),
            following,
            following_wareki,
            plain(org_id),
        ]

    return convert


def write_detail_sheets(
    wb: Any,
    db_path: Path,
    exported: Sequence[tuple[str, str]],
    *,
    contacts: bool,
    interactions: bool,
    with_ids: bool,
    check: Check | None = None,
) -> dict[str, int]:
    """Add the 連絡先 and/or 対応記録 sheets of the ``exported`` ``(id, 団体名)`` to write-only ``wb``.

    Returns the rows written per sheet title. ``check(rows)`` is called every few thousand rows
    (it raises to stop the export).
    """
    org_ids = [org_id for org_id, _ in exported]
    names = dict(exported)
    written: dict[str, int] = {}
    if contacts:
        written[CONTACTS_TITLE] = _write_sheet(
            wb, CONTACTS_TITLE, with_ids, contact_rows(db_path, org_ids), names, _contact_values, check
        )
    if interactions:
        written[INTERACTIONS_TITLE] = _write_sheet(
            wb,
            INTERACTIONS_TITLE,
            with_ids,
            interaction_rows(db_path, org_ids),
            names,
            _interaction_values,
            check,
        )
    return written


def _write_sheet(
    wb: Any,
    title: str,
    with_ids: bool,
    rows: Iterator[tuple[Any, ...]],
    names: dict[str, str],
    values_of: Callable[[CellMakers, bool], Callable[[tuple[Any, ...], str], list[Any]]],
    check: Check | None,
) -> int:
    from openpyxl.utils import get_column_letter

    columns = detail_columns(title, with_ids=with_ids)
    ws = wb.create_sheet(title)
    widths = [width for _, width in columns]
    sheets.set_widths(ws, widths)
    sheets.set_print_setup(ws, widths, title)
    header = sheets.header_cells(ws, [header for header, _ in columns])
    spool_sheet(ws)
    ws.append(header)
    cells = cell_makers(ws)
    convert = values_of(cells, with_ids)
    fast = install_row_writer(ws)
    wrap_at = tuple((n, width) for n, (header, width) in enumerate(columns) if header in _WRAPPED)
    done = 0
    for row in rows:
        values = convert(row, names[row[0]])
        for n, _ in wrap_at:
            value = values[n]
            if value is not None:  # a str, or a guarded text cell
                values[n] = cells.wrapped(value if type(value) is str else value.value)
        if fast is None:
            ws.append(values)
        else:
            height = wrapped_height(values, wrap_at)
            fast(values if height is None else cells.top(values), height)
        done += 1
        if check is not None and done % _CHECK_EVERY == 0:
            check(done)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{done + 1}"
    return done
