"""The 年度レポート's sheets (団体一覧, 事業一覧, 公平性チェック, 評価サマリー, 引継状況) against the
database, counted independently with raw sqlite3, for a whole office and for one 課."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.domain.project_terms import CLOSED_STAGES
from kyodo_desktop.domain.wareki import fiscal_year, to_wareki
from kyodo_desktop.services import demo
from kyodo_desktop.services.annual_report import SHEETS, export_annual_report, known_sections, report_years
from kyodo_desktop.services.demo_handover import next_april_first
from kyodo_desktop.services.demo_projects import generate_projects
from kyodo_desktop.services.export_xlsx import ExportCancelled
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

ORDER = ["概要", "団体一覧", "事業一覧", "分野別・市町村別", "公平性チェック", "評価サマリー", "引継状況"]
#: the sheets with one row per record (概要 and 分野別・市町村別 are checked in test_year_figures)
LISTS = ["団体一覧", "事業一覧", "公平性チェック", "評価サマリー", "引継状況"]
LIVE = "p.deleted_at IS NULL AND p.is_draft = 0"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    data_dir = tmp_path_factory.mktemp("annual")
    with Workspace.open(data_dir, write=True) as ws:
        demo.generate(ws, 150, seed=3)
        generate_projects(ws, 60, seed=3)
        year = fiscal_year(date.today())
        org = OrganizationService(ws).create(OrganizationInput(name="=SUM(A1)の会", kana="いこーる"))
        ProjectService(ws).create(
            ProjectInput(
                title="=1+1 事業", section="健康福祉課", fiscal_year=year, partners=[PartnerInput(org)]
            )
        )
    ws = Workspace.open(data_dir, write=False)
    yield ws
    ws.close()


def _sql(ws: Workspace, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(ws.db_path) as conn:
        return conn.execute(query, params).fetchall()


def _rows(path: Path, title: str) -> list[tuple[Any, ...]]:
    wb = load_workbook(path)
    return [row for row in wb[title].iter_rows(min_row=2, values_only=True)]


def _section_clause(section: str | None, column: str = "p.section") -> tuple[str, tuple[Any, ...]]:
    return ("", ()) if section is None else (f" AND {column} = ?", (section,))


def _export(ws: Workspace, tmp_path: Path, scope: ReportScope) -> tuple[Path, dict[str, int]]:
    out = tmp_path / "report.xlsx"
    return out, export_annual_report(ws, out, scope)


@pytest.mark.parametrize("section", [None, "健康福祉課"])
@pytest.mark.parametrize("years_ago", [0, 1])  # this year: no evaluation yet; last year's are done
def test_each_sheet_holds_what_the_database_holds_for_the_scope(
    world: Workspace, tmp_path: Path, section: str | None, years_ago: int
) -> None:
    year = fiscal_year(date.today()) - years_ago
    scope = ReportScope(year, section)
    out, written = _export(world, tmp_path, scope)
    wb = load_workbook(out)
    assert wb.sheetnames == ORDER == [title for title, _ in SHEETS]
    for title in ORDER:
        sheet = wb[title]
        assert sheet.oddHeader.right.text == scope.header_text
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.page_setup.paperSize == 9
        if title in LISTS:
            assert sheet.max_row - 1 == max(written[title], 1)
    clause, params = _section_clause(section)

    # 事業一覧: the year's projects
    titles = [
        r[0]
        for r in _sql(
            world, f"SELECT title FROM projects p WHERE {LIVE} AND fiscal_year = ?{clause}", year, *params
        )
    ]
    assert titles
    assert Counter(r[1] for r in _rows(out, "事業一覧")) == Counter(titles)
    assert {r[0] for r in _rows(out, "事業一覧")} == {scope.label}

    # 団体一覧: the registry, or the 課's partners and the organizations its officers look after
    if section is None:
        names = [r[0] for r in _sql(world, "SELECT name FROM organizations WHERE deleted_at IS NULL")]
    else:
        names = [
            r[0]
            for r in _sql(
                world,
                f"""SELECT name FROM organizations WHERE deleted_at IS NULL AND id IN (
                    SELECT pp.organization_id FROM project_partners pp JOIN projects p ON p.id = pp.project_id
                    WHERE {LIVE} AND p.fiscal_year = ? AND p.section = ?
                    UNION SELECT o.id FROM organizations o JOIN officers f ON f.id = o.responsible_officer_id
                    WHERE f.section = ?)""",
                year,
                section,
                section,
            )
        ]
        assert len(names) < _sql(world, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL")[0][0]
    assert Counter(r[0] for r in _rows(out, "団体一覧")) == Counter(names)

    # 公平性チェック: one row per (担当課, partner) of the year
    pairs = _sql(
        world,
        f"""SELECT DISTINCT p.section, pp.organization_id FROM project_partners pp
            JOIN projects p ON p.id = pp.project_id WHERE {LIVE} AND p.fiscal_year = ?{clause}""",
        year,
        *params,
    )
    fairness = _rows(out, "公平性チェック")
    assert written["公平性チェック"] == len(pairs)
    assert Counter((r[0], r[1]) for r in fairness) == Counter((scope.label, s) for s, _ in pairs)

    # 評価サマリー: the rounds of the year
    rounds = _sql(
        world,
        f"""SELECT p.title, r.phase FROM evaluation_rounds r JOIN projects p ON p.id = r.project_id
            WHERE {LIVE} AND r.fiscal_year = ?{clause}""",
        year,
        *params,
    )
    assert bool(rounds) == bool(years_ago)
    summary = _rows(out, "評価サマリー") if rounds else []
    if not rounds:
        assert _rows(out, "評価サマリー")[0][2] == "この年度の評価はありません"
    assert Counter((r[2], r[1]) for r in summary) == Counter(rounds)
    assert written["評価サマリー"] == len(rounds)


def test_formula_looking_text_stays_text(world: Workspace, tmp_path: Path) -> None:
    out, _ = _export(world, tmp_path, ReportScope(fiscal_year(date.today()), "健康福祉課"))
    wb = load_workbook(out)
    cells = [
        cell
        for title in ("団体一覧", "事業一覧", "公平性チェック")
        for row in wb[title].iter_rows(min_row=2)
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    assert {c.value for c in cells} >= {"=SUM(A1)の会", "=1+1 事業"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


@pytest.mark.parametrize("section", [None, "健康福祉課"])
def test_transfers_of_the_year_with_their_scope(
    world: Workspace, tmp_path: Path, section: str | None
) -> None:
    on = next_april_first(date.today())
    scope = ReportScope(fiscal_year(on) - 1, section)  # a 4月1日 transfer: the year that ends
    out, written = _export(world, tmp_path, scope)
    clause, params = _section_clause(section, "section")
    transfers = _sql(
        world,
        f"SELECT id, name, transferred_on FROM officers WHERE deleted_at IS NULL AND transferred_on BETWEEN ? AND ?{clause}",
        date(scope.fiscal_year, 4, 2).isoformat(),
        date(scope.fiscal_year + 1, 4, 1).isoformat(),
        *params,
    )
    assert transfers
    closed = tuple(stage.value for stage in CLOSED_STAGES)
    expected = 0
    for officer_id, _name, _on in transfers:
        subjects = _sql(
            world,
            f"""SELECT i.kind, coalesce(i.organization_id, i.project_id) FROM handover_items i
                JOIN handover_notes n ON n.id = i.note_id WHERE n.from_officer_id = ? AND n.status != '訂正済'
                UNION SELECT '団体', id FROM organizations WHERE responsible_officer_id = ?
                    AND deleted_at IS NULL AND merged_into IS NULL
                UNION SELECT '事業', id FROM projects p WHERE lead_officer_id = ? AND {LIVE}
                    AND stage NOT IN ({",".join("?" * len(closed))})""",
            officer_id,
            officer_id,
            officer_id,
            *closed,
        )
        expected += max(len(subjects), 1)
    rows = _rows(out, "引継状況")
    assert written["引継状況"] == len(rows) == expected
    assert {r[0] for r in rows} == {name for _, name, _ in transfers}
    assert {r[2] for r in rows} == {to_wareki(date.fromisoformat(on)) for _, _, on in transfers}
    ids = [officer_id for officer_id, _, _ in transfers]
    marks = ",".join("?" * len(ids))
    signed = _sql(
        world,
        f"""SELECT i.partner_present FROM handover_items i JOIN handover_notes n ON n.id = i.note_id
            WHERE n.status = '署名済' AND n.from_officer_id IN ({marks})""",
        *ids,
    )
    assert signed
    assert sum(str(r[6]).startswith("署名済（令和") for r in rows) == len(signed)
    assert sum(str(r[7]).startswith("同席") for r in rows) == sum(p == 1 for (p,) in signed)
    assert sum(str(r[7]).startswith("欠席") for r in rows) == sum(p == 0 for (p,) in signed)
    assert {r[6] for r in rows if not str(r[6]).startswith("署名済")} <= {"未作成", "下書き"}


def test_cancel_leaves_no_file(world: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    steps: list[int] = []

    def progress(done: int, total: int) -> bool:
        steps.append(done)
        return done < 150  # stops within the second sheet

    with pytest.raises(ExportCancelled):
        export_annual_report(world, out, ReportScope(fiscal_year(date.today())), progress=progress)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportCancelled):
        export_annual_report(world, out, ReportScope(fiscal_year(date.today())), cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_progress_runs_to_the_end(world: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_annual_report(
        world, tmp_path / "r.xlsx", ReportScope(2000), progress=lambda d, t: seen.append((d, t)) or True
    )
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1] == len(SHEETS) * 100
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_years_and_sections_offered(world: Workspace) -> None:
    years = [
        r[0]
        for r in _sql(
            world,
            f"SELECT DISTINCT fiscal_year FROM projects p WHERE {LIVE} AND fiscal_year IS NOT NULL ORDER BY 1 DESC",
        )
    ]
    assert report_years(world) == years
    sections = {
        r[0] for r in _sql(world, "SELECT section FROM projects UNION SELECT section FROM officers") if r[0]
    }
    assert known_sections(world) == sorted(sections)
