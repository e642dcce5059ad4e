"""Migration 0008: a schema-7 file keeps every project and row; the questionnaire's answers come."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, RoleRowInput
from kyodo_desktop.persistence import audit, sqlite_file
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

TABLES = (
    "organizations",
    "officers",
    "projects",
    "project_partners",
    "project_roles",
    "project_stage_changes",
    "audit_log",
)

ANSWERS = {"setter": "both", "own_purpose": "yes", "support_aim": "no", "joint_planning": "yes"}


def _dump(path: Path, table: str, like: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(like) as conn:
        cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    conn.close()
    with sqlite3.connect(path) as conn:
        rows = conn.execute(f"SELECT rowid, {cols} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_schema_7_file_upgrades_with_nothing_lost(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir) as ws:
        org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
        pid = ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                fiscal_year=2025,
                section="公園緑地課",
                partners=[PartnerInput(org)],
                roles=[RoleRowInput("企画", "共同")],
            ),
            stage_on=date(2025, 4, 1),
        )
    path = data_dir / "kyodo.db"
    as_revision(path, "0007")
    old = shutil.copy(path, tmp_path / "schema-7.db")
    before = {t: _dump(path, t, old) for t in TABLES}
    assert before["projects"] and before["project_roles"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION == 13
            assert c.exec_driver_sql("SELECT kind_answers FROM projects").scalar() == ""
        assert {t: _dump(path, t, old) for t in TABLES} == before
        service = ProjectService(ws)
        record = service.get(pid)
        assert record.data.kind_answers == {} and record.data.title == "公園の花壇づくり"
        record.data.kind_answers = dict(ANSWERS)
        service.update(pid, record.data, expected_version=record.version)
        assert service.get(pid).data.kind_answers == ANSWERS
        with ws.session_factory() as s:
            [change] = [json.loads(r.changes) for r in audit.history(s, pid) if r.action == "update"]
        assert change["kind_answers"] == [{}, ANSWERS]  # kept in the audit snapshot
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before
