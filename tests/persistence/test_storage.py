"""The data file: identity, PRAGMAs, migrations, refusal of foreign/newer/non-SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from kyodo_desktop.domain.text import duplicate_key
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.errors import ForeignDatabaseError, NewerVersionError, NotSQLiteError
from kyodo_desktop.persistence.lock import read_holder
from kyodo_desktop.persistence.models import Base
from kyodo_desktop.services.workspace import Workspace


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_stamped_and_uses_rollback_journal(ws: Workspace) -> None:
    conn = sqlite3.connect(ws.db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == sqlite_file.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == sqlite_file.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA page_size").fetchone()[0] == sqlite_file.PAGE_SIZE == 8192
    conn.close()


def test_every_engine_connection_has_the_decided_pragmas(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == sqlite_file.BUSY_TIMEOUT_MS


def test_migrations_produce_exactly_the_mapped_schema(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_transactions_are_real_so_a_failed_action_leaves_nothing(ws: Workspace) -> None:
    with pytest.raises(RuntimeError), ws.session_factory.begin() as s:
        s.execute(
            text(
                "INSERT INTO audit_log (occurred_at, officer, entity, record_id, action, changes, context) "
                "VALUES ('t', 'o', 'e', 'r', 'a', '{}', '')"
            )
        )
        raise RuntimeError("boom")
    with ws.session_factory() as s:
        assert s.execute(text("SELECT count(*) FROM audit_log")).scalar() == 0


@pytest.mark.parametrize(
    "content",
    [b"", b"name,phone\nfoo,03\n", b"PK\x03\x04" + b"\0" * 200, "団体名\n".encode("cp932") * 50],
    ids=["empty", "csv", "zip", "cp932-text"],
)
def test_non_sqlite_file_is_refused_untouched(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "kyodo.db"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(NotSQLiteError, match="ではありません"):
        Workspace.open(data_dir)
    assert _digest(path) == before
    assert read_holder(data_dir) is None  # the lock was let go


def test_foreign_sqlite_database_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "kyodo.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.execute("INSERT INTO other VALUES (1)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ForeignDatabaseError, match="他のプログラム"):
        Workspace.open(data_dir)
    assert _digest(path) == before


def test_file_from_a_newer_version_is_refused_untouched(ws: Workspace, data_dir: Path) -> None:
    ws.close()
    conn = sqlite3.connect(data_dir / "kyodo.db")
    conn.execute(f"PRAGMA user_version={sqlite_file.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = _digest(data_dir / "kyodo.db")
    for write in (True, False):
        with pytest.raises(NewerVersionError, match="新しいバージョン"):
            Workspace.open(data_dir, write=write)
    assert _digest(data_dir / "kyodo.db") == before


def test_older_file_is_backed_up_then_migrated(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "kyodo.db"
    conn = sqlite3.connect(path)  # a pre-release file: stamped as ours, schema version 0
    conn.execute(f"PRAGMA application_id={sqlite_file.APPLICATION_ID}")
    conn.execute("CREATE TABLE early_notes (x)")
    conn.commit()
    conn.close()
    with Workspace.open(data_dir) as ws, ws.engine.connect() as c:
        assert c.execute(text("PRAGMA user_version")).scalar() == sqlite_file.SCHEMA_VERSION
        tables = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert {"organizations", "contacts", "interactions", "audit_log", "early_notes"} <= tables
    backups = list((data_dir / "backups").glob("kyodo-*-pre-migration.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as b:
        assert b.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_question_mark_in_the_folder_name_stays_part_of_the_path(tmp_path: Path) -> None:
    from kyodo_desktop.domain.organization import OrganizationInput
    from kyodo_desktop.services.organizations import OrganizationService

    folder = tmp_path / "events?mode=ro#1"
    with Workspace.open(folder) as ws:
        OrganizationService(ws).create(OrganizationInput(name="疑問符の会"))
    assert (folder / "kyodo.db").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events?mode=ro#1"]


def test_a_version_1_file_with_data_is_backed_up_and_migrated(data_dir: Path) -> None:
    from alembic import command

    from kyodo_desktop.persistence.database import _alembic_config, make_engine

    data_dir.mkdir(parents=True)
    path = data_dir / "kyodo.db"
    engine = make_engine(path)
    with engine.begin() as conn:  # a file as version 0.1 of the program wrote it
        command.upgrade(_alembic_config(engine, conn), "0001")
        conn.exec_driver_sql(f"PRAGMA application_id={sqlite_file.APPLICATION_ID}")
        conn.exec_driver_sql("PRAGMA user_version=1")
        conn.exec_driver_sql(
            "INSERT INTO organizations (id, name, kana, legal_form, corporate_number, municipality_code,"
            " municipality_name, postal_code, address, phone, fax, email, website, representative,"
            " representative_kana, purpose, status, tags, notes, registered_on, activity_fields, dup_key,"
            " search_text, version, created_at, updated_at) VALUES ('o1', '移行の会', '', '', '', '', '', '', '',"
            " '', '', '', '', '', '', '', '活動中', '', '', '2026-04-01', '', 'いこうのかい', 'いこうのかい', 1, 't', 't')"
        )
    engine.dispose()
    with Workspace.open(data_dir) as ws, ws.engine.connect() as c:
        assert c.execute(text("PRAGMA user_version")).scalar() == sqlite_file.SCHEMA_VERSION == 13
        assert c.execute(text("SELECT name, merged_into FROM organizations")).one() == ("移行の会", None)
        # 0003 refolded the key the old file stored ("いこうのかい" is no fold of the name)
        assert c.execute(text("SELECT dup_key FROM organizations")).scalar() == duplicate_key("移行の会")
        assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
    pre = list((data_dir / "backups").glob("*-pre-migration.db"))
    assert len(pre) == 1
    with sqlite3.connect(pre[0]) as b:
        assert b.execute("PRAGMA user_version").fetchone()[0] == 1
