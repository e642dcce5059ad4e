"""Benchmark: ``kyodo projects import`` of a 10,000-row past-project list against pandas
``read_excel`` + ``to_sql`` of the same file.

    python3 -m venv --system-site-packages /tmp/benchvenv && /tmp/benchvenv/bin/pip install '.[bench]'
    PYTHONPATH=$PWD /tmp/benchvenv/bin/python benchmarks/bench_projects_import.py [--rows 10000] [--runs 5] [--orgs 100000]

pandas is only the baseline (the ``bench`` extra; never a dependency of the app or the tests):
without it the script says so and exits 0.

Creates once (``$TMP/kyodo-bench-projects-<rows>-o<orgs>.xlsx``) a list like the tests'
(:mod:`tests.past_project_list`: a title row, a two-row header, 和暦 dates with notes, amounts as
text with commas and 円, ``－`` for nothing) whose partners come from the demo registry of
``--orgs`` organizations (:func:`_data.demo_folder`): registered names, with their 法人番号 when
they have one; the same names written another way (``NPO法人`` for 特定非営利活動法人, spaces); two
partners in one cell (共同提案体, numbered ①②); and groups not in the registry, recurring
across 年度 (they become new organizations). Then times, alternating, ``--runs`` runs of each,
every run a whole process as the user starts it:

* ``empty``  — ``kyodo projects import FILE`` into a new data folder (the house's way, as
  ``bench_import.py``): creating the file, reading, mapping, every partner a new organization,
  the pre-import backup, one transaction;
* ``registry`` — the same into a copy of the demo folder (copied before the clock starts; it
  already holds the day's daily backup, and nothing was written since): partners matched against
  the registry, the pre-import backup (the day's backup under a second name once its bytes are
  found to be the file's, :func:`kyodo_desktop.persistence.backup.unchanged_backup`), one
  transaction;
* ``pandas`` — ``pandas.read_excel(FILE, header=[2, 3])`` and ``DataFrame.to_sql`` into a fresh
  SQLite file.

Prints the medians with their range and each import's ratio to pandas (target ≤ 2×), of the
wall-clock time and of the CPU time (user + system of the child, from ``os.wait4``). On a shared,
loaded machine the wall-clock time of the same code swings by 3× between runs (it waits for the
other processes' turn on the cores); the CPU time is what the process itself spent, and its ratio
is the one to trust there. On a quiet machine the two agree but for the waits on the disk.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _data import child_env, demo_folder, median, spread  # noqa: E402

from tests.past_project_list import write_list  # noqa: E402

TARGET_RATIO = 2.0
#: the measured processes: the import into an empty folder (every partner new), into a copy of
#: the demo registry (partners matched; its pre-import backup copies and checks the whole file),
#: and the baseline
SIDES = ("empty", "registry", "pandas")
_SECTIONS = ("市民協働課", "環境政策課", "子育て支援課", "高齢福祉課", "生涯学習課", "防災危機管理課")
_TITLES = ("地域活動講座", "子育てひろば運営", "環境美化活動", "見守り訪問", "防災訓練支援", "居場所づくり")
_CIRCLED = "①②"

_PANDAS = """
import sqlite3, sys
import pandas
frame = pandas.read_excel(sys.argv[1], header=[2, 3])
frame.columns = [" ".join(str(c) for c in col) for col in frame.columns]
connection = sqlite3.connect(sys.argv[2])
frame.to_sql("projects", connection, index=False)
connection.commit()
connection.close()
print(len(frame))
"""


def _registered(folder: Path, how_many: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """``how_many`` active demo organizations: (name, 法人番号, 住所)."""
    with sqlite3.connect(f"file:{folder / 'kyodo.db'}?mode=ro", uri=True) as c:
        rows = c.execute(
            "SELECT name, corporate_number, address FROM organizations WHERE deleted_at IS NULL"
        ).fetchall()
    return rng.sample(rows, min(how_many, len(rows)))


def _other_spelling(name: str) -> str:
    if name.startswith("特定非営利活動法人"):
        return "NPO法人 " + name.removeprefix("特定非営利活動法人")
    return name.replace("の", " の", 1) if "の" in name else f"{name} "


def _row(n: int, rng: random.Random, orgs: list[tuple[str, str, str]]) -> list[object]:
    fy = 2020 + n % 5
    era = f"令和{fy - 2018}"
    draw = rng.random()
    if draw < 0.45:  # a registered group under its registered name, with its 法人番号 if any
        name, number, address = orgs[rng.randrange(len(orgs))]
        partner, numbers = f"{name}\n{address}" if address else name, number or "－"
    elif draw < 0.65:  # the same, written otherwise, no number
        name, _, address = orgs[rng.randrange(len(orgs))]
        partner, numbers = f"{_other_spelling(name)}\n{address}" if address else _other_spelling(name), "－"
    elif draw < 0.75:  # 共同提案体 of two registered groups
        pair = [orgs[rng.randrange(len(orgs))] for _ in range(2)]
        partner = "\n".join(f"{_CIRCLED[i]}{name}\n{address}" for i, (name, _, address) in enumerate(pair))
        numbers = "\n".join(f"{_CIRCLED[i]}{number}" for i, (_, number, _) in enumerate(pair) if number)
        if numbers.count("\n") != 1:
            numbers = "－"
    else:  # a group not in the registry, back every few years
        partner, numbers = f"市民活動グループ{n % 1500:04d}の会\n千葉市中央区中央{n % 50}-1", "－"
    amount = rng.randrange(10, 5000) * 1000
    return [
        f"{era}年度",
        f"{_TITLES[n % len(_TITLES)]} 第{n}回",
        partner,
        numbers,
        f"{era}年{1 + n % 12}月{1 + n % 28}日\n（{1 + n % 4}期分）",
        f"{amount:,}円" if n % 3 else amount,
        "－" if n % 4 else "地域で唯一実績があるため",
        _SECTIONS[n % len(_SECTIONS)],
        "",
    ]


def past_project_list(rows: int, orgs: int, folder: Path, seed: int = 1) -> Path:
    """The list of ``rows`` past projects (made once, cached under the temp folder)."""
    path = Path(tempfile.gettempdir()) / f"kyodo-bench-projects-{rows}-o{orgs}-s{seed}.xlsx"
    if not path.exists():
        rng = random.Random(seed)
        registered = _registered(folder, max(rows, 100), rng)
        partial = path.with_suffix(".part.xlsx")
        write_list(partial, [_row(n, rng, registered) for n in range(1, rows + 1)])
        partial.replace(path)
    return path


def run_child(cmd: list[str], log: Path, env: dict[str, str]) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds (user + system), peak RSS in MB, exit code) of one child process;
    its output goes to ``log``."""
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the list (10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each side (5)")
    parser.add_argument("--orgs", type=int, default=100_000, help="demo organizations (100000)")
    args = parser.parse_args()
    try:
        import pandas  # noqa: F401
    except ImportError:
        print(
            "pandas is not installed: no baseline, nothing measured (pip install '.[bench]' into a "
            "virtualenv; the target is ≤ 2× read_excel + to_sql)"
        )
        return 0
    folder = demo_folder(args.orgs)
    listed = past_project_list(args.rows, args.orgs, folder)
    print(f"list: {listed} ({listed.stat().st_size / 2**20:.1f} MB, {args.rows:,} rows); registry: {folder}")
    env = {**child_env(), "KYODO_OFFICER": "ベンチマーク職員"}
    env.pop("KYODO_DATA_DIR", None)
    with tempfile.TemporaryDirectory(prefix="kyodo-bench-pimport-") as tmp_name:
        tmp = Path(tmp_name)
        template = _registry_template(folder, tmp / "template")
        times: dict[str, list[float]] = {side: [] for side in SIDES}
        cpus: dict[str, list[float]] = {side: [] for side in SIDES}
        peaks: dict[str, list[float]] = {side: [] for side in SIDES}
        for run in range(0, args.runs + 1):  # run 0 warms the bytecode cache, not counted
            order = SIDES if run % 2 else tuple(reversed(SIDES))
            for side in order:
                target, log = tmp / f"{side}-{run}", tmp / f"{side}-{run}.log"
                if side == "pandas":
                    cmd = [sys.executable, "-c", _PANDAS, str(listed), str(target.with_suffix(".db"))]
                else:
                    if side == "registry":
                        shutil.copytree(template, target)
                    cmd = [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(target)]
                    cmd += ["projects", "import", str(listed)]
                elapsed, cpu, peak, code = run_child(cmd, log, env)
                output = log.read_text(encoding="utf-8", errors="replace")
                if code != 0:
                    print(output[-3000:], file=sys.stderr)
                    raise SystemExit(f"{side} failed with exit code {code}")
                if side != "pandas" and run == 0:
                    print(f"kyodo ({side}) says:", *output.strip().splitlines()[-2:], sep="\n  ")
                shutil.rmtree(target, ignore_errors=True)
                target.with_suffix(".db").unlink(missing_ok=True)
                if run:
                    times[side].append(elapsed)
                    cpus[side].append(cpu)
                    peaks[side].append(peak)
            if run:
                print(
                    f"run {run} (load {os.getloadavg()[0]:.1f}): "
                    + ", ".join(
                        f"{side} {times[side][-1]:.2f} s (CPU {cpus[side][-1]:.2f} s)" for side in SIDES
                    ),
                    flush=True,
                )
    for label, measured in (("wall clock", times), ("CPU (user + system)", cpus)):
        theirs = median(measured["pandas"])
        print(f"{label}:")
        print(
            f"  pandas read_excel + to_sql:              {spread(measured['pandas'])}, "
            f"peak {max(peaks['pandas']):.0f} MB"
        )
        for side, what in (
            ("empty", "into a new data folder"),
            ("registry", f"into the {args.orgs:,}-organization registry"),
        ):
            ratio = median(measured[side]) / theirs
            print(
                f"  kyodo projects import {what}: {spread(measured[side])}, peak {max(peaks[side]):.0f} MB → "
                f"{ratio:.2f}× (target ≤ {TARGET_RATIO:g}×: {'met' if ratio <= TARGET_RATIO else 'NOT MET'})"
            )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


def _registry_template(folder: Path, template: Path) -> Path:
    """A private copy of the demo folder that already holds today's daily backup (taken by the
    first writer of the day; an import later that day does not take it again)."""
    shutil.copytree(folder, template, ignore=shutil.ignore_patterns("*.lock", ".complete"))
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(template):
        pass
    return template


if __name__ == "__main__":
    raise SystemExit(main())
