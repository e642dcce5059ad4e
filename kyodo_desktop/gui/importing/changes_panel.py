"""The review page's 「選択した行の変更内容」: what one planned row does — for a 新規 row the values
it will create, for an update which fields to take (a check per changed field, すべて取り込む /
すべて外す; a stored value is only replaced when ticked) — and its remarks (a 法人番号 another
organization carries, values left out)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from kyodo_desktop.gui import styles
from kyodo_desktop.gui.importing.review_model import change_text, field_label, value_text
from kyodo_desktop.services.importing import FIELDS, Action, PlannedRow


class ChangesPanel(QGroupBox):
    """The changes of the row shown with :meth:`show_row`; unchecking a field keeps today's value.

    Signals: ``accepted_changed()`` after the officer checked or unchecked a field of the update
    shown (its ``PlannedRow.accepted`` is already set).
    """

    accepted_changed = Signal()

    def __init__(self) -> None:
        super().__init__(self.tr("選択した行の変更内容"))
        self.setObjectName("changeBox")
        self._planned: PlannedRow | None = None
        self.hint = QLabel()
        self.hint.setObjectName("changeHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(styles.HINT_STYLE)
        self.list = QListWidget()
        self.list.setObjectName("changeList")
        self.list.setAccessibleName(self.tr("取り込む項目"))
        self.list.itemChanged.connect(self._on_item_changed)
        self.accept_all_button = QPushButton(self.tr("すべて取り込む"))
        self.accept_all_button.setObjectName("acceptAllButton")
        self.accept_all_button.setAutoDefault(False)
        self.accept_all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.accept_none_button = QPushButton(self.tr("すべて外す"))
        self.accept_none_button.setObjectName("acceptNoneButton")
        self.accept_none_button.setAutoDefault(False)
        self.accept_none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_all_button)
        buttons.addWidget(self.accept_none_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def show_row(self, planned: PlannedRow | None) -> None:
        """Show what ``planned`` does (None: nothing selected)."""
        self._planned = planned
        self.list.blockSignals(True)
        self.list.clear()
        is_update = planned is not None and planned.action is Action.UPDATE
        if planned is not None and is_update:
            taken = planned.taken_changes()
            for field, (old, new) in planned.changes.items():
                item = QListWidgetItem(change_text(field, old, new))
                item.setData(Qt.ItemDataRole.UserRole, field)
                item.setToolTip(change_text(field, old, new, short=False))
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Checked if field in taken else Qt.CheckState.Unchecked)
                self.list.addItem(item)
            self.list.setCurrentRow(0)
        elif planned is not None and planned.action is Action.NEW and planned.row.data is not None:
            data = planned.row.data
            for field in FIELDS:
                value = getattr(data, field)
                if value in (None, "", []):
                    continue
                item = QListWidgetItem(f"{field_label(field)}: {value_text(field, value, short=True)}")
                item.setData(Qt.ItemDataRole.UserRole, field)
                item.setToolTip(f"{field_label(field)}: {value_text(field, value)}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setEnabled(self.list.count() > 0)
        self.accept_all_button.setEnabled(is_update)
        self.accept_none_button.setEnabled(is_update)
        self.hint.setText(self._hint(planned))

    def _hint(self, planned: PlannedRow | None) -> str:
        text = self._action_hint(planned)
        remarks = [*planned.warnings, *planned.dropped] if planned is not None else []
        if remarks:
            text += "\n" + "\n".join(
                f"・「{p.column}」{p.message}" if p.column else f"・{p.message}" for p in remarks
            )
        return text

    def _action_hint(self, planned: PlannedRow | None) -> str:
        if planned is None:
            return self.tr("上の一覧で行を選ぶと、ここに変更内容が出ます。")
        name = planned.match_name or (planned.row.data.name if planned.row.data is not None else "")
        if planned.action is Action.UPDATE:
            return self.tr(
                "{row} 行目は「{name}」と同じ団体です。チェックした項目だけを取り込み、ほかは今の値のままです"
                "（空欄を埋める項目は最初からチェックしてあります）。"
            ).format(row=planned.row.row_number, name=name)
        if planned.action is Action.NEW:
            return self.tr("{row} 行目は新しい団体として次の内容で登録します。").format(
                row=planned.row.row_number
            )
        if planned.action is Action.UNCHANGED:
            return self.tr("{row} 行目は登録済みの「{name}」と同じ内容です。取り込みません。").format(
                row=planned.row.row_number, name=name
            )
        if planned.action is Action.DUPLICATE_IN_FILE:
            return self.tr("{row} 行目は {first} 行目と同じ団体です。取り込みません。").format(
                row=planned.row.row_number, first=planned.duplicate_of_row
            )
        reasons = "\n".join(
            f"・「{p.column}」{p.message}" if p.column else f"・{p.message}" for p in planned.row.problems
        )
        return self.tr("{row} 行目はエラーのため取り込めません。\n{reasons}").format(
            row=planned.row.row_number, reasons=reasons
        )

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        planned = self._planned
        if planned is None or planned.action is not Action.UPDATE:
            return
        checked = set()
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                checked.add(str(item.data(Qt.ItemDataRole.UserRole)))
        planned.accepted = checked
        self.accepted_changed.emit()

    def _check_all(self, state: Qt.CheckState) -> None:
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(state)
