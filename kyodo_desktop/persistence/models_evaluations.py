"""SQLAlchemy mappings of evaluations (評価シート, issue 12), on the same ``Base`` as models.py.

* ``evaluation_templates``: one row per version of a form. A row that an evaluation uses is
  never changed again: editing it inserts the next version (same ``key``) and the evaluations
  made keep pointing at their row. ``definition`` is the domain template as JSON
  (:mod:`kyodo_desktop.domain.evaluation_codec`).
* ``evaluation_rounds``: one per (project, 年度, 中間/最終): the form used, blind mode, whether a
  third party evaluates, and the joint conclusion with its improvement actions.
* ``evaluations``: one per (round, 行政/団体/第三者, evaluator name), with a score per item.
* ``evaluation_target_results``: the project's targets as they were when the result was written,
  beside the result (目標値 / 実績). A snapshot, not a link to ``project_targets``: saving a
  project replaces its target rows (new ids), which would take the results with them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kyodo_desktop.persistence.models import Base, new_id, utc_now

__all__ = [
    "Evaluation",
    "EvaluationRound",
    "EvaluationScore",
    "EvaluationTemplate",
    "ImprovementAction",
    "TargetResult",
]


class EvaluationTemplate(Base):
    """One version of an evaluation form (built-in or an officer's copy)."""

    __tablename__ = "evaluation_templates"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    key: Mapped[str] = mapped_column(Text)
    #: grows by one with every save; a version an evaluation uses stays as it was
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(Text)
    definition: Mapped[str] = mapped_column(Text)
    is_builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    __table_args__ = (UniqueConstraint("key", "version"),)


class EvaluationRound(Base):
    """The evaluations of one project in one 年度 and phase, and their joint conclusion."""

    __tablename__ = "evaluation_rounds"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    fiscal_year: Mapped[int] = mapped_column(Integer)
    phase: Mapped[str] = mapped_column(Text)
    template_id: Mapped[str] = mapped_column(ForeignKey("evaluation_templates.id"), index=True)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    third_party_planned: Mapped[bool] = mapped_column(Boolean, default=False)
    #: 今後の方向性, "" until the conclusion is recorded
    direction: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    actions: Mapped[list[ImprovementAction]] = relationship(
        order_by="ImprovementAction.position", cascade="all, delete-orphan"
    )
    target_results: Mapped[list[TargetResult]] = relationship(
        order_by="TargetResult.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("project_id", "fiscal_year", "phase"),
        CheckConstraint("phase IN ('中間','最終')", name="phase"),
        CheckConstraint(
            "direction IN ('','拡大','改善して継続','現状のまま継続','中止・廃止','予定どおり終了')",
            name="direction",
        ),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads a plain dict)


class ImprovementAction(Base):
    """An improvement action of a conclusion: what, who, by when, how far."""

    __tablename__ = "improvement_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[str] = mapped_column(ForeignKey("evaluation_rounds.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(Text, default="未着手")

    __table_args__ = (CheckConstraint("status IN ('未着手','対応中','完了')", name="status"),)


class Evaluation(Base):
    """One evaluator's evaluation in a round; ``submitted_at`` NULL while it is a draft."""

    __tablename__ = "evaluations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    round_id: Mapped[str] = mapped_column(ForeignKey("evaluation_rounds.id", ondelete="CASCADE"))
    side: Mapped[str] = mapped_column(Text)
    evaluator_name: Mapped[str] = mapped_column(Text, default="")
    overall_comment: Mapped[str] = mapped_column(Text, default="")
    #: 総合評価 (優良 / 良好 / 改善が必要) on a form that has one, else ""
    overall_grade: Mapped[str] = mapped_column(Text, default="")
    evaluated_on: Mapped[date | None] = mapped_column(default=None)
    submitted_at: Mapped[str | None] = mapped_column(String(32), default=None)
    #: the id written into a partner's exported workbook: one workbook is imported once
    source_form_id: Mapped[str | None] = mapped_column(Text, default=None, unique=True)
    import_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    scores: Mapped[list[EvaluationScore]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("round_id", "side", "evaluator_name"),
        CheckConstraint("side IN ('行政','団体','第三者')", name="side"),
        # the rounds with a submitted evaluation (the day's evaluations due) from the index (0013)
        Index("ix_evaluations_submitted", "round_id", "submitted_at"),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads a plain dict)


class EvaluationScore(Base):
    """One item's score (NULL while unanswered) and comment."""

    __tablename__ = "evaluation_scores"

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), primary_key=True
    )
    item_key: Mapped[str] = mapped_column(Text, primary_key=True)
    score: Mapped[int | None] = mapped_column(Integer, default=None)
    comment: Mapped[str] = mapped_column(Text, default="")


class TargetResult(Base):
    """A target of the project as it was (what, how much) beside its result."""

    __tablename__ = "evaluation_target_results"

    round_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation_rounds.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    what: Mapped[str] = mapped_column(Text)
    amount: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
