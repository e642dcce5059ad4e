"""Reading the office's own Excel (.xlsx) and CSV lists of organizations for import (issue 4).

:func:`read_table` turns a file into a :class:`SourceTable` (header row, rows as text with the
row numbers the officer sees in Excel); :func:`convert_table` runs each row through a column
mapping (:mod:`kyodo_desktop.domain.column_mapping`) into :class:`ImportRow` objects;
:func:`read_list` does both. Mapping templates are kept in the data folder's ``settings.json``.

Hostile or broken files end in :class:`ImportFileError` with a Japanese message, before much
work is done:

* An .xlsx is opened as a zip first. Not a zip (a CSV renamed, an old .xls, a password-protected
  workbook) is refused by name. The declared uncompressed sizes must add up to at most
  :data:`MAX_UNCOMPRESSED_BYTES`, and no member over :data:`RATIO_CHECK_FROM_BYTES` may be
  compressed more than :data:`MAX_COMPRESSION_RATIO` times. The declared sizes can be trusted:
  :mod:`zipfile` never inflates a member beyond its declared size (and checks its CRC).
* openpyxl must parse sheets with defusedxml; an entity declaration (billion laughs) in a sheet
  makes defusedxml raise, which is reported as such.
* More than :data:`MAX_ROWS` rows (Excel's own limit), wider rows than Excel allows, or more
  cells in all than :data:`MAX_CELLS` stop the read; a CSV is read as a stream, never as one
  string, after a first pass that settles the encoding (UTF-8 with or without BOM, else cp932,
  both strict).
* A cell longer than :data:`MAX_CELL_CHARS` or holding control characters is not dropped: it
  becomes a :class:`RowProblem` of its row.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.domain.column_mapping import (
    IGNORE,
    TARGETS,
    column_label,
    mapping_from_template,
    mapping_problems,
    propose_mapping,
    row_to_input,
)
from kyodo_desktop.domain.importing import ImportFileError, ImportRow, RowProblem, SourceFormat
from kyodo_desktop.services.gc_pacing import sparse_collection
from kyodo_desktop.services.settings import load_settings, save_settings

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_COMPRESSION_RATIO",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "PROGRESS_EVERY",
    "TEMPLATES_KEY",
    "ImportCancelled",
    "Progress",
    "SourceTable",
    "apply_template",
    "convert_table",
    "delete_mapping_template",
    "list_sheets",
    "load_mapping_template",
    "read_list",
    "read_table",
    "save_mapping_template",
    "template_names",
]

_MB = 1024 * 1024
#: Sum of the declared uncompressed sizes of an .xlsx, and the largest CSV file.
MAX_UNCOMPRESSED_BYTES = 200 * _MB
#: Largest uncompressed/compressed ratio of one .xlsx member (zip bombs reach 1,000 and more).
MAX_COMPRESSION_RATIO = 100
#: Members up to this size are not ratio-checked: they cannot hurt, and tiny parts compress well.
RATIO_CHECK_FROM_BYTES = 1 * _MB
#: Rows of a sheet or records of a CSV, header included (Excel's limit).
MAX_ROWS = 1_048_576
#: Columns of one row (Excel's limit: XFD).
MAX_COLUMNS = 16_384
#: Cells read in all (rows × width); bounds the time a sheet of very wide rows can take.
MAX_CELLS = 30_000_000
#: Characters of one cell; longer cells are reported as a problem of their row.
MAX_CELL_CHARS = 40_000
#: Bytes of one physical CSV line; a longer line is a broken or hostile file.
MAX_LINE_BYTES = 16 * _MB
#: Rows between two calls of the progress callback.
PROGRESS_EVERY = 1000
#: settings.json key of the saved column-mapping templates: {name: {header: target}}.
TEMPLATES_KEY = "import_mappings"

_CANCELLED_MESSAGE = "取り込みを中止しました。"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = _MB
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

# Control characters other than tab and line feed (CR is turned into LF before this check).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Excel stores characters that XML cannot hold as _xHHHH_; openpyxl hands them over escaped.
_EXCEL_ESCAPE_RE = re.compile(r"_x(00[01][0-9A-Fa-f])_")

#: ``progress(done, total)``: rows done of about ``total`` (0 when unknown); False cancels.
Progress = Callable[[int, int], bool]


class ImportCancelled(ImportFileError):
    """The officer cancelled while the file was being read; nothing was written."""

    def __init__(self, message: str = _CANCELLED_MESSAGE) -> None:
        super().__init__(message)


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


# -- reading ------------------------------------------------------------------------------


def read_table(path: Path, *, sheet: str | None = None, progress: Progress | None = None) -> SourceTable:
    """Read an .xlsx (``sheet``, default the first visible one) or a CSV into a :class:`SourceTable`.

    ``progress(done, total)`` is called every :data:`PROGRESS_EVERY` rows; returning False
    stops with :class:`ImportCancelled`. Raises :class:`ImportFileError` for a file that cannot
    or must not be read.
    """
    path = Path(path)
    kind = _format_of(path)
    if kind is SourceFormat.XLSX:
        return _read_xlsx(path, sheet, progress)
    return _read_csv(path, progress)


def list_sheets(path: Path) -> list[str]:
    """Worksheet names of an .xlsx in workbook order; a CSV has none (empty list)."""
    path = Path(path)
    if _format_of(path) is not SourceFormat.XLSX:
        return []
    with _open_workbook(path) as wb:
        return [ws.title for ws in wb.worksheets]


def _format_of(path: Path) -> SourceFormat:
    """The kind of list a file claims to be, by its extension."""
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return SourceFormat.XLSX
    if suffix in _CSV_SUFFIXES:
        return SourceFormat.CSV
    if suffix == ".xls":
        raise ImportFileError(
            f"{path.name} は古い形式のExcelファイル（.xls）です。"
            "Excelで開き「Excelブック（.xlsx）」として保存し直してから取り込んでください。"
        )
    raise ImportFileError(
        f"{path.name} は取り込めない種類のファイルです。.xlsx か .csv のファイルを選んでください。"
    )


def _report(progress: Progress | None, done: int, total: int) -> None:
    """Call the progress callback; raise :class:`ImportCancelled` when it says stop."""
    if progress is not None and not progress(done, total):
        raise ImportCancelled()


def _open_error(path: Path, exc: OSError) -> ImportFileError:
    return ImportFileError(f"{path.name} を開けません（{exc.strerror or exc}）。")


# -- xlsx ---------------------------------------------------------------------------------


def _not_xlsx(path: Path, detail: str = "") -> ImportFileError:
    return ImportFileError(f"{path.name} はExcelファイル（.xlsx）ではありません。{detail}".rstrip())


def _check_zip(path: Path, fh: IO[bytes]) -> None:
    """Refuse what is not a zip, or declares too much data or too high a compression ratio."""
    head = fh.read(8)
    fh.seek(0)
    if head.startswith(_OLE_MAGIC):
        raise _not_xlsx(
            path,
            "古い形式（.xls）か、パスワード付きのファイルです。Excelで開き、パスワードを外して"
            "「Excelブック（.xlsx）」として保存し直してください。",
        )
    if not head.startswith(_ZIP_MAGIC):
        raise _not_xlsx(path, "中身が別の形式（テキストやCSVなど）になっています。")
    try:
        with zipfile.ZipFile(fh) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _not_xlsx(path, "ファイルが壊れている可能性があります。") from exc
    finally:
        fh.seek(0)
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(
            f"{path.name} は展開すると {total / _MB:,.0f} MB になるため読み込みません"
            f"（{MAX_UNCOMPRESSED_BYTES // _MB} MB まで）。不正に作られたファイルの可能性があります。"
        )
    for member in members:
        if member.file_size <= RATIO_CHECK_FROM_BYTES:
            continue
        ratio = member.file_size / member.compress_size if member.compress_size else float("inf")
        if ratio > MAX_COMPRESSION_RATIO:
            raise ImportFileError(
                f"{path.name} の中の {member.filename} は圧縮率が異常に高い（{ratio:,.0f} 倍）ため"
                f"読み込みません（{MAX_COMPRESSION_RATIO} 倍まで）。不正に作られたファイルの可能性があります。"
            )


def _require_defusedxml() -> None:
    """openpyxl must parse sheets with defusedxml, or entity expansion is not refused."""
    import openpyxl.xml
    from openpyxl.xml import functions

    module = getattr(functions.iterparse, "__module__", "") or ""
    if not openpyxl.xml.DEFUSEDXML or not module.startswith("defusedxml"):
        raise ImportFileError(
            "Excelファイルを安全に読むための部品（defusedxml）が使えないため、読み込みを中止しました。"
            "協働デスクを入れ直してください。"
        )


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``exc`` or an exception it was raised from (or during) is a ``kind``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _entity_error(path: Path) -> ImportFileError:
    return ImportFileError(
        f"{path.name} には危険なXML（エンティティの展開）が含まれているため、読み込みを中止しました。"
        "不正に作られたファイルの可能性があります。"
    )


def _broken_error(path: Path, exc: BaseException) -> ImportFileError:
    # openpyxl's own text is English and may run over several lines: keep its first line only
    lines = str(exc).strip().splitlines()
    detail = f"{type(exc).__name__}: {lines[0][:200]}" if lines else type(exc).__name__
    return ImportFileError(
        f"{path.name} をExcelファイルとして読めません。ファイルが壊れている可能性があります（{detail}）。"
    )


def _parser_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl raises for a broken workbook (XML syntax is a SyntaxError subclass)."""
    from openpyxl.utils.exceptions import InvalidFileException

    return (
        InvalidFileException,
        zipfile.BadZipFile,
        zlib.error,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        AttributeError,
        SyntaxError,
        EOFError,
        OSError,
    )


