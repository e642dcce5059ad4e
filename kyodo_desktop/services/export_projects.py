"""The export's project sheets: 事業一覧 (one row per project) and 公平性チェック (the report).

Added by :func:`kyodo_desktop.services.export_xlsx.export_organizations` after the 団体一覧 and
its optional sheets, and only when the data file holds a project (finished, not in the trash):
a registry kept without projects gets the same workbook as before, with no empty pages to print.
A third, 評価サマリー (:mod:`kyodo_desktop.services.export_evaluations`), follows when a
project has an evaluation round. The sheets cover every such project, whatever organizations the main sheet was filtered to: they
are the 課's list of projects, not a detail of the organizations chosen.

Print-ready through :mod:`kyodo_desktop.services.sheets` like the other sheets (A4, orientation
from the width, fit to width, the header row on every page, page numbers); text goes through the
same cell makers (:mod:`kyodo_desktop.services.export_cells`: formula guard, wrapping). 年度 is
shown as 令和N年度; amounts are numbers formatted ``#,##0`` and shares percentages, so they sort
and sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, select

from kyodo_desktop.domain.fairness import FairnessReport
from kyodo_desktop.domain.project_terms import PartnerRole
from kyodo_desktop.domain.wareki import fiscal_year_label
from kyodo_desktop.persistence.models import Organization, Project, ProjectPartner
from kyodo_desktop.services import project_fairness, sheets
from kyodo_desktop.services.export_cells import cell_makers, wrapped_height
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.xlsx_rows import install_row_writer

if TYPE_CHECKING:
    from kyodo_desktop.services.report_scope import ReportScope

__all__ = [
    "FAIRNESS_COLUMNS",
    "FAIRNESS_TITLE",
    "NO_PARTNERS",
    "PROJECTS_COLUMNS",
    "PROJECTS_TITLE",
    "fairness_of",
    "has_projects",
    "write_fairness_sheet",
    "write_project_sheets",
    "write_projects_sheet",
]

PROJECTS_TITLE = "事業一覧"
FAIRNESS_TITLE = "公平性チェック"
NO_PARTNERS = "パートナーのいる事業はまだありません"

#: 事業一覧: header and width (A4 landscape, fit to width).
PROJECTS_COLUMNS: tuple[tuple[str, float], ...] = (
    ("年度", 11),
    ("事業名", 30),
    ("関係", 8),
    ("形態", 14),
    ("段階", 18),
    ("担当課", 14),
    ("主たるパートナー", 22),
    ("協力団体", 20),
    ("金額（行政負担）", 14),
    ("選定方法", 14),
    ("応募者数", 8),
)
#: 公平性チェック: one row per 年度, 担当課 and partner.
FAIRNESS_COLUMNS: tuple[tuple[str, float], ...] = (
    ("年度", 11),
    ("担当課", 14),
    ("団体名", 26),
    ("法人番号", 15),
    ("事業数", 7),
    ("金額（行政負担）", 14),
    ("担当課の計", 14),
    ("割合", 8),
    ("連続年度", 8),
    ("指摘", 44),
)
_WRAPPED_PROJECTS = frozenset(("事業名", "主たるパートナー", "協力団体"))
_WRAPPED_FAIRNESS = frozenset(("団体名", "指摘"))
_AMOUNT_FORMAT = "#,##0"
_SHARE_FORMAT = "0.0%"


def _live() -> tuple[Any, ...]:
    return (Project.deleted_at.is_(None), Project.is_draft.is_(False))


def has_projects(ws: Workspace) -> bool:
    """Whether the data file holds a finished project not in the trash."""
    with ws.session_factory() as s:
        return bool(s.scalar(select(exists().where(*_live()))))


def write_project_sheets(wb: Any, ws: Workspace) -> dict[str, int]:
    """Add 事業一覧 and 公平性チェック (and 評価サマリー when a project was evaluated) to write-only
    ``wb``; returns the rows written per sheet."""
    report = project_fairness.report(ws)
    written = {
        PROJECTS_TITLE: _projects_sheet(wb, _project_rows(ws)),
        FAIRNESS_TITLE: _fairness_sheet(wb, report, _fairness_title(ws)),
    }
    from kyodo_desktop.services import export_evaluations  # imports this module's sheet helpers

    if export_evaluations.has_rounds(ws):
        written[export_evaluations.SUMMARY_TITLE] = export_evaluations.write_summary_sheet(wb, ws)
    return written


def _fairness_title(ws: Workspace) -> str:
    levels = project_fairness.settings_of(ws)
    return (
        f"{FAIRNESS_TITLE}（基準: {levels.consecutive_years}年度以上連続・"
        f"予算の{levels.share_limit_percent:g}%超・理由のない随意契約・応募1者）"
    )


def in_scope(scope: ReportScope | None) -> tuple[Any, ...]:
    """The conditions on ``Project`` of a 年度レポート's scope (its 年度 and 課), none without one."""
    if scope is None:
        return ()
    wanted: tuple[Any, ...] = (Project.fiscal_year == scope.fiscal_year,)
    if scope.section is not None:
        wanted += (Project.section == scope.section,)
    return wanted


