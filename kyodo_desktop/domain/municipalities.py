"""千葉県's 54 municipalities (37市16町1村): codes, names, and lookup from names and addresses."""

from __future__ import annotations

import functools
import re

from kyodo_desktop.domain.text import CharMap, fold_hyphens, nfkc

__all__ = [
    "CHIBA_CITY_WARDS",
    "CHIBA_MUNICIPALITIES",
    "DISTRICTS",
    "PREFECTURE",
    "municipality_code",
    "municipality_from_address",
    "municipality_name",
    "outside_list_notice",
    "outside_the_list",
]

PREFECTURE = "千葉県"

# 全国地方公共団体コード without the check digit, spelled as the code list spells them (ケ, not ヶ).
CHIBA_MUNICIPALITIES: dict[str, str] = {
    "12100": "千葉市",
    "12202": "銚子市",
    "12203": "市川市",
    "12204": "船橋市",
    "12205": "館山市",
    "12206": "木更津市",
    "12207": "松戸市",
    "12208": "野田市",
    "12210": "茂原市",
    "12211": "成田市",
    "12212": "佐倉市",
    "12213": "東金市",
    "12215": "旭市",
    "12216": "習志野市",
    "12217": "柏市",
    "12218": "勝浦市",
    "12219": "市原市",
    "12220": "流山市",
    "12221": "八千代市",
    "12222": "我孫子市",
    "12223": "鴨川市",
    "12224": "鎌ケ谷市",
    "12225": "君津市",
    "12226": "富津市",
    "12227": "浦安市",
    "12228": "四街道市",
    "12229": "袖ケ浦市",
    "12230": "八街市",
    "12231": "印西市",
    "12232": "白井市",
    "12233": "富里市",
    "12234": "南房総市",
    "12235": "匝瑳市",
    "12236": "香取市",
    "12237": "山武市",
    "12238": "いすみ市",
    "12239": "大網白里市",
    "12322": "酒々井町",
    "12329": "栄町",
    "12342": "神崎町",
    "12347": "多古町",
    "12349": "東庄町",
    "12403": "九十九里町",
    "12409": "芝山町",
    "12410": "横芝光町",
    "12421": "一宮町",
    "12422": "睦沢町",
    "12423": "長生村",
    "12424": "白子町",
    "12426": "長柄町",
    "12427": "長南町",
    "12441": "大多喜町",
    "12443": "御宿町",
    "12463": "鋸南町",
}

_CHIBA_CITY_CODE = "12100"

# 千葉市 is a 政令指定都市; its wards are not municipalities of their own, so they map to 12100.
CHIBA_CITY_WARDS: tuple[str, ...] = ("中央区", "花見川区", "稲毛区", "若葉区", "緑区", "美浜区")

# 郡 names that addresses put in front of the town or village name.
DISTRICTS: dict[str, tuple[str, ...]] = {
    "印旛郡": ("酒々井町", "栄町"),
    "香取郡": ("神崎町", "多古町", "東庄町"),
    "山武郡": ("九十九里町", "芝山町", "横芝光町"),
    "長生郡": ("一宮町", "睦沢町", "長生村", "白子町", "長柄町", "長南町"),
    "夷隅郡": ("大多喜町", "御宿町"),
    "安房郡": ("鋸南町",),
}

# ヶ (and its look-alikes ヵ, ｹ after NFKC) is written interchangeably with ケ in 鎌ケ谷 and 袖ケ浦.
_KE_VARIANTS = CharMap.replacing("ヶヵ", "ケ")


def _key(text: str) -> str:
    """Comparison key: NFKC, no whitespace (千葉市 中央区), one spelling of ケ."""
    return _KE_VARIANTS("".join(nfkc(text).split()))


def _strip_prefixes(key: str) -> str:
    """Drop a leading 千葉県 and 郡 name, which addresses and imported lists may or may not include."""
    key = key.removeprefix(PREFECTURE)
    for district in DISTRICTS:
        if key.startswith(district):
            return key[len(district) :]
    return key


_CODE_BY_KEY: dict[str, str] = {_key(name): code for code, name in CHIBA_MUNICIPALITIES.items()}
_CODE_BY_KEY.update({_key("千葉市" + ward): _CHIBA_CITY_CODE for ward in CHIBA_CITY_WARDS})


def _stem_index() -> dict[str, str]:
    """Names without their 市/町/村 suffix, kept only where exactly one municipality has that stem."""
    codes_by_stem: dict[str, set[str]] = {}
    for code, name in CHIBA_MUNICIPALITIES.items():
        codes_by_stem.setdefault(_key(name)[:-1], set()).add(code)
    return {stem: next(iter(codes)) for stem, codes in codes_by_stem.items() if len(codes) == 1}


_CODE_BY_STEM = _stem_index()

# Longest first, so a longer name is preferred when one name is the start of another.
_PREFIX_KEYS: tuple[str, ...] = tuple(sorted(_CODE_BY_KEY, key=len, reverse=True))


@functools.lru_cache(maxsize=4096)  # imports look up the same few thousand names again and again
def municipality_code(name: str | None) -> str | None:
    """Code of a 千葉県 municipality from its name ("鎌ヶ谷市", "千葉市中央区", "銚子"); None if unknown.

    A name without 市/町/村 is accepted only when exactly one municipality has that stem, and a ward
    alone ("中央区") is not, because other cities have wards of the same name.
    """
    key = _strip_prefixes(_key(name or ""))
    if not key:
        return None
    if key in CHIBA_MUNICIPALITIES:
        # Imported lists sometimes carry the code instead of the name.
        return key
    return _CODE_BY_KEY.get(key) or _CODE_BY_STEM.get(key)


# Addresses pasted from letterheads often start with the postal code.
_LEADING_POSTAL = re.compile(r"^〒?[0-9]{3}-?[0-9]{4}")


def municipality_from_address(address: str) -> str | None:
    """Code of the 千葉県 municipality an address starts with (千葉県 and 郡 optional); None if none."""
    key = _strip_prefixes(_LEADING_POSTAL.sub("", fold_hyphens(_key(address))))
    for prefix in _PREFIX_KEYS:
        if key.startswith(prefix):
            return _CODE_BY_KEY[prefix]
    return None


def municipality_name(code: str) -> str:
    """Official name for a municipality code, or "" for a code outside 千葉県 (e.g. blank)."""
    return CHIBA_MUNICIPALITIES.get(code, "")


def outside_the_list(code: str, name: str) -> bool:
    """Whether a validated record's 市町村 is typed but is none of the prefecture's list.

    Validation keeps such a name as free text with no code (a group based in 横浜市 is a real
    case), so it is a warning for the officer to look at, never an error.
    """
    return bool(name) and not code


def outside_list_notice(code: str, name: str) -> str | None:
    """The warning for :func:`outside_the_list`, naming the list, or None:
    「横浜市」は千葉県の市町村一覧（54市町村）にありません."""
    if not outside_the_list(code, name):
        return None
    return f"「{name}」は{PREFECTURE}の市町村一覧（{len(CHIBA_MUNICIPALITIES)}市町村）にありません"
