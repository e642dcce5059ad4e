"""The mutual view (相互評価の比較): item by item 行政 / 団体 / 第三者, the differences, the charts.

A row whose sides differ by the scale's threshold or more is a discussion point: its cells get
a warm background *and* its 論点 column says 「◆ 論点」, so the gap is not told by colour alone
(:data:`GAP_ROLE` gives the flag to tests and delegates). A side the comparison does not show
reads 「非表示」 in its column, the reason (未提出, ブラインド …) in the header's tooltip and the
note under the table. Below: the totals, the radar chart of the six 協働のポイント and the bar
chart of targets against results, with the results typed in this panel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.evaluation import parse_quantity, radar_axes, radar_values
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS
from kyodo_desktop.gui.charts import BarChart, RadarChart
from kyodo_desktop.gui.evaluations.labels import SIDES, term, total_text
from kyodo_desktop.gui.table_base import ReadOnlyTableModel, table_view
from kyodo_desktop.services.evaluation_records import MutualView, TargetRow
from kyodo_desktop.services.evaluations_mutual import NOT_SUBMITTED

#: True on every cell of a row that is a discussion point.
GAP_ROLE = int(Qt.ItemDataRole.UserRole) + 1
GAP_COLOR = QColor("#ffe0b2")
COL_GROUP, COL_ITEM, COL_FIRST_SIDE = 0, 1, 2
COL_DIFF, COL_MARK = 5, 6


class MutualModel(ReadOnlyTableModel):
    """The rows of a :class:`MutualView`: 区分, 項目, one column per side, 差, 論点."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: MutualView | None = None
        self._set_headers()

    def _set_headers(self) -> None:
        hidden = self.view.hidden if self.view is not None else {}
        sides = [term(s) + (f"（{self._hidden_word(hidden[s])}）" if s in hidden else "") for s in SIDES]
        self._headers = [self.tr("区分"), self.tr("項目"), *sides, self.tr("差"), self.tr("論点")]

    def _hidden_word(self, reason: str) -> str:
        """「未提出」 for a side that has not submitted, 「非表示」 for one blind mode holds back."""
        return self.tr("未提出") if reason == NOT_SUBMITTED else self.tr("非表示")

    def set_view(self, view: MutualView | None) -> None:
        """Show ``view`` (None: empty)."""
        self.beginResetModel()
        self.view = view
        self._set_headers()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.view is None else len(self.view.rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and self.view is not None
            and COL_FIRST_SIDE <= section < COL_DIFF
        ):
            side = SIDES[section - COL_FIRST_SIDE]
            reason = self.view.hidden.get(side)
            return term(reason, "EvaluationHidden") if reason else None
        return super().headerData(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or self.view is None:
            return None
        row = self.view.rows[index.row()]
        column = index.column()
        if role == GAP_ROLE:
            return row.flagged
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GAP_COLOR) if row.flagged else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_FIRST_SIDE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column >= COL_FIRST_SIDE and column < COL_DIFF:
                reason = self.view.hidden.get(SIDES[column - COL_FIRST_SIDE])
                if reason:
                    return term(reason, "EvaluationHidden")
            if row.flagged:
                pairs = "、".join(f"{term(g.sides[0])}と{term(g.sides[1])}: {g.difference}" for g in row.gaps)
                return self.tr("話し合いたい差があります（{pairs}）").format(pairs=pairs)
            return row.item.text if column == COL_ITEM else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_GROUP:
            return row.item.group
        if column == COL_ITEM:
            return row.item.text
        if column < COL_DIFF:
            side = SIDES[column - COL_FIRST_SIDE]
            if side in self.view.hidden:
                return self._hidden_word(self.view.hidden[side])
            if side not in self.view.visible_sides:
                return ""
            value = row.scores.get(side)
            return "—" if value is None else str(value)
        if column == COL_DIFF:
            return "" if row.largest_difference is None else str(row.largest_difference)
        return self.tr("◆ 論点") if row.flagged else ""


def radar_series(view: MutualView) -> tuple[list[str], list[tuple[str, list[float | None]]]]:
    """The radar's axis labels and each side's values on them (:func:`radar_axes`: the six
    協働のポイント the form asks again, several items averaged; or every item).

    Always the three sides in the order 行政, 団体, 第三者 (so each keeps its colour); a side not
    shown has ``None`` on every axis.
    """
    by_point, axes = radar_axes(view.template)
    labels = [term(label, "ProjectTerm") if by_point else label for label, _keys in axes]
    series = [(term(side), radar_values(axes, view.scores_by_side.get(side))) for side in SIDES]
    return labels, series


def _point_labels() -> list[str]:
    return [term(p, "ProjectTerm") for p in COLLABORATION_POINTS]


