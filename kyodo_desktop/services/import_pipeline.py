"""The one import pipeline: format → read → header row → column mapping → rows → plan.

The CLI (``kyodo import``) and the import wizard both go through here, so a file gives the same
plan whichever way it is imported:

0. :func:`check_source_file` — only a regular file is read at all: opening a named pipe, a
   device or a socket would wait for ever (the CLI checks before it takes the write lock);
1. :func:`detect_format` — by the suffix (one list: :data:`ACCEPTED_SUFFIXES`; any other suffix
   is refused with one message), and for a CSV by its first row (the NPO portal's header);
2. :func:`read_source` — the file read ONCE, with the readers' hostile-file guards, into an
   :class:`ImportSource`: a list's header row is found while reading
   (:class:`~kyodo_desktop.services.import_lists.SourceTable`), a portal CSV is mapped by its
   fixed layout as it is read;
3. :func:`choose_mapping` — a list's column mapping: given explicitly, from a saved template, or
   proposed from the headers' synonyms (an :class:`~kyodo_desktop.domain.import_kind.ImportKind`
   knows its targets);
4. :func:`convert_rows` and :func:`plan` — the rows through the kind's row converter, then
   matched against the registry (:func:`kyodo_desktop.services.importing.plan_import`), which
   writes nothing; :func:`~kyodo_desktop.services.importing.apply_import` writes the plan.

:func:`prepare_import` runs steps 1–4 in one call (the CLI); the wizard runs them one page at a
time. Nothing here writes to the data file.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from kyodo_desktop.domain.column_mapping import IGNORE, ORGANIZATIONS
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.domain.importing import (
    ACCEPTED_SUFFIXES,
    ImportFileError,
    ImportRow,
    SourceFormat,
    format_of_suffix,
)
from kyodo_desktop.services import import_lists
from kyodo_desktop.services.import_lists import SourceTable
from kyodo_desktop.services.import_npo_portal import NpoPortalRead
from kyodo_desktop.services.importing import ImportPlan, plan_import
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "ACCEPTED_SUFFIXES",
    "ImportSource",
    "PreparedImport",
    "check_source_file",
    "choose_mapping",
    "convert_rows",
    "detect_format",
    "file_patterns",
    "plan",
    "prepare_import",
    "read_source",
]

#: ``progress(done, total)``; returning False cancels (an ImportFileError/KnownError is raised).
Progress = Callable[[int, int], bool]


def file_patterns() -> str:
    """The accepted suffixes as a file-dialog pattern: ``*.xlsx *.xlsm *.csv …``."""
    return " ".join(f"*{suffix}" for suffix in ACCEPTED_SUFFIXES)


def check_source_file(path: Path) -> None:
    """Refuse, without opening it, a path that is not a regular file (:class:`ImportFileError`).

    A folder, a named pipe (FIFO), a device such as ``/dev/zero`` or a socket: reading one waits
    for ever or never ends. A path that cannot be looked at (missing, no permission) is left to
    the reader, which says why.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ImportFileError(f"{path} はフォルダです。取り込むファイルを指定してください。")
    raise ImportFileError(
        f"{path} は通常のファイルではありません（名前付きパイプ、デバイスなど）。"
        "保存されたファイル（.xlsx、.csv）を指定してください。"
    )


def detect_format(path: Path) -> SourceFormat:
    """XLSX, CSV or NPO_PORTAL: by the suffix, and for a CSV by its first row.

    Raises :class:`ImportFileError` for a suffix no import reads (the same message everywhere)
    and for a path that is not a regular file (:func:`check_source_file`). A CSV that cannot be
    opened counts as a list CSV: its reader then says why.
    """
    path = Path(path)
    check_source_file(path)
    fmt = format_of_suffix(path)
    if fmt is SourceFormat.CSV:
        from kyodo_desktop.services.import_npo_portal import looks_like_npo_portal

        if looks_like_npo_portal(path):
            return SourceFormat.NPO_PORTAL
    return fmt


