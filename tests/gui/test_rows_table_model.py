"""The base of the tables over a list of rows: one reset a replacement, the rows in the order the
subclass arranges, ``row_at`` None outside the rows, and the Qt model contract (pytest-qt's tester)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel


class _Numbers(RowsTableModel[tuple[int, str]]):
    """Numbers and their names, the largest first."""

    def __init__(self) -> None:
        super().__init__()
        self._headers = ["数", "名前"]

    def _arranged(self, rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
        return sorted(rows, reverse=True)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(row[index.column()])


def test_set_rows_resets_once_and_shows_the_rows_arranged(qtmodeltester: ModelTester) -> None:
    model = _Numbers()
    qtmodeltester.check(model)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    given = [(1, "いち"), (3, "さん"), (2, "に")]
    model.set_rows(given)
    assert resets == [3]
    assert model.rows == [(3, "さん"), (2, "に"), (1, "いち")]
    assert given == [(1, "いち"), (3, "さん"), (2, "に")]  # the caller's list is not the model's
    assert [model.index(n, 1).data() for n in range(model.rowCount())] == ["さん", "に", "いち"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名前" and model.columnCount() == 2
    model.set_rows(iter([(5, "ご")]))  # any iterable
    assert resets == [3, 1] and model.rows == [(5, "ご")]
    qtmodeltester.check(model)


def test_row_at_is_none_outside_the_rows_and_children_have_no_rows(qtbot: QtBot) -> None:
    model = _Numbers()
    model.set_rows([(1, "いち")])
    assert model.row_at(0) == (1, "いち")
    assert model.row_at(1) is None and model.row_at(-1) is None
    assert model.row_at(QModelIndex().row()) is None  # an invalid index's row is -1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(model.index(0, 0)) == "1" and model.data(QModelIndex()) is None
