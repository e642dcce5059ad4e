"""The messages above the organization form: read-only/trash notice, a 市町村 outside the list,
stale edit, duplicates, errors.

Everything here is shown inline, never in a modal box, so the officer's input stays in view
while they decide (open the existing record, save anyway, or reload the stored version).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.gui.organizations.form_widgets import error_label
from kyodo_desktop.gui.styles import ERROR_COLORS, INFO_COLORS, WARNING_COLORS, panel_style
from kyodo_desktop.services.organizations import DuplicateOrganizationError


class NoticePanel(QWidget):
    """The stack of inline messages of the organization form (each hidden until needed).

    Signals: ``reload_requested()`` (最新の内容を開き直す after a stale save),
    ``save_anyway_requested()`` (重複を承知で保存) and ``open_existing_requested(str)`` with the
    id of the likely duplicate the officer chose to open.
    """

    reload_requested = Signal()
    save_anyway_requested = Signal()
    open_existing_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self._notice = QLabel()
        self._notice.setObjectName("noticeLabel")
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet(f"background: {INFO_COLORS[0]}; padding: 6px; border-radius: 4px;")
        self._notice.hide()
        layout.addWidget(self._notice)

        # a remark on the stored record (横浜市 is kept as typed), so it stays until the record changes
        self._warning = QLabel()
        self._warning.setObjectName("recordWarning")
        self._warning.setWordWrap(True)
        self._warning.setStyleSheet(f"background: {WARNING_COLORS[0]}; padding: 6px; border-radius: 4px;")
        self._warning.hide()
        layout.addWidget(self._warning)

        layout.addWidget(self._build_stale_panel())
        layout.addWidget(self._build_duplicate_panel())
        self.general_error = error_label("generalError")
        layout.addWidget(self.general_error)

    def _build_stale_panel(self) -> QFrame:
        self._stale_panel = QFrame()
        self._stale_panel.setObjectName("stalePanel")
        self._stale_panel.setStyleSheet(panel_style("stalePanel", *ERROR_COLORS))
        layout = QHBoxLayout(self._stale_panel)
        self._stale_label = QLabel()
        self._stale_label.setObjectName("staleLabel")
        self._stale_label.setWordWrap(True)
        layout.addWidget(self._stale_label, 1)
        reload_button = QPushButton(self.tr("最新の内容を開き直す"))
        reload_button.setObjectName("reloadButton")
        reload_button.setAutoDefault(False)
        reload_button.clicked.connect(self._on_reload_clicked)
        layout.addWidget(reload_button, 0, Qt.AlignmentFlag.AlignTop)
        self._stale_panel.hide()
        return self._stale_panel

    def _build_duplicate_panel(self) -> QFrame:
        self._duplicate_panel = QFrame()
        self._duplicate_panel.setObjectName("duplicatePanel")
        self._duplicate_panel.setStyleSheet(panel_style("duplicatePanel", *WARNING_COLORS))
        layout = QVBoxLayout(self._duplicate_panel)
        title = QLabel(
            self.tr("同じ団体が既に登録されている可能性があります。登録済みの団体を確認してください。")
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        self._duplicate_list = QListWidget()
        self._duplicate_list.setObjectName("duplicateList")
        self._duplicate_list.itemDoubleClicked.connect(self._on_open_existing_clicked)
        layout.addWidget(self._duplicate_list)
        row = QHBoxLayout()
        row.addStretch(1)
        open_button = QPushButton(self.tr("既存の団体を開く"))
        open_button.setObjectName("openExistingButton")
        open_button.clicked.connect(self._on_open_existing_clicked)
        anyway_button = QPushButton(self.tr("重複を承知で保存"))
        anyway_button.setObjectName("saveAnywayButton")
        anyway_button.clicked.connect(self._on_save_anyway_clicked)
        for button in (open_button, anyway_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self._duplicate_panel.hide()
        return self._duplicate_panel

    # -- showing ------------------------------------------------------------------------------
    def set_notice(self, text: str, visible: bool = True) -> None:
        """The information line at the top (閲覧専用, ゴミ箱); it stays until changed."""
        self._notice.setText(text)
        self._notice.setVisible(visible)

    def set_warning(self, text: str) -> None:
        """A remark on the record as stored (a 市町村 outside the list); hidden when ``text`` is ""."""
        self._warning.setText(text)
        self._warning.setVisible(bool(text))

    def clear(self) -> None:
        """Hide the messages of the last save (not the notice)."""
        self.general_error.hide()
        self._duplicate_panel.hide()
        self._stale_panel.hide()

    def show_error(self, text: str) -> None:
        """A problem that belongs to no field (a locked file, a message without a field …)."""
        self.general_error.setText(text)
        self.general_error.show()

    def show_stale(self, text: str) -> None:
        """The record changed since it was opened: say so and offer to reload it."""
        self._stale_label.setText(text)
        self._stale_panel.show()

    def show_duplicates(self, exc: DuplicateOrganizationError) -> None:
        """List the likely duplicates the save found, the first one selected."""
        self._duplicate_list.clear()
        for match in exc.matches:
            item = QListWidgetItem(f"{match.name}（{'、'.join(match.reasons)}）")
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self._duplicate_list.addItem(item)
        self._duplicate_list.setCurrentRow(0)
        rows = min(self._duplicate_list.count(), 4)
        frame = 2 * self._duplicate_list.frameWidth()
        self._duplicate_list.setFixedHeight(rows * self._duplicate_list.sizeHintForRow(0) + frame + 2)
        self._duplicate_panel.show()

    def _on_open_existing_clicked(self) -> None:
        item = self._duplicate_list.currentItem() or self._duplicate_list.item(0)
        if item is not None:
            self.open_existing_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_reload_clicked(self) -> None:
        self.reload_requested.emit()

    def _on_save_anyway_clicked(self) -> None:
        self.save_anyway_requested.emit()
