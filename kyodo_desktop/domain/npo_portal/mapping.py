"""One portal record → one import row: filtering, cell checks, 備考 lines and the mapping itself.

Things the portal data needs that other sources do not: 認定/特例認定 periods, 解散情報, the
従たる事務所 and the portal page's URL have no field of their own and go into 備考 as readable
lines (see :func:`portal_notes`). Addresses and municipalities are worked out in
:mod:`.addresses`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from kyodo_desktop.domain.fields import OrgStatus
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.npo_portal.addresses import (
    compact,
    municipality_parts,
    normalize_prefecture,
    row_prefecture,
    with_prefecture,
)
from kyodo_desktop.domain.npo_portal.layout import (
    ADDRESS,
    BRANCH,
    BUSINESS_YEAR_END,
    CERTIFIED,
    CORPORATE_NUMBER,
    DELEGATED,
    DISSOLUTION,
    ESTABLISHED,
    FIELD_HEADERS,
    KANA,
    NAME,
    NINTEI_CANCELLED,
    NINTEI_END,
    NINTEI_FLAGS,
    NINTEI_START,
    POSTAL,
    PURPOSE,
    REPRESENTATIVE,
    REPRESENTATIVE_KANA,
    TOKUREI_CANCELLED,
    TOKUREI_END,
    TOKUREI_START,
    URL,
    NpoLayout,
)
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import (
    UnsafeCharacterError,
    ValidationError,
    ValidationErrors,
    parse_date,
)

# -- filtering ------------------------------------------------------------------------------------


class SkipReason(StrEnum):
    """Why a record is left out of the import (the reader counts each)."""

    OTHER_PREFECTURE = "他の都道府県"
    DISSOLVED = "解散"


def _flag(layout: NpoLayout, cells: Sequence[str], header: str) -> bool:
    """Whether a cell holds anything but whitespace (○, 1, the label …)."""
    return bool(layout.cell(cells, header).strip())


def _is_dissolved(layout: NpoLayout, cells: Sequence[str]) -> bool:
    return _flag(layout, cells, DISSOLUTION)


def skip_reason(
    layout: NpoLayout, cells: Sequence[str], *, prefecture: str | None, skip_dissolved: bool
) -> SkipReason | None:
    """Why :func:`map_row` leaves this record out, or None if it is kept.

    ``prefecture`` None (or blank) keeps every prefecture; otherwise it is compared after
    :func:`normalize_prefecture` (千葉 = 千葉県). A record with the wrong number of cells is
    never left out: its columns cannot be trusted, so it is kept and reported.
    """
    if len(cells) != layout.columns:
        return None
    if prefecture is not None and prefecture.strip():
        wanted = normalize_prefecture(prefecture) or compact(prefecture)
        if row_prefecture(layout, cells) != wanted:
            return SkipReason.OTHER_PREFECTURE
    if skip_dissolved and _is_dissolved(layout, cells):
        return SkipReason.DISSOLVED
    return None


# -- cell checks ----------------------------------------------------------------------------------

#: A cell longer than this is refused (Excel's own limit is 32,767; real 目的 texts are far shorter).
MAX_CELL_CHARS = 40_000

# C0 and C1 controls and DEL; tab, CR and LF are ordinary in multi-line quoted fields.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(text: str) -> bool:
    """Whether text holds a character :func:`cell_problems` reports (readers check whole chunks)."""
    return _CONTROL.search(text) is not None


def cell_problems(
    layout: NpoLayout, cells: Sequence[str], row_number: int, *, controls_possible: bool = True
) -> list[RowProblem]:
    """Cells that are too long or hold control characters: reported, never silently cleaned.

    ``controls_possible`` False (the reader found none in the text the record came from) skips
    the search for control characters.
    """
    problems: list[RowProblem] = []
    if max(map(len, cells), default=0) <= MAX_CELL_CHARS and (
        not controls_possible or _CONTROL.search("".join(cells)) is None
    ):
        return problems  # the usual case, checked in one pass
    for header, cell in zip(layout.headers, cells, strict=False):
        if len(cell) > MAX_CELL_CHARS:
            problems.append(
                RowProblem(
                    row_number,
                    header,
                    f"セルが長すぎます（{len(cell):,}文字。{MAX_CELL_CHARS:,}文字までです）",
                )
            )
        control = _CONTROL.search(cell)
        if control is not None:
            problems.append(
                RowProblem(
                    row_number,
                    header,
                    f"制御文字（U+{ord(control.group()):04X}）が含まれています。ファイルが壊れていないか確認してください",
                )
            )
    return problems


# -- notes ----------------------------------------------------------------------------------------


def _period(label: str, start: date | None, end: date | None) -> str | None:
    if start is None and end is None:
        return None
    return f"{label}: {start.isoformat() if start else ''}〜{end.isoformat() if end else ''}"


def portal_notes(
    *,
    nintei: tuple[date | None, date | None, date | None] = (None, None, None),
    tokurei: tuple[date | None, date | None, date | None] = (None, None, None),
    renewing: bool = False,
    old_national: bool = False,
    dissolution: str = "",
    branches: str = "",
    url: str = "",
) -> str:
    """The 備考 text for what the portal says that has no field of its own, one item a line.

    ``nintei``/``tokurei`` are (start, end, cancelled). Example::

        認定: 2020-04-01〜2025-03-31
        特例認定: 2016-04-01〜2019-03-31
        解散: 2004年05月18日 社員総会の決議
        従たる事務所: 千葉県市川市… / 東京都…
        NPOポータル: https://www.npo-homepage.go.jp/npoportal/detail/…
    """
    lines: list[str | None] = [
        _period("認定", nintei[0], nintei[1]),
        f"認定取消: {nintei[2].isoformat()}" if nintei[2] else None,
        "認定の更新中" if renewing else None,
        "国税庁による旧認定" if old_national else None,
        _period("特例認定", tokurei[0], tokurei[1]),
        f"特例認定取消: {tokurei[2].isoformat()}" if tokurei[2] else None,
    ]
    if dissolution := nfkc(dissolution):
        lines.append(f"解散: {dissolution}")
    offices = [office for office in map(nfkc, branches.splitlines()) if office]
    if offices:
        lines.append("従たる事務所: " + " / ".join(offices))
    if url := nfkc(url):
        lines.append(f"NPOポータル: {url}")
    return "\n".join(line for line in lines if line)


# -- one record -----------------------------------------------------------------------------------

# Which column a validation error of an OrganizationInput field belongs to.
_FIELD_COLUMN: dict[str, str] = {
    "name": NAME,
    "kana": KANA,
    "legal_form": NINTEI_FLAGS[0],
    "corporate_number": CORPORATE_NUMBER,
    "municipality_code": ADDRESS,
    "municipality_name": ADDRESS,
    "postal_code": POSTAL,
    "address": ADDRESS,
    "representative": REPRESENTATIVE,
    "representative_kana": REPRESENTATIVE_KANA,
    "purpose": PURPOSE,
    "status": DISSOLUTION,
    "established_on": ESTABLISHED,
    "certified_on": CERTIFIED,
    "fields": FIELD_HEADERS[0],
    "business_year_end": BUSINESS_YEAR_END,
    "nintei_expires_on": NINTEI_END,
}

#: The dates read into a field of their own (the others go into 備考's lines).
_DATE_FIELDS: dict[str, str] = {
    ESTABLISHED: "established_on",
    CERTIFIED: "certified_on",
    NINTEI_END: "nintei_expires_on",
}

# OrganizationInput fields each layout has a column for (ImportRow.provided_fields). 備考 is
# left out on purpose: it is the officer's own text, and a re-import must not replace it with
# the portal's lines. 状態 is added only for dissolved records: the portal cannot say 休止, so
# "not dissolved" must not reset what the officer recorded.
_COMMON_FIELDS = frozenset(
    {
        "name",
        "legal_form",
        "corporate_number",
        "municipality_code",
        "municipality_name",
        "address",
        "representative",
        "purpose",
        "certified_on",
        "fields",
        "nintei_expires_on",
    }
)
_CURRENT_ONLY_FIELDS = frozenset(
    {"kana", "postal_code", "representative_kana", "established_on", "business_year_end"}
)


@functools.cache  # two layouts × dissolved or not
def _provided_fields(layout: NpoLayout, dissolved: bool) -> frozenset[str]:
    provided = _COMMON_FIELDS | (_CURRENT_ONLY_FIELDS if layout.has(KANA) else frozenset())
    return provided | {"status"} if dissolved else provided


def _legal_form(layout: NpoLayout, cells: Sequence[str]) -> str:
    if _flag(layout, cells, NINTEI_FLAGS[0]):
        return "認定特定非営利活動法人"
    if _flag(layout, cells, NINTEI_FLAGS[1]):
        return "特例認定特定非営利活動法人"
    return "特定非営利活動法人"


def map_row(
    layout: NpoLayout,
    cells: Sequence[str],
    row_number: int,
    *,
    prefecture: str | None,
    skip_dissolved: bool,
    controls_possible: bool = True,
) -> ImportRow | None:
    """One record of the portal CSV as an import row; None when it is filtered out.

    ``row_number`` is the row as Excel shows it (header = 1). Filtered out (see
    :func:`skip_reason`): another prefecture than ``prefecture`` (None: keep all), or dissolved
    with ``skip_dissolved``. A row with problems has ``data`` None and every problem listed,
    each with the column's header text. ``controls_possible``: see :func:`cell_problems`.
    """
    if len(cells) != layout.columns:
        message = (
            f"列の数が{len(cells)}列です（見出しは{layout.columns}列）。"
            '引用符（"）の閉じ忘れや余分なカンマがないか確認してください'
        )
        return ImportRow(row_number, None, [RowProblem(row_number, "", message)])
    if skip_reason(layout, cells, prefecture=prefecture, skip_dissolved=skip_dissolved) is not None:
        return None

    problems = cell_problems(layout, cells, row_number, controls_possible=controls_possible)
    index = layout.index  # the row has exactly the layout's columns (checked above)

    def cell(header: str) -> str:
        i = index(header)
        return "" if i is None else cells[i]

    def day(header: str) -> date | None:
        text = cell(header)
        if not text:
            return None
        try:
            return parse_date(text, header)
        except ValidationError as error:
            # a date of its own field can be left out (--drop-invalid); one of 備考's cannot
            problems.append(RowProblem(row_number, header, error.message, field=_DATE_FIELDS.get(header, "")))
            return None

    pref = row_prefecture(layout, cells)
    address = with_prefecture(cell(ADDRESS), pref)
    code, city = municipality_parts(address, pref, nfkc(cell(DELEGATED)))
    dissolution = cell(DISSOLUTION)
    dissolved = _is_dissolved(layout, cells)
    nintei = (day(NINTEI_START), day(NINTEI_END), day(NINTEI_CANCELLED))
    data = OrganizationInput(
        name=cell(NAME),
        kana=cell(KANA),
        legal_form=_legal_form(layout, cells),
        corporate_number=cell(CORPORATE_NUMBER),
        municipality_code=code,
        municipality_name=city,
        postal_code=cell(POSTAL),
        address=address,
        representative=cell(REPRESENTATIVE),
        representative_kana=cell(REPRESENTATIVE_KANA),
        purpose=cell(PURPOSE),
        status=(OrgStatus.DISSOLVED if dissolved else OrgStatus.ACTIVE).value,
        certified_on=day(CERTIFIED),
        established_on=day(ESTABLISHED),
        fields=[n for n, i in layout.field_columns if cells[i].strip()],
        # a cancelled 認定 has nothing to renew
        nintei_expires_on=nintei[1] if nintei[2] is None else None,
        business_year_end=cell(BUSINESS_YEAR_END),
        notes=portal_notes(
            nintei=nintei,
            tokurei=(day(TOKUREI_START), day(TOKUREI_END), day(TOKUREI_CANCELLED)),
            old_national=_flag(layout, cells, NINTEI_FLAGS[2]),
            renewing=_flag(layout, cells, NINTEI_FLAGS[3]),
            dissolution=dissolution,
            branches=cell(BRANCH),
            url=cell(URL),
        ),
    )
    draft = data  # as read: --drop-invalid imports the row without the values that fail
    try:
        data = validate_organization(data)
    except ValidationErrors as errors:
        problems.extend(
            RowProblem(row_number, _FIELD_COLUMN.get(error.field, ""), error.message, field=error.field)
            for error in errors.errors
            # cell_problems has named the cell's control characters already
            if not (isinstance(error, UnsafeCharacterError) and error.is_control)
        )
    provided = _provided_fields(layout, dissolved)
    if problems:
        return ImportRow(row_number, None, problems, provided_fields=provided, draft=draft)
    return ImportRow(row_number, data, provided_fields=provided)
