"""The cells of past-project lists (補助金・委託契約の一覧) as the ministries' public lists write them.

Each function reads one kind of cell and either returns its value or raises
:class:`~kyodo_desktop.domain.validation.ValidationError` with a Japanese message, so the import
can report the row (or keep it without the value under ``--drop-invalid``):

* :func:`is_empty_marker` / :func:`cell_text`: ``－`` ``-`` ``―`` ``ー`` alone mean "nothing";
* :func:`parse_corporate_numbers`: several 法人番号 one a line, sometimes numbered (①②, 1.);
* :func:`split_partners` / :func:`partners_from_cells`: the names (and addresses on the following
  lines) of a 共同提案体, aligned with the numbers when the counts match;
* :func:`parse_amount`: 12345, ``12,345円``, ``１２，３４５円``, ``1,234千円``; ``＠21,600円ほか`` is
  no amount;
* :func:`parse_cell_date`: the one date parser (``令和2年4月1日\\n（4～6月分）``);
* :func:`parse_applicants`: ``3者``, ``１社``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from kyodo_desktop.domain.name_cell import split_name_cell
from kyodo_desktop.domain.text import HYPHEN_VARIANTS, LEGAL_FORM_WORDS, nfkc
from kyodo_desktop.domain.validation import ValidationError, normalize_corporate_number, parse_date

__all__ = [
    "CellValue",
    "PartnerCell",
    "PartnerCells",
    "cell_text",
    "is_empty_marker",
    "parse_amount",
    "parse_applicants",
    "parse_cell_date",
    "parse_corporate_numbers",
    "partners_from_cells",
    "split_partners",
]

#: What openpyxl gives for a cell.
CellValue = str | int | float | date | datetime | None

_EMPTY_MARKERS = frozenset("-" + HYPHEN_VARIANTS + "－")


def is_empty_marker(value: CellValue) -> bool:
    """Whether a cell is blank or holds only a dash (－, -, ―, ー …) standing for "nothing"."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    text = "".join(value.split())
    return not text or (len(text) == 1 and text in _EMPTY_MARKERS)


def cell_text(value: CellValue) -> str:
    """A cell as text with its line breaks kept and each line stripped; "" for a dash alone."""
    # a row's cells are read by several parsers, and a list repeats its 年度, 担当課 and dashes
    # on every row: text cells are cleaned once each
    if type(value) is str:
        return _text_cell(value)
    return _cell_text(value)


@functools.lru_cache(maxsize=16_384)
def _text_cell(value: str) -> str:
    return _cell_text(value)


def _cell_text(value: CellValue) -> str:
    if is_empty_marker(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    lines = (line.strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


# ①–⑳, ⑴–⒇, ⒈–⒛, ❶–❿ and ➀–➓ before a number or a name: NFKC would make ① a plain "1" and
# glue it to the 法人番号, so they go first.
_CIRCLED = re.compile(r"^\s*[\u2460-\u249b\u24eb-\u24f4\u2776-\u2793]\s*")
# 1. / 1) / (1) / 1: / 1、 after NFKC (a 13-digit number never starts like that).
_ENUMERATOR = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.):、])\s*")
_NUMBER_SEPARATORS = re.compile(r"[\n、,;／/]")


def _strip_enumerator(line: str) -> str:
    """A line without its leading ① or 1. numbering."""
    line = _CIRCLED.sub("", line)
    return _ENUMERATOR.sub("", nfkc(line))


