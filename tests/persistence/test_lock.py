"""The data-folder lock names its holder; a dead holder's lock clears itself."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kyodo_desktop.persistence.errors import LockedError
from kyodo_desktop.persistence.lock import DataFolderLock, read_holder
from kyodo_desktop.services.workspace import Workspace


def test_second_writer_is_refused_with_the_holder_named(ws: Workspace, data_dir: Path) -> None:
    with pytest.raises(LockedError) as err:
        Workspace.open(data_dir, write=True)
    holder = err.value.holder
    assert holder.host == socket.gethostname()
    assert holder.pid == os.getpid()
    assert holder.user in str(err.value) and holder.host in str(err.value)
    # readers are welcome while the writer holds the lock
    with Workspace.open(data_dir, write=False) as reader:
        assert not reader.writable


def test_close_releases_the_lock(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    assert read_holder(data_dir) is None
    with DataFolderLock(data_dir):
        assert read_holder(data_dir) is not None


def test_lock_of_a_killed_process_clears(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with _hold_lock_in_child(data_dir) as proc:  # closes the child's stdout pipe
        with pytest.raises(LockedError):
            DataFolderLock(data_dir).acquire()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    lock = DataFolderLock(data_dir)
    lock.acquire()  # the operating system dropped the dead holder's lock
    holder = read_holder(data_dir)
    assert holder is not None and holder.pid == os.getpid()
    lock.release()


def _hold_lock_in_child(data_dir: Path, claim: dict[str, object] | None = None) -> subprocess.Popen[str]:
    """A child process that takes the lock (optionally rewriting who it claims to be) and waits."""
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from kyodo_desktop.persistence.lock import DataFolderLock\n"
        "lock = DataFolderLock(Path(sys.argv[1]))\n"
        "lock.acquire()\n"
        "if sys.argv[2]:\n"
        "    lock.path.write_text(sys.argv[2], encoding='utf-8')\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    claim_text = json.dumps(claim, ensure_ascii=False) if claim else ""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir), claim_text], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_holder_on_another_host_is_named(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    claim = {"user": "suzuki", "host": "office-pc-7", "pid": 1, "since": "2026-04-01T00:00:00+00:00"}
    with _hold_lock_in_child(data_dir, claim) as proc:  # closes the child's stdout pipe
        try:
            with pytest.raises(LockedError, match="suzuki（office-pc-7"):
                DataFolderLock(data_dir).acquire()
        finally:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.parametrize(
    "content", ["", "{not json", json.dumps({"user": "x", "host": "h", "pid": 1, "since": ""})]
)
def test_a_lock_file_nobody_holds_does_not_block(data_dir: Path, content: str) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "kyodo.lock").write_text(content, encoding="utf-8")  # e.g. left by a power cut
    with DataFolderLock(data_dir):
        holder = read_holder(data_dir)
        assert holder is not None and holder.pid == os.getpid()
    assert read_holder(data_dir) is None


def _committed_orgs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM organizations").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_killed_bulk_write_leaves_a_sound_file_and_no_stale_lock(data_dir: Path) -> None:
    cmd = [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(data_dir), "demo", "--orgs", "200000"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    db = data_dir / "kyodo.db"
    # wait until at least one batch has landed, then kill mid-write
    while time.monotonic() < deadline and _committed_orgs(db) < 5000:
        time.sleep(0.05)
    time.sleep(0.3)  # well into the next batch
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    check = subprocess.run(
        [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(data_dir), "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip() == "ok"
    with Workspace.open(data_dir) as ws, ws.engine.connect() as c:
        from sqlalchemy import text

        orgs = c.execute(text("SELECT count(*) FROM organizations")).scalar()
        audits = c.execute(text("SELECT count(*) FROM audit_log")).scalar()
    assert orgs is not None and orgs > 0 and orgs % 5000 == 0  # whole batches only
    assert audits == orgs
