"""``kyodo projects import`` of a 10,000-row past-project list, against pandas.read_excel + to_sql.

    PYTHONPATH=$PWD python3 benchmarks/bench_projects_import.py [ROWS]

Writes a list like the tests' (tests/past_project_list.py: title row, two-row header, 和暦 dates,
amounts as text), imports it into a fresh data folder (read, plan, one transaction), then, when
pandas is installed, reads the same file with ``pandas.read_excel`` and writes it with ``to_sql``
into an empty SQLite file. The target is the import at most 2× the pandas figure. pandas is not
installed on the build machine (and must not be installed system-wide): then only the import is
timed and the script says so.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kyodo_desktop.services.project_import import apply_project_import, prepare_project_import
from kyodo_desktop.services.workspace import Workspace
from tests.past_project_list import write_list


def _rows(count: int) -> list[list[object]]:
    return [
        [
            f"令和{2 + n % 5}年度",
            f"地域活動講座 第{n}回",
            f"市民団体{n % 3000:04d}の会\n千葉市中央区{n % 50}-1",
            "－",
            f"令和{2 + n % 5}年4月1日\n（4～6月分）",
            f"{n * 1000:,}円",
            "－",
            "市民協働課",
            "",
        ]
        for n in range(1, count + 1)
    ]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        listed = write_list(Path(tmp) / "list.xlsx", _rows(count))
        start = time.perf_counter()
        with Workspace.open(Path(tmp) / "data") as ws:
            prepared = prepare_project_import(ws, listed)
            summary = apply_project_import(ws, prepared.plan)
        ours = time.perf_counter() - start
        print(
            f"projects import: {count:,} rows, {summary.projects:,} projects, {summary.organizations:,} new organizations in {ours:.2f} s"
        )
        try:
            import pandas  # type: ignore[import-not-found]
        except ImportError:
            print("pandas is not installed: no comparison (the target is ≤ 2× read_excel + to_sql)")
            return
        start = time.perf_counter()
        frame = pandas.read_excel(listed, header=[2, 3])
        frame.columns = [" ".join(str(c) for c in col) for col in frame.columns]
        with sqlite3.connect(Path(tmp) / "pandas.db") as c:
            frame.to_sql("projects", c, index=False)
        theirs = time.perf_counter() - start
        print(f"pandas read_excel + to_sql: {theirs:.2f} s; ratio {ours / theirs:.2f} (target ≤ 2)")


if __name__ == "__main__":
    main()
