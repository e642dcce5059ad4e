"""The 内閣府NPO法人ポータルサイト 行政入力情報 CSV: its layouts and how one record becomes a group.

The portal's bulk download (``gyousei_000.zip`` → ``000_AdministrativeInputData_YYYYMMDD.csv``,
``domain.md`` §5.2) comes in the current 60-column layout and an older 45-column one. Header
cells mix full- and half-width digits and brackets, so the layout is recognised by its header
text after NFKC, and records are then read by position. This module is pure: the reader in
``services/import_npo_portal.py`` does the file work and hands each record's cells to
:func:`map_row`.

Things the portal data needs that other sources do not:

- 所在地 usually omits the prefecture; it is derived from 所轄庁 (a prefecture, or a 政令指定都市
  whose prefecture is known) and put in front.
- 市町村 comes from the address by longest prefix (千葉県 and 郡 names stripped, 千葉市's wards →
  千葉市, ケ/ヶ spellings); outside 千葉県, and for 千葉県 addresses no current municipality
  matches, the city part of the address is kept as free text.
- 認定/特例認定 periods, 解散情報, the 従たる事務所 and the portal page's URL have no field of their
  own and go into 備考 as readable lines (see :func:`portal_notes`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from kyodo_desktop.domain.fields import OrgStatus
from kyodo_desktop.domain.importing import ImportFileError, ImportRow, RowProblem
from kyodo_desktop.domain.municipalities import PREFECTURE, municipality_code, municipality_from_address
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.text import fold_hyphens, nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors, parse_date

__all__ = [
    "CURRENT_LAYOUT",
    "DESIGNATED_CITIES",
    "LAYOUTS",
    "MAX_CELL_CHARS",
    "OLD_LAYOUT",
    "PREFECTURES",
    "NpoLayout",
    "SkipReason",
    "cell_problems",
    "has_control_characters",
    "header_key",
    "identify_layout",
    "map_row",
    "normalize_prefecture",
    "portal_notes",
    "prefecture_of",
    "row_prefecture",
    "skip_reason",
]

# -- header texts ---------------------------------------------------------------------------------

_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _full(n: int) -> str:
    """``12`` → ``１２``: the portal writes the numbers in its headers in full-width digits."""
    return str(n).translate(_FULL_DIGITS)


NAME = "法人名称"
KANA = "法人名称カナ"
AUTHORITY = "所轄庁"
DELEGATED = "権限移譲先市町村"
ADDRESS = "主たる事務所の所在地"
POSTAL = "主たる事業所の郵便番号"
BRANCH = "従たる事務所の所在地"
REPRESENTATIVE = "代表者氏名"
REPRESENTATIVE_KANA = "団体代表者名（フリガナ）"
CERTIFIED = "法人設立認証年月日"
ESTABLISHED = "設立年月日"
PURPOSE = "定款に記載された目的"
FIELD_HEADERS: tuple[str, ...] = tuple(f"活動分野{_full(n)}" for n in range(1, 21))
#: 認定（認定・特例認定１…４）: 認定NPO法人 / 特例認定NPO法人 / 国税庁による旧認定 / 認定の更新中
NINTEI_FLAGS: tuple[str, ...] = tuple(f"認定（認定・特例認定{_full(n)}）" for n in range(1, 5))
PST_HEADERS: tuple[str, ...] = (
    *(f"認定（PST基準{_full(n)}）" for n in range(1, 4)),
    "認定（PST基準 条例指定（都道府県及び市区町村名））",
)
NINTEI_START = "認定（認定開始日）"
NINTEI_END = "認定（認定満了日）"
NINTEI_CANCELLED = "認定（認定取消日）"
TOKUREI_START = "認定（特例認定年月日）"
TOKUREI_END = "認定（特例認定満了日）"
TOKUREI_CANCELLED = "認定（特例認定取消日）"
SUPERVISION = "監督情報"
DISSOLUTION = "解散情報"
URL = "法人情報URL"
CORPORATE_NUMBER = "法人番号"

_NINTEI_BLOCK: tuple[str, ...] = (
    *NINTEI_FLAGS,
    *PST_HEADERS,
    NINTEI_START,
    NINTEI_END,
    NINTEI_CANCELLED,
    TOKUREI_START,
    TOKUREI_END,
    TOKUREI_CANCELLED,
    SUPERVISION,
    DISSOLUTION,
    URL,
    CORPORATE_NUMBER,
)

#: The current layout (60 columns), as in repo yamap55/approved-npo-data ``csv_row.py``.
CURRENT_HEADERS: tuple[str, ...] = (
    NAME,
    KANA,
    AUTHORITY,
    DELEGATED,
    ADDRESS,
    POSTAL,
    BRANCH,
    REPRESENTATIVE,
    REPRESENTATIVE_KANA,
    CERTIFIED,
    ESTABLISHED,
    PURPOSE,
    *FIELD_HEADERS,
    *_NINTEI_BLOCK,
    "条例個別指定フラグ",
    "特定非営利活動に係る事業",
    "その他の事業",
    "事業年度開始日",
    "事業年度終了日",
    "条例個別指定：有効期間(開始日)",
    "条例個別指定：有効期間(満了日)",
    "条例個別指定：有効期限（更新申請日)",
    "条例個別指定：有効期限（更新日)",
    "条例個別指定：有効期限（条例個別指定：取消日)",
)

#: The older (2019) layout, as read by repo utopia-cloud/themyscira ``RawAdministrativeInput.kt``
#: with a strict column count: no カナ, 権限移譲先, 郵便番号, 代表者カナ, 設立年月日 and none of the
#: ten tail columns. That is 45 columns (domain.md says 49, but 60 − 5 − 10 = 45 and the cited
#: code has exactly these 45).
OLD_HEADERS: tuple[str, ...] = (
    NAME,
    AUTHORITY,
    ADDRESS,
    BRANCH,
    REPRESENTATIVE,
    CERTIFIED,
    PURPOSE,
    *FIELD_HEADERS,
    *_NINTEI_BLOCK,
)

# Other spellings seen for the same column (the other repository's labels, 事務所/事業所).
_ALIASES: dict[str, tuple[str, ...]] = {
    REPRESENTATIVE_KANA: ("代表者名カナ", "代表者カナ", "代表者氏名カナ", "代表者氏名（フリガナ）"),
    POSTAL: ("主たる事務所の郵便番号", "郵便番号"),
    KANA: ("法人名称（カナ）", "法人名カナ"),
}

# Brackets are compared away entirely: the portal's own headers mix （…) and (…）.
_BRACKETS = str.maketrans("", "", "()[]{}<>【】「」『』〔〕")


def header_key(text: str) -> str:
    """Comparison key for a header cell: NFKC, no whitespace, no brackets, no BOM, casefolded."""
    normalized = unicodedata.normalize("NFKC", text.replace("\ufeff", ""))
    return "".join(normalized.split()).translate(_BRACKETS).casefold()


@dataclasses.dataclass(frozen=True)
class NpoLayout:
    """One layout of the portal CSV: its name and its header texts in column order."""

    name: str
    headers: tuple[str, ...]
    _index: dict[str, int] = dataclasses.field(init=False, repr=False, compare=False)
    #: (別表 number, column position) of the 20 活動分野 flags
    field_columns: tuple[tuple[int, int], ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {h: i for i, h in enumerate(self.headers)}
        object.__setattr__(self, "_index", index)
        fields = tuple((n, index[h]) for n, h in enumerate(FIELD_HEADERS, start=1) if h in index)
        object.__setattr__(self, "field_columns", fields)

    @property
    def columns(self) -> int:
        """Number of columns."""
        return len(self.headers)

    def has(self, header: str) -> bool:
        """Whether this layout has the column (given by its canonical header text)."""
        return header in self._index

    def index(self, header: str) -> int | None:
        """Position of a column (canonical header text), or None if this layout lacks it."""
        return self._index.get(header)

    def cell(self, cells: Sequence[str], header: str) -> str:
        """The raw text of one column of a record; "" if the layout lacks the column."""
        i = self._index.get(header)
        return cells[i] if i is not None and i < len(cells) else ""

    def accepts(self, position: int, key: str) -> bool:
        """Whether a header key (see :func:`header_key`) fits the column at ``position``."""
        canonical = self.headers[position]
        return key == header_key(canonical) or any(key == header_key(a) for a in _ALIASES.get(canonical, ()))


CURRENT_LAYOUT = NpoLayout("現行形式（60列）", CURRENT_HEADERS)
OLD_LAYOUT = NpoLayout("旧形式（45列）", OLD_HEADERS)
LAYOUTS: tuple[NpoLayout, ...] = (CURRENT_LAYOUT, OLD_LAYOUT)

_NOT_PORTAL = "このファイルはNPO法人ポータルの行政入力情報CSVではありません（見出しが一致しません）。"


def identify_layout(header: Sequence[str]) -> NpoLayout:
    """The layout whose header texts the first row matches (after NFKC); else ImportFileError."""
    keys = [header_key(cell) for cell in header]
    for layout in LAYOUTS:
        if len(keys) == layout.columns and all(layout.accepts(i, k) for i, k in enumerate(keys)):
            return layout
    same_count = next((layout for layout in LAYOUTS if layout.columns == len(keys)), None)
    if same_count is None:
        expected = "または".join(f"{layout.columns}列" for layout in LAYOUTS)
        raise ImportFileError(f"{_NOT_PORTAL}見出しは{len(keys)}列です（{expected}のはずです）。")
    bad = next(i for i, k in enumerate(keys) if not same_count.accepts(i, k))
    raise ImportFileError(
        f"{_NOT_PORTAL}{bad + 1}列目の見出しが「{nfkc(header[bad])[:40]}」です"
        f"（「{same_count.headers[bad]}」のはずです）。"
    )


# -- prefectures ----------------------------------------------------------------------------------

#: The 47 prefectures in JIS code order.
PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
    "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
    "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
    "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
    "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
    "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
    "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip

#: The 20 政令指定都市, each its own 所轄庁 for NPO法人 based only within it, and its prefecture.
DESIGNATED_CITIES: dict[str, str] = {
    "札幌市": "北海道",
    "仙台市": "宮城県",
    "さいたま市": "埼玉県",
    "千葉市": "千葉県",
    "横浜市": "神奈川県",
    "川崎市": "神奈川県",
    "相模原市": "神奈川県",
    "新潟市": "新潟県",
    "静岡市": "静岡県",
    "浜松市": "静岡県",
    "名古屋市": "愛知県",
    "京都市": "京都府",
    "大阪市": "大阪府",
    "堺市": "大阪府",
    "神戸市": "兵庫県",
    "岡山市": "岡山県",
    "広島市": "広島県",
    "北九州市": "福岡県",
    "福岡市": "福岡県",
    "熊本市": "熊本県",
}

_PREFECTURE_BY_STEM = {p if p == "北海道" else p[:-1]: p for p in PREFECTURES}


def _compact(text: str | None) -> str:
    """NFKC without any whitespace (so 千葉県 千葉市 compares as 千葉県千葉市)."""
    return "".join(nfkc(text).split())


def _alternation(names: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching any of ``names`` at the start, the longest first."""
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


