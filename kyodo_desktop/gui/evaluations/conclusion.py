"""The conclusion of a round: 今後の方向性, a comment, the day, and the improvement actions.

The panel gathers the values; the page records them (``EvaluationService.record_conclusion``),
which for a 最終 round moves the project to the stage its direction leads to.
"""

from __future__ import annotations

from datetime import date

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

COL_TEXT, COL_OWNER, COL_DUE, COL_STATUS = range(4)


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class ConclusionPanel(QWidget):
    """The joint conclusion's fields and the 結論を記録 button (``record_button``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.action_table = QTableWidget(0, 4)
        self.action_table.setObjectName("improvementActions")
        self.action_table.setHorizontalHeaderLabels(
            [self.tr("取り組み"), self.tr("担当"), self.tr("期限"), self.tr("状況")]
        )
        self.action_table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((COL_OWNER, "国" * 10), (COL_DUE, "2026-12-31"), (COL_STATUS, "対応中・・")):
            self.action_table.setColumnWidth(column, self.fontMetrics().horizontalAdvance(sample) + 24)
        self.action_table.verticalHeader().hide()
        layout.addWidget(self.action_table, 1)
        buttons = QHBoxLayout()
        self.add_button = _button("addActionButton", self.tr("行を追加"))
        self.add_button.clicked.connect(lambda: self.add_action(ImprovementActionInput()))
        self.remove_button = _button("removeActionButton", self.tr("行を削除"))
        self.remove_button.clicked.connect(self._remove_action)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
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
        for action in r.actions if r else []:
            self.add_action(action)

    def add_action(self, action: ImprovementActionInput) -> int:
        """Append a row for ``action``; returns its row number."""
        row = self.action_table.rowCount()
        self.action_table.insertRow(row)
        self.action_table.setItem(row, COL_TEXT, QTableWidgetItem(action.text))
        self.action_table.setItem(row, COL_OWNER, QTableWidgetItem(action.owner))
        self.action_table.setItem(
            row, COL_DUE, QTableWidgetItem(action.due_on.isoformat() if action.due_on else "")
        )
        status = QComboBox()
        for s in ACTION_STATUSES:
            status.addItem(term(s, "EvaluationAction"), s)
        status.setCurrentIndex(max(status.findData(action.status), 0))
        self.action_table.setCellWidget(row, COL_STATUS, status)
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
