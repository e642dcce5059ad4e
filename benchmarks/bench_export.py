"""Benchmark: the Excel export against a plain openpyxl write-only loop writing the same cells.

    python3 benchmarks/bench_export.py --orgs 20000

Creates a throw-away data folder with N demo organizations, then times, alternating, ``--runs``
runs of each:

* ``export``   — :func:`kyodo_desktop.services.export_xlsx.export_organizations`, end to end
  (SQLite read, conversion, styles, temp file, fsync, rename);
* ``baseline`` — ``Workbook(write_only=True)`` + ``ws.append`` of the very same cell values,
  prepared beforehand (so neither the database read nor the conversion is timed), no styles.

Prints the medians and their ratio; the target is ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from kyodo_desktop.persistence.export_rows import export_rows
from kyodo_desktop.services import export_xlsx
from kyodo_desktop.services.workspace import Workspace

TARGET_RATIO = 1.5


def add_demo_orgs(ws: Workspace, count: int) -> int:
    """Add ``count`` demo organizations (seed 1)."""
    from kyodo_desktop.services import demo

    return demo.generate(ws, count, seed=1)


def plain_values(ws: Workspace) -> list[list[Any]]:
    """The header and every row exactly as the export writes them, as plain values (no cells)."""
    from openpyxl import Workbook

    sheet = Workbook(write_only=True).create_sheet()
    convert = export_xlsx._row_converter(sheet)
    rows: list[list[Any]] = [list(export_xlsx.HEADERS)]
    with export_rows(ws.db_path) as (_, cursor):
        for row in cursor:
            rows.append([getattr(v, "value", v) for v in convert(row)])
    return rows


def baseline(rows: list[list[Any]], out: Path) -> None:
    """The reference: a plain write-only loop, no styles."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet(export_xlsx.SHEET_TITLE)
    for row in rows:
        sheet.append(row)
    wb.save(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=100_000, help="organizations to create (100000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each variant (5)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kyodo-bench-") as tmp_name:
        tmp = Path(tmp_name)
        with Workspace.open(tmp / "data") as ws:
            started = time.perf_counter()
            created = add_demo_orgs(ws, args.orgs)
            print(f"created {created} demo organizations in {time.perf_counter() - started:.1f} s")
            rows = plain_values(ws)
            times: dict[str, list[float]] = {"export": [], "baseline": []}
            for run in range(1, args.runs + 1):
                # Alternate the order so drift (caches, CPU clocks) hits both alike.
                order = ("export", "baseline") if run % 2 else ("baseline", "export")
                for variant in order:
                    out = tmp / f"{variant}.xlsx"
                    started = time.perf_counter()
                    if variant == "export":
                        written = export_xlsx.export_organizations(ws, out)
                        assert written == created, (written, created)
                    else:
                        baseline(rows, out)
                    times[variant].append(time.perf_counter() - started)
                    out.unlink()
                print(
                    f"run {run}: export {times['export'][-1]:.2f} s, baseline {times['baseline'][-1]:.2f} s"
                )

    export_s = statistics.median(times["export"])
    baseline_s = statistics.median(times["baseline"])
    ratio = export_s / baseline_s
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"median export   {export_s:.2f} s  ({created / export_s:,.0f} rows/s)")
    print(f"median baseline {baseline_s:.2f} s  ({created / baseline_s:,.0f} rows/s)")
    print(f"ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
