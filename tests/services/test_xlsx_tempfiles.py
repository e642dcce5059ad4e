"""Workbook writes (export, import summary) name their temp files, and clean a dead writer's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kyodo_desktop.domain.importing import ImportRow
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.persistence import tempfiles
from kyodo_desktop.services.export_xlsx import export_organizations
from kyodo_desktop.services.import_summary import write_import_summary
from kyodo_desktop.services.importing import plan_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.xlsx_spool import SPOOL_LABEL


@pytest.fixture
def spool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder / "団体一覧.xlsx"


def _as_dead_writer(path: Path) -> Path:
    """``path`` renamed as if a process that has since died had written it."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    # .LABEL.tmp-HOST-PID-START-TOKEN.SUFFIX: put the dead pid in place of this one's
    dead = path.with_name(re.sub(r"-\d+-(\d+-[0-9a-f]{16})", rf"-{proc.pid}-\1", path.name))
    dead.write_bytes(b"left by a killed writer")
    assert tempfiles.is_owned_temp(dead.name)
    return dead


def test_an_export_writes_only_owned_temp_files(
    ws: Workspace, svc: OrganizationService, out: Path, spool: Path
) -> None:
    svc.create(OrganizationInput(name="みどりの会"))
    seen: list[list[str]] = []

    def progress(done: int, total: int) -> bool:
        seen.append(sorted(p.name for p in [*out.parent.iterdir(), *spool.iterdir()]))
        return True

    export_organizations(ws, out, progress=progress)
    names = seen[-1]
    assert len(names) == 2  # the temp workbook beside the target and the sheet spool
    assert all(tempfiles.is_owned_temp(n) for n in names)
    assert [n for n in names if n.startswith(f".{out.name}.tmp-")]
    assert [n for n in names if n.startswith(f".{SPOOL_LABEL}.tmp-")]
    assert [p.name for p in out.parent.iterdir()] == [out.name]
    assert list(spool.iterdir()) == []


def test_an_export_removes_what_a_dead_exporter_left_and_keeps_a_live_one_s(
    ws: Workspace, out: Path, spool: Path
) -> None:
    live_workbook = tempfiles.temp_path(out.parent, out.name, ".xlsx")
    live_spool = tempfiles.temp_path(spool, SPOOL_LABEL, ".xml")
    for path in (live_workbook, live_spool):
        path.write_bytes(b"being written by this process")
    dead = [_as_dead_writer(live_workbook), _as_dead_writer(live_spool)]
    legacy = out.parent / ".団体一覧.xlsx.tmp-0123456789abcdef0123456789abcdef.xlsx"
    legacy.write_bytes(b"left by an older version, just now")
    old_legacy = legacy.with_name(".名簿.xlsx.tmp-" + "f" * 32 + ".xlsx")
    old_legacy.write_bytes(b"left by an older version, two hours ago")
    two_hours_ago = time.time() - 7200
    os.utime(old_legacy, (two_hours_ago, two_hours_ago))

    export_organizations(ws, out)
    assert [p for p in dead if p.exists()] == []
    assert live_workbook.exists() and live_spool.exists() and legacy.exists()
    assert not old_legacy.exists()  # no owner in the name: only its age can tell


def test_the_import_summary_cleans_like_the_export(ws: Workspace, out: Path, spool: Path) -> None:
    plan = plan_import(
        ws, [ImportRow(2, validate_organization(OrganizationInput(name="新しい会")))], source_name="a.xlsx"
    )
    summary = out.with_name("取り込み結果.xlsx")
    for folder, label, suffix in ((out.parent, summary.name, ".xlsx"), (spool, SPOOL_LABEL, ".xml")):
        _as_dead_writer(tempfiles.temp_path(folder, label, suffix))
    assert len([*out.parent.iterdir(), *spool.iterdir()]) == 2
    write_import_summary(plan, summary)
    assert [p.name for p in out.parent.iterdir()] == [summary.name]
    assert list(spool.iterdir()) == []
