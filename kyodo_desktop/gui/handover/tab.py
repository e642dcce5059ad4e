"""The handover tab's page (``handoverTab``): empty until it is first shown.

Start-up builds only this shell, so the registry's start-up reads nothing for handovers and
loads no SQLAlchemy for it: the page (``gui/handover/page.py``) is imported and built on the
first show.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui.lazy_pane import LazyPane
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.handover.page import HandoverPage

PAGE_MODULE = "kyodo_desktop.gui.handover.page"


class HandoverTab(LazyPane):
    """The 引継ぎ tab: builds :class:`~kyodo_desktop.gui.handover.page.HandoverPage` lazily."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self._build_page, parent)
        self.setObjectName("handoverTab")
        self._ws = workspace
        self.page: HandoverPage | None = None

    def _build_page(self) -> QWidget:
        module = importlib.import_module(PAGE_MODULE)
        page: HandoverPage = module.HandoverPage(self._ws, self)
        page.reload()
        self.page = page
        return page

    def ensure_page(self) -> HandoverPage:
        """The page, built (and its lists read) on first use."""
        self.ensure()
        assert self.page is not None
        return self.page

    def reload(self) -> None:
        """Read the page's lists again (an officer's 異動日 or 後任 changed); nothing before it is built."""
        if self.page is not None:
            self.page.reload()

    def show_officer(self, officer_id: str) -> None:
        """Select ``officer_id``'s line in the pending handovers (the page built if needed)."""
        page = self.ensure_page()
        for row in range(page.pending.count()):
            item = page.pending.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == officer_id:
                page.pending.setCurrentItem(item)
                page.pending.setFocus()
                return
