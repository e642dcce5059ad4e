"""The 事業 tab of the organization form: the projects the organization takes part in.

Read when the tab is first shown (``ProjectService.projects_of_organization``); a double-click
asks for the project in the window's 事業 tab.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kyodo_desktop.gui.projects.detail_models import TextRowsModel
from kyodo_desktop.gui.projects.labels import term, year_label
from kyodo_desktop.gui.styles import HINT_STYLE
from kyodo_desktop.gui.table_base import list_table
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


class OrganizationProjectsPanel(QWidget):
    """年度, 事業名, 役割, 形態, 段階 of one organization's projects.

    Signals: ``project_requested(str)`` with the id of a double-clicked project.
    """

    project_requested = Signal(str)

    def __init__(
        self, workspace: Workspace, org_id: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = ProjectService(workspace)
        self._org_id = org_id
        layout = QVBoxLayout(self)
        self.model = TextRowsModel(
            [self.tr("年度"), self.tr("事業名"), self.tr("役割"), self.tr("形態"), self.tr("段階")], self
        )
        self.table = list_table("orgProjectsTable", self.model, 1)
        self.table.doubleClicked.connect(self._on_double_clicked)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("ダブルクリックで事業タブに表示します。"))
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)

    def refresh(self) -> None:
        """Read the organization's projects again."""
        org_id = self._org_id()
        rows = [] if org_id is None else self._service.projects_of_organization(org_id)
        self.model.set_rows(
            [(year_label(p.fiscal_year), p.title, term(p.role), term(p.form), term(p.stage)) for p in rows],
            [p.id for p in rows],
        )

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.project_requested.emit(self.model.key(index.row()))
