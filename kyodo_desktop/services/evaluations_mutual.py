"""The mutual view of a round (相互評価の比較), built from its records by the domain's rules.

Only submitted evaluations count. Several evaluators of one side (two 第三者 members, say) make
one column: the side's score on an item is the mean of the scores those evaluators gave it,
rounded half up to a whole score (3 and 4 give 4; 2, 2 and 3 give 2). A whole score keeps the
scale's values, so the gap rule (2 points on 5段階, one level on 3段階) and the totals mean the
same as for a single evaluator. An item none of them answered stays unanswered.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from kyodo_desktop.domain.evaluation import Template, compare, side_total, visible_sides, weighted_total
from kyodo_desktop.domain.evaluation_terms import EvaluatorSide
from kyodo_desktop.services.evaluation_records import EvaluationRecord, MutualView, RoundRecord

#: Why a side's column is empty in the comparison.
NOT_SUBMITTED = "未提出"
WAITING_BLIND = "ブラインド: 他の評価者区分の提出を待っています"


def side_scores(template: Template, evaluations: Sequence[EvaluationRecord]) -> dict[str, int | None]:
    """One side's score per item over its evaluators (see the module for the rounding)."""
    out: dict[str, int | None] = {}
    for item in template.items:
        given = [
            score.score
            for e in evaluations
            for score in e.scores
            if score.item_key == item.key and score.score is not None
        ]
        if not given:
            out[item.key] = None
            continue
        mean = Decimal(sum(given)) / Decimal(len(given))
        out[item.key] = int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return out


def build(
    round_: RoundRecord,
    template: Template,
    evaluations: Sequence[EvaluationRecord],
    viewer_side: str | None,
) -> MutualView:
    """The mutual view of ``round_`` as ``viewer_side`` may see it (None: an officer's overview)."""
    submitted_by_side: dict[str, list[EvaluationRecord]] = {}
    for e in evaluations:
        if e.submitted:
            submitted_by_side.setdefault(e.side, []).append(e)
    order = [s.value for s in EvaluatorSide]
    submitted = tuple(s for s in order if s in submitted_by_side)
    expected = round_.expected_sides
    shown = visible_sides(submitted, expected, blind=round_.blind, viewer=viewer_side)
    visible = tuple(s for s in order if s in shown)
    scores = {side: side_scores(template, submitted_by_side[side]) for side in visible}
    totals = {side: side_total(template, scores[side]) for side in visible}
    hidden: dict[str, str] = {}
    for side in order:
        if side in shown:
            continue
        if side in submitted_by_side:
            hidden[side] = WAITING_BLIND
        elif side in expected:
            hidden[side] = NOT_SUBMITTED
    return MutualView(
        round=round_,
        template=template,
        rows=compare(template, scores),
        scores_by_side=scores,
        totals=totals,
        weighted_total=weighted_total(template, totals),
        expected_sides=expected,
        submitted_sides=submitted,
        visible_sides=visible,
        hidden=hidden,
        evaluator_counts={side: len(submitted_by_side[side]) for side in visible},
    )
