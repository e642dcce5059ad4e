"""Merge tombstones: organizations.merged_into.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the column (nullable, so existing rows need nothing)."""
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=36), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_column("merged_into")
