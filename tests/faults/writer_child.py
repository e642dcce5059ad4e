"""A child process for the kill tests: one export or one backup, reporting where it is on stdout.

    python writer_child.py export DATA_DIR OUT [pause]
    python writer_child.py backup DATA_DIR [pause]

It prints ``started`` just before the operation, ``done SECONDS`` after it. With ``pause`` it
stops in the middle of the write (an export after its first rows, a backup after its first
pages, so the temp files and the backup's journal exist), prints ``midway`` and waits for a
line on stdin before it goes on: the parent kills it there, or runs a cleaner and lets it finish.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from kyodo_desktop.persistence import backup, sqlite_file
from kyodo_desktop.services.export_xlsx import PROGRESS_EVERY, export_organizations
from kyodo_desktop.services.workspace import Workspace


def _say(word: str) -> None:
    print(word, flush=True)


def _wait_here() -> None:
    _say("midway")
    sys.stdin.readline()


def _export(data_dir: Path, out: Path, pause: bool) -> None:
    ws = Workspace.open(data_dir, write=False)
    paused = False

    def progress(done: int, total: int) -> bool:
        nonlocal paused
        if pause and not paused and done >= PROGRESS_EVERY:
            paused = True
            _wait_here()
        return True

    _say("started")
    began = time.perf_counter()
    export_organizations(ws, out, progress=progress)
    _say(f"done {time.perf_counter() - began:.3f}")
    ws.close()


class _SteppedSource:
    """The backup's source connection, copying a few pages at a time and pausing after the first."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._paused = False

    def backup(self, target: Any) -> None:
        def step(status: int, remaining: int, total: int) -> None:
            if not self._paused:
                self._paused = True
                _wait_here()

        self._conn.backup(target, pages=64, progress=step)

    def close(self) -> None:
        self._conn.close()


def _backup(data_dir: Path, pause: bool) -> None:
    db = data_dir / sqlite_file.DB_FILE_NAME
    if pause:
        connect = sqlite_file.connect
        sqlite_file.connect = lambda path, **kw: _SteppedSource(connect(path, **kw))  # type: ignore[assignment,return-value]
    _say("started")
    began = time.perf_counter()
    backup.create_backup(db, backup.backups_dir(data_dir), "manual")
    _say(f"done {time.perf_counter() - began:.3f}")


def main(argv: list[str]) -> None:
    mode, data_dir = argv[0], Path(argv[1])
    if mode == "export":
        _export(data_dir, Path(argv[2]), argv[3:] == ["pause"])
    else:
        _backup(data_dir, argv[2:] == ["pause"])


if __name__ == "__main__":
    main(sys.argv[1:])
