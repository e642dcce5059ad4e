"""The home tab in the window: placed first, its items opening the other tabs' records.

:func:`install_home_tab` is the window's one hook (``MainWindow._show_workspace``); what an
item opens: an organization → its form (the registry tab's open path), a project →
``MainWindow.show_project``, an evaluation → the 評価 tab on the project, a handover → the
引継ぎ tab on the officer. The list is read again after changes the window hears of (the
officer chosen in 職員の設定 among them: it decides whose day the list is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from kyodo_desktop.gui.handover.tab import HandoverTab
from kyodo_desktop.gui.home.headline import install_headline
from kyodo_desktop.gui.home.tab import HomeTab

if TYPE_CHECKING:
    from kyodo_desktop.gui.main_window import MainWindow
    from kyodo_desktop.gui.preload import StartupRead
    from kyodo_desktop.services.today import Target


def _handover_tab(tabs: QTabWidget) -> HandoverTab | None:
    for n in range(tabs.count()):
        widget = tabs.widget(n)
        if isinstance(widget, HandoverTab):
            return widget
    return None


def open_target(window: MainWindow, target: Target) -> None:
    """Show the record ``target`` names (see the module)."""
    from kyodo_desktop.services.today import Opens

    tabs = window.tabs
    if tabs is None:
        return
    if target.opens is Opens.ORGANIZATION and window.organizations_tab is not None:
        window.organizations_tab.open_organization(target.id)
    elif target.opens is Opens.PROJECT:
        window.show_project(target.id)
    elif target.opens is Opens.EVALUATION and window.evaluations_tab is not None:
        tabs.setCurrentWidget(window.evaluations_tab)
        window.evaluations_tab.show_project(target.id)
    elif target.opens is Opens.HANDOVER:
        handover = _handover_tab(tabs)
        if handover is not None:
            tabs.setCurrentWidget(handover)
            handover.show_officer(target.id)


def log_contact(window: MainWindow) -> None:
    """対応を記録: choose an organization, then its form on the 対応記録 tab."""
    registry = window.organizations_tab
    if registry is None or not registry.writable:
        return
    from kyodo_desktop.gui.home.choose_org import ChooseOrganizationDialog

    dialog = ChooseOrganizationDialog(registry.service, window)
    window.home_chooser = dialog  # for tests and for the dialog's lifetime

    def chosen() -> None:
        if dialog.org_id is not None:
            form = registry.open_organization(dialog.org_id)
            if form is not None:
                form.show_interactions()

    dialog.accepted.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def install_home_tab(window: MainWindow, tabs: QTabWidget, preloaded: StartupRead | None = None) -> HomeTab:
    """Put the home tab first in ``tabs`` (shown), wired to ``window``'s tabs; its first read
    is ``preloaded``'s day when usable, else follows the registry's rows (or the file's check,
    whichever comes first)."""
    assert window.workspace is not None
    home = HomeTab(window.workspace)
    tabs.insertTab(0, home, QCoreApplication.translate("HomeTab", "ホーム"))
    tabs.setCurrentIndex(0)
    home.open_requested.connect(lambda target: open_target(window, target))
    home.log_contact_requested.connect(lambda: log_contact(window))
    install_headline(window, home.headline_strip)
    registry, projects = window.organizations_tab, window.projects_tab
    if registry is not None:
        registry.hold_read_ahead(home.list_shown)  # the first page is read and painted first
        home.new_organization_requested.connect(registry.new_organization)
        registry.organization_saved.connect(lambda _id: home.mark_stale())
        registry.imported.connect(home.mark_stale)
    if projects is not None:
        home.new_project_requested.connect(lambda: projects.open_wizard(None))
        projects.project_changed.connect(lambda _id: home.mark_stale())
    if window.evaluations_tab is not None:
        window.evaluations_tab.project_changed.connect(lambda _id: home.mark_stale())
    if window.officer_panel is not None:  # the officer chosen or changed: whose day it is
        window.officer_panel.officer_saved.connect(lambda _officer: home.officer_changed())
    home.hold_until(*([registry.rows_loaded] if registry is not None else []), window.file_verified)
    if preloaded is not None:
        home.use_startup_read(preloaded)

        def tab_changed(_index: int) -> None:
            if tabs.currentWidget() is not home:  # another tab first: it does not wait for the day
                preloaded.release_day()

        tabs.currentChanged.connect(tab_changed)
    return home