def parse_corporate_numbers(value: CellValue, field: str = "法人番号") -> list[str]:
    """The 法人番号 of a cell: one a line (or separated by 、 , ;), numbered or not, each checked
    by its check digit; blank or a dash gives []. A number given twice is kept once.

    Excel may hold a single number as a number (``4011405001520`` or ``4.01140500152E12``).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValidationError(field, f"法人番号は13桁の数字です: {value}")
        value = str(int(value))
    text = cell_text(value)
    if not text:
        return []
    parts = [part for part in _NUMBER_SEPARATORS.split(text) if part.strip()]
    numbers: list[str] = []
    for position, part in enumerate(parts, 1):
        bare = _strip_enumerator(part)
        if is_empty_marker(bare):
            continue
        try:
            number = normalize_corporate_number(bare, field)
        except ValidationError as error:
            where = f"（{position}件目「{part.strip()}」）" if len(parts) > 1 else f"（「{part.strip()}」）"
            raise ValidationError(field, f"{error.message}{where}") from error
        if number not in numbers:
            numbers.append(number)
    return numbers


@dataclass(frozen=True)
class PartnerCell:
    """One partner read from a list: its name, address and 法人番号 ("" where the list has none)."""

    name: str
    address: str = ""
    corporate_number: str = ""


@dataclass(frozen=True)
class PartnerCells:
    """The partners of one row and, when the names and numbers could not be paired, why (Japanese)."""

    partners: tuple[PartnerCell, ...]
    warning: str = ""


# Role labels of a 共同提案体's members: （代表者）株式会社A, 構成員：B, 【代表団体】C.
_ROLE_LABEL = re.compile(
    r"^[(\[【〔]?(?:代表者|代表団体|代表企業|代表法人|代表|構成員|構成団体|構成法人)[)\]】〕]?\s*[:：]?\s*"
)
# A line naming the consortium as such (no member): 共同提案体 / 【共同企業体】.
_CONSORTIUM_HEADING = re.compile(r"^[(\[【〔]?(?:共同提案体|共同企業体|共同事業体|コンソーシアム)[)\]】〕]?$")


def _member_lines(text: str) -> list[list[str]]:
    """The cell's lines grouped per member: a ① / 1. or a role label starts a member."""
    blocks: list[list[str]] = []
    for raw in text.split("\n"):
        numbered = bool(_CIRCLED.match(raw) or _ENUMERATOR.match(nfkc(raw)))
        line = _strip_enumerator(raw) if numbered else raw.strip()
        folded = nfkc(line)  # once per line: each match below reads the folded line
        if _ROLE_LABEL.match(folded) is not None:
            labelled = True
            line = _ROLE_LABEL.sub("", folded)
            folded = nfkc(line)
        else:
            labelled = False
        if not line or _CONSORTIUM_HEADING.match(folded):
            continue
        if numbered or labelled or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


# A line beginning with a 法人格 is a name even with a number in it (NPO法人21世紀の森).
_LEGAL_FORM_START = tuple(nfkc(word) for word in LEGAL_FORM_WORDS)


@functools.lru_cache(maxsize=16_384)
def _is_address(line: str) -> bool:
    """Whether a line is an address to split_name_cell (a one-line cell of it gives no name of its own)."""
    if nfkc(line).startswith(_LEGAL_FORM_START):
        return False
    name, address = split_name_cell("名\n" + line)
    return bool(address) and name == "名"


def _unnumbered_members(lines: list[str]) -> list[list[str]]:
    """Names with their addresses on the following lines: a name after an address starts a member."""
    members: list[list[str]] = []
    after_address = True
    for line in lines:
        address = _is_address(line)
        if not address and after_address:
            members.append([line])
        elif members:
            members[-1].append(line)
        else:
            members.append([line])
        after_address = address
    return members


def split_partners(value: CellValue, expected: int | None = None) -> list[tuple[str, str]]:
    """(name, address) of each partner in a name cell, in order.

    Members numbered (①, 1.) or labelled (（代表者）, 構成員：) are one each; otherwise a name
    after an address starts the next member. Name lines without any address between them are one
    wrapped name (特定非営利活動法人 / みどりの森) — unless ``expected`` (the number of 法人番号)
    says there are that many names, one a line. Each member is split by
    :func:`~kyodo_desktop.domain.name_cell.split_name_cell`.
    """
    text = cell_text(value)
    if not text:
        return []
    blocks = _member_lines(text)
    if len(blocks) == 1:
        lines = blocks[0]
        blocks = _unnumbered_members(lines)
        names = [line for line in lines if not _is_address(line)]
        if expected is not None and len(blocks) != expected and len(names) == expected > 1:
            blocks = []
            for line in lines:
                if _is_address(line) and blocks:
                    blocks[-1].append(line)
                else:
                    blocks.append([line])
    partners = [split_name_cell("\n".join(block)) for block in blocks]
    return [(name, address) for name, address in partners if name]


