"""Indexes for the home tab's day (``services.today``) and the handover alerts.

- ``ix_interactions_last_contact`` (organization_id, occurred_on): an organization's latest
  interaction — the open follow-up rule and the quiet-partner alert — from the index alone
  instead of reading every interaction row of the organization;
- ``ix_interactions_follow_up`` (next_action_on, organization_id): the follow-ups due in a
  window of dates without walking all interactions;
- ``ix_organizations_responsible_officer_id`` and ``ix_projects_lead_officer_id``: one
  officer's organizations and projects (the officer's own day, the pending handovers).

Only indexes are added; no row or column is touched.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_interactions_last_contact", "interactions", ["organization_id", "occurred_on"]),
    ("ix_interactions_follow_up", "interactions", ["next_action_on", "organization_id"]),
    ("ix_organizations_responsible_officer_id", "organizations", ["responsible_officer_id"]),
    ("ix_projects_lead_officer_id", "projects", ["lead_officer_id"]),
)


def upgrade() -> None:
    """Create the indexes."""
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    """Drop the indexes."""
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
