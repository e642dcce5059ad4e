"""Raw column select of the registry for the Excel export (stdlib ``sqlite3``, no ORM).

The export writes up to 100k rows; ORM objects would cost seconds and memory for nothing, so the
rows come straight off a cursor as plain tuples, in :data:`EXPORT_COLUMNS` order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.listing import FILTER_COLUMNS, OrgFilter, filter_rows, listing_sql

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
    "responsible_officer",
    "id",
)
#: Columns that are no column of ``organizations``: the 担当職員 is written by the officer's name
#: (an officer in the trash still by name: the record says who it was).
_EXPRESSIONS = {
    "responsible_officer": (
        "(SELECT o.name FROM officers AS o WHERE o.id = organizations.responsible_officer_id)"
    ),
}

_WHERE = listing_sql()
# Pages are read by rowid, straight off the table's b-tree (3× faster than through the id
# index); the listing index (kana, name, id) holds the rowids. The ids are kept to check each
# row, since a VACUUM by another program may renumber rowids meanwhile.
_ORDER = "ORDER BY kana, name, id"
_LISTING_SQL = f"SELECT rowid, id FROM organizations WHERE {_WHERE} {_ORDER}"
_FILTER_SQL = f"SELECT rowid, id, {', '.join(FILTER_COLUMNS)} FROM organizations WHERE {_WHERE} {_ORDER}"
_SELECT = f"SELECT {', '.join(_EXPRESSIONS.get(c, c) for c in EXPORT_COLUMNS)} FROM organizations"
_ID = EXPORT_COLUMNS.index("id")
PAGE_SIZE = 500  # rowids per query (well under SQLite's limit on ? parameters)


class ExportRows(NamedTuple):
    """How many rows there are, and the rows themselves (consumed once)."""

    total: int
    rows: Iterator[tuple[Any, ...]]


def _pages(conn: sqlite3.Connection, listing: list[tuple[int, str]]) -> Iterator[tuple[Any, ...]]:
    for start in range(0, len(listing), PAGE_SIZE):
        page = listing[start : start + PAGE_SIZE]
        marks = ",".join("?" * len(page))
        sql = f"{_SELECT} WHERE {_WHERE} AND rowid IN ({marks})"
        found = {r[_ID]: r for r in conn.execute(sql, [rowid for rowid, _ in page])}
        if len(found) < len(page):  # trashed meanwhile, or rowids renumbered: look up by id
            lost = [org_id for _, org_id in page if org_id not in found]
            sql = f"{_SELECT} WHERE {_WHERE} AND id IN ({','.join('?' * len(lost))})"
            found.update((r[_ID], r) for r in conn.execute(sql, lost))
        # a record trashed meanwhile is skipped; one edited meanwhile comes in its new form
        yield from (found[org_id] for _, org_id in page if org_id in found)


def _listing(
    conn: sqlite3.Connection, org_filter: OrgFilter | None, ids: Sequence[str] | None, in_given_order: bool
) -> list[tuple[int, str]]:
    """``(rowid, id)`` of the rows to export, in order; narrowed by the filter rule or to ``ids``
    (then in the order of ``ids`` when ``in_given_order``)."""
    if org_filter is not None and org_filter.is_set:
        rows = conn.execute(_FILTER_SQL).fetchall()
        listing = [(rows[p][0], rows[p][1]) for p in filter_rows(org_filter, rows, 2)]
    else:
        listing = conn.execute(_LISTING_SQL).fetchall()
    if ids is not None and in_given_order:
        rowids = {org_id: rowid for rowid, org_id in listing}
        listing = [(rowids[org_id], org_id) for org_id in dict.fromkeys(ids) if org_id in rowids]
    elif ids is not None:
        wanted = set(ids)
        listing = [(rowid, org_id) for rowid, org_id in listing if org_id in wanted]
    return listing


@contextmanager
def export_rows(
    path: Path,
    *,
    org_filter: OrgFilter | None = None,
    ids: Sequence[str] | None = None,
    in_given_order: bool = False,
) -> Iterator[ExportRows]:
    """The organizations not in the trash, ordered by kana and name, read page by page.

    ``org_filter`` keeps the rows its rule matches (:func:`~.listing.filter_positions`, the same
    rule as the window's list); ``ids`` keeps only those records (the rows on screen), in the
    order of ``ids`` when ``in_given_order`` (the table's sort on screen), else by kana and name.

    The ids (and so the order) are read once at the start; each page is then its own short read
    (by rowid, each row checked by id), so a long export never holds a read lock that would make the officer's saves wait or
    fail, and a record edited meanwhile (even its フリガナ) appears exactly once, never half.
    """
    with sqlite_file.connection(path, readonly=True) as conn:
        listing = _listing(conn, org_filter, ids, in_given_order)
        yield ExportRows(len(listing), _pages(conn, listing))
