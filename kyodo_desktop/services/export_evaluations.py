"""The export's 評価サマリー: one row per evaluated round (project × 年度 × 中間/最終).

Added by :func:`kyodo_desktop.services.export_projects.write_project_sheets` after 事業一覧 and
公平性チェック, and only when some round of a project (finished, not in the trash) exists: a
registry without evaluations gets the same workbook as before and pays one ``EXISTS`` query.

Each row: 年度, 時期, 事業名, 担当課, the main partner, the form, each side's total as
``points/maximum``, the weighted total (a weighted form), the largest gaps (up to three items
with the biggest difference between two sides, a discussion point each), the 総合評価 given, and
今後の方向性. The scores are those the administration's mutual view shows
(:data:`kyodo_desktop.services.evaluation_sheet.VIEWER_SIDE`: submitted evaluations only, a
blind round's hidden side shown as such), computed by the same rules
(:mod:`kyodo_desktop.services.evaluations_mutual`), so a total means what it means in the window.

The rows are read in five queries whatever their number (rounds, the submitted evaluations, their
scores, the forms, the main partners), never one per round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, select

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.project_terms import PartnerRole
from kyodo_desktop.domain.wareki import fiscal_year_label
from kyodo_desktop.persistence.models import Organization, Project, ProjectPartner
from kyodo_desktop.persistence.models_evaluations import (
    Evaluation,
    EvaluationRound,
    EvaluationScore,
    EvaluationTemplate,
)
from kyodo_desktop.services import evaluations_mutual
from kyodo_desktop.services.evaluation_records import EvaluationRecord, MutualView
from kyodo_desktop.services.evaluation_sheet import VIEWER_SIDE, item_label
from kyodo_desktop.services.evaluations_rows import PHASE_ORDER, build_evaluation_record, round_record
from kyodo_desktop.services.evaluations_templates import domain_template
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.services.report_scope import ReportScope

__all__ = [
    "GAPS_SHOWN",
    "SUMMARY_COLUMNS",
    "SUMMARY_TITLE",
    "has_rounds",
    "summary_rows",
    "write_summary_sheet",
]

SUMMARY_TITLE = "評価サマリー"
#: How many of a round's largest gaps the row names.
GAPS_SHOWN = 3
#: 評価サマリー: header and width (A4 landscape, fit to width).
SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("年度", 11),
    ("時期", 6),
    ("事業名", 28),
    ("担当課", 14),
    ("パートナー", 20),
    ("評価シート", 30),  # 協働のポイントと成果（5段階）(版1) on one line
    ("行政", 9),
    ("団体", 9),
    ("第三者", 9),
    ("加重合計", 9),
    ("主な論点（差の大きい項目）", 28),
    ("総合評価", 14),
    ("今後の方向性", 16),
)
_WRAPPED = frozenset(("事業名", "パートナー", "評価シート", "主な論点（差の大きい項目）", "総合評価"))
_SIDES = ("行政", "団体", "第三者")
#: What a side's cell says when the administration's view does not show its scores.
_HIDDEN = {evaluations_mutual.NOT_SUBMITTED: "未提出", evaluations_mutual.WAITING_BLIND: "ブラインド"}


def _live() -> tuple[Any, ...]:
    return (Project.deleted_at.is_(None), Project.is_draft.is_(False))


def has_rounds(ws: Workspace) -> bool:
    """Whether a finished project not in the trash has an evaluation round."""
    with ws.session_factory() as s:
        return bool(s.scalar(select(exists().where(EvaluationRound.project_id == Project.id, *_live()))))


def _round_in(scope: ReportScope | None) -> tuple[Any, ...]:
    """A 年度レポート's rounds: the round's 年度 is the scope's, its project of the scope's 課."""
    if scope is None:
        return ()
    wanted: tuple[Any, ...] = (EvaluationRound.fiscal_year == scope.fiscal_year,)
    if scope.section is not None:
        wanted += (Project.section == scope.section,)
    return wanted


def summary_rows(ws: Workspace, scope: ReportScope | None = None) -> list[list[Any]]:
    """The rows of the sheet (every round, or ``scope``'s): 年度 newest first, then 担当課,
    事業名, 中間 before 最終."""
    with ws.session_factory() as s:
        rounds = s.execute(
            select(EvaluationRound, Project.title, Project.section)
            .join(Project, Project.id == EvaluationRound.project_id)
            .where(*_live(), *_round_in(scope))
        ).all()
        templates = {row.id: domain_template(row) for row in s.scalars(select(EvaluationTemplate))}
        submitted = (
            select(Evaluation.id)
            .join(EvaluationRound, EvaluationRound.id == Evaluation.round_id)
            .join(Project, Project.id == EvaluationRound.project_id)
            .where(Evaluation.submitted_at.is_not(None), *_live(), *_round_in(scope))
        )
        # the evaluations and their scores apart: joined, each evaluation came back once per score
        # and the ORM looked it up again for every one of them
        scores: dict[str, list[ItemScore]] = {}
        for evaluation_id, key, score, comment in s.execute(
            select(
                EvaluationScore.evaluation_id,
                EvaluationScore.item_key,
                EvaluationScore.score,
                EvaluationScore.comment,
            ).where(EvaluationScore.evaluation_id.in_(submitted))
        ):
            scores.setdefault(evaluation_id, []).append(ItemScore(key, score, comment))
        evaluated = s.scalars(select(Evaluation).where(Evaluation.id.in_(submitted))).all()
        partners: dict[str, list[str]] = {}
        for project_id, name in s.execute(
            select(ProjectPartner.project_id, Organization.name)
            .join(Organization, Organization.id == ProjectPartner.organization_id)
            .where(
                ProjectPartner.role == PartnerRole.MAIN.value,
                ProjectPartner.project_id.in_(select(EvaluationRound.project_id)),
            )
            .order_by(ProjectPartner.project_id, ProjectPartner.position)
        ):
            partners.setdefault(project_id, []).append(name)
        by_round: dict[str, dict[str, tuple[Evaluation, list[ItemScore]]]] = {}
        for e in evaluated:
            by_round.setdefault(e.round_id, {})[e.id] = (e, scores.get(e.id, []))
        keyed = []
        for r, title, section in rounds:
            template = templates[r.template_id]
            record = round_record(r, with_lists=False)
            evaluations = [
                build_evaluation_record(record, e, scores, template)
                for e, scores in by_round.get(r.id, {}).values()
            ]
            view = evaluations_mutual.build(record, template, evaluations, VIEWER_SIDE)
            key = (-r.fiscal_year, section, title, r.project_id, PHASE_ORDER[r.phase])
            row = _row(view, evaluations, title, section, "、".join(partners.get(r.project_id, [])))
            keyed.append((key, row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def largest_gaps(view: MutualView) -> str:
    """Up to :data:`GAPS_SHOWN` gap items, the largest difference first: 「相互理解（差3）、…」."""
    flagged = sorted(
        (row for row in view.rows if row.flagged),
        key=lambda row: -(row.largest_difference or 0),
    )
    return "、".join(
        f"{item_label(view, row.item.key)}（差{row.largest_difference}）" for row in flagged[:GAPS_SHOWN]
    )


def _row(
    view: MutualView, evaluations: list[EvaluationRecord], title: str, section: str, partner: str
) -> list[Any]:
    template = view.template
    r = view.round
    sides: list[Any] = []
    for side in _SIDES:
        if side in view.totals:
            sides.append(f"{view.totals[side].points}/{template.maximum}")
        else:
            sides.append(_HIDDEN.get(view.hidden.get(side, ""), ""))
    grades = "、".join(
        f"{e.side}: {e.overall_grade}"
        for e in sorted(evaluations, key=lambda e: _SIDES.index(e.side))
        if e.overall_grade and e.side in view.visible_sides
    )
    return [
        fiscal_year_label(r.fiscal_year),
        r.phase,
        title,
        section,
        partner,
        f"{template.name}（版{template.version}）",
        *sides,
        view.weighted_total,
        largest_gaps(view),
        grades,
        r.direction,
    ]


def write_summary_sheet(wb: Any, ws: Workspace, scope: ReportScope | None = None) -> int:
    """Add 評価サマリー (every round, or ``scope``'s, the 年度 in the page header) to write-only
    ``wb``; returns the rows written."""
    from kyodo_desktop.services.export_projects import _number, _start, _write_rows

    sheet = _start(
        wb, SUMMARY_TITLE, SUMMARY_COLUMNS, SUMMARY_TITLE, None if scope is None else scope.header_text
    )
    rows = summary_rows(ws, scope)
    weighted_at = [header for header, _ in SUMMARY_COLUMNS].index("加重合計")
    shaped = [
        [*row[:weighted_at], _number(sheet, row[weighted_at], "0.0"), *row[weighted_at + 1 :]] for row in rows
    ]
    if not shaped and scope is not None:  # the 年度レポート: an empty sheet would read as a failure
        shaped = [["", "", "この年度の評価はありません", *[None] * (len(SUMMARY_COLUMNS) - 3)]]
    _write_rows(sheet, SUMMARY_COLUMNS, _WRAPPED, shaped)
    return len(rows)
