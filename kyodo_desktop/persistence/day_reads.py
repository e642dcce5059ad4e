"""The reads of the officer's day in plain ``sqlite3``: follow-ups, promises, the handover
alerts and the evaluations due, each written once here.

Shared by ``services.today`` (the home tab, read in the start-up worker before SQLAlchemy is
imported), ``services.handover_alerts`` (the 引継ぎ tab, ``kyodo handover``, the 年度レポート's
引継状況) and ``services.evaluation_due`` (the 評価 tab's list). Each function takes an open
connection and hands back plain rows (lists) — dates as ISO text, as stored — in the order the
caller lists them, each list read in one SQLite step (:func:`_packed`); the rules that are
not SQL (what counts as open, the 年度 of a project) stay with the callers and the domain.

An organization's latest contact is its 最終接触日 (``organizations.last_contact_on``), which
every write of the log keeps equal to its latest interaction (``services.interactions``; made
sure of by migration 0013): only an interaction on that day can still be an open follow-up.
Everyone's quiet partners, follow-ups, ending agreements and evaluation candidates are read
from the covering indexes of migration 0013 (``ix_organizations_quiet``, ``ix_organizations_day``,
``ix_projects_day``), named ``INDEXED BY``: SQLite would rather walk the wide rows (the quiet
partners 0.16 s → 0.02 s at 100,000 organizations).

Narrowing to one officer (``officer_id``) goes through the officer columns' indexes (migration
0012). Where SQLite would rather walk ``ix_organizations_listing`` or
``ix_organizations_deleted_at`` over every live organization than take the dates' or the
officer's index for the few rows wanted, ``deleted_at`` is written ``+o.deleted_at``: SQLite
then uses no index for it (0.32 s → 0.01 s at 100,000); ``CROSS JOIN`` keeps the order of a
join as written (the dates' index first for everyone's follow-ups, the officer's for theirs).
A list of ids is passed as one JSON text (``json_each``), so no number of officers meets
SQLite's limit on parameters.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from operator import itemgetter
from typing import Any

__all__ = [
    "ending_projects",
    "follow_ups",
    "officer_record_id",
    "open_organizations",
    "open_projects",
    "promises",
    "quiet_organizations",
    "signed_scope",
    "submitted_rounds",
    "transferring_officers",
    "unevaluated_candidates",
]

Row = list[Any]

_FOLLOW_UPS_ALL = """
SELECT i.organization_id AS org_id, o.name AS name, i.occurred_on AS occurred_on, i.kind AS kind,
    i.summary AS summary, i.next_action_on AS next_on, o.last_contact_on AS latest_on
FROM interactions AS i CROSS JOIN organizations AS o INDEXED BY ix_organizations_day ON o.id = i.organization_id
WHERE i.next_action_on BETWEEN ? AND ? AND i.occurred_on >= o.last_contact_on
  AND o.deleted_at IS NULL AND o.merged_into IS NULL
ORDER BY i.next_action_on, o.name, o.id
"""

# one officer's: their organizations, then the latest interactions of each (the only ones
# that can be open), by ix_interactions_last_contact
_FOLLOW_UPS_OFFICER = """
SELECT i.organization_id AS org_id, o.name AS name, i.occurred_on AS occurred_on, i.kind AS kind,
    i.summary AS summary, i.next_action_on AS next_on, o.last_contact_on AS latest_on
FROM organizations AS o CROSS JOIN interactions AS i ON i.organization_id = o.id
WHERE o.responsible_officer_id = ? AND +o.deleted_at IS NULL AND o.merged_into IS NULL
  AND i.occurred_on >= o.last_contact_on AND i.next_action_on BETWEEN ? AND ?
ORDER BY i.next_action_on, o.name, o.id
"""


def _ids(values: Collection[Any]) -> str:
    return json.dumps(sorted(values))


def _packed(conn: sqlite3.Connection, sql: str, columns: str, params: Sequence[Any]) -> list[Row]:
    """The rows of ``sql`` (whose result columns are named ``columns``), in its order, read in
    one SQLite step as one JSON text decoded in C (``persistence.project_listing`` does the
    same): fetched row by row, the thousands of rows of a whole office's day re-took the GIL per
    row, and beside the window's start-up on the other thread took several times as long."""
    (text,) = conn.execute(f"SELECT json_group_array(json_array({columns})) FROM ({sql})", params).fetchone()
    rows: list[Row] = json.loads(text)
    return rows


