"""Reading an .xlsx list: the zip is checked before openpyxl parses it (with defusedxml).

An .xlsx is opened as a zip first. Not a zip (a CSV renamed, an old .xls, a password-protected
workbook) is refused by name. The declared uncompressed sizes must add up to at most
:data:`~.limits.MAX_UNCOMPRESSED_BYTES`, and no member over
:data:`~.limits.RATIO_CHECK_FROM_BYTES` may be compressed more than
:data:`~.limits.MAX_COMPRESSION_RATIO` times. The declared sizes can be trusted: :mod:`zipfile`
never inflates a member beyond its declared size (and checks its CRC). openpyxl must parse
sheets with defusedxml; an entity declaration (billion laughs) in a sheet makes defusedxml
raise, which is reported as such.

openpyxl reads the other parts (``[Content_Types].xml``, the ``_rels``, ``docProps``,
``xl/workbook.xml``, ``sharedStrings.xml``, ``styles.xml`` …) with a parser that expands
entities, so before openpyxl sees the file every XML part is read up to its root element with
DTDs forbidden: a DOCTYPE (the only place an entity can be declared) in any part is refused with
the same message as in a sheet.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.domain.importing import ImportFileError, SourceFormat
from kyodo_desktop.services.import_lists import limits
from kyodo_desktop.services.import_lists.limits import (
    OLE_MAGIC,
    ZIP_MAGIC,
    Progress,
    open_error,
    too_many_rows,
)
from kyodo_desktop.services.import_lists.table import SourceTable, collect

_MB = 1024 * 1024
# Excel stores characters that XML cannot hold as _xHHHH_; openpyxl hands them over escaped.
_EXCEL_ESCAPE_RE = re.compile(r"_x(00[01][0-9A-Fa-f])_")


def list_sheets(path: Path) -> list[str]:
    """Worksheet names of an .xlsx in workbook order."""
    with _Workbook(path) as wb:
        return [ws.title for ws in wb.worksheets]


def _not_xlsx(path: Path, detail: str = "") -> ImportFileError:
    return ImportFileError(f"{path.name} はExcelファイル（.xlsx）ではありません。{detail}".rstrip())


def _check_zip(path: Path, fh: IO[bytes]) -> None:
    """Refuse what is not a zip, or declares too much data or too high a compression ratio."""
    head = fh.read(8)
    fh.seek(0)
    if head.startswith(OLE_MAGIC):
        raise _not_xlsx(
            path,
            "古い形式（.xls）か、パスワード付きのファイルです。Excelで開き、パスワードを外して"
            "「Excelブック（.xlsx）」として保存し直してください。",
        )
    if not head.startswith(ZIP_MAGIC):
        raise _not_xlsx(path, "中身が別の形式（テキストやCSVなど）になっています。")
    try:
        with zipfile.ZipFile(fh) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _not_xlsx(path, "ファイルが壊れている可能性があります。") from exc
    finally:
        fh.seek(0)
    total = sum(member.file_size for member in members)
    if total > limits.MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(
            f"{path.name} は展開すると {total / _MB:,.0f} MB になるため読み込みません"
            f"（{limits.MAX_UNCOMPRESSED_BYTES // _MB} MB まで）。不正に作られたファイルの可能性があります。"
        )
    for member in members:
        if member.file_size <= limits.RATIO_CHECK_FROM_BYTES:
            continue
        ratio = member.file_size / member.compress_size if member.compress_size else float("inf")
        if ratio > limits.MAX_COMPRESSION_RATIO:
            raise ImportFileError(
                f"{path.name} の中の {member.filename} は圧縮率が異常に高い（{ratio:,.0f} 倍）ため"
                f"読み込みません（{limits.MAX_COMPRESSION_RATIO} 倍まで）。不正に作られたファイルの可能性があります。"
            )


#: Names of the parts that are XML whatever their first bytes (every other part is sniffed).
_XML_SUFFIXES = (".xml", ".rels", ".vml")
#: What an XML part may start with: "<" (after a BOM or white space), or UTF-16 without a BOM.
_XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<")
#: The markup that opens a DTD, in the encodings a parser detects by itself.
_DTD_MARKS = tuple(
    mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY") for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def _refuse_dtds(path: Path, fh: IO[bytes]) -> None:
    """Refuse a DOCTYPE in any XML part; an XML part unreadable up to its root is a broken file.

    Excel writes every part as well-formed UTF-8 (or UTF-16) XML without a DTD; a part only
    another parser could read would have to be trusted unseen.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    try:
        with zipfile.ZipFile(fh) as archive:
            for member in archive.infolist():
                if member.is_dir():
                    continue
                named_xml = member.filename.lower().endswith(_XML_SUFFIXES)
                with archive.open(member) as part:
                    head = part.read(limits.XML_HEAD_BYTES)
                if not named_xml and not head.lstrip().startswith(_XML_STARTS):
                    continue  # a picture or another binary part: openpyxl parses no XML from it
                try:
                    with archive.open(member) as part:
                        # the first "start" event is the root element: no DTD can follow it
                        next(iter(iterparse(part, events=("start",), forbid_dtd=True)), None)
                except DefusedXmlException as exc:
                    raise _entity_error(path) from exc
                except (SyntaxError, ValueError, LookupError) as exc:
                    # expat could not read it (broken, or an encoding it lacks, which the parser
                    # of the other parts may have): look for the markup itself
                    if any(mark in head for mark in _DTD_MARKS):
                        raise _entity_error(path) from exc
                    raise _broken_error(path, exc) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as exc:
        raise _broken_error(path, exc) from exc
    finally:
        fh.seek(0)


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
            raise open_error(path, exc) from exc
        try:
            try:
                _check_zip(path, self._fh)
            except OSError as exc:
                raise open_error(path, exc) from exc
            _require_defusedxml()
            try:
                _refuse_dtds(path, self._fh)
            except OSError as exc:
                raise open_error(path, exc) from exc
            self.book = self._load()
        except BaseException:
            self._fh.close()
            raise

    def _load(self) -> Any:
        from defusedxml import DefusedXmlException

        from kyodo_desktop.services.import_lists.xlsx_cells import load_workbook

        try:
            return load_workbook(self._fh)
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

    from kyodo_desktop.services.import_lists.xlsx_cells import sheet_values

    broken = _parser_errors()
    rows = sheet_values(ws)
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
        if number > limits.MAX_ROWS:
            raise too_many_rows(path)
        yield number, [_xlsx_text(value) for value in values] if values else []


