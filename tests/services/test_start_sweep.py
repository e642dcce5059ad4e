"""The next writer's start removes the temp files of killed writes, and only a dead owner's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kyodo_desktop.persistence import tempfiles
from kyodo_desktop.services import settings
from kyodo_desktop.services.workspace import Workspace


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_start_removes_a_dead_owner_s_temp_files_of_every_kind(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    pid = _dead_pid()
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    dead, live = [], []
    for folder, label, suffix in (
        (data_dir, "new", ".db"),
        (data_dir, "restore", ".db"),
        (data_dir, "settings", ".json"),
        (backups, "backup", ".db"),
    ):
        mine = tempfiles.temp_path(folder, label, suffix)
        theirs = mine.with_name(re.sub(r"-\d+-(\d+-[0-9a-f]{16})", rf"-{pid}-\1", mine.name))
        for path in (mine, theirs, theirs.with_name(theirs.name + "-journal")):
            path.write_bytes(b"partial")
        live.append(mine)
        dead += [theirs, theirs.with_name(theirs.name + "-journal")]
    old = time.time() - 7200
    legacy_journal = backups / ".tmp-0123456789abcdef0123456789abcdef.db-journal"
    legacy_journal.write_bytes(b"journal of an older version's killed backup")
    os.utime(legacy_journal, (old, old))

    Workspace.open(data_dir).close()
    assert [p.name for p in dead if p.exists()] == []
    assert not legacy_journal.exists()
    assert all(p.exists() for p in live)  # this process is alive: its files stay


def test_settings_are_written_under_an_owned_temp_name(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(settings.os, "replace", replace)
    settings.save_settings(data_dir, {"language": "ja"})
    assert len(seen) == 1 and tempfiles.is_owned_temp(seen[0]) and seen[0].startswith(".settings.tmp-")
