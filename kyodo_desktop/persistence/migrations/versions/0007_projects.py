"""Officers and projects (issue 11): the officers table, the projects table and its lists.

New tables, and one new nullable column ``organizations.responsible_officer_id``; no existing
row is read or written.

Revision ID: 0007
Revises: 0004 (the integrator chains it after 0005 and 0006)
Create Date: 2026-12-08

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the officers and project tables, then add the organizations column."""
    op.create_table(
        "officers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kana", sa.Text(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("assigned_on", sa.Date(), nullable=True),
        sa.Column("transferred_on", sa.Date(), nullable=True),
        sa.Column("successor_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["officers.id"],
            name=op.f("fk_officers_successor_id_officers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officers")),
    )
    op.create_index("ix_officers_name", "officers", ["name", "section"], unique=False)
    op.create_table(
        "projects",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("lead_officer_id", sa.String(length=36), nullable=True),
        sa.Column("relationship_kind", sa.Text(), nullable=False),
        sa.Column("kind_reason", sa.Text(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("activity_fields", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("budget_administration", sa.Integer(), nullable=False),
        sa.Column("budget_organization", sa.Integer(), nullable=False),
        sa.Column("budget_other", sa.Integer(), nullable=False),
        sa.Column("selection_method", sa.Text(), nullable=False),
        sa.Column("selection_candidates", sa.Text(), nullable=False),
        sa.Column("applicant_count", sa.Integer(), nullable=True),
        sa.Column("selection_reason", sa.Text(), nullable=False),
        sa.Column("review_body", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("is_published", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("is_draft", sa.Boolean(), nullable=False),
        sa.Column("draft_step", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "applicant_count IS NULL OR applicant_count >= 0", name=op.f("ck_projects_applicant_count")
        ),
        sa.CheckConstraint(
            "budget_administration >= 0 AND budget_organization >= 0 AND budget_other >= 0",
            name=op.f("ck_projects_budget"),
        ),
        sa.ForeignKeyConstraint(
            ["lead_officer_id"],
            ["officers.id"],
            name=op.f("fk_projects_lead_officer_id_officers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_index(op.f("ix_projects_fiscal_year"), "projects", ["fiscal_year"], unique=False)
    op.create_index(op.f("ix_projects_import_id"), "projects", ["import_id"], unique=False)
    op.create_index(
        "ix_projects_listing", "projects", ["deleted_at", "is_draft", "fiscal_year", "section"], unique=False
    )
    op.create_table(
        "project_agreement_items",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_agreement_items_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "item", name=op.f("pk_project_agreement_items")),
    )
    op.create_table(
        "project_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("officer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_log_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_log")),
    )
    op.create_index(op.f("ix_project_log_project_id"), "project_log", ["project_id"], unique=False)
    op.create_table(
        "project_partners",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_project_partners_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_partners_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "organization_id", name=op.f("pk_project_partners")),
    )
    op.create_index(
        op.f("ix_project_partners_organization_id"), "project_partners", ["organization_id"], unique=False
    )
    op.create_table(
        "project_points",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("point", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_points_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "point", name=op.f("pk_project_points")),
    )
    op.create_table(
        "project_purposes",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_purposes_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "kind", name=op.f("pk_project_purposes")),
    )
    op.create_table(
        "project_roles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("side", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_roles_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_roles")),
    )
    op.create_index(op.f("ix_project_roles_project_id"), "project_roles", ["project_id"], unique=False)
    op.create_table(
        "project_stage_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("officer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_stage_changes_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_stage_changes")),
    )
    op.create_index(
        op.f("ix_project_stage_changes_project_id"), "project_stage_changes", ["project_id"], unique=False
    )
    op.create_table(
        "project_targets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("amount", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_targets_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_targets")),
    )
    op.create_index(op.f("ix_project_targets_project_id"), "project_targets", ["project_id"], unique=False)
    # ALTER TABLE ADD COLUMN … REFERENCES: SQLite adds a nullable column with a foreign key in
    # place, so the organizations table is not copied (a batch rebuild would rewrite every row)
    op.add_column(
        "organizations",
        sa.Column(
            "responsible_officer_id",
            sa.String(length=36),
            sa.ForeignKey("officers.id", name=op.f("fk_organizations_responsible_officer_id_officers")),
            nullable=True,
        ),
        inline_references=True,
    )


def downgrade() -> None:
    """Drop the column and the tables (their records are lost; the pre-migration backup keeps the file)."""
    # DROP COLUMN refuses a column with a foreign key; the batch rebuild copies the table
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.drop_column("responsible_officer_id")
    op.drop_index(op.f("ix_project_targets_project_id"), table_name="project_targets")
    op.drop_table("project_targets")
    op.drop_index(op.f("ix_project_stage_changes_project_id"), table_name="project_stage_changes")
    op.drop_table("project_stage_changes")
    op.drop_index(op.f("ix_project_roles_project_id"), table_name="project_roles")
    op.drop_table("project_roles")
    op.drop_table("project_purposes")
    op.drop_table("project_points")
    op.drop_index(op.f("ix_project_partners_organization_id"), table_name="project_partners")
    op.drop_table("project_partners")
    op.drop_index(op.f("ix_project_log_project_id"), table_name="project_log")
    op.drop_table("project_log")
    op.drop_table("project_agreement_items")
    op.drop_index("ix_projects_listing", table_name="projects")
    op.drop_index(op.f("ix_projects_import_id"), table_name="projects")
    op.drop_index(op.f("ix_projects_fiscal_year"), table_name="projects")
    op.drop_table("projects")
    op.drop_index("ix_officers_name", table_name="officers")
    op.drop_table("officers")
