"""A 対応記録 can name one of its organization's 担当者 and be corrected: interactions gain
contact_id (ON DELETE SET NULL), version and updated_at.

The table is rebuilt (SQLite cannot add a named foreign key) and every row copied unchanged,
rowid included: every old entry has no contact, version 1 and no correction time.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_COLUMNS = "id, organization_id, occurred_on, kind, officer, summary, next_action_on, created_at"


def upgrade() -> None:
    """Rebuild the table with the three columns, each row copied as it is (rowid included)."""
    # By hand, not ADD COLUMN: SQLite stores an added REFERENCES clause without its name and
    # reflection then misses its ON DELETE, so the file would differ from the models. Not
    # alembic's batch mode either: it would number the rows afresh.
    op.execute(
        """
        CREATE TABLE _interactions_0005 (
            id VARCHAR(36) NOT NULL,
            organization_id VARCHAR(36) NOT NULL,
            occurred_on DATE NOT NULL,
            kind TEXT NOT NULL,
            officer TEXT NOT NULL,
            summary TEXT NOT NULL,
            next_action_on DATE,
            contact_id VARCHAR(36),
            created_at VARCHAR(32) NOT NULL,
            updated_at VARCHAR(32),
            version INTEGER DEFAULT 1 NOT NULL,
            CONSTRAINT pk_interactions PRIMARY KEY (id),
            CONSTRAINT fk_interactions_organization_id_organizations FOREIGN KEY(organization_id)
                REFERENCES organizations (id) ON DELETE CASCADE,
            CONSTRAINT fk_interactions_contact_id_contacts FOREIGN KEY(contact_id)
                REFERENCES contacts (id) ON DELETE SET NULL
        )
        """
    )
    op.execute(
        f"INSERT INTO _interactions_0005 (rowid, {_COLUMNS}) SELECT rowid, {_COLUMNS} FROM interactions"
    )
    op.drop_index("ix_interactions_organization_id", table_name="interactions")
    op.drop_table("interactions")
    op.rename_table("_interactions_0005", "interactions")
    op.create_index("ix_interactions_organization_id", "interactions", ["organization_id"], unique=False)
    # without it, deleting a contact would scan the whole log for its links
    op.create_index("ix_interactions_contact_id", "interactions", ["contact_id"], unique=False)


def downgrade() -> None:
    """Drop the columns again (links and corrections are lost; a backup keeps them)."""
    op.drop_index("ix_interactions_contact_id", table_name="interactions")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_constraint("fk_interactions_contact_id_contacts", type_="foreignkey")
        batch_op.drop_column("version")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("contact_id")