_PREFECTURE_RE = _alternation(PREFECTURES)
_CITY_RE = _alternation(tuple(DESIGNATED_CITIES))


def _leading_prefecture(text: str) -> str:
    """The prefecture an (NFKC, whitespace-free) address starts with, or ""."""
    match = _PREFECTURE_RE.match(text)
    return match.group() if match else ""


@functools.lru_cache(maxsize=1024)  # a file names a few hundred 所轄庁 at most
def prefecture_of(shokatsucho: str) -> str:
    """The prefecture of a 所轄庁: itself for a prefecture, the prefecture of a 政令指定都市; "" if unknown."""
    key = _compact(shokatsucho)
    if not key:
        return ""
    if key in DESIGNATED_CITIES:
        return DESIGNATED_CITIES[key]
    if leading := _leading_prefecture(key):
        return leading
    city = _CITY_RE.match(key)
    return DESIGNATED_CITIES[city.group()] if city else ""


def normalize_prefecture(text: str | None) -> str | None:
    """A prefecture name as written (千葉県, 千葉, 東京, 北海道) → its full name; None if not one."""
    key = _compact(text)
    if key in PREFECTURES:
        return key
    return _PREFECTURE_BY_STEM.get(key)


# -- filtering ------------------------------------------------------------------------------------


