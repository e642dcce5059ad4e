"""The non-modal "who are you?" banner: the officer's name and 所属課 for the audit log."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kyodo_desktop.gui import errors
from kyodo_desktop.gui.styles import ERROR_STYLE, OK_COLORS, panel_style
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.settings import Officer, set_officer
from kyodo_desktop.services.workspace import Workspace


class OfficerPanel(QFrame):
    """Banner at the top of the window asking for the officer's name and section.

    Shown on first run (the name came from the OS user or ``KYODO_OFFICER``, not from the
    settings) and from 設定 › 職員の設定…. Signals: ``officer_saved(object)`` with the new
    :class:`Officer`.
    """

    officer_saved = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officerPanel")
        self.setStyleSheet(panel_style("officerPanel", *OK_COLORS))
        self._ws = workspace
        layout = QVBoxLayout(self)
        self._message = QLabel()
        self._message.setWordWrap(True)
        layout.addWidget(self._message)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("職員名")))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officerNameEdit")
        self.name_edit.setPlaceholderText(self.tr("例: 千葉 花子"))
        row.addWidget(self.name_edit, 2)
        row.addWidget(QLabel(self.tr("所属課")))
        self.section_edit = QLineEdit()
        self.section_edit.setObjectName("officerSectionEdit")
        self.section_edit.setPlaceholderText(self.tr("例: 県民生活課"))
        row.addWidget(self.section_edit, 2)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("officerSaveButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        row.addWidget(self.save_button)
        later = QPushButton(self.tr("後で"))
        later.setObjectName("officerLaterButton")
        later.clicked.connect(self.hide)
        row.addWidget(later)
        layout.addLayout(row)
        self._error = QLabel()
        self._error.setObjectName("officerError")
        self._error.setStyleSheet(ERROR_STYLE)
        self._error.hide()
        layout.addWidget(self._error)
        self.name_edit.returnPressed.connect(self._on_save_clicked)
        self.section_edit.returnPressed.connect(self._on_save_clicked)
        self.hide()

    def open_panel(self) -> None:
        """Show the panel filled with the current officer."""
        officer = self._ws.officer
        if officer.source == "settings":
            self._message.setText(self.tr("変更履歴に記録される職員名と所属課を変更できます。"))
            self.name_edit.setText(officer.name)
        else:
            self._message.setText(
                self.tr(
                    "職員名が設定されていません（現在はパソコンのユーザー名「{name}」で記録されます）。"
                    "変更履歴に記録される職員名と所属課を入力してください。"
                ).format(name=officer.name)
            )
            self.name_edit.clear()
        self.section_edit.setText(officer.section)
        self._error.hide()
        self.show()
        self.name_edit.setFocus()

    def _on_save_clicked(self) -> None:
        try:
            set_officer(self._ws.data_dir, self.name_edit.text(), self.section_edit.text())
        except (KnownError, OSError) as exc:  # a bug goes to the crash dialog
            errors.show_inline(self._error, exc, file=self.tr("設定を保存できませんでした: {reason}"))
            return
        officer: Officer = self._ws.reload_officer()
        self._error.hide()
        self.hide()
        self.officer_saved.emit(officer)
