"""The year's figures (概要) and the breakdown (分野別・市町村別) against counts made independently.

A year of records (令和7年度) and the year before it are built through the services, with the
organizations' ``created_at`` set directly; every figure is then counted again with raw
``sqlite3`` SQL on the data file and compared with YearFigures, YearBreakdown and the cells of
the two sheets written into a write-only workbook and read back.
"""

from __future__ import annotations

import re
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.services import duplicates, handover_alerts, officers, sheets
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.report_overview import (
    BREAKDOWN_SHEET,
    CHART_PLACES,
    OVERVIEW_SHEET,
    breakdown_charts,
    write_breakdown_sheet,
    write_overview_sheet,
)
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.year_breakdown import NO_MUNICIPALITY, year_breakdown
from kyodo_desktop.services.year_figures import headlines_of, year_figures

YEAR = ReportScope(2025)
TODAY = date(2026, 1, 10)
CIVIC, GREEN = "市民協働課", "環境課"


@dataclass
class Built:
    ws: Workspace
    trashed_project: str
    draft_project: str


def _org(ws: Workspace, name: str, created: str, *, form: str, place: str = "", fields: str = "") -> str:
    org = OrganizationService(ws).create(OrganizationInput(name=name), allow_duplicate=True)
    with sqlite3.connect(ws.db_path) as con:
        con.execute(
            "UPDATE organizations SET created_at = ?, legal_form = ?, municipality_name = ?,"
            " activity_fields = ? WHERE id = ?",
            (created, form, place, fields, org),
        )
    return org


def _project(
    ws: Workspace,
    title: str,
    partner: str | None,
    *,
    year: int = 2025,
    section: str = CIVIC,
    kind: str = "協働",
    form: str = "委託",
    budget: int = 0,
    fields: list[int] | None = None,
    end: date | None = None,
    lead: str | None = None,
    stage: str = "実施",
    draft: bool = False,
) -> str:
    return ProjectService(ws).create(
        ProjectInput(
            title=title,
            fiscal_year=year,
            section=section,
            lead_officer_id=lead,
            partners=[PartnerInput(partner)] if partner else [],
            relationship_kind=kind,
            form=form,
            fields=fields or [],
            budget={"行政負担": budget, "団体負担": 7},
            period_start=date(year, 4, 1),
            period_end=end or date(year + 1, 3, 31),
        ),
        stage=stage,
        stage_on=date(year, 4, 1),
        draft=draft,
    )


def _evaluate(ws: Workspace, pid: str, year: int, phase: str, side: str, *, submit: bool = True) -> None:
    scores = [ItemScore(item.key, 3) for item in POINTS_FIVE.items]
    EvaluationService(ws).save_evaluation(
        EvaluationInput(pid, year, phase, side, scores=scores, submit=submit)
    )


