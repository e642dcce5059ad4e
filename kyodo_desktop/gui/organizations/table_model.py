"""The registry table: every loaded row in memory, filtered and sorted in plain Python.

A ``QSortFilterProxyModel`` was measured at seconds per filter over 100k rows; filtering the
pre-folded ``search_text`` strings in a list comprehension takes milliseconds. Matching uses
:func:`~kyodo_desktop.domain.text.search_terms` exactly as ``OrganizationService.search`` does
(every term a substring of ``search_text``), so the table and ``kyodo orgs search`` agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, ACTIVITY_FIELDS, OrgStatus
from kyodo_desktop.domain.text import search_terms
from kyodo_desktop.persistence.rows import OrgRow

COL_NAME = 0
COL_KANA = 1
COL_LEGAL_FORM = 2
COL_MUNICIPALITY = 3
COL_FIELDS = 4
COL_STATUS = 5
COL_PHONE = 6
COL_REPRESENTATIVE = 7
COL_LAST_CONTACT = 8
COL_REGISTERED = 9
COLUMN_COUNT = 10

#: The organization id of a row.
IdRole = Qt.ItemDataRole.UserRole

_ModelIndex = QModelIndex | QPersistentModelIndex
_STATUS_ORDER = {status.value: n for n, status in enumerate(OrgStatus)}


def field_codes(text: str) -> list[int]:
    """Activity field codes stored as ``"1,13"``."""
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


def fields_label(text: str) -> str:
    """Short labels of the stored field codes joined with 、."""
    return "、".join(ACTIVITY_FIELD_SHORT.get(code, str(code)) for code in field_codes(text))


def _display(row: OrgRow, column: int) -> str:
    if column == COL_NAME:
        return row.name
    if column == COL_KANA:
        return row.kana
    if column == COL_LEGAL_FORM:
        return row.legal_form
    if column == COL_MUNICIPALITY:
        return row.municipality_name
    if column == COL_FIELDS:
        return fields_label(row.activity_fields)
    if column == COL_STATUS:
        return row.status
    if column == COL_PHONE:
        return row.phone
    if column == COL_REPRESENTATIVE:
        return row.representative
    if column == COL_LAST_CONTACT:
        return row.last_contact_on or ""
    if column == COL_REGISTERED:
        return row.registered_on or ""
    return ""


_PLAIN_SORT = {
    COL_NAME: attrgetter("kana", "name"),  # 五十音順, the order officers look names up in
    COL_KANA: attrgetter("kana"),
    COL_LEGAL_FORM: attrgetter("legal_form"),
    COL_PHONE: attrgetter("phone"),
    COL_REPRESENTATIVE: attrgetter("representative"),
    COL_REGISTERED: attrgetter("registered_on"),
}


def _sort_key_function(column: int) -> Callable[[OrgRow], Any]:
    """How a column sorts: names by reading (五十音順), places by code, dates as ISO text."""
    plain = _PLAIN_SORT.get(column)
    if plain is not None:
        return plain
    if column == COL_MUNICIPALITY:
        return lambda r: (r.municipality_code or "99999", r.municipality_name)
    if column == COL_FIELDS:
        return lambda r: field_codes(r.activity_fields) or [99]
    if column == COL_STATUS:
        return lambda r: _STATUS_ORDER.get(r.status, 99)
    return lambda r: _display(r, column)


class OrganizationTableModel(QAbstractTableModel):
    """Rows of :class:`OrgRow`; ``rowCount()`` is the number of rows matching the filter.

    ``_rows`` holds every loaded row, ``_order`` their positions in the current sort order, and
    ``_view`` the positions that match the filter, in that order.
    """

    HEADERS = (
        "団体名",
        "フリガナ",
        "法人格",
        "市町村",
        "活動分野",
        "状態",
        "電話",
        "代表者",
        "最終接触日",
        "登録日",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]
        self._rows: list[OrgRow] = []
        self._texts: list[str] = []
        self._fields: list[str] | None = None  # ",1,13,": a code test is one substring check
        self._positions: dict[str, int] = {}
        self._sort_keys: dict[int, list[Any]] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []
        self._view: list[int] = []
        self._filter: tuple[str, str | None, int | None, str | None, str | None] = (
            "",
            None,
            None,
            None,
            None,
        )

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._view):
            return None
        row = self._rows[self._view[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_FIELDS:
                return "\n".join(ACTIVITY_FIELDS.get(c, str(c)) for c in field_codes(row.activity_fields))
            if column == COL_NAME:
                return row.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < COLUMN_COUNT else None
        return section + 1

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the matches by ``column``; selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.row_id(index.row()) if index.isValid() else None for index in persistent]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_positions()
        self._view = self._matching(self._order)
        if persistent:
            where = {self._rows[pos].id: n for n, pos in enumerate(self._view)}
            new = []
            for old, org_id in zip(persistent, ids, strict=True):
                target = where.get(org_id) if org_id is not None else None
                new.append(QModelIndex() if target is None else self.index(target, old.column()))
            self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[OrgRow]) -> None:
        """Replace every row (keeps the filter and the sort)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self._view = self._matching(self._order)
        self.endResetModel()

    def upsert_row(self, row: OrgRow) -> None:
        """Insert or replace one row after a save, without reloading the others."""
        self.beginResetModel()
        pos = self._positions.get(row.id)
        if pos is None:
            self._rows.append(row)
        else:
            self._rows[pos] = row
        self._reindex()
        self._view = self._matching(self._order)
        self.endResetModel()

    def remove_row(self, org_id: str) -> bool:
        """Drop one row (moved to or out of the trash); False when it was not loaded."""
        return self.remove_rows([org_id]) == 1

    def remove_rows(self, org_ids: Iterable[str]) -> int:
        """Drop several rows at once; returns how many were loaded."""
        gone = {i for i in org_ids if i in self._positions}
        if not gone:
            return 0
        self.beginResetModel()
        self._rows = [r for r in self._rows if r.id not in gone]
        self._reindex()
        self._view = self._matching(self._order)
        self.endResetModel()
        return len(gone)

    def _reindex(self) -> None:
        self._texts = [r.search_text for r in self._rows]
        self._fields = None
        self._positions = {r.id: n for n, r in enumerate(self._rows)}
        self._sort_keys.clear()
        self._order = self._sorted_positions()

    def _sorted_positions(self) -> list[int]:
        positions = list(range(len(self._rows)))
        if self._sort_column < 0:
            return positions
        keys = self._sort_keys.get(self._sort_column)
        if keys is None:
            key_of = _sort_key_function(self._sort_column)
            keys = self._sort_keys[self._sort_column] = [key_of(r) for r in self._rows]
        # Ties keep the load order (by reading); descending reverses ties too, which nobody sees.
        positions.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return positions

    # -- filtering ----------------------------------------------------------------------------
    def apply_filter(
        self,
        query: str = "",
        municipality_code: str | None = None,
        field_code: int | None = None,
        legal_form: str | None = None,
        status: str | None = None,
    ) -> None:
        """Show only rows matching every search term and every given filter value."""
        self._filter = (query, municipality_code, field_code, legal_form, status)
        self.beginResetModel()
        self._view = self._matching(self._order)
        self.endResetModel()

    def _matching(self, order: list[int]) -> list[int]:
        query, municipality_code, field_code, legal_form, status = self._filter
        positions = order
        for term in search_terms(query):
            texts = self._texts
            positions = [p for p in positions if term in texts[p]]
        rows = self._rows
        if municipality_code:
            positions = [p for p in positions if rows[p].municipality_code == municipality_code]
        if field_code:
            if self._fields is None:
                self._fields = [f",{r.activity_fields}," for r in rows]
            needle, fields = f",{field_code},", self._fields
            positions = [p for p in positions if needle in fields[p]]
        if legal_form:
            positions = [p for p in positions if rows[p].legal_form == legal_form]
        if status:
            positions = [p for p in positions if rows[p].status == status]
        return positions if positions is not order else list(order)

    # -- lookups ------------------------------------------------------------------------------
    @property
    def total_count(self) -> int:
        """How many rows are loaded (before filtering)."""
        return len(self._rows)

    @property
    def is_filtered(self) -> bool:
        """Whether any search term or filter value is set."""
        query, *others = self._filter
        return bool(search_terms(query)) or any(others)

    def row_id(self, row: int) -> str:
        """The organization id shown at ``row``."""
        return self._rows[self._view[row]].id

    def org_row(self, row: int) -> OrgRow:
        """The :class:`OrgRow` shown at ``row``."""
        return self._rows[self._view[row]]

    def row_of(self, org_id: str) -> int:
        """The view row showing ``org_id``, or -1 when it is filtered out or not loaded."""
        pos = self._positions.get(org_id)
        if pos is None:
            return -1
        try:
            return self._view.index(pos)
        except ValueError:
            return -1

    def visible_ids(self) -> list[str]:
        """Ids of the matching rows, in view order."""
        rows = self._rows
        return [rows[p].id for p in self._view]
