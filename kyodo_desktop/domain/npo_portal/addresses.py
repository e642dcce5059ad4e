"""Where a portal record is: its prefecture (from 所轄庁 or the address) and its 市町村.

- 所在地 usually omits the prefecture; it is derived from 所轄庁 (a prefecture, or a 政令指定都市
  whose prefecture is known) and put in front (:func:`with_prefecture`).
- 市町村 comes from the address by longest prefix (千葉県 and 郡 names stripped, 千葉市's wards →
  千葉市, ケ/ヶ spellings); outside 千葉県, and for 千葉県 addresses no current municipality
  matches, the city part of the address is kept as free text (:func:`municipality_parts`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from kyodo_desktop.domain.municipalities import PREFECTURE, municipality_code, municipality_from_address
from kyodo_desktop.domain.npo_portal.layout import ADDRESS, AUTHORITY, NpoLayout
from kyodo_desktop.domain.text import fold_hyphens, nfkc

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


def compact(text: str | None) -> str:
    """NFKC without any whitespace (so 千葉県 千葉市 compares as 千葉県千葉市)."""
    return "".join(nfkc(text).split())


def _alternation(names: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching any of ``names`` at the start, the longest first."""
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


_PREFECTURE_RE = _alternation(PREFECTURES)
_CITY_RE = _alternation(tuple(DESIGNATED_CITIES))


def leading_prefecture(text: str) -> str:
    """The prefecture an (NFKC, whitespace-free) address starts with, or ""."""
    match = _PREFECTURE_RE.match(text)
    return match.group() if match else ""


@functools.lru_cache(maxsize=1024)  # a file names a few hundred 所轄庁 at most
def prefecture_of(shokatsucho: str) -> str:
    """The prefecture of a 所轄庁: itself for a prefecture, the prefecture of a 政令指定都市; "" if unknown."""
    key = compact(shokatsucho)
    if not key:
        return ""
    if key in DESIGNATED_CITIES:
        return DESIGNATED_CITIES[key]
    if leading := leading_prefecture(key):
        return leading
    city = _CITY_RE.match(key)
    return DESIGNATED_CITIES[city.group()] if city else ""


def normalize_prefecture(text: str | None) -> str | None:
    """A prefecture name as written (千葉県, 千葉, 東京, 北海道) → its full name; None if not one."""
    key = compact(text)
    if key in PREFECTURES:
        return key
    return _PREFECTURE_BY_STEM.get(key)


def row_prefecture(layout: NpoLayout, cells: Sequence[str]) -> str:
    """The prefecture a record belongs to: from its 所轄庁, else from its address; "" if neither says."""
    from_authority = prefecture_of(layout.cell(cells, AUTHORITY))
    if from_authority:
        return from_authority
    address = strip_postal(compact(layout.cell(cells, ADDRESS)))
    if leading := leading_prefecture(address):
        return leading
    # Neither says; an address that starts with a 千葉県 municipality is taken as 千葉県.
    return PREFECTURE if municipality_from_address(address) else ""


# -- municipality ---------------------------------------------------------------------------------

_LEADING_POSTAL = re.compile(r"^〒?[0-9]{3}-?[0-9]{4}")


def strip_postal(text: str) -> str:
    """The address without a postal code (〒260-0013, 2600013) in front."""
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
    text = strip_postal(compact(address))
    text = text.removeprefix(leading_prefecture(text))
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


def municipality_parts(address: str, prefecture: str, delegated: str) -> tuple[str, str]:
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


def with_prefecture(address: str, prefecture: str) -> str:
    """The address with the prefecture in front when it has none (and one is known)."""
    text = nfkc(address)
    key = compact(text)
    # An address pasted with its postal code in front is left as it is rather than split.
    if not text or not prefecture or leading_prefecture(key) or _LEADING_POSTAL.match(key):
        return text
    return prefecture + text