def follow_ups(conn: sqlite3.Connection, since: str, until: str, officer_id: str | None = None) -> list[Row]:
    """Interactions whose 次回対応日 is from ``since`` to ``until`` and that no later interaction
    of their organization (live, not merged) followed, by that date: (organization id, name,
    occurred_on, kind, summary, next_action_on, the organization's 最終接触日). Only the
    organizations ``officer_id`` is responsible for, when given."""
    columns = "org_id, name, occurred_on, kind, summary, next_on, latest_on"
    if officer_id is None:
        return _packed(conn, _FOLLOW_UPS_ALL, columns, (since, until))
    return _packed(conn, _FOLLOW_UPS_OFFICER, columns, (officer_id, since, until))


_PROMISES = """
SELECT c.organization_id AS org_id, c.project_id AS project_id, c.text AS text, c.due_on AS due_on,
    o.name AS name, p.title AS title
FROM commitments AS c
LEFT JOIN organizations AS o ON o.id = c.organization_id
LEFT JOIN projects AS p ON p.id = c.project_id
WHERE c.deleted_at IS NULL AND c.status NOT IN (SELECT value FROM json_each(?))
  AND c.due_on IS NOT NULL AND c.due_on <= ?
  AND o.deleted_at IS NULL AND o.merged_into IS NULL AND p.deleted_at IS NULL {officer}
ORDER BY c.due_on, c.id
"""


def promises(
    conn: sqlite3.Connection, until: str, closed: Collection[str], officer_id: str | None = None
) -> list[Row]:
    """Commitments not in the trash, of no ``closed`` status, due on or before ``until``, on a
    live record, by due date: (organization id, project id, text, due_on, organization name,
    project title). With ``officer_id``: theirs, or on their organization or project."""
    params: list[Any] = [_ids(closed), until]
    officer = ""
    if officer_id is not None:
        officer = "AND (c.owner_officer_id = ? OR o.responsible_officer_id = ? OR p.lead_officer_id = ?)"
        params += [officer_id] * 3
    return _packed(
        conn, _PROMISES.format(officer=officer), "org_id, project_id, text, due_on, name, title", params
    )


_QUIET = """
SELECT o.id, o.name, o.last_contact_on, o.registered_on,
    coalesce(o.last_contact_on, o.registered_on) AS quiet_since
FROM organizations AS o INDEXED BY ix_organizations_quiet
WHERE {officer} AND o.deleted_at IS NULL AND o.merged_into IS NULL AND o.status != ?
  AND coalesce(o.last_contact_on, o.registered_on) < ?
ORDER BY quiet_since, o.id
"""


def quiet_organizations(
    conn: sqlite3.Connection, since: str, dissolved: str, officer_id: str | None = None
) -> list[Row]:
    """Organizations with a responsible officer (``officer_id`` when given), live, not merged,
    not ``dissolved``, whose 最終接触日 — or registration, never contacted — is before ``since``,
    longest quiet first: (id, name, last occurred_on or None, registered_on, the day the quiet
    counts from: the one, else the other)."""
    columns = "id, name, last_contact_on, registered_on, quiet_since"
    params: tuple[str, ...] = (dissolved, since)
    if officer_id is None:
        sql = _QUIET.format(officer="o.responsible_officer_id IS NOT NULL")
    else:
        sql, params = _QUIET.format(officer="o.responsible_officer_id = ?"), (officer_id, *params)
    rows = _packed(conn, sql, columns, params)
    # shown in this order (the 引継ぎ tab, the CLI): an aggregate's order is SQLite's habit, not
    # its promise, so it is made sure of here (a few ms: the rows come sorted)
    rows.sort(key=itemgetter(4, 0))
    return rows


#: a project still under way: stored (not a draft, not in the trash), its stage not closed
_OPEN_PROJECT = "p.deleted_at IS NULL AND p.is_draft = 0 AND p.stage NOT IN (SELECT value FROM json_each(?))"
#: the same where the lead officer narrows: SQLite then takes ix_projects_lead_officer_id rather
#: than walking ix_projects_listing over every live project (0.044 s → 0.009 s for 2,400 of 20,000)
_OPEN_PROJECT_BY_LEAD = "+" + _OPEN_PROJECT.replace("p.is_draft", "+p.is_draft")


def _projects(officer_id: str | None, *narrowed: object) -> str:
    """The projects as read for the day: by ``ix_projects_day`` alone (migration 0013; SQLite
    would rather walk the wide rows by ``ix_projects_listing``) unless an officer or another
    narrowing (a 年度, a 課: the report's) picks the rows by its own index."""
    if officer_id is None and all(n is None for n in narrowed):
        return "projects AS p INDEXED BY ix_projects_day"
    return "projects AS p"


