"""Shared by the benchmarks: a data folder with N demo organizations (and M demo projects), made
once and reused."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: the projects of the projects-tab benchmark's folder (issue 11: 20,000 beside 100,000 organizations)
TAB_PROJECTS = 20_000


def demo_folder(orgs: int, seed: int = 1, projects: int = 0) -> Path:
    """``$TMP/kyodo-bench-N-sS`` holding exactly ``orgs`` demo organizations (created on first use);
    with ``projects``, ``…-pM`` holding as many demo projects among them too.

    Made again when the data format changed since (readers refuse an older file).
    """
    from kyodo_desktop.persistence.sqlite_file import SCHEMA_VERSION

    name = f"kyodo-bench-{orgs}-s{seed}" + (f"-p{projects}" if projects else "")
    folder = Path(tempfile.gettempdir()) / name
    marker = folder / ".complete"
    stamp = f"schema {SCHEMA_VERSION}"
    if not marker.exists() or marker.read_text() != stamp:
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        what = f"{orgs:,} demo organizations" + (f" and {projects:,} projects" if projects else "")
        print(f"creating {what} in {folder} …", file=sys.stderr, flush=True)
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
                *(["--projects", str(projects)] if projects else []),
            ],
            check=True,
        )
        marker.write_text(stamp)
    return folder


def median(values: list[float]) -> float:
    """The median (the machines are noisy: quote medians)."""
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def child_env(*, bytecode_cache: bool = True) -> dict[str, str]:
    """The environment of every measured process: offscreen Qt, bytecode cached as on a user's PC.

    An installed copy runs from compiled bytecode (pip compiles on install, the bundle ships
    .pyc files). The development containers set ``PYTHONDONTWRITEBYTECODE=1``, which made each
    measured start compile ``kyodo_desktop`` from source (0.04–0.16 s of a 0.35–0.7 s start-up) while
    the baseline's PySide6/openpyxl came precompiled from site-packages. So the children cache
    bytecode under the temp folder (``PYTHONPYCACHEPREFIX``; nothing is written to the tree) and
    a warm-up run of each side fills that cache before anything is timed.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if not bytecode_cache:  # as the development containers run it (``--compile-each-start``)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        return env
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "kyodo-bench-pycache")
    return env


def spread(values: Sequence[float]) -> str:
    """``median (min–max)`` in seconds, for the printed figures."""
    return f"{median(list(values)):.2f} s ({min(values):.2f}–{max(values):.2f})"
