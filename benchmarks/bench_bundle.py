"""Start-up of the PyInstaller bundle vs ``python -m kyodo_desktop``, side by side in one run.

Both start the GUI offscreen on the same data folder with ``--exit-when-ready`` (quit as soon as
the registry rows show); wall time from process launch to the READY line, alternating, medians.

Usage: python3 -m PyInstaller --noconfirm build.spec && python3 benchmarks/bench_bundle.py [--orgs N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import child_env, demo_folder, median

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "KyodoDesktop" / ("KyodoDesktop.exe" if os.name == "nt" else "KyodoDesktop")


def _start(cmd: list[str]) -> float:
    env = child_env()  # the source side from cached bytecode, as the bundle's is
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    if "READY" not in out:
        raise RuntimeError(f"{cmd[0]} did not report READY: {out!r}")
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--orgs", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    if not BUNDLE.exists():
        print(f"no bundle at {BUNDLE}: build it first (python3 -m PyInstaller --noconfirm build.spec)")
        return 1
    folder = str(demo_folder(a.orgs))
    bundled = [str(BUNDLE), "--data-dir", folder, "--exit-when-ready"]
    source = [sys.executable, "-m", "kyodo_desktop", "--data-dir", folder, "--exit-when-ready"]
    _start(bundled), _start(source)  # warm the file cache for both
    b_times, s_times = [], []
    for run in range(a.runs):  # alternate so both see the same machine state
        b_times.append(_start(bundled))
        s_times.append(_start(source))
        print(f"run {run + 1}: bundle {b_times[-1]:.3f} s, source {s_times[-1]:.3f} s", flush=True)
    b, s = median(b_times), median(s_times)
    print(
        f"start-up to {a.orgs:,} rows shown: bundle median {b:.2f} s, python -m kyodo_desktop {s:.2f} s "
        f"→ ratio {b / s:.2f}×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
