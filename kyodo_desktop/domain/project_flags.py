"""Overdue flags of a project (事業): what the projects tab marks in its table and detail view.

Two rules for now (issue 11, the projects tab): a period that ended without an evaluation
(``period_end`` passed while the stage is still before 評価), and a review date passed
(``review_on`` passed while the stage is not 見直し・改善, 終了 or 中止). A closed project
(中止 / 終了) is never overdue for its evaluation either: nothing more is expected of it.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_terms import CLOSED_STAGES, STAGE_ORDER, Stage

__all__ = ["OverdueFlag", "next_stage", "overdue_flags"]


class OverdueFlag(StrEnum):
    """Why a project is marked overdue (labels in context ``OverdueFlag``)."""

    NOT_EVALUATED = QT_TRANSLATE_NOOP("OverdueFlag", "期間終了後、評価が未実施")
    REVIEW_PASSED = QT_TRANSLATE_NOOP("OverdueFlag", "見直し予定日を過ぎています")


_BEFORE_EVALUATION = frozenset(STAGE_ORDER[: STAGE_ORDER.index(Stage.EVALUATION)])
_REVIEW_DONE = frozenset({Stage.REVIEW, *CLOSED_STAGES})


def overdue_flags(
    stage: str, period_end: date | None, review_on: date | None, today: date
) -> list[OverdueFlag]:
    """The flags of a project in ``stage`` on ``today`` (a date past means strictly before today)."""
    flags: list[OverdueFlag] = []
    if period_end is not None and period_end < today and stage in _BEFORE_EVALUATION:
        flags.append(OverdueFlag.NOT_EVALUATED)
    if review_on is not None and review_on < today and stage not in _REVIEW_DONE:
        flags.append(OverdueFlag.REVIEW_PASSED)
    return flags


def next_stage(stage: str) -> Stage:
    """The stage a project in ``stage`` goes to next: the cycle's following one, else 終了."""
    try:
        position = STAGE_ORDER.index(Stage(stage))
    except ValueError:  # 中止 / 終了, or a word from an older list
        return Stage.FINISHED
    return STAGE_ORDER[position + 1] if position + 1 < len(STAGE_ORDER) else Stage.FINISHED
