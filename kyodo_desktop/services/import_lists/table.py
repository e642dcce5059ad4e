"""A list file read as text (:class:`SourceTable`), and finding its header row.

Lists often start with a title or a note above the headers; :func:`collect` keeps the first
non-blank rows until it has chosen the header row among them, then every non-blank row below it.
A cell longer than :data:`~.limits.MAX_CELL_CHARS` or holding control characters is not dropped:
it becomes a :class:`RowProblem` of its row. Too wide rows or too many cells stop the read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from kyodo_desktop.domain.column_mapping import IGNORE, column_label, propose_mapping
from kyodo_desktop.domain.importing import ImportFileError, RowProblem, SourceFormat
from kyodo_desktop.services.import_lists import limits
from kyodo_desktop.services.import_lists.limits import Progress, report

# Control characters other than tab and line feed (CR is turned into LF before this check).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclasses.dataclass
class SourceTable:
    """A list file read as text.

    ``rows`` are ``(row number as shown in Excel, cells)`` for every non-blank row below the
    header row (trailing blank cells trimmed); ``headers`` is as wide as the widest row.
    ``problems`` are the cells found unusable while reading (too long, control characters).
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    sheet: str
    encoding: str
    format: SourceFormat
    problems: list[RowProblem] = dataclasses.field(default_factory=list)
    header_row: int = 1


def _clean_header(text: str) -> str:
    return " ".join(_CONTROL_RE.sub("", text).split())


def _describe_control(text: str) -> str:
    found = sorted({f"U+{ord(ch):04X}" for ch in _CONTROL_RE.findall(text)})
    return "、".join(found[:5]) + ("ほか" if len(found) > 5 else "")


#: How many non-blank rows at the top are looked at to find the header row.
HEADER_LOOKAHEAD = 10


def _header_index(candidates: Sequence[list[str]]) -> int:
    """Which of the first non-blank rows is the header row.

    Lists often start with a title (団体一覧（令和6年4月1日現在）) or a note above the headers. The
    header is the first row with two or more recognised headings (団体名, 電話番号 …); failing
    that, the first with one; failing that, the first row with two or more filled cells (a title
    fills one); failing that, the first.
    """
    recognised = [
        sum(1 for target in propose_mapping([_clean_header(c) for c in cells]).values() if target != IGNORE)
        for cells in candidates
    ]
    for enough in (2, 1):
        for index, count in enumerate(recognised):
            if count >= enough:
                return index
    for index, cells in enumerate(candidates):
        if sum(1 for cell in cells if cell.strip()) >= 2:
            return index
    return 0


def collect(
    path: Path,
    records: Iterator[tuple[int, list[str]]],
    *,
    sheet: str,
    encoding: str,
    kind: SourceFormat,
    total: int,
    progress: Progress | None,
) -> SourceTable:
    """Find the header row, keep the non-blank rows below it, and note unusable cells."""
    headers: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list[str]]] = []
    problems: list[RowProblem] = []
    top: list[tuple[int, list[str]]] = []  # the first non-blank rows, until the header is chosen
    cells_seen = 0
    width = 0
    next_report = limits.PROGRESS_EVERY
    report(progress, 0, total)
    number = 0

    def add(number: int, cells: list[str], headers: list[str]) -> None:
        nonlocal width
        for index, cell in enumerate(cells):
            if len(cell) > limits.MAX_CELL_CHARS:
                problems.append(
                    RowProblem(
                        number,
                        column_label(index, headers),
                        f"セルの文字数が多すぎます（{len(cell):,}字。{limits.MAX_CELL_CHARS:,}字まで）",
                        sheet,
                    )
                )
            if _CONTROL_RE.search(cell):
                problems.append(
                    RowProblem(
                        number,
                        column_label(index, headers),
                        f"制御文字（{_describe_control(cell)}）が含まれています。"
                        "文字化けか壊れたデータの可能性があります",
                        sheet,
                    )
                )
        width = max(width, len(cells))
        rows.append((number, cells))

    def choose_header() -> list[str]:
        nonlocal header_row
        chosen = _header_index([cells for _, cells in top])
        header_row, header_cells = top[chosen]
        found = [_clean_header(cell) for cell in header_cells]
        for later_number, later_cells in top[chosen + 1 :]:
            add(later_number, later_cells, found)
        top.clear()
        return found

    for number, raw in records:
        if number >= next_report:
            report(progress, number, max(total, number))
            next_report = number + limits.PROGRESS_EVERY
        if len(raw) > limits.MAX_COLUMNS:
            raise ImportFileError(
                f"{path.name} の {number} 行目は列が多すぎます（{len(raw):,} 列。{limits.MAX_COLUMNS:,} 列まで）。"
            )
        cells_seen += len(raw)
        if cells_seen > limits.MAX_CELLS:
            raise ImportFileError(
                f"{path.name} はセルが多すぎるため読み込みません（{limits.MAX_CELLS:,} セルまで）。"
            )
        cells = [cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell for cell in raw]
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            continue
        if headers is None:
            top.append((number, cells))
            if len(top) >= HEADER_LOOKAHEAD:
                headers = choose_header()
            continue
        add(number, cells, headers)
    if headers is None and top:
        headers = choose_header()
    if headers is None:
        raise ImportFileError(f"{path.name} にデータがありません（見出しの行が見つかりません）。")
    headers.extend("" for _ in range(width - len(headers)))
    report(progress, number, number)
    return SourceTable(
        headers=headers,
        rows=rows,
        sheet=sheet,
        encoding=encoding,
        format=kind,
        problems=problems,
        header_row=header_row,
    )
