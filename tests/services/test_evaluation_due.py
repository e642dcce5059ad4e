"""Projects due for evaluation: stage 評価, period ended without a submitted 最終, mid-term due."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.services.evaluation_due import (
    REASON_FINAL,
    REASON_MIDTERM,
    REASON_STAGE,
    due_projects,
)
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

TODAY = date(2026, 1, 10)


def _project(
    ws: Workspace,
    title: str,
    *,
    stage: str = "実施",
    start: date | None = date(2025, 4, 1),
    end: date | None = date(2026, 3, 31),
    year: int | None = 2025,
) -> str:
    org = OrganizationService(ws).create(OrganizationInput(name=f"{title}の会"), allow_duplicate=True)
    return ProjectService(ws).create(
        ProjectInput(
            section="市民協働課",
            title=title,
            fiscal_year=year,
            partners=[PartnerInput(org)],
            period_start=start,
            period_end=end,
        ),
        stage=stage,
        stage_on=date(2025, 4, 1),
    )


def _evaluate(ws: Workspace, pid: str, phase: str, *, submit: bool) -> None:
    scores = [ItemScore(item.key, 3) for item in POINTS_FIVE.items]
    EvaluationService(ws).save_evaluation(
        EvaluationInput(pid, 2025, phase, "行政", scores=scores, submit=submit)
    )


def _reasons(ws: Workspace, today: date = TODAY) -> dict[str, tuple[str, ...]]:
    return {d.title: d.reasons for d in due_projects(ws, today)}


def test_stage_final_and_midterm_reasons(ws: Workspace) -> None:
    _project(ws, "評価段階", stage="評価")
    _project(ws, "期間終了", end=date(2025, 12, 31))
    _project(ws, "半ば過ぎ")  # 2025-04-01 .. 2026-03-31: the middle day is 2025-09-30
    _project(ws, "始まったばかり", start=date(2025, 12, 1))
    _project(ws, "日付なし", start=None, end=None)
    _project(ws, "終了済み", stage="終了", end=date(2025, 6, 30))
    assert _reasons(ws) == {
        "評価段階": (REASON_STAGE, REASON_MIDTERM),
        "期間終了": (REASON_FINAL,),
        "半ば過ぎ": (REASON_MIDTERM,),
    }
    row = next(d for d in due_projects(ws, TODAY) if d.title == "評価段階")
    assert (row.fiscal_year, row.partner, row.reason) == (2025, "評価段階の会", "段階が評価・中間評価の時期")


def test_only_a_submitted_evaluation_settles_the_round(ws: Workspace) -> None:
    ended = _project(ws, "期間終了", end=date(2025, 12, 31))
    half = _project(ws, "半ば過ぎ")
    _evaluate(ws, ended, "最終", submit=False)
    _evaluate(ws, half, "中間", submit=False)
    assert set(_reasons(ws)) == {"期間終了", "半ば過ぎ"}  # drafts do not count
    svc = EvaluationService(ws)
    for pid, phase in ((ended, "最終"), (half, "中間")):
        record = next(e for e in svc.evaluations_of_project(pid) if e.phase == phase)
        svc.save_evaluation(
            EvaluationInput(pid, 2025, phase, "行政", scores=record.scores, submit=True),
            expected_version=record.version,
        )
    assert _reasons(ws) == {}


def test_the_year_comes_from_the_period_when_the_project_has_none(ws: Workspace) -> None:
    _project(ws, "年度なし", year=None, end=date(2025, 12, 31))
    [row] = due_projects(ws, TODAY)
    assert (row.fiscal_year, row.reasons) == (2025, (REASON_FINAL,))
    # on its last day the period has not ended yet, but its middle has passed
    assert [d.reasons for d in due_projects(ws, date(2025, 12, 31))] == [(REASON_MIDTERM,)]
