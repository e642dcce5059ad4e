"""The sign-off (前任 / 後任: name, date), the successor's checklist and the revision history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.styles import ERROR_STYLE
from kyodo_desktop.services.handover_records import PREDECESSOR, SUCCESSOR, ChecklistEntry, NoteRecord

KEY_ROLE = Qt.ItemDataRole.UserRole


class SignOffBox(QGroupBox):
    """Two rows, 前任 and 後任, each with name, date and a 署名 button; ``sign_requested(side)``."""

    sign_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("署名"))
        grid = QGridLayout(self)
        self.names: dict[str, QLineEdit] = {}
        self.dates: dict[str, QLineEdit] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.states: dict[str, QLabel] = {}
        sides = ((PREDECESSOR, "from", self.tr("前任")), (SUCCESSOR, "to", self.tr("後任")))
        for row, (side, key, label) in enumerate(sides):
            grid.addWidget(QLabel(label), row, 0)
            name = QLineEdit()
            name.setObjectName(f"sign_{key}_name")
            day = QLineEdit()
            day.setObjectName(f"sign_{key}_date")
            day.setMaximumWidth(110)
            button = QPushButton(self.tr("署名する"))
            button.setObjectName(f"sign_{key}_button")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=side: self.sign_requested.emit(s))
            state = QLabel()
            state.setObjectName(f"sign_{key}_state")
            grid.addWidget(name, row, 1)
            grid.addWidget(day, row, 2)
            grid.addWidget(button, row, 3)
            grid.addWidget(state, row, 4)
            self.names[side], self.dates[side], self.buttons[side], self.states[side] = (
                name,
                day,
                button,
                state,
            )
        grid.setColumnStretch(1, 1)

    def show_note(self, note: NoteRecord) -> None:
        """The signatures so far; an unsigned side offers its officer's name and today."""
        signed = {
            PREDECESSOR: (note.signed_by_from_name, note.signed_by_from_on, note.from_officer),
            SUCCESSOR: (note.signed_by_to_name, note.signed_by_to_on, note.to_officer),
        }
        for side, (name, on, officer) in signed.items():
            done = on is not None
            self.names[side].setText(name if done else officer.split("（")[0])
            self.dates[side].setText(to_wareki(on or date.today()))
            for widget in (self.names[side], self.dates[side], self.buttons[side]):
                widget.setEnabled(not note.frozen and not done)
            self.states[side].setText(self.tr("署名済") if done else self.tr("未署名"))


class ChecklistBox(QGroupBox):
    """The successor's checklist: tick to acknowledge (確認); ``acknowledged(key)``."""

    acknowledged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("後任の確認"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("checklistSummary")
        #: why the current officer cannot tick (only the successor acknowledges)
        self.locked = QLabel()
        self.locked.setObjectName("checklistLocked")
        self.locked.setWordWrap(True)
        self.locked.setStyleSheet(ERROR_STYLE)
        self.locked.hide()
        self.list = QListWidget()
        self.list.setObjectName("handoverChecklist")
        layout.addWidget(self.summary)
        layout.addWidget(self.locked)
        layout.addWidget(self.list, 1)
        self.list.itemChanged.connect(self._on_changed)
        self._filling = False

    def show_entries(self, entries: list[ChecklistEntry], *, locked_reason: str = "") -> None:
        """List the entries; acknowledged ones ticked for good (an acknowledgement is not taken back).

        With ``locked_reason`` (the current officer is not the successor) nothing can be ticked
        and the reason is shown above the list.
        """
        self._filling = True
        self.locked.setText(locked_reason)
        self.locked.setVisible(bool(locked_reason))
        self.list.setEnabled(not locked_reason)
        self.list.clear()
        for e in entries:
            item = QListWidgetItem(f"{e.subject} — {e.label}")
            item.setData(KEY_ROLE, e.key)
            done = e.acknowledged_on is not None
            flags = Qt.ItemFlag.ItemIsEnabled | (
                Qt.ItemFlag.NoItemFlags if done or locked_reason else Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            if e.acknowledged_on is not None:
                item.setToolTip(self.tr("確認日 {day}").format(day=to_wareki(e.acknowledged_on)))
            self.list.addItem(item)
        left = sum(1 for e in entries if e.acknowledged_on is None)
        self.summary.setText(
            self.tr("未確認 {left}件 / 全{total}件").format(left=left, total=len(entries))
            if entries
            else self.tr("確認する項目はありません")
        )
        self._filling = False

    def _on_changed(self, item: QListWidgetItem) -> None:
        if not self._filling and item.checkState() == Qt.CheckState.Checked:
            self.acknowledged.emit(str(item.data(KEY_ROLE)))
