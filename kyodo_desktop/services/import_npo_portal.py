"""Read the NPO portal's 行政入力情報 CSV into import rows, safely and in bounded memory.

The file is streamed: bytes are decoded incrementally (UTF-8 with or without BOM, else cp932,
always strictly), cut into lines, and parsed by the csv module, so quoted fields with newlines
work and a 200 MB file never becomes one string. Whatever is wrong with the file as a whole
(too big, too many rows, not a CSV, not this layout, undecodable) ends in an
:class:`~kyodo_desktop.domain.importing.ImportFileError` with a Japanese message; what is wrong
with one record becomes a :class:`~kyodo_desktop.domain.importing.RowProblem` of that row (see
:func:`kyodo_desktop.domain.npo_portal.map_row`). Nothing here writes anything.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from kyodo_desktop.domain.importing import ImportFileError, ImportRow
from kyodo_desktop.domain.npo_portal import (
    NpoLayout,
    SkipReason,
    has_control_characters,
    identify_layout,
    map_row,
    normalize_prefecture,
    skip_reason,
)
from kyodo_desktop.services.gc_pacing import sparse_collection

__all__ = [
    "HEAD_BYTES",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "MAX_RECORDS",
    "PROGRESS_EVERY",
    "NpoPortalRead",
    "ReadCancelled",
    "head_is_npo_portal",
    "looks_like_npo_portal",
    "read_npo_portal",
    "read_npo_portal_stream",
]

#: Files larger than this are refused before reading (the national file is about 60 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: More records than Excel has rows are refused.
MAX_RECORDS = 1_048_576
#: One physical line longer than this is refused (60 cells of 40,000 characters fit easily).
MAX_LINE_CHARS = 8_000_000
#: ``progress`` is called after every this many records.
PROGRESS_EVERY = 1000

_CHUNK = 1 << 16
_ENCODING_LABELS = {"utf-8-sig": "UTF-8（BOM付き）", "utf-8": "UTF-8", "cp932": "Shift_JIS（cp932）"}


@dataclasses.dataclass
class NpoPortalRead:
    """What :func:`read_npo_portal` found.

    ``total_records`` counts every non-blank record after the header; ``rows`` holds those kept
    (with or without problems); ``other_prefecture`` and ``dissolved_skipped`` count those left
    out, so ``len(rows) + other_prefecture + dissolved_skipped == total_records``.
    """

    rows: list[ImportRow]
    layout_name: str
    encoding: str
    total_records: int
    other_prefecture: int
    dissolved_skipped: int


class ReadCancelled(ImportFileError):
    """The officer cancelled the read (``progress`` returned False); nothing was written."""

    def __init__(self) -> None:
        super().__init__("取り込みを中止しました。")


def _refuse_non_csv(head: bytes) -> None:
    """Refuse files that are plainly something else, before any decoding."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        raise ImportFileError(
            "ZIP 形式のファイルです（Excel の .xlsx も ZIP です）。NPO法人ポータルからダウンロードした"
            " ZIP は展開して、中の CSV ファイルを選んでください。"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError("Excel 97-2003（.xls）などのファイルです。CSV ファイルを選んでください。")
    if head.startswith(b"%PDF"):
        raise ImportFileError("PDF ファイルです。CSV ファイルを選んでください。")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(
            "UTF-16 の CSV には対応していません。UTF-8 または Shift_JIS（cp932）で保存し直してください。"
        )
    if b"\x00" in head:
        raise ImportFileError("CSV ではないファイルです（NUL 文字を含むバイナリファイルです）。")


