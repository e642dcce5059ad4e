"""The entry form generated from a template: a score control and a comment per item, in groups.

A level scale (5段階, 3段階) gets a combo box of that item's words (「5 想定をはるかに上回った」 …,
first 「未回答」); a points scale a spin box 0..the item's maximum whose lowest step is 「未回答」.
Below: the overall comment, the 総合評価 when the template has choices, and who evaluated when.
The form only gathers and shows values; the page saves them (``EvaluationsPage``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.evaluation import ItemScore, Template
from kyodo_desktop.domain.evaluation_terms import ScaleKind
from kyodo_desktop.domain.validation import parse_date
from kyodo_desktop.gui.evaluations.labels import SIDES, term
from kyodo_desktop.services.evaluation_records import EvaluationRecord


class EntryForm(QWidget):
    """The form of one template; :meth:`scores` and the fields give what was entered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationEntryForm")
        self.template: Template | None = None
        self._scores: dict[str, QComboBox | QSpinBox] = {}
        self._comments: dict[str, QLineEdit] = {}
        self._layout = QVBoxLayout(self)
        who = QFormLayout()
        self.side = QComboBox()
        self.side.setObjectName("evaluatorSide")
        for side in SIDES:
            self.side.addItem(term(side), side)
        self.evaluator = QLineEdit()
        self.evaluator.setObjectName("evaluatorName")
        self.evaluator.setPlaceholderText(self.tr("空欄可（同じ区分に複数の評価者がいるときに区別）"))
        self.evaluated_on = QLineEdit()
        self.evaluated_on.setObjectName("evaluatedOn")
        self.evaluated_on.setPlaceholderText(self.tr("例: 2026-03-15"))
        who.addRow(self.tr("評価者区分"), self.side)
        who.addRow(self.tr("評価者名"), self.evaluator)
        who.addRow(self.tr("評価日"), self.evaluated_on)
        self._layout.addLayout(who)
        self._items = QWidget()
        self._items_layout = QVBoxLayout(self._items)
        self._items_layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._items)
        overall = QFormLayout()
        self.grade = QComboBox()
        self.grade.setObjectName("overallGrade")
        self.grade_label = QLabel(self.tr("総合評価"))
        overall.addRow(self.grade_label, self.grade)
        self.overall_comment = QPlainTextEdit()
        self.overall_comment.setObjectName("overallComment")
        self.overall_comment.setTabChangesFocus(True)
        self.overall_comment.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        overall.addRow(self.tr("全体のコメント"), self.overall_comment)
        self._layout.addLayout(overall)
        self._layout.addStretch(1)

    # -- building -----------------------------------------------------------------------------
    def set_template(self, template: Template) -> None:
        """Build the item controls of ``template`` (the previous ones removed); the same form kept."""
        if template == self.template:
            return
        self.template = template
        while self._items_layout.count():
            old = self._items_layout.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:  # out of sight at once: deleteLater waits for the event loop
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._scores.clear()
        self._comments.clear()
        for group in template.groups:
            box = QGroupBox(group)
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(2, 2)
            row = 0
            for item in template.items:
                if item.group != group:
                    continue
                text = QLabel(item.text)
                text.setWordWrap(True)
                control = self._score_control(template, item.key)
                text.setBuddy(control)
                comment = QLineEdit()
                comment.setObjectName(f"comment_{item.key}")
                comment.setPlaceholderText(self.tr("コメント"))
                grid.addWidget(text, row, 0)
                grid.addWidget(control, row, 1)
                grid.addWidget(comment, row, 2)
                # the scroll area sizes the form by its minimum, which wrapped labels understate:
                # a row is never lower than its controls (or two lines of a long question)
                lines = 2 if self.fontMetrics().horizontalAdvance(item.text) > 420 else 1
                grid.setRowMinimumHeight(
                    row, max(control.sizeHint().height(), self.fontMetrics().lineSpacing() * lines + 6)
                )
                self._comments[item.key] = comment
                row += 1
            self._items_layout.addWidget(box)
        self.grade.clear()
        self.grade.addItem(self.tr("（未選択）"), "")
        for choice in template.overall_choices:
            self.grade.addItem(term(choice), choice)
        self.grade.setVisible(bool(template.overall_choices))
        self.grade_label.setVisible(bool(template.overall_choices))

    def _score_control(self, template: Template, key: str) -> QComboBox | QSpinBox:
        item = template.item(key)
        control: QComboBox | QSpinBox
        if template.scale.kind is ScaleKind.POINTS:
            control = QSpinBox()
            control.setRange(-1, template.item_maximum(item))
            control.setSpecialValueText(self.tr("未回答"))
            control.setValue(-1)
            control.setSuffix(self.tr(" 点"))
            control.setToolTip(self.tr("0〜{maximum}点").format(maximum=template.item_maximum(item)))
        else:
            control = QComboBox()
            control.addItem(self.tr("未回答"), None)
            for value, word in template.item_labels(item):
                control.addItem(f"{value} {term(word)}", value)
        control.setObjectName(f"score_{key}")
        self._scores[key] = control
        return control

    # -- values -------------------------------------------------------------------------------
    def score_control(self, key: str) -> QComboBox | QSpinBox:
        """The score control of item ``key`` (for tests and focus)."""
        return self._scores[key]

    def comment_edit(self, key: str) -> QLineEdit:
        """The comment field of item ``key``."""
        return self._comments[key]

    def scores(self) -> list[ItemScore]:
        """Every item's score (None where unanswered) and comment, in the template's order."""
        out: list[ItemScore] = []
        for key, control in self._scores.items():
            if isinstance(control, QSpinBox):
                value: int | None = None if control.value() < 0 else control.value()
            else:
                value = control.currentData()
            out.append(ItemScore(key, value, self._comments[key].text()))
        return out

    def evaluated_date(self) -> date | None:
        """The 評価日 typed (ValidationError in Japanese when it is not a date)."""
        return parse_date(self.evaluated_on.text(), "evaluated_on")

    def show_record(self, record: EvaluationRecord | None) -> None:
        """Fill the items from ``record`` (or empty them for a new evaluation)."""
        given = {s.item_key: s for s in record.scores} if record is not None else {}
        for key, control in self._scores.items():
            score = given.get(key)
            value = score.score if score is not None else None
            if isinstance(control, QSpinBox):
                control.setValue(-1 if value is None else value)
            else:
                control.setCurrentIndex(max(control.findData(value), 0) if value is not None else 0)
            self._comments[key].setText(score.comment if score is not None else "")
        self.overall_comment.setPlainText(record.overall_comment if record is not None else "")
        self.grade.setCurrentIndex(max(self.grade.findData(record.overall_grade), 0) if record else 0)
        day = record.evaluated_on if record is not None else None
        self.evaluated_on.setText(day.isoformat() if day else date.today().isoformat())

    def set_editable(self, editable: bool) -> None:
        """Lock the scores and comments (a submitted evaluation) or open them again."""
        for control in self._scores.values():
            control.setEnabled(editable)
        for edit in self._comments.values():
            edit.setReadOnly(not editable)
        self.overall_comment.setReadOnly(not editable)
        self.grade.setEnabled(editable)
        self.evaluated_on.setReadOnly(not editable)
