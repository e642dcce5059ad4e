"""Migration 0005: interactions gain contact_id, version and updated_at; nothing is lost.

The schema-4 file is made by this program, then given what the program before this change had:
the interactions table as revision 0004 defined it, its stamp (user_version 4, revision 0004).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.models import Base
from kyodo_desktop.services import not_duplicates
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

#: Columns later migrations added, by table (a dump of an old file's rows leaves them out).
NEWER_COLUMNS = {
    "interactions": ("contact_id", "updated_at", "version"),
    "organizations": ("responsible_officer_id", "business_year_end", "nintei_expires_on"),  # 0007, 0011
}

TABLES = ("organizations", "contacts", "interactions", "audit_log", "not_duplicates")


def _schema_4_file(data_dir: Path) -> dict[str, str]:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        ids = {
            "midori": svc.create(
                OrganizationInput(name="みどりの会", address="千葉市中央区1-1"),
                contacts=[ContactInput(name="緑 花子", phone="043-000-0000")],
            ),
            "hidamari": svc.create(OrganizationInput(name="ひだまり")),
        }
        for n in range(3):
            ids[f"log{n}"] = svc.add_interaction(
                ids["midori"],
                InteractionInput(
                    occurred_on=date(2026, 11, 28 + n),
                    kind="電話",
                    summary=f"確認{n}\n二行目",
                    officer="佐藤",
                ),
            )
        ids["log3"] = svc.add_interaction(
            ids["hidamari"],
            InteractionInput(
                occurred_on=date(2026, 10, 1), kind="面談", summary="相談", next_action_on=date(2026, 12, 1)
            ),
        )
        svc.remove_interaction(ids["log1"])  # a gap in the rowids
        not_duplicates.mark(ws, ids["midori"], ids["hidamari"])
    as_revision(data_dir / "kyodo.db", "0004")
    return ids


def _dump(path: Path, table: str, *, all_columns: bool = False) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        skip = () if all_columns else NEWER_COLUMNS.get(table, ())
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
        select = ", ".join(f"typeof({c}), {c}" for c in cols)
        rows = conn.execute(f"SELECT rowid, {select} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def _schema(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    return rows


def test_schema_4_with_interactions_is_migrated_keeping_every_row(data_dir: Path, tmp_path: Path) -> None:
    ids = _schema_4_file(data_dir)
    path = data_dir / "kyodo.db"
    with sqlite3.connect(path) as raw:
        assert "contact_id" not in [r[1] for r in raw.execute("PRAGMA table_info(interactions)")]
    raw.close()
    before = {t: _dump(path, t) for t in TABLES}
    assert len(before["interactions"]) == 3

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION
            assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
            assert c.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            new_values = c.exec_driver_sql(
                "SELECT contact_id, version, updated_at FROM interactions ORDER BY rowid"
            ).all()
        assert new_values == [(None, 1, None)] * 3
        assert {t: _dump(path, t) for t in TABLES} == before  # every old value, rowids included
        record = OrganizationService(ws).get(ids["midori"])
        assert [(i.id, i.data.summary, i.data.contact_id) for i in record.interactions] == [
            (ids["log2"], "確認2\n二行目", None),
            (ids["log0"], "確認0\n二行目", None),
        ]
        # and the new column works: a link, undone when the contact goes
        contact_id = record.contacts[0].id
        with ws.engine.begin() as c:
            c.exec_driver_sql(
                f"UPDATE interactions SET contact_id = '{contact_id}' WHERE id = '{ids['log0']}'"
            )
        OrganizationService(ws).remove_contact(contact_id)
        assert OrganizationService(ws).get(ids["midori"]).interactions[1].data.contact_id is None

    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    conn.close()
    assert {t: _dump(backup, t, all_columns=True) for t in TABLES} == before

    fresh = tmp_path / "fresh"
    Workspace.open(fresh).close()
    assert _schema(path) == _schema(fresh / "kyodo.db")  # the same schema as a new file's