def open_workbook(path: Path) -> _Workbook:
    """The workbook at ``path`` read only, after every guard above; use it as a context manager.

    For readers of a fixed layout (the partner's evaluation form) that need the guards but not
    a list's header row; ``.worksheets`` are openpyxl's read-only sheets, hidden ones included.
    """
    return _Workbook(path)


def sheet_texts(path: Path, ws: Any) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cell texts)`` of a sheet of :func:`open_workbook`, as a list is read.

    Rows are bounded by :data:`~.limits.MAX_ROWS`; the sheet's declared dimension is dropped so
    a lying one cannot pad every row to 16,384 cells.
    """
    ws.reset_dimensions()
    return _xlsx_records(path, ws)


def read_xlsx(
    path: Path,
    sheet: str | None,
    progress: Progress | None,
    header_row: int | None = None,
    import_kind: ImportKind = ORGANIZATIONS,
) -> SourceTable:
    with _Workbook(path) as wb:
        ws = _pick_sheet(wb, sheet)
        declared = ws.max_row  # from the sheet's <dimension>; may be missing or wrong
        if isinstance(declared, int) and declared > limits.MAX_ROWS:
            raise too_many_rows(path)
        # Without dimensions openpyxl pads no row to the declared width: a lying <dimension>
        # cannot make every row 16,384 cells wide.
        ws.reset_dimensions()
        total = declared if isinstance(declared, int) else 0
        return collect(
            path,
            _xlsx_records(path, ws),
            sheet=ws.title,
            encoding="",
            kind=SourceFormat.XLSX,
            total=total,
            progress=progress,
            header_row=header_row,
            import_kind=import_kind,
        )