@dataclasses.dataclass
class ImportSource:
    """A file as read for one import: exactly one of ``table`` (a list) and ``portal`` is set."""

    path: Path
    format: SourceFormat
    kind: ImportKind = ORGANIZATIONS
    table: SourceTable | None = None
    portal: NpoPortalRead | None = None

    @property
    def needs_mapping(self) -> bool:
        """Whether the columns must be mapped (a list) or the layout is fixed (the portal CSV)."""
        return self.table is not None

    @property
    def headers(self) -> list[str]:
        """The header row of a list (empty for the portal CSV)."""
        return self.table.headers if self.table is not None else []


def read_source(
    path: Path,
    *,
    format: SourceFormat | None = None,
    kind: ImportKind = ORGANIZATIONS,
    sheet: str | None = None,
    prefecture: str | None = None,
    skip_dissolved: bool = False,
    progress: Progress | None = None,
    header_row: int | None = None,
) -> ImportSource:
    """Read the file once into an :class:`ImportSource`.

    ``format`` None detects it from the same open file (a CSV's first bytes tell a portal CSV
    from a list). ``sheet`` picks an .xlsx sheet (default the first visible one); ``prefecture``
    (None: all) and ``skip_dissolved`` filter a portal CSV. Raises :class:`ImportFileError` for
    a file that cannot or must not be read; ``progress`` returning False cancels.
    ``header_row`` says which row of a list holds its header (default: found).
    """
    path = Path(path)
    check_source_file(path)
    suffix_format = format_of_suffix(path)  # refused here whatever format was asked for
    wanted = format or suffix_format
    if wanted is SourceFormat.NPO_PORTAL:
        return ImportSource(
            path, wanted, kind, portal=_read_portal(path, kind, prefecture, skip_dissolved, progress)
        )
    if wanted is SourceFormat.CSV and suffix_format is SourceFormat.CSV and format is None:
        return _read_csv_or_portal(path, kind, prefecture, skip_dissolved, progress, header_row)
    table = import_lists.read_table(path, sheet=sheet, progress=progress, header_row=header_row, kind=kind)
    return ImportSource(path, table.format, kind, table=table)


def _require_portal(kind: ImportKind) -> None:
    if not kind.reads_npo_portal:
        raise ImportFileError(f"NPO法人ポータルサイトのCSVからは{kind.title}を取り込めません。")


def _portal_filter(kind: ImportKind, prefecture: str | None) -> str | None:
    """The normalised prefecture a portal read keeps (None: all), as :func:`read_npo_portal` has it."""
    from kyodo_desktop.domain.npo_portal import normalize_prefecture

    _require_portal(kind)
    if prefecture is None or not prefecture.strip():
        return None
    wanted = normalize_prefecture(prefecture)
    if wanted is None:
        raise ImportFileError(f"都道府県名が正しくありません: {prefecture}")
    return wanted


def _read_portal(
    path: Path, kind: ImportKind, prefecture: str | None, skip_dissolved: bool, progress: Progress | None
) -> NpoPortalRead:
    from kyodo_desktop.services.import_npo_portal import read_npo_portal

    _require_portal(kind)
    return read_npo_portal(path, prefecture=prefecture, skip_dissolved=skip_dissolved, progress=progress)


def _read_csv_or_portal(
    path: Path,
    kind: ImportKind,
    prefecture: str | None,
    skip_dissolved: bool,
    progress: Progress | None,
    header_row: int | None = None,
) -> ImportSource:
    """One open: the first bytes say portal CSV or list, then the same file object is read."""
    from kyodo_desktop.services.import_lists.csv_list import read_csv_stream
    from kyodo_desktop.services.import_lists.limits import open_error
    from kyodo_desktop.services.import_npo_portal import (
        HEAD_BYTES,
        head_is_npo_portal,
        read_npo_portal_stream,
    )

    try:
        fh = path.open("rb")
    except OSError as exc:
        raise open_error(path, exc) from exc
    with fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(HEAD_BYTES)
        except OSError as exc:
            raise open_error(path, exc) from exc
        if kind.reads_npo_portal and header_row is None and head_is_npo_portal(head):
            portal = read_npo_portal_stream(
                fh,
                size,
                path=path,
                prefecture=_portal_filter(kind, prefecture),
                skip_dissolved=skip_dissolved,
                progress=progress,
            )
            return ImportSource(path, SourceFormat.NPO_PORTAL, kind, portal=portal)
        table = read_csv_stream(path, fh, size, progress, header_row, kind)
    return ImportSource(path, SourceFormat.CSV, kind, table=table)


