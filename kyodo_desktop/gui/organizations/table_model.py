"""The registry table over a :class:`~kyodo_desktop.persistence.rows.RowStore`, filtered and
sorted in plain Python.

The store starts with the ids only and reads rows as they are painted, and a column for all rows
only when a filter or sort needs it. A ``QSortFilterProxyModel`` was measured at seconds per
filter over 100k rows; filtering the pre-folded ``search_text`` strings in a list comprehension
takes milliseconds. Matching uses
:func:`~kyodo_desktop.domain.text.search_terms` exactly as ``OrganizationService.search`` does
(every term a substring of ``search_text``), so the table and ``kyodo orgs search`` agree.

A damaged data file makes those reads raise while the table paints. The first failure is kept and
told once (``read_failed``); from then on the model reads nothing more, so the painting of a
screenful cannot raise once per row.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from kyodo_desktop.domain.fields import OrgStatus
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.gui.i18n import (
    activity_field_name,
    activity_field_short,
    legal_form_label,
    list_separator,
    status_label,
)
from kyodo_desktop.gui.table_base import ReadOnlyTableModel
from kyodo_desktop.persistence.listing import OrgFilter, filter_positions, wrapped_fields
from kyodo_desktop.persistence.rows import OrgRow, RowStore

log = logging.getLogger(__name__)
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
    """Short labels of the stored field codes joined with 、 (in the window's language)."""
    return list_separator().join(activity_field_short(code) for code in field_codes(text))


def _display(row: OrgRow, column: int) -> str:
    if column == COL_NAME:
        return row.name
    if column == COL_KANA:
        return row.kana
    if column == COL_LEGAL_FORM:
        return legal_form_label(row.legal_form)
    if column == COL_MUNICIPALITY:
        return row.municipality_name
    if column == COL_FIELDS:
        return fields_label(row.activity_fields)
    if column == COL_STATUS:
        return status_label(row.status)
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
    COL_KANA: "kana",
    COL_LEGAL_FORM: "legal_form",
    COL_PHONE: "phone",
    COL_REPRESENTATIVE: "representative",
    COL_REGISTERED: "registered_on",
}


def _sort_keys(store: RowStore, column: int) -> list[Any]:
    """Sort keys of every position: names by reading (五十音順), places by code, dates as ISO text."""
    plain = _PLAIN_SORT.get(column)
    if plain is not None:
        return [v or "" for v in store.column(plain)]
    if column == COL_NAME:
        return list(zip(store.column("kana"), store.column("name"), strict=True))
    if column == COL_MUNICIPALITY:
        return [
            (code or "99999", name)
            for code, name in zip(
                store.column("municipality_code"), store.column("municipality_name"), strict=True
            )
        ]
    if column == COL_FIELDS:
        return [field_codes(text) or [99] for text in store.column("activity_fields")]
    if column == COL_STATUS:
        return [_STATUS_ORDER.get(v, 99) for v in store.column("status")]
    if column == COL_LAST_CONTACT:
        return [v or "" for v in store.column("last_contact_on")]
    return [0] * len(store)