def partners_from_cells(numbers: CellValue, names: CellValue, field: str = "法人番号") -> PartnerCells:
    """The partners of a row from its 法人番号 cell and its name cell, paired in order when the
    counts match. When they do not, the names are kept without numbers (matched by name) and
    ``warning`` says so; numbers without any name are kept without names (matched by number).
    Raises ValidationError for a 法人番号 that is not one."""
    found = parse_corporate_numbers(numbers, field)
    members = split_partners(names, expected=len(found) or None)
    if not members:
        return PartnerCells(tuple(PartnerCell("", "", number) for number in found))
    if not found or len(found) == len(members):
        numbers_or_blank = found or [""] * len(members)
        return PartnerCells(
            tuple(
                PartnerCell(name, address, number)
                for (name, address), number in zip(members, numbers_or_blank, strict=True)
            )
        )
    warning = f"法人番号が{len(found)}件、団体名が{len(members)}件で数が合わないため、法人番号を使わず団体名で照合します"
    return PartnerCells(tuple(PartnerCell(name, address) for name, address in members), warning)


_AMOUNT_UNITS: tuple[tuple[str, int], ...] = (
    ("百万円", 1_000_000),
    ("千円", 1000),
    ("万円", 10_000),
    ("円", 1),
)
_AMOUNT_RE = re.compile(
    r"(?:金)?[¥￥]?(?P<number>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(?P<unit>百万円|千円|万円|円)?"
)
# A bracketed note after the amount: (税込), (うち消費税1,122円).
_AMOUNT_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _amount_error(field: str, shown: str) -> ValidationError:
    return ValidationError(
        field, f"{field}として読めません: 「{shown}」（12,345円・1,234千円のように金額だけを書いてください）"
    )


def parse_amount(value: CellValue, field: str = "金額") -> int | None:
    """An amount in yen: a number, or text with commas, 円, 千円 / 万円 / 百万円, ¥ and full-width
    digits, a bracketed note after it ((税込)) or on the next lines left out; blank or a dash gives None.

    Anything else — a unit price (＠21,600円ほか), several amounts, a negative amount (△, -), a
    fraction of a yen — raises ValidationError.
    """
    if isinstance(value, bool | date):  # a datetime is a date
        raise _amount_error(field, str(value))
    if isinstance(value, int | float):
        if value < 0 or (isinstance(value, float) and not value.is_integer()):
            raise _amount_error(field, str(value))
        return int(value)
    text = cell_text(value)
    if not text:
        return None
    first, *rest = text.split("\n")
    if any(not _AMOUNT_NOTE.fullmatch(nfkc(line)) for line in rest):
        raise _amount_error(field, " ".join(text.split("\n")))
    compact = _AMOUNT_NOTE.sub("", nfkc(first)).replace(" ", "")
    match = _AMOUNT_RE.fullmatch(compact)
    if match is None:
        raise _amount_error(field, " ".join(text.split("\n")))
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise _amount_error(field, first) from error
    unit = dict(_AMOUNT_UNITS)[match["unit"]] if match["unit"] else 1
    yen = number * unit
    if yen != yen.to_integral_value():
        raise _amount_error(field, first)
    return int(yen)


def parse_cell_date(value: CellValue, field: str = "日付") -> date | None:
    """A date cell through the one date parser (notes after the date left out); a dash gives None."""
    if isinstance(value, date):
        return parse_date(value, field)
    if isinstance(value, int | float):  # a serial number: the reader gives dates as dates
        raise ValidationError(field, f"日付として読めません: {value}（例: 令和6年4月1日）")
    if is_empty_marker(value):
        return None
    return parse_date(value, field)


_APPLICANTS_RE = re.compile(r"(?P<count>[0-9]+)(?:者|社|件|団体|人|名)?")


def parse_applicants(value: CellValue, field: str = "応募者数") -> int | None:
    """The number of applicants: ``3``, ``3者``, ``１社``, ``2団体``; blank or a dash gives None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0 or (isinstance(value, float) and not value.is_integer()):
            raise ValidationError(field, f"{field}は0以上の整数です: {value}")
        return int(value)
    text = cell_text(value)
    if not text:
        return None
    match = _APPLICANTS_RE.fullmatch(_AMOUNT_NOTE.sub("", nfkc(text)).replace(" ", ""))
    if match is None:
        raise ValidationError(field, f"{field}として読めません: 「{text}」（例: 3者）")
    return int(match["count"])