def _detect_encoding(head: bytes, at_end: bool) -> str:
    """utf-8-sig, utf-8 or cp932, judged from the first bytes (a header is never ASCII-only).

    When neither decodes all of them, the one that decodes further wins if that includes the
    whole first line, so a bad byte in a later record is reported with its row number.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    best, best_length = "", -1
    for encoding in ("utf-8", "cp932"):
        try:
            codecs.getincrementaldecoder(encoding)("strict").decode(head, final=at_end)
        except UnicodeDecodeError as exc:
            if exc.start > best_length:
                best, best_length = encoding, exc.start
            continue
        return encoding
    first_line_end = head.find(b"\n")
    if 0 <= first_line_end < best_length:
        return best
    raise ImportFileError(
        "文字コードが UTF-8 でも Shift_JIS（cp932）でもありません。CSV ファイルか確かめてください。"
    )


class _Lines:
    """The decoded lines of a binary stream, each with its line ending, in bounded memory.

    ``bytes_read`` tells how far the stream has been consumed (for progress). Raises
    UnicodeDecodeError on bytes the encoding cannot decode and ImportFileError on NUL, an
    over-long line or more bytes than ``MAX_FILE_BYTES``.
    """

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._stream = stream
        self._encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self.bytes_read = 0
        #: whether any text handed on so far held a control character (see cell_problems)
        self.controls_seen = False

    def _texts(self) -> Iterator[str]:
        while True:
            chunk = self._stream.read(_CHUNK)
            self.bytes_read += len(chunk)
            if self.bytes_read > MAX_FILE_BYTES:
                raise ImportFileError(_too_big(self.bytes_read))
            try:
                text = self._decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                # Hand on what decodes before the bad byte first, so that the error is raised
                # while the record that holds it is read, and reported with its row number.
                valid = bytes(exc.object[: exc.start])
                if valid:
                    yield valid.decode(self._encoding)
                raise
            if "\x00" in text:
                raise ImportFileError("CSV ではないファイルです（NUL 文字を含むバイナリファイルです）。")
            if text:
                yield text
            if not chunk:
                return

    def __iter__(self) -> Iterator[str]:
        pending: list[str] = []  # the start of a line that continues in the next chunk
        pending_len = 0
        for text in self._texts():
            self.controls_seen = self.controls_seen or has_control_characters(text)
            # Splitting a whole chunk at once is done in C; every part but the last ends a
            # line, and is at most a chunk long, so only ``pending`` can grow past the limit.
            parts = text.split("\n")
            last = parts.pop()
            if parts:
                if pending:
                    pending.append(parts[0])
                    parts[0] = "".join(pending)
                    pending.clear()
                    pending_len = 0
                yield from [part + "\n" for part in parts]
            if last:
                pending.append(last)
                pending_len += len(last)
                if pending_len > MAX_LINE_CHARS:
                    raise ImportFileError(
                        f"1 行が長すぎます（{MAX_LINE_CHARS:,} 文字超）。CSV ファイルか確かめてください。"
                    )
        if pending:
            yield "".join(pending)


def _too_big(size: int) -> str:
    return (
        f"ファイルが大きすぎます（{size / 1_000_000:,.0f} MB）。"
        f"{MAX_FILE_BYTES / 1024 / 1024:,.0f} MB までのファイルを読み込めます。"
    )


def _open(path: Path) -> tuple[BinaryIO, int]:
    """The opened file and its size, after the checks that need no reading."""
    try:
        if path.is_dir():
            raise ImportFileError(f"フォルダーです。CSV ファイルを選んでください: {path.name}")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(_too_big(size))
        return path.open("rb"), size
    except FileNotFoundError as exc:
        raise ImportFileError(f"ファイルが見つかりません: {path}") from exc
    except OSError as exc:
        raise ImportFileError(f"ファイルを読めません: {path}（{exc.strerror or exc}）") from exc


@sparse_collection()
def read_npo_portal(
    path: Path,
    *,
    prefecture: str | None = "千葉県",
    skip_dissolved: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> NpoPortalRead:
    """Read a 行政入力情報 CSV: every record mapped, validated and numbered as Excel shows it.

    ``prefecture`` keeps only that prefecture's corporations (None: all); ``skip_dissolved``
    leaves out dissolved ones. ``progress(bytes_read, file_size)`` is called every
    ``PROGRESS_EVERY`` records and once at the end; returning False cancels (ReadCancelled,
    an ImportFileError). Raises ImportFileError for a file that cannot be read as a whole.
    """
    wanted: str | None = None
    if prefecture is not None and prefecture.strip():
        wanted = normalize_prefecture(prefecture)
        if wanted is None:
            raise ImportFileError(f"都道府県名が正しくありません: {prefecture}")
    stream, size = _open(path)
    with stream:
        return read_npo_portal_stream(
            stream, size, path=path, prefecture=wanted, skip_dissolved=skip_dissolved, progress=progress
        )


def read_npo_portal_stream(
    stream: BinaryIO,
    size: int,
    *,
    path: Path,
    prefecture: str | None,
    skip_dissolved: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> NpoPortalRead:
    """Read an already opened 行政入力情報 CSV of ``size`` bytes (see :func:`read_npo_portal`).

    ``prefecture`` is the normalised prefecture name or None (all). The stream is read from its
    start; ``path`` only names the file in messages.
    """
    if size > MAX_FILE_BYTES:
        raise ImportFileError(_too_big(size))
    try:
        stream.seek(0)
        head = stream.read(_CHUNK)
        stream.seek(0)
    except OSError as exc:
        raise ImportFileError(f"ファイルを読めません: {path}（{exc.strerror or exc}）") from exc
    if not head:
        raise ImportFileError("ファイルが空です。")
    _refuse_non_csv(head)
    encoding = _detect_encoding(head, at_end=len(head) < _CHUNK)
    lines = _Lines(stream, encoding)
    return _read_records(
        csv.reader(lines),
        lines,
        encoding,
        size,
        prefecture=prefecture,
        skip_dissolved=skip_dissolved,
        progress=progress,
    )


def _read_records(
    reader: Iterator[list[str]],
    lines: _Lines,
    encoding: str,
    size: int,
    *,
    prefecture: str | None,
    skip_dissolved: bool,
    progress: Callable[[int, int], bool] | None,
) -> NpoPortalRead:
    row_number = 0  # as Excel numbers rows: the header is row 1, a multi-line record is one row
    layout: NpoLayout | None = None
    rows: list[ImportRow] = []
    total = other = dissolved = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{row_number + 1:,} 行目付近に{_ENCODING_LABELS[encoding]}として読めない文字があります。"
                "ファイルが壊れていないか、文字コードが混ざっていないか確かめてください。"
            ) from exc
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                detail = 'セルが長すぎます。引用符（"）が閉じていない可能性があります'
            else:
                detail = f"CSV の形式が正しくありません（{exc}）"
            raise ImportFileError(f"{row_number + 1:,} 行目付近: {detail}。") from exc
        except OSError as exc:
            raise ImportFileError(f"ファイルを読めません（{exc.strerror or exc}）。") from exc
        row_number += 1
        if layout is None:
            layout = identify_layout(cells)
            continue
        if row_number - 1 > MAX_RECORDS:
            raise ImportFileError(
                f"行が多すぎます（{MAX_RECORDS:,} 行を超えています）。このファイルは読み込めません。"
            )
        # (the first cell is nearly always filled, which settles it without looking at all 60)
        if not (cells and (cells[0].strip() or any(cell.strip() for cell in cells))):
            continue  # a blank line still takes up a row in Excel, so it keeps its number
        total += 1
        if (
            progress is not None
            and total % PROGRESS_EVERY == 0
            and progress(lines.bytes_read, max(size, lines.bytes_read)) is False
        ):
            raise ReadCancelled
        # The filter first: most records of the national file are another prefecture's.
        reason = skip_reason(layout, cells, prefecture=prefecture, skip_dissolved=skip_dissolved)
        if reason is SkipReason.OTHER_PREFECTURE:
            other += 1
        elif reason is SkipReason.DISSOLVED:
            dissolved += 1
        else:
            row = map_row(
                layout,
                cells,
                row_number,
                prefecture=prefecture,
                skip_dissolved=skip_dissolved,
                controls_possible=lines.controls_seen,
            )
            if row is not None:
                rows.append(row)
    if layout is None:
        raise ImportFileError("ファイルが空です。")
    if progress is not None:
        done = max(size, lines.bytes_read)
        if progress(done, done) is False:
            raise ReadCancelled
    return NpoPortalRead(
        rows=rows,
        layout_name=layout.name,
        encoding=encoding,
        total_records=total,
        other_prefecture=other,
        dissolved_skipped=dissolved,
    )


def looks_like_npo_portal(path: Path) -> bool:
    """Whether a file's first row is the portal CSV's header (for choosing the import format).

    Reads at most the first 64 KB; never raises for an unreadable or foreign file.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(_CHUNK)
    except OSError:
        return False
    return head_is_npo_portal(head)


def head_is_npo_portal(head: bytes) -> bool:
    """Whether the first bytes of a file (up to 64 KB) start with the portal CSV's header row."""
    try:
        _refuse_non_csv(head)
        encoding = _detect_encoding(head, at_end=len(head) < _CHUNK)
        text = codecs.getincrementaldecoder(encoding)("strict").decode(head, final=len(head) < _CHUNK)
        header = next(csv.reader(text.splitlines()[:1]), [])
        identify_layout(header)
    except (ImportFileError, UnicodeDecodeError, csv.Error, StopIteration):
        return False
    return True


#: How many first bytes :func:`head_is_npo_portal` looks at.
HEAD_BYTES = _CHUNK
