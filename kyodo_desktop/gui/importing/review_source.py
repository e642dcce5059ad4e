"""What the review page says of the file read: its rows' count line, and the cells of unread rows.

Kept apart from :mod:`~kyodo_desktop.gui.importing.review_page` (the page class stays small); the
texts keep the page's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kyodo_desktop.gui.importing.state import ImportState
from kyodo_desktop.services.importing import ImportPlan
from kyodo_desktop.services.project_import import ProjectImportPlan


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPage", text)


def raw_names(state: ImportState, plan: ImportPlan | ProjectImportPlan | None) -> dict[int, str]:
    """The 団体名 (事業名) cells of rows that could not be read, as typed in the list."""
    source, mapping = state.source, state.mapping
    if plan is None or source is None or source.table is None or not mapping:
        return {}
    wanted = "title" if isinstance(plan, ProjectImportPlan) else "name"
    column = next((i for i, target in mapping.items() if target == wanted), None)
    unread = {p.row.row_number for p in plan.rows if p.row.data is None}
    if column is None or not unread:
        return {}
    return {
        number: " ".join(cells[column].split())
        for number, cells in source.table.rows
        if number in unread and column < len(cells)
    }


def source_text(state: ImportState, plan: ImportPlan | ProjectImportPlan | None) -> str:
    """The line above the review: the file, its sheet or portal layout, and how many rows."""
    source = state.source
    if source is None or plan is None:
        return ""
    if source.portal is not None:
        read = source.portal
        return _tr(
            "{file}: NPOポータルCSV（{layout}、{encoding}）{total} 件のうち、"
            "他の都道府県 {other} 件・解散で除外 {dissolved} 件を除く {rows} 件"
        ).format(
            file=source.path.name,
            layout=read.layout_name,
            encoding=read.encoding,
            total=f"{read.total_records:,}",
            other=f"{read.other_prefecture:,}",
            dissolved=f"{read.dissolved_skipped:,}",
            rows=f"{len(read.rows):,}",
        )
    table = source.table
    where = _tr("シート「{sheet}」").format(sheet=table.sheet) if table is not None and table.sheet else ""
    return _tr("{file} {where}: {rows} 行").format(
        file=source.path.name, where=where, rows=f"{len(plan.rows):,}"
    )
