"""A small editable table of text rows (the wizard's targets, partners and 役割分担表), with buttons.

:class:`RowsModel` holds plain rows of strings; a column may offer a fixed vocabulary, edited
through a combo box (:class:`ChoiceDelegate`). :class:`RowsEditor` is the table with 追加, 削除,
上へ and 下へ. The page that uses it turns the rows into domain input and validates them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ChoiceDelegate", "Column", "RowsEditor", "RowsModel"]

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: its header, the vocabulary it is chosen from (empty: free text), the default,
    and whether the officer edits it (a name looked up elsewhere is not).

    ``shown`` maps a stored value to the text shown (a translation), when the column has choices.
    """

    header: str
    choices: tuple[str, ...] = ()
    default: str = ""
    shown: tuple[str, ...] = ()
    editable: bool = True

    def display(self, value: str) -> str:
        """The text shown for a stored value."""
        if value in self.choices and self.shown:
            return self.shown[self.choices.index(value)]
        return value


class RowsModel(QAbstractTableModel):
    """Rows of strings, every cell editable; rows are added, removed and moved by the editor."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[list[str]] = []

    # -- data -----------------------------------------------------------------------------------
    def rows(self) -> list[list[str]]:
        """A copy of the rows."""
        return [list(r) for r in self._rows]

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Replace every row (each padded or cut to the columns)."""
        width = len(self.columns)
        self.beginResetModel()
        self._rows = [[*map(str, r[:width]), *[""] * (width - len(r))] for r in rows]
        self.endResetModel()

    def add_row(self, at: int | None = None, values: Sequence[str] = ()) -> int:
        """Insert a row (``values``, else the defaults) at ``at`` (the end by default); returns its position."""
        pos = len(self._rows) if at is None or not 0 <= at <= len(self._rows) else at
        row = [*values, *(c.default for c in self.columns[len(values) :])][: len(self.columns)]
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, row)
        self.endInsertRows()
        return pos

    def remove_row(self, row: int) -> None:
        """Remove the row at ``row`` (nothing when out of range)."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns where it is now."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        # beginMoveRows counts the destination before the move: moving down skips one more.
        dest = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target

    # -- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()].display(value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()][index.column()] = "" if value is None else str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return str(section + 1)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a column with choices through a combo box showing their translations."""

    def __init__(self, column: Column, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("choiceEditor")
        for value in self.column.choices:
            combo.addItem(self.column.display(value), value)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        pos = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(pos, 0))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RowsEditor(QWidget):
    """The table and its 追加 / 削除 / 上へ / 下へ buttons; ``name`` prefixes the object names.

    Without ``addable`` there is no 追加 (rows come from elsewhere, e.g. a search).
    """

    def __init__(
        self, columns: Sequence[Column], name: str, parent: QWidget | None = None, *, addable: bool = True
    ) -> None:
        super().__init__(parent)
        self.model = RowsModel(columns, self)
        self.table = QTableView()
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._delegates: list[ChoiceDelegate] = []
        for n, column in enumerate(self.model.columns):
            if column.choices:
                delegate = ChoiceDelegate(column, self.table)
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(n, delegate)
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.ResizeToContents)

        buttons = QHBoxLayout()
        self.add_button = self._button(buttons, f"{name}AddButton", self.tr("行を追加"), self._on_add)
        self.remove_button = self._button(
            buttons, f"{name}RemoveButton", self.tr("行を削除"), self._on_remove
        )
        self.up_button = self._button(buttons, f"{name}UpButton", self.tr("上へ"), lambda: self._on_move(-1))
        self.down_button = self._button(
            buttons, f"{name}DownButton", self.tr("下へ"), lambda: self._on_move(1)
        )
        self.add_button.setVisible(addable)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @staticmethod
    def _button(layout: QHBoxLayout, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def current_row(self) -> int:
        """The selected row, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        """Select ``row`` (the first column's cell becomes current)."""
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _on_add(self) -> None:
        current = self.current_row()
        row = self.model.add_row(current + 1 if current >= 0 else None)
        self.select_row(row)
        self.table.edit(self.model.index(row, 0))

    def _on_remove(self) -> None:
        row = self.current_row()
        self.model.remove_row(row)
        self.select_row(min(row, self.model.rowCount() - 1))

    def _on_move(self, delta: int) -> None:
        self.select_row(self.model.move_row(self.current_row(), delta))