@pytest.fixture
def built(ws: Workspace) -> Built:
    # organizations: two years, an older one, a later one, a trashed one, a merged one
    npo = _org(
        ws, "みどりの会", "2023-06-01T02:00:00+00:00", form="特定非営利活動法人", place="千葉市", fields="7"
    )
    _org(ws, "前年の会", "2024-07-01T02:00:00+00:00", form="一般社団法人", place="市川市")
    kids = _org(ws, "こどもの会", "2025-05-10T02:00:00+00:00", form="特定非営利活動法人", place="千葉市")
    formula = _org(ws, "数式の会", "2025-09-01T02:00:00+00:00", form="=危険な法人", place="=悪い市")
    _org(ws, "来年の会", "2026-06-01T02:00:00+00:00", form="任意団体")
    gone = _org(ws, "消えた会", "2024-05-01T02:00:00+00:00", form="任意団体")
    twin = _org(ws, "重複の会", "2025-06-01T02:00:00+00:00", form="特定非営利活動法人")
    OrganizationService(ws).delete(gone)  # trashed today (2026): it was on the registry in 2024 and 2025
    duplicates.merge(ws, npo, twin)
    with sqlite3.connect(ws.db_path) as con:  # trashed during 2025: not at the end of 2025
        con.execute("UPDATE organizations SET deleted_at = '2025-12-01T00:00:00+00:00' WHERE id = ?", (gone,))
    sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section=CIVIC))
    kato = officers.add_officer(ws, OfficerInput("加藤 次郎", section=GREEN))
    # the year's projects
    a = _project(
        ws, "花壇", npo, kind="協働", form="委託", budget=1_000_000, fields=[3, 13], end=date(2025, 12, 31)
    )
    b = _project(ws, "子ども食堂", kids, kind="支援", form="補助・助成", budget=300_000, lead=sato)
    c = _project(
        ws, "清掃", formula, kind="協働", form="共催", budget=50_000, section=GREEN, end=date(2025, 9, 30)
    )
    _project(ws, "相手なし", None, kind="外部委託", form="委託", budget=2_000_000, stage="終了")
    draft = _project(ws, "下書き", npo, budget=9_999_999, draft=True)
    trashed = _project(ws, "捨てた事業", npo, budget=8_888_888, fields=[1])
    ProjectService(ws).delete(trashed)
    # last year's
    old = _project(ws, "昨年の花壇", npo, year=2024, form="委託", budget=700_000, end=date(2025, 3, 31))
    _project(ws, "昨年の講座", kids, year=2024, kind="支援", form="後援", budget=0, section=GREEN)
    # evaluations: done (submitted) and a draft; 花壇 is due for nothing, 清掃 has no 最終
    _evaluate(ws, a, 2025, "最終", "行政")
    _evaluate(ws, a, 2025, "最終", "団体")
    _evaluate(ws, b, 2025, "中間", "行政")
    _evaluate(ws, c, 2025, "最終", "行政", submit=False)
    _evaluate(ws, old, 2024, "最終", "行政")
    # transfers: 佐藤 in the year without a note, 加藤 next year
    _responsible(ws, kids, sato)
    officers.set_assignment(ws, sato, transferred_on=date(2026, 3, 31))
    officers.set_assignment(ws, kato, transferred_on=date(2026, 4, 2))  # 4月1日 would be the year's
    _project(ws, "来年度の事業", npo, year=2026, lead=kato)
    return Built(ws, trashed, draft)


def _responsible(ws: Workspace, org: str, officer: str) -> None:
    with sqlite3.connect(ws.db_path) as con:
        con.execute("UPDATE organizations SET responsible_officer_id = ? WHERE id = ?", (officer, org))


# -- the independent counts ------------------------------------------------------------------


