"""The conclusion of a round: 今後の方向性, a comment, the day, and the improvement actions.

The panel gathers the values; the page records them (``EvaluationService.record_conclusion``),
which for a 最終 round moves the project to the stage its direction leads to. A recorded action
can be made a 約束・宿題 (the button or the table's context menu, ``commitment_requested``); the
column 約束・宿題 then shows it is tracked and it cannot be made twice.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.evaluation_terms import Direction
from kyodo_desktop.domain.validation import ValidationError, parse_date
from kyodo_desktop.gui.evaluations.labels import term
from kyodo_desktop.services.evaluation_records import ACTION_STATUSES, ImprovementActionInput, RoundRecord

COL_TEXT, COL_OWNER, COL_DUE, COL_STATUS, COL_TRACKED = range(5)
#: on a recorded row's text cell: the stored action's id and its text as recorded
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole
RECORDED_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class ConclusionPanel(QWidget):
    """The joint conclusion's fields and the 結論を記録 button (``record_button``).

    Signals: ``commitment_requested(int)`` with the stored action's id (約束・宿題にする).
    """

    commitment_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tracked: dict[int, str] = {}
        self._writable = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.direction = QComboBox()
        self.direction.setObjectName("conclusionDirection")
        self.direction.addItem(self.tr("（選択してください）"), "")
        for d in Direction:
            self.direction.addItem(term(d.value), d.value)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("conclusionComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.decided_on = QLineEdit()
        self.decided_on.setObjectName("conclusionDate")
        self.decided_on.setPlaceholderText(self.tr("例: 2026-03-25"))
        form.addRow(self.tr("今後の方向性"), self.direction)
        form.addRow(self.tr("結論・所見"), self.comment)
        form.addRow(self.tr("決定日"), self.decided_on)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("改善の取り組み")))
        self.action_table = QTableWidget(0, 5)
        self.action_table.setObjectName("improvementActions")
        self.action_table.setHorizontalHeaderLabels(
            [self.tr("取り組み"), self.tr("担当"), self.tr("期限"), self.tr("状況"), self.tr("約束・宿題")]
        )
        self.action_table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        samples = (
            (COL_OWNER, "国" * 10),
            (COL_DUE, "2026-12-31"),
            (COL_STATUS, "対応中・・"),
            (COL_TRACKED, "✓ 登録済・"),
        )
        for column, sample in samples:
            self.action_table.setColumnWidth(column, self.fontMetrics().horizontalAdvance(sample) + 24)
        self.action_table.verticalHeader().hide()
        layout.addWidget(self.action_table, 1)
        buttons = QHBoxLayout()
        self.add_button = _button("addActionButton", self.tr("行を追加"))
        self.add_button.clicked.connect(lambda: self.add_action(ImprovementActionInput()))
        self.remove_button = _button("removeActionButton", self.tr("行を削除"))
        self.remove_button.clicked.connect(self._remove_action)
        self.commit_button = _button("makeCommitmentButton", self.tr("約束・宿題にする"))
        self.commit_button.setToolTip(
            self.tr(
                "選んだ改善の取り組みを、この事業と主たるパートナーの約束・宿題にする（記録済みの取り組みのみ）"
            )
        )
        self.commit_button.clicked.connect(self.request_commitment)
        self.commit_action = QAction(self.tr("約束・宿題にする"), self.action_table)
        self.commit_action.setObjectName("makeCommitmentAction")
        self.commit_action.triggered.connect(self.request_commitment)
        self.action_table.addAction(self.commit_action)
        self.action_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_table.currentCellChanged.connect(lambda *_a: self._update_commit())
        self.action_table.itemChanged.connect(lambda _item: self._update_commit())
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.commit_button)
        buttons.addStretch(1)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("projectStageLabel")
        buttons.addWidget(self.stage_label)
        self.record_button = _button("recordConclusionButton", self.tr("結論を記録"))
        buttons.addWidget(self.record_button)
        layout.addLayout(buttons)

    def show_round(self, r: RoundRecord | None) -> None:
        """Fill the fields from the round's stored conclusion (empty when none yet)."""
        self.direction.setCurrentIndex(max(self.direction.findData(r.direction if r else ""), 0))
        self.comment.setPlainText(r.conclusion if r else "")
        day = r.decided_on if r else None
        self.decided_on.setText(day.isoformat() if day else date.today().isoformat())
        self.action_table.setRowCount(0)
        self._tracked = {}
        for action in r.actions if r else []:
            self.add_action(action)
        self._update_commit()

    def set_tracked(self, tracked: dict[int, str], *, writable: bool) -> None:
        """Mark the recorded actions made 約束・宿題 (action id → commitment id)."""
        self._tracked, self._writable = dict(tracked), writable
        for row in range(self.action_table.rowCount()):
            action_id = self.action_id(row)
            mark = QTableWidgetItem(self.tr("✓ 登録済") if action_id in self._tracked else "")
            mark.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.action_table.setItem(row, COL_TRACKED, mark)
        self._update_commit()

    def action_id(self, row: int) -> int | None:
        """The stored action of ``row`` (None for a row not recorded, or whose text was edited since)."""
        item = self.action_table.item(row, COL_TEXT)
        if item is None or item.data(ACTION_ID_ROLE) is None:
            return None
        if item.text().strip() != item.data(RECORDED_TEXT_ROLE):
            return None
        return int(item.data(ACTION_ID_ROLE))

    def _commit_target(self) -> int | None:
        row = self.action_table.currentRow()
        action_id = self.action_id(row) if row >= 0 else None
        if not self._writable or action_id is None or action_id in self._tracked:
            return None
        status = self.action_table.cellWidget(row, COL_STATUS)
        done = isinstance(status, QComboBox) and status.currentData() == ACTION_STATUSES[-1]
        return None if done else action_id

    def _update_commit(self) -> None:
        enabled = self._commit_target() is not None
        self.commit_button.setEnabled(enabled)
        self.commit_action.setEnabled(enabled)

    def request_commitment(self) -> bool:
        """約束・宿題にする for the current row (a recorded, untracked, unfinished action)."""
        action_id = self._commit_target()
        if action_id is None:
            return False
        self.commitment_requested.emit(action_id)
        return True

    def add_action(self, action: ImprovementActionInput) -> int:
        """Append a row for ``action``; returns its row number."""
        row = self.action_table.rowCount()
        self.action_table.insertRow(row)
        text = QTableWidgetItem(action.text)
        if action.id is not None:
            text.setData(ACTION_ID_ROLE, action.id)
            text.setData(RECORDED_TEXT_ROLE, action.text)
        self.action_table.setItem(row, COL_TEXT, text)
        self.action_table.setItem(row, COL_OWNER, QTableWidgetItem(action.owner))
        self.action_table.setItem(
            row, COL_DUE, QTableWidgetItem(action.due_on.isoformat() if action.due_on else "")
        )
        status = QComboBox()
        for s in ACTION_STATUSES:
            status.addItem(term(s, "EvaluationAction"), s)
        status.setCurrentIndex(max(status.findData(action.status), 0))
        status.currentIndexChanged.connect(lambda _n: self._update_commit())
        self.action_table.setCellWidget(row, COL_STATUS, status)
        tracked = QTableWidgetItem("")
        tracked.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.action_table.setItem(row, COL_TRACKED, tracked)
        return row

    def _remove_action(self) -> None:
        row = self.action_table.currentRow()
        if row >= 0:
            self.action_table.removeRow(row)

    def typed_actions(self) -> list[ImprovementActionInput]:
        """The actions in the table (rows left blank skipped); ValidationError for a bad 期限."""
        out: list[ImprovementActionInput] = []
        for row in range(self.action_table.rowCount()):
            texts = [self._cell(row, c) for c in (COL_TEXT, COL_OWNER, COL_DUE)]
            if not any(texts):
                continue
            try:
                due = parse_date(texts[2], "due_on")
            except ValidationError as exc:
                raise ValidationError(
                    "due_on", self.tr("{row}行目の期限: {reason}").format(row=row + 1, reason=exc.message)
                ) from exc
            status = self.action_table.cellWidget(row, COL_STATUS)
            chosen = status.currentData() if isinstance(status, QComboBox) else ACTION_STATUSES[0]
            out.append(ImprovementActionInput(texts[0], texts[1], due, chosen))
        return out

    def _cell(self, row: int, column: int) -> str:
        item = self.action_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def decided_date(self) -> date | None:
        """The 決定日 typed (ValidationError in Japanese when it is not a date)."""
        return parse_date(self.decided_on.text(), "decided_on")
