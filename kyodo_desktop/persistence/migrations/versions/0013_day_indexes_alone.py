"""The day's reads from two indexes alone, and 最終接触日 made sure of.

- ``ix_organizations_quiet``: a partial index over the organizations someone looks after
  (``responsible_officer_id`` set), live and not merged, holding every column the read of the
  quiet partners needs (``persistence.day_reads.quiet_organizations``, the home tab's day and
  the handover alerts): 13,000 entries of an office of 100,000 organizations instead of a walk
  of every live organization with a look-up of each one's latest interaction.
- ``ix_projects_day``: a partial index over the stored projects (not drafts, not in the trash)
  with their period, 年度, stage, lead officer and title: the agreements ending soon by a range
  of ``period_end``, and the evaluation candidates without reading the wide project rows.
- ``organizations.last_contact_on`` (最終接触日) is derived data: the latest ``occurred_on`` of the
  organization's interactions, kept so by every write of the log (``services.interactions``,
  the merge and its undo). The day now reads it instead of looking the latest interaction up
  per row, so it is set once more from the log here, for any file where it drifted; it has
  never been typed or imported, so nothing an officer entered is touched.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [
    "responsible_officer_id",
    "last_contact_on",
    "registered_on",
    "status",
    "name",
    "id",
    "deleted_at",
    "merged_into",
]
WHERE = "responsible_officer_id IS NOT NULL AND deleted_at IS NULL AND merged_into IS NULL"
PROJECT_COLUMNS = [
    "period_end",
    "period_start",
    "fiscal_year",
    "stage",
    "lead_officer_id",
    "title",
    "id",
    "deleted_at",
    "is_draft",
]
PROJECT_WHERE = "deleted_at IS NULL AND is_draft = 0"

_LATEST = "(SELECT max(i.occurred_on) FROM interactions AS i WHERE i.organization_id = organizations.id)"


def upgrade() -> None:
    """Set 最終接触日 from the log where it differs, then create the indexes."""
    op.execute(f"UPDATE organizations SET last_contact_on = {_LATEST} WHERE last_contact_on IS NOT {_LATEST}")
    op.create_index("ix_organizations_quiet", "organizations", COLUMNS, sqlite_where=sa.text(WHERE))
    op.create_index("ix_projects_day", "projects", PROJECT_COLUMNS, sqlite_where=sa.text(PROJECT_WHERE))


def downgrade() -> None:
    """Drop the indexes (最終接触日 keeps its values: they are the log's)."""
    op.drop_index("ix_projects_day", table_name="projects")
    op.drop_index("ix_organizations_quiet", table_name="organizations")