class OrganizationTableModel(ReadOnlyTableModel):
    """Rows of a :class:`RowStore`; ``rowCount()`` is the number of rows matching the filter.

    ``_store`` holds every row by position, ``_order`` the positions in the current sort order,
    and ``_view`` the positions that match the filter, in that order.

    Signals: ``read_failed(object)`` with the exception, once, when the data file could not be
    read (sent from the event loop, not from inside a paint); :attr:`unreadable` stays set, and
    no row is read, until another store is shown.
    """

    read_failed = Signal(object)

    HEADERS = (
        QT_TRANSLATE_NOOP("OrganizationTableModel", "団体名"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "フリガナ"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "法人格"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "市町村"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "活動分野"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "状態"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "電話"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "代表者"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "最終接触日"),
        QT_TRANSLATE_NOOP("OrganizationTableModel", "登録日"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]
        self._store = RowStore.from_rows([])
        self._fields: list[str] | None = None  # ",1,13,": a code test is one substring check
        self._sort_keys: dict[int, list[Any]] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []
        self._view: list[int] = []
        self._unreadable: sqlite3.DatabaseError | None = None
        self._filter = OrgFilter()

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._view):
            return None
        column = index.column()
        if role == IdRole:
            return self._store.id(self._view[index.row()])
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if self._unreadable is not None:
            return None
        try:
            row = self._row_for_view(index.row())
        except sqlite3.DatabaseError as exc:
            self._mark_unreadable(exc)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_FIELDS:
                return "\n".join(activity_field_name(c) for c in field_codes(row.activity_fields))
            if column == COL_NAME:
                return row.name
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the matches by ``column``; selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.row_id(index.row()) if index.isValid() else None for index in persistent]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_positions()
        self._view = self._matching(self._order)
        if persistent:
            where = {self._store.id(pos): n for n, pos in enumerate(self._view)}
            new = []
            for old, org_id in zip(persistent, ids, strict=True):
                target = where.get(org_id) if org_id is not None else None
                new.append(QModelIndex() if target is None else self.index(target, old.column()))
            self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    # -- rows ---------------------------------------------------------------------------------
    def set_store(self, store: RowStore) -> None:
        """Show ``store`` (keeps the filter and the sort)."""
        self.beginResetModel()
        self._store.close()
        self._store = store
        self._unreadable = None
        self._reindex()
        self._view = self._matching(self._order)
        self.endResetModel()

    @property
    def store(self) -> RowStore:
        """The rows behind the table."""
        return self._store

    def set_rows(self, rows: Sequence[OrgRow]) -> None:
        """Show exactly ``rows`` (no data file behind them; used for small lists and tests)."""
        self.set_store(RowStore.from_rows(rows))

    def install_column(self, name: str, revision: int, values: list[Any]) -> None:
        """Take a column read ahead in a worker (see :meth:`RowStore.read_column`)."""
        self._store.install_column(name, revision, values)

    def upsert_row(self, row: OrgRow) -> None:
        """Insert or replace one row after a save, without reloading the others."""
        self.beginResetModel()
        self._store.upsert(row)
        self._reindex()
        self._view = self._matching(self._order)
        self.endResetModel()

    def remove_row(self, org_id: str) -> bool:
        """Drop one row (moved to or out of the trash); False when it was not loaded."""
        return self.remove_rows([org_id]) == 1

    def remove_rows(self, org_ids: Iterable[str]) -> int:
        """Drop several rows at once; returns how many were loaded."""
        ids = [i for i in org_ids if self._store.position(i) is not None]
        if not ids:
            return 0
        self.beginResetModel()
        removed = self._store.remove(ids)
        self._reindex()
        self._view = self._matching(self._order)
        self.endResetModel()
        return removed

    def _reindex(self) -> None:
        self._fields = None
        self._sort_keys.clear()
        self._order = self._sorted_positions()

    @property
    def unreadable(self) -> bool:
        """Whether reading the data file failed (see ``read_failed``); cleared by :meth:`set_store`."""
        return self._unreadable is not None

    def _mark_unreadable(self, exc: sqlite3.DatabaseError) -> None:
        if self._unreadable is not None:
            return
        self._unreadable = exc
        log.error("registry rows could not be read: %s", type(exc).__name__)
        # told from the event loop: the window may replace the table, which it must not do mid-paint
        QTimer.singleShot(0, self, lambda: self.read_failed.emit(exc))

    def _sorted_positions(self) -> list[int]:
        positions = list(range(len(self._store)))
        if self._sort_column < 0 or self._unreadable is not None:
            return positions
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._sort_column == COL_NAME and self._store.in_listing_order:
            return positions[::-1] if descending else positions  # read in this order already
        keys = self._sort_keys.get(self._sort_column)
        if keys is None:
            try:
                keys = _sort_keys(self._store, self._sort_column)
            except sqlite3.DatabaseError as exc:
                self._mark_unreadable(exc)
                return positions
            self._sort_keys[self._sort_column] = keys
        # Ties keep the load order (by reading); descending reverses ties too, which nobody sees.
        positions.sort(key=keys.__getitem__, reverse=descending)
        return positions

    def _row_for_view(self, row: int) -> OrgRow:
        """The row shown at view row ``row``, reading it and the next screenful together."""
        pos = self._view[row]
        store = self._store
        if not store.has_row(pos):
            store.prefetch(self._view[row : row + 200])
        return store.row(pos)

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
        self._filter = OrgFilter(query, municipality_code, field_code, legal_form, status)
        self.beginResetModel()
        self._view = self._matching(self._order)
        self.endResetModel()

    def _matching(self, order: list[int]) -> list[int]:
        if self._unreadable is None:
            try:
                return self._read_matching(order)
            except sqlite3.DatabaseError as exc:
                self._mark_unreadable(exc)
        return [] if self.is_filtered else list(order)

    def _read_matching(self, order: list[int]) -> list[int]:
        store = self._store

        def fields() -> list[str]:
            if self._fields is None:
                self._fields = wrapped_fields(store.column("activity_fields"))
            return self._fields

        positions = filter_positions(self._filter, store.column, order, fields=fields)
        return positions if positions is not order else list(order)

    # -- lookups ------------------------------------------------------------------------------
    @property
    def total_count(self) -> int:
        """How many rows are loaded (before filtering)."""
        return len(self._store)

    @property
    def is_filtered(self) -> bool:
        """Whether any search term or filter value is set."""
        return self._filter.is_set

    @property
    def in_registry_order(self) -> bool:
        """Whether the rows are shown in the registry's own order (by 団体名's reading, ascending)."""
        ascending = self._sort_order == Qt.SortOrder.AscendingOrder
        return self._sort_column < 0 or (self._sort_column == COL_NAME and ascending)

    @property
    def org_filter(self) -> OrgFilter:
        """The search and filter values last applied."""
        return self._filter

    def row_id(self, row: int) -> str:
        """The organization id shown at ``row``."""
        return self._store.id(self._view[row])

    def org_row(self, row: int) -> OrgRow:
        """The :class:`OrgRow` shown at ``row``."""
        return self._row_for_view(row)

    def row_of(self, org_id: str) -> int:
        """The view row showing ``org_id``, or -1 when it is filtered out or not loaded."""
        pos = self._store.position(org_id)
        if pos is None:
            return -1
        try:
            return self._view.index(pos)
        except ValueError:
            return -1

    def visible_ids(self) -> list[str]:
        """Ids of the matching rows, in view order."""
        store = self._store
        return [store.id(p) for p in self._view]
