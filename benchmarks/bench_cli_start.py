"""Benchmark: start-up of the ``kyodo`` command, this code against the code at a git revision.

    python3 benchmarks/bench_cli_start.py [--rev REV] [--runs N] [--orgs N]

Whole processes, as a user starts them: ``python -m kyodo_desktop.cli --help`` and
``python -m kyodo_desktop.cli --data-dir FOLDER orgs search 会`` on a demo folder of ``--orgs``
organizations (2,000 by default, created once under the temp folder). The code at ``--rev``
(default: the merge-base of HEAD with ``main``) is exported with ``git archive`` into a temp
folder, so the repository and its worktrees are not touched; each child process gets only its
own tree on ``PYTHONPATH``, and bytecode cached under the temp folder (as an installed copy has
it; without it the timings measure the compiler). Runs alternate between the two trees (the order flips every run);
the medians and their ratio are printed. Target: ratio ≤ 1.0 (no slower than before).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import ROOT, check_tree, demo_folder, export_revision, median, tree_env


def run_once(tree: Path, args: list[str]) -> tuple[float, float]:
    """Seconds from launch to exit of one ``kyodo`` process, and the CPU seconds it used.

    CPU time (user + system, from ``os.wait4``) varies less than wall-clock time on a shared
    machine; where there is no ``wait4`` (Windows) it is the wall-clock time.
    """
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "kyodo_desktop.cli", *args],
        env=tree_env(tree),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),
    )
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    else:
        child.wait()
        cpu = None
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    return wall, wall if cpu is None else cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", help="the revision to compare with (default: merge-base of HEAD and main)")
    ap.add_argument("--runs", type=int, default=15, help="runs of each command and tree (default 15)")
    ap.add_argument("--orgs", type=int, default=2000, help="organizations in the demo folder (default 2000)")
    opts = ap.parse_args()
    rev = (
        opts.rev
        or subprocess.run(
            ["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    folder = demo_folder(opts.orgs)
    commands = {"--help": ["--help"], "orgs search 会": ["--data-dir", str(folder), "orgs", "search", "会"]}
    with tempfile.TemporaryDirectory(prefix="kyodo-bench-rev-") as tmp:
        trees = {"new": ROOT, "old": export_revision(rev, Path(tmp))}
        for tree in trees.values():
            check_tree(tree)
        outputs = {
            label: subprocess.run(
                [sys.executable, "-m", "kyodo_desktop.cli", *commands["orgs search 会"]],
                env=tree_env(tree),
                capture_output=True,
                check=True,
            ).stdout
            for label, tree in trees.items()
        }
        assert outputs["new"] == outputs["old"] and outputs["new"], "the two trees print different results"
        times: dict[tuple[str, str], list[tuple[float, float]]] = {
            (c, t): [] for c in commands for t in trees
        }
        for tree in trees.values():  # warm the file cache and the bytecode of both trees
            for args in commands.values():
                run_once(tree, args)
        for i in range(opts.runs):
            order = list(trees) if i % 2 == 0 else list(reversed(trees))
            for name, args in commands.items():
                for label in order:
                    times[name, label].append(run_once(trees[label], args))
    hits = outputs["new"].count(b"\n")
    print(f"revision {rev[:12]} (old) vs {ROOT} (new); {opts.runs} runs each; medians (min)")
    print(f"demo folder: {opts.orgs:,} organizations; orgs search 会 finds {hits:,}")
    print(f"{'command':<16} {'':<5} {'new':>16} {'old':>16} {'new/old':>8}")
    for name in commands:
        for kind, index in (("wall", 0), ("CPU", 1)):
            new = [t[index] for t in times[name, "new"]]
            old = [t[index] for t in times[name, "old"]]
            print(
                f"{name:<16} {kind:<5} {median(new) * 1000:>8.0f} ms ({min(new) * 1000:.0f})"
                f" {median(old) * 1000:>8.0f} ms ({min(old) * 1000:.0f}) {median(new) / median(old):>7.2f}×"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
