"""和暦 (Japanese era) dates and 年度 (April-start fiscal years).

Dates are stored as ISO dates; 和暦 is only how forms print them, so this module converts at the
edges: rendering ("令和7年4月1日", "R7.4.1", "令和7年度") and parsing what officers type.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = ["fiscal_year", "fiscal_year_label", "parse_wareki", "to_wareki", "to_wareki_short"]


@dataclass(frozen=True)
class _Era:
    """One era: its name, one-letter abbreviation, first day, and 西暦 offset (西暦 = 和暦年 + offset)."""

    name: str
    letter: str
    start: date
    offset: int


# Newest first so the first era whose start is <= a date is the era of that date.
# 明治 starts at 1873-01-01 because Japan used the lunisolar calendar before that day, so earlier
# Gregorian dates have no faithful 和暦 rendering.
_ERAS: tuple[_Era, ...] = (
    _Era("令和", "R", date(2019, 5, 1), 2018),
    _Era("平成", "H", date(1989, 1, 8), 1988),
    _Era("昭和", "S", date(1926, 12, 25), 1925),
    _Era("大正", "T", date(1912, 7, 30), 1911),
    _Era("明治", "M", date(1873, 1, 1), 1867),
)

_ERA_BY_TOKEN: dict[str, _Era] = {}
for _era in _ERAS:
    # Accept the full name, the single kanji people use in tight table cells (令6.4.1), and the
    # Latin letter; NFKC already turns the ligatures ㋿ ㍻ ㍼ into the full names.
    _ERA_BY_TOKEN[_era.name] = _era
    _ERA_BY_TOKEN[_era.name[0]] = _era
    _ERA_BY_TOKEN[_era.letter] = _era
del _era

_WAREKI_RE = re.compile(
    r"(?P<era>令和|平成|昭和|大正|明治|[令平昭大明RHSTM])"
    r"(?P<year>元|[0-9]{1,3})"
    r"(?:年|[./-])(?P<month>[0-9]{1,2})"
    r"(?:月|[./-])(?P<day>[0-9]{1,2})日?"
)


def _era_of(d: date) -> _Era | None:
    """The era a date falls in, or None before 明治6年 (see _ERAS)."""
    for era in _ERAS:
        if d >= era.start:
            return era
    return None


def _year_text(year: int) -> str:
    """The first year of an era is written 元年, never 1年, on official documents."""
    return "元" if year == 1 else str(year)


@functools.lru_cache(maxsize=4096)  # the day's list writes the same few hundred dates thousands of times
def to_wareki(d: date) -> str:
    """Render a date as on Japanese forms, e.g. "令和7年4月1日" ("令和元年5月1日" in the first year)."""
    era = _era_of(d)
    if era is None:
        # No era applies; a plain 西暦 date in the same shape is still readable on a form.
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{era.name}{_year_text(d.year - era.offset)}年{d.month}月{d.day}日"


def to_wareki_short(d: date) -> str:
    """Render the abbreviated form used in tables, e.g. "R7.4.1" (first year "R1": 元 has no letter form)."""
    era = _era_of(d)
    if era is None:
        return f"{d.year}.{d.month}.{d.day}"
    return f"{era.letter}{d.year - era.offset}.{d.month}.{d.day}"


def fiscal_year(d: date) -> int:
    """The 年度 of a date: 地方自治法 fiscal years run from 4月1日 to the next 3月31日."""
    return d.year if d.month >= 4 else d.year - 1


def fiscal_year_label(fy: int) -> str:
    """Label a fiscal year, e.g. 2025 → "令和7年度", 2019 → "令和元年度".

    The era is the one in force at the end of the calendar year fy: governments renamed the whole
    of FY2019 令和元年度 even though April 2019 was still 平成, and the same rule gives 平成元年度
    for FY1989 and 昭和63年度 for FY1988.
    """
    era = _era_of(date(fy, 12, 31))
    if era is None:
        return f"{fy}年度"
    return f"{era.name}{_year_text(fy - era.offset)}年度"


def parse_wareki(text: str) -> date | None:
    """Parse a 和暦 date such as "令和6年4月1日", "令和元年5月1日", "R6.4.1" or "H31.4.30".

    Returns None when the text is not a 和暦 date or names a day that does not exist. A year past
    the end of an era (平成31年5月1日, 平成32年) is accepted because pre-printed forms carried the old
    era on for months; a day before the era began (令和元年4月1日) is not, as that is a typo.
    """
    compact = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    match = _WAREKI_RE.fullmatch(compact)
    if match is None:
        return None
    era = _ERA_BY_TOKEN[match["era"]]
    year = 1 if match["year"] == "元" else int(match["year"])
    if year < 1:
        return None
    try:
        result = date(year + era.offset, int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    if result < era.start:
        return None
    return result