def choose_mapping(
    source: ImportSource,
    *,
    mapping: Mapping[int, str] | None = None,
    template: Mapping[str, str] | None = None,
    columns: Sequence[tuple[str, str]] = (),
) -> dict[int, str]:
    """A list's column mapping, every column listed (unmapped ones ``"ignore"``).

    ``mapping`` (explicit) wins over ``template`` (a saved one, header text → target), which
    wins over the proposal from the headers. ``columns`` then puts in the columns a person chose
    as ``(target label, header text or column letter)`` (``kyodo import --column 団体名=B``);
    one naming an unknown target or column raises
    :class:`~kyodo_desktop.domain.import_kind.ColumnChoiceError`. The portal CSV has none
    (empty dict).
    """
    headers = source.headers
    if source.table is None:
        return {}
    if mapping is not None:
        chosen = {index: mapping.get(index, IGNORE) for index in range(len(headers))}
    elif template is not None:
        from_template = source.kind.mapping_from_template(headers, template)
        chosen = {index: from_template.get(index, IGNORE) for index in range(len(headers))}
    else:
        chosen = source.kind.propose_mapping(headers)
    if columns:
        chosen = source.kind.with_columns(chosen, headers, columns)
    return chosen


def convert_rows(
    source: ImportSource, mapping: Mapping[int, str] | None = None, *, progress: Progress | None = None
) -> list[ImportRow]:
    """The source's rows for planning: a list's through ``mapping`` (default: proposed), the
    portal CSV's as read. Raises :class:`ImportFileError` for an unusable mapping."""
    if source.portal is not None:
        return list(source.portal.rows)
    assert source.table is not None
    used = choose_mapping(source) if mapping is None else mapping
    return import_lists.convert_table(source.table, used, progress=progress, kind=source.kind)


def plan(
    ws: Workspace,
    source: ImportSource,
    mapping: Mapping[int, str] | None = None,
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    """Convert the rows and match them against the registry; writes nothing."""
    rows = convert_rows(source, mapping, progress=progress)
    return plan_import(ws, rows, source_name=source.path.name, progress=progress)


@dataclasses.dataclass
class PreparedImport:
    """Everything :func:`prepare_import` worked out, ready for review or ``apply_import``."""

    source: ImportSource
    #: the column mapping used (lists; empty for the portal CSV)
    mapping: dict[int, str]
    plan: ImportPlan


def prepare_import(
    ws: Workspace,
    path: Path,
    *,
    format: SourceFormat | None = None,
    kind: ImportKind = ORGANIZATIONS,
    sheet: str | None = None,
    template_name: str | None = None,
    prefecture: str | None = None,
    skip_dissolved: bool = False,
    drop_invalid: bool = False,
    progress: Progress | None = None,
    plan_progress: Progress | None = None,
    header_row: int | None = None,
    columns: Sequence[tuple[str, str]] = (),
) -> PreparedImport:
    """Read, map (a saved template by name, else proposed), convert and plan, reading the file once.

    ``progress`` sees the read and the conversion, ``plan_progress`` the matching;
    ``header_row`` and ``columns`` are as for :func:`read_source` and :func:`choose_mapping`.
    ``drop_invalid`` plans rows without their invalid values (see :func:`plan_import`).
    """
    source = read_source(
        path,
        format=format,
        kind=kind,
        sheet=sheet,
        prefecture=prefecture,
        skip_dissolved=skip_dissolved,
        progress=progress,
        header_row=header_row,
    )
    template = None
    if template_name and source.needs_mapping:
        template = import_lists.load_mapping_template(ws.data_dir, template_name, kind=kind)
    mapping = choose_mapping(source, template=template, columns=columns)
    rows = convert_rows(source, mapping, progress=progress)
    planned = plan_import(
        ws, rows, source_name=source.path.name, drop_invalid=drop_invalid, progress=plan_progress
    )
    return PreparedImport(source, mapping, planned)
