"""A damaged file is told in one short line; SQLite's findings go to ``details``, counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import backup, health
from kyodo_desktop.persistence.errors import CorruptDatabaseError
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

#: What ``quick_check`` returns for a badly damaged file: rows, some of them several lines.
FINDINGS = [
    "*** in database main ***\nOn tree page 2 cell 0: invalid page number 4294967295",
    *(f"Page {n}: btreeInitPage() returns error code 11" for n in range(3, 30)),
]


def _filled(data_dir: Path) -> Path:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        for i in range(40):
            svc.create(OrganizationInput(name=f"破損確認の会{i}", purpose="x" * 300))
        return ws.db_path


def test_the_message_is_one_line_without_sqlite_text_and_the_details_are_counted(data_dir: Path) -> None:
    db = _filled(data_dir)
    good = backup.create_backup(db, backup.backups_dir(data_dir), "manual")
    err = backup.corrupt_error(db, FINDINGS)
    message = str(err)
    assert "\n" not in message and len(message) - len(str(db)) - 2 * len(str(good.path)) < 150
    assert "btreeInitPage" not in message and "tree page" not in message and "***" not in message
    assert message.startswith("データファイルが破損しています") and str(db) in message
    assert f"`kyodo restore {good.path}` で復元できます" in message
    # 29 lines of findings: the first 10 kept, one at a time, and the other 19 counted
    assert len(err.details) == backup.DETAIL_LINES + 1
    assert err.details[:3] == (
        "*** in database main ***",
        "On tree page 2 cell 0: invalid page number 4294967295",
        "Page 3: btreeInitPage() returns error code 11",
    )
    assert err.details[-1] == "ほか 19 行"


def test_few_findings_are_all_kept_and_no_backup_says_where_to_look(data_dir: Path) -> None:
    db = _filled(data_dir)
    for daily in backup.list_backups(backup.backups_dir(data_dir)):
        daily.path.unlink()
    err = backup.corrupt_error(db, ["database disk image is malformed"])
    assert err.details == ("database disk image is malformed",)
    assert "malformed" not in str(err)
    assert "正常なバックアップが見つかりません" in str(err) and "システム担当" in str(err)


def test_a_really_damaged_file_has_its_findings_in_details(
    data_dir: Path, corrupt: Callable[[Path], None]
) -> None:
    db = _filled(data_dir)
    corrupt(db)
    with pytest.raises(CorruptDatabaseError) as caught:
        health.check_health(db)
    err = caught.value
    assert 1 <= len(err.details) <= backup.DETAIL_LINES + 1
    assert all(line and "\n" not in line for line in err.details)
    assert not any(line in str(err) for line in err.details)


def test_kyodo_check_prints_the_short_line_then_the_findings(
    data_dir: Path, capsys: pytest.CaptureFixture[str], corrupt: Callable[[Path], None]
) -> None:
    db = _filled(data_dir)
    corrupt(db)
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    first, *rest = capsys.readouterr().out.splitlines()
    assert first.startswith("データファイルが破損しています") and len(first) - len(str(db)) < 200
    assert rest and all(line.startswith("詳細: ") for line in rest)
    assert not any(line.removeprefix("詳細: ")[:30] in first for line in rest)
