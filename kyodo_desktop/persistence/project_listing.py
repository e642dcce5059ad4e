"""The projects listing in plain ``sqlite3``: one SQLite step for every row, filters in Python.

Shared by ``ProjectService.list_projects`` (through its session's connection) and the 事業 tab,
which reads it before SQLAlchemy is imported (``gui.preload``) and then filters the rows it
holds (:func:`filter_rows`) instead of asking SQLite again for each filter. The partner text is
matched over the partners' search texts read once (:class:`PartnerIndex`).

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
# took 2 s instead of 0.4 s. The order is made by SQLite too (the GIL released; no key function
# per row in Python): it keeps the subquery's order for this form, as the registry's listing
# ids rely on (``persistence.rows``), and its text order is Python's (UTF-8 bytes compare as
# code points). Each project's first 主たるパートナー comes from ix_project_partners_main
# (migration 0009) alone; the names of those organizations are read once each by a second
# step (_MAIN_NAMES) and put in by id: a third less work than looking a name up per project.
_LISTING = """
SELECT json_group_array(json_array(
    id, fiscal_year, title, form, stage, section, relationship_kind, is_draft,
    main_partner, period_end, review_on, activity_fields))
FROM (
    SELECT p.id, p.fiscal_year, p.title, p.form, p.stage, p.section, p.relationship_kind, p.is_draft,
        p.period_end, p.review_on, p.activity_fields,
        (SELECT pp.organization_id FROM project_partners AS pp
         WHERE pp.project_id = p.id AND pp.role = ? ORDER BY pp.position LIMIT 1) AS main_partner
    FROM projects AS p
    WHERE p.deleted_at IS {deleted} NULL AND p.is_draft = ?
    ORDER BY p.fiscal_year IS NULL, p.fiscal_year DESC, p.section, p.title, p.id
)
"""
_MAIN_NAMES = """
SELECT json_group_object(id, name) FROM organizations
WHERE id IN (SELECT organization_id FROM project_partners WHERE role = ?)
"""

# Every partner of every project, and the folded search text of each partner organization:
# two JSON steps (about 50,000 and 13,000 rows at 20,000 projects).
_PARTNERS = "SELECT json_group_array(json_array(project_id, organization_id)) FROM project_partners"
_PARTNER_TEXTS = """
SELECT json_group_object(id, search_text) FROM organizations
WHERE id IN (SELECT organization_id FROM project_partners)
"""


def read_listing(conn: sqlite3.Connection, *, drafts: bool = False, trash: bool = False) -> list[Row]:
    """Every project of the list asked for (the drafts, the trash, or the others), in listing
    order: 年度 newest first (none last), 担当課, title, id."""
    sql = _LISTING.format(deleted="NOT" if trash else "")
    main = PartnerRole.MAIN.value
    (packed,) = conn.execute(sql, (main, 1 if drafts else 0)).fetchone()
    rows: list[Row] = json.loads(packed)
    (names_packed,) = conn.execute(_MAIN_NAMES, (main,)).fetchone()
    names: dict[str, str] = json.loads(names_packed)
    for row in rows:  # the organization's id → its name ("" without a main partner)
        row[PARTNER] = names.get(row[PARTNER], "") if row[PARTNER] else ""
    return rows


class PartnerIndex:
    """Which projects each partner organization takes part in, and its folded search text.

    :meth:`matching` is the registry's search (every term a substring of one organization's
    ``search_text``, terms folded by ``search_terms``) over the partners alone: some thousand
    texts, so a partner filter is a few milliseconds in Python once this is read.
    """

    def __init__(self, pairs: Iterable[Sequence[str]], texts: dict[str, str]) -> None:
        self._projects: dict[str, list[str]] = {}
        for project_id, org_id in pairs:
            self._projects.setdefault(org_id, []).append(project_id)
        self._texts = texts

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> PartnerIndex:
        """Read the index from ``conn``."""
        (pairs,) = conn.execute(_PARTNERS).fetchone()
        (texts,) = conn.execute(_PARTNER_TEXTS).fetchone()
        return cls(json.loads(pairs), json.loads(texts))

    def matching(self, terms: Sequence[str]) -> set[str]:
        """The projects with a partner whose search text holds every one of ``terms``."""
        ids: set[str] = set()
        for org_id, text in self._texts.items():
            if all(term in text for term in terms):
                ids.update(self._projects.get(org_id, ()))
        return ids


def organization_project_ids(conn: sqlite3.Connection, organization_id: str) -> set[str]:
    """The projects ``organization_id`` takes part in (any role)."""
    sql = "SELECT project_id FROM project_partners WHERE organization_id = ?"
    return {r[0] for r in conn.execute(sql, (organization_id,))}


def read_file(
    path: Path, *, rows: bool, drafts: bool = False, trash: bool = False, partners: bool = False
) -> tuple[list[Row] | None, PartnerIndex | None]:
    """From the data file at ``path`` (a read-only connection, no lock needed): the listing
    (with ``rows``, else None) and the :class:`PartnerIndex` (with ``partners``, else None)."""
    with sqlite_file.connection(path, readonly=True) as conn:
        listing = read_listing(conn, drafts=drafts, trash=trash) if rows else None
        index = PartnerIndex.read(conn) if partners else None
    return listing, index


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
    comma-wrapped list); ``ids`` the projects a partner filter left (:meth:`PartnerIndex.matching`).
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
