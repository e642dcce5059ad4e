"""Migration 0004: the table not_duplicates is added and every existing row stays identical.

The schema-3 file is made by this program, then given what the program before issue 10 had:
the schema of revision 0003 (no not_duplicates table) and its stamp (user_version 3).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services import duplicates, not_duplicates
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

TABLES = ("organizations", "contacts", "interactions", "audit_log")


def _schema_3_file(data_dir: Path) -> list[str]:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        ids = [
            svc.create(
                OrganizationInput(name="みどりの会", address="千葉市中央区1-1", phone="043-223-1111"),
                contacts=[ContactInput(name="緑 花子", phone="043-000-0000")],
            ),
            svc.create(OrganizationInput(name="みどりの会"), allow_duplicate=True),
            svc.create(OrganizationInput(name="ひだまり", tags="子育て")),
        ]
        svc.add_interaction(
            ids[2], InteractionInput(occurred_on=date(2026, 11, 30), kind="電話", summary="確認")
        )
        svc.delete(ids[2])
    as_revision(data_dir / "kyodo.db", "0003")
    return ids


def _dump(path: Path, table: str, like: Path | None = None) -> list[tuple[object, ...]]:
    """Every row of ``table``, each value with its type; only the columns ``like``'s table has."""
    with sqlite3.connect(like or path) as conn:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    conn.close()
    with sqlite3.connect(path) as conn:
        select = ", ".join(f"typeof({c}), {c}" for c in cols)
        rows = conn.execute(f"SELECT rowid, {select} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def _schema(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    return rows


def test_schema_3_is_migrated_keeping_every_row_and_a_backup(data_dir: Path, tmp_path: Path) -> None:
    ids = _schema_3_file(data_dir)
    path = data_dir / "kyodo.db"
    before = {t: _dump(path, t) for t in TABLES}
    old = shutil.copy(path, tmp_path / "schema-3.db")  # later columns are new: compare the old ones
    assert sqlite_file.SCHEMA_VERSION == 13
    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION
            assert (
                c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == f"{sqlite_file.SCHEMA_VERSION:04d}"
            )
            assert c.exec_driver_sql("SELECT count(*) FROM not_duplicates").scalar() == 0
        assert {t: _dump(path, t, like=old) for t in TABLES} == before  # every row identical
        not_duplicates.mark(ws, ids[0], ids[1])  # and the new table works
        assert duplicates.find_candidates(ws) == []
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'not_duplicates'").fetchall()
    conn.close()
    assert {t: _dump(backup, t) for t in TABLES} == before

    fresh = tmp_path / "fresh"
    Workspace.open(fresh).close()
    assert _schema(path) == _schema(fresh / "kyodo.db")  # the same schema as a new file's