class SkipReason(StrEnum):
    """Why a record is left out of the import (the reader counts each)."""

    OTHER_PREFECTURE = "他の都道府県"
    DISSOLVED = "解散"


def row_prefecture(layout: NpoLayout, cells: Sequence[str]) -> str:
    """The prefecture a record belongs to: from its 所轄庁, else from its address; "" if neither says."""
    from_authority = prefecture_of(layout.cell(cells, AUTHORITY))
    if from_authority:
        return from_authority
    address = _strip_postal(_compact(layout.cell(cells, ADDRESS)))
    if leading := _leading_prefecture(address):
        return leading
    # Neither says; an address that starts with a 千葉県 municipality is taken as 千葉県.
    return PREFECTURE if municipality_from_address(address) else ""


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
        wanted = normalize_prefecture(prefecture) or _compact(prefecture)
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


# -- municipality ---------------------------------------------------------------------------------

_LEADING_POSTAL = re.compile(r"^〒?[0-9]{3}-?[0-9]{4}")


def _strip_postal(text: str) -> str:
    return _LEADING_POSTAL.sub("", fold_hyphens(text)) if text[:1] in "〒0123456789" else text


# Names with 市/区/町/村 (or 郡) inside them, which the plain "shortest name ending in 市区町村"
# rule would cut short; only needed for the free-text city part outside 千葉県 (and for
# 八日市場市, a 千葉県 city merged into 匝瑳市 in 2006 that old records still carry).
_TRICKY_RE = _alternation(
    (
        "四日市市", "廿日市市", "野々市市", "八日市場市", "上市町", "下市町", "余市町",
        "十日町市", "大町市", "大町町", "東村山市", "武蔵村山市", "羽村市", "田村市",
        "大村市", "玉村町", "大和郡山市", "蒲郡市", "小郡市",
    )
)  # fmt: skip
_DISTRICT = re.compile(r"^[^郡]{1,6}?郡")
_CITY = re.compile(r"^.{1,9}?[市区町村]")


