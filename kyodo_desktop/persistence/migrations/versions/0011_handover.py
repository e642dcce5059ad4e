"""Handover notes (issue 13): commitments, handover notes with their items and acknowledgements.

New tables, and two new columns on ``organizations``: ``business_year_end`` (the NPO's
事業年度終了日 as "MM-DD", "" on every existing row) and ``nintei_expires_on`` (認定満了日, NULL).
SQLite adds both in place (a constant default, a nullable column): no existing row is copied.

Revision ID: 0011
Revises: 0008 (the integrator chains it after 0009 and 0010)
Create Date: 2026-12-10

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(column: str, table: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    """Create the four tables, then add the two organizations columns."""
    op.create_table(
        "commitments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_officer_id", sa.String(length=36), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "organization_id IS NOT NULL OR project_id IS NOT NULL", name=op.f("ck_commitments_subject")
        ),
        sa.CheckConstraint(
            "status IN ('未着手','対応中','完了','取り下げ')", name=op.f("ck_commitments_status")
        ),
        sa.CheckConstraint(
            "source IN ('対応記録','評価','引継','手入力')", name=op.f("ck_commitments_source")
        ),
        _fk("organization_id", "commitments", "organizations", "CASCADE"),
        _fk("project_id", "commitments", "projects", "CASCADE"),
        _fk("owner_officer_id", "commitments", "officers", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
    )
    op.create_index(op.f("ix_commitments_organization_id"), "commitments", ["organization_id"], unique=False)
    op.create_index(op.f("ix_commitments_project_id"), "commitments", ["project_id"], unique=False)
    op.create_table(
        "handover_notes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("from_officer_id", sa.String(length=36), nullable=False),
        sa.Column("to_officer_id", sa.String(length=36), nullable=False),
        sa.Column("handover_on", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("include_contacts", sa.Boolean(), nullable=False),
        sa.Column("signed_by_from_on", sa.Date(), nullable=True),
        sa.Column("signed_by_from_name", sa.Text(), nullable=False),
        sa.Column("signed_by_to_on", sa.Date(), nullable=True),
        sa.Column("signed_by_to_name", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("status IN ('下書き','署名済','訂正済')", name=op.f("ck_handover_notes_status")),
        sa.CheckConstraint("revision >= 1", name=op.f("ck_handover_notes_revision")),
        _fk("from_officer_id", "handover_notes", "officers"),
        _fk("to_officer_id", "handover_notes", "officers"),
        _fk("previous_id", "handover_notes", "handover_notes", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_notes")),
    )
    op.create_index("ix_handover_notes_from", "handover_notes", ["from_officer_id", "status"], unique=False)
    op.create_table(
        "handover_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("background", sa.Text(), nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("open_issues", sa.Text(), nullable=False),
        sa.Column("plans", sa.Text(), nullable=False),
        sa.Column("cautions", sa.Text(), nullable=False),
        sa.Column("dossier", sa.Text(), nullable=False),
        sa.Column("partner_present", sa.Boolean(), nullable=True),
        sa.Column("present_on", sa.Date(), nullable=True),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("absence_reason", sa.Text(), nullable=False),
        sa.Column("followup_commitment_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint("kind IN ('団体','事業')", name=op.f("ck_handover_items_kind")),
        sa.CheckConstraint(
            "(kind = '団体' AND organization_id IS NOT NULL) OR (kind = '事業' AND project_id IS NOT NULL)",
            name=op.f("ck_handover_items_subject"),
        ),
        _fk("note_id", "handover_items", "handover_notes", "CASCADE"),
        _fk("organization_id", "handover_items", "organizations", "CASCADE"),
        _fk("project_id", "handover_items", "projects", "CASCADE"),
        _fk("followup_commitment_id", "handover_items", "commitments", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_items")),
    )
    op.create_index(op.f("ix_handover_items_note_id"), "handover_items", ["note_id"], unique=False)
    op.create_index(
        op.f("ix_handover_items_organization_id"), "handover_items", ["organization_id"], unique=False
    )
    op.create_index(op.f("ix_handover_items_project_id"), "handover_items", ["project_id"], unique=False)
    op.create_table(
        "handover_acknowledgements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("item_key", sa.Text(), nullable=False),
        sa.Column("acknowledged_on", sa.Date(), nullable=False),
        sa.Column("officer_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        _fk("note_id", "handover_acknowledgements", "handover_notes", "CASCADE"),
        _fk("officer_id", "handover_acknowledgements", "officers", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_acknowledgements")),
    )
    op.create_index(
        op.f("ix_handover_acknowledgements_note_id"), "handover_acknowledgements", ["note_id"], unique=False
    )
    op.create_index(
        "uq_handover_acknowledgements_item", "handover_acknowledgements", ["note_id", "item_key"], unique=True
    )
    op.add_column(
        "organizations", sa.Column("business_year_end", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("organizations", sa.Column("nintei_expires_on", sa.Date(), nullable=True))


def downgrade() -> None:
    """Drop the columns and the tables (their records are lost; the pre-migration backup keeps the file)."""
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.drop_column("nintei_expires_on")
        batch_op.drop_column("business_year_end")
    op.drop_table("handover_acknowledgements")
    op.drop_table("handover_items")
    op.drop_table("handover_notes")
    op.drop_table("commitments")
