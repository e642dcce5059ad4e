"""The day's reads from indexes alone, and 最終接触日 made sure of.

- ``ix_organizations_quiet``: a partial index over the organizations someone looks after
  (``responsible_officer_id`` set), live and not merged, holding every column the read of the
  quiet partners needs (``persistence.day_reads.quiet_organizations``, the home tab's day and
  the handover alerts): 13,000 entries of an office of 100,000 organizations instead of a walk
  of every live organization with a look-up of each one's latest interaction.
- ``ix_projects_day``: a partial index over the stored projects (not drafts, not in the trash)
  with their period, 年度, stage, lead officer and title: the agreements ending soon by a range
  of ``period_end``, and the evaluation candidates without reading the wide project rows.
- ``ix_organizations_day``: the live, unmerged organizations by id with their name and
  最終接触日, so the follow-ups due (thousands of interactions for a whole office) join their
  organization without reading its wide row (0.09 s → 0.06 s).
- ``ix_evaluations_submitted`` (round_id, submitted_at): which rounds have a submitted
  evaluation, from the index (0.034 s → 0.014 s).
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
ORG_COLUMNS = ["id", "last_contact_on", "name", "deleted_at", "merged_into"]
ORG_WHERE = "deleted_at IS NULL AND merged_into IS NULL"

_LATEST = "(SELECT max(i.occurred_on) FROM interactions AS i WHERE i.organization_id = organizations.id)"


def upgrade() -> None:
    """Set 最終接触日 from the log where it differs, then create the indexes."""
    op.execute(f"UPDATE organizations SET last_contact_on = {_LATEST} WHERE last_contact_on IS NOT {_LATEST}")
    op.create_index("ix_organizations_quiet", "organizations", COLUMNS, sqlite_where=sa.text(WHERE))
    op.create_index("ix_projects_day", "projects", PROJECT_COLUMNS, sqlite_where=sa.text(PROJECT_WHERE))
    op.create_index("ix_organizations_day", "organizations", ORG_COLUMNS, sqlite_where=sa.text(ORG_WHERE))
    op.create_index("ix_evaluations_submitted", "evaluations", ["round_id", "submitted_at"])


def downgrade() -> None:
    """Drop the indexes (最終接触日 keeps its values: they are the log's)."""
    op.drop_index("ix_evaluations_submitted", table_name="evaluations")
    op.drop_index("ix_organizations_day", table_name="organizations")
    op.drop_index("ix_projects_day", table_name="projects")
    op.drop_index("ix_organizations_quiet", table_name="organizations")
