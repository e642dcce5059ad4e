"""The one helper that turns stored UTC timestamps into local text with the offset."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from kyodo_desktop.domain.local_time import local_text, utc_iso_to_local_text

JST = ZoneInfo("Asia/Tokyo")


def test_utc_iso_becomes_jst_with_offset() -> None:
    assert utc_iso_to_local_text("2026-12-01T01:28:07+00:00", JST) == "2026-12-01 10:28:07 +09:00"


def test_the_date_changes_with_the_zone() -> None:
    assert utc_iso_to_local_text("2026-03-31T16:00:00+00:00", JST) == "2026-04-01 01:00:00 +09:00"


def test_naive_stored_text_is_taken_as_utc_and_z_is_understood() -> None:
    assert utc_iso_to_local_text("2026-12-01T01:28:07", JST) == "2026-12-01 10:28:07 +09:00"
    assert utc_iso_to_local_text("2026-12-01T01:28:07Z", JST) == "2026-12-01 10:28:07 +09:00"


def test_without_seconds() -> None:
    assert utc_iso_to_local_text("2026-12-01T01:28:07+00:00", JST, seconds=False) == "2026-12-01 10:28 +09:00"


def test_negative_and_utc_offsets() -> None:
    assert local_text(datetime(2026, 1, 1, 12, tzinfo=UTC), timezone(timedelta(hours=-5))) == (
        "2026-01-01 07:00:00 -05:00"
    )
    assert local_text(datetime(2026, 1, 1, 12, tzinfo=UTC), UTC) == "2026-01-01 12:00:00 +00:00"


def test_text_that_is_no_timestamp_is_kept() -> None:
    assert utc_iso_to_local_text("不明", JST) == "不明"


@pytest.fixture
def tokyo_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("tokyo_tz")
def test_the_computers_zone_is_used_by_default() -> None:
    assert os.environ["TZ"] == "Asia/Tokyo"
    assert utc_iso_to_local_text("2026-12-01T01:28:07+00:00") == "2026-12-01 10:28:07 +09:00"
    # a naive datetime (a backup's name) is local already: only the offset is added
    assert local_text(datetime(2026, 12, 1, 10, 28, 7)) == "2026-12-01 10:28:07 +09:00"
