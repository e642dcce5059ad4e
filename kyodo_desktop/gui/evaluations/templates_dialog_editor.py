"""The editor of one evaluation form (評価シート) in the 評価シートの管理 dialog.

It shows a stored :class:`~kyodo_desktop.domain.evaluation.Template` in fields — name,
description, scale (5段階 / 3段階 / 点数 with its maximum), the items table, the weights per side
and the 総合評価 choices — and builds the edited template back. Problems are told beside the
field they belong to: those only the form can see (a 満点 that is not a number, two forms with
one name) and every message of ``validate_template``, so the officer sees all of them at once.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.evaluation import Scale, Template, TemplateItem, validate_template
from kyodo_desktop.domain.evaluation_terms import ScaleKind
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.gui.evaluations.labels import SIDES, term
from kyodo_desktop.gui.i18n import label
from kyodo_desktop.gui.styles import ERROR_STYLE, HINT_STYLE

COL_GROUP, COL_TEXT, COL_POINT, COL_MAXIMUM, COL_WORDS = range(5)
#: Where an item row keeps its stable key (scores are stored against it).
KEY_ROLE = Qt.ItemDataRole.UserRole


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


def _error_label(name: str) -> QLabel:
    shown = QLabel()
    shown.setObjectName(name)
    shown.setWordWrap(True)
    shown.setStyleSheet(ERROR_STYLE)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.hide()
    return shown


class TemplateEditor(QWidget):
    """The fields of one form; :meth:`edited` builds the template or raises ValidationErrors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._version = 1
        self._scale = Scale.five()
        self._taken_names: set[str] = set()
        self._used_keys: set[str] = set()
        self._build()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.name_error = _error_label("templateNameError")
        form.addRow(self.tr("名前"), self._beside(self.name, self.name_error))
        self.description = QLineEdit()
        self.description.setObjectName("templateDescription")
        form.addRow(self.tr("説明"), self.description)
        self.scale = QComboBox()
        self.scale.setObjectName("templateScale")
        for kind in ScaleKind:
            self.scale.addItem(term(kind.value), kind.value)
        self.points_maximum = QSpinBox()
        self.points_maximum.setObjectName("templatePointsMaximum")
        self.points_maximum.setRange(1, 1000)
        self.points_maximum.setPrefix(self.tr("満点 "))
        self.points_maximum.setSuffix(self.tr(" 点"))
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale)
        scale_row.addWidget(self.points_maximum)
        self.scale_words = QLabel()
        self.scale_words.setObjectName("templateScaleWords")
        self.scale_words.setStyleSheet(HINT_STYLE)
        scale_row.addWidget(self.scale_words)
        scale_row.addStretch(1)
        self.scale_error = _error_label("templateScaleError")
        scale_box = QWidget()
        scale_column = QVBoxLayout(scale_box)
        scale_column.setContentsMargins(0, 0, 0, 0)
        scale_column.addLayout(scale_row)
        scale_column.addWidget(self.scale_error)
        form.addRow(self.tr("尺度"), scale_box)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("評価項目")))
        layout.addWidget(self._items_table(), 1)
        layout.addLayout(self._row_buttons())
        self.items_error = _error_label("templateItemsError")
        layout.addWidget(self.items_error)
        layout.addLayout(self._lower_fields())
        self.scale.currentIndexChanged.connect(self._on_scale)

    @staticmethod
    def _beside(field: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 2)
        row.addWidget(error, 3)
        return box

    def _items_table(self) -> QTableWidget:
        self.items = QTableWidget(0, 5)
        self.items.setObjectName("templateItems")
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("区分"),
                self.tr("評価項目"),
                self.tr("協働のポイント"),
                self.tr("満点"),
                self.tr("段階の言葉（/区切り）"),
            ]
        )
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.verticalHeader().setVisible(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_GROUP, 120), (COL_POINT, 140), (COL_MAXIMUM, 60), (COL_WORDS, 200)):
            self.items.setColumnWidth(column, width)
        for column, tip in (
            (COL_MAXIMUM, self.tr("空欄なら尺度の満点です")),
            (COL_WORDS, self.tr("空欄なら尺度の言葉です。項目ごとの言葉は高い段階から「/」で区切ります")),
        ):
            header_item = self.items.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        return self.items

    def _row_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_row = _button("addItemRow", self.tr("行を追加"))
        self.remove_row = _button("removeItemRow", self.tr("行を削除"))
        self.move_up = _button("moveItemUp", self.tr("上へ"))
        self.move_down = _button("moveItemDown", self.tr("下へ"))
        for button in (self.add_row, self.remove_row, self.move_up, self.move_down):
            row.addWidget(button)
        row.addStretch(1)
        self.add_row.clicked.connect(self.add_item)
        self.remove_row.clicked.connect(self.remove_item)
        self.move_up.clicked.connect(lambda: self.move_item(-1))
        self.move_down.clicked.connect(lambda: self.move_item(1))
        return row

    def _lower_fields(self) -> QFormLayout:
        form = QFormLayout()
        self.weighted = QCheckBox(self.tr("評価者区分ごとに配点する"))
        self.weighted.setObjectName("templateWeighted")
        weights_row = QHBoxLayout()
        weights_row.addWidget(self.weighted)
        self.weights: dict[str, QSpinBox] = {}
        for side in SIDES:
            spin = QSpinBox()
            spin.setObjectName(f"templateWeight{SIDES.index(side)}")
            spin.setRange(0, 1000)
            spin.setPrefix(f"{term(side)} ")
            weights_row.addWidget(spin)
            self.weights[side] = spin
        weights_row.addStretch(1)
        self.weighted.toggled.connect(self._on_weighted)
        self.weights_error = _error_label("templateWeightsError")
        weights_box = QWidget()
        column = QVBoxLayout(weights_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(weights_row)
        column.addWidget(self.weights_error)
        form.addRow(self.tr("配点"), weights_box)
        self.overall = QPlainTextEdit()
        self.overall.setObjectName("templateOverall")
        self.overall.setPlaceholderText(self.tr("総合評価の選択肢を1行に1つ（なければ空欄）"))
        self.overall.setFixedHeight(self.overall.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("総合評価"), self.overall)
        return form

    # -- showing ------------------------------------------------------------------------------
    def show_template(self, template: Template, *, taken_names: Collection[str] = ()) -> None:
        """Fill the fields from ``template``; ``taken_names`` are the other forms' names."""
        self._key, self._version, self._scale = template.key, template.version, template.scale
        self._taken_names = {nfkc(n) for n in taken_names}
        self._used_keys = {item.key for item in template.items}
        self.name.setText(template.name)
        self.description.setText(template.description)
        self.scale.blockSignals(True)
        self.scale.setCurrentIndex(max(self.scale.findData(template.scale.kind.value), 0))
        self.scale.blockSignals(False)
        self.points_maximum.setValue(max(template.scale.maximum, 1))
        self._fill(list(template.items))
        self.weighted.setChecked(bool(template.weights))
        for side, spin in self.weights.items():
            spin.setValue(int(template.weights.get(side, 0)))
        self._on_weighted(bool(template.weights))
        self.overall.setPlainText("\n".join(template.overall_choices))
        self._on_scale()
        self.show_errors(None)

    def _fill(self, items: list[TemplateItem], current: int = -1) -> None:
        self.items.setRowCount(0)
        for item in items:
            self._append_row(item)
        if 0 <= current < self.items.rowCount():
            self.items.selectRow(current)

    def _append_row(self, item: TemplateItem) -> int:
        row = self.items.rowCount()
        self.items.insertRow(row)
        group = QTableWidgetItem(item.group)
        group.setData(KEY_ROLE, item.key)
        self.items.setItem(row, COL_GROUP, group)
        self.items.setItem(row, COL_TEXT, QTableWidgetItem(item.text))
        points = QComboBox()
        points.addItem(self.tr("（なし）"), "")
        for point in COLLABORATION_POINTS:
            points.addItem(label("ProjectTerm", point), point)
        points.setCurrentIndex(max(points.findData(item.point), 0))
        self.items.setCellWidget(row, COL_POINT, points)
        maximum = "" if item.maximum is None else str(item.maximum)
        self.items.setItem(row, COL_MAXIMUM, QTableWidgetItem(maximum))
        words = QTableWidgetItem(" / ".join(item.level_labels))
        words.setToolTip(words.text())
        self.items.setItem(row, COL_WORDS, words)
        return row

    def _on_scale(self) -> None:
        points = self.scale.currentData() == ScaleKind.POINTS.value
        self.points_maximum.setVisible(points)
        levels = () if points else self._chosen_scale().levels
        self.scale_words.setText(" / ".join(f"{value} {term(word)}" for value, word in levels))
        self.items.setColumnHidden(COL_MAXIMUM, not points)
        self.items.setColumnHidden(COL_WORDS, points)

    def _on_weighted(self, on: bool) -> None:
        for spin in self.weights.values():
            spin.setEnabled(on)

    def show_errors(self, problems: ValidationErrors | None) -> None:
        """Each message beside its field (all hidden for None)."""
        found = problems.by_field() if problems else {}
        for field, shown in (
            ("name", self.name_error),
            ("scale", self.scale_error),
            ("items", self.items_error),
            ("weights", self.weights_error),
        ):
            text = found.get(field, "")
            shown.setText(text.replace("; ", "\n"))
            shown.setVisible(bool(text))

    # -- rows ---------------------------------------------------------------------------------
    def add_item(self) -> None:
        """A new empty row under the chosen one (in its group), its text cell being edited."""
        items, _problems = self._read_items()
        at = self._current_row() + 1 if self._current_row() >= 0 else len(items)
        group = items[at - 1].group if at > 0 and items else ""
        items.insert(at, TemplateItem(self._new_key(), group, ""))
        self._fill(items, at)
        self.items.setFocus()
        self.items.setCurrentCell(at, COL_TEXT)
        cell = self.items.item(at, COL_TEXT)
        if cell is not None:
            self.items.editItem(cell)

    def remove_item(self) -> None:
        """Remove the chosen row."""
        row = self._current_row()
        if row >= 0:
            self.items.removeRow(row)
            self.items.selectRow(min(row, self.items.rowCount() - 1))

    def move_item(self, step: int) -> None:
        """Move the chosen row up (-1) or down (+1)."""
        row = self._current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.items.rowCount():
            return
        items, _problems = self._read_items()
        items[row], items[target] = items[target], items[row]
        self._fill(items, target)

    def _current_row(self) -> int:
        selected = self.items.selectionModel().selectedRows()
        return selected[0].row() if selected else self.items.currentRow()

    def _new_key(self) -> str:
        number = 1
        while f"i{number}" in self._used_keys:
            number += 1
        key = f"i{number}"
        self._used_keys.add(key)
        return key

    # -- reading back -------------------------------------------------------------------------
    def _cell(self, row: int, column: int) -> str:
        cell = self.items.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _read_items(self) -> tuple[list[TemplateItem], list[ValidationError]]:
        points = self.scale.currentData() == ScaleKind.POINTS.value
        items: list[TemplateItem] = []
        problems: list[ValidationError] = []
        for row in range(self.items.rowCount()):
            group_cell = self.items.item(row, COL_GROUP)
            key = str(group_cell.data(KEY_ROLE)) if group_cell is not None else self._new_key()
            combo = self.items.cellWidget(row, COL_POINT)
            point = str(combo.currentData()) if isinstance(combo, QComboBox) else ""
            maximum_text = nfkc(self._cell(row, COL_MAXIMUM))
            maximum: int | None = None
            if maximum_text.isdigit():
                maximum = int(maximum_text)
            elif maximum_text and points:
                problems.append(
                    ValidationError(
                        "items",
                        self.tr("{n}番目の評価項目の満点は数字で入力してください").format(n=row + 1),
                    )
                )
            words = tuple(
                w.strip() for w in self._cell(row, COL_WORDS).replace("／", "/").split("/") if w.strip()
            )
            items.append(
                TemplateItem(
                    key,
                    self._cell(row, COL_GROUP),
                    self._cell(row, COL_TEXT),
                    point=point,
                    maximum=maximum if points else None,
                    level_labels=() if points else words,
                )
            )
        return items, problems

    def _chosen_scale(self) -> Scale:
        kind = ScaleKind(str(self.scale.currentData()))
        if kind is ScaleKind.POINTS:
            return Scale.points(self.points_maximum.value())
        if kind is self._scale.kind:  # keeps the form's own words for its levels
            return self._scale
        return Scale.five() if kind is ScaleKind.FIVE else Scale.three()

    def edited(self) -> Template:
        """The template the fields describe, or ValidationErrors with every problem found."""
        items, problems = self._read_items()
        name = self.name.text().strip()
        if name and nfkc(name) in self._taken_names:
            problems.append(
                ValidationError("name", self.tr("同じ名前の評価シートがあります: {name}").format(name=name))
            )
        weights = (
            {side: spin.value() for side, spin in self.weights.items()} if self.weighted.isChecked() else {}
        )
        choices = tuple(
            dict.fromkeys(c.strip() for c in self.overall.toPlainText().splitlines() if c.strip())
        )
        template = Template(
            key=self._key,
            name=name,
            scale=self._chosen_scale(),
            items=tuple(items),
            version=self._version,
            weights=weights,
            overall_choices=choices,
            description=self.description.text().strip(),
        )
        try:
            validate_template(template)
        except ValidationErrors as exc:
            problems.extend(exc.errors)
        if problems:
            raise ValidationErrors(problems)
        return template
