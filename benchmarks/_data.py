"""Shared by the benchmarks: a data folder with N demo organizations (and M demo projects), made
once and reused; the plain openpyxl loop the export benchmarks compare with, and its cell values."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
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


ROOT = Path(__file__).resolve().parents[1]


def export_revision(rev: str, into: Path) -> Path:
    """The tree of ``rev`` as files under ``into`` (git archive: no worktree, no checkout)."""
    import io
    import tarfile

    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # 3.11.4+: refuse links and paths leaving ``into``
            tar.extractall(into, filter="data")
        else:
            tar.extractall(into)
    return into


def tree_env(tree: Path) -> dict[str, str]:
    """:func:`child_env` running the code of ``tree`` (a checkout or :func:`export_revision`)."""
    return {**child_env(), "PYTHONPATH": str(tree)}


def check_tree(tree: Path) -> None:
    """A child with :func:`tree_env` really runs ``tree``'s code (not an installed copy)."""
    out = subprocess.run(
        [sys.executable, "-c", "import kyodo_desktop; print(kyodo_desktop.__file__)"],
        env=tree_env(tree),
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    ).stdout.strip()
    assert Path(out).resolve().is_relative_to(tree.resolve()), (out, tree)


def run_until_ready(
    code: str, *args: str, timeout: float = 180, tree: Path | None = None
) -> tuple[float, str, list[str]]:
    """Run ``python -c code args`` as a measured child (:func:`child_env`; with ``tree``, that
    tree's code, run from the temp folder so the working folder's code is not found first): the
    seconds from launch to its first ``READY`` line, the rest of that line, and the lines it
    printed after."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the offscreen plugin's notices
        text=True,
        env=child_env() if tree is None else tree_env(tree),
        cwd=None if tree is None else tempfile.gettempdir(),
    )
    assert proc.stdout is not None
    ready, rest, after = None, "", []
    for line in proc.stdout:
        if ready is None:
            if line.startswith("READY"):
                ready, rest = time.perf_counter() - t0, line[5:].strip()
        else:
            after.append(line)
    proc.wait(timeout=timeout)
    if ready is None or proc.returncode != 0:
        raise RuntimeError(f"child exited with {proc.returncode} (ready: {ready})")
    return ready, rest, after


def spread(values: Sequence[float]) -> str:
    """``median (min–max)`` in seconds, for the printed figures."""
    return f"{median(list(values)):.2f} s ({min(values):.2f}–{max(values):.2f})"


#: The baseline of the export benchmarks: import openpyxl, load the cell values of every sheet
#: (``sys.argv[1]``, a pickle of :func:`cell_values`), ``Workbook(write_only=True)``, one sheet
#: each with ``ws.append`` of every row, ``wb.save`` to ``sys.argv[2]`` — no database, no
#: conversion, no styles. Its time loading the pickle goes to stderr as ``LOADED s``.
BASELINE = r"""
import pickle, sys, time
t0 = time.perf_counter()
from openpyxl import Workbook
with open(sys.argv[1], "rb") as fh:
    sheets = pickle.load(fh)
loaded = time.perf_counter() - t0
wb = Workbook(write_only=True)
for title, rows in sheets:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)
wb.save(sys.argv[2])
print(f"LOADED {loaded:.3f}", file=sys.stderr)
"""


def baseline_command(values: Path, out: Path) -> list[str]:
    """The :data:`BASELINE` process writing the sheets of ``values`` to ``out``."""
    return [sys.executable, "-c", BASELINE, str(values), str(out)]


def loaded_seconds(stderr: str) -> float:
    """The baseline's time loading its pickle, from its stderr."""
    return float(stderr.split("LOADED")[1].split()[0])


def cell_values(
    path: Path, export: Callable[[Path], list[str]], tmp: Path, *, sheets: int | None = None
) -> Path:
    """``path``, a pickle of ``[(title, rows), …]``: the cell values of the workbook that the
    command ``export(out)`` writes (made once: an existing ``path`` is kept), of its first
    ``sheets`` sheets (all without).

    Taken from a real export read back with openpyxl, so it holds exactly what is written;
    date cells come back as midnight datetimes and are turned back into dates.
    """
    if path.exists():
        return path
    from openpyxl import load_workbook

    out = tmp / "values.xlsx"
    subprocess.run(export(out), check=True, env=child_env(), capture_output=True)
    wb = load_workbook(out, read_only=True)
    values = []
    for ws in wb.worksheets[:sheets]:
        rows = [
            [v.date() if isinstance(v, dt.datetime) and v.time() == dt.time() else v for v in row]
            for row in ws.iter_rows(values_only=True)
        ]
        values.append((ws.title, rows))
    wb.close()
    with path.open("wb") as fh:
        pickle.dump(values, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path
