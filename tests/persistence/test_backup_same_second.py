"""Backups taken in the same second never replace each other, with or without hard links."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import backup, sqlite_file
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

SECOND = datetime(2026, 12, 1, 9, 30, 15)


class _FrozenClock(datetime):
    """``datetime.now()`` always in the same second (a different microsecond each call)."""

    calls = 0

    @classmethod
    def now(cls, tz: Any = None) -> _FrozenClock:  # type: ignore[override]
        cls.calls += 1
        return cls(2026, 12, 1, 9, 30, 15, cls.calls % 1_000_000)


def _names(ws: Workspace) -> set[str]:
    return {b.path.name for b in backup.list_backups(ws.backups_dir)}


def _org_names(db: Path) -> list[str]:
    with sqlite_file.connection(db, readonly=True) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM organizations"))


def _interleave(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Backup A copies the file; while A verifies, the file changes and backup B runs whole."""
    monkeypatch.setattr(backup, "datetime", _FrozenClock)
    svc = OrganizationService(ws)
    svc.create(OrganizationInput(name="最初の会"))
    real_fsync = sqlite_file.fsync_path
    inner: list[Path] = []

    def fsync_then_b(path: Path) -> None:
        if not inner and path.name.startswith(".backup.tmp-"):
            inner.append(Path())  # only once: B itself passes here too
            svc.create(OrganizationInput(name="二番目の会"))
            inner[0] = backup.create_backup(ws.db_path, ws.backups_dir, "manual").path
        real_fsync(path)

    monkeypatch.setattr(sqlite_file, "fsync_path", fsync_then_b)
    a = backup.create_backup(ws.db_path, ws.backups_dir, "manual").path
    return a, inner[0]


def test_a_backup_of_the_same_second_published_during_the_copy_is_kept(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _names(ws)
    a, b = _interleave(ws, monkeypatch)
    assert a != b and a.exists() and b.exists()
    assert _names(ws) - before == {a.name, b.name}
    assert backup.verify(a) and backup.verify(b)
    assert _org_names(a) == ["最初の会"]  # A's own copy, not B's
    assert _org_names(b) == ["二番目の会", "最初の会"]
    # both are listed (within one second, in the order they were published) and both verify
    newest = [i.path for i in backup.list_backups(ws.backups_dir) if i.reason == "manual"]
    assert set(newest[:2]) == {a, b}
    assert {i.path for i in backup.verified_backups(ws.backups_dir)} >= {a, b}
    assert b.name == f"kyodo-{SECOND:%Y%m%d-%H%M%S}-manual.db"


def _no_hard_links(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(backup.os, "link", refuse)


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV])
def test_without_hard_links_both_backups_survive_and_no_marker_is_left(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    _no_hard_links(monkeypatch, code)
    a, b = _interleave(ws, monkeypatch)
    assert a != b and backup.verify(a) and backup.verify(b)
    assert _org_names(a) == ["最初の会"]
    assert [p.name for p in ws.backups_dir.iterdir() if p.name.startswith(".")] == []


def test_without_hard_links_a_name_reserved_by_another_is_not_taken(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the marker of the first name (it is renaming right now)."""
    _no_hard_links(monkeypatch, errno.EPERM)
    monkeypatch.setattr(backup, "datetime", _FrozenClock)
    first = f"kyodo-{SECOND:%Y%m%d-%H%M%S}-manual.db"
    marker = ws.backups_dir / f".{first}.reserved"
    ws.backups_dir.mkdir(exist_ok=True)
    marker.touch()
    info = backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    assert info.path.name == f"kyodo-{SECOND:%Y%m%d-%H%M%S}-2-manual.db"
    assert marker.exists()  # still the other process's
    # a marker a killed process left is removed by a later backup once it is an hour old
    old = time.time() - 2 * 3600
    os.utime(marker, (old, old))
    backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    assert not marker.exists()


_CHILD = """
import sys, time
from datetime import datetime
from pathlib import Path
from kyodo_desktop.persistence import backup

class Frozen(datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2026, 12, 1, 9, 30, 15)

backup.datetime = Frozen
go = Path(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
print(backup.create_backup(Path(sys.argv[1]), Path(sys.argv[2]), "manual").path)
"""


def test_concurrent_processes_in_the_same_second_all_keep_their_backup(ws: Workspace, tmp_path: Path) -> None:
    OrganizationService(ws).create(OrganizationInput(name="並行バックアップの会"))
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(ws.db_path), str(ws.backups_dir), str(go)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    time.sleep(0.5)  # let every child import and wait at the start line
    go.touch()
    paths = []
    for child in children:
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0
        paths.append(Path(out.strip()))
    assert len(set(paths)) == 4
    assert all(p.exists() and backup.verify(p) for p in paths)
    stamp = f"{SECOND:%Y%m%d-%H%M%S}"
    assert sorted(p.name for p in paths) == sorted(
        [f"kyodo-{stamp}-manual.db"] + [f"kyodo-{stamp}-{n}-manual.db" for n in (2, 3, 4)]
    )