def _sql(ws: Workspace, query: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(ws.db_path) as con:
        return con.execute(query, args).fetchall()


def _expected(ws: Workspace, year: int, section: str | None = None) -> dict[str, Any]:
    after = f"{year + 1}-04-01"
    start = f"{year}-04-01"
    registry = "created_at < ? AND (deleted_at IS NULL OR deleted_at >= ?)"
    in_section = " AND section = ?" if section else ""
    extra = (section,) if section else ()
    projects = f"FROM projects WHERE fiscal_year = ? AND deleted_at IS NULL AND is_draft = 0{in_section}"
    done = _sql(
        ws,
        "SELECT count(*) FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id"
        " JOIN projects p ON p.id = r.project_id WHERE e.submitted_at IS NOT NULL AND r.fiscal_year = ?"
        " AND p.deleted_at IS NULL AND p.is_draft = 0" + (" AND p.section = ?" if section else ""),
        year,
        *extra,
    )[0][0]
    return {
        "organizations": _sql(ws, f"SELECT count(*) FROM organizations WHERE {registry}", after, after)[0][0],
        "by_form": dict(
            _sql(
                ws,
                f"SELECT legal_form, count(*) FROM organizations WHERE {registry} GROUP BY 1",
                after,
                after,
            )
        ),
        "new": dict(
            _sql(
                ws,
                f"SELECT legal_form, count(*) FROM organizations WHERE {registry} AND created_at >= ? GROUP BY 1",
                after,
                after,
                start,
            )
        ),
        "projects": _sql(ws, f"SELECT count(*) {projects}", year, *extra)[0][0],
        "kinds": dict(_sql(ws, f"SELECT relationship_kind, count(*) {projects} GROUP BY 1", year, *extra)),
        "forms": dict(_sql(ws, f"SELECT form, count(*) {projects} GROUP BY 1", year, *extra)),
        "budgets": dict(
            _sql(ws, f"SELECT form, sum(budget_administration) {projects} GROUP BY 1", year, *extra)
        ),
        "budget": _sql(ws, f"SELECT coalesce(sum(budget_administration), 0) {projects}", year, *extra)[0][0],
        "done": done,
    }


def _nonzero(pairs: tuple[tuple[str, int], ...]) -> dict[str, int]:
    return {word: n for word, n in pairs if n}


def test_the_figures_equal_what_the_database_holds(built: Built) -> None:
    ws = built.ws
    for scope in (YEAR, YEAR.previous()):
        figures = year_figures(ws, scope, TODAY)
        expected = _expected(ws, scope.fiscal_year)
        assert figures.organizations == expected["organizations"]
        assert _nonzero(figures.organizations_by_form) == expected["by_form"]
        assert _nonzero(figures.new_by_form) == expected["new"]
        assert figures.new_organizations == sum(expected["new"].values())
        assert figures.projects == expected["projects"]
        assert _nonzero(figures.projects_by_kind) == expected["kinds"]
        assert _nonzero(figures.projects_by_form) == expected["forms"]
        assert {w: n for w, n in figures.budget_by_form if w in expected["budgets"]} == expected["budgets"]
        assert figures.budget == expected["budget"]
        assert figures.evaluations_done == expected["done"]
    figures = year_figures(ws, YEAR, TODAY)
    # the hand-made answer, so the SQL above is not merely the same mistake twice
    # みどり 前年 こども 数式 and 重複 (merged after the year); 消えた was trashed during it
    assert (figures.organizations, figures.new_organizations) == (5, 3)
    assert dict(figures.new_by_form)["特定非営利活動法人"] == 2  # こども and 重複 (merged after the year)
    assert dict(figures.new_by_form)["=危険な法人"] == 1
    assert year_figures(ws, YEAR.previous(), TODAY).organizations == 3  # みどり 前年 消えた
    assert (figures.projects, figures.budget) == (4, 3_350_000)  # no draft, no trash
    assert dict(figures.projects_by_kind) == {"支援": 1, "協働": 2, "外部委託": 1}
    assert figures.evaluations_done == 3  # the draft evaluation does not count
    # due: only 清掃 (ended, its 最終 a draft); 花壇 has its 最終, 子ども食堂 its 中間, 相手なし ended
    assert figures.evaluations_due == 1
    # last year's as of the day after its end: 昨年の講座 ended without a 最終
    assert year_figures(ws, YEAR.previous(), TODAY).evaluations_due == 1
    assert (figures.handovers_pending, figures.handover_records_pending) == (1, 2)  # 佐藤: こども, 子ども食堂


def test_a_section_narrows_projects_evaluations_and_transfers_not_the_registry(built: Built) -> None:
    ws = built.ws
    whole = year_figures(ws, YEAR, TODAY)
    for section in (CIVIC, GREEN):
        scope = ReportScope(2025, section)
        figures = year_figures(ws, scope, TODAY)
        expected = _expected(ws, 2025, section)
        assert (figures.projects, figures.budget, figures.evaluations_done) == (
            expected["projects"],
            expected["budget"],
            expected["done"],
        )
        assert _nonzero(figures.projects_by_form) == expected["forms"]
        assert figures.organizations == whole.organizations  # registry-wide
    green = year_figures(ws, ReportScope(2025, GREEN), TODAY)
    assert (green.projects, green.evaluations_due, green.handovers_pending) == (1, 1, 0)
    civic = year_figures(ws, ReportScope(2025, CIVIC), TODAY)
    assert (civic.projects, civic.evaluations_due, civic.handovers_pending) == (3, 0, 1)


def test_the_breakdown_by_field_and_municipality(built: Built) -> None:
    ws = built.ws
    breakdown = year_breakdown(ws, YEAR)
    fields = {row.label: (row.projects, row.budget) for row in breakdown.by_field if row.projects}
    # 花壇: its own fields 3 and 13; 子ども食堂: none, its partner こども has none; 清掃: partner 数式 none;
    # 相手なし: none. So 3 and 13 once each, three without a field.
    assert fields == {
        "まちづくり": (1, 1_000_000),
        "子どもの健全育成": (1, 1_000_000),
        "（分野の記入なし）": (3, 2_350_000),
    }
    places = {row.label: (row.projects, row.budget) for row in breakdown.by_municipality}
    expected = _sql(
        ws,
        "SELECT coalesce(nullif(o.municipality_name, ''), ?), count(*), sum(p.budget_administration)"
        " FROM projects p LEFT JOIN project_partners pp ON pp.project_id = p.id AND pp.role = '主たるパートナー'"
        " LEFT JOIN organizations o ON o.id = pp.organization_id"
        " WHERE p.fiscal_year = 2025 AND p.deleted_at IS NULL AND p.is_draft = 0 GROUP BY 1",
        NO_MUNICIPALITY,
    )
    assert places == {name: (n, amount) for name, n, amount in expected}
    assert (breakdown.projects, breakdown.budget) == (4, 3_350_000)
    # a partner's own field is used when the project has none
    _sql_update(ws, "UPDATE organizations SET activity_fields = '1,13' WHERE name = 'こどもの会'")
    fields = {row.label: row.projects for row in year_breakdown(ws, YEAR).by_field if row.projects}
    assert fields["子どもの健全育成"] == 2 and fields["保健・医療・福祉"] == 1


def _sql_update(ws: Workspace, statement: str) -> None:
    with sqlite3.connect(ws.db_path) as con:
        con.execute(statement)


def test_headlines_pair_each_figure_with_last_years(built: Built) -> None:
    heads = {
        h.label: (h.value, h.previous, h.unit)
        for h in headlines_of(
            year_figures(built.ws, YEAR, TODAY), year_figures(built.ws, YEAR.previous(), TODAY)
        )
    }
    assert heads == {
        "事業": (4, 2, "件"),
        "行政負担額": (3_350_000, 700_000, "円"),
        "評価の予定": (1, 1, "件"),
        "引継書のない異動": (1, 0, "人"),
        "新規登録団体": (3, 2, "団体"),
    }


# -- the sheets ------------------------------------------------------------------------------


def _write(ws: Workspace, scope: ReportScope, path: Path) -> None:
    wb = Workbook(write_only=True)
    sheets.use_default_font(wb)
    write_overview_sheet(wb, ws, scope)
    write_breakdown_sheet(wb, ws, scope)
    with path.open("wb") as fh:
        sheets.save_workbook(wb, fh)


def _blocks(sheet: Any) -> dict[str, dict[str, tuple[Any, ...]]]:
    """概要 read back: block title -> {label: (this year, last year, difference)}."""
    blocks: dict[str, dict[str, tuple[Any, ...]]] = {}
    current: dict[str, tuple[Any, ...]] | None = None
    for label, *values in sheet.iter_rows(min_row=2, values_only=True):
        if label is None:
            current = None
        elif current is None:
            current = blocks.setdefault(label, {})
        elif values[0] is not None:
            current[label] = tuple(values)
    return blocks


def test_the_overview_sheet_shows_the_figures_beside_last_years(built: Built, tmp_path: Path) -> None:
    ws = built.ws
    path = tmp_path / "report.xlsx"
    _write(ws, YEAR, path)
    sheet = load_workbook(path)[OVERVIEW_SHEET]
    assert [c.value for c in sheet[1]] == ["項目", "令和7年度", "令和6年度", "増減"]
    blocks = _blocks(sheet)
    now, before = _expected(ws, 2025), _expected(ws, 2024)
    orgs = blocks["団体（登録簿全体）"]
    assert orgs["年度末の登録団体数"] == (
        now["organizations"],
        before["organizations"],
        now["organizations"] - before["organizations"],
    )
    assert orgs["=危険な法人"][0] == 1  # a formula-looking 法人格 stays text
    projects = blocks["事業（件）"]
    assert projects["事業数"] == (now["projects"], before["projects"], now["projects"] - before["projects"])
    for kind, n in now["kinds"].items():
        assert projects[kind][0] == n
    assert projects["後援"] == (0, 1, -1)  # last year's word, none this year
    budget = blocks["予算（行政負担、円）"]
    assert budget["行政負担額"] == (3_350_000, 700_000, 2_650_000)
    assert budget["委託"] == (3_000_000, 700_000, 2_300_000)
    assert blocks["評価（件）"]["提出された評価"] == (
        now["done"],
        before["done"],
        now["done"] - before["done"],
    )
    assert blocks["評価（件）"]["評価の予定（未提出）"][0] == year_figures(ws, YEAR).evaluations_due
    assert blocks["引継ぎ"]["引継書のない異動（人）"][:2] == (1, 0)
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=危険な法人")
    assert cell.data_type == "s" and cell.quotePrefix
    total = next(row for row in sheet.iter_rows() if row[0].value == "年度末の登録団体数")
    assert [c.number_format for c in total[1:]] == ["#,##0", "#,##0", "+#,##0;-#,##0;0"]
    assert sheet.print_title_rows == "$1:$1" and sheet.oddHeader.right.text == "令和7年度"
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1


def test_the_breakdown_sheet_and_its_charts(built: Built, tmp_path: Path) -> None:
    ws = built.ws
    path = tmp_path / "report.xlsx"
    _write(ws, ReportScope(2025, CIVIC), path)
    sheet = load_workbook(path)[BREAKDOWN_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("活動分野", "事業数", "行政負担額（円）")
    breakdown = year_breakdown(ws, ReportScope(2025, CIVIC))
    fields = [(r[0], r[1], r[2]) for r in rows[1 : 1 + len(breakdown.by_field)]]
    assert fields == [(b.label, b.projects, b.budget) for b in breakdown.by_field]
    places = [(r[4], r[5], r[6]) for r in rows[1:] if r[4] is not None and r[4] != "合計"]
    assert places == [(b.label, b.projects, b.budget) for b in breakdown.by_municipality]
    assert next((r[4], r[5], r[6]) for r in rows if r[4] == "合計") == ("合計", 3, 3_300_000)
    assert "=悪い市" not in [p[0] for p in places]  # 清掃 is 環境課's
    assert sheet.oddHeader.right.text == "令和7年度　市民協働課"
    # the charts refer to the rows written: 事業数 of the 20 fields and of the municipalities
    with zipfile.ZipFile(path) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        refs = [
            [
                ref.replace("$", "")
                for ref in re.findall(r"<(?:c:)?f>([^<]+)</(?:c:)?f>", archive.read(n).decode())
            ]
            for n in charts
        ]
    name = f"'{BREAKDOWN_SHEET}'"
    last = 1 + len(breakdown.by_field)
    assert last == 22  # the 20 fields and 「記入なし」
    assert refs[0] == [f"{name}!B1", f"{name}!A2:A{last}", f"{name}!B2:B{last}"]
    places_last = 1 + len(breakdown.by_municipality)
    assert refs[1] == [f"{name}!F1", f"{name}!E2:E{places_last}", f"{name}!F2:F{places_last}"]
    assert [rows[0][1], rows[0][5]] == ["事業数", "事業数"]  # the series' names


def test_formula_looking_municipality_stays_text(built: Built, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    _write(built.ws, YEAR, path)
    sheet = load_workbook(path)[BREAKDOWN_SHEET]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=悪い市")
    assert cell.data_type == "s" and cell.quotePrefix


def test_the_municipalities_chart_shows_the_first_fifteen() -> None:
    fields, places = breakdown_charts(21, 40)
    assert (fields.header_row, fields.label_col, fields.categories, fields.series) == (1, 1, 21, 1)
    assert (places.header_row, places.label_col, places.categories, places.series) == (1, 5, CHART_PLACES, 1)
    assert breakdown_charts(20, 3)[1].categories == 3


def test_pending_of_a_year_is_the_pending_list_narrowed(built: Built) -> None:
    everyone = handover_alerts.pending(built.ws)
    assert [p.name for p in everyone] == ["佐藤 一郎", "加藤 次郎"]
    for scope in (YEAR, ReportScope(2026), ReportScope(2025, GREEN), ReportScope(2026, GREEN)):
        expected = [
            p
            for p in everyone
            if date(scope.fiscal_year, 4, 2) <= p.transferred_on <= date(scope.fiscal_year + 1, 4, 1)
            and (
                scope.section is None
                or officers.get_officer(built.ws, p.officer_id).data.section == scope.section
            )
        ]
        assert handover_alerts.pending(built.ws, scope) == expected
    assert [p.name for p in handover_alerts.pending(built.ws, ReportScope(2026, GREEN))] == ["加藤 次郎"]
