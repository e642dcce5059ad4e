"""The review of a past-project import as a workbook (``kyodo projects import --summary``).

The same sheets, styles and print setup as the organization import's summary
(:func:`~kyodo_desktop.services.import_summary.write_summary_sheets`): 概要, 明細 (one row per
source row: 行, 処理, 年度, 事業名, パートナー and how each was found, 金額, 問題) and エラー.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kyodo_desktop.domain.project_terms import BudgetSide
from kyodo_desktop.services.export_xlsx import write_xlsx_atomically
from kyodo_desktop.services.import_summary import (
    ERROR_COLUMNS,
    OVERVIEW_COLUMNS,
    SHEET_DETAILS,
    SHEET_ERRORS,
    SHEET_OVERVIEW,
    write_summary_sheets,
)
from kyodo_desktop.services.importing import Action
from kyodo_desktop.services.project_import import PlannedProject, ProjectImportPlan

__all__ = ["PROJECT_DETAIL_COLUMNS", "write_project_import_summary"]

PROJECT_DETAIL_COLUMNS: tuple[tuple[str, float], ...] = (
    ("行", 8),
    ("処理", 14),
    ("年度", 8),
    ("事業名", 36),
    ("パートナー", 48),
    ("金額", 14),
    ("問題", 60),
)


def _partners(planned: PlannedProject) -> str:
    return "\n".join(f"{p.cell.name or p.cell.corporate_number}（{p.reason}）" for p in planned.partners)


def _detail(planned: PlannedProject) -> list[Any]:
    record = planned.row.data
    project = record.project if record is not None else None
    problems = [*planned.row.problems, *planned.warnings, *planned.dropped]
    action = planned.action.value
    if planned.action is Action.UNCHANGED:
        action = "登録済み"
    elif planned.action is Action.DUPLICATE_IN_FILE:
        problems_text = f"{planned.duplicate_of_row} 行目と同じ事業です"
        problems = [*problems]
        return [
            planned.row.row_number,
            action,
            *_values(project),
            _partners(planned),
            *_amount(project),
            problems_text,
        ]
    text = "\n".join(f"{p.column}: {p.message}" if p.column else p.message for p in problems)
    return [planned.row.row_number, action, *_values(project), _partners(planned), *_amount(project), text]


def _values(project: Any) -> list[Any]:
    if project is None:
        return ["", ""]
    return [project.fiscal_year or "", project.title]


def _amount(project: Any) -> list[Any]:
    if project is None:
        return [""]
    return [project.budget.get(BudgetSide.ADMINISTRATION.value, "")]


def _overview(plan: ProjectImportPlan) -> Iterable[list[Any]]:
    yield ["取り込むファイル", plan.source_name]
    yield ["新規の事業", plan.count(Action.NEW)]
    yield ["登録済みの事業", plan.count(Action.UNCHANGED)]
    yield ["ファイル内の重複", plan.count(Action.DUPLICATE_IN_FILE)]
    yield ["エラーの行", plan.count(Action.ERROR)]
    yield ["新しく登録する団体", len(plan.new_organizations)]


def write_project_import_summary(plan: ProjectImportPlan, out: Path) -> None:
    """Write the review of ``plan`` to ``out`` (.xlsx), complete or not at all."""
    problems = [*plan.problems, *plan.notices]
    write_xlsx_atomically(
        Path(out),
        lambda fh: write_summary_sheets(
            fh,
            [
                (SHEET_OVERVIEW, OVERVIEW_COLUMNS, _overview(plan), False),
                (SHEET_DETAILS, PROJECT_DETAIL_COLUMNS, (_detail(r) for r in plan.rows), True),
                (
                    SHEET_ERRORS,
                    ERROR_COLUMNS,
                    (
                        [p.row_number, p.sheet, p.column, p.message]
                        for p in sorted(problems, key=lambda p: p.row_number)
                    ),
                    True,
                ),
            ],
        ),
        place="保存先",
        failure="取り込み結果を保存できません",
        retry="もう一度保存してください",
    )
