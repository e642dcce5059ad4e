"""The candidate pairs of the 「重複の候補」 view as a table model (団体A, 団体B, 市町村, 理由, 確からしさ)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel
from kyodo_desktop.services.duplicates import CandidatePair

COL_FIRST = 0
COL_SECOND = 1
COL_MUNICIPALITY = 2
COL_REASONS = 3
COL_SCORE = 4
COLUMN_COUNT = 5

#: The :class:`CandidatePair` of a row.
PairRole = Qt.ItemDataRole.UserRole


def reasons_text(pair: CandidatePair) -> str:
    """The reasons of a pair as one line: 法人番号が同じ、名称が同じ."""
    return "、".join(pair.reasons)


def municipality_text(pair: CandidatePair) -> str:
    """Both sides' 市町村: one name when they agree, 「柏市／松戸市」 when not."""
    a, b = pair.first.municipality, pair.second.municipality
    return a or b if a == b or not (a and b) else f"{a}／{b}"


class CandidateTableModel(RowsTableModel[CandidatePair]):
    """Candidate pairs in the order the service found them (strongest evidence first), sortable."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CandidateTableModel", "団体A"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "団体B"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "市町村"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "理由"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "確からしさ"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]
        self._found: list[CandidatePair] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- Qt model interface -------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self.row_at(index.row())
        if pair is None:
            return None
        if role == PairRole:
            return pair
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == COL_FIRST:
                return pair.first_name
            if column == COL_SECOND:
                return pair.second_name
            if column == COL_MUNICIPALITY:
                return municipality_text(pair)
            if column == COL_REASONS:
                return reasons_text(pair)
            if column == COL_SCORE:
                return pair.score
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (the found order breaks ties); selections follow their pairs."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_pairs = [self._rows[i.row()] if i.isValid() else None for i in persistent]
        self._sort_column, self._sort_order = column, order
        self._rows = self._sorted(self._rows)
        where = {id(pair): n for n, pair in enumerate(self._rows)}
        new = []
        for old, pair in zip(persistent, old_pairs, strict=True):
            row = where.get(id(pair)) if pair is not None else None
            new.append(QModelIndex() if row is None else self.index(row, old.column()))
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    def _sorted(self, pairs: Sequence[CandidatePair]) -> list[CandidatePair]:
        rank = {id(pair): n for n, pair in enumerate(self._found)}
        if not 0 <= self._sort_column < COLUMN_COUNT:
            return sorted(pairs, key=lambda p: rank.get(id(p), 0))

        def key(pair: CandidatePair) -> tuple[Any, ...]:
            if self._sort_column == COL_FIRST:
                return (pair.first_name, rank.get(id(pair), 0))
            if self._sort_column == COL_SECOND:
                return (pair.second_name, rank.get(id(pair), 0))
            if self._sort_column == COL_MUNICIPALITY:
                return (municipality_text(pair), rank.get(id(pair), 0))
            if self._sort_column == COL_SCORE:
                return (pair.score, rank.get(id(pair), 0))
            return (-len(pair.reasons), reasons_text(pair), rank.get(id(pair), 0))

        return sorted(pairs, key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    # -- rows ---------------------------------------------------------------------------------
    def set_pairs(self, pairs: Sequence[CandidatePair]) -> None:
        """Show ``pairs`` (keeps the current sort)."""
        self._found = list(pairs)
        self.set_rows(self._found)

    def _arranged(self, rows: list[CandidatePair]) -> list[CandidatePair]:
        return self._sorted(rows)

    def remove_pair(self, first_id: str, second_id: str) -> None:
        """Drop the pair of these two records (judged 「重複ではない」)."""
        wanted = {first_id, second_id}
        for row in range(len(self._rows) - 1, -1, -1):
            if {self._rows[row].first_id, self._rows[row].second_id} == wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self._found = [p for p in self._found if {p.first_id, p.second_id} != wanted]

    def remove_involving(self, org_id: str) -> int:
        """Drop every pair that names ``org_id`` (it was merged away); returns how many."""
        for row in range(len(self._rows) - 1, -1, -1):
            pair = self._rows[row]
            if org_id in (pair.first_id, pair.second_id):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        before = len(self._found)
        self._found = [p for p in self._found if org_id not in (p.first_id, p.second_id)]
        return before - len(self._found)

    def pair(self, row: int) -> CandidatePair:
        """The pair shown at ``row``."""
        return self._rows[row]

    def pairs(self) -> list[CandidatePair]:
        """Every pair, in view order."""
        return list(self._rows)
