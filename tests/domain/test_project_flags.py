"""Overdue flags of a project and the stage a project goes to next."""

from __future__ import annotations

from datetime import date

import pytest

from kyodo_desktop.domain.project_flags import OverdueFlag, next_stage, overdue_flags
from kyodo_desktop.domain.project_terms import STAGE_ORDER, Stage

TODAY = date(2026, 4, 10)
PAST, FUTURE = date(2026, 3, 31), date(2026, 6, 1)


@pytest.mark.parametrize("stage", [s.value for s in STAGE_ORDER[:5]])
def test_period_ended_before_evaluation_is_flagged(stage: str) -> None:
    assert overdue_flags(stage, PAST, None, TODAY) == [OverdueFlag.NOT_EVALUATED]


@pytest.mark.parametrize("stage", ["評価", "見直し・改善", "中止", "終了"])
def test_period_ended_after_evaluation_or_closed_is_not(stage: str) -> None:
    assert overdue_flags(stage, PAST, None, TODAY) == []


def test_period_ending_today_or_later_is_not_overdue() -> None:
    assert overdue_flags("実施", TODAY, None, TODAY) == []
    assert overdue_flags("実施", FUTURE, None, TODAY) == []
    assert overdue_flags("実施", None, None, TODAY) == []


def test_review_date_passed_unless_reviewed_or_closed() -> None:
    assert overdue_flags("評価", FUTURE, PAST, TODAY) == [OverdueFlag.REVIEW_PASSED]
    assert overdue_flags("実施", PAST, PAST, TODAY) == [OverdueFlag.NOT_EVALUATED, OverdueFlag.REVIEW_PASSED]
    for stage in ("見直し・改善", "終了", "中止"):
        assert overdue_flags(stage, FUTURE, PAST, TODAY) == []
    assert overdue_flags("評価", FUTURE, TODAY, TODAY) == []


def test_next_stage_follows_the_cycle_then_ends() -> None:
    assert next_stage("課題・ニーズの把握") == Stage.CONSIDERATION
    assert next_stage("実施") == Stage.EVALUATION
    assert next_stage("見直し・改善") == Stage.FINISHED
    assert next_stage("中止") == Stage.FINISHED
    assert next_stage("古い言葉") == Stage.FINISHED
