"""Opening the data file: identity and health checks, creation, migrations, the engine.

Order on open: header identity (foreign / non-SQLite / newer files refused untouched) →
``quick_check`` (corrupt files reported with the verified backups) → migration if the file is
older (backup first) → engine with our PRAGMAs and real transactions.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kyodo_desktop.persistence import backup, sqlite_file, tempfiles
from kyodo_desktop.persistence.errors import KnownError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def db_path(data_dir: Path) -> Path:
    """``DATA_DIR/kyodo.db``."""
    return data_dir / sqlite_file.DB_FILE_NAME


def make_engine(path: Path) -> Engine:
    """An engine on ``path`` with our PRAGMAs on every connection and real BEGIN/COMMIT.

    pysqlite's legacy transaction handling does not BEGIN before DDL or SELECT; we switch it
    off and emit BEGIN ourselves (SQLAlchemy's documented recipe), so one ``session.begin()``
    is one SQLite transaction, migrations included.
    """
    engine = create_engine(
        # URL.create, not an f-string: a "?" or "#" in a folder name must stay part of the path
        URL.create("sqlite", database=str(path)),
        connect_args={"check_same_thread": False, "timeout": sqlite_file.BUSY_TIMEOUT_MS / 1000},
        hide_parameters=True,  # errors and logs never carry row values (names, phones)
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        sqlite_file.apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (the GUI shows them afterwards)."""
    return sessionmaker(engine, expire_on_commit=False)


def _alembic_config(engine: Engine, connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def _upgrade(path: Path) -> None:
    from alembic import command

    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(engine, conn), "head")
            conn.exec_driver_sql(f"PRAGMA application_id={sqlite_file.APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version={sqlite_file.SCHEMA_VERSION}")
    finally:
        engine.dispose()


def create_new(path: Path) -> None:
    """Create an empty, stamped data file atomically (built under a temp name, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tempfiles.temp_path(path.parent, "new", ".db")
    try:
        with contextlib.closing(sqlite3.connect(tmp)) as raw:
            # page size is fixed when the first page is written, so before any table exists
            raw.execute(f"PRAGMA page_size={sqlite_file.PAGE_SIZE}")
            raw.execute("VACUUM")
        _upgrade(tmp)
        sqlite_file.fsync_path(tmp)
        os.replace(tmp, path)
        sqlite_file.fsync_path(path.parent)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
    log.info("created new data file")


def migrate(path: Path) -> None:
    """Back up, then bring an older file up to :data:`SCHEMA_VERSION` in one transaction."""
    version = sqlite_file.check_identity(path)
    if version >= sqlite_file.SCHEMA_VERSION:
        return
    backup.create_backup(path, backup.backups_dir(path.parent), "pre-migration")
    try:
        _upgrade(path)
    except Exception as exc:
        raise KnownError(
            f"データ形式の更新に失敗しました（データは更新前のままです。バックアップ: {path.parent / 'backups'}）: {exc}"
        ) from exc
    log.info("migrated data file from schema %s to %s", version, sqlite_file.SCHEMA_VERSION)
