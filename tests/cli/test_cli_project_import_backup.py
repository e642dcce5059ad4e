"""The backup before ``kyodo projects import`` / ``kyodo import``: the day's backup when nothing
was written since, a copy of its own otherwise; either gives back the file as before the import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.models import Organization, Project
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from ..past_project_list import REGISTERED, write_list


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


def _counts(data_dir: Path) -> tuple[int, int]:
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        return (
            s.scalar(select(func.count()).select_from(Project)) or 0,
            s.scalar(select(func.count()).select_from(Organization)) or 0,
        )


def _backup_of(out: str) -> Path:
    return Path(out.split("取り込み前のバックアップ: ")[1].split("）")[0])


def _daily(data_dir: Path) -> Path:
    return next(b.path for b in backup.list_backups(data_dir / "backups") if b.reason == "daily")


@pytest.fixture
def registry(data_dir: Path) -> Path:
    with Workspace.open(data_dir) as ws:  # creating the file takes no daily backup
        OrganizationService(ws).create(OrganizationInput(name=REGISTERED[0], corporate_number=REGISTERED[1]))
    return data_dir


def test_the_days_backup_serves_when_nothing_was_written_since(
    registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write_list(tmp_path / "一覧.xlsx")
    before = _counts(registry)
    # the command's open takes the day's backup; the import writes only after its own
    code, out = _run(registry, capsys, "projects", "import", str(listed), "--drop-invalid")
    assert code == 0, out
    taken = _backup_of(out)
    assert "pre-import" in taken.name and os.path.samefile(taken, _daily(registry))
    assert _counts(registry) != before
    assert backup.verify(taken)
    backup.restore_backup(registry / "kyodo.db", taken)
    assert _counts(registry) == before


def test_a_write_after_the_days_backup_gets_a_copy_of_its_own(
    registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = write_list(tmp_path / "一覧.xlsx")
    with Workspace.open(registry) as ws:  # the day's backup, then a write after it
        OrganizationService(ws).create(OrganizationInput(name="あとで登録した会"))
    before = _counts(registry)
    code, out = _run(registry, capsys, "projects", "import", str(listed), "--drop-invalid")
    assert code == 0, out
    taken = _backup_of(out)
    assert not os.path.samefile(taken, _daily(registry))
    backup.restore_backup(registry / "kyodo.db", taken)
    assert _counts(registry) == before


def test_the_organization_import_takes_its_backup_the_same_way(
    registry: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = tmp_path / "団体.csv"
    listed.write_text("団体名,住所\n新しく取り込む会,千葉市中央区1-1\n", encoding="utf-8")
    before = _counts(registry)
    code, out = _run(registry, capsys, "import", str(listed))
    assert code == 0, out
    pre = [b.path for b in backup.list_backups(registry / "backups") if b.reason == "pre-import"]
    assert len(pre) == 1 and os.path.samefile(pre[0], _daily(registry))
    backup.restore_backup(registry / "kyodo.db", pre[0])
    assert _counts(registry) == before
