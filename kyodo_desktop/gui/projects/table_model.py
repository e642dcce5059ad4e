"""The projects table: the rows of ``ProjectService.list_projects`` as one reset model.

Filters are applied by the service (in SQL) and the model is reset with the rows it returns:
no proxy model, which the registry measured at seconds per filter. A click on a column header
sorts the loaded rows in Python (:meth:`ProjectTableModel.sort`, a reset too): a filtered list
is at most some thousand projects, and the order is kept when the next query's rows come. Rows flagged overdue
(:func:`~kyodo_desktop.domain.project_flags.overdue_flags`) are painted in the warning colour
with the reasons as tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_flags import OverdueFlag, overdue_flags
from kyodo_desktop.domain.project_terms import Stage
from kyodo_desktop.gui.projects.labels import day_label, flag_label, term, year_label
from kyodo_desktop.gui.table_base import ReadOnlyTableModel

if TYPE_CHECKING:  # the records module imports SQLAlchemy; the tab builds without it
    from kyodo_desktop.services.project_records import ProjectSummary

COL_YEAR = 0
COL_TITLE = 1
COL_KIND = 2
COL_FORM = 3
COL_STAGE = 4
COL_SECTION = 5
COL_PARTNER = 6
COL_PERIOD_END = 7
COLUMN_COUNT = 8

#: The project id of a row.
IdRole = Qt.ItemDataRole.UserRole
_ModelIndex = QModelIndex | QPersistentModelIndex
#: Overdue rows: the colour of the app's error texts (``ERROR_STYLE`` in gui/styles.py)
_OVERDUE = QColor("#c62828")
#: Stages sort in the order of the cycle (課題・ニーズの把握 first), not by their names.
_STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage)}


class ProjectTableModel(ReadOnlyTableModel):
    """Projects as listed by the service, newest 年度 first; overdue rows marked."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProjectTableModel", "年度"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "事業名"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "関係"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "形態"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "段階"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "担当課"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "主たるパートナー"),
        QT_TRANSLATE_NOOP("ProjectTableModel", "期間終了"),
    )

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]
        self._rows: list[ProjectSummary] = []
        self._unsorted: list[ProjectSummary] = []  # the rows in the service's order
        self._flags: list[list[OverdueFlag]] = []
        self._today = today
        #: the column and order the officer sorted by, or None (the service's order)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def today(self) -> date:
        """The day overdue flags are judged on (fixed in tests, else today)."""
        return self._today or date.today()

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        flags = self._flags[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and flags:
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if flags:
                return "\n".join(flag_label(f.value) for f in flags)
            return row.title if index.column() == COL_TITLE else None
        return None

    @staticmethod
    def _display(row: ProjectSummary, column: int) -> str:
        if column == COL_YEAR:
            return year_label(row.fiscal_year)
        if column == COL_TITLE:
            return row.title
        if column == COL_KIND:
            return term(row.relationship_kind)
        if column == COL_FORM:
            return term(row.form)
        if column == COL_STAGE:
            return term(row.stage)
        if column == COL_SECTION:
            return row.section
        if column == COL_PARTNER:
            return row.main_partner
        if column == COL_PERIOD_END:
            return day_label(row.period_end)
        return ""

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ProjectSummary]) -> None:
        """Show exactly ``rows`` (a reset: the filters were applied by the query), in the order
        the officer sorted by, if any."""
        self._unsorted = list(rows)
        self._show()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows shown by ``column`` (a header click); -1 goes back to the service's order.

        Blank values (no 年度 on a draft, no period end) come last either way; equal values keep
        the service's order (年度 newest first, 担当課, 事業名).
        """
        self._sort = (column, order) if 0 <= column < COLUMN_COUNT else None
        self._show()

    @property
    def sort_column(self) -> int:
        """The column sorted by, or -1."""
        return self._sort[0] if self._sort else -1

    def _show(self) -> None:
        self.beginResetModel()
        self._rows = self._ordered(self._unsorted)
        today = self.today
        self._flags = [overdue_flags(r.stage, r.period_end, r.review_on, today) for r in self._rows]
        self.endResetModel()

    def _ordered(self, rows: list[ProjectSummary]) -> list[ProjectSummary]:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        keyed = [(self._sort_key(r, column), r) for r in rows]
        present = [k for k in keyed if k[0] is not None]
        # sort() is stable with reverse too: ties stay in the service's order
        present.sort(key=lambda k: k[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [r for _key, r in present] + [r for key, r in keyed if key is None]

    def _sort_key(self, row: ProjectSummary, column: int) -> Any:
        if column == COL_YEAR:
            return row.fiscal_year
        if column == COL_PERIOD_END:
            return row.period_end
        if column == COL_STAGE:
            return _STAGE_ORDER.get(row.stage, len(_STAGE_ORDER))
        text = self._display(row, column)
        return text or None

    def row_id(self, row: int) -> str:
        """The project id shown at ``row``."""
        return self._rows[row].id

    def summary(self, row: int) -> ProjectSummary:
        """The listed project at ``row``."""
        return self._rows[row]

    def flags_of(self, row: int) -> list[OverdueFlag]:
        """The overdue flags of the project at ``row``."""
        return list(self._flags[row])

    def row_of(self, project_id: str) -> int:
        """The row showing ``project_id``, or -1."""
        for n, r in enumerate(self._rows):
            if r.id == project_id:
                return n
        return -1

    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return [r.id for r in self._rows]
