"""The year's figures, the breakdown, the headlines and the sheets 概要 / 分野別・市町村別, timed.

    PYTHONPATH=$PWD python3 benchmarks/bench_year_figures.py [--data-dir DIR] [--year 2025] [--runs 5]

Data: a folder of ``kyodo demo --orgs 100000 --projects 20000`` (:func:`_data.demo_folder`,
made once) unless ``--data-dir`` names one. In one process, the engine built first, each call
is timed ``--runs`` times and the median (and the spread) printed: ``year_figures`` for one
scope, ``year_breakdown``, ``home_headline`` (the home strip: two scopes) and the two sheet writers into a
write-only workbook, saved in memory (概要 reads its scope and the year before). Target: each figure call well
under a second.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import demo_folder, median, spread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from openpyxl import Workbook

    from kyodo_desktop.services import sheets
    from kyodo_desktop.services.home_headline import home_headline
    from kyodo_desktop.services.report_overview import write_breakdown_sheet, write_overview_sheet
    from kyodo_desktop.services.report_scope import ReportScope
    from kyodo_desktop.services.workspace import Workspace
    from kyodo_desktop.services.year_breakdown import year_breakdown
    from kyodo_desktop.services.year_figures import year_figures

    folder = args.data_dir or demo_folder(100_000, projects=20_000)
    ws = Workspace.open(folder, write=False)
    ws.session_factory()  # build the engine outside the timings
    scope = ReportScope(args.year)

    def sheets_only() -> None:
        wb = Workbook(write_only=True)
        sheets.use_default_font(wb)
        write_overview_sheet(wb, ws, scope)
        write_breakdown_sheet(wb, ws, scope)
        sheets.save_workbook(wb, io.BytesIO())  # saved, as the report does (an unsaved sheet leaks)

    calls: list[tuple[str, Callable[[], object]]] = [
        ("year_figures", lambda: year_figures(ws, scope)),
        ("year_breakdown", lambda: year_breakdown(ws, scope)),
        ("home_headline", lambda: home_headline(ws, scope.end)),
        ("both sheets", sheets_only),
    ]
    for name, call in calls:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        print(f"{name:18} {median(times) * 1000:7.0f} ms  ({spread(times)})")
    ws.close()


if __name__ == "__main__":
    main()
