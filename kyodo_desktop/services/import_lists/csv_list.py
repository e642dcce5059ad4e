"""Reading a CSV list: streamed, after a first pass that settles the encoding.

UTF-8 with or without BOM, else cp932, both strict; a file over
:data:`~.limits.MAX_UNCOMPRESSED_BYTES` or with a physical line over
:data:`~.limits.MAX_LINE_BYTES` is refused; a tab-separated file (Excel's テキスト形式) is
recognised by its first line.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO

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
_CHUNK = _MB


def _scan(path: Path, fh: IO[bytes], encoding: str) -> int | None:
    """Decode the whole file strictly in chunks; the number of line feeds, or None if it fails.

    Also refuses a physical line longer than :data:`limits.MAX_LINE_BYTES` (the csv module would build
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
                if run + first > limits.MAX_LINE_BYTES:
                    break
                lines += chunk.count(b"\n")
                run = len(chunk) - chunk.rfind(b"\n") - 1
            if run > limits.MAX_LINE_BYTES:
                break
        else:
            decoder.decode(b"", final=True)
            return lines + (1 if run else 0)
    except UnicodeDecodeError:
        return None
    raise ImportFileError(
        f"{path.name} には長すぎる行（{limits.MAX_LINE_BYTES // _MB} MB 超）があります。CSVファイルではないか、壊れています。"
    )


def _detect_encoding(path: Path, fh: IO[bytes]) -> tuple[str, int]:
    """(encoding, number of lines): UTF-8 with BOM, strict UTF-8, else strict cp932."""
    head = fh.read(8)
    if head.startswith(ZIP_MAGIC):
        raise ImportFileError(
            f"{path.name} はCSVファイルではなく、Excelファイル（.xlsx）のようです。拡張子を .xlsx にして選び直してください。"
        )
    if head.startswith(OLE_MAGIC):
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
        if number > limits.MAX_ROWS:
            raise too_many_rows(path)
        yield number, record


def _delimiter(fh: IO[str]) -> str:
    """Comma, or tab for a file whose first line has tabs and no commas (Excel's テキスト形式)."""
    first = fh.readline(64 * 1024)
    fh.seek(0)
    return "\t" if "\t" in first and "," not in first else ","


def read_csv(
    path: Path,
    progress: Progress | None,
    header_row: int | None = None,
    import_kind: ImportKind = ORGANIZATIONS,
) -> SourceTable:
    """Open ``path`` and read it as a CSV list (see :func:`read_csv_stream`)."""
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        raise open_error(path, exc) from exc
    with fh:
        return read_csv_stream(path, fh, size, progress, header_row, import_kind)


def read_csv_stream(
    path: Path,
    fh: IO[bytes],
    size: int,
    progress: Progress | None,
    header_row: int | None = None,
    import_kind: ImportKind = ORGANIZATIONS,
) -> SourceTable:
    """Read the already opened ``fh`` (``size`` bytes, at any position) as a CSV list."""
    if size > limits.MAX_UNCOMPRESSED_BYTES:
        raise ImportFileError(
            f"{path.name} は大きすぎるため読み込みません（{size / _MB:,.0f} MB。{limits.MAX_UNCOMPRESSED_BYTES // _MB} MB まで）。"
        )
    try:
        fh.seek(0)
        encoding, lines = _detect_encoding(path, fh)
        fh.seek(0)
    except OSError as exc:
        raise open_error(path, exc) from exc
    text = _text_stream(fh, encoding)
    try:
        return collect(
            path,
            _csv_records(path, text, _delimiter(text)),
            sheet="",
            encoding=encoding,
            kind=SourceFormat.CSV,
            total=lines,
            progress=progress,
            header_row=header_row,
            import_kind=import_kind,
        )
    finally:
        # the caller owns ``fh``: hand it back rather than leave the wrapper to close it
        text.detach()


def _text_stream(fh: IO[bytes], encoding: str) -> io.TextIOWrapper:
    """A strict text stream over ``fh`` with newlines left to the csv module."""
    return io.TextIOWrapper(fh, encoding=encoding, errors="strict", newline="")
