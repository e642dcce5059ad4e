"""Migration 0007: officers and projects come; a schema-4 file keeps every row and its settings."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services import not_duplicates, settings
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

TABLES = ("organizations", "contacts", "interactions", "audit_log", "not_duplicates")


def _dump(path: Path, table: str, like: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(like) as conn:
        cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    conn.close()
    with sqlite3.connect(path) as conn:
        rows = conn.execute(f"SELECT rowid, {cols} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_schema_4_file_upgrades_with_everything_intact(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        a = svc.create(OrganizationInput(name="みどりの会"), contacts=[ContactInput(name="緑 花子")])
        b = svc.create(OrganizationInput(name="みどりの会"), allow_duplicate=True)
        svc.add_interaction(a, InteractionInput(occurred_on=date(2026, 11, 30), kind="電話", summary="確認"))
        not_duplicates.mark(ws, a, b)
    settings.set_officer(data_dir, "千葉 花子", "県民生活課")
    path = data_dir / "kyodo.db"
    as_revision(path, "0004")
    old = shutil.copy(path, tmp_path / "schema-4.db")
    before = {t: _dump(path, t, old) for t in TABLES}
    assert before["audit_log"] and before["not_duplicates"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION
        assert {t: _dump(path, t, old) for t in TABLES} == before
        assert ws.officer.label() == "千葉 花子（県民生活課）"  # the old setting still names the officer
        pid = ProjectService(ws).create(
            ProjectInput(
                title="新しい事業", fiscal_year=2026, section="市民協働課", partners=[PartnerInput(a)]
            )
        )
        assert [p.id for p in ProjectService(ws).projects_of_organization(a)] == [pid]
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before
