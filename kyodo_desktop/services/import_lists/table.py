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

from kyodo_desktop.domain.column_mapping import IGNORE, ORGANIZATIONS, column_label
from kyodo_desktop.domain.import_kind import ImportKind
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
    #: how many rows the header has (2: a heading merged over the columns of a second row)
    header_rows: int = 1


def _clean_header(text: str) -> str:
    return " ".join(_CONTROL_RE.sub("", text).split())


def _describe_control(text: str) -> str:
    found = sorted({f"U+{ord(ch):04X}" for ch in _CONTROL_RE.findall(text)})
    return "、".join(found[:5]) + ("ほか" if len(found) > 5 else "")


#: How many non-blank rows at the top are looked at to find the header row.
HEADER_LOOKAHEAD = 10


def _recognised(headers: Sequence[str], import_kind: ImportKind = ORGANIZATIONS) -> int:
    """How many headings name one of the kind's targets (a past-project list's 事業名, 契約金額 …)."""
    return sum(1 for target in import_kind.propose_mapping(headers).values() if target != IGNORE)


def _filled(cells: Sequence[str], index: int) -> bool:
    return index < len(cells) and bool(cells[index].strip())


def _is_two_row_header(top: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``below`` is the second row of a header whose first row is ``top``.

    A two-row header has a heading merged over several columns in its first row (blank cells
    to its right that the second row fills: 契約の相手方 over 商号又は名称 and 住所) and headings
    merged over both rows (a first-row heading with nothing below it). A data row under a
    header fills the header's columns instead.
    """
    width = max(len(top), len(below))
    if sum(1 for i in range(width) if _filled(top, i)) < 2:
        return False  # a title
    # the columns under a heading merged to the right: its own and the blank ones after it
    spanned: set[int] = set()
    for i in range(width):
        if _filled(top, i) and i + 1 < width and not _filled(top, i + 1):
            j = i + 1
            while j < width and not _filled(top, j):
                j += 1
            spanned.update(range(i, j))
    below_filled = [i for i in range(width) if _filled(below, i)]
    if not below_filled or any(i not in spanned for i in below_filled):
        return False  # a data row fills columns under headings of their own
    spans = any(not _filled(top, i) for i in below_filled)
    alone = any(_filled(top, i) and not _filled(below, i) for i in range(width))
    return spans and alone


def combine_header_rows(top: Sequence[str], below: Sequence[str]) -> list[str]:
    """One heading per column from a two-row header: 「契約の相手方 商号又は名称」.

    A first-row heading merged over several columns reads as blank cells after it (Excel keeps
    the text in the first cell only), so it is carried right over the columns the second row
    names.
    """
    width = max(len(top), len(below))
    headings: list[str] = []
    group = ""
    for i in range(width):
        upper = _clean_header(top[i]) if i < len(top) else ""
        lower = _clean_header(below[i]) if i < len(below) else ""
        if upper:
            group = upper
        elif lower:
            upper = group
        else:
            group = ""
        headings.append(f"{upper} {lower}".strip())
    return headings


def _header_index(
    candidates: Sequence[list[str]], *, forced: bool = False, import_kind: ImportKind = ORGANIZATIONS
) -> tuple[int, int]:
    """Which of the first non-blank rows is the header row, and whether it has one row or two.

    Lists often start with a title (団体一覧（令和6年4月1日現在）) or a note above the headers. The
    header is the first row with two or more recognised headings (団体名, 電話番号 …); failing
    that, the first with one; failing that, the first row with two or more filled cells (a title
    fills one); failing that, the first. A row followed by the second row of a two-row header
    (:func:`_is_two_row_header`) is counted with it. ``forced``: the first candidate is the
    header (the officer said which row); only whether it has two rows is decided. The headings
    are recognised as ``import_kind``'s targets.
    """
    cleaned = [[_clean_header(c) for c in cells] for cells in candidates]

    def depth(index: int) -> int:
        if index + 1 < len(cleaned) and _is_two_row_header(cleaned[index], cleaned[index + 1]):
            return 2
        return 1

    if forced:
        return 0, depth(0)
    alone = [_recognised(cells, import_kind) for cells in cleaned]
    recognised = []
    for index, cells in enumerate(cleaned):
        count, rows = alone[index], depth(index)
        if rows == 2:
            together = _recognised(combine_header_rows(cells, cleaned[index + 1]), import_kind)
            # a note above a header (作成: 市民協働課 … ※ 非公開) is no first header row: the
            # header below recognises more without it
            if together >= alone[index + 1]:
                count = together
            else:
                rows = 1
        recognised.append((count, rows))
    for enough in (2, 1):
        for index, (count, rows) in enumerate(recognised):
            if count >= enough:
                return index, rows
    for index, cells in enumerate(candidates):
        if sum(1 for cell in cells if cell.strip()) >= 2:
            return index, depth(index)
    return 0, 1


def collect(
    path: Path,
    records: Iterator[tuple[int, list[str]]],
    *,
    sheet: str,
    encoding: str,
    kind: SourceFormat,
    total: int,
    progress: Progress | None,
    header_row: int | None = None,
    import_kind: ImportKind = ORGANIZATIONS,
) -> SourceTable:
    """Find the header row, keep the non-blank rows below it, and note unusable cells.

    ``header_row`` (the row number as Excel shows it) says where the header is; the rows above
    it are not read. A two-row header starting there is still read as one. ``import_kind``
    says which headings are recognised when the header row is looked for.
    """
    if header_row is not None and header_row < 1:
        raise ImportFileError(f"見出しの行は1以上で指定してください（{header_row}）。")
    headers: list[str] | None = None
    found_row = 0
    header_depth = 1
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
        nonlocal found_row, header_depth
        chosen, header_depth = _header_index(
            [cells for _, cells in top], forced=header_row is not None, import_kind=import_kind
        )
        found_row, header_cells = top[chosen]
        if header_depth == 2:
            found = combine_header_rows(header_cells, top[chosen + 1][1])
        else:
            found = [_clean_header(cell) for cell in header_cells]
        for later_number, later_cells in top[chosen + header_depth :]:
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
        if header_row is not None and number < header_row:
            continue
        if not cells:
            continue
        if headers is None:
            if header_row is not None and not top and number != header_row:
                raise ImportFileError(
                    f"{path.name} の {header_row} 行目は空です（見出しの行を確かめてください）。"
                )
            top.append((number, cells))
            if len(top) >= (2 if header_row is not None else HEADER_LOOKAHEAD):
                headers = choose_header()
            continue
        add(number, cells, headers)
    if headers is None and top:
        headers = choose_header()
    if headers is None:
        if header_row is not None:
            raise ImportFileError(
                f"{path.name} に {header_row} 行目がありません（見出しの行を確かめてください）。"
            )
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
        header_row=found_row,
        header_rows=header_depth,
    )
