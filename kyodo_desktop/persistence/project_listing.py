"""The projects listing in plain ``sqlite3``: one SQLite step for every row, filters in Python.

Shared by ``ProjectService.list_projects`` (through its session's connection) and the 事業 tab,
which reads it before SQLAlchemy is imported (``gui.preload``) and then filters the rows it
holds (:func:`filter_rows`) instead of asking SQLite again for each filter. Only the partner
text and an organization's projects need the other tables (:func:`partner_project_ids`).

A row is a list as JSON gave it, in :data:`COLUMNS` order: 0/1 for the draft flag, ISO text
for the dates, the activity fields as stored ("1,13").
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kyodo_desktop.domain.project_terms import PartnerRole
from kyodo_desktop.persistence import sqlite_file

COLUMNS = (
    "id",
    "fiscal_year",
    "title",
    "form",
    "stage",
    "section",
    "relationship_kind",
    "is_draft",
    "main_partner",
    "period_end",
    "review_on",
    "activity_fields",
)
(ID, YEAR, TITLE, FORM, STAGE, SECTION, KIND, DRAFT, PARTNER, END, REVIEW, FIELDS) = range(len(COLUMNS))

Row = list[Any]

# One SQLite step hands back every row as one JSON text, decoded in C: fetching 20,000 rows one
# by one re-took the GIL per row and, beside the window's start-up work on the other thread,
# took 2 s instead of 0.4 s. The main partner's name comes through ix_project_partners_main
# (migration 0009), which covers the look-up of each project's first 主たるパートナー.
_LISTING = """
SELECT json_group_array(json_array(
    p.id, p.fiscal_year, p.title, p.form, p.stage, p.section, p.relationship_kind, p.is_draft,
    coalesce((SELECT o.name FROM project_partners AS pp JOIN organizations AS o ON o.id = pp.organization_id
              WHERE pp.project_id = p.id AND pp.role = ? ORDER BY pp.position LIMIT 1), ''),
    p.period_end, p.review_on, p.activity_fields))
FROM projects AS p
WHERE p.deleted_at IS {deleted} NULL AND p.is_draft = ?
"""


def read_listing(conn: sqlite3.Connection, *, drafts: bool = False, trash: bool = False) -> list[Row]:
    """Every project of the list asked for (the drafts, the trash, or the others), in listing
    order: 年度 newest first (none last), 担当課, title, id."""
    sql = _LISTING.format(deleted="NOT" if trash else "")
    (packed,) = conn.execute(sql, (PartnerRole.MAIN.value, 1 if drafts else 0)).fetchone()
    rows: list[Row] = json.loads(packed)
    rows.sort(key=listing_order)
    return rows


def listing_order(row: Row) -> tuple[Any, ...]:
    """The sort key of the listing order (made here, not trusted to the aggregate)."""
    fiscal_year = row[YEAR]
    return (fiscal_year is None, -(fiscal_year or 0), row[SECTION], row[TITLE], row[ID])


def _like(term: str) -> str:
    escaped = term.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def partner_project_ids(
    conn: sqlite3.Connection, terms: Sequence[str] = (), organization_id: str | None = None
) -> set[str]:
    """The projects with a partner whose search text holds every term (the registry's search,
    already folded by ``search_terms``) and, with ``organization_id``, that organization among
    their partners."""
    sql = "SELECT DISTINCT pp.project_id FROM project_partners AS pp"
    where: list[str] = []
    params: list[str] = []
    if terms:
        sql += " JOIN organizations AS o ON o.id = pp.organization_id"
        for term in terms:
            where.append("o.search_text LIKE ? ESCAPE '/'")
            params.append(_like(term))
    ids: set[str] | None = None
    if where:
        ids = {r[0] for r in conn.execute(f"{sql} WHERE {' AND '.join(where)}", params)}
    if organization_id is not None:
        own = {
            r[0]
            for r in conn.execute(
                "SELECT project_id FROM project_partners WHERE organization_id = ?", (organization_id,)
            )
        }
        ids = own if ids is None else ids & own
    return ids if ids is not None else set()


def read_file(
    path: Path, *, rows: bool, drafts: bool = False, trash: bool = False, terms: Sequence[str] = ()
) -> tuple[list[Row] | None, set[str] | None]:
    """From the data file at ``path`` (a read-only connection, no lock needed): the listing
    (with ``rows``, else None) and the projects whose partners match ``terms`` (None without)."""
    with sqlite_file.connection(path, readonly=True) as conn:
        listing = read_listing(conn, drafts=drafts, trash=trash) if rows else None
        ids = partner_project_ids(conn, terms) if terms else None
    return listing, ids


def filter_rows(
    rows: Iterable[Row],
    *,
    fiscal_year: int | None = None,
    section: str | None = None,
    stage: str | None = None,
    form: str | None = None,
    kind: str | None = None,
    field: int | None = None,
    ids: set[str] | None = None,
) -> list[Row]:
    """The rows matching every filter given (None: not filtered), in their order.

    ``field`` is an activity field code ("1,13" stored: one code is one substring test of the
    comma-wrapped list); ``ids`` the projects a partner filter left (:func:`partner_project_ids`).
    """
    tests: list[tuple[int, Any]] = [
        (column, value)
        for column, value in (
            (YEAR, fiscal_year),
            (SECTION, section),
            (STAGE, stage),
            (FORM, form),
            (KIND, kind),
        )
        if value is not None
    ]
    needle = f",{field}," if field is not None else None
    out: list[Row] = []
    append = out.append
    for row in rows:
        if ids is not None and row[ID] not in ids:
            continue
        if needle is not None and needle not in f",{row[FIELDS]},":
            continue
        if all(row[column] == value for column, value in tests):
            append(row)
    return out
