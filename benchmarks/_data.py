"""Shared by the benchmarks: a data folder with N demo organizations, made once and reused."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path


def demo_folder(orgs: int, seed: int = 1) -> Path:
    """``$TMP/kyodo-bench-N`` holding exactly ``orgs`` demo organizations (created on first use)."""
    folder = Path(tempfile.gettempdir()) / f"kyodo-bench-{orgs}-s{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        print(f"creating {orgs:,} demo organizations in {folder} …", file=sys.stderr, flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kyodo_desktop.cli",
                "--data-dir",
                str(folder),
                "demo",
                "--orgs",
                str(orgs),
                "--seed",
                str(seed),
            ],
            check=True,
        )
        marker.write_text("ok")
    return folder


def median(values: list[float]) -> float:
    """The median (the machines are noisy: quote medians)."""
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
