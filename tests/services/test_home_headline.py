"""The home strip's content: the headline figures of both years' ``year_figures``, projects by kind per year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kyodo_desktop.services.home_headline import home_headline
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.year_figures import headlines_of, year_figures
from tests.handover_world import make_world

DAY = date(2027, 4, 10)


def test_the_strip_reads_the_headline_figures_and_the_kinds_of_both_years(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "data")
    try:
        make_world(ws)
        content = home_headline(ws, DAY)
        assert content.scope == ReportScope(2027)  # the 年度 of the day, the whole office
        now, before = year_figures(ws, ReportScope(2027), DAY), year_figures(ws, ReportScope(2026), DAY)
        assert content.figures == headlines_of(now, before)
        assert [k for k, _, _ in content.by_kind] == [k for k, _ in before.projects_by_kind]
        assert {k: n for k, n, _ in content.by_kind} == {
            k: dict(now.projects_by_kind).get(k, 0) for k, _, _ in content.by_kind
        }
        assert {k: n for k, _, n in content.by_kind} == dict(before.projects_by_kind)
        assert sum(n for _, _, n in content.by_kind) == 1 and content.has_projects
        assert not home_headline(ws, date(2040, 4, 1)).has_projects
    finally:
        ws.close()