def ending_projects(
    conn: sqlite3.Connection, since: str, until: str, closed: Collection[str], officer_id: str | None = None
) -> list[Row]:
    """Open projects (no ``closed`` stage) whose period ends from ``since`` to ``until``, by end
    date: (id, title, period_end); only those ``officer_id`` leads, when given."""
    open_ = _OPEN_PROJECT if officer_id is None else _OPEN_PROJECT_BY_LEAD
    sql = f"SELECT p.id, p.title, p.period_end FROM {_projects(officer_id)} WHERE {open_} AND p.period_end BETWEEN ? AND ?"
    params: list[Any] = [_ids(closed), since, until]
    if officer_id is not None:
        sql, params = sql + " AND p.lead_officer_id = ?", [*params, officer_id]
    return _packed(conn, sql + " ORDER BY p.period_end, p.title, p.id", "id, title, period_end", params)


def transferring_officers(
    conn: sqlite3.Connection,
    *,
    between: tuple[str, str] | None = None,
    section: str | None = None,
    officer_id: str | None = None,
) -> list[Row]:
    """Officers (not in the trash) with a transfer date — in ``between`` (both ends included),
    of ``section``, only ``officer_id``, each when given — by that date: (id, name, transferred_on)."""
    sql = "SELECT id, name, transferred_on FROM officers WHERE transferred_on IS NOT NULL AND deleted_at IS NULL"
    params: list[Any] = []
    if between is not None:
        sql, params = sql + " AND transferred_on BETWEEN ? AND ?", [*params, *between]
    if section is not None:
        sql, params = sql + " AND section = ?", [*params, section]
    if officer_id is not None:
        sql, params = sql + " AND id = ?", [*params, officer_id]
    return _packed(conn, sql + " ORDER BY transferred_on, kana, name, id", "id, name, transferred_on", params)


def signed_scope(
    conn: sqlite3.Connection, officer_ids: Collection[str], statuses: Collection[str]
) -> list[Row]:
    """What the ``officer_ids`` handed over in a note of one of ``statuses`` (the signed ones):
    (from officer id, organization id or None, project id or None)."""
    sql = """
    SELECT n.from_officer_id AS from_id, it.organization_id AS org_id, it.project_id AS project_id
    FROM handover_items AS it JOIN handover_notes AS n ON n.id = it.note_id
    WHERE n.from_officer_id IN (SELECT value FROM json_each(?)) AND n.status IN (SELECT value FROM json_each(?))
    """
    return _packed(conn, sql, "from_id, org_id, project_id", (_ids(officer_ids), _ids(statuses)))


def open_organizations(conn: sqlite3.Connection, officer_ids: Collection[str]) -> list[Row]:
    """The live, unmerged organizations the ``officer_ids`` are responsible for, by kana, name:
    (officer id, organization id, name)."""
    sql = """
    SELECT o.responsible_officer_id AS officer_id, o.id AS id, o.name AS name FROM organizations AS o
    WHERE o.responsible_officer_id IN (SELECT value FROM json_each(?))
      AND +o.deleted_at IS NULL AND o.merged_into IS NULL
    ORDER BY o.kana, o.name, o.id
    """
    return _packed(conn, sql, "officer_id, id, name", (_ids(officer_ids),))


def open_projects(
    conn: sqlite3.Connection, officer_ids: Collection[str], closed: Collection[str]
) -> list[Row]:
    """The open projects (no ``closed`` stage) the ``officer_ids`` lead, 年度 newest first, by
    title: (officer id, project id, title)."""
    sql = f"""
    SELECT p.lead_officer_id AS officer_id, p.id AS id, p.title AS title FROM projects AS p
    WHERE p.lead_officer_id IN (SELECT value FROM json_each(?)) AND {_OPEN_PROJECT_BY_LEAD}
    ORDER BY p.fiscal_year DESC, p.title, p.id
    """
    return _packed(conn, sql, "officer_id, id, title", (_ids(officer_ids), _ids(closed)))


def officer_record_id(
    conn: sqlite3.Connection, officer_id: str | None, name: str, section: str
) -> str | None:
    """The officer record ``officer_id`` when it exists, else the first (oldest) live one named
    ``name`` of ``section``; None when there is neither."""
    if officer_id and conn.execute("SELECT 1 FROM officers WHERE id = ?", (officer_id,)).fetchone():
        return officer_id
    found = conn.execute(
        "SELECT id FROM officers WHERE name = ? AND section = ? AND deleted_at IS NULL"
        " ORDER BY created_at, id LIMIT 1",
        (name, section),
    ).fetchone()
    return found[0] if found else None


