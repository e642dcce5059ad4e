"""Deadline arithmetic for handover notes: months, NPO reporting deadlines, 認定 renewal."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.handover_dates import (
    NextDate,
    add_months,
    business_year_end_on_or_before,
    nintei_renewal_window,
    npo_report_deadline,
    parse_month_day,
    upcoming,
)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 3, 31), 3, date(2026, 6, 30)),
        (date(2026, 12, 31), 3, date(2027, 3, 31)),
        (date(2027, 2, 28), 3, date(2027, 5, 31)),  # a year ending on 2月末: the year starts 3月1日
        (date(2026, 3, 20), 3, date(2026, 6, 20)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2027, 3, 31), -6, date(2026, 9, 30)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/31", (3, 31)),
        ("３月３１日", (3, 31)),
        ("12-31", (12, 31)),
        ("2/29", (2, 29)),
        ("13/01", None),
        ("2/30", None),
        ("", None),
        ("年度末", None),
    ],
)
def test_parse_month_day(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_month_day(text) == expected


def test_business_year_end() -> None:
    assert business_year_end_on_or_before((3, 31), date(2026, 12, 1)) == date(2026, 3, 31)
    assert business_year_end_on_or_before((3, 31), date(2026, 3, 31)) == date(2026, 3, 31)
    assert business_year_end_on_or_before((12, 31), date(2026, 12, 1)) == date(2025, 12, 31)
    assert business_year_end_on_or_before((2, 29), date(2027, 3, 1)) == date(2027, 2, 28)


def test_npo_report_deadline_is_the_next_one_on_or_after_today() -> None:
    assert npo_report_deadline((3, 31), date(2026, 12, 1)) == date(2027, 6, 30)
    assert npo_report_deadline((3, 31), date(2026, 5, 10)) == date(2026, 6, 30)
    assert npo_report_deadline((3, 31), date(2026, 6, 30)) == date(2026, 6, 30)
    assert npo_report_deadline((3, 31), date(2026, 7, 1)) == date(2027, 6, 30)
    assert npo_report_deadline((12, 31), date(2026, 12, 1)) == date(2027, 3, 31)
    assert npo_report_deadline((12, 31), date(2027, 2, 1)) == date(2027, 3, 31)


def test_nintei_renewal_window() -> None:
    assert nintei_renewal_window(date(2027, 3, 31)) == (date(2026, 9, 30), date(2026, 12, 31))
    assert nintei_renewal_window(date(2027, 8, 15)) == (date(2027, 2, 15), date(2027, 5, 15))


def test_upcoming_keeps_the_horizon_and_sorts() -> None:
    today = date(2026, 12, 1)
    dates = [
        NextDate(date(2027, 3, 31), "協定の終了", "子ども食堂事業"),
        NextDate(date(2026, 11, 30), "次回対応", "みどりの会"),  # past: dropped
        NextDate(date(2026, 12, 1), "次回対応", "あおぞらの会"),
        NextDate(date(2028, 1, 1), "認定の満了", "さくら"),  # beyond a year
    ]
    assert [d.subject for d in upcoming(dates, today)] == ["あおぞらの会", "子ども食堂事業"]
    assert len(upcoming(dates, today, horizon_days=800)) == 3
