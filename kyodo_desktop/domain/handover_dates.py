"""The dates a handover note (引継書) looks ahead to: deadlines that follow from the records.

Pure arithmetic over plain values (issue 13; domain.md §5): an NPO's 事業報告書 is due at its
所轄庁 within three months after each 事業年度 ends (NPO法 28・29条); a 認定 lasts five years
and its renewal is applied for from six to three months before it expires; a project's
agreement ends with its period; its evaluation is due when the period ends or at the review
date; a 対応記録 may name the date of the next action.

Month arithmetic clips to the month's last day (3月31日 + 3か月 = 6月30日), the way 期限 are
counted in Japanese practice (民法 143条: the day before the corresponding day, or the month's
last day when there is none; for a period that starts the day after the year's end this is the
same date).
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import unicodedata
from datetime import date

__all__ = [
    "NextDate",
    "add_months",
    "business_year_end_on_or_before",
    "nintei_renewal_window",
    "npo_report_deadline",
    "parse_month_day",
    "upcoming",
]


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months, clipped to the month's last day."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    # a date on its month's last day stays on the last day (3月31日 → 6月30日, 2月28日 → 5月31日)
    day = last if d.day == calendar.monthrange(d.year, d.month)[1] else min(d.day, last)
    return date(year, month, day)


def parse_month_day(text: str) -> tuple[int, int] | None:
    """A 事業年度終了日 as the portal writes it (``03/31``, ``3月31日``) → (month, day), or None."""
    folded = unicodedata.normalize("NFKC", text or "").strip()
    match = re.fullmatch(r"(\d{1,2})\s*[/月\-.]\s*(\d{1,2})\s*日?", folded)
    if match is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    return month, day


def _month_day_in(year: int, month: int, day: int) -> date:
    # 2月29日 in a year without one is 2月28日
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def business_year_end_on_or_before(month_day: tuple[int, int], today: date) -> date:
    """The last 事業年度 end on or before ``today`` for a year ending on ``month_day``."""
    month, day = month_day
    end = _month_day_in(today.year, month, day)
    return end if end <= today else _month_day_in(today.year - 1, month, day)


def npo_report_deadline(month_day: tuple[int, int], today: date) -> date:
    """The next 事業報告書 deadline on or after ``today``: three months after a year's end."""
    end = business_year_end_on_or_before(month_day, today)
    deadline = add_months(end, 3)
    if deadline >= today:
        return deadline
    return add_months(_month_day_in(end.year + 1, *month_day), 3)


def nintei_renewal_window(expires_on: date) -> tuple[date, date]:
    """The period a 認定NPO法人 applies for renewal in: six to three months before expiry."""
    return add_months(expires_on, -6), add_months(expires_on, -3)


@dataclasses.dataclass(frozen=True, slots=True, order=True)
class NextDate:
    """A date that matters, what it is (期限の種類), and whom it concerns (団体名・事業名)."""

    on: date
    kind: str
    subject: str
    note: str = ""


def upcoming(dates: list[NextDate], today: date, *, horizon_days: int = 365) -> list[NextDate]:
    """The dates from ``today`` to ``horizon_days`` ahead, soonest first (ties by kind, subject)."""
    last = date.fromordinal(today.toordinal() + horizon_days)
    return sorted(d for d in dates if today <= d.on <= last)
