"""Benchmark: ``kyodo export-xlsx`` against a plain openpyxl write-only loop, both whole processes.

    python3 benchmarks/bench_export.py [--orgs 100000] [--runs 5]

Uses the demo data folder of ``_data.demo_folder`` (N organizations, made once and reused) and
times, alternating A B A B …, ``--runs`` runs of each, from process launch to exit:

* ``kyodo``    — ``python -m kyodo_desktop.cli --data-dir D export-xlsx OUT``: interpreter
  start, imports, opening and checking the data file, reading, converting, styles, temp file,
  fsync, rename — everything the officer waits for;
* ``baseline`` — ``_data.BASELINE``: import openpyxl, load the very same cell values (a pickle
  made once from a kyodo export, read back with openpyxl: ``_data.cell_values``),
  ``Workbook(write_only=True)`` and ``ws.append`` of every row, ``wb.save`` — no database, no
  conversion, no styles. The time it spends loading the pickle is printed too.

Prints every run, the medians with their range, and the ratio; the target is ≤ 1.3×.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import baseline_command, cell_values, child_env, demo_folder, loaded_seconds, median, spread

TARGET_RATIO = 1.3


def _kyodo(folder: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(folder), "export-xlsx", str(out)]


def _run(cmd: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=child_env())
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{cmd[:3]} exited with {done.returncode}: {done.stderr[-500:]}")
    return elapsed, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=100_000, help="demo organizations (100000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each side (5)")
    args = parser.parse_args()

    folder = demo_folder(args.orgs)
    with tempfile.TemporaryDirectory(prefix="kyodo-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # the 団体一覧 alone (made once per data folder)
        values = cell_values(folder / "export-sheets.pickle", lambda out: _kyodo(folder, out), tmp, sheets=1)
        kyodo_out, baseline_out = tmp / "kyodo.xlsx", tmp / "baseline.xlsx"
        baseline = baseline_command(values, baseline_out)
        # one warm-up run each: file cache and bytecode cache (see _data.child_env)
        _run(_kyodo(folder, kyodo_out))
        _run(baseline)
        times: dict[str, list[float]] = {"kyodo": [], "baseline": []}
        loads: list[float] = []
        for run in range(1, args.runs + 1):
            for side in ("baseline", "kyodo"):
                if side == "kyodo":
                    elapsed, _ = _run(_kyodo(folder, kyodo_out))
                else:
                    elapsed, err = _run(baseline)
                    loads.append(loaded_seconds(err))
                times[side].append(elapsed)
            print(
                f"run {run}: baseline {times['baseline'][-1]:.2f} s, kyodo {times['kyodo'][-1]:.2f} s",
                flush=True,
            )

    ratio = median(times["kyodo"]) / median(times["baseline"])
    verdict = "met" if ratio <= TARGET_RATIO else "NOT MET"
    print(f"kyodo export-xlsx, {args.orgs:,} organizations: median {spread(times['kyodo'])}")
    print(
        f"plain openpyxl loop, same cell values:  median {spread(times['baseline'])}"
        f" (of which loading the values {median(loads):.2f} s)"
    )
    print(f"ratio {ratio:.2f}× (target ≤ {TARGET_RATIO}×): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