class MutualPanel(QWidget):
    """The comparison table, totals, charts and the targets' results of one round.

    ``results_saved(dict)`` asks the page to store the results typed (target id → text).
    """

    results_saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MutualModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("mutualSplitter")
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)
        self.table = table_view("mutualTable", self.model, wrap=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(COL_GROUP, metrics.horizontalAdvance("協働のポイント") + 16)
        for column in range(COL_FIRST_SIDE, COL_MARK + 1):
            self.table.setColumnWidth(column, metrics.horizontalAdvance("第三者（非表示）") + 12)
        splitter.addWidget(self.table)
        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(0, 0, 0, 0)
        self.totals = QLabel()
        self.totals.setObjectName("mutualTotals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.hidden_note = QLabel()
        self.hidden_note.setObjectName("mutualHiddenNote")
        self.hidden_note.setWordWrap(True)
        layout.addWidget(self.hidden_note)
        charts = QHBoxLayout()
        self.radar = RadarChart()
        self.radar.setObjectName("pointsRadar")
        self.radar.set_title(self.tr("協働のポイント"))
        self.bars = BarChart()
        self.bars.setObjectName("targetBars")
        self.bars.set_title(self.tr("目標値と実績"))
        charts.addWidget(self.radar, 1)
        charts.addWidget(self.bars, 1)
        layout.addLayout(charts, 1)
        splitter.addWidget(middle)
        bottom = QWidget()
        layout = QVBoxLayout(bottom)
        layout.setContentsMargins(0, 0, 0, 0)
        self.targets = QTableWidget(0, 4)
        self.targets.setObjectName("targetResultsTable")
        self.targets.setHorizontalHeaderLabels(
            [self.tr("目標"), self.tr("目標値"), self.tr("期限"), self.tr("実績")]
        )
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.targets.verticalHeader().hide()
        layout.addWidget(self.targets, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_results_button = QPushButton(self.tr("実績を保存"))
        self.save_results_button.setObjectName("saveResultsButton")
        self.save_results_button.setAutoDefault(False)
        self.save_results_button.clicked.connect(self._on_save_results)
        buttons.addWidget(self.save_results_button)
        layout.addLayout(buttons)
        splitter.addWidget(bottom)
        # the items first (the discussion points), the charts, then the few targets
        splitter.setSizes([300, 280, 110])
        self._target_ids: list[int | None] = []

    def show_view(self, view: MutualView | None) -> None:
        """Show the comparison ``view`` (None: empty) with its totals and radar chart."""
        self.model.set_view(view)
        self.table.resizeRowsToContents()
        if view is None:
            self.totals.clear()
            self.hidden_note.clear()
            self.radar.set_data(_point_labels(), [])
            return
        parts = [
            self.tr("{side} {total}").format(side=term(side), total=total_text(total))
            for side, total in view.totals.items()
        ]
        text = self.tr("合計: ") + ("、".join(parts) if parts else self.tr("提出済みの評価はまだありません"))
        if view.template.weights:
            weighted = "—" if view.weighted_total is None else f"{view.weighted_total:g}"
            text += self.tr("　加重合計: {value} / {maximum}").format(
                value=weighted, maximum=sum(view.template.weights.values())
            )
        text += self.tr("　論点: {count} 項目").format(count=len(view.gaps))
        self.totals.setText(text)
        notes = [f"{term(side)}: {term(reason, 'EvaluationHidden')}" for side, reason in view.hidden.items()]
        self.hidden_note.setText(self.tr("非表示: ") + "／".join(notes) if notes else "")
        labels, series = radar_series(view)
        top = max((view.template.item_maximum(i) for i in view.template.items), default=5)
        step = 1 if top <= 10 else max(1, top // 5)
        self.radar.set_data(labels, series, maximum=top, step=step)

    def show_targets(self, rows: list[TargetRow], editable: bool) -> None:
        """The project's targets beside their results; results typed here when ``editable``."""
        self.targets.setRowCount(len(rows))
        self._target_ids = [r.target_id for r in rows]
        for n, r in enumerate(rows):
            for column, text in enumerate(
                (r.what, r.amount, r.due_on.isoformat() if r.due_on else "", r.result)
            ):
                cell = QTableWidgetItem(text)
                if column < 3 or r.target_id is None or not editable:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.targets.setItem(n, column, cell)
        self.save_results_button.setEnabled(editable and any(t is not None for t in self._target_ids))
        self.bars.set_data(
            [r.what or r.amount for r in rows],
            [
                (self.tr("目標値"), [parse_quantity(r.amount) for r in rows]),
                (self.tr("実績"), [parse_quantity(r.result) for r in rows]),
            ],
        )

    def typed_results(self) -> dict[int, str]:
        """The results in the table, by target id."""
        out: dict[int, str] = {}
        for n, target in enumerate(self._target_ids):
            cell = self.targets.item(n, 3)
            if target is not None and cell is not None:
                out[target] = cell.text()
        return out

    def _on_save_results(self) -> None:
        self.results_saved.emit(self.typed_results())
