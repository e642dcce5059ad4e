"""対応を記録's first step: choose the organization (a search over the registry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from kyodo_desktop.services.organizations import OrganizationService

#: at most this many hits are listed (a longer list is narrowed by typing more)
SHOWN = 200
_ID = Qt.ItemDataRole.UserRole


class ChooseOrganizationDialog(QDialog):
    """Type part of a name (or 法人番号, address …), pick one hit; :attr:`org_id` is the choice."""

    def __init__(self, service: Callable[[], OrganizationService], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseOrganizationDialog")
        self.setWindowTitle(self.tr("対応を記録する団体"))
        self.resize(520, 480)
        self._service = service
        self.org_id: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("団体名などの一部を入力して、団体を選んでください")))
        self.search = QLineEdit()
        self.search.setObjectName("chooseOrganizationSearch")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.hits = QListWidget()
        self.hits.setObjectName("chooseOrganizationList")
        self.hits.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.hits, 1)
        self.note = QLabel()
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("対応を記録"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)  # one search after a pause in typing, not one per key
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())

    def run_search(self) -> None:
        """List the organizations matching the text typed (at most :data:`SHOWN`)."""
        self._timer.stop()
        query = self.search.text().strip()
        self.hits.clear()
        if not query:
            self.note.setText("")
            return
        found = self._service().search(query)
        for org_id, name in found[:SHOWN]:
            item = QListWidgetItem(name)
            item.setData(_ID, org_id)
            self.hits.addItem(item)
        if found:
            self.hits.setCurrentRow(0)
        if len(found) > SHOWN:
            self.note.setText(
                self.tr("{count}件のうち{shown}件を表示しています").format(count=len(found), shown=SHOWN)
            )
        else:
            self.note.setText(self.tr("{count}件").format(count=len(found)))

    def accept(self) -> None:
        item = self.hits.currentItem()
        if item is None:
            return  # nothing chosen yet: the dialog stays
        self.org_id = str(item.data(_ID))
        super().accept()
