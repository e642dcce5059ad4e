"""Raw column select of the registry for the Excel export (stdlib ``sqlite3``, no ORM).

The export writes up to 100k rows; ORM objects would cost seconds and memory for nothing, so the
rows come straight off a cursor as plain tuples, in :data:`EXPORT_COLUMNS` order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.listing import listing_sql

#: Columns of ``organizations`` in the order :func:`export_rows` returns them.
EXPORT_COLUMNS: tuple[str, ...] = (
    "name",
    "kana",
    "legal_form",
    "corporate_number",
    "municipality_name",
    "municipality_code",
    "postal_code",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "representative",
    "representative_kana",
    "activity_fields",
    "status",
    "established_on",
    "certified_on",
    "member_count",
    "registered_on",
    "last_contact_on",
    "tags",
    "notes",
    "id",
)

_WHERE = listing_sql()
_IDS_SQL = f"SELECT id FROM organizations WHERE {_WHERE} ORDER BY kana, name, id"
_SELECT = f"SELECT {', '.join(EXPORT_COLUMNS)} FROM organizations"
_ID = EXPORT_COLUMNS.index("id")
PAGE_SIZE = 500  # ids per query (well under SQLite's limit on ? parameters)


class ExportRows(NamedTuple):
    """How many rows there are, and the rows themselves (consumed once)."""

    total: int
    rows: Iterator[tuple[Any, ...]]


def _pages(conn: sqlite3.Connection, ids: list[str]) -> Iterator[tuple[Any, ...]]:
    for start in range(0, len(ids), PAGE_SIZE):
        page = ids[start : start + PAGE_SIZE]
        marks = ",".join("?" * len(page))
        found = {r[_ID]: r for r in conn.execute(f"{_SELECT} WHERE {_WHERE} AND id IN ({marks})", page)}
        # a record trashed meanwhile is skipped; one edited meanwhile comes in its new form
        yield from (found[i] for i in page if i in found)


@contextmanager
def export_rows(path: Path) -> Iterator[ExportRows]:
    """Every organization not in the trash, ordered by kana and name, read page by page.

    The ids (and so the order) are read once at the start; each page is then its own short read
    by id, so a long export never holds a read lock that would make the officer's saves wait or
    fail, and a record edited meanwhile (even its フリガナ) appears exactly once, never half.
    """
    with sqlite_file.connection(path, readonly=True) as conn:
        ids = [r[0] for r in conn.execute(_IDS_SQL)]
        yield ExportRows(len(ids), _pages(conn, ids))
