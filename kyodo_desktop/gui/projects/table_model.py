"""The projects table: the listing rows (``persistence.project_listing``) as one reset model.

The tab filters the rows it holds in Python and resets the model with those left: no proxy
model, which the registry measured at seconds per filter. The rows stay the plain lists the
listing read gave (no object per project); what a cell shows, 和暦 dates and 年度, and the
overdue flags are made when a cell is painted (20,000 summaries and their flags made up front
cost 0.5 s per reset). A click on a column header sorts the rows in Python
(:meth:`ProjectTableModel.sort`, a reset too), and the order is kept when the next rows come;
dates sort by their ISO text, which is their order. Rows flagged overdue
(:func:`~kyodo_desktop.domain.project_flags.overdue_flags`) are painted in the warning colour
with the reasons as tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_flags import OverdueFlag, overdue_flags
from kyodo_desktop.domain.project_terms import Stage
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.projects.labels import flag_label, term, year_label
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel
from kyodo_desktop.persistence.project_listing import (
    END,
    FORM,
    ID,
    KIND,
    PARTNER,
    REVIEW,
    SECTION,
    STAGE,
    TITLE,
    YEAR,
    Row,
)

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
#: Overdue rows: the colour of the app's error texts (``ERROR_STYLE`` in gui/styles.py)
_OVERDUE = QColor("#c62828")
#: Stages sort in the order of the cycle (課題・ニーズの把握 first), not by their names.
_STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage)}
#: The listing column of each table column shown as stored text (the others are labelled)
_PLAIN = {COL_TITLE: TITLE, COL_SECTION: SECTION, COL_PARTNER: PARTNER}
_TERMS = {COL_KIND: KIND, COL_FORM: FORM, COL_STAGE: STAGE}


def day_label(iso: str | None) -> str:
    """A stored ISO date as the 事業 tab shows it: 令和8年3月31日 ("" for none)."""
    return to_wareki(date.fromisoformat(iso)) if iso else ""


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


class ProjectTableModel(RowsTableModel[Row]):
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
        self._unsorted: list[Row] = []  # the rows in the listing's order
        self._flags: dict[str, list[OverdueFlag]] = {}  # by project id, made when first needed
        self._positions: dict[str, int] | None = None  # id → row, made when first needed
        self._today = today
        #: the column and order the officer sorted by, or None (the service's order)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def today(self) -> date:
        """The day overdue flags are judged on (fixed in tests, else today)."""
        return self._today or date.today()

    # -- Qt model interface -------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == IdRole:
            return row[ID]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_OVERDUE) if self._flags_of(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            flags = self._flags_of(row)
            if flags:
                return "\n".join(flag_label(f.value) for f in flags)
            return row[TITLE] if index.column() == COL_TITLE else None
        return None

    @staticmethod
    def _display(row: Row, column: int) -> str:
        if column in _PLAIN:
            return str(row[_PLAIN[column]])
        if column in _TERMS:
            return term(row[_TERMS[column]])
        if column == COL_YEAR:
            return year_label(row[YEAR])
        if column == COL_PERIOD_END:
            return day_label(row[END])
        return ""

    def _flags_of(self, row: Row) -> list[OverdueFlag]:
        flags = self._flags.get(row[ID])
        if flags is None:
            flags = overdue_flags(row[STAGE], _day(row[END]), _day(row[REVIEW]), self.today)
            self._flags[row[ID]] = flags
        return flags

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Row]) -> None:
        """Show exactly ``rows`` (listing rows, already filtered; a reset), in the order the
        officer sorted by, if any."""
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
        self._flags = {}  # the rows may be newer: their flags are made again when painted
        self._positions = None
        super().set_rows(self._unsorted)

    def _arranged(self, rows: list[Row]) -> list[Row]:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        keyed = [(self._sort_key(r, column), r) for r in rows]
        present = [k for k in keyed if k[0] is not None]
        # sort() is stable with reverse too: ties stay in the service's order
        present.sort(key=lambda k: k[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [r for _key, r in present] + [r for key, r in keyed if key is None]

    def _sort_key(self, row: Row, column: int) -> Any:
        if column == COL_YEAR:
            return row[YEAR]
        if column == COL_PERIOD_END:
            return row[END] or None  # ISO text: its order is the dates'
        if column == COL_STAGE:
            return _STAGE_ORDER.get(row[STAGE], len(_STAGE_ORDER))
        text = self._display(row, column)
        return text or None

    def row_id(self, row: int) -> str:
        """The project id shown at ``row``."""
        return str(self._rows[row][ID])

    def listing_row(self, row: int) -> Row:
        """The listed project at ``row`` (a ``persistence.project_listing`` row)."""
        return self._rows[row]

    def flags_of(self, row: int) -> list[OverdueFlag]:
        """The overdue flags of the project at ``row``."""
        return list(self._flags_of(self._rows[row]))

    def row_of(self, project_id: str) -> int:
        """The row showing ``project_id``, or -1."""
        if self._positions is None:
            self._positions = {r[ID]: n for n, r in enumerate(self._rows)}
        return self._positions.get(project_id, -1)

    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return [r[ID] for r in self._rows]
