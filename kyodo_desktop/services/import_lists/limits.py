"""Limits of the list readers, the progress callback and the errors every part of them raises.

The limits are read as ``limits.NAME`` at the time of use, so a test may lower one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kyodo_desktop.domain.importing import ImportFileError

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
#: Bytes read from the start of each part of an .xlsx to tell XML from pictures and, when the
#: XML parser cannot read a part, to look for a DTD in it (a DTD must come before the root).
XML_HEAD_BYTES = 64 * 1024
#: Rows between two calls of the progress callback.
PROGRESS_EVERY = 1000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
ZIP_MAGIC = b"PK\x03\x04"
_CANCELLED_MESSAGE = "取り込みを中止しました。"

#: ``progress(done, total)``: rows done of about ``total`` (0 when unknown); False cancels.
Progress = Callable[[int, int], bool]


class ImportCancelled(ImportFileError):
    """The officer cancelled while the file was being read; nothing was written."""

    def __init__(self, message: str = _CANCELLED_MESSAGE) -> None:
        super().__init__(message)


def report(progress: Progress | None, done: int, total: int) -> None:
    """Call the progress callback; raise :class:`ImportCancelled` when it says stop."""
    if progress is not None and not progress(done, total):
        raise ImportCancelled()


def open_error(path: Path, exc: OSError) -> ImportFileError:
    """The file could not be opened or read."""
    return ImportFileError(f"{path.name} を開けません（{exc.strerror or exc}）。")


def too_many_rows(path: Path) -> ImportFileError:
    """More rows than :data:`MAX_ROWS`."""
    return ImportFileError(f"{path.name} は行数が多すぎるため読み込みません（{MAX_ROWS:,} 行まで）。")
