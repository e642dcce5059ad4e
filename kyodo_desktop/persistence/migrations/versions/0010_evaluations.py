"""Evaluations (issue 12): templates, rounds, evaluations and their scores, conclusions, results.

New tables only; no existing row is read or written. The three built-in templates
(:mod:`kyodo_desktop.domain.evaluation_templates`) are inserted as version 1 of their keys, so a
new data file (made by running every migration) and an upgraded one both have them.

Revision ID: 0010
Revises: 0008 (the integrator chains it after 0009)
Create Date: 2026-12-10

"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from kyodo_desktop.domain.evaluation_codec import definition_json
from kyodo_desktop.domain.evaluation_templates import BUILTIN_TEMPLATES

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Fixed ids: the built-ins are the same rows in every data file (a merge or a copy finds them).
BUILTIN_IDS = {
    "points-5": "00000000-0000-4000-8000-000000000e01",
    "urayasu-3": "00000000-0000-4000-8000-000000000e02",
    "weighted-points": "00000000-0000-4000-8000-000000000e03",
}


def upgrade() -> None:
    """Create the tables, then insert the built-in templates."""
    templates = op.create_table(
        "evaluation_templates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("is_builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_templates")),
        sa.UniqueConstraint("key", "version", name=op.f("uq_evaluation_templates_key")),
    )
    op.create_table(
        "evaluation_rounds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("phase", sa.Text(), nullable=False),
        sa.Column("template_id", sa.String(length=36), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("third_party_planned", sa.Boolean(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("phase IN ('中間','最終')", name=op.f("ck_evaluation_rounds_phase")),
        sa.CheckConstraint(
            "direction IN ('','拡大','改善して継続','現状のまま継続','中止・廃止','予定どおり終了')",
            name=op.f("ck_evaluation_rounds_direction"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_evaluation_rounds_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["evaluation_templates.id"],
            name=op.f("fk_evaluation_rounds_template_id_evaluation_templates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_rounds")),
        sa.UniqueConstraint(
            "project_id", "fiscal_year", "phase", name=op.f("uq_evaluation_rounds_project_id")
        ),
    )
    op.create_index(
        op.f("ix_evaluation_rounds_template_id"), "evaluation_rounds", ["template_id"], unique=False
    )
    op.create_table(
        "improvement_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('未着手','対応中','完了')", name=op.f("ck_improvement_actions_status")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["evaluation_rounds.id"],
            name=op.f("fk_improvement_actions_round_id_evaluation_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_improvement_actions")),
    )
    op.create_index(
        op.f("ix_improvement_actions_round_id"), "improvement_actions", ["round_id"], unique=False
    )
    op.create_table(
        "evaluations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("side", sa.Text(), nullable=False),
        sa.Column("evaluator_name", sa.Text(), nullable=False),
        sa.Column("overall_comment", sa.Text(), nullable=False),
        sa.Column("overall_grade", sa.Text(), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("submitted_at", sa.String(length=32), nullable=True),
        sa.Column("source_form_id", sa.Text(), nullable=True),
        sa.Column("import_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("side IN ('行政','団体','第三者')", name=op.f("ck_evaluations_side")),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["evaluation_rounds.id"],
            name=op.f("fk_evaluations_round_id_evaluation_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
        sa.UniqueConstraint("round_id", "side", "evaluator_name", name=op.f("uq_evaluations_round_id")),
        sa.UniqueConstraint("source_form_id", name=op.f("uq_evaluations_source_form_id")),
    )
    op.create_index(op.f("ix_evaluations_import_id"), "evaluations", ["import_id"], unique=False)
    op.create_table(
        "evaluation_scores",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("item_key", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_evaluation_scores_evaluation_id_evaluations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "item_key", name=op.f("pk_evaluation_scores")),
    )
    op.create_table(
        "evaluation_target_results",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("amount", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["evaluation_rounds.id"],
            name=op.f("fk_evaluation_target_results_round_id_evaluation_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "position", name=op.f("pk_evaluation_target_results")),
    )
    now = datetime.now(UTC).isoformat(timespec="seconds")
    op.bulk_insert(
        templates,
        [
            {
                "id": BUILTIN_IDS[t.key],
                "key": t.key,
                "version": 1,
                "name": t.name,
                "definition": definition_json(t),
                "is_builtin": True,
                "created_at": now,
                "updated_at": now,
            }
            for t in BUILTIN_TEMPLATES
        ],
    )


def downgrade() -> None:
    """Drop the tables (their records are lost; the pre-migration backup keeps the file)."""
    op.drop_table("evaluation_target_results")
    op.drop_table("evaluation_scores")
    op.drop_index(op.f("ix_evaluations_import_id"), table_name="evaluations")
    op.drop_table("evaluations")
    op.drop_index(op.f("ix_improvement_actions_round_id"), table_name="improvement_actions")
    op.drop_table("improvement_actions")
    op.drop_index(op.f("ix_evaluation_rounds_template_id"), table_name="evaluation_rounds")
    op.drop_table("evaluation_rounds")
    op.drop_table("evaluation_templates")
