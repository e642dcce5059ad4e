"""Undoing the import of a returned evaluation form (評価シート): the rows it wrote, taken back.

An accepted form (:mod:`kyodo_desktop.services.evaluation_form_import`) writes, under its
import's audit context, a ``create`` row for the evaluation (entity ``evaluation``) and, when it
brought 実績, a ``target_results`` row for its round (``{"target_results": [before, after]}``).
:func:`undo_row` is what :func:`kyodo_desktop.services.import_undo.undo_import` does with each
in its one transaction: the evaluation is deleted for real (its scores first), the round's
target results are put back as they were before; the round itself was made by the export and
stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.wareki import fiscal_year_label
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models_evaluations import (
    Evaluation,
    EvaluationRound,
    EvaluationScore,
    TargetResult,
)

__all__ = ["ACTIONS", "ENTITIES", "names", "undo_row"]

#: The audit entities an evaluation form's import writes.
ENTITIES = frozenset({"evaluation", "evaluation_round"})
#: The audit actions of an import that an undo takes back besides ``create`` and ``update``.
ACTIONS = ("target_results",)


def undo_row(s: Session, record_id: str, entity: str, action: str, changes: Any) -> dict[str, Any]:
    """Take back one audit row of an evaluation form's import; the undo row's changes."""
    if entity == "evaluation" and action == "create":
        s.execute(delete(EvaluationScore).where(EvaluationScore.evaluation_id == record_id))
        s.execute(delete(Evaluation).where(Evaluation.id == record_id))
        new = changes if isinstance(changes, dict) else {}
        return {
            field: [pair[1], None] for field, pair in new.items() if isinstance(pair, list) and len(pair) == 2
        }
    if entity == "evaluation_round" and action == "target_results":
        pair = changes.get("target_results") if isinstance(changes, dict) else None
        r = s.get(EvaluationRound, record_id)
        if r is None or not isinstance(pair, list) or len(pair) != 2:
            raise KnownError(
                f"取り込みで実績を書いた評価の回が見つかりません: {record_id}。何も変更していません。"
            )
        before, after = pair
        r.target_results = [
            TargetResult(position=n, what=what, amount=amount, result=result)
            for n, (what, amount, result) in enumerate(before)
        ]
        s.flush()
        return {"target_results": [after, before]}
    raise KnownError(f"取り込みの記録を取り消せません（{entity} {action}）。何も変更していません。")


def names(s: Session, ids: Sequence[str]) -> dict[str, str]:
    """How an undo's refusal names the evaluations among ``ids``: 令和7年度最終評価（団体 佐藤 花子）."""
    found = s.execute(
        select(
            Evaluation.id,
            Evaluation.side,
            Evaluation.evaluator_name,
            EvaluationRound.fiscal_year,
            EvaluationRound.phase,
        )
        .join(EvaluationRound, EvaluationRound.id == Evaluation.round_id)
        .where(Evaluation.id.in_(ids))
    ).tuples()
    return {
        record_id: f"{fiscal_year_label(year)}{phase}評価（{side}{' ' + name if name else ''}）"
        for record_id, side, name, year, phase in found
    }