def _city_part(address: str) -> str:
    """The municipality at the start of an address without its prefecture (free text, best effort).

    政令指定都市 give the city (横浜市, not 横浜市緑区); 郡 names are dropped (印旛郡酒々井町 → 酒々井町).
    """
    text = _strip_postal(_compact(address))
    text = text.removeprefix(_leading_prefecture(text))
    city = _CITY_RE.match(text)
    if city:
        return city.group()
    without_district = _DISTRICT.sub("", text, count=1)
    for candidate in (text, without_district):
        tricky = _TRICKY_RE.match(candidate)
        if tricky:
            return tricky.group()
    match = _CITY.match(without_district)
    return match.group() if match else ""


def _municipality(address: str, prefecture: str, delegated: str) -> tuple[str, str]:
    """(municipality_code, municipality_name) for an address that already carries its prefecture."""
    if prefecture in ("", PREFECTURE):
        code = municipality_from_address(address) or (municipality_code(delegated) if delegated else None)
        if code:
            return code, ""
    name = _city_part(address)
    if name and prefecture != PREFECTURE and municipality_code(name) is not None:
        # A name that is also a 千葉県 municipality's would be taken for it; keep the prefecture.
        name = prefecture + name
    return "", name


def _with_prefecture(address: str, prefecture: str) -> str:
    """The address with the prefecture in front when it has none (and one is known)."""
    text = nfkc(address)
    compact = _compact(text)
    # An address pasted with its postal code in front is left as it is rather than split.
    if not text or not prefecture or _leading_prefecture(compact) or _LEADING_POSTAL.match(compact):
        return text
    return prefecture + text


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
    }
)
_CURRENT_ONLY_FIELDS = frozenset({"kana", "postal_code", "representative_kana", "established_on"})


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
            problems.append(RowProblem(row_number, header, error.message))
            return None

    pref = row_prefecture(layout, cells)
    address = _with_prefecture(cell(ADDRESS), pref)
    code, city = _municipality(address, pref, nfkc(cell(DELEGATED)))
    dissolution = cell(DISSOLUTION)
    dissolved = _is_dissolved(layout, cells)
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
        notes=portal_notes(
            nintei=(day(NINTEI_START), day(NINTEI_END), day(NINTEI_CANCELLED)),
            tokurei=(day(TOKUREI_START), day(TOKUREI_END), day(TOKUREI_CANCELLED)),
            old_national=_flag(layout, cells, NINTEI_FLAGS[2]),
            renewing=_flag(layout, cells, NINTEI_FLAGS[3]),
            dissolution=dissolution,
            branches=cell(BRANCH),
            url=cell(URL),
        ),
    )
    try:
        data = validate_organization(data)
    except ValidationErrors as errors:
        problems.extend(
            RowProblem(row_number, _FIELD_COLUMN.get(error.field, ""), error.message)
            for error in errors.errors
        )
    provided = _provided_fields(layout, dissolved)
    if problems:
        return ImportRow(row_number, None, problems, provided_fields=provided)
    return ImportRow(row_number, data, provided_fields=provided)
