"""A project's evaluations across 年度: each round's side totals, the trend and the direction.

The trend compares a side's total (as a share of its maximum, so a changed form still
compares) with the same phase of the nearest earlier 年度 that side was shown in: ↑ higher,
↓ lower, → the same. Totals are those of the mutual view (submitted evaluations, blind mode
respected), so the history never shows a score the comparison hides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui.evaluations.labels import SIDES, term, total_text, trend_mark
from kyodo_desktop.gui.projects.labels import year_label
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel
from kyodo_desktop.services.evaluation_records import MutualView
from kyodo_desktop.services.evaluations_mutual import NOT_SUBMITTED


@dataclass(frozen=True)
class HistoryRow:
    """One round in the history: 年度, phase, per side ``42/55 ↑`` text, direction."""

    fiscal_year: int
    phase: str
    sides: tuple[str, ...]
    direction: str


def history_rows(views: list[MutualView]) -> list[HistoryRow]:
    """The rows of ``views`` (rounds oldest first), each side's total with its trend mark."""
    last: dict[tuple[str, str], float | None] = {}
    rows: list[HistoryRow] = []
    for view in views:
        r = view.round
        cells: list[str] = []
        for side in SIDES:
            total = view.totals.get(side)
            if total is None:
                blind = side in view.hidden and view.hidden[side] != NOT_SUBMITTED
                cells.append(QCoreApplication.translate("EvaluationHistory", "非表示") if blind else "")
                continue
            mark = trend_mark(total.ratio, last.get((r.phase, side)))
            cells.append(f"{total_text(total)} {mark}".strip())
            last[(r.phase, side)] = total.ratio
        rows.append(HistoryRow(r.fiscal_year, r.phase, tuple(cells), r.direction))
    return rows


class HistoryModel(RowsTableModel[HistoryRow]):
    """年度, 時期, 行政, 団体, 第三者, 今後の方向性."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("年度"), self.tr("時期"), *(term(s) for s in SIDES), self.tr("今後の方向性")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        values = (
            year_label(row.fiscal_year),
            term(row.phase),
            *row.sides,
            term(row.direction) if row.direction else "",
        )
        return values[index.column()]
