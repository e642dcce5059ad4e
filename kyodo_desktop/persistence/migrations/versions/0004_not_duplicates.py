"""Pairs judged not to be duplicates: the table not_duplicates.

A new table only; no existing row is read or written.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table (the pair ordered, both sides organizations)."""
    op.create_table(
        "not_duplicates",
        sa.Column("first_id", sa.String(length=36), nullable=False),
        sa.Column("second_id", sa.String(length=36), nullable=False),
        sa.Column("officer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_not_duplicates_ordered")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["organizations.id"],
            name=op.f("fk_not_duplicates_first_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["organizations.id"],
            name=op.f("fk_not_duplicates_second_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_not_duplicates")),
    )
    op.create_index(op.f("ix_not_duplicates_second_id"), "not_duplicates", ["second_id"], unique=False)


def downgrade() -> None:
    """Drop the table (the judgements are lost; a backup keeps them)."""
    op.drop_index(op.f("ix_not_duplicates_second_id"), table_name="not_duplicates")
    op.drop_table("not_duplicates")
