"""Times a person reads are local with the offset; ``--json`` and storage keep UTC."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.persistence.errors import LockedError, LockHolder


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("tokyo")
def test_audit_text_is_local_with_offset_and_json_stays_utc(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "orgs", "add", "--name", "けやきの会"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "audit"]) == 0
    text_time = capsys.readouterr().out.splitlines()[0].split("\t")[1]
    assert main(["--data-dir", str(data_dir), "audit", "--json"]) == 0
    stored = json.loads(capsys.readouterr().out)[0]["time"]
    assert stored.endswith("+00:00")
    assert text_time.endswith(" +09:00")
    # the same moment: UTC 15:00 is 00:00 of the next day in Tokyo
    utc_hour = int(stored[11:13])
    assert int(text_time[11:13]) == (utc_hour + 9) % 24


@pytest.mark.usefixtures("tokyo")
def test_lock_holder_is_told_in_local_time() -> None:
    holder = LockHolder(user="sato", host="pc-12", pid=42, since="2026-12-01T01:28:07+00:00")
    assert holder.describe() == "sato（pc-12、2026-12-01 10:28 +09:00 から）"
    assert "2026-12-01 10:28 +09:00" in str(LockedError(holder))
