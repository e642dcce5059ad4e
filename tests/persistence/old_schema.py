"""Turning a file this program made back into what an older program left: interactions at 0004.

Migration tests build their old file with today's program and then undo, by hand, what later
migrations added. This one undoes 0005: the interactions table gets exactly the definition
revision 0004 gave it (read from a file alembic builds to 0004), every row kept, rowid included.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory

from alembic import command

from kyodo_desktop.persistence.database import _alembic_config, make_engine

#: Columns later migrations added, by table (a dump of an old file's rows leaves them out).
NEWER_COLUMNS = {"interactions": ("contact_id", "updated_at", "version")}
OLD_COLUMNS = "id, organization_id, occurred_on, kind, officer, summary, next_action_on, created_at"


@cache
def _interactions_sql_at_0004() -> tuple[str, ...]:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "ref.db"
        engine = make_engine(path)
        with engine.begin() as conn:
            command.upgrade(_alembic_config(engine, conn), "0004")
        engine.dispose()
        with sqlite3.connect(path) as raw:
            rows = raw.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'interactions' AND sql IS NOT NULL"
                " ORDER BY type DESC"  # the table before its indexes
            ).fetchall()
        raw.close()
    return tuple(r[0] for r in rows)


def interactions_as_0004(conn: sqlite3.Connection) -> None:
    """Rebuild ``interactions`` as revision 0004 defined it (no contact, version, updated_at)."""
    conn.execute("ALTER TABLE interactions RENAME TO _interactions_new")
    for (index,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '_interactions_new'"
        " AND sql IS NOT NULL"
    ).fetchall():
        conn.execute(f"DROP INDEX {index}")
    table, *indexes = _interactions_sql_at_0004()
    conn.execute(table)
    conn.execute(
        f"INSERT INTO interactions (rowid, {OLD_COLUMNS}) SELECT rowid, {OLD_COLUMNS} FROM _interactions_new"
    )
    conn.execute("DROP TABLE _interactions_new")
    for sql in indexes:
        conn.execute(sql)
