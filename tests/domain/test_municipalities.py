"""Tests for kyodo_desktop.domain.municipalities: 千葉県's 54 municipalities and lookups."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.municipalities import (
    CHIBA_CITY_WARDS,
    CHIBA_MUNICIPALITIES,
    DISTRICTS,
    PREFECTURE,
    municipality_code,
    municipality_from_address,
    municipality_name,
)


def test_counts_37_cities_16_towns_1_village() -> None:
    assert PREFECTURE == "千葉県"
    assert len(CHIBA_MUNICIPALITIES) == 54
    suffixes = [name[-1] for name in CHIBA_MUNICIPALITIES.values()]
    assert (suffixes.count("市"), suffixes.count("町"), suffixes.count("村")) == (37, 16, 1)
    assert all(len(code) == 5 and code.startswith("12") for code in CHIBA_MUNICIPALITIES)
    assert len(set(CHIBA_MUNICIPALITIES.values())) == 54


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("12100", "千葉市"),
        ("12202", "銚子市"),
        ("12224", "鎌ケ谷市"),
        ("12229", "袖ケ浦市"),
        ("12238", "いすみ市"),
        ("12239", "大網白里市"),
        ("12322", "酒々井町"),
        ("12423", "長生村"),
        ("12463", "鋸南町"),
    ],
)
def test_known_codes(code: str, name: str) -> None:
    assert CHIBA_MUNICIPALITIES[code] == name
    assert municipality_name(code) == name
    assert municipality_code(name) == code


def test_districts_cover_every_town_and_village() -> None:
    towns = {name for name in CHIBA_MUNICIPALITIES.values() if name[-1] in "町村"}
    in_districts = [town for members in DISTRICTS.values() for town in members]
    assert sorted(in_districts) == sorted(towns)
    assert len(CHIBA_CITY_WARDS) == 6


@pytest.mark.parametrize("code", sorted(CHIBA_MUNICIPALITIES))
def test_every_name_resolves(code: str) -> None:
    name = CHIBA_MUNICIPALITIES[code]
    assert municipality_code(name) == code
    assert municipality_code(PREFECTURE + name) == code
    assert municipality_from_address(f"{PREFECTURE}{name}1-1") == code
    assert municipality_from_address(f"{name}1-1") == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("鎌ヶ谷市", "12224"),
        ("鎌ケ谷市", "12224"),
        ("袖ヶ浦市", "12229"),
        ("袖ｹ浦市", "12229"),
        ("千葉市中央区", "12100"),
        ("千葉市 美浜区", "12100"),
        ("千葉県千葉市緑区", "12100"),
        ("印旛郡栄町", "12329"),
        ("千葉県長生郡長生村", "12423"),
        (" 船橋市 ", "12204"),
        ("銚子", "12202"),
        ("千葉", "12100"),
        ("鎌ヶ谷", "12224"),
        ("栄", "12329"),
        ("12204", "12204"),
    ],
)
def test_municipality_code_variants(name: str, code: str) -> None:
    assert municipality_code(name) == code


@pytest.mark.parametrize(
    "name", [None, "", "千葉県", "中央区", "横浜市", "東京都中央区", "99999", "12201", "船", "市"]
)
def test_municipality_code_unknown(name: str | None) -> None:
    assert municipality_code(name) is None


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("千葉県千葉市中央区市場町1-1", "12100"),
        ("千葉市美浜区中瀬1-3", "12100"),
        ("千葉県印旛郡酒々井町中央台4-11", "12322"),
        ("印旛郡栄町安食台1-2", "12329"),
        ("栄町安食台1-2", "12329"),
        ("千葉県山武郡横芝光町宮川11902", "12410"),
        ("千葉県 鎌ヶ谷市 新鎌ケ谷2-6-1", "12224"),
        ("袖ヶ浦市坂戸市場1-1", "12229"),
        ("千葉県市川市八幡1-1-1", "12203"),
        ("市原市国分寺台中央1-1-1", "12219"),
        ("千葉県夷隅郡大多喜町大多喜93", "12441"),
        ("千葉県安房郡鋸南町下佐久間3458", "12463"),
        ("千葉県長生郡長生村本郷1-77", "12423"),
        ("〒260-8667 千葉県千葉市中央区市場町1-1", "12100"),
        ("２６０－８６６７千葉市中央区", "12100"),
        ("東京都千代田区霞が関1-1", None),
        ("横浜市中区", None),
        ("", None),
    ],
)
def test_municipality_from_address(address: str, code: str | None) -> None:
    assert municipality_from_address(address) == code


def test_municipality_name_unknown_is_blank() -> None:
    assert municipality_name("") == ""
    assert municipality_name("13101") == ""
