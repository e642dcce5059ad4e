"""The small read-only lists of a project's detail view: rows of texts, each with a key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from kyodo_desktop.gui.table_base import ReadOnlyTableModel

#: The key of a row (a partner's organization id, a project id …).
KeyRole = Qt.ItemDataRole.UserRole
_ModelIndex = QModelIndex | QPersistentModelIndex


class TextRowsModel(ReadOnlyTableModel):
    """Rows of already translated texts under ``headers``; :meth:`key` gives a row's key."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._keys: list[str] = []

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == KeyRole:
            return self._keys[index.row()]
        return None

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[str] | None = None) -> None:
        """Show ``rows`` (each as many texts as headers); ``keys`` default to the row numbers."""
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._keys = list(keys) if keys is not None else [str(n) for n in range(len(self._rows))]
        self.endResetModel()

    def key(self, row: int) -> str:
        """The key of ``row``."""
        return self._keys[row]

    def texts(self, column: int) -> list[str]:
        """Every row's text in ``column`` (what the list shows, for checks and tests)."""
        return [r[column] for r in self._rows]
