"""Kill tests: exports and backups killed (SIGKILL) in real child processes, then the next run.

What must hold after every kill: the target (an older workbook, the backups) is intact, and the
next run of the same operation, or the next start, removes every temp file the killed process
left (temp workbook, openpyxl's sheet spool, temp backup and its journal). And a writer that is
still alive keeps its files whoever sweeps. See README.md for longer runs and their figures.
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyodo_desktop.persistence import backup, sqlite_file
from kyodo_desktop.services import demo
from kyodo_desktop.services.export_xlsx import export_organizations
from kyodo_desktop.services.workspace import Workspace

CHILD = Path(__file__).with_name("writer_child.py")
#: Organizations in the registry: more than one progress step of the export (2,000 rows).
ORGS = 3000
#: Kills at random points per test; ``KYODO_FAULT_RUNS=50`` for a longer run by hand.
RUNS = int(os.environ.get("KYODO_FAULT_RUNS", "3"))
#: Seed of the kill times; ``KYODO_FAULT_SEED`` repeats a run.
SEED = int(os.environ.get("KYODO_FAULT_SEED", str(random.SystemRandom().randrange(1 << 30))))


class Writer:
    """A child export or backup (``writer_child.py``) whose steps are read from its stdout."""

    def __init__(self, args: list[str], spool: Path) -> None:
        env = {**os.environ, "TMPDIR": str(spool), "TEMP": str(spool), "TMP": str(spool)}
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        # lines go through a thread: a buffered pipe cannot be waited on line by line
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def expect(self, word: str, timeout: float = 60) -> str:
        """Wait for the child's next line, which must start with ``word``; return it."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            pytest.fail(f"the child said nothing for {timeout} s (waiting for {word!r})")
        if not line.startswith(word):
            self.proc.wait(timeout=60)
            self._reader.join(timeout=60)
            assert self.proc.stderr is not None
            pytest.fail(f"expected {word!r}, got {line!r}; stderr:\n{self.proc.stderr.read()}")
        return line

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put("")  # end of output

    def go_on(self) -> None:
        """Let a paused child finish its write, and check that it did."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        self.expect("done")
        assert self.proc.wait(timeout=60) == 0

    def kill(self) -> None:
        """SIGKILL (TerminateProcess on Windows) and reap, so its pid is no longer alive."""
        self.proc.kill()
        self.proc.wait(timeout=60)

    def close(self) -> None:
        """Kill the child if it still runs, and close the pipes."""
        if self.proc.poll() is None:
            self.kill()
        self._reader.join(timeout=60)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture(scope="module")
def _registry_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("registry") / "data"
    with Workspace.open(folder, write=True) as ws:
        demo.generate(ws, ORGS)
    return folder


@pytest.fixture
def registry(_registry_template: Path, tmp_path: Path) -> Path:
    """A data folder holding :data:`ORGS` organizations (a copy per test)."""
    folder = tmp_path / "data"
    shutil.copytree(_registry_template, folder)
    return folder


@pytest.fixture
def spool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder of the children and of this process (where openpyxl spools sheets)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def writers(spool: Path) -> Iterator[list[Writer]]:
    """Start children with ``writers.append(Writer(args, spool))``; any still running is killed."""
    started: list[Writer] = []
    yield started
    for writer in started:
        writer.close()


def _old_workbook(out: Path) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["older export"])
    wb.save(out)
    return out.read_bytes()


def _export_again(registry: Path, out: Path) -> None:
    with Workspace.open(registry, write=False) as ws:
        assert export_organizations(ws, out) == ORGS


def _sound_workbook(out: Path) -> bool:
    with zipfile.ZipFile(out) as zf:
        return zf.testzip() is None and "xl/workbook.xml" in zf.namelist()


def _others(folder: Path, keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != keep)


def _not_backups(folder: Path) -> list[str]:
    finals = {b.path.name for b in backup.list_backups(folder)}
    return sorted(p.name for p in folder.iterdir() if p.name not in finals)


def _duration(writer: Writer) -> float:
    writer.expect("started")
    seconds = float(writer.expect("done").split()[1])
    assert writer.proc.wait(timeout=60) == 0
    return seconds


def _report(what: str, landed: Counter[str]) -> None:
    print(
        f"\n{what}: {RUNS} kills (seed {SEED}): " + ", ".join(f"{k} {v}" for k, v in sorted(landed.items()))
    )


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder / "団体一覧.xlsx"


class TestExport:
    """A killed export leaves a hidden temp workbook beside the target and a sheet spool."""

    def test_a_killed_export_is_cleaned_by_the_next(
        self, registry: Path, spool: Path, writers: list[Writer], out: Path
    ) -> None:
        old = _old_workbook(out)
        writers.append(w := Writer(["export", str(registry), str(out), "pause"], spool))
        w.expect("started")
        w.expect("midway")
        w.kill()
        assert len(_others(out.parent, out)) == 1  # the temp workbook,
        assert len(list(spool.iterdir())) == 1  # and openpyxl's spool of the sheet
        assert out.read_bytes() == old

        _export_again(registry, out)
        assert _others(out.parent, out) == []
        assert list(spool.iterdir()) == []
        assert _sound_workbook(out)

    def test_a_live_export_keeps_its_files(
        self, registry: Path, spool: Path, writers: list[Writer], out: Path
    ) -> None:
        writers.append(w := Writer(["export", str(registry), str(out), "pause"], spool))
        w.expect("started")
        w.expect("midway")
        live = [*(out.parent / n for n in _others(out.parent, out)), *spool.iterdir()]
        assert len(live) == 2

        _export_again(registry, out)  # the same operation, run while the other one writes
        Workspace.open(registry, write=True, daily_backup=False).close()
        assert [p for p in live if not p.exists()] == []

        w.go_on()
        assert _others(out.parent, out) == []
        assert list(spool.iterdir()) == []
        assert _sound_workbook(out)

    def test_exports_killed_at_random_points(
        self, registry: Path, spool: Path, writers: list[Writer], out: Path
    ) -> None:
        old = _old_workbook(out)
        writers.append(w := Writer(["export", str(registry), str(out.with_name("timing.xlsx"))], spool))
        seconds = _duration(w)
        out.with_name("timing.xlsx").unlink()
        rng = random.Random(SEED)
        landed: Counter[str] = Counter()
        for _ in range(RUNS):
            writers.append(w := Writer(["export", str(registry), str(out)], spool))
            w.expect("started")
            time.sleep(rng.uniform(0, seconds * 1.2))
            w.kill()
            left = _others(out.parent, out) + [p.name for p in spool.iterdir()]
            finished = out.read_bytes() != old
            landed["finished" if finished else f"{len(left)} files left" if left else "nothing left"] += 1
            assert out.read_bytes() == old or _sound_workbook(out)

            _export_again(registry, out)
            assert _others(out.parent, out) == []
            assert list(spool.iterdir()) == []
            old = out.read_bytes()
        _report("export", landed)


class TestBackup:
    """A killed backup leaves a full-size temp copy and its journal in the backup folder."""

    @pytest.mark.parametrize("next_run", ["backup", "start"])
    def test_a_killed_backup_is_cleaned_by_the_next_run(
        self, registry: Path, spool: Path, writers: list[Writer], next_run: str
    ) -> None:
        folder = backup.backups_dir(registry)
        writers.append(w := Writer(["backup", str(registry), "pause"], spool))
        w.expect("started")
        w.expect("midway")
        w.kill()
        left = _not_backups(folder)
        assert [n for n in left if n.endswith(".db")] and [n for n in left if n.endswith("-journal")]
        assert backup.list_backups(folder) == []  # no killed backup got a final name

        if next_run == "backup":
            backup.create_backup(registry / sqlite_file.DB_FILE_NAME, folder, "manual")
        else:
            Workspace.open(registry, write=True, daily_backup=False).close()
        assert _not_backups(folder) == []

    def test_a_live_backup_keeps_its_files(self, registry: Path, spool: Path, writers: list[Writer]) -> None:
        folder = backup.backups_dir(registry)
        writers.append(w := Writer(["backup", str(registry), "pause"], spool))
        w.expect("started")
        w.expect("midway")
        live = [folder / n for n in _not_backups(folder)]
        assert len(live) == 2  # the copy and its journal

        # another reason than the child's: two backups of one reason in one second share a name
        backup.create_backup(registry / sqlite_file.DB_FILE_NAME, folder, "daily")
        Workspace.open(registry, write=True, daily_backup=False).close()
        assert [p for p in live if not p.exists()] == []

        w.go_on()
        assert _not_backups(folder) == []
        assert len(backup.verified_backups(folder)) == 2

    def test_backups_killed_at_random_points(
        self, registry: Path, spool: Path, writers: list[Writer]
    ) -> None:
        folder = backup.backups_dir(registry)
        db = registry / sqlite_file.DB_FILE_NAME
        writers.append(w := Writer(["backup", str(registry)], spool))
        seconds = _duration(w)
        rng = random.Random(SEED)
        landed: Counter[str] = Counter()
        for _ in range(RUNS):
            finals = len(backup.list_backups(folder))
            writers.append(w := Writer(["backup", str(registry)], spool))
            w.expect("started")
            time.sleep(rng.uniform(0, seconds * 1.2))
            w.kill()
            left = _not_backups(folder)
            finished = len(backup.list_backups(folder)) > finals
            landed["finished" if finished else f"{len(left)} files left" if left else "nothing left"] += 1
            assert len(backup.verified_backups(folder)) == len(backup.list_backups(folder))

            backup.create_backup(db, folder, "manual")
            assert _not_backups(folder) == []
        _report("backup", landed)
