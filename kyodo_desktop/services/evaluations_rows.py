"""Helpers of the evaluation use cases: loading rows, turning them into records, checks.

Session-level functions :mod:`kyodo_desktop.services.evaluations` calls inside its
transactions: the rows found (or a Japanese NotFoundError), the stale-version refusals, the
validation of what the entry form, the workbook import or the demo give, and the snapshots the
audit rows diff.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.evaluation import ItemScore, Template, side_total, validate_scores
from kyodo_desktop.domain.evaluation_terms import Direction, EvaluatorSide, Phase
from kyodo_desktop.domain.organization import nfkc_multiline
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors, unsafe_character_errors
from kyodo_desktop.persistence.errors import NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import Project
from kyodo_desktop.persistence.models_evaluations import (
    Evaluation,
    EvaluationRound,
    EvaluationTemplate,
    ImprovementAction,
)
from kyodo_desktop.services.evaluation_records import (
    ACTION_STATUSES,
    EvaluationInput,
    EvaluationListRow,
    EvaluationRecord,
    ImprovementActionInput,
    RoundRecord,
    TargetResultRecord,
)
from kyodo_desktop.services.evaluations_templates import domain_template

#: The orders records are listed in: 中間 before 最終; 行政, 団体, 第三者.
PHASE_ORDER = {p.value: n for n, p in enumerate(Phase)}
SIDE_ORDER = {s.value: n for n, s in enumerate(EvaluatorSide)}
_STALE_TAIL = "入力内容は残してあります。最新の内容を開き直してから保存してください。"


# -- loading ---------------------------------------------------------------------------------
def load_project(s: Session, project_id: str) -> Project:
    """The project row, or NotFoundError."""
    p = s.get(Project, project_id)
    if p is None:
        raise NotFoundError(f"事業が見つかりません: {project_id}")
    return p


def load_round(s: Session, round_id: str) -> EvaluationRound:
    """The round row, or NotFoundError."""
    r = s.get(EvaluationRound, round_id)
    if r is None:
        raise NotFoundError(f"評価の回が見つかりません: {round_id}")
    return r


def load_evaluation(s: Session, evaluation_id: str) -> Evaluation:
    """The evaluation row, or NotFoundError."""
    e = s.get(Evaluation, evaluation_id)
    if e is None:
        raise NotFoundError(f"評価が見つかりません: {evaluation_id}")
    return e


def find_round(s: Session, project_id: str, fiscal_year: int, phase: str) -> EvaluationRound | None:
    """The round of (project, 年度, phase), if there is one."""
    return s.scalar(
        select(EvaluationRound).where(
            EvaluationRound.project_id == project_id,
            EvaluationRound.fiscal_year == fiscal_year,
            EvaluationRound.phase == nfkc(phase),
        )
    )


def form_exists(s: Session, source_form_id: str, *, except_id: str | None = None) -> bool:
    """Whether an evaluation (other than ``except_id``) came from the workbook with this id."""
    stmt = select(Evaluation.id).where(Evaluation.source_form_id == source_form_id)
    if except_id is not None:
        stmt = stmt.where(Evaluation.id != except_id)
    return s.scalar(stmt.limit(1)) is not None


def merge_actions(r: EvaluationRound, actions: Sequence[ImprovementActionInput]) -> list[int]:
    """Put ``actions`` on the round in their order, keeping the stored row of an action whose text
    is unchanged (a 約束・宿題 made from it stays linked); the ids of the rows dropped."""
    unused = list(r.actions)
    kept: list[ImprovementAction] = []
    for n, a in enumerate(actions):
        row = next((x for x in unused if x.text == a.text), None)
        if row is None:
            row = ImprovementAction(text=a.text)
        else:
            unused.remove(row)
        row.position, row.owner, row.due_on, row.status = n, a.owner, a.due_on, a.status
        kept.append(row)
    r.actions = kept
    return [x.id for x in unused]


# -- records ---------------------------------------------------------------------------------
def round_record(r: EvaluationRound, *, with_lists: bool = True) -> RoundRecord:
    """The round as a plain record (``with_lists=False``: without its improvement actions and
    target results, which a caller that needs only the conclusion's direction does not load)."""
    return RoundRecord(
        id=r.id,
        project_id=r.project_id,
        fiscal_year=r.fiscal_year,
        phase=r.phase,
        template_id=r.template_id,
        blind=r.blind,
        third_party_planned=r.third_party_planned,
        direction=r.direction,
        conclusion=r.conclusion,
        decided_on=r.decided_on,
        actions=[ImprovementActionInput(a.text, a.owner, a.due_on, a.status, a.id) for a in r.actions]
        if with_lists
        else [],
        target_results=[TargetResultRecord(t.position, t.what, t.amount, t.result) for t in r.target_results]
        if with_lists
        else [],
        version=r.version,
        updated_at=r.updated_at,
    )


def evaluation_record(s: Session, e: Evaluation) -> EvaluationRecord:
    """The evaluation as a plain record, its scores in the form's item order, with its total."""
    r = load_round(s, e.round_id)
    row = s.get(EvaluationTemplate, r.template_id)
    assert row is not None  # a round's template is never deleted (foreign key)
    template = domain_template(row)
    order = {item.key: n for n, item in enumerate(template.items)}
    scores = sorted(
        (ItemScore(x.item_key, x.score, x.comment) for x in e.scores),
        key=lambda x: (order.get(x.item_key, len(order)), x.item_key),
    )
    return build_evaluation_record(r, e, scores, template)


def evaluation_list(s: Session, fiscal_year: int | None) -> list[EvaluationListRow]:
    """The lines of ``kyodo evaluations list``: 年度 newest first, then project, 中間/最終, side."""
    stmt = (
        select(Evaluation, EvaluationRound)
        .join(EvaluationRound, EvaluationRound.id == Evaluation.round_id)
        .join(Project, Project.id == EvaluationRound.project_id)
        .where(Project.deleted_at.is_(None))
    )
    if fiscal_year is not None:
        stmt = stmt.where(EvaluationRound.fiscal_year == fiscal_year)
    templates: dict[str, Template] = {}
    keyed: list[tuple[tuple[Any, ...], EvaluationListRow]] = []
    for e, r in s.execute(stmt).tuples():
        if r.template_id not in templates:
            row = s.get(EvaluationTemplate, r.template_id)
            assert row is not None  # kept by the foreign key
            templates[r.template_id] = domain_template(row)
        template = templates[r.template_id]
        total = side_total(template, {x.item_key: x.score for x in e.scores})
        key = (-r.fiscal_year, r.project_id, PHASE_ORDER[r.phase], SIDE_ORDER[e.side], e.evaluator_name)
        text = f"{total.points}/{template.maximum}"
        keyed.append((key, EvaluationListRow(e.id, r.project_id, r.fiscal_year, r.phase, e.side, text)))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


# -- stale edits -----------------------------------------------------------------------------
def check_round_version(r: EvaluationRound, expected_version: int) -> None:
    """Refuse a change made on an older reading of the round."""
    if r.version != expected_version:
        raise StaleEditError(
            f"{r.fiscal_year}年度{r.phase}の評価の回は、開いた後に他の操作で更新されています"
            f"（開いた時: 版{expected_version}、現在: 版{r.version}）。{_STALE_TAIL}"
        )


def check_evaluation_version(e: Evaluation, expected_version: int, label: str) -> None:
    """Refuse a change made on an older reading of the evaluation."""
    if e.version != expected_version:
        raise StaleEditError(
            f"{label}は、開いた後に他の操作で更新されています"
            f"（開いた時: 版{expected_version}、現在: 版{e.version}）。{_STALE_TAIL}"
        )


# -- validation ------------------------------------------------------------------------------
def phase_of(text: str) -> Phase:
    """The phase named by ``text`` (中間 / 最終), or ValidationErrors."""
    try:
        return Phase(nfkc(text))
    except ValueError:
        raise ValidationErrors([ValidationError("phase", f"時期は「中間」か「最終」です: {text}")]) from None


def validate_keys(data: EvaluationInput) -> tuple[Phase, EvaluatorSide, str]:
    """The phase, the side and the evaluator's name of an evaluation, checked."""
    errors: list[ValidationError] = []
    phase: Phase | None = None
    try:
        phase = phase_of(data.phase)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    side: EvaluatorSide | None = None
    try:
        side = EvaluatorSide(nfkc(data.side))
    except ValueError:
        errors.append(
            ValidationError("side", f"評価者区分は「行政」「団体」「第三者」のいずれかです: {data.side}")
        )
    if isinstance(data.fiscal_year, bool) or not isinstance(data.fiscal_year, int) or data.fiscal_year < 1900:
        errors.append(
            ValidationError("fiscal_year", f"年度（西暦の開始年）が正しくありません: {data.fiscal_year}")
        )
    name = nfkc(data.evaluator_name)
    errors.extend(unsafe_character_errors({"evaluator_name": name}, {"evaluator_name": "評価者名"}))
    if errors:
        raise ValidationErrors(errors)
    assert phase is not None and side is not None
    return phase, side, name


def validate_evaluation(data: EvaluationInput, template: Template) -> dict[str, Any]:
    """The texts, grade, date and scores of an evaluation, normalised and checked on its form."""
    comment = nfkc_multiline(data.overall_comment)
    grade = nfkc(data.overall_grade)
    scores = [ItemScore(nfkc(x.item_key), x.score, nfkc_multiline(x.comment)) for x in data.scores]
    errors = validate_scores(template, scores)
    if grade and grade not in template.overall_choices:
        choices = "「" + "」「".join(template.overall_choices) + "」" if template.overall_choices else "なし"
        errors.append(ValidationError("overall_grade", f"総合評価は{choices}のいずれかです: {grade}"))
    texts = {"overall_comment": comment, **{f"comment:{x.item_key}": x.comment for x in scores}}
    labels = {"overall_comment": "総評", **{f"comment:{x.item_key}": "項目のコメント" for x in scores}}
    errors.extend(unsafe_character_errors(texts, labels))
    if errors:
        raise ValidationErrors(errors)
    evaluated_on = data.evaluated_on
    if evaluated_on is None and data.submit:
        evaluated_on = date.today()  # a submitted evaluation is dated; the day it was submitted
    return {
        "overall_comment": comment,
        "overall_grade": grade,
        "evaluated_on": evaluated_on,
        "scores": scores,
    }


def validate_conclusion(
    direction: str, comment: str, decided_on: date | None, actions: Sequence[ImprovementActionInput]
) -> tuple[Direction, str, list[ImprovementActionInput]]:
    """The conclusion's direction, comment and actions, checked (every problem at once)."""
    errors: list[ValidationError] = []
    clean_direction: Direction | None = None
    try:
        clean_direction = Direction(nfkc(direction))
    except ValueError:
        words = "「" + "」「".join(d.value for d in Direction) + "」"
        errors.append(ValidationError("direction", f"今後の方向性は{words}のいずれかです: {direction}"))
    if decided_on is None:
        errors.append(ValidationError("decided_on", "結論を決めた日付は必須です"))
    clean_comment = nfkc_multiline(comment)
    clean_actions: list[ImprovementActionInput] = []
    for n, a in enumerate(actions, start=1):
        text, owner, status = nfkc_multiline(a.text), nfkc(a.owner), nfkc(a.status) or "未着手"
        if not text:
            errors.append(ValidationError("actions", f"{n}番目の改善策の内容が空です"))
        if status not in ACTION_STATUSES:
            errors.append(
                ValidationError(
                    "actions", f"{n}番目の改善策の状況は「未着手」「対応中」「完了」のいずれかです"
                )
            )
        clean_actions.append(ImprovementActionInput(text, owner, a.due_on, status))
    texts = {
        "conclusion": clean_comment,
        **{f"action{n}": a.text + a.owner for n, a in enumerate(clean_actions)},
    }
    labels = {"conclusion": "結論のコメント", **{f"action{n}": "改善策" for n in range(len(clean_actions))}}
    errors.extend(unsafe_character_errors(texts, labels))
    if errors:
        raise ValidationErrors(errors)
    assert clean_direction is not None
    return clean_direction, clean_comment, clean_actions


# -- audit snapshots -------------------------------------------------------------------------
def round_settings(r: EvaluationRound) -> dict[str, Any]:
    """The round's settings as its audit rows see them."""
    return {"template_id": r.template_id, "blind": r.blind, "third_party_planned": r.third_party_planned}


def conclusion_snapshot(r: EvaluationRound) -> dict[str, Any]:
    """The round's conclusion as its audit rows see it."""
    return {
        "direction": r.direction,
        "conclusion": r.conclusion,
        "decided_on": r.decided_on.isoformat() if r.decided_on else None,
        "actions": [
            [a.text, a.owner, a.due_on.isoformat() if a.due_on else None, a.status] for a in r.actions
        ],
    }


def evaluation_snapshot(e: Evaluation) -> dict[str, Any]:
    """The evaluation's values as its audit rows see them (scores as ``{item: [score, comment]}``)."""
    return {
        "side": e.side,
        "evaluator_name": e.evaluator_name,
        "overall_comment": e.overall_comment,
        "overall_grade": e.overall_grade,
        "evaluated_on": e.evaluated_on.isoformat() if e.evaluated_on else None,
        "submitted_at": e.submitted_at,
        "source_form_id": e.source_form_id,
        "scores": {x.item_key: [x.score, x.comment] for x in sorted(e.scores, key=lambda x: x.item_key)},
    }


def build_evaluation_record(
    r: EvaluationRound | RoundRecord, e: Evaluation, scores: list[ItemScore], template: Template
) -> EvaluationRecord:
    """The plain record of ``e`` in round ``r`` with ``scores`` (in the form's order) and its total."""
    return EvaluationRecord(
        id=e.id,
        round_id=r.id,
        project_id=r.project_id,
        fiscal_year=r.fiscal_year,
        phase=r.phase,
        side=e.side,
        evaluator_name=e.evaluator_name,
        template_id=r.template_id,
        scores=scores,
        overall_comment=e.overall_comment,
        overall_grade=e.overall_grade,
        evaluated_on=e.evaluated_on,
        submitted_at=e.submitted_at,
        source_form_id=e.source_form_id,
        import_id=e.import_id,
        total=side_total(template, scores),
        version=e.version,
        created_at=e.created_at,
        updated_at=e.updated_at,
    )
