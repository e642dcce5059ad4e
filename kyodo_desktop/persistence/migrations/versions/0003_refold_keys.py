"""Recompute the derived key columns (dup_key, search_text) with the current folding rules.

Issue 9 changed the folding: format characters (U+200B, U+00AD, U+FEFF …) are dropped and
－ / − count as ー in the duplicate key. Records saved before keep keys folded the old way until
they are saved again, so 「みどり\\u200bの会」 was no duplicate of 「みどりの会」 and search missed
it. This revision refolds every organization (trashed and merged ones too) with
``domain.organization.derived_columns`` — the function every save uses — and writes only the
rows whose keys differ.

Nothing else changes: the two columns are derived from the officer's fields, not the officer's
data, so no audit rows are written, and ``version`` and ``updated_at`` stay as they are (the
record was not edited: nothing the officer sees changes, and no save is refused as stale).

The case-insensitive e-mail check (``lower(email)``) gets no index here. SQLAlchemy cannot
reflect an expression index on SQLite: every metadata comparison (the schema test compares the
migrated file with the models) warns "Skipped unsupported reflection of expression-based
index", which the strict tests turn into an error. Nor would the index be used as the check is
written today: SQLite plans ``deleted_at IS NULL AND (… OR lower(email) = ?)`` on the
``deleted_at`` index and scans every live row (about 100 ms at 100,000 rows; with the index and
the listing condition kept off that index, 0.2 ms).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

"""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from alembic import op
from sqlalchemy import Connection, Row

from kyodo_desktop.domain.organization import OrganizationInput, derived_columns

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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


def upgrade() -> None:
    """Refold every organization; UPDATE (executemany) only the rows whose keys changed."""
    conn = op.get_bind()  # the migration's own transaction; plain SQL, no ORM objects
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


def downgrade() -> None:
    """Nothing to undo: the keys of the older rules are not kept, and the old code refolds on save."""
