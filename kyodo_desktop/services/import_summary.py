"""The import summary the officer can keep: an .xlsx of what an import did (issue 4, item 5).

Three sheets:

* 概要 — source file, when the summary was made, the import id and the backup taken (once
  applied), the rows per action of the plan and, once applied, what was written;
* 明細 — one row per source row: 行, 処理, 団体名, 一致した団体, 一致の理由, 変更内容
  (``電話番号: 043-… → 047-…``, one change a line, with the labels of the mapping step), 問題;
* エラー — every :class:`~kyodo_desktop.domain.importing.RowProblem`: 行, シート, 列, 理由.

Styled and set up for printing by :mod:`kyodo_desktop.services.sheets`, as the 団体一覧 is:
openpyxl imported inside the function, write-only sheets, the Japanese font as the workbook
default, header rows styled, frozen and filtered, A4 with the header row repeated and page
numbers, text that Excel could take for a formula written as a text cell, and the file written
(by :func:`~kyodo_desktop.services.export_xlsx.write_xlsx_atomically`) to a temp name, fsynced
and renamed onto the target.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.municipalities import municipality_name
from kyodo_desktop.services import sheets
from kyodo_desktop.services.export_xlsx import _ILLEGAL_CHARACTERS_RE, write_xlsx_atomically
from kyodo_desktop.services.importing import Action, ImportPlan, ImportSummary, PlannedRow
from kyodo_desktop.services.xlsx_spool import spool_sheet

__all__ = [
    "DETAIL_COLUMNS",
    "ERROR_COLUMNS",
    "SHEET_DETAILS",
    "SHEET_ERRORS",
    "SHEET_OVERVIEW",
    "change_lines",
    "write_import_summary",
    "write_summary_sheets",
]

SHEET_OVERVIEW = "概要"
SHEET_DETAILS = "明細"
SHEET_ERRORS = "エラー"

#: Header text and column width (Excel character units; a kanji is about two).
OVERVIEW_COLUMNS: tuple[tuple[str, float], ...] = (("項目", 30), ("内容", 60))
DETAIL_COLUMNS: tuple[tuple[str, float], ...] = (
    ("行", 8),
    ("処理", 14),
    ("団体名", 36),
    ("一致した団体", 36),
    ("一致の理由", 20),
    ("変更内容", 60),
    ("問題", 60),
)
ERROR_COLUMNS: tuple[tuple[str, float], ...] = (("行", 8), ("シート", 16), ("列", 24), ("理由", 80))

#: Excel refuses longer cells; a 40,000-character source cell must not spoil the summary.
MAX_CELL_CHARS = 32_767
_ELLIPSIS = "…"
_EMPTY = "（空）"
_NOT_TAKEN = "（取り込まない）"


def write_import_summary(plan: ImportPlan, out: Path, *, summary: ImportSummary | None = None) -> None:
    """Write the summary of ``plan`` (and of ``summary``, once applied) to ``out`` (.xlsx).

    Refused with :class:`KnownError`, before anything is written: a missing folder, a folder as
    target, a name not ending in .xlsx, an existing file that is not a workbook. The file appears
    under ``out`` only when complete; an existing workbook there is replaced.
    """
    write_xlsx_atomically(
        Path(out),
        lambda fh: _write_workbook(plan, summary, fh),
        place="保存先",
        failure="取り込み結果を保存できません",
        retry="もう一度保存してください",
    )


# -- cell text -----------------------------------------------------------------------------------


def _clip(text: str) -> str:
    """Without the characters XML cannot hold, and short enough for one Excel cell."""
    if _ILLEGAL_CHARACTERS_RE.search(text):
        text = _ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(_ELLIPSIS)] + _ELLIPSIS
    return text


def _value_text(field: str, value: Any) -> str:
    """One side of a change as the officer reads it: labels for 活動分野, the city for a code."""
    if value in (None, "", []):
        return _EMPTY
    if field == "fields" and isinstance(value, list | tuple | set | frozenset):
        return "、".join(ACTIVITY_FIELD_SHORT.get(code, str(code)) for code in sorted(value))
    if isinstance(value, date):
        return value.isoformat()
    if field == "municipality_code" and isinstance(value, str) and municipality_name(value):
        return f"{value}（{municipality_name(value)}）"
    # multi-line texts (目的, 備考) stay on one line of the cell, like portal_notes' offices
    return " / ".join(line.strip() for line in str(value).splitlines() if line.strip()) or _EMPTY


def change_lines(planned: PlannedRow) -> list[str]:
    """``電話番号: 043-223-1111 → 047-431-1111`` per change, in form order; a change the officer
    chose not to take is marked （取り込まない）."""
    taken = planned.taken_changes()
    lines = []
    for field, (old, new) in planned.changes.items():
        label = TARGETS.get(field, field)
        line = f"{label}: {_value_text(field, old)} → {_value_text(field, new)}"
        lines.append(line if field in taken else line + _NOT_TAKEN)
    return lines


def _match_reason(planned: PlannedRow) -> str:
    if planned.action is Action.DUPLICATE_IN_FILE and planned.duplicate_of_row:
        return f"{planned.duplicate_of_row} 行目と同じ団体"
    return planned.match_reason


def _problem_text(planned: PlannedRow) -> str:
    """The row's problems, then its remarks (a 法人番号 another organization carries, values left out)."""
    found = (*planned.row.problems, *planned.warnings, *planned.dropped)
    return "\n".join(f"「{p.column}」{p.message}" if p.column else p.message for p in found)


