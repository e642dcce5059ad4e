"""Column mapping for Excel and CSV lists: which source column feeds which organization field.

An officer's list has headers like 団体名, ＴＥＬ or ﾌﾘｶﾞﾅ in any order. :func:`propose_mapping`
guesses a target for each column from header synonyms, the officer may change it (and save it
as a named template), and :func:`row_to_input` turns one source row into an :class:`ImportRow`
with the same validation as manual entry. Problems name the column by its *source* header, so
the officer finds it in their own file.

Pure: no file access here; the readers live in ``services/import_lists.py``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from kyodo_desktop.domain.column_synonyms import EXCLUDED, RECORD_ID, SUFFIXES, SYNONYMS
from kyodo_desktop.domain.fields import activity_field_code
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.import_kind import (
    IGNORE,
    IGNORE_LABEL,
    CellParser,
    ImportKind,
    ImportTarget,
    column_label,
    column_letter,
    header_key,
)
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.name_cell import other_address_note, same_address, split_name_cell
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import (
    UnsafeCharacterError,
    ValidationError,
    ValidationErrors,
    parse_date,
)

__all__ = [
    "EXCLUDED",
    "IGNORE",
    "ORGANIZATIONS",
    "RECORD_ID",
    "SUFFIXES",
    "SYNONYMS",
    "TARGETS",
    "column_label",
    "column_letter",
    "header_key",
    "mapping_by_header",
    "mapping_from_template",
    "mapping_problems",
    "propose_mapping",
    "provided_fields",
    "row_to_input",
    "split_activity_fields",
]


#: Every importable target with the label shown in the mapping step, in form order.
TARGETS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ImportTarget", "団体名"),
    "kana": QT_TRANSLATE_NOOP("ImportTarget", "フリガナ"),
    "legal_form": QT_TRANSLATE_NOOP("ImportTarget", "法人格"),
    "corporate_number": QT_TRANSLATE_NOOP("ImportTarget", "法人番号"),
    "municipality_code": QT_TRANSLATE_NOOP("ImportTarget", "市町村コード"),
    "municipality_name": QT_TRANSLATE_NOOP("ImportTarget", "市町村"),
    "postal_code": QT_TRANSLATE_NOOP("ImportTarget", "郵便番号"),
    "address": QT_TRANSLATE_NOOP("ImportTarget", "住所"),
    "phone": QT_TRANSLATE_NOOP("ImportTarget", "電話番号"),
    "fax": QT_TRANSLATE_NOOP("ImportTarget", "FAX"),
    "email": QT_TRANSLATE_NOOP("ImportTarget", "メールアドレス"),
    "website": QT_TRANSLATE_NOOP("ImportTarget", "ウェブサイト"),
    "representative": QT_TRANSLATE_NOOP("ImportTarget", "代表者"),
    "representative_kana": QT_TRANSLATE_NOOP("ImportTarget", "代表者フリガナ"),
    "purpose": QT_TRANSLATE_NOOP("ImportTarget", "活動目的"),
    "status": QT_TRANSLATE_NOOP("ImportTarget", "状態"),
    "tags": QT_TRANSLATE_NOOP("ImportTarget", "タグ"),
    "notes": QT_TRANSLATE_NOOP("ImportTarget", "備考"),
    "established_on": QT_TRANSLATE_NOOP("ImportTarget", "設立日"),
    "certified_on": QT_TRANSLATE_NOOP("ImportTarget", "認証日"),
    "member_count": QT_TRANSLATE_NOOP("ImportTarget", "会員数"),
    "fields": QT_TRANSLATE_NOOP("ImportTarget", "活動分野"),
    "business_year_end": QT_TRANSLATE_NOOP("ImportTarget", "事業年度終了日"),
    "nintei_expires_on": QT_TRANSLATE_NOOP("ImportTarget", "認定満了日"),
    RECORD_ID: QT_TRANSLATE_NOOP("ImportTarget", "ID（協働デスク）"),
    IGNORE: IGNORE_LABEL,
}


def propose_mapping(headers: Sequence[str]) -> dict[int, str]:
    """A target for every column, guessed from its header; each target at most once (first wins)."""
    return ORGANIZATIONS.propose_mapping(headers)


def mapping_by_header(headers: Sequence[str], mapping: Mapping[int, str]) -> dict[str, str]:
    """A mapping keyed by header text, as saved in a template (blank headers are left out)."""
    result: dict[str, str] = {}
    for index, header in enumerate(headers):
        text = header.strip()
        if text and text not in result:
            result[text] = mapping.get(index, IGNORE)
    return result


def mapping_from_template(headers: Sequence[str], template: Mapping[str, str]) -> dict[int, str]:
    """Apply a saved template (see :meth:`ImportKind.mapping_from_template`)."""
    return ORGANIZATIONS.mapping_from_template(headers, template)


def mapping_problems(mapping: Mapping[int, str], headers: Sequence[str]) -> list[str]:
    """Why a mapping cannot be used (in Japanese); empty when it can."""
    return ORGANIZATIONS.mapping_problems(mapping, headers)


# Item separators in an 活動分野 cell: 、 , ， ; ； / ／ ・ ･ and whitespace (incl. newlines).
_FIELD_TOKEN = re.compile(r"[^、,，;；/／・･\s]+")
_FIELD_NUMBER = re.compile(r"第?[0-9]{1,2}号?")
# The longest label split by its own punctuation: 学術・文化・芸術・スポーツ has four parts.
_MAX_LABEL_PARTS = 6


def split_activity_fields(text: str) -> tuple[list[int], list[str]]:
    """Codes (1–20) named in an 活動分野 cell, and the labels that are not known.

    Labels may themselves contain 、 or ・ (保健・医療・福祉, 保健、医療又は福祉の増進を図る活動), so
    the cell is cut at every separator and the longest run of pieces that is a known label wins.
    Numbers are never joined ("1、3" is 1 and 3, not 13). Unknown pieces joined by ・ are
    reported as one label.
    """
    codes, unknown = _split_activity_fields(text)
    return list(codes), list(unknown)


# A list repeats the same few 活動分野 cells on thousands of rows.
@functools.lru_cache(maxsize=4096)
def _split_activity_fields(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    tokens = [(m.start(), m.end(), nfkc(m.group())) for m in _FIELD_TOKEN.finditer(text)]
    codes: list[int] = []
    unknown: list[str] = []
    run_start: int | None = None
    run_end = 0

    def close_run() -> None:
        nonlocal run_start
        if run_start is not None:
            unknown.append(nfkc(text[run_start:run_end]))
            run_start = None

    i = 0
    while i < len(tokens):
        found: tuple[int, int] | None = None
        last = min(len(tokens), i + _MAX_LABEL_PARTS)
        for j in range(last, i, -1):
            parts = [token for _, _, token in tokens[i:j]]
            if j - i > 1 and any(_FIELD_NUMBER.fullmatch(part) for part in parts):
                continue
            code = activity_field_code("".join(parts))
            if code is not None:
                found = (code, j)
                break
        if found is None:
            start, end, _ = tokens[i]
            if run_start is not None and text[run_end:start].strip() in ("・", "･"):
                run_end = end
            else:
                close_run()
                run_start, run_end = start, end
            i += 1
            continue
        close_run()
        code, i = found
        if code not in codes:
            codes.append(code)
    close_run()
    return tuple(codes), tuple(unknown)


#: OrganizationInput fields that take the cell text as is (the others are dates, numbers, lists)
_TEXT_TARGETS = frozenset(f.name for f in dataclasses.fields(OrganizationInput) if f.type == "str")
_DATE_TARGETS = frozenset({"established_on", "certified_on", "nintei_expires_on"})
_COUNT_RE = re.compile(r"([0-9]+)(?:\.0+)?")
_NO_PROBLEMS: tuple[str, ...] = ()


def _member_count(text: str) -> int:
    """会員数 as typed: 1,234 / 1234人 / 12.0 (a number cell); anything else is an error."""
    compact = "".join(nfkc(text).split()).replace(",", "").removesuffix("人").removesuffix("名")
    match = _COUNT_RE.fullmatch(compact)
    if match is None:
        raise ValidationError("member_count", "会員数は0以上の整数で入力してください")
    return int(match[1])


# Excel shows 0431234567 typed into a number cell as 431234567, and lists saved as CSV keep it so.
# Every Japanese phone number starts with 0 and has 10 or 11 digits, every postal code has 7, so
# digits alone and that much too short lost their leading zeros; they are put back.
def _restore_lost_zero(target: str, text: str) -> str:
    """Put back the leading zeros a spreadsheet dropped from a phone number or postal code."""
    if not (text.isascii() and text.isdigit()) or text.startswith("0"):
        return text
    if target in ("phone", "fax") and len(text) in (9, 10):
        return "0" + text
    if target == "postal_code" and len(text) in (5, 6):
        return text.zfill(7)
    return text


# -- the parsers of the organization targets: cell text -> (value, problems) ----------------------


def _as_text(text: str) -> tuple[str, Sequence[str]]:
    return text, _NO_PROBLEMS


def _digits_parser(target: str) -> CellParser:
    def parse(text: str) -> tuple[str, Sequence[str]]:
        return _restore_lost_zero(target, text), _NO_PROBLEMS

    return parse


def _date_parser(target: str) -> CellParser:
    def parse(text: str) -> tuple[date | None, Sequence[str]]:
        try:
            return parse_date(text, target), _NO_PROBLEMS
        except ValidationError as error:
            return None, (f"{error.message}: {nfkc(text)}",)

    return parse


def _parse_member_count(text: str) -> tuple[int | None, Sequence[str]]:
    if not text.strip():
        return None, _NO_PROBLEMS
    try:
        return _member_count(text), _NO_PROBLEMS
    except ValidationError as error:
        return None, (f"{error.message}: {nfkc(text)}",)


def _parse_fields(text: str) -> tuple[list[int], Sequence[str]]:
    codes, unknown = split_activity_fields(text)
    return codes, tuple(f"活動分野が一覧にありません: {label}" for label in unknown)


def _parse_record_id(text: str) -> tuple[str, Sequence[str]]:
    if not text.strip():
        return "", _NO_PROBLEMS
    try:
        return str(uuid.UUID(nfkc(text))), _NO_PROBLEMS  # the stored form: lowercase, hyphens
    except ValueError:
        return "", (f"IDの形式が正しくありません: {nfkc(text)}",)


def _parser_of(target: str) -> CellParser:
    if target in ("phone", "fax", "postal_code"):
        return _digits_parser(target)
    if target in _TEXT_TARGETS:
        return _as_text
    if target in _DATE_TARGETS:
        return _date_parser(target)
    return {"member_count": _parse_member_count, "fields": _parse_fields, RECORD_ID: _parse_record_id}[target]


def row_to_input(
    mapping: Mapping[int, str],
    cells: Sequence[str],
    row_number: int,
    sheet: str = "",
    *,
    headers: Sequence[str] = (),
) -> ImportRow | None:
    """Convert one source row through ``mapping``; None when every imported cell is blank.

    Cell text is converted per target (活動分野 labels to codes, dates by :func:`parse_date`,
    会員数 to an int), then the record goes through :func:`validate_organization`. Every problem
    becomes a :class:`RowProblem` naming the source header (``headers``; ``C列`` when blank).
    ``data`` is the validated record when validation passed, even if a conversion problem was
    found; the row is importable only when :attr:`ImportRow.ok`. ``provided_fields`` names the
    fields the mapping has a column for, so an update leaves the others alone.
    """
    column_of: dict[str, int] = {}
    values: dict[str, str] = {}
    for index, target in mapping.items():
        if target == IGNORE or target not in TARGETS or target in column_of:
            continue
        column_of[target] = index
        values[target] = cells[index] if 0 <= index < len(cells) else ""
    if not any(value.strip() for value in values.values()):
        return None

    def where(target: str) -> str:
        index = column_of.get(target)
        return column_label(index, headers) if index is not None else TARGETS.get(target, target)

    filled_from_name: tuple[str, ...] = ()
    remarks: list[RowProblem] = []
    if "name" in values:
        # 名称及び住所: the name alone; its address for the address when no column gives one
        values["name"], address = split_name_cell(values["name"])
        mapped = values.get("address", "")
        if address and not mapped.strip():
            values["address"] = address
            filled_from_name = () if "address" in column_of else ("address",)
        elif address and not same_address(mapped, address):
            # the 住所 column is the officer's choice; the other address is told, never lost silently
            remarks.append(
                RowProblem(row_number, where("name"), other_address_note(address, where("address")), sheet)
            )

    # (column position, problem): reported left to right as the officer reads the row.
    found: list[tuple[int, RowProblem]] = []

    def problem(target: str, message: str) -> None:
        order = column_of.get(target, len(headers) + len(cells))
        found.append((order, RowProblem(row_number, where(target), message, sheet, field=target)))

    data = OrganizationInput()
    record_id = ""
    parsers = ORGANIZATIONS.parsers
    for target, text in values.items():
        value, messages = parsers[target](text)
        for message in messages:
            problem(target, message)
        if target == RECORD_ID:
            record_id = value
        else:
            setattr(data, target, value)

    clean: OrganizationInput | None
    try:
        clean = validate_organization(data)
    except ValidationErrors as errors:
        clean = None
        for error in errors.errors:
            if isinstance(error, UnsafeCharacterError) and error.is_control:
                continue  # the list reader has named the cell's control characters already
            problem(error.field, error.message)
    found.sort(key=lambda item: item[0])  # stable: a column's own messages keep their order
    return ImportRow(
        row_number=row_number,
        data=clean,
        problems=[p for _, p in found],
        record_id=record_id,
        sheet=sheet,
        provided_fields=provided_fields([*column_of, *filled_from_name]),
        draft=data,
        remarks=remarks,
    )


_ORGANIZATION_FIELDS = frozenset(f.name for f in dataclasses.fields(OrganizationInput))
_MUNICIPALITY_SOURCES = frozenset({"municipality_code", "municipality_name", "address"})


def provided_fields(targets: Iterable[str]) -> frozenset[str]:
    """The organization fields a file with these mapped targets carries (for updates).

    市町村 is settled from its code, its name or the address together, so a file with any of
    them provides both municipality fields.
    """
    fields = {target for target in targets if target in _ORGANIZATION_FIELDS}
    if fields & _MUNICIPALITY_SOURCES:
        fields |= {"municipality_code", "municipality_name"}
    return frozenset(fields)


#: The organization import: the registry's fields, as the lists and the NPO portal CSV feed them.
ORGANIZATIONS = ImportKind(
    name="organizations",
    title="団体",
    targets=tuple(
        ImportTarget(
            target,
            TARGETS[target],
            SYNONYMS.get(target, ()),
            _parser_of(target),
            suffixes=SUFFIXES.get(target, ()),
            excluded=EXCLUDED.get(target, ()),
        )
        for target in TARGETS
        if target != IGNORE
    ),
    convert_row=row_to_input,
    required=("name",),
    templates_key="import_mappings",
    reads_npo_portal=True,
)
