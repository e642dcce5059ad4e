"""A read-only backup folder, data folder or data file is named as such, never as a disk problem.

The tests run as root, whom ``chmod`` does not stop: the OS's refusal is simulated by making
``os.open`` (or SQLite) refuse the folder, and, where this process may mount, checked once on a
real read-only bind mount.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.errors import (
    BackupError,
    KnownError,
    ReadOnlyFileError,
    ReadOnlyFolderError,
    known_database_error,
)
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_backup_into_a_read_only_folder_says_the_folder_is_not_writable(
    ws: Workspace, refuse_writes: Callable[..., None], code: int
) -> None:
    ws.backups_dir.mkdir(exist_ok=True)
    refuse_writes(ws.backups_dir, code)
    with pytest.raises(BackupError) as raised:
        backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    message = str(raised.value)
    assert "バックアップ先のフォルダに書き込めません" in message and str(ws.backups_dir) in message
    assert ("読み取り専用" if code == errno.EROFS else "権限") in message
    assert "ディスクまたはネットワーク" not in message and "データファイルの読み取り" not in message
    assert list(ws.backups_dir.iterdir()) == []


def test_backup_refused_by_sqlite_is_about_the_folder_not_the_data_file(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect

    def refuse_target(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(target).parent == ws.backups_dir:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", refuse_target)
    with pytest.raises(BackupError, match="バックアップ先のフォルダに書き込めません"):
        backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    assert [p.name for p in ws.backups_dir.iterdir()] == []


def test_unable_to_open_names_the_folder_before_the_drive() -> None:
    known = known_database_error(sqlite3.OperationalError("unable to open database file"))
    assert known is not None and "データフォルダに書き込めない" in str(known)


@pytest.mark.skipif(os.name == "nt", reason="POSIX mount")
def test_a_real_read_only_mount(data_dir: Path, read_only_mount: Callable[[Path], None]) -> None:
    with Workspace.open(data_dir) as ws:
        OrganizationService(ws).create(OrganizationInput(name="読み取り専用の会"))
        ws.backups_dir.mkdir(exist_ok=True)
    read_only_mount(data_dir)
    with pytest.raises(BackupError, match="読み取り専用のドライブです"):
        backup.create_backup(data_dir / "kyodo.db", backup.backups_dir(data_dir), "manual")
    with pytest.raises(ReadOnlyFolderError, match="読み取り専用のドライブです"):
        Workspace.open(data_dir, write=True)
    with Workspace.open(data_dir, write=False) as reader:
        assert not reader.writable


def test_writer_on_a_read_only_folder_is_refused_as_read_only(
    data_dir: Path, refuse_writes: Callable[..., None]
) -> None:
    Workspace.open(data_dir).close()
    refuse_writes(data_dir)
    with pytest.raises(ReadOnlyFolderError) as raised:
        Workspace.open(data_dir, write=True)
    assert "データフォルダに書き込めません（読み取り専用のドライブです）" in str(raised.value)


def test_writer_on_a_read_only_data_file_is_refused_as_read_only(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    db = data_dir / "kyodo.db"
    db.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyFileError, match="読み取り専用"):
            Workspace.open(data_dir, write=True)
        # the refusal let go of the lock: a reader still opens, another writer is not blocked
        Workspace.open(data_dir, write=False).close()
    finally:
        db.chmod(0o644)
    Workspace.open(data_dir, write=True).close()


def test_a_read_only_workspace_refuses_writes_with_the_reason(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    reason = ReadOnlyFileError(data_dir / "kyodo.db")
    with Workspace.open(data_dir, write=False) as reader:
        reader.read_only_reason = reason
        with pytest.raises(KnownError) as raised:
            reader.require_write()
    assert raised.value is reason
