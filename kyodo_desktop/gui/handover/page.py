"""The handover tab's content: 引継ぎの予定 and the notes on the left, the chosen note on the right.

The left column lists the transferring officers with what they have not handed over yet (from
``handover_alerts.pending``), the alerts (quiet organizations, agreements ending, transfers with
no signed note) and every note with its status and revision. 新しい引継書 opens the dialog; a
pending officer chosen in the list opens it for that officer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.handover.new_note import NewNoteDialog
from kyodo_desktop.gui.handover.note_view import NoteView
from kyodo_desktop.services import handover_alerts
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole


def _placeholder(widget: QListWidget, text: str) -> None:
    """A grey line saying the list is empty (not selectable, opens nothing)."""
    if widget.count() == 0:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)


class HandoverPage(QWidget):
    """Pending handovers, alerts and notes (left), the note editor (right)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.service = HandoverService(workspace)
        self.dialog: NewNoteDialog | None = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("handoverSplitter")
        splitter.addWidget(self._left())
        self.view = NoteView(workspace)
        self.view.changed.connect(self._on_changed)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([340, 940])
        layout.addWidget(splitter)

    def _left(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.new_button = QPushButton(self.tr("新しい引継書…"))
        self.new_button.setObjectName("newHandoverButton")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(lambda: self.open_new_note())
        column.addWidget(self.new_button)
        column.addWidget(QLabel(self.tr("引継ぎの予定")))
        self.pending = QListWidget()
        self.pending.setObjectName("handoverPending")
        self.pending.setToolTip(self.tr("ダブルクリックでこの職員の引継書を作成します"))
        self.pending.itemActivated.connect(self._on_pending_activated)
        column.addWidget(self.pending, 2)
        column.addWidget(QLabel(self.tr("注意")))
        self.alerts = QListWidget()
        self.alerts.setObjectName("handoverAlerts")
        self.alerts.setWordWrap(True)
        column.addWidget(self.alerts, 2)
        column.addWidget(QLabel(self.tr("引継書")))
        self.notes = QTreeWidget()
        self.notes.setObjectName("handoverNotes")
        self.notes.setRootIsDecorated(False)
        self.notes.setHeaderLabels(
            [self.tr("引継日"), self.tr("前任 → 後任"), self.tr("状態"), self.tr("版")]
        )
        self.notes.currentItemChanged.connect(self._on_note_chosen)
        column.addWidget(self.notes, 3)
        return left

    def reload(self) -> None:
        """Read the pending handovers, the alerts and the notes again."""
        self.pending.clear()
        for p in handover_alerts.pending(self._ws):
            item = QListWidgetItem(
                self.tr("{name}　異動日 {day}　未引継 {count}件").format(
                    name=p.name, day=to_wareki(p.transferred_on), count=p.count
                )
            )
            item.setData(ID_ROLE, p.officer_id)
            self.pending.addItem(item)
        self.alerts.clear()
        for a in handover_alerts.alerts(self._ws):
            self.alerts.addItem(f"{a.kind}: {a.subject}　{a.note}")
        _placeholder(self.pending, self.tr("異動予定の職員の未引継はありません"))
        _placeholder(self.alerts, self.tr("注意することはありません"))
        chosen = self.view.note.id if self.view.note else ""
        self.notes.blockSignals(True)
        self.notes.clear()
        for note in self.service.notes():
            row = QTreeWidgetItem(
                [
                    to_wareki(note.handover_on),
                    f"{note.from_officer} → {note.to_officer}",
                    note.status,
                    str(note.revision),
                ]
            )
            row.setData(0, ID_ROLE, note.id)
            self.notes.addTopLevelItem(row)
            if note.id == chosen:
                self.notes.setCurrentItem(row)
        for column in range(4):
            self.notes.resizeColumnToContents(column)
        self.notes.blockSignals(False)

    def open_new_note(self, officer_id: str = "") -> NewNoteDialog:
        """Open the 新しい引継書 dialog (window-modal); the note it makes is shown."""
        dialog = NewNoteDialog(self._ws, self, officer_id)
        dialog.accepted.connect(lambda: self._on_created(dialog.note_id))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_pending_activated(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.open_new_note(str(item.data(ID_ROLE)))

    def _on_created(self, note_id: str) -> None:
        self.view.open_note(note_id)
        self.reload()

    def open_note(self, note_id: str) -> None:
        """Show ``note_id`` in the editor."""
        self.view.open_note(note_id)
        self.reload()

    def _on_note_chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.view.open_note(str(current.data(0, ID_ROLE)))

    def _on_changed(self, _note_id: str) -> None:
        self.reload()
