"""Raw reads of the contacts and 対応記録 of exported organizations (stdlib ``sqlite3``, no ORM).

The export's extra sheets list, organization by organization in the order the main sheet wrote
them, the contacts (主担当 first, then in the order they were added) and the interactions (newest
first, as the window's panel shows them). The organizations' ids are read in pages of
:data:`PAGE_SIZE`, each page its own short read, so a long export never holds a read lock that
would make an officer's save wait.

Only named columns are selected: a column added to these tables later does not change the rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kyodo_desktop.persistence import sqlite_file

__all__ = ["CONTACT_COLUMNS", "INTERACTION_COLUMNS", "PAGE_SIZE", "contact_rows", "interaction_rows"]

#: Columns of ``contacts`` in the order :func:`contact_rows` returns them (after the org id).
CONTACT_COLUMNS: tuple[str, ...] = ("name", "kana", "role", "phone", "email", "is_primary")
#: Columns of ``interactions`` in the order :func:`interaction_rows` returns them (after the org id).
INTERACTION_COLUMNS: tuple[str, ...] = ("occurred_on", "kind", "summary", "officer", "next_action_on")

PAGE_SIZE = 500  # organization ids per query (well under SQLite's limit on ? parameters)

_CONTACT_ORDER = "is_primary DESC, created_at, id"
_INTERACTION_ORDER = "occurred_on DESC, created_at DESC, id"


def _rows_by_org(
    path: Path, table: str, columns: Sequence[str], order: str, org_ids: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """``(organization_id, *columns)`` of ``table`` for ``org_ids``, grouped in their order."""
    select = f"SELECT organization_id, {', '.join(columns)} FROM {table}"
    for start in range(0, len(org_ids), PAGE_SIZE):
        page = org_ids[start : start + PAGE_SIZE]
        marks = ",".join("?" * len(page))
        with sqlite_file.connection(path, readonly=True) as conn:
            found = _grouped(conn, f"{select} WHERE organization_id IN ({marks}) ORDER BY {order}", page)
        for org_id in page:
            yield from found.get(org_id, ())


def _grouped(conn: sqlite3.Connection, sql: str, page: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
    found: dict[str, list[tuple[Any, ...]]] = {}
    for row in conn.execute(sql, list(page)):
        found.setdefault(row[0], []).append(row)
    return found


def contact_rows(path: Path, org_ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """The contacts of ``org_ids`` (in that order): ``(organization_id, *CONTACT_COLUMNS)``."""
    return _rows_by_org(path, "contacts", CONTACT_COLUMNS, _CONTACT_ORDER, org_ids)


def interaction_rows(path: Path, org_ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """The 対応記録 of ``org_ids`` (in that order): ``(organization_id, *INTERACTION_COLUMNS)``."""
    return _rows_by_org(path, "interactions", INTERACTION_COLUMNS, _INTERACTION_ORDER, org_ids)
