"""Migration 0009: a schema-8 file keeps every row; the listing's partner index comes and is used."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision
from .test_migration_0008 import TABLES, _dump


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    return names


def test_schema_8_file_upgrades_with_nothing_lost(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir) as ws:
        orgs = OrganizationService(ws)
        green = orgs.create(OrganizationInput(name="みどりの会"))
        sky = orgs.create(OrganizationInput(name="あおぞらネット"))
        pid = ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                section="市民協働課",
                fiscal_year=2025,
                partners=[PartnerInput(sky), PartnerInput(green, "協力団体")],
            ),
            stage_on=date(2025, 4, 1),
        )
    path = data_dir / "kyodo.db"
    as_revision(path, "0008")
    assert "ix_project_partners_main" not in _indexes(path)
    old = shutil.copy(path, tmp_path / "schema-8.db")
    before = {t: _dump(path, t, old) for t in TABLES}
    assert before["projects"] and before["project_partners"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION == 13
            plan = " ".join(
                str(r[-1])
                for r in c.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT organization_id FROM project_partners "
                    "WHERE project_id = ? AND role = ? ORDER BY position LIMIT 1",
                    (pid, "主たるパートナー"),
                )
            )
            assert "ix_project_partners_main" in plan
        assert {t: _dump(path, t, old) for t in TABLES} == before
        [summary] = ProjectService(ws).list_projects()
        assert summary.id == pid and summary.main_partner == "あおぞらネット"
    assert "ix_project_partners_main" in _indexes(path)
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before
    assert "ix_project_partners_main" not in _indexes(backup)