class _Workbook:
    """A read-only openpyxl workbook over an open file, checked before parsing; a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._fh: IO[bytes] = path.open("rb")
        except OSError as exc:
            raise _open_error(path, exc) from exc
        try:
            try:
                _check_zip(path, self._fh)
            except OSError as exc:
                raise _open_error(path, exc) from exc
            _require_defusedxml()
            self.book = self._load()
        except BaseException:
            self._fh.close()
            raise

    def _load(self) -> Any:
        from defusedxml import DefusedXmlException
        from openpyxl import load_workbook

        try:
            return load_workbook(self._fh, read_only=True, data_only=True, keep_links=False)
        except _parser_errors() as exc:
            # openpyxl re-raises parser errors as a ValueError "from" the original
            if _caused_by(exc, DefusedXmlException):
                raise _entity_error(self.path) from exc
            raise _broken_error(self.path, exc) from exc

    @property
    def worksheets(self) -> list[Any]:
        return list(self.book.worksheets)

    def __enter__(self) -> _Workbook:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.book.close()
        finally:
            self._fh.close()


def _open_workbook(path: Path) -> _Workbook:
    return _Workbook(path)


def _pick_sheet(wb: _Workbook, sheet: str | None) -> Any:
    """The named worksheet, or the first visible one."""
    sheets = wb.worksheets
    if not sheets:
        raise ImportFileError(f"{wb.path.name} にワークシートがありません。")
    if sheet is None:
        visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
        return (visible or sheets)[0]
    for ws in sheets:
        if ws.title == sheet:
            return ws
    names = "、".join(f"「{ws.title}」" for ws in sheets)
    raise ImportFileError(f"{wb.path.name} にシート「{sheet}」はありません。あるシート: {names}")


def _unescape_control(match: re.Match[str]) -> str:
    return chr(int(match[1], 16))


def _xlsx_text(value: Any) -> str:
    """A cell value as the text to import: dates ISO, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _EXCEL_ESCAPE_RE.sub(_unescape_control, value) if "_x" in value else value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _xlsx_records(path: Path, ws: Any) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cell texts)`` for every row of the sheet, gaps included as empty rows."""
    from defusedxml import DefusedXmlException

    broken = _parser_errors()
    rows = iter(ws.iter_rows(values_only=True))
    number = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except broken as exc:
            if _caused_by(exc, DefusedXmlException):
                raise _entity_error(path) from exc
            raise _broken_error(path, exc) from exc
        number += 1
        if number > MAX_ROWS:
            raise _too_many_rows(path)
        yield number, [_xlsx_text(value) for value in values] if values else []


def _read_xlsx(path: Path, sheet: str | None, progress: Progress | None) -> SourceTable:
    with _open_workbook(path) as wb:
        ws = _pick_sheet(wb, sheet)
        declared = ws.max_row  # from the sheet's <dimension>; may be missing or wrong
        if isinstance(declared, int) and declared > MAX_ROWS:
            raise _too_many_rows(path)
        # Without dimensions openpyxl pads no row to the declared width: a lying <dimension>
        # cannot make every row 16,384 cells wide.
        ws.reset_dimensions()
        total = declared if isinstance(declared, int) else 0
        return _collect(
            path,
            _xlsx_records(path, ws),
            sheet=ws.title,
            encoding="",
            kind=SourceFormat.XLSX,
            total=total,
            progress=progress,
        )


# -- csv ----------------------------------------------------------------------------------


def _scan(path: Path, fh: IO[bytes], encoding: str) -> int | None:
    """Decode the whole file strictly in chunks; the number of line feeds, or None if it fails.

    Also refuses a physical line longer than :data:`MAX_LINE_BYTES` (the csv module would build
    it as one huge row).
    """
    fh.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    lines = 0
    run = 0  # bytes since the last line feed
    try:
        while chunk := fh.read(_CHUNK):
            decoder.decode(chunk)
            first = chunk.find(b"\n")
            if first < 0:
                run += len(chunk)
            else:
                if run + first > MAX_LINE_BYTES:
                    break
                lines += chunk.count(b"\n")
                run = len(chunk) - chunk.rfind(b"\n") - 1
            if run > MAX_LINE_BYTES:
                break
        else:
            decoder.decode(b"", final=True)
            return lines + (1 if run else 0)
    except UnicodeDecodeError:
        return None
    raise ImportFileError(
        f"{path.name} には長すぎる行（{MAX_LINE_BYTES // _MB} MB 超）があります。CSVファイルではないか、壊れています。"
    )


def _detect_encoding(path: Path, fh: IO[bytes]) -> tuple[str, int]:
    """(encoding, number of lines): UTF-8 with BOM, strict UTF-8, else strict cp932."""
    head = fh.read(8)
    if head.startswith(_ZIP_MAGIC):
        raise ImportFileError(
            f"{path.name} はCSVファイルではなく、Excelファイル（.xlsx）のようです。拡張子を .xlsx にして選び直してください。"
        )
    if head.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"{path.name} はCSVファイルではなく、古い形式のExcelファイル（.xls）のようです。"
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(
            f"{path.name} は UTF-16 で保存されています。「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」で保存し直してください。"
        )
    candidates = ("utf-8-sig",) if head.startswith(codecs.BOM_UTF8) else ("utf-8", "cp932")
    for encoding in candidates:
        lines = _scan(path, fh, encoding)
        if lines is not None:
            return encoding, lines
    raise ImportFileError(
        f"{path.name} の文字コードを判別できません。UTF-8 か Shift_JIS（cp932）で保存されたCSVファイルを選んでください。"
    )


def _csv_records(path: Path, fh: IO[str], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """``(record number, cells)``; a record is a row in Excel even when a quoted cell spans lines."""
    reader = csv.reader(fh, delimiter=delimiter)
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise ImportFileError(
                    f"{path.name} の {number + 1} 行目に長すぎるセル（{csv.field_size_limit():,}字超）があります。"
                    '引用符（"）の閉じ忘れがないか確かめてください。'
                ) from exc
            raise ImportFileError(
                f"{path.name} の {number + 1} 行目をCSVとして読めません（{exc}）。"
            ) from exc
        except UnicodeDecodeError as exc:  # the file changed after the encoding was settled
            raise ImportFileError(
                f"{path.name} の {number + 1} 行目の文字コードが正しくありません。"
            ) from exc
        number += 1
        if number > MAX_ROWS:
            raise _too_many_rows(path)
        yield number, record


def _delimiter(fh: IO[str]) -> str:
    """Comma, or tab for a file whose first line has tabs and no commas (Excel's テキスト形式)."""
    first = fh.readline(64 * 1024)
    fh.seek(0)
    return "\t" if "\t" in first and "," not in first else ","


def _read_csv(path: Path, progress: Progress | None) -> SourceTable:
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        raise _open_error(path, exc) from exc
    with fh:
        if size > MAX_UNCOMPRESSED_BYTES:
            raise ImportFileError(
                f"{path.name} は大きすぎるため読み込みません（{size / _MB:,.0f} MB。{MAX_UNCOMPRESSED_BYTES // _MB} MB まで）。"
            )
        encoding, lines = _detect_encoding(path, fh)
        fh.seek(0)
        text = _text_stream(fh, encoding)
        return _collect(
            path,
            _csv_records(path, text, _delimiter(text)),
            sheet="",
            encoding=encoding,
            kind=SourceFormat.CSV,
            total=lines,
            progress=progress,
        )


def _text_stream(fh: IO[bytes], encoding: str) -> IO[str]:
    """A strict text stream over ``fh`` with newlines left to the csv module."""
    return io.TextIOWrapper(fh, encoding=encoding, errors="strict", newline="")


# -- shared -------------------------------------------------------------------------------


def _too_many_rows(path: Path) -> ImportFileError:
    return ImportFileError(f"{path.name} は行数が多すぎるため読み込みません（{MAX_ROWS:,} 行まで）。")


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


def _collect(
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
    next_report = PROGRESS_EVERY
    _report(progress, 0, total)
    number = 0

    def add(number: int, cells: list[str], headers: list[str]) -> None:
        nonlocal width
        for index, cell in enumerate(cells):
            if len(cell) > MAX_CELL_CHARS:
                problems.append(
                    RowProblem(
                        number,
                        column_label(index, headers),
                        f"セルの文字数が多すぎます（{len(cell):,}字。{MAX_CELL_CHARS:,}字まで）",
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
            _report(progress, number, max(total, number))
            next_report = number + PROGRESS_EVERY
        if len(raw) > MAX_COLUMNS:
            raise ImportFileError(
                f"{path.name} の {number} 行目は列が多すぎます（{len(raw):,} 列。{MAX_COLUMNS:,} 列まで）。"
            )
        cells_seen += len(raw)
        if cells_seen > MAX_CELLS:
            raise ImportFileError(
                f"{path.name} はセルが多すぎるため読み込みません（{MAX_CELLS:,} セルまで）。"
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
    _report(progress, number, number)
    return SourceTable(
        headers=headers,
        rows=rows,
        sheet=sheet,
        encoding=encoding,
        format=kind,
        problems=problems,
        header_row=header_row,
    )


# -- converting ---------------------------------------------------------------------------


def convert_table(
    table: SourceTable, mapping: Mapping[int, str], *, progress: Progress | None = None
) -> list[ImportRow]:
    """Every non-blank row of ``table`` through ``mapping``, with the problems found while reading.

    Raises :class:`ImportFileError` when the mapping cannot be used (no 団体名 column, a target
    chosen twice). ``progress(done, total)`` counts rows checked.
    """
    full = {index: mapping.get(index, IGNORE) for index in range(len(table.headers))}
    problems = mapping_problems(full, table.headers)
    if problems:
        raise ImportFileError("列の割り当てを確かめてください。" + " ".join(problems))
    by_row: dict[int, list[RowProblem]] = {}
    for problem in table.problems:
        by_row.setdefault(problem.row_number, []).append(problem)
    total = len(table.rows)
    _report(progress, 0, total)
    result: list[ImportRow] = []
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
        if done % PROGRESS_EVERY == 0:
            _report(progress, done, total)
    _report(progress, total, total)
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


# -- mapping templates --------------------------------------------------------------------


def _stored_templates(settings: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """The usable templates in settings; entries of unknown shape or target are skipped."""
    raw = settings.get(TEMPLATES_KEY)
    if not isinstance(raw, dict):
        return {}
    templates: dict[str, dict[str, str]] = {}
    for name, entries in raw.items():
        if isinstance(name, str) and isinstance(entries, dict):
            templates[name] = {
                header: target
                for header, target in entries.items()
                if isinstance(header, str) and isinstance(target, str) and target in TARGETS
            }
    return templates


def template_names(data_dir: Path) -> list[str]:
    """Names of the saved mapping templates, sorted."""
    return sorted(_stored_templates(load_settings(data_dir)))


def save_mapping_template(data_dir: Path, name: str, mapping_by_header: Mapping[str, str]) -> None:
    """Save (or replace) a named template: header text → target, as from ``mapping_by_header``."""
    clean_name = " ".join(name.split())
    if not clean_name:
        raise ImportFileError("テンプレートの名前を入力してください。")
    unknown = sorted({target for target in mapping_by_header.values() if target not in TARGETS})
    if unknown:
        raise ImportFileError(f"取り込み先が正しくありません: {'、'.join(unknown)}")
    settings = load_settings(data_dir)
    raw = settings.get(TEMPLATES_KEY)
    templates: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
    templates[clean_name] = {str(header): target for header, target in mapping_by_header.items()}
    settings[TEMPLATES_KEY] = templates
    save_settings(data_dir, settings)


def load_mapping_template(data_dir: Path, name: str) -> dict[str, str]:
    """A saved template (header text → target); an unknown name raises :class:`ImportFileError`."""
    templates = _stored_templates(load_settings(data_dir))
    template = templates.get(" ".join(name.split()))
    if template is None:
        known = "、".join(f"「{n}」" for n in sorted(templates)) or "（保存されたテンプレートはありません）"
        raise ImportFileError(f"列の割り当てテンプレート「{name}」はありません。保存されているもの: {known}")
    return dict(template)


def delete_mapping_template(data_dir: Path, name: str) -> None:
    """Forget a saved template (no error when it does not exist)."""
    settings = load_settings(data_dir)
    raw = settings.get(TEMPLATES_KEY)
    if isinstance(raw, dict) and " ".join(name.split()) in raw:
        templates = dict(raw)
        del templates[" ".join(name.split())]
        settings[TEMPLATES_KEY] = templates
        save_settings(data_dir, settings)


def apply_template(headers: Sequence[str], template: Mapping[str, str]) -> dict[int, str]:
    """Column index → target for ``headers`` from a saved template (see
    :func:`kyodo_desktop.domain.column_mapping.mapping_from_template`)."""
    return mapping_from_template(headers, template)
