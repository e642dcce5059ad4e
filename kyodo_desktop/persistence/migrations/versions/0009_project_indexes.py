"""An index for the projects listing's main-partner look-up (``ix_project_partners_main``).

The 事業 tab lists every project with its first 主たるパートナー's name, one correlated look-up
per project: through the primary key (project_id, organization_id) SQLite read each project's
partner rows and sorted them by position. An index on (project_id, role, position,
organization_id) answers it from the index alone, in order (the listing's SQL at 20,000
projects: 0.37 → 0.30 s). Only an index is added; no row or column is touched.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the index."""
    op.create_index(
        "ix_project_partners_main",
        "project_partners",
        ["project_id", "role", "position", "organization_id"],
    )


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_project_partners_main", table_name="project_partners")