def _sql_fiscal_year(column: str) -> str:
    """The 年度 of a ``YYYY-MM-DD`` date in SQL (``domain.wareki.fiscal_year``: April to March)."""
    return f"(CAST(strftime('%Y', {column}) AS INTEGER) - (CAST(strftime('%m', {column}) AS INTEGER) < 4))"


_PROJECT_YEAR = (
    f"coalesce(p.fiscal_year, {_sql_fiscal_year('p.period_end')}, {_sql_fiscal_year('p.period_start')})"
)

_CANDIDATES = """
SELECT p.id AS id, p.title AS title, p.fiscal_year AS fiscal_year, p.stage AS stage,
    p.period_start AS period_start, p.period_end AS period_end, coalesce((
    SELECT o.name FROM organizations AS o JOIN project_partners AS pp ON pp.organization_id = o.id
    WHERE pp.project_id = p.id AND pp.role = ? ORDER BY pp.position LIMIT 1), '') AS partner
FROM {projects}
WHERE {open} AND (p.stage = ? OR p.period_end < ? OR p.period_start <= ?)
"""


def unevaluated_candidates(
    conn: sqlite3.Connection,
    today: str,
    *,
    closed: Collection[str],
    evaluation_stage: str,
    main_role: str,
    fiscal_year: int | None = None,
    section: str | None = None,
    officer_id: str | None = None,
    years: Collection[int] | None = None,
) -> list[Row]:
    """The open projects that can be due for evaluation on ``today``: at ``evaluation_stage``,
    after their end or past their start (the rest, most of the years to come, stays in SQLite):
    (id, title, fiscal_year, stage, period_start, period_end, the first ``main_role`` partner's
    name or ""). Narrowed, each when given, to the 年度 ``fiscal_year`` (its column) and
    ``section``, the projects ``officer_id`` leads, and the projects whose 年度 — the column, else
    the one its end or start falls in — is one of ``years`` or cannot be told."""
    sql = _CANDIDATES.format(
        projects=_projects(officer_id, fiscal_year, section),
        open=_OPEN_PROJECT if officer_id is None else _OPEN_PROJECT_BY_LEAD,
    )
    params: list[Any] = [main_role, _ids(closed), evaluation_stage, today, today]
    if fiscal_year is not None:
        sql, params = sql + " AND p.fiscal_year = ?", [*params, fiscal_year]
    if section is not None:
        sql, params = sql + " AND p.section = ?", [*params, section]
    if officer_id is not None:
        sql, params = sql + " AND p.lead_officer_id = ?", [*params, officer_id]
    if years is not None:
        sql += f" AND ({_PROJECT_YEAR} IN (SELECT value FROM json_each(?)) OR {_PROJECT_YEAR} IS NULL)"
        params.append(_ids(years))
    return _packed(conn, sql, "id, title, fiscal_year, stage, period_start, period_end, partner", params)


def submitted_rounds(
    conn: sqlite3.Connection,
    *,
    fiscal_year: int | None = None,
    officer_id: str | None = None,
    years: Sequence[int] | None = None,
) -> set[tuple[str, int, str]]:
    """(project id, 年度, phase) of every evaluation round with a submitted evaluation, narrowed,
    each when given, to ``fiscal_year``, to the projects ``officer_id`` leads, and to ``years``."""
    sql = """
    SELECT DISTINCT r.project_id AS project_id, r.fiscal_year AS fiscal_year, r.phase AS phase
    FROM evaluation_rounds AS r JOIN evaluations AS e ON e.round_id = r.id
    WHERE e.submitted_at IS NOT NULL
    """
    params: list[Any] = []
    if fiscal_year is not None:
        sql, params = sql + " AND r.fiscal_year = ?", [*params, fiscal_year]
    if officer_id is not None:
        sql += " AND r.project_id IN (SELECT id FROM projects WHERE lead_officer_id = ?)"
        params.append(officer_id)
    if years is not None:
        sql, params = sql + " AND r.fiscal_year IN (SELECT value FROM json_each(?))", [*params, _ids(years)]
    return {
        (pid, year, phase)
        for pid, year, phase in _packed(conn, sql, "project_id, fiscal_year, phase", params)
    }