def fairness_of(ws: Workspace, scope: ReportScope) -> FairnessReport:
    """The fairness report of the scope's 年度 (runs count the years before), narrowed to its 課."""
    found = project_fairness.report(ws, scope.fiscal_year)
    if scope.section is None:
        return found
    return replace(
        found,
        entries=tuple(e for e in found.entries if e.section == scope.section),
        lines=tuple(line for line in found.lines if line.section == scope.section),
    )


def write_projects_sheet(wb: Any, ws: Workspace, scope: ReportScope) -> int:
    """Add the scope's 事業一覧 to write-only ``wb`` (the 年度レポート); returns the rows written."""
    rows = _project_rows(ws, scope)
    # an empty sheet would read as a failed export: say there is nothing (the 評価サマリー does too)
    empty = [("", "この年度の事業はありません", *[None] * (len(PROJECTS_COLUMNS) - 2))]
    _projects_sheet(wb, rows or empty, dated=scope.header_text)
    return len(rows)


def write_fairness_sheet(wb: Any, ws: Workspace, scope: ReportScope) -> int:
    """Add the scope's 公平性チェック to write-only ``wb`` (the 年度レポート); returns the rows."""
    return _fairness_sheet(wb, fairness_of(ws, scope), _fairness_title(ws), dated=scope.header_text)


def _project_rows(ws: Workspace, scope: ReportScope | None = None) -> list[tuple[Any, ...]]:
    """(年度, 事業名, 関係, 形態, 段階, 担当課, main partners, 協力団体, 行政負担, 選定方法, 応募者数)
    of every live project, or of ``scope``'s."""
    with ws.session_factory() as s:
        names: dict[str, tuple[list[str], list[str]]] = {}
        partners = (
            select(ProjectPartner.project_id, ProjectPartner.role, Organization.name)
            .join(Organization, Organization.id == ProjectPartner.organization_id)
            .order_by(ProjectPartner.project_id, ProjectPartner.position)
        )
        if scope is not None:  # the year's partners only, not every year's
            partners = partners.join(Project, Project.id == ProjectPartner.project_id).where(
                *_live(), *in_scope(scope)
            )
        for project_id, role, name in s.execute(partners):
            main, cooperating = names.setdefault(project_id, ([], []))
            (main if role == PartnerRole.MAIN.value else cooperating).append(name)
        projects = s.execute(
            select(
                Project.id,
                Project.fiscal_year,
                Project.title,
                Project.relationship_kind,
                Project.form,
                Project.stage,
                Project.section,
                Project.budget_administration,
                Project.selection_method,
                Project.applicant_count,
            )
            .where(*_live(), *in_scope(scope))
            .order_by(Project.fiscal_year.desc(), Project.section, Project.title, Project.id)
        ).all()
    rows = []
    for pid, fy, title, kind, form, stage, section, amount, method, applicants in projects:
        main, cooperating = names.get(pid, ([], []))
        rows.append(
            (
                fiscal_year_label(fy) if fy else "",
                title,
                kind,
                form,
                stage,
                section,
                "、".join(main),
                "、".join(cooperating),
                amount,
                method,
                applicants,
            )
        )
    return rows


def _start(
    wb: Any, title: str, columns: Sequence[tuple[str, float]], header_text: str, dated: str | None = None
) -> Any:
    """A new print-ready sheet with its header row; ``dated``: the page header's right part."""
    ws = wb.create_sheet(title)
    widths = [width for _, width in columns]
    sheets.set_widths(ws, widths)
    sheets.set_print_setup(ws, widths, header_text, dated=dated)
    ws.append(sheets.header_cells(ws, [header for header, _ in columns]))
    return ws


def _style_of(ws: Any, key: tuple[Any, ...], make: Any) -> Any:
    """The style array ``make(probe cell)`` gives, made once per sheet and ``key``: thousands of
    number cells share it instead of each looking its format and alignment up again."""
    from openpyxl.cell import WriteOnlyCell

    cache: dict[tuple[Any, ...], Any] = ws.__dict__.setdefault("_kyodo_styles", {})
    style = cache.get(key)
    if style is None:
        probe = WriteOnlyCell(ws)
        make(probe)
        style = cache[key] = probe._style
    return style


def _styled_number(ws: Any, value: int | float, style: Any) -> Any:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles.cell_style import StyleArray

    return Cell(ws, row=1, column=1, value=value, style_array=StyleArray(style))


