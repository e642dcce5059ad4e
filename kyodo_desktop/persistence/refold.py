"""Recompute the stored derived key columns (``dup_key``, ``search_text``) of every organization.

A migration calls :func:`refold_organizations` whenever the folding rules change (0003: format
characters; 0006: 表記ゆれ words), so stored keys and the rules of
``domain.organization.derived_columns`` — what every save calls — never differ. Every organization
is refolded (trashed and merged ones too), and only the rows whose keys differ are written.

The columns are derived from the officer's fields, not the officer's data: no audit rows are
written, and ``version`` and ``updated_at`` stay as they are (nothing the officer sees changes,
and no save is refused as stale).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row

from kyodo_desktop.domain.organization import OrganizationInput, derived_columns

__all__ = ["BATCH", "refold_organizations"]

#: Rows read and written per step: bounded memory (目的 and 備考 may be long), few round trips.
BATCH = 2000

#: OrganizationInput's fields as stored; ``fields`` is the column ``activity_fields``.
_TEXT = (
    "name",
    "kana",
    "legal_form",
    "corporate_number",
    "municipality_code",
    "municipality_name",
    "postal_code",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "representative",
    "representative_kana",
    "purpose",
    "status",
    "tags",
    "notes",
)
_DATES = ("established_on", "certified_on")
_COLUMNS = (*_TEXT, *_DATES, "member_count", "activity_fields")


def _input(values: Sequence[Any]) -> OrganizationInput:
    """The stored record as the input a save would fold (the stored text is already validated)."""
    text = dict(zip(_TEXT, values[: len(_TEXT)], strict=True))
    established, certified, members, fields = values[len(_TEXT) :]
    return OrganizationInput(
        **text,
        established_on=date.fromisoformat(established) if established else None,
        certified_on=date.fromisoformat(certified) if certified else None,
        member_count=members,
        fields=[int(p) for p in fields.split(",") if p.strip()],
    )


def _batches(conn: Connection) -> Iterator[Sequence[Row[Any]]]:
    """Every organization as ``(rowid, dup_key, search_text, *_COLUMNS)``, BATCH rows at a time.

    Paged by rowid, so the UPDATEs of one batch never run while a SELECT is still open.
    """
    sql = (
        f"SELECT rowid, dup_key, search_text, {', '.join(_COLUMNS)} FROM organizations"
        " WHERE rowid > ? ORDER BY rowid LIMIT ?"
    )
    last = -(2**63)
    while rows := conn.exec_driver_sql(sql, (last, BATCH)).fetchall():
        yield rows
        last = rows[-1][0]


def refold_organizations(conn: Connection) -> int:
    """Refold every organization on ``conn`` (the caller's transaction; plain SQL, no ORM
    objects); UPDATE (executemany) only the rows whose keys changed, and return how many."""
    written = 0
    for rows in _batches(conn):
        changed = []
        for rowid, dup_key, search_text, *values in rows:
            new = derived_columns(_input(values))
            if new["dup_key"] != dup_key or new["search_text"] != search_text:
                changed.append((new["dup_key"], new["search_text"], rowid))
        if changed:
            # a list of tuples: one executemany of the prepared UPDATE
            conn.exec_driver_sql(
                "UPDATE organizations SET dup_key = ?, search_text = ? WHERE rowid = ?", changed
            )
            written += len(changed)
    return written
