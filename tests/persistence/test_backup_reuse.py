"""The backup before an import is today's newest backup again when nothing was written since."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import backup
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _names(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as c:
        return sorted(r[0] for r in c.execute("SELECT name FROM organizations"))


@pytest.fixture
def filled(ws: Workspace) -> Workspace:
    svc = OrganizationService(ws)
    for i in range(20):
        svc.create(OrganizationInput(name=f"再利用確認の会{i}", purpose="x" * 200))
    return ws


def test_an_unchanged_file_shares_todays_backup(filled: Workspace) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    taken = backup.create_backup(filled.db_path, filled.backups_dir, "pre-import", reuse_unchanged=True)
    assert taken.reason == "pre-import" and taken.path != daily.path
    assert os.path.samefile(taken.path, daily.path)  # one copy under two names
    assert backup.verify(taken.path)
    assert [b.path for b in backup.list_backups(filled.backups_dir)][:2] == [taken.path, daily.path]


def test_a_write_since_the_backup_makes_a_copy_of_its_own(filled: Workspace) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    OrganizationService(filled).create(OrganizationInput(name="あとから登録の会"))
    taken = backup.create_backup(filled.db_path, filled.backups_dir, "pre-import", reuse_unchanged=True)
    assert not os.path.samefile(taken.path, daily.path)
    assert "あとから登録の会" in _names(taken.path)
    assert "あとから登録の会" not in _names(daily.path)


def test_without_reuse_every_backup_is_a_copy(filled: Workspace) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    manual = backup.create_backup(filled.db_path, filled.backups_dir, "manual")
    assert not os.path.samefile(manual.path, daily.path)


def test_a_backup_of_another_day_is_not_reused(filled: Workspace) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    yesterday = datetime.now() - timedelta(days=1)
    old = daily.path.with_name(f"kyodo-{yesterday:%Y%m%d-%H%M%S}-daily.db")
    daily.path.rename(old)
    assert backup.unchanged_backup(filled.db_path, filled.backups_dir, date.today()) is None
    taken = backup.create_backup(filled.db_path, filled.backups_dir, "pre-import", reuse_unchanged=True)
    assert not os.path.samefile(taken.path, old)


def test_a_backup_whose_bytes_changed_is_not_reused(filled: Workspace) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    size = daily.path.stat().st_size
    with daily.path.open("r+b") as fh:  # one page decayed on the disk
        fh.seek(size - 100)
        fh.write(b"\x5a" * 10)
    assert backup.unchanged_backup(filled.db_path, filled.backups_dir, date.today()) is None
    taken = backup.create_backup(filled.db_path, filled.backups_dir, "pre-import", reuse_unchanged=True)
    assert not os.path.samefile(taken.path, daily.path)
    assert backup.verify(taken.path)


def test_only_the_copys_own_header_numbers_may_differ(filled: Workspace) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    with daily.path.open("r+b") as fh:  # the page size, say, is not one of them
        fh.seek(16)
        fh.write(b"\x00\x01")
    assert backup.unchanged_backup(filled.db_path, filled.backups_dir, date.today()) is None


def test_where_hard_links_fail_the_file_is_copied(filled: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    daily = backup.create_backup(filled.db_path, filled.backups_dir, "daily")

    def no_links(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    taken = backup.create_backup(filled.db_path, filled.backups_dir, "pre-import", reuse_unchanged=True)
    assert taken.path.exists() and not os.path.samefile(taken.path, daily.path)
    assert backup.verify(taken.path)


def test_restoring_the_shared_backup_gives_the_file_before_the_change(filled: Workspace) -> None:
    before = _names(filled.db_path)
    backup.create_backup(filled.db_path, filled.backups_dir, "daily")
    taken = backup.create_backup(filled.db_path, filled.backups_dir, "pre-import", reuse_unchanged=True)
    OrganizationService(filled).create(OrganizationInput(name="取り込まれた会"))
    db_path = filled.db_path
    filled.close()
    backup.restore_backup(db_path, taken.path)
    assert _names(db_path) == before
    assert backup.verify(taken.path)  # the restore copied it: the shared backup is as it was
