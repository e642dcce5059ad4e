"""Backups are verified and rotated; a corrupt file is reported and restored from one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.errors import BackupError, CorruptDatabaseError, KnownError
from kyodo_desktop.services import maintenance
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _filled(data_dir: Path, n: int = 30) -> None:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        for i in range(n):
            svc.create(OrganizationInput(name=f"バックアップ確認の会{i}", purpose="x" * 300))


def test_backup_is_verified_named_and_leaves_no_temp_file(ws: Workspace) -> None:
    info = backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    assert info.path.exists()
    assert backup.verify(info.path)
    assert [p.name for p in ws.backups_dir.iterdir() if p.name.startswith(".tmp")] == []
    assert backup.list_backups(ws.backups_dir)[0].path == info.path


def test_first_writer_of_the_day_takes_a_daily_backup(data_dir: Path) -> None:
    Workspace.open(data_dir).close()  # creation: nothing to back up yet
    assert not backup.has_backup_from(data_dir / "backups", date.today(), "daily")
    Workspace.open(data_dir).close()
    Workspace.open(data_dir).close()
    dailies = [b for b in backup.list_backups(data_dir / "backups") if b.reason == "daily"]
    assert len(dailies) == 1


def test_rotation_keeps_the_newest(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(backup.KEEP, "manual", 3)
    made = [backup.create_backup(ws.db_path, ws.backups_dir, "manual").path for _ in range(5)]
    left = [b.path for b in backup.list_backups(ws.backups_dir) if b.reason == "manual"]
    assert left == list(reversed(made))[:3]


def test_corrupt_file_is_reported_with_the_newest_sound_backup_and_restored(
    data_dir: Path, corrupt: Callable[[Path], None]
) -> None:
    _filled(data_dir)
    good = backup.create_backup(data_dir / "kyodo.db", data_dir / "backups", "manual")
    corrupt(data_dir / "kyodo.db")
    with pytest.raises(CorruptDatabaseError) as err:
        Workspace.open(data_dir)
    assert "破損" in str(err.value)
    assert err.value.backups[0].path == good.path
    assert str(good.path) in str(err.value)
    assert maintenance.check(data_dir) != []

    kept = maintenance.restore(data_dir, err.value.backups[0].path)
    assert kept is not None and kept.name.startswith("kyodo.db.damaged-")
    assert maintenance.check(data_dir) == []
    with Workspace.open(data_dir) as ws:
        assert len(OrganizationService(ws).search("バックアップ確認")) == 30


def test_a_corrupt_backup_is_never_offered_nor_restored(
    data_dir: Path, corrupt: Callable[[Path], None]
) -> None:
    _filled(data_dir)
    bad = backup.create_backup(data_dir / "kyodo.db", data_dir / "backups", "manual")
    corrupt(bad.path)
    assert backup.verified_backups(data_dir / "backups") == []
    with pytest.raises(BackupError):
        maintenance.restore(data_dir, bad.path)
    assert maintenance.check(data_dir) == []


def test_restore_over_a_sound_file_backs_it_up_first(data_dir: Path) -> None:
    _filled(data_dir, 2)
    first = backup.create_backup(data_dir / "kyodo.db", data_dir / "backups", "manual")
    with Workspace.open(data_dir) as ws:
        OrganizationService(ws).create(OrganizationInput(name="復元後には無い団体"))
    maintenance.restore(data_dir, first.path)
    reasons = [b.reason for b in backup.list_backups(data_dir / "backups")]
    assert "pre-restore" in reasons
    with Workspace.open(data_dir) as ws:
        assert OrganizationService(ws).search("復元後には無い") == []


def test_check_reports_foreign_key_violations(ws: Workspace) -> None:
    ws.close()
    conn = sqlite3.connect(ws.db_path)
    conn.execute(
        "INSERT INTO contacts (id, organization_id, name, kana, role, phone, email, is_primary, created_at) "
        "VALUES ('c1', 'no-such-org', 'x', '', '', '', '', 0, 't')"
    )
    conn.commit()
    conn.close()
    problems = maintenance.check(ws.data_dir)
    assert problems and "外部キー違反" in problems[0]


def test_unchecked_workspace_refuses_writes_until_verified(data_dir: Path) -> None:
    _filled(data_dir, 3)
    with Workspace.open(data_dir, check=False) as ws:
        assert not ws.verified
        svc = OrganizationService(ws)
        with pytest.raises(KnownError, match="確認しています"):
            svc.create(OrganizationInput(name="確認前の会"))
        ws.verify()
        svc.create(OrganizationInput(name="確認後の会"))
        assert svc.search("確認前") == [] and len(svc.search("確認後")) == 1


def test_deferred_check_still_finds_a_damaged_file(data_dir: Path, corrupt: Callable[[Path], None]) -> None:
    _filled(data_dir)
    corrupt(data_dir / "kyodo.db")
    with Workspace.open(data_dir, check=False) as ws, pytest.raises(CorruptDatabaseError):
        ws.verify()
    assert not list((data_dir / "backups").glob("*-daily.db"))  # no backup of a damaged file


def test_restoring_the_oldest_pre_restore_backup_survives_rotation(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(data_dir, 2)
    monkeypatch.setitem(backup.KEEP, "pre-restore", 2)
    first = backup.create_backup(data_dir / "kyodo.db", data_dir / "backups", "pre-restore")
    backup.create_backup(data_dir / "kyodo.db", data_dir / "backups", "pre-restore")
    maintenance.restore(data_dir, first.path)  # its own pre-restore backup rotates `first` out
    assert maintenance.check(data_dir) == []
    with Workspace.open(data_dir) as ws:
        assert len(OrganizationService(ws).search("バックアップ確認")) == 2


def test_a_failed_restore_leaves_the_data_file_in_place(
    data_dir: Path, corrupt: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(data_dir)
    good = backup.create_backup(data_dir / "kyodo.db", data_dir / "backups", "manual")
    corrupt(data_dir / "kyodo.db")
    before = (data_dir / "kyodo.db").read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup.shutil, "copyfile", disk_full)
    with pytest.raises(BackupError, match="そのまま"):
        maintenance.restore(data_dir, good.path)
    assert (data_dir / "kyodo.db").read_bytes() == before
    assert not list(data_dir.glob(".restore-*"))


def test_leftovers_of_interrupted_writes_are_swept_by_the_next_writer(data_dir: Path) -> None:
    import os
    import time

    _filled(data_dir, 1)
    old = time.time() - 7200
    leftovers = [
        data_dir / ".new-dead.db",
        data_dir / ".restore-dead.db",
        data_dir / "backups" / ".tmp-dead.db",
    ]
    fresh = data_dir / "backups" / ".tmp-running.db"  # a reader's backup in progress
    for path in [*leftovers, fresh]:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"partial")
    for path in leftovers:
        os.utime(path, (old, old))
    Workspace.open(data_dir).close()
    assert [p for p in leftovers if p.exists()] == []
    assert fresh.exists()