# -- workbook ------------------------------------------------------------------------------------


def _overview_rows(plan: ImportPlan, summary: ImportSummary | None) -> list[tuple[str, Any]]:
    made = datetime.now().astimezone()  # local time: this is shown, not stored
    rows: list[tuple[str, Any]] = [
        ("取り込み元ファイル", plan.source_name),
        ("作成日時", made.strftime("%Y-%m-%d %H:%M")),
        ("状態", "取り込み済み" if summary is not None else "確認のみ（まだ取り込んでいません）"),
    ]
    if summary is not None:
        rows.append(("取り込みID", summary.import_id))
    rows.append(("行数", len(plan.rows)))
    rows.extend((f"処理: {action.value}", count) for action, count in plan.outcomes().items())
    rows.append(("問題の件数", len(plan.problems)))
    if summary is not None:
        rows += [
            ("登録した団体", summary.created),
            ("更新した団体", summary.updated),
            ("取り込まなかった行", summary.skipped),
            ("エラーで取り込まなかった行", summary.errors),
            ("取り込み前のバックアップ", summary.backup_path or "なし（書き込む変更がありませんでした）"),
        ]
    return rows


def _detail_rows(plan: ImportPlan) -> Iterable[list[Any]]:
    for planned in plan.rows:
        data = planned.row.data
        yield [
            planned.row.row_number,
            planned.outcome.value,  # as the overview counts it: an update with nothing ticked is 変更なし
            data.name if data is not None else "",
            planned.match_name,
            _match_reason(planned),
            "\n".join(change_lines(planned)),
            _problem_text(planned),
        ]


def _error_rows(plan: ImportPlan) -> Iterable[list[Any]]:
    for problem in plan.problems:
        yield [problem.row_number, problem.sheet, problem.column, problem.message]


#: One sheet of a summary: title, columns, rows, whether the rows are filtered.
SheetSpec = tuple[str, Sequence[tuple[str, float]], Iterable[list[Any]], bool]


def _write_workbook(plan: ImportPlan, summary: ImportSummary | None, fh: IO[bytes]) -> None:
    write_summary_sheets(
        fh,
        [
            (SHEET_OVERVIEW, OVERVIEW_COLUMNS, ([k, v] for k, v in _overview_rows(plan, summary)), False),
            (SHEET_DETAILS, DETAIL_COLUMNS, _detail_rows(plan), True),
            (SHEET_ERRORS, ERROR_COLUMNS, _error_rows(plan), True),
        ],
    )


def write_summary_sheets(fh: IO[bytes], specs: Iterable[SheetSpec]) -> None:
    """Write an import summary's sheets (every import kind's: the organization import's, the
    past-project import's) into ``fh``, styled and print-ready."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheets.use_default_font(wb)
    written: list[Any] = []
    try:
        for title, columns, rows, filtered in specs:
            ws = wb.create_sheet(title)
            written.append(ws)
            _write_sheet(ws, columns, rows, filtered=filtered)
        wb.save(fh)
    except BaseException:
        for ws in written:
            sheets.discard_sheet_tempfile(ws)
        raise


def _write_sheet(
    ws: Any, columns: Sequence[tuple[str, float]], rows: Iterable[list[Any]], *, filtered: bool
) -> None:
    """Header (styled, frozen, filtered when ``filtered``) and rows; text made formula-safe."""
    from openpyxl.utils import get_column_letter

    widths = [width for _, width in columns]
    sheets.set_widths(ws, widths)
    sheets.set_print_setup(ws, widths, f"インポートの記録（{ws.title}）")
    spool_sheet(ws)
    header = sheets.header_cells(ws, [text for text, _ in columns])
    ws.append(header)
    convert = _cell_converter(ws)
    count = 0
    for row in rows:
        ws.append([convert(value) for value in row])
        count += 1
    if filtered:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def _cell_converter(ws: Any) -> Callable[[Any], Any]:
    """Plain values stay plain (cheapest); text that needs it becomes a styled text cell:
    formula-looking text (quote prefix, never a formula) and multi-line text (wrapped)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment

    def style(*, quoted: bool, wrapped: bool) -> Any:
        template = WriteOnlyCell(ws)
        template.number_format = sheets.TEXT_FORMAT
        template.quotePrefix = quoted
        if wrapped:
            template.alignment = Alignment(wrap_text=True, vertical="top")
        return template._style

    styles = {
        (quoted, wrapped): style(quoted=quoted, wrapped=wrapped)
        for quoted in (False, True)
        for wrapped in (False, True)
    }

    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        value = _clip(value)
        if not value:
            return None
        quoted = sheets.is_formula_like(value)
        wrapped = "\n" in value
        if not (quoted or wrapped):
            return value
        cell = Cell(ws, row=1, column=1, value=value, style_array=styles[quoted, wrapped])
        cell.data_type = "s"  # openpyxl made "=…" a formula
        return cell

    return convert
