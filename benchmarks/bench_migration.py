"""Benchmark: migration 0003 (refolding dup_key and search_text) on a schema-2 file.

    python3 benchmarks/bench_migration.py [--orgs N] [--runs R]

The demo folder (``--orgs``, 100,000 by default, made once under the temp folder) is copied for
every run and the copy stamped as the previous version left it (user_version 2, alembic revision
0002; migration 0003 changes no table, so that is the schema-2 file). Two cases alternate:
"current keys" (the demo's keys are already folded the new way, so the migration reads and folds
every row and writes none) and "every key stale" (each key gets a U+200B appended, as the old
rules kept it, so every row is written). Timed in process: the migration transaction alone
(``database._upgrade``), and the first writer's whole open (``Workspace.open``: the
pre-migration backup, ``quick_check``, the migration).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import demo_folder, spread

from kyodo_desktop.persistence import database
from kyodo_desktop.services.workspace import Workspace


def schema_2_copy(source: Path, into: Path, *, stale: bool) -> Path:
    """``into/kyodo.db``: a copy of ``source`` as version 2 left it (keys stale if asked)."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    db = into / "kyodo.db"
    shutil.copyfile(source, db)
    with closing(sqlite3.connect(db)) as conn, conn:
        if stale:
            conn.execute(
                "UPDATE organizations SET dup_key = dup_key || char(8203), search_text = search_text || char(8203)"
            )
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
        conn.execute("PRAGMA user_version = 2")
    return into


def main() -> None:
    """Print the medians of both cases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = demo_folder(args.orgs) / "kyodo.db"
    work = Path(tempfile.mkdtemp(prefix="kyodo-bench-migration-"))
    times: dict[str, list[float]] = {}
    try:
        for _ in range(args.runs):
            for stale in (False, True):
                case = "every key stale" if stale else "current keys"
                folder = schema_2_copy(source, work / "data", stale=stale)
                started = time.perf_counter()
                database._upgrade(folder / "kyodo.db")
                times.setdefault(f"migration, {case}", []).append(time.perf_counter() - started)

                folder = schema_2_copy(source, work / "data", stale=stale)
                started = time.perf_counter()
                Workspace.open(folder, daily_backup=False).close()
                times.setdefault(f"first writer's open, {case}", []).append(time.perf_counter() - started)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for label, values in times.items():
        print(f"{label} ({args.orgs:,} organizations, {len(values)} runs): {spread(values)}")


if __name__ == "__main__":
    main()
