"""Migration 0012: a schema-11 file keeps every row; the day's indexes come and are used."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.models import Base
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision
from .test_migration_0011 import _dump

TABLES = ("organizations", "interactions", "officers", "projects", "project_partners", "commitments")
NEW = (
    "ix_interactions_last_contact",
    "ix_interactions_follow_up",
    "ix_organizations_responsible_officer_id",
    "ix_projects_lead_officer_id",
)
#: each new index and a query of the day that must use it
PLANS = {
    "ix_interactions_last_contact": "SELECT max(occurred_on) FROM interactions WHERE organization_id = 'x'",
    "ix_interactions_follow_up": "SELECT id FROM interactions WHERE next_action_on BETWEEN '2026-01-01' AND '2026-02-01'",
    "ix_organizations_responsible_officer_id": "SELECT id FROM organizations WHERE responsible_officer_id = 'x'",
    "ix_projects_lead_officer_id": "SELECT id FROM projects WHERE lead_officer_id = 'x'",
}


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    return names


def test_schema_11_file_upgrades_with_nothing_lost(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir) as ws:
        orgs = OrganizationService(ws)
        org = orgs.create(OrganizationInput(name="みどりの会"))
        orgs.add_interaction(
            org, InteractionInput(date(2026, 5, 1), "面談", "総会の相談", next_action_on=date(2026, 6, 1))
        )
        ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり", section="市民協働課", fiscal_year=2025, partners=[PartnerInput(org)]
            ),
            stage_on=date(2025, 4, 1),
        )
    path = data_dir / "kyodo.db"
    as_revision(path, "0011")
    assert not _indexes(path) & set(NEW)
    old = shutil.copy(path, tmp_path / "schema-11.db")
    before = {t: _dump(path, t, old) for t in TABLES}
    assert before["projects"] and before["interactions"] and before["officers"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION == 13
            assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
            for name, sql in PLANS.items():
                plan = " ".join(str(r[-1]) for r in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
                assert name in plan, (name, plan)
        assert {t: _dump(path, t, old) for t in TABLES} == before
        record = OrganizationService(ws).get(org)
        assert record.interactions[0].data.summary == "総会の相談"
    assert _indexes(path) >= set(NEW)
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before
    assert not _indexes(backup) & set(NEW)
