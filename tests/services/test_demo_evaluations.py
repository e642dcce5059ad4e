"""Demo evaluations: past 年度 evaluated on the built-in forms, gaps and third parties among
them, targets with results, conclusions that agree with the projects' stages, all readable by
the evaluation service (totals, the mutual view) and the sheets."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from kyodo_desktop.domain.evaluation_terms import DIRECTION_STAGE, Direction
from kyodo_desktop.domain.wareki import fiscal_year
from kyodo_desktop.services import demo
from kyodo_desktop.services.demo_evaluations import EVALUATED_SHARE
from kyodo_desktop.services.demo_projects import generate_projects
from kyodo_desktop.services.evaluation_sheet import write_evaluation_sheet
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.export_evaluations import summary_rows
from kyodo_desktop.services.workspace import Workspace


@pytest.fixture
def demo_ws(ws: Workspace) -> Workspace:
    demo.generate(ws, 300, seed=4)
    generate_projects(ws, 400, seed=4)
    return ws


def _rows(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    with ws.engine.connect() as c:
        return [tuple(r) for r in c.execute(text(sql))]


def test_past_years_are_evaluated_and_this_year_is_not(demo_ws: Workspace) -> None:
    this_year = fiscal_year(date.today())
    years = {r[0] for r in _rows(demo_ws, "SELECT DISTINCT fiscal_year FROM evaluation_rounds")}
    assert years and max(years) < this_year  # type: ignore[operator]
    evaluable = dict(
        _rows(
            demo_ws,
            f"SELECT relationship_kind, count(*) FROM projects WHERE fiscal_year < {this_year}"
            " AND stage IN ('評価','見直し・改善','終了') GROUP BY relationship_kind",
        )
    )
    evaluated = dict(
        _rows(
            demo_ws,
            "SELECT p.relationship_kind, count(DISTINCT p.id) FROM evaluation_rounds r"
            " JOIN projects p ON p.id = r.project_id WHERE r.phase = '最終' GROUP BY p.relationship_kind",
        )
    )
    shares = {kind: evaluated.get(kind, 0) / n for kind, n in evaluable.items()}  # type: ignore[operator]
    assert abs(shares["協働"] - EVALUATED_SHARE["協働"]) < 0.15, shares
    assert shares["協働"] > shares["支援"] and shares["協働"] > shares["外部委託"], shares
    sides = Counter(r[0] for r in _rows(demo_ws, "SELECT side FROM evaluations"))
    assert sides["行政"] >= sides["団体"] > 0 and sides["第三者"] > 0
    forms = Counter(
        r[0]
        for r in _rows(
            demo_ws,
            "SELECT t.key FROM evaluation_rounds r JOIN evaluation_templates t ON t.id = r.template_id",
        )
    )
    assert (
        set(forms) == {"points-5", "urayasu-3", "weighted-points"} and forms["points-5"] > forms["urayasu-3"]
    )
    # 第三者 only, and always, on the weighted form
    assert _rows(
        demo_ws,
        "SELECT DISTINCT t.key, r.third_party_planned FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id"
        " JOIN evaluation_templates t ON t.id = r.template_id WHERE e.side = '第三者'",
    ) == [("weighted-points", 1)]
    assert _rows(demo_ws, "SELECT count(*) FROM evaluation_target_results WHERE result <> ''")[0][0]
    audits = dict(
        _rows(
            demo_ws, "SELECT entity, count(*) FROM audit_log WHERE entity LIKE 'evaluation%' GROUP BY entity"
        )
    )
    assert audits["evaluation"] == sum(sides.values())
    assert audits["evaluation_round"] == _rows(demo_ws, "SELECT count(*) FROM evaluation_rounds")[0][0]


def test_conclusions_agree_with_the_stages(demo_ws: Workspace) -> None:
    concluded = _rows(
        demo_ws,
        "SELECT r.direction, p.stage, r.decided_on, r.project_id FROM evaluation_rounds r"
        " JOIN projects p ON p.id = r.project_id WHERE r.direction <> ''",
    )
    assert len({d for d, *_ in concluded}) >= 4
    for direction, stage, decided_on, project_id in concluded:
        assert DIRECTION_STAGE[Direction(direction)].value == stage
        note = _rows(
            demo_ws,
            f"SELECT note, changed_on FROM project_stage_changes WHERE project_id = '{project_id}' AND stage = '{stage}'",
        )
        assert note == [(f"評価の結論: {direction}", decided_on)]
    # every 最終 round of a project past 評価 has its conclusion; a 中間 one never moves the stage
    assert not _rows(
        demo_ws,
        "SELECT r.id FROM evaluation_rounds r JOIN projects p ON p.id = r.project_id"
        " WHERE r.phase = '最終' AND p.stage IN ('見直し・改善','終了') AND r.direction = ''",
    )
    assert not _rows(demo_ws, "SELECT id FROM evaluation_rounds WHERE phase = '中間' AND direction <> ''")
    actions = _rows(demo_ws, "SELECT a.status, a.due_on, a.owner FROM improvement_actions a")
    assert actions and all(owner for _, _, owner in actions)
    assert all(status == "未着手" for status, due, _ in actions if str(due) >= date.today().isoformat())


def test_the_service_reads_them_and_some_rounds_have_gaps(demo_ws: Workspace, tmp_path: Path) -> None:
    svc = EvaluationService(demo_ws)
    rounds = [r[0] for r in _rows(demo_ws, "SELECT id FROM evaluation_rounds ORDER BY id")]
    views = [svc.mutual_view(r, viewer_side="行政") for r in rounds]
    with_gaps = [v for v in views if v.gaps]
    assert 0.15 < len(with_gaps) / len(views) < 0.6
    assert all(v.totals["行政"].complete for v in views if "行政" in v.totals)
    summary = summary_rows(demo_ws)
    assert len(summary) == len(rounds)
    assert any(row[10] for row in summary)  # the largest gaps named
    project = with_gaps[0].round.project_id
    out = tmp_path / "demo.xlsx"
    write_evaluation_sheet(out, project, demo_ws)
    assert load_workbook(out).sheetnames
