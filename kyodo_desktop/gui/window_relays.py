"""The window's relays: a change heard from one tab or dialog shown by the others.

A mixin of :class:`~kyodo_desktop.gui.main_window.MainWindow` (kept apart so the window's class
stays small): each slot here only tells the tabs that hold a copy of the changed records to
read again, or brings the tab that shows a record forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from kyodo_desktop.gui.duplicates.view import DuplicatesView
    from kyodo_desktop.gui.evaluations.tab import EvaluationsTab
    from kyodo_desktop.gui.handover.tab import HandoverTab
    from kyodo_desktop.gui.home.tab import HomeTab
    from kyodo_desktop.gui.organizations.tab import OrganizationsTab
    from kyodo_desktop.gui.projects.tab import ProjectsTab
    from kyodo_desktop.gui.safety_net import SafetyNetActions


class WindowRelays:
    """The slots that pass record changes between the window's tabs (see the module)."""

    organizations_tab: OrganizationsTab | None
    projects_tab: ProjectsTab | None
    evaluations_tab: EvaluationsTab | None
    handover_tab: HandoverTab | None
    home_tab: HomeTab | None
    tabs: QTabWidget | None
    duplicates_view: DuplicatesView | None
    safety_net: SafetyNetActions

    if TYPE_CHECKING:  # QMainWindow's, reached through the window

        def raise_(self) -> None: ...
        def activateWindow(self) -> None: ...

    def _on_officer_assignment_changed(self, _officer_id: str) -> None:
        """An officer's 異動日 or 後任 changed: the 引継ぎ tab's pending handovers follow."""
        if self.handover_tab is not None:
            self.handover_tab.reload()

    def show_project(self, project_id: str) -> None:
        """Bring the 事業 tab forward with ``project_id`` selected (from an organization's form)."""
        if self.tabs is not None and self.projects_tab is not None:
            self.tabs.setCurrentWidget(self.projects_tab)
            self.projects_tab.show_project(project_id)
            self.raise_()
            self.activateWindow()

    def _on_evaluation_moved_project(self, _project_id: str) -> None:
        """A final conclusion moved a project's stage: the 事業 tab shows it."""
        if self.projects_tab is not None and self.projects_tab.started:
            self.projects_tab.reload()

    def _reload_evaluations(self) -> None:
        if self.evaluations_tab is not None:
            self.evaluations_tab.reload()
        if self.home_tab is not None:
            self.home_tab.mark_stale()  # the day's list follows every change the window hears of

    def on_record_undone(self, _org_id: str) -> None:
        """A change was undone in the history window: the table shows the record as it is now."""
        if self.organizations_tab is not None:
            self.organizations_tab.reload()
        self._reload_evaluations()  # an undone form import takes its evaluation away

    def _on_registry_merged(self, _keep_id: str, _other_id: str) -> None:
        if self.organizations_tab is not None:
            self.organizations_tab.reload()
        if self.home_tab is not None:
            self.home_tab.mark_stale()

    def _on_imported(self) -> None:
        self.safety_net.on_imported()
        if self.projects_tab is not None and self.projects_tab.started:
            self.projects_tab.reload()  # a past-project list may have been imported
        self._reload_evaluations()  # a partner's returned form may have been imported
        if self.duplicates_view is not None:
            self.duplicates_view.refresh_if_shown()  # imported records may pair up with stored ones
