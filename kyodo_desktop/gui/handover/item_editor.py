"""One scope item of a note: the compiled dossier beside the narrative, and パートナー同席.

The dossier (read-only, from the records when the note was made) is on the left, the five
narrative parts the predecessor writes on the right, with the partner-present panel under them.
A partner marked absent needs a reason (the service refuses it without one, and the notice says
so in Japanese); once saved, the introduction meeting made for the successor is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.validation import parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.handover.dossier_text import dossier_text
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_records import NARRATIVE_FIELDS, ItemRecord, Narrative
from kyodo_desktop.services.workspace import Workspace

#: The presence choices: not recorded yet, present, absent.
PRESENCE = (None, True, False)


class ItemEditor(QWidget):
    """The dossier, the narrative fields and the partner-present panel of one item."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.item: ItemRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.dossier = QPlainTextEdit()
        self.dossier.setObjectName("handoverDossier")
        self.dossier.setReadOnly(True)
        box = QGroupBox(self.tr("記録から（自動作成）"))
        QVBoxLayout(box).addWidget(self.dossier)
        splitter.addWidget(box)
        right = QWidget()
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QPlainTextEdit] = {}
        labels = {  # NARRATIVE_FIELDS' labels, spelled out for the translations
            "background": self.tr("経緯"),
            "agreements": self.tr("合意事項・約束"),
            "open_issues": self.tr("未解決の課題"),
            "plans": self.tr("今後の予定"),
            "cautions": self.tr("留意事項"),
        }
        for field in NARRATIVE_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"narrative_{field}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(44)
            self.fields[field] = edit
            form.addRow(labels[field], edit)
        form.addRow(self._presence_box())
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)

    def _presence_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("パートナー同席"))
        form = QFormLayout(box)
        self.presence = QComboBox()
        self.presence.setObjectName("partnerPresence")
        for text in (self.tr("未記録"), self.tr("同席した"), self.tr("同席しなかった")):
            self.presence.addItem(text)
        self.present_on = QLineEdit()
        self.present_on.setObjectName("partnerPresentOn")
        self.attendees = QLineEdit()
        self.attendees.setObjectName("partnerAttendees")
        self.reason = QLineEdit()
        self.reason.setObjectName("absenceReason")
        self.reason.setPlaceholderText(self.tr("同席しなかった場合は必須"))
        self.followup = QLabel()
        self.followup.setObjectName("followupTask")
        self.followup.setWordWrap(True)
        self.followup.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("同席"), self.presence)
        form.addRow(self.tr("同席日"), self.present_on)
        form.addRow(self.tr("出席者（団体側）"), self.attendees)
        form.addRow(self.tr("同席しなかった理由"), self.reason)
        form.addRow(self.followup)
        self.presence.currentIndexChanged.connect(lambda _n: self._show_presence_fields())
        return box

    def _show_presence_fields(self) -> None:
        present = PRESENCE[self.presence.currentIndex()]
        self.present_on.setEnabled(self._editable and present is True)
        self.attendees.setEnabled(self._editable and present is True)
        self.reason.setEnabled(self._editable and present is False)

    _editable = True

    def show_item(self, item: ItemRecord | None, *, editable: bool) -> None:
        """Fill the widgets from ``item`` (none: cleared); ``editable`` False for a frozen note."""
        self.item = item
        self._editable = editable and item is not None
        self.dossier.setPlainText(dossier_text(item.dossier) if item else "")
        for field, edit in self.fields.items():
            edit.setPlainText(getattr(item.narrative, field) if item else "")
            edit.setReadOnly(not self._editable)
            edit.setEnabled(self._editable)
        self.presence.setCurrentIndex(PRESENCE.index(item.partner_present) if item else 0)
        self.present_on.setText(to_wareki(item.present_on) if item and item.present_on else "")
        self.attendees.setText(item.attendees if item else "")
        self.reason.setText(item.absence_reason if item else "")
        self.presence.setEnabled(self._editable)
        self._show_presence_fields()
        self.followup.setText(self._followup_text(item))
        self.followup.setVisible(bool(self.followup.text()))

    def _followup_text(self, item: ItemRecord | None) -> str:
        if item is None or item.followup_commitment_id is None:
            return ""
        try:
            task = CommitmentService(self._ws).get(item.followup_commitment_id)
        except Exception as exc:  # deleted from a 約束・宿題 list (asked there): say so, not fail
            if errors.known_text(exc) is None:
                raise
            return self.tr("後任への紹介の予定（約束・宿題）は削除されています。")
        due = to_wareki(task.due_on) if task.due_on else "—"
        return self.tr(
            "後任への紹介の予定（約束・宿題）: {text}　期限 {due}　担当 {owner}　状態 {status}"
        ).format(text=task.text, due=due, owner=task.owner, status=task.status)

    def narrative(self) -> Narrative:
        """The narrative as typed."""
        return Narrative(**{f: e.toPlainText() for f, e in self.fields.items()})

    def save(self, service: HandoverService, note_id: str, version: int) -> int:
        """Save the presence (when changed) and the narrative; the note's new version.

        The presence goes first: its refusal (absent without a reason) leaves nothing saved.
        """
        item = self.item
        assert item is not None
        present = PRESENCE[self.presence.currentIndex()]
        if present is not None:
            day = parse_date(self.present_on.text(), "present_on") if present else None
            wanted = (
                present,
                day if present else None,
                self.attendees.text().strip(),
                self.reason.text().strip(),
            )
            stored = (item.partner_present, item.present_on, item.attendees, item.absence_reason)
            if wanted != stored:
                version = service.set_partner_presence(
                    note_id,
                    item.id,
                    present=present,
                    expected_version=version,
                    present_on=day,
                    attendees=self.attendees.text() if present else "",
                    absence_reason="" if present else self.reason.text(),
                )
        return service.save_narrative(note_id, item.id, self.narrative(), expected_version=version)
