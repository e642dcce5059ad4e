"""The right side of the handover tab: one note — its items, sign-off, checklist and revisions.

Reads and writes go through ``HandoverService`` on the UI thread (one note is a few small
queries). A refused edit (absent without a reason, a stale version, a frozen note) is told in
the notice in Japanese and the typed text stays; once both officers have signed, every field is
read-only and a notice says so; 訂正する makes a new revision, the old one kept in the history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.validation import ValidationError, parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.handover.export_actions import export_pdf, export_workbook
from kyodo_desktop.gui.handover.item_editor import ItemEditor
from kyodo_desktop.gui.handover.signoff import ChecklistBox, SignOffBox
from kyodo_desktop.gui.styles import ERROR_STYLE, WARNING_COLORS, panel_style
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_checklist import HandoverChecklistService
from kyodo_desktop.services.handover_records import DRAFT, SIGNED, NoteRecord
from kyodo_desktop.services.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class NoteView(QWidget):
    """Shows and edits one note; ``changed(note_id)`` after a save, a signature or a revision."""

    changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.service = HandoverService(workspace)
        self.checklist_service = HandoverChecklistService(workspace)
        self.note: NoteRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.header = QLabel()
        self.header.setObjectName("handoverHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        exports = QHBoxLayout()
        exports.addWidget(self.header, 1)
        self.export_xlsx_button = _button("exportHandoverXlsx", self.tr("Excelに書き出す…"))
        self.export_xlsx_button.clicked.connect(lambda: self._export(export_workbook))
        exports.addWidget(self.export_xlsx_button)
        self.export_pdf_button = _button("exportHandoverPdf", self.tr("PDFに書き出す…"))
        self.export_pdf_button.clicked.connect(lambda: self._export(export_pdf))
        exports.addWidget(self.export_pdf_button)
        layout.addLayout(exports)
        self.frozen_notice = QLabel()
        self.frozen_notice.setObjectName("handoverFrozenNotice")
        self.frozen_notice.setWordWrap(True)
        self.frozen_notice.setStyleSheet(
            panel_style("handoverFrozenNotice", *WARNING_COLORS) + " QLabel { padding: 6px; }"
        )
        self.frozen_notice.hide()
        layout.addWidget(self.frozen_notice)
        self.notice = QLabel()
        self.notice.setObjectName("handoverNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.sections = QTabWidget()
        self.sections.setObjectName("handoverSections")
        self.sections.addTab(self._content_section(), self.tr("内容"))
        self.sections.addTab(self._signing_section(), self.tr("署名・確認・版"))
        # the officer may have been changed (設定 › 職員の設定…) since the note was shown
        self.sections.currentChanged.connect(lambda _n: self._show_checklist())
        layout.addWidget(self.sections, 1)
        self.show_note(None)

    def _content_section(self) -> QWidget:
        section = QWidget()
        layout = QVBoxLayout(section)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("団体・事業")))
        self.item_choice = QComboBox()
        self.item_choice.setObjectName("handoverItemChoice")
        self.item_choice.currentIndexChanged.connect(lambda _n: self._show_item())
        top.addWidget(self.item_choice, 1)
        # contact data only where the officer chose it (issue 13): compiled again when ticked
        self.include_contacts = QCheckBox(self.tr("連絡先の電話・メールを載せる"))
        self.include_contacts.setObjectName("handoverIncludeContacts")
        self.include_contacts.clicked.connect(self._set_include_contacts)
        top.addWidget(self.include_contacts)
        layout.addLayout(top)
        self.editor = ItemEditor(self._ws)
        layout.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_button = _button("saveHandoverItem", self.tr("保存"))
        self.save_button.clicked.connect(self.save_item)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        return section

    def _signing_section(self) -> QWidget:
        section = QWidget()
        layout = QVBoxLayout(section)
        self.signoff = SignOffBox()
        self.signoff.sign_requested.connect(self.sign)
        layout.addWidget(self.signoff)
        row = QHBoxLayout()
        self.checklist = ChecklistBox()
        self.checklist.acknowledged.connect(self._acknowledge)
        row.addWidget(self.checklist, 3)
        history = QVBoxLayout()
        history.addWidget(QLabel(self.tr("版の履歴")))
        self.revisions = QListWidget()
        self.revisions.setObjectName("handoverRevisions")
        self.revisions.itemActivated.connect(self._open_revision)
        self.revisions.itemClicked.connect(self._open_revision)
        history.addWidget(self.revisions, 1)
        self.revise_button = _button("reviseHandover", self.tr("訂正する"))
        self.revise_button.setToolTip(
            self.tr("署名済の引継書を訂正する新しい版を作ります（元の版は残ります）")
        )
        self.revise_button.clicked.connect(self.revise)
        history.addWidget(self.revise_button)
        row.addLayout(history, 2)
        layout.addLayout(row, 1)
        return section

    def _export(self, export: Callable[[QWidget | None, Workspace, str], object]) -> None:
        if self.note is not None:
            export(self, self._ws, self.note.id)

    # -- showing ------------------------------------------------------------------------------
    def open_note(self, note_id: str) -> None:
        """Read ``note_id`` and show it."""
        self.show_note(self.service.get(note_id))

    def show_note(self, note: NoteRecord | None) -> None:
        """Show ``note`` (None: nothing chosen)."""
        self.note = note
        self.notice.hide()
        self.sections.setEnabled(note is not None)
        self.export_xlsx_button.setEnabled(note is not None)  # a signed note is exported too
        self.export_pdf_button.setEnabled(note is not None)
        if note is None:
            self.header.setText(self.tr("左の一覧から引継書を選ぶか、「新しい引継書」で作成してください。"))
            self.frozen_notice.hide()
            self.item_choice.clear()
            self.editor.show_item(None, editable=False)
            self.checklist.show_entries([])
            self.revisions.clear()
            self.revise_button.setEnabled(False)
            return
        self.header.setText(
            self.tr("引継書 {day}　{from_}　→　{to}　第{rev}版（{status}）").format(
                day=to_wareki(note.handover_on),
                from_=note.from_officer,
                to=note.to_officer,
                rev=note.revision,
                status=note.status,
            )
        )
        if note.frozen:
            self.frozen_notice.setText(
                self.tr(
                    "この版は{status}のため編集できません（読み取り専用）。直す場合は「訂正する」で新しい版を作ってください。"
                ).format(status=note.status)
            )
        self.frozen_notice.setVisible(note.frozen)
        current = self.item_choice.currentIndex()
        self.item_choice.blockSignals(True)
        self.item_choice.clear()
        for item in note.items:
            self.item_choice.addItem(f"{item.kind}: {item.subject}", item.id)
        self.item_choice.setCurrentIndex(min(max(current, 0), len(note.items) - 1))
        self.item_choice.blockSignals(False)
        self._show_item()
        self.save_button.setEnabled(not note.frozen)
        self.include_contacts.setChecked(note.include_contacts)
        self.include_contacts.setEnabled(not note.frozen)
        self.signoff.show_note(note)
        self._show_checklist()
        self.revisions.clear()
        for rev in self.service.revisions(note.id):
            entry = QListWidgetItem(
                self.tr("第{rev}版　{status}").format(rev=rev.revision, status=rev.status)
            )
            entry.setData(ID_ROLE, rev.id)
            self.revisions.addItem(entry)
            if rev.id == note.id:
                self.revisions.setCurrentItem(entry)
        self.revise_button.setEnabled(note.status == SIGNED)

    def _show_item(self) -> None:
        note = self.note
        index = self.item_choice.currentIndex()
        item = note.items[index] if note is not None and 0 <= index < len(note.items) else None
        self.editor.show_item(item, editable=note is not None and note.status == DRAFT)

    def _open_revision(self, entry: QListWidgetItem) -> None:
        note_id = str(entry.data(ID_ROLE))
        if self.note is None or note_id != self.note.id:
            self.open_note(note_id)

    # -- writing ------------------------------------------------------------------------------
    def _attempt(self, what: str, action: Callable[[NoteRecord], object]) -> bool:
        note = self.note
        if note is None:
            return False
        try:
            action(note)
        except Exception as exc:  # a refusal stays in the notice; a bug is logged there
            errors.show_inline(self.notice, exc, what=what)
            return False
        self.open_note(note.id)
        self.changed.emit(note.id)
        return True

    def save_item(self) -> bool:
        """Save the shown item's narrative and partner presence."""
        return self._attempt(
            "save handover item", lambda note: self.editor.save(self.service, note.id, note.version)
        )

    def sign(self, side: str) -> bool:
        """Sign as ``side`` (前任 / 後任) with the name and date typed."""

        def act(note: NoteRecord) -> None:
            day = parse_date(self.signoff.dates[side].text(), "signed_on")
            if day is None:
                raise ValidationError("signed_on", "署名の日付を入力してください")
            self.service.sign(
                note.id, side, self.signoff.names[side].text(), day, expected_version=note.version
            )

        return self._attempt("sign handover note", act)

    def revise(self) -> bool:
        """Make a correcting revision of the signed note and show it."""
        note = self.note
        if note is None:
            return False
        try:
            new_id = self.service.revise(note.id)
        except Exception as exc:  # a refusal stays in the notice; a bug is logged there
            errors.show_inline(self.notice, exc, what="revise handover note")
            return False
        self.open_note(new_id)
        self.sections.setCurrentIndex(0)
        self.changed.emit(new_id)
        return True

    def _set_include_contacts(self, include: bool) -> None:
        if not self._attempt(
            "set handover contacts",
            lambda note: self.service.set_include_contacts(note.id, include, expected_version=note.version),
        ):
            self.include_contacts.setChecked(not include)

    def _show_checklist(self) -> None:
        note = self.note
        if note is not None:
            entries = self.checklist_service.checklist(note.id)
            self.checklist.show_entries(entries, locked_reason=self._checklist_lock(note))

    def _checklist_lock(self, note: NoteRecord) -> str:
        """Why the current officer cannot tick the checklist ("" for the successor)."""
        if not self._ws.writable:
            return self.tr("読み取り専用で開いているため確認できません。")
        if self.checklist_service.current_officer_id() == note.to_officer_id:
            return ""
        return self.tr(
            "確認できるのは後任の{successor}さんだけです（現在の職員: {me}）。"
            "職員は「設定 › 職員の設定…」で切り替えられます。"
        ).format(successor=note.to_officer, me=self._ws.officer.label())

    def _acknowledge(self, key: str) -> None:
        me = self.checklist_service.current_officer_id() or ""
        self._attempt(
            "acknowledge handover item",
            lambda note: self.checklist_service.acknowledge(note.id, key, by=me, on=date.today()),
        )
