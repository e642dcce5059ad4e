"""Demo projects: counts, five 年度, repeating partners, every record valid and consistent."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.fairness import consecutive_run
from kyodo_desktop.domain.project import validate_project
from kyodo_desktop.domain.project_terms import (
    COLLABORATION_POINTS,
    DEFAULT_ROLE_TASKS,
    STAGE_ORDER,
    ProjectForm,
    RelationshipKind,
    Stage,
)
from kyodo_desktop.domain.relationship_kind import kinds_listing_form
from kyodo_desktop.domain.wareki import fiscal_year
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import demo, officers
from kyodo_desktop.services.demo_projects import YEARS, generate_projects
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


@pytest.fixture
def demo_ws(ws: Workspace) -> Workspace:
    demo.generate(ws, 300, seed=4)
    assert generate_projects(ws, 240, seed=4) == (240, 11)
    return ws


def _rows(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    with ws.engine.connect() as c:
        return [tuple(r) for r in c.execute(text(sql))]


def test_counts_years_officers_and_audit(demo_ws: Workspace) -> None:
    this_year = fiscal_year(date.today())
    years = dict(_rows(demo_ws, "SELECT fiscal_year, count(*) FROM projects GROUP BY fiscal_year"))
    assert sorted(years) == list(range(this_year - YEARS + 1, this_year + 1))
    assert all(n >= 20 for n in years.values()), years
    assert len({r[0] for r in _rows(demo_ws, "SELECT section FROM projects")}) >= 5
    names = [o.data.name for o in officers.list_officers(demo_ws)]
    assert len(names) == 11 and "青木 由紀" in names
    audits = dict(
        _rows(demo_ws, "SELECT entity, count(*) FROM audit_log WHERE action='create' GROUP BY entity")
    )
    assert audits["project"] == 240 and audits["officer"] == 11
    assert _rows(demo_ws, "SELECT DISTINCT context FROM audit_log WHERE entity='project'") == [
        ("demo seed=4",)
    ]
    # each lead officer works in the project's 担当課
    assert _rows(
        demo_ws,
        "SELECT count(*) FROM projects p JOIN officers o ON o.id = p.lead_officer_id WHERE o.section != p.section",
    ) == [(0,)]


def test_partners_repeat_with_the_same_section_and_flags_exist(demo_ws: Workspace) -> None:
    rows = _rows(
        demo_ws,
        "SELECT p.section, pp.organization_id, p.fiscal_year FROM projects p "
        "JOIN project_partners pp ON pp.project_id = p.id WHERE pp.role = '主たるパートナー'",
    )
    years: dict[tuple[object, object], set[int]] = defaultdict(set)
    for section, org, fy in rows:
        years[section, org].add(int(fy))  # type: ignore[call-overload]
    runs = [max(consecutive_run(ys, y) for y in ys) for ys in years.values()]
    assert sum(1 for r in runs if r >= 3) >= 3
    unexplained = _rows(
        demo_ws, "SELECT count(*) FROM projects WHERE selection_method='随意契約' AND selection_reason=''"
    )
    assert unexplained[0][0] >= 4
    assert _rows(demo_ws, "SELECT count(*) FROM projects WHERE applicant_count = 1")[0][0] >= 3
    # in some (年度, 担当課) one project takes more than 30 % of the 行政負担
    shares = _rows(
        demo_ws,
        "SELECT max(budget_administration) * 1.0 / sum(budget_administration) FROM projects "
        "GROUP BY fiscal_year, section HAVING count(*) > 1 AND sum(budget_administration) > 0",
    )
    assert sum(1 for (s,) in shares if float(s) > 0.3) >= 3  # type: ignore[arg-type]


def test_every_project_loads_validates_and_is_consistent(demo_ws: Workspace) -> None:
    svc = ProjectService(demo_ws)
    today = date.today()
    this_year = fiscal_year(today)
    summaries = svc.list_projects()
    assert len(summaries) == 240
    for summary in summaries:
        rec = svc.get(summary.id)
        assert validate_project(rec.data) == rec.data
        data = rec.data
        assert data.fiscal_year is not None and data.period_start and data.period_end
        assert fiscal_year(data.period_start) == data.fiscal_year
        kinds = kinds_listing_form(ProjectForm(data.form))
        assert not kinds or RelationshipKind(data.relationship_kind) in kinds, (
            data.form,
            data.relationship_kind,
        )
        assert [r.task for r in data.roles] == list(DEFAULT_ROLE_TASKS)
        assert set(data.points) == set(COLLABORATION_POINTS)
        assert rec.partners[0].role == "主たるパートナー"
        assert data.lead_officer_id is not None
        stage = Stage(rec.stage)
        if data.fiscal_year < this_year and data.period_end < today.replace(year=today.year - 1):
            assert stage in (Stage.FINISHED, Stage.REVIEW, Stage.EVALUATION), stage
        elif data.fiscal_year == this_year:
            assert stage in STAGE_ORDER[: STAGE_ORDER.index(Stage.IMPLEMENTATION) + 1], stage
        changes = rec.stage_changes
        assert changes[0].stage == Stage.NEEDS and changes[-1].stage == rec.stage
        dates = [c.changed_on for c in changes]
        assert dates == sorted(dates) and dates[-1] <= today


def test_same_seed_same_projects(tmp_path: Path) -> None:
    def titles(folder: Path) -> list[tuple[object, ...]]:
        with Workspace.open(folder) as ws:
            demo.generate(ws, 200, seed=9)
            generate_projects(ws, 120, seed=9)
            return _rows(
                ws,
                "SELECT p.fiscal_year, p.section, p.title, p.stage, p.budget_administration, o.name "
                "FROM projects p JOIN project_partners pp ON pp.project_id = p.id "
                "JOIN organizations o ON o.id = pp.organization_id ORDER BY 1, 2, 3, 4, 5, 6",
            )

    assert titles(tmp_path / "a") == titles(tmp_path / "b")


def test_a_second_run_reuses_the_officers(demo_ws: Workspace) -> None:
    assert generate_projects(demo_ws, 10, seed=5) == (10, 0)
    assert len(officers.list_officers(demo_ws)) == 11


def test_no_organizations_is_a_known_error(ws: Workspace) -> None:
    with pytest.raises(KnownError, match="団体"):
        generate_projects(ws, 5)
    assert _rows(ws, "SELECT count(*) FROM officers") == [(0,)]
