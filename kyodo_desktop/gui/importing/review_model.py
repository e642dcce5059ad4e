"""Table models of the import review: one row per source row, and one per problem found.

Both are read-only views of an :class:`~kyodo_desktop.services.importing.ImportPlan`; the only
thing the officer changes in the review — which fields of an 更新 row to take — lives in
``PlannedRow.accepted`` and is shown again through :meth:`ReviewTableModel.refresh_row`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.importing import RowProblem
from kyodo_desktop.domain.municipalities import municipality_name
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel
from kyodo_desktop.services.importing import Action, ImportPlan, PlannedRow
from kyodo_desktop.services.project_import import ProjectImportPlan

COL_ROW = 0
COL_ACTION = 1
COL_NAME = 2
COL_MATCH = 3
COL_REASON = 4

#: The :class:`PlannedRow` of a review row.
PlannedRowRole = Qt.ItemDataRole.UserRole
#: The :class:`Action` value of a review row (the text 新規, 更新 …), for filtering.
ActionRole = Qt.ItemDataRole.UserRole + 1

PROBLEM_COL_ROW = 0
PROBLEM_COL_COLUMN = 1
PROBLEM_COL_REASON = 2

#: The source row number of a problem (to find its row in the review table).
RowNumberRole = Qt.ItemDataRole.UserRole

#: Longest value text shown in one line; the tooltip has it all.
_SHORT_VALUE = 60

ACTION_COLORS = {
    Action.NEW: QColor("#2e7d32"),
    Action.UPDATE: QColor("#1565c0"),
    Action.UNCHANGED: QColor("#666666"),
    Action.DUPLICATE_IN_FILE: QColor("#8d6e00"),
    Action.ERROR: QColor("#c62828"),
    Action.SKIP: QColor("#666666"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewTableModel", text)


def field_label(field: str) -> str:
    """The label of an organization field as the mapping step shows it (電話番号, 活動分野 …)."""
    return _tr(TARGETS.get(field, field))


def value_text(field: str, value: Any, *, short: bool = False) -> str:
    """One side of a change as the officer reads it: （空） for nothing, labels for 活動分野."""
    if value in (None, "", []):
        return _tr("（空）")
    if field == "fields" and isinstance(value, list | tuple | set | frozenset):
        text = "、".join(ACTIVITY_FIELD_SHORT.get(code, str(code)) for code in sorted(value))
    elif isinstance(value, date):
        text = value.isoformat()
    elif field == "municipality_code" and isinstance(value, str) and municipality_name(value):
        text = f"{value}（{municipality_name(value)}）"
    else:
        text = " / ".join(line.strip() for line in str(value).splitlines() if line.strip())
    if short and len(text) > _SHORT_VALUE:
        text = text[: _SHORT_VALUE - 1] + "…"
    return text


def change_text(field: str, old: Any, new: Any, *, short: bool = True) -> str:
    """``電話番号: 043-223-1111 → 047-431-1111``."""
    return (
        f"{field_label(field)}: {value_text(field, old, short=short)} → {value_text(field, new, short=short)}"
    )


def _problem_line(problem: RowProblem) -> str:
    return f"「{problem.column}」{problem.message}" if problem.column else problem.message


def reason_text(planned: PlannedRow) -> str:
    """Why a row gets its action (the match reason, the earlier row it repeats, or its problems),
    then its remarks (a 法人番号 another organization carries, values left out)."""
    reason = _action_reason(planned)
    remarks = " ".join(_problem_line(p) for p in (*planned.warnings, *planned.dropped))
    return f"{reason} {remarks}" if reason and remarks else reason or remarks


def _action_reason(planned: PlannedRow) -> str:
    action = planned.action
    if action is Action.ERROR:
        return " ".join(_problem_line(p) for p in planned.row.problems)
    if action is Action.DUPLICATE_IN_FILE:
        return _tr("{row} 行目と同じ団体（取り込みません）").format(row=planned.duplicate_of_row)
    if action is Action.UPDATE:
        total, taken = len(planned.changes), len(planned.taken_changes())
        if taken == 0:
            detail = _tr("更新する項目なし（取り込みません）")
        elif taken == total:
            detail = _tr("{n} 項目を更新").format(n=total)
        else:
            detail = _tr("{total} 項目中 {n} 項目を更新").format(total=total, n=taken)
        return f"{planned.match_reason}・{detail}" if planned.match_reason else detail
    return planned.match_reason


class PlanTableModel(RowsTableModel[Any]):
    """The rows of an import plan, one a line, whatever the import's kind: the shared calls the
    review page makes (``set_plan``, ``planned_row``, ``row_of_number``, ``refresh_row``) and the
    roles and colours; a kind's model gives its headers, its columns and their texts.
    """

    HEADERS: tuple[str, ...] = ()
    #: the column that tells why a row is an error (coloured like the 処理 column)
    REASON_COLUMN = COL_REASON
    #: columns of numbers, aligned right
    RIGHT_ALIGNED: tuple[int, ...] = (COL_ROW,)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]
        self._raw_names: dict[int, str] = {}

    def set_plan(
        self, plan: ImportPlan | ProjectImportPlan | None, raw_names: dict[int, str] | None = None
    ) -> None:
        """Show ``plan`` (None: nothing); ``raw_names`` are the name cells, by row number, of
        rows that could not be read (shown in place of the name they lack)."""
        self._raw_names = dict(raw_names or {})
        self.set_rows(plan.rows if plan is not None else [])

    def planned_row(self, row: int) -> Any:
        """The planned row shown in table row ``row``."""
        return self._rows[row]

    def row_of_number(self, row_number: int) -> int:
        """The table row of a source row number, or -1."""
        return next((n for n, p in enumerate(self._rows) if p.row.row_number == row_number), -1)

    def refresh_row(self, row: int) -> None:
        """Repaint one row after the officer changed which of its fields to take."""
        if 0 <= row < len(self._rows):
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    # -- Qt model interface -------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        planned = self.row_at(index.row())
        if planned is None:
            return None
        column = index.column()
        if role == PlannedRowRole:
            return planned
        if role == ActionRole:
            return planned.action.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(planned, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(planned, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_ACTION, self.REASON_COLUMN):
            if column == self.REASON_COLUMN and planned.action is not Action.ERROR:
                return None
            return ACTION_COLORS.get(planned.action)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, planned: Any, column: int) -> str:
        raise NotImplementedError

    def _tooltip(self, planned: Any, column: int) -> str | None:
        raise NotImplementedError


class ReviewTableModel(PlanTableModel):
    """Every row of an import plan: 行, 処理, 団体名, 一致した団体, 理由/問題."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ReviewTableModel", "行"),
        QT_TRANSLATE_NOOP("ReviewTableModel", "処理"),
        QT_TRANSLATE_NOOP("ReviewTableModel", "団体名"),
        QT_TRANSLATE_NOOP("ReviewTableModel", "一致した団体"),
        QT_TRANSLATE_NOOP("ReviewTableModel", "理由/問題"),
    )

    def planned_row(self, row: int) -> PlannedRow:
        """The planned row shown in table row ``row``."""
        planned: PlannedRow = self._rows[row]
        return planned

    def _display(self, planned: PlannedRow, column: int) -> str:
        if column == COL_ROW:
            return str(planned.row.row_number)
        if column == COL_ACTION:
            return self.tr(planned.action.value)
        if column == COL_NAME:
            if planned.row.data is not None:
                return planned.row.data.name
            return self._raw_names.get(planned.row.row_number, "")
        if column == COL_MATCH:
            return planned.match_name
        if column == COL_REASON:
            return reason_text(planned)
        return ""

    def _tooltip(self, planned: PlannedRow, column: int) -> str | None:
        if column == COL_ROW and planned.row.sheet:
            return self.tr("シート {sheet} の {row} 行目").format(
                sheet=planned.row.sheet, row=planned.row.row_number
            )
        if column == COL_REASON:
            remarks = [p.describe() for p in (*planned.warnings, *planned.dropped)]
            if planned.action is Action.ERROR:
                return "\n".join(p.describe() for p in planned.row.problems)
            if remarks and planned.action is not Action.UPDATE:
                return "\n".join(remarks)
            if planned.action is Action.UPDATE:
                taken = planned.taken_changes()
                lines = [
                    change_text(f, old, new, short=False)
                    + ("" if f in taken else self.tr("（取り込まない）"))
                    for f, (old, new) in planned.changes.items()
                ]
                return "\n".join([*lines, *remarks])
        if column in (COL_NAME, COL_MATCH):
            return self._display(planned, column) or None
        return None


class ProblemTableModel(RowsTableModel[RowProblem]):
    """Every problem of an import plan: 行, 列, 理由 (the sheet, when there is one, in the tooltip)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProblemTableModel", "行"),
        QT_TRANSLATE_NOOP("ProblemTableModel", "列"),
        QT_TRANSLATE_NOOP("ProblemTableModel", "理由"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]

    def set_problems(self, problems: Sequence[RowProblem]) -> None:
        """Show ``problems``, in the order given."""
        self.set_rows(problems)

    def problem(self, row: int) -> RowProblem:
        """The problem shown in table row ``row``."""
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        problem = self.row_at(index.row())
        if problem is None:
            return None
        column = index.column()
        if role == RowNumberRole:
            return problem.row_number
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PROBLEM_COL_ROW:
                return str(problem.row_number)
            if column == PROBLEM_COL_COLUMN:
                return problem.column
            if column == PROBLEM_COL_REASON:
                return " / ".join(line for line in problem.message.splitlines() if line.strip())
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem.describe()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PROBLEM_COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
