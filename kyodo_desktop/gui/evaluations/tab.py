"""The evaluations tab's page (``evaluationsTab``): empty until it is first shown.

Start-up builds only this shell, so the registry's start-up reads nothing for evaluations and
loads no SQLAlchemy for it: the page (``gui/evaluations/page.py``) is imported and built on the
first show, or when a project is asked for (:meth:`show_project`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui.lazy_pane import LazyPane
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.evaluations.page import EvaluationsPage

PAGE_MODULE = "kyodo_desktop.gui.evaluations.page"


class EvaluationsTab(LazyPane):
    """The 評価 tab: builds :class:`~kyodo_desktop.gui.evaluations.page.EvaluationsPage` lazily.

    ``project_changed(str)`` when a recorded conclusion moved a project's stage.
    """

    project_changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self._build_page, parent)
        self.setObjectName("evaluationsTab")
        self._ws = workspace
        self.page: EvaluationsPage | None = None

    def _build_page(self) -> QWidget:
        module = importlib.import_module(PAGE_MODULE)
        page: EvaluationsPage = module.EvaluationsPage(self._ws, self)
        page.project_changed.connect(self.project_changed)
        page.reload()
        self.page = page
        return page

    def ensure_page(self) -> EvaluationsPage:
        """The page, built (and its lists read) on first use."""
        self.ensure()
        assert self.page is not None
        return self.page

    def show_project(self, project_id: str) -> None:
        """Open ``project_id``'s evaluations (the page built if needed)."""
        self.ensure_page().open_project(project_id)

    def reload(self) -> None:
        """Read the lists again when the page is built (a project changed elsewhere)."""
        if self.page is not None:
            self.page.reload()

    def shutdown(self) -> None:
        """Stop background work (before the window closes)."""
        if self.page is not None:
            self.page.shutdown()
