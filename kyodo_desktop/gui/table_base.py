"""What every read-only table of the app shares: the model base (translated headers, row numbers,
flags), the base of a table over a list of rows held whole, and the view set-up (whole rows
selected, nothing edited, alternating rows)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

#: the index type Qt passes to model methods (a persistent index too)
ModelIndex = QModelIndex | QPersistentModelIndex
_Row = TypeVar("_Row")


class ReadOnlyTableModel(QAbstractTableModel):
    """Base of the table models: subclasses set ``_headers`` (already translated) in ``__init__``.

    One column per header; horizontal headers show ``_headers``, vertical headers the 1-based
    row number, and every valid cell is enabled and selectable but not editable.
    """

    _headers: list[str]

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowsTableModel(ReadOnlyTableModel, Generic[_Row]):
    """A read-only table of rows held whole in a list, one row a line; subclasses set the
    headers and say in ``data`` what a row's cells show.

    :meth:`set_rows` replaces every row in one reset, in the order :meth:`_arranged` gives (the
    order given, unless a subclass sorts). What else a row's cells read (a day, names by id) is
    set before :meth:`set_rows`: nothing reads the model between the two.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    @property
    def rows(self) -> list[_Row]:
        """The rows shown, in their order (the model's own list: read it, do not change it)."""
        return self._rows

    def set_rows(self, rows: Iterable[_Row]) -> None:
        """Show ``rows`` instead of the ones shown."""
        self.beginResetModel()
        self._rows = self._arranged(list(rows))
        self.endResetModel()

    def _arranged(self, rows: list[_Row]) -> list[_Row]:
        """The order ``rows`` are shown in (as given)."""
        return rows

    def row_at(self, row: int) -> _Row | None:
        """The row shown at ``row``, or None (out of range; an invalid index's row is -1)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)


def table_view(
    name: str, model: QAbstractItemModel, *, multi: bool = False, wrap: bool = False
) -> QTableView:
    """A read-only table named ``name`` over ``model``: whole rows selected (one, or several
    with ``multi``), nothing edited, alternating rows, no row numbers; columns resized by hand."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def list_table(
    name: str, model: QAbstractItemModel, stretch_column: int, *, wrap: bool = False
) -> QTableView:
    """A short read-only list (a record's contacts, a project's stages …): columns sized to their
    contents, ``stretch_column`` taking the width left."""
    table = table_view(name, model, wrap=wrap)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table
