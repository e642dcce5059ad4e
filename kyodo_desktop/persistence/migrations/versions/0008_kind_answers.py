"""The relationship-kind questionnaire's answers kept with each project (``projects.kind_answers``).

The wizard's 関係の種類 step asks four questions and recommends 支援, 協働 or 外部委託; until now the
answers were forgotten once the project was saved, so a reopened project could not show why its
kind was chosen. One new text column holds them as JSON (``{"setter": "行政", …}``, "" when none
were given): four short values read and written with the project, never searched, so a child
table would only add joins. Existing rows get "" (nothing answered); no other row or column is
touched, and SQLite adds a column with a constant default in place (the table is not copied).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-09

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the column, "" (no answers) on every existing project."""
    op.add_column("projects", sa.Column("kind_answers", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the column (the answers are lost; the pre-migration backup keeps the file)."""
    with op.batch_alter_table("projects") as batch_op:
        batch_op.drop_column("kind_answers")
