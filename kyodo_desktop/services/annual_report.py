"""The 年度レポート: one workbook of a 年度 (and optionally a 課) for managers.

``kyodo export-xlsx OUT --fiscal-year Y [--section 課]`` and ファイル → 年度レポート… call
:func:`export_annual_report`. The sheets, in :data:`SHEETS`' order, each read their records
through the one :class:`~kyodo_desktop.services.report_scope.ReportScope`:

* 団体一覧 — the registry's organizations not in the trash, in the 一覧 layout. With a 課, the
  organizations the 課 works with: partners (主たる or 協力) of the 課's projects of the year,
  and those whose responsible officer (担当職員) is of the 課 (所属課);
* 事業一覧 — the year's projects; 公平性チェック — the fairness report of the year;
  評価サマリー — the evaluation rounds of the year (:mod:`~kyodo_desktop.services.export_projects`,
  :mod:`~kyodo_desktop.services.export_evaluations`, shared with the registry's export);
* 引継状況 — the transfers of the year (:mod:`~kyodo_desktop.services.report_handovers`).

Every sheet is print-ready through :mod:`kyodo_desktop.services.sheets` with the scope's
``header_text`` (「令和7年度　協働推進課」) as the page header's right part. The file is written
as the registry's export writes it (:func:`~kyodo_desktop.services.export_xlsx.write_xlsx_atomically`:
temp name, fsync, rename): a failed or cancelled report leaves no file under ``out``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select, union

from kyodo_desktop.persistence.export_rows import export_rows
from kyodo_desktop.persistence.models import Officer, Organization, Project, ProjectPartner
from kyodo_desktop.services import (
    export_evaluations,
    export_projects,
    export_xlsx,
    report_handovers,
    report_overview,
    sheets,
)
from kyodo_desktop.services.export_xlsx import ExportCancelled, Progress
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "SHEETS",
    "STEPS_PER_SHEET",
    "export_annual_report",
    "known_sections",
    "organization_ids",
    "report_years",
]

#: A sheet writer: ``(write-only workbook, workspace, scope) -> rows written``.
SheetWriter = Callable[[Any, Workspace, ReportScope], int]
#: Progress steps of one sheet (the callback sees ``(step, len(SHEETS) * STEPS_PER_SHEET)``).
STEPS_PER_SHEET = 100
#: Where a long sheet (団体一覧) tells its rows done, ``(done, of)``, while the report writes it:
#: the writers keep one signature, and Cancel is heard within the sheet, not only between sheets.
_within_sheet: ContextVar[Callable[[int, int], None]] = ContextVar(
    "within_sheet", default=lambda _d, _o: None
)


def organization_ids(ws: Workspace, scope: ReportScope) -> list[str] | None:
    """The organizations 団体一覧 lists for ``scope``: None (the whole registry) without a 課."""
    if scope.section is None:
        return None
    partners = (
        select(ProjectPartner.organization_id)
        .join(Project, Project.id == ProjectPartner.project_id)
        .where(*export_projects.in_scope(scope), Project.deleted_at.is_(None), Project.is_draft.is_(False))
    )
    looked_after = (
        select(Organization.id)
        .join(Officer, Officer.id == Organization.responsible_officer_id)
        .where(Officer.section == scope.section)
    )
    with ws.session_factory() as s:
        return list(s.scalars(union(partners, looked_after)))


def _organizations(wb: Any, ws: Workspace, scope: ReportScope) -> int:
    picked, columns = export_xlsx.layout_columns(export_xlsx.LAYOUT_LIST)
    ids = organization_ids(ws, scope)
    step = _within_sheet.get()

    def progress(done: int, total: int) -> bool:
        step(done, total)  # raises ExportCancelled on Cancel
        return True

    done, _total, _ = export_xlsx.write_organizations_sheet(
        wb,
        progress,
        picked,
        columns,
        lambda: export_rows(ws.db_path, ids=ids),
        dated=scope.header_text,
    )
    return done


#: The report's sheets in their order (概要 and 分野別・市町村別 from ``services.report_overview``).
SHEETS: tuple[tuple[str, SheetWriter], ...] = (
    (report_overview.OVERVIEW_SHEET, report_overview.write_overview_sheet),
    (export_xlsx.SHEET_TITLE, _organizations),
    (export_projects.PROJECTS_TITLE, export_projects.write_projects_sheet),
    (report_overview.BREAKDOWN_SHEET, report_overview.write_breakdown_sheet),
    (export_projects.FAIRNESS_TITLE, export_projects.write_fairness_sheet),
    (export_evaluations.SUMMARY_TITLE, export_evaluations.write_summary_sheet),
    (report_handovers.HANDOVER_TITLE, report_handovers.write_handover_sheet),
)


def export_annual_report(
    ws: Workspace,
    out: Path,
    scope: ReportScope,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write the 年度レポート of ``scope`` to ``out`` (.xlsx); returns the rows written per sheet.

    ``progress(step, total)`` is called as the sheets are written (a False return stops the
    report, like ``cancelled()`` returning True): :class:`ExportCancelled` is raised and nothing
    is left under ``out`` (an existing file there stays as it was).
    """
    total = len(SHEETS) * STEPS_PER_SHEET

    def report(step: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        if progress is not None and not progress(step, total):
            raise ExportCancelled()

    def write(fh: IO[bytes]) -> dict[str, int]:
        wb = export_xlsx.new_workbook()
        written: dict[str, int] = {}
        try:
            for index, (title, writer) in enumerate(SHEETS):
                base = index * STEPS_PER_SHEET
                report(base)

                def within(done: int, of: int, base: int = base) -> None:
                    report(base + (done * STEPS_PER_SHEET // of if of else 0))

                token = _within_sheet.set(within)
                try:
                    written[title] = writer(wb, ws, scope)
                finally:
                    _within_sheet.reset(token)
            report(total)
            sheets.save_workbook(wb, fh)
        except BaseException:
            export_xlsx.discard_workbook(wb)
            raise
        return written

    return export_xlsx.write_xlsx_atomically(
        Path(out),
        write,
        place="書き出し先",
        failure="Excelファイルを書き出せません",
        retry="もう一度書き出してください",
    )


def report_years(ws: Workspace) -> list[int]:
    """The 年度 that have a project (finished, not in the trash), newest first."""
    with ws.session_factory() as s:
        return list(
            s.scalars(
                select(Project.fiscal_year)
                .where(
                    Project.fiscal_year.is_not(None),
                    Project.deleted_at.is_(None),
                    Project.is_draft.is_(False),
                )
                .distinct()
                .order_by(Project.fiscal_year.desc())
            )
        )


def known_sections(ws: Workspace) -> list[str]:
    """The 課 in use: projects' 担当課 and officers' 所属課 (what ``--section`` accepts), sorted."""
    with ws.session_factory() as s:
        found = set(s.scalars(select(Project.section).where(Project.deleted_at.is_(None))))
        found |= set(s.scalars(select(Officer.section).where(Officer.deleted_at.is_(None))))
    return sorted(section for section in found if section and section.strip())
