"""Tests for kyodo_desktop.domain.wareki: 和暦 rendering/parsing and 年度."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kyodo_desktop.domain.wareki import (
    fiscal_year,
    fiscal_year_label,
    parse_wareki,
    to_wareki,
    to_wareki_short,
)


@pytest.mark.parametrize(
    ("d", "long", "short"),
    [
        (date(2025, 4, 1), "令和7年4月1日", "R7.4.1"),
        (date(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
        (date(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
        (date(2020, 1, 1), "令和2年1月1日", "R2.1.1"),
        (date(1989, 1, 8), "平成元年1月8日", "H1.1.8"),
        (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
        (date(1926, 12, 25), "昭和元年12月25日", "S1.12.25"),
        (date(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
        (date(1912, 7, 30), "大正元年7月30日", "T1.7.30"),
        (date(1912, 7, 29), "明治45年7月29日", "M45.7.29"),
        (date(1873, 1, 1), "明治6年1月1日", "M6.1.1"),
    ],
)
def test_to_wareki(d: date, long: str, short: str) -> None:
    assert to_wareki(d) == long
    assert to_wareki_short(d) == short


def test_before_meiji_falls_back_to_seireki() -> None:
    assert to_wareki(date(1872, 12, 31)) == "1872年12月31日"
    assert to_wareki_short(date(1872, 12, 31)) == "1872.12.31"
    assert fiscal_year_label(1800) == "1800年度"


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2025, 4, 1), 2025),
        (date(2025, 3, 31), 2024),
        (date(2025, 12, 31), 2025),
        (date(2026, 1, 1), 2025),
    ],
)
def test_fiscal_year(d: date, fy: int) -> None:
    assert fiscal_year(d) == fy


@pytest.mark.parametrize(
    ("fy", "label"),
    [
        (2025, "令和7年度"),
        (2020, "令和2年度"),
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ],
)
def test_fiscal_year_label(fy: int, label: str) -> None:
    assert fiscal_year_label(fy) == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和6年4月1日", date(2024, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("R6.4.1", date(2024, 4, 1)),
        ("R6-4-1", date(2024, 4, 1)),
        ("r6/04/01", date(2024, 4, 1)),
        ("令6.4.1", date(2024, 4, 1)),
        ("Ｒ６．４．１", date(2024, 4, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("S50.10.10", date(1975, 10, 10)),
        ("大正15年12月24日", date(1926, 12, 24)),
        ("明治45年7月29日", date(1912, 7, 29)),
        ("㍻31年4月1日", date(2019, 4, 1)),
        ("令和 6年 4月 1日", date(2024, 4, 1)),
        # Old-era forms were used after the era changed; the date is still unambiguous.
        ("平成31年5月1日", date(2019, 5, 1)),
        ("平成32年4月1日", date(2020, 4, 1)),
    ],
)
def test_parse_wareki(text: str, expected: date) -> None:
    assert parse_wareki(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024-04-01",
        "令和6年4月",
        "令和6年2月30日",
        "令和元年4月30日",
        "平成元年1月7日",
        "令和0年5月1日",
        "X6.4.1",
        "令和六年四月一日",
        "令和6年4月1日です",
    ],
)
def test_parse_wareki_rejects(text: str) -> None:
    assert parse_wareki(text) is None


@given(st.dates(min_value=date(1873, 1, 1), max_value=date(2200, 12, 31)))
def test_round_trip(d: date) -> None:
    assert parse_wareki(to_wareki(d)) == d
    assert parse_wareki(to_wareki_short(d)) == d


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_fiscal_year_bounds(d: date) -> None:
    fy = fiscal_year(d)
    assert date(fy, 4, 1) <= d <= date(fy + 1, 3, 31)


@given(st.integers(1874, 2200))
def test_fiscal_year_label_is_era_year(fy: int) -> None:
    label = fiscal_year_label(fy)
    assert label.endswith("年度")
    # The label names the era in force at the end of calendar year fy.
    assert to_wareki(date(fy, 12, 31)).startswith(label.removesuffix("度"))


def test_every_day_of_2019_renders() -> None:
    d = date(2019, 1, 1)
    while d.year == 2019:
        era = "令和" if d >= date(2019, 5, 1) else "平成"
        assert to_wareki(d).startswith(era)
        d += timedelta(days=1)
