"""Recompute the derived key columns (dup_key, search_text) with the current folding rules.

Issue 9 changed the folding: format characters (U+200B, U+00AD, U+FEFF …) are dropped and
－ / − count as ー in the duplicate key. Records saved before keep keys folded the old way until
they are saved again, so 「みどり\\u200bの会」 was no duplicate of 「みどりの会」 and search missed
it. This revision refolds every organization (trashed and merged ones too) with
``domain.organization.derived_columns`` — the function every save uses — and writes only the
rows whose keys differ (``persistence.refold``, which later changes of the rules reuse).

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

from collections.abc import Sequence

from alembic import op

from kyodo_desktop.persistence.refold import refold_organizations

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Refold every organization; UPDATE only the rows whose keys changed."""
    refold_organizations(op.get_bind())  # the migration's own transaction


def downgrade() -> None:
    """Nothing to undo: the keys of the older rules are not kept, and the old code refolds on save."""
