"""Benchmark: ``kyodo export-xlsx OUT --fiscal-year Y`` (the 年度レポート) against a plain openpyxl
write-only loop writing the same cells, both whole processes.

    python3 benchmarks/bench_annual_report.py [--orgs 100000] [--projects 20000] [--year Y] [--runs 5] [--seed S]

Uses the demo data folder of ``_data.demo_folder`` (N organizations and M projects, made once and
reused) and times, alternating A B A B …, ``--runs`` runs of each, from process launch to exit:

* ``kyodo``    — ``python -m kyodo_desktop.cli --data-dir D export-xlsx OUT --fiscal-year Y``:
  everything the officer waits for (imports, the data file opened and checked, every sheet's
  read, the fairness report, the evaluation views, the handovers, styles, fsync, rename);
* ``baseline`` — ``_data.BASELINE``: import openpyxl, load the very same cell values of every
  sheet (a pickle made once from a kyodo report read back with openpyxl: ``_data.cell_values``),
  ``Workbook(write_only=True)``, one sheet each with ``ws.append`` of every row, ``wb.save`` —
  no database, no computation, no styles. Its time loading the pickle is printed too.

The year defaults to the demo's busiest (the current 年度 minus one: its evaluations are done).
Prints every run, the medians with their range, and the ratio; the target is ≤ 1.5×. Beside the
wall-clock time, each side's CPU time (user + system of the child, from ``os.wait4``, as
``bench_projects_import.py`` does): on a shared, loaded machine the wall-clock time swings with
the other processes' share of the cores, the CPU time is what the process itself spent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import (
    TAB_PROJECTS,
    baseline_command,
    cell_values,
    child_env,
    demo_folder,
    loaded_seconds,
    median,
    spread,
)

TARGET_RATIO = 1.5


def _run(cmd: list[str], err_log: Path) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one whole process, and its stderr."""
    with err_log.open("wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=child_env())
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
    text = err_log.read_text(encoding="utf-8", errors="replace")
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{cmd[:3]} exited with {os.waitstatus_to_exitcode(status)}: {text[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, text


def _kyodo(folder: Path, out: Path, year: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "kyodo_desktop.cli",
        "--data-dir",
        str(folder),
        "export-xlsx",
        str(out),
        "--fiscal-year",
        str(year),
    ]


def main() -> int:
    from kyodo_desktop.domain.wareki import fiscal_year

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=100_000, help="demo organizations (100000)")
    parser.add_argument("--projects", type=int, default=TAB_PROJECTS, help=f"demo projects ({TAB_PROJECTS})")
    parser.add_argument("--year", type=int, default=fiscal_year(dt.date.today()) - 1, help="年度 (西暦)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each side (5)")
    parser.add_argument("--seed", type=int, default=1, help="demo seed (1; another seed, another folder)")
    args = parser.parse_args()

    folder = demo_folder(args.orgs, seed=args.seed, projects=args.projects)
    with tempfile.TemporaryDirectory(prefix="kyodo-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # every sheet (made once per data folder and year)
        values = cell_values(
            folder / f"report-values-{args.year}.pickle", lambda out: _kyodo(folder, out, args.year), tmp
        )
        kyodo_out, baseline_out = tmp / "kyodo.xlsx", tmp / "baseline.xlsx"
        kyodo = _kyodo(folder, kyodo_out, args.year)
        baseline = baseline_command(values, baseline_out)
        err_log = tmp / "stderr.txt"
        _run(kyodo, err_log)  # one warm-up run each: file cache and bytecode cache (see _data.child_env)
        _run(baseline, err_log)
        times: dict[str, list[float]] = {"kyodo": [], "baseline": []}
        cpus: dict[str, list[float]] = {"kyodo": [], "baseline": []}
        loads: list[float] = []
        for run in range(1, args.runs + 1):
            for side in ("baseline", "kyodo"):
                elapsed, cpu, err = _run(kyodo if side == "kyodo" else baseline, err_log)
                if side == "baseline":
                    loads.append(loaded_seconds(err))
                times[side].append(elapsed)
                cpus[side].append(cpu)
            print(
                f"run {run}: baseline {times['baseline'][-1]:.2f} s (CPU {cpus['baseline'][-1]:.2f} s), "
                f"kyodo {times['kyodo'][-1]:.2f} s (CPU {cpus['kyodo'][-1]:.2f} s)",
                flush=True,
            )
        with values.open("rb") as fh:
            rows = {title: len(sheet) - 1 for title, sheet in pickle.load(fh)}

    ratio = median(times["kyodo"]) / median(times["baseline"])
    verdict = "met" if ratio <= TARGET_RATIO else "NOT MET"
    print("rows: " + ", ".join(f"{title} {n:,}" for title, n in rows.items()))
    print(
        f"kyodo export-xlsx --fiscal-year {args.year}, {args.orgs:,} organizations, "
        f"{args.projects:,} projects: median {spread(times['kyodo'])}"
    )
    print(
        f"plain openpyxl loop, same cell values:  median {spread(times['baseline'])}"
        f" (of which loading the values {median(loads):.2f} s)"
    )
    print(f"CPU time: kyodo median {spread(cpus['kyodo'])}, plain loop {spread(cpus['baseline'])}")
    cpu_ratio = median(cpus["kyodo"]) / median(cpus["baseline"])
    print(f"ratio {ratio:.2f}× wall-clock, {cpu_ratio:.2f}× CPU (target ≤ {TARGET_RATIO}×): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
