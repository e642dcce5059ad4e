"""Data files as an older release left them, made from records the current program stored.

A migration test stores its records through today's services, then :func:`as_revision` turns
the file into one with exactly the schema of an older revision (built by the migrations up to
it) holding the same rows, rowids included. Each later migration then needs nothing undone
by hand (dropping a table or a column a newer revision added).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic import command

from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.database import _alembic_config, make_engine


def as_revision(path: Path, revision: str) -> None:
    """Rewrite the data file ``path`` in the schema of ``revision`` ("0003"), keeping its rows.

    Every table of that revision gets the rows of the same table in ``path`` (the columns both
    have); tables and columns added later are left behind. Stamped as that release stamped it.
    """
    old = path.with_name(f"old-{revision}.db")
    old.unlink(missing_ok=True)
    raw = sqlite3.connect(old)
    raw.execute(f"PRAGMA page_size={sqlite_file.PAGE_SIZE}")
    raw.execute("VACUUM")
    raw.close()
    engine = make_engine(old)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(engine, conn), revision)
    engine.dispose()
    conn = sqlite3.connect(old, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(path),))
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")
            if r[0] != "alembic_version"
        ]
        conn.execute("BEGIN")
        for table in tables:
            have = {r[1] for r in conn.execute(f"PRAGMA src.table_info({table})")}
            cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})") if r[1] in have)
            # rows a migration seeds (0010's built-in templates) are the source's rows too
            conn.execute(f"DELETE FROM main.{table}")
            conn.execute(
                f"INSERT INTO main.{table} (rowid, {cols}) SELECT rowid, {cols} FROM src.{table} ORDER BY rowid"
            )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        conn.execute(f"PRAGMA application_id={sqlite_file.APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={int(revision)}")
    finally:
        conn.close()
    os.replace(old, path)
