"""Migration 0011: a schema-8 file keeps every row; the handover tables and columns come empty."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, RoleRowInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.models import Base
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

TABLES = (
    "organizations",
    "interactions",
    "officers",
    "projects",
    "project_partners",
    "project_roles",
    "project_stage_changes",
    "audit_log",
)
NEW_TABLES = ("commitments", "handover_notes", "handover_items", "handover_acknowledgements")


def _dump(path: Path, table: str, like: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(like) as conn:
        cols = ", ".join(f"typeof({r[1]}), {r[1]}" for r in conn.execute(f"PRAGMA table_info({table})"))
    conn.close()
    with sqlite3.connect(path) as conn:
        rows = conn.execute(f"SELECT rowid, {cols} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_schema_8_file_upgrades_with_nothing_lost(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir) as ws:
        orgs = OrganizationService(ws)
        org = orgs.create(OrganizationInput(name="みどりの会", legal_form="特定非営利活動法人"))
        orgs.add_interaction(
            org, InteractionInput(date(2026, 5, 1), "面談", "総会の相談", next_action_on=date(2026, 6, 1))
        )
        ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                section="市民協働課",
                fiscal_year=2025,
                partners=[PartnerInput(org)],
                roles=[RoleRowInput("企画", "共同")],
            ),
            stage_on=date(2025, 4, 1),
        )
    path = data_dir / "kyodo.db"
    as_revision(path, "0008")
    old = shutil.copy(path, tmp_path / "schema-8.db")
    with sqlite3.connect(old) as conn:
        assert not {r[0] for r in conn.execute("SELECT name FROM sqlite_master")} & set(NEW_TABLES)
    conn.close()
    before = {t: _dump(path, t, old) for t in TABLES}
    assert before["projects"] and before["interactions"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION == 13
            assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
            assert c.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert c.exec_driver_sql(
                "SELECT business_year_end, nintei_expires_on FROM organizations"
            ).all() == [("", None)]
            for table in NEW_TABLES:
                assert c.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        assert {t: _dump(path, t, old) for t in TABLES} == before
        record = OrganizationService(ws).get(org)
        assert record.data.name == "みどりの会" and record.interactions[0].data.summary == "総会の相談"
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before
