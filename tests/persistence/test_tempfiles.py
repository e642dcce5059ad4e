"""Temp files name their owner; the sweep removes a dead owner's only (persistence/tempfiles.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyodo_desktop.persistence import tempfiles

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _named(folder: Path, *, host: str | None = None, pid: int, start: int, suffix: str = ".db") -> Path:
    """A temp file as another process would have named it."""
    own = tempfiles.temp_path(folder, "backup", suffix).name
    m = re.match(r"^\.backup\.tmp-(.+)-(\d+)-(\d+)-([0-9a-f]{16})", own)
    assert m is not None
    path = folder / f".backup.tmp-{host or m[1]}-{pid}-{start}-{m[4]}{suffix}"
    path.write_bytes(b"partial")
    return path


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def test_a_temp_name_names_host_pid_and_process_start(tmp_path: Path) -> None:
    path = tempfiles.temp_path(tmp_path, "団体一覧.xlsx", ".xlsx")
    assert path.parent == tmp_path
    assert tempfiles.is_owned_temp(path.name)
    assert tempfiles.is_owned_temp(path.name + "-journal")
    assert f"-{os.getpid()}-" in path.name
    assert path.name.startswith(".団体一覧.xlsx.tmp-") and path.name.endswith(".xlsx")
    assert tempfiles.temp_path(tmp_path, "x") != tempfiles.temp_path(tmp_path, "x")


def test_a_long_label_is_shortened_so_the_name_fits(tmp_path: Path) -> None:
    path = tempfiles.temp_path(tmp_path, "団" * 200 + ".xlsx", ".xlsx")
    assert len(path.name.encode()) < 255
    path.write_bytes(b"")  # the file system takes it
    assert tempfiles.is_owned_temp(path.name)


def test_a_dead_owner_s_file_and_journal_are_removed(tmp_path: Path) -> None:
    pid = _dead_pid()
    dead = _named(tmp_path, pid=pid, start=1)
    journal = dead.with_name(dead.name + "-journal")
    journal.write_bytes(b"journal")
    assert sorted(tempfiles.sweep(tmp_path)) == sorted([dead, journal])
    assert list(tmp_path.iterdir()) == []


def test_live_files_are_kept(tmp_path: Path, sleeper: subprocess.Popen[bytes]) -> None:
    mine = tempfiles.temp_path(tmp_path, "backup", ".db")
    mine.write_bytes(b"being written")
    start = tempfiles._process_start(sleeper.pid)
    theirs = _named(tmp_path, pid=sleeper.pid, start=start)
    remote = _named(tmp_path, host="another-pc", pid=_dead_pid(), start=1)
    assert tempfiles.sweep(tmp_path) == []
    assert mine.exists() and theirs.exists() and remote.exists()


@linux_only
def test_a_reused_pid_does_not_keep_a_dead_owner_s_file(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    # the pid runs, but a process that started at another time: the writer is gone
    start = tempfiles._process_start(sleeper.pid)
    reused = _named(tmp_path, pid=sleeper.pid, start=start + 1)
    mine_reused = _named(tmp_path, pid=os.getpid(), start=tempfiles._process_start(os.getpid()) + 1)
    assert sorted(tempfiles.sweep(tmp_path)) == sorted([reused, mine_reused])


@linux_only
def test_a_killed_owner_not_yet_reaped_is_dead(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        start = tempfiles._process_start(proc.pid)
        left = _named(tmp_path, pid=proc.pid, start=start)
        proc.kill()
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)  # a zombie now, not reaped
        assert tempfiles.sweep(tmp_path) == [left]
    finally:
        proc.kill()
        proc.wait()


def test_other_files_are_never_touched(tmp_path: Path) -> None:
    pid = _dead_pid()
    others = [
        tmp_path / "kyodo.db",
        tmp_path / ".tmp-0123456789abcdef0123456789abcdef.db",  # an older version's: by age only
        tmp_path / f".backup.tmp-{pid}.db",
        tmp_path / "openpyxl.abcd1234",
    ]
    for path in others:
        path.write_bytes(b"x")
    assert tempfiles.sweep(tmp_path) == []
    assert tempfiles.sweep_legacy(tmp_path, [".tmp-*.db"]) == []  # too young
    assert all(p.exists() for p in others)


def test_a_label_limits_the_sweep(tmp_path: Path) -> None:
    dead = _named(tmp_path, pid=_dead_pid(), start=1)
    assert tempfiles.sweep(tmp_path, label="kyodo-sheet") == []
    assert tempfiles.sweep(tmp_path, label="backup") == [dead]


def test_a_folder_that_cannot_be_listed_is_skipped(tmp_path: Path) -> None:
    assert tempfiles.sweep(tmp_path / "missing") == []


def test_openpyxl_spools_under_an_owned_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    from kyodo_desktop.services.xlsx_spool import spool_sheet

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    spool_sheet(ws)
    ws.append(["a"])
    spooled = [p.name for p in tmp_path.iterdir()]
    assert len(spooled) == 1 and tempfiles.is_owned_temp(spooled[0])
    out = tmp_path / "out.xlsx"
    wb.save(out)
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_restore_removes_a_killed_restore_s_copy(tmp_path: Path) -> None:
    from kyodo_desktop.persistence import backup, database

    db = tmp_path / "kyodo.db"
    database.create_new(db)
    taken = backup.create_backup(db, backup.backups_dir(tmp_path), "manual")
    mine = tempfiles.temp_path(tmp_path, "restore", ".db")
    dead = mine.with_name(re.sub(r"-\d+-(\d+-[0-9a-f]{16})", rf"-{_dead_pid()}-\1", mine.name))
    dead.write_bytes(b"half a copy")
    backup.restore_backup(db, taken.path)
    assert not dead.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "kyodo.db"]
