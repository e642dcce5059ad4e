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

_WHERE = "deleted_at IS NULL"
_COUNT_SQL = f"SELECT COUNT(*) FROM organizations WHERE {_WHERE}"
_SELECT = f"SELECT {', '.join(EXPORT_COLUMNS)} FROM organizations"
_ORDER = "ORDER BY kana, name, id LIMIT ?"
_FIRST_PAGE = f"{_SELECT} WHERE {_WHERE} {_ORDER}"
_NEXT_PAGE = f"{_SELECT} WHERE {_WHERE} AND (kana, name, id) > (?, ?, ?) {_ORDER}"
_KANA, _NAME, _ID = (EXPORT_COLUMNS.index(c) for c in ("kana", "name", "id"))
PAGE_SIZE = 2_000


class ExportRows(NamedTuple):
    """How many rows there are, and the rows themselves (consumed once)."""

    total: int
    rows: Iterator[tuple[Any, ...]]


def _pages(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    last: tuple[Any, ...] | None = None
    while True:
        if last is None:
            page = conn.execute(_FIRST_PAGE, (PAGE_SIZE,)).fetchall()
        else:
            page = conn.execute(_NEXT_PAGE, (last[_KANA], last[_NAME], last[_ID], PAGE_SIZE)).fetchall()
        if not page:
            return
        yield from page
        last = page[-1]


@contextmanager
def export_rows(path: Path) -> Iterator[ExportRows]:
    """Every organization not in the trash, ordered by kana and name, read page by page.

    Each page is its own short read (keyset pagination over the listing index), so a long
    export never holds a read lock that would make the officer's saves wait or fail; a record
    saved meanwhile appears in its new or old form, never half. ``total`` is counted first.
    """
    with sqlite_file.connection(path, readonly=True) as conn:
        total = int(conn.execute(_COUNT_SQL).fetchone()[0])
        yield ExportRows(total, _pages(conn))
