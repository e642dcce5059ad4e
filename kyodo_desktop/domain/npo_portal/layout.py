"""The portal CSV's layouts: its header texts, and how a header row is recognised.

The portal's bulk download (``gyousei_000.zip`` → ``000_AdministrativeInputData_YYYYMMDD.csv``,
``domain.md`` §5.2) comes in the current 60-column layout and an older 45-column one. Header
cells mix full- and half-width digits and brackets, so the layout is recognised by its header
text after NFKC (:func:`header_key`), and records are then read by position.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence

from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.domain.text import nfkc

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
BUSINESS_YEAR_END = "事業年度終了日"

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
    BUSINESS_YEAR_END,
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