def _number(ws: Any, value: int | float | None, number_format: str) -> Any:
    if value is None:
        return None

    def formatted(cell: Any) -> None:
        cell.number_format = number_format

    return _styled_number(ws, value, _style_of(ws, ("format", number_format), formatted))


def _top(ws: Any, value: Any) -> Any:
    """A number (or number cell) aligned to the top of its row, as ``cells.top`` does for text: in a
    row of several lines an amount at the bottom reads as belonging to the next row."""
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment

    if value is None or isinstance(value, str) or (isinstance(value, Cell) and value.data_type == "s"):
        return value  # text: cells.top has placed it
    plain = not isinstance(value, Cell)
    base = () if plain else tuple(value._style)

    def topped(cell: Any) -> None:
        if base:
            cell._style = type(value._style)(base)
        cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top")

    style = _style_of(ws, ("top", *base), topped)
    return _styled_number(ws, value if plain else value._value, style)


def _count(ws: Any, value: int | None) -> Any:
    """A small count (事業数, 連続年度, 応募者数), centred: right-aligned it would run into the
    left-aligned text of the next column."""
    from openpyxl.styles import Alignment

    if value is None:
        return None

    def centred(cell: Any) -> None:
        cell.alignment = Alignment(horizontal="center")

    return _styled_number(ws, value, _style_of(ws, ("centre",), centred))


def _write_rows(
    ws: Any,
    columns: Sequence[tuple[str, float]],
    wrapped: frozenset[str],
    rows: Sequence[Sequence[Any]],
    *,
    digits: frozenset[str] = frozenset(),
) -> None:
    """Append ``rows`` after the header: text guarded (and wrapped in the ``wrapped`` columns, the
    row as high as it needs; in the ``digits`` columns text with format ``@``, so 法人番号 keeps
    its zeros), other values as they are. Rows go through the fast row writer
    (:mod:`~kyodo_desktop.services.xlsx_rows`) as 団体一覧's do: ``ws.append`` cost more per row
    than reading and computing it."""
    from openpyxl.utils import get_column_letter

    cells = cell_makers(ws)
    wrap_at = tuple((n, width) for n, (header, width) in enumerate(columns) if header in wrapped)
    makers = [
        cells.wrapped if header in wrapped else cells.text if header in digits else cells.plain
        for header, _ in columns
    ]
    fast = install_row_writer(ws)
    for index, row in enumerate(rows, 2):
        values = [makers[n](value) if isinstance(value, str) else value for n, value in enumerate(row)]
        height = wrapped_height(values, wrap_at)
        if height is not None:
            values = [_top(ws, value) for value in cells.top(values)]
        if fast is not None:
            fast(values, height)
            continue
        if height is not None:
            ws.row_dimensions[index].height = height  # a write-only sheet writes it with the row
        ws.append(values)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _projects_sheet(wb: Any, rows: list[tuple[Any, ...]], dated: str | None = None) -> int:
    ws = _start(wb, PROJECTS_TITLE, PROJECTS_COLUMNS, PROJECTS_TITLE, dated)
    amount_at = 8
    shaped = [
        [*row[:amount_at], _number(ws, row[amount_at], _AMOUNT_FORMAT), *row[amount_at + 1 :]] for row in rows
    ]
    _write_rows(ws, PROJECTS_COLUMNS, _WRAPPED_PROJECTS, shaped)
    return len(rows)


def _fairness_sheet(wb: Any, report: FairnessReport, header_text: str, dated: str | None = None) -> int:
    """One row per (年度, 担当課, partner): newest 年度 first, then 担当課, the largest budget first."""
    ws = _start(wb, FAIRNESS_TITLE, FAIRNESS_COLUMNS, header_text, dated)
    orgs = {line.organization.id: line.organization for line in report.lines}
    entries = sorted(
        report.entries,
        key=lambda e: (-e.fiscal_year, e.section, -e.budget, orgs[e.organization_id].name, e.organization_id),
    )
    rows: list[list[Any]] = []
    for entry in entries:
        org = orgs[entry.organization_id]
        share = entry.share
        rows.append(
            [
                fiscal_year_label(entry.fiscal_year),
                entry.section,
                org.name,
                org.corporate_number,
                _count(ws, entry.project_count),
                _number(ws, entry.budget, _AMOUNT_FORMAT),
                _number(ws, entry.section_budget, _AMOUNT_FORMAT),
                _number(ws, None if share is None else float(share), _SHARE_FORMAT),
                _count(ws, entry.consecutive_years),
                "、".join(reason.text for reason in entry.reasons),
            ]
        )
    _write_rows(
        ws,
        FAIRNESS_COLUMNS,
        _WRAPPED_FAIRNESS,
        rows or [["", "", NO_PARTNERS, *[None] * (len(FAIRNESS_COLUMNS) - 3)]],  # full width: 指摘 wraps
        digits=frozenset(("法人番号",)),
    )
    return len(rows)
